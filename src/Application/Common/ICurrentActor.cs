using VetOS.Domain;

namespace VetOS.Application.Common;

/// <summary>The authorization seam: who is making the current request, or null when nobody is signed in.</summary>
public interface ICurrentActor
{
    Actor? Actor { get; }
}

/// <summary>A request that needs a signed-in actor.</summary>
public interface IAuthenticatedRequest;

/// <summary>A request about one clinic's records.</summary>
public interface IClinicRequest : IAuthenticatedRequest
{
    Guid Clinic { get; }
}

/// <summary>A request only staff of <see cref="IClinicRequest.Clinic"/> may make.</summary>
public interface IStaffRequest : IClinicRequest;

/// <summary>A request only the admins of <see cref="IClinicRequest.Clinic"/> may make.</summary>
public interface IClinicAdminRequest : IStaffRequest;

/// <summary>A read only the clinic's auditors and admins may make.</summary>
public interface IAuditRequest : IClinicRequest;

/// <summary>A request only platform operators may make.</summary>
public interface IOperatorRequest : IAuthenticatedRequest;

public sealed class NotAuthenticatedException() : Exception("Sign in first.");

public sealed class ForbiddenException(string reason) : Exception(reason);
