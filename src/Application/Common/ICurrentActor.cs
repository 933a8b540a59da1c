using VetOS.Domain;

namespace VetOS.Application.Common;

/// <summary>
/// The authorization seam: who is making the current request, or null when nobody is signed in.
/// Identity fills it; until then a development-only header does.
/// </summary>
public interface ICurrentActor
{
    Actor? Actor { get; }
}

/// <summary>A request that needs a signed-in actor.</summary>
public interface IAuthenticatedRequest;

/// <summary>A request only staff of <see cref="Clinic"/> may make.</summary>
public interface IStaffRequest : IAuthenticatedRequest
{
    Guid Clinic { get; }
}

public sealed class NotAuthenticatedException() : Exception("Sign in first.");

public sealed class ForbiddenException(string reason) : Exception(reason);

/// <summary>A request only the admins of <see cref="IStaffRequest.Clinic"/> may make.</summary>
public interface IClinicAdminRequest : IStaffRequest;
