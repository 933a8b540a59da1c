using VetOS.Domain;
using VetOS.Domain.Clinics;

namespace VetOS.Application.Clinics;

/// <summary>A clinic's booking setup, as its admins edit it. Each method returns false when there is no such clinic (or item).</summary>
public interface IClinicSetup
{
    Task<bool> SetBookingPolicyAsync(ClinicId clinic, BookingPolicy policy, CancellationToken cancellationToken);

    Task<bool> SetOpeningHoursAsync(ClinicId clinic, IReadOnlyList<OpeningPeriod> hours, CancellationToken cancellationToken);

    Task<bool> AddBlockedTimeAsync(ClinicId clinic, Guid id, BlockedTime blocked, CancellationToken cancellationToken);

    Task<bool> RemoveBlockedTimeAsync(ClinicId clinic, Guid id, CancellationToken cancellationToken);

    Task<bool> SaveResourceAsync(ClinicId clinic, Resource resource, CancellationToken cancellationToken);

    Task<bool> SaveAppointmentTypeAsync(ClinicId clinic, AppointmentType type, CancellationToken cancellationToken);
}

public sealed record BookingPolicy(TimeSpan MinimumLeadTime, TimeSpan Buffer, TimeSpan BookingHorizon, TimeSpan CancellationWindow);
