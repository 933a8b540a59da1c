namespace VetOS.Application.Clinics;

/// <summary>Who a clinic is and whom its clients contact about their data: what its page and privacy policy show.</summary>
public sealed record ClinicDetails(
    string Name, string Slug, string Address, string TimeZone, string ContactEmail, string ContactPhone, string GrievanceContact);

public sealed record ClinicListing(Guid Id, string Slug, string Name, string TimeZone, DateTimeOffset CreatedAt, int StaffCount);

/// <summary>A clinic found by its slug: its id, when it joined the portal, and its details.</summary>
public sealed record RegisteredClinic(Guid Id, DateTimeOffset CreatedAt, ClinicDetails Details);

public enum ClinicSaved { Saved, NoSuchClinic, SlugTaken }

/// <summary>The clinics on the platform, as operators onboard them and their admins describe them.</summary>
public interface IClinicRegistry
{
    Task<ClinicSaved> CreateAsync(Guid id, ClinicDetails details, CancellationToken cancellationToken);

    Task<ClinicSaved> UpdateAsync(Guid id, ClinicDetails details, CancellationToken cancellationToken);

    Task<ClinicDetails?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<RegisteredClinic?> FindBySlugAsync(string slug, CancellationToken cancellationToken);

    Task<IReadOnlyList<ClinicListing>> ListAsync(CancellationToken cancellationToken);
}
