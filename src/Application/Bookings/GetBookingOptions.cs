using Mediator;
using VetOS.Application.Clinics;
using VetOS.Domain;

namespace VetOS.Application.Bookings;

/// <summary>What an owner chooses from when booking at a clinic: its appointment types (for which species) and its vets and rooms.</summary>
public sealed record GetBookingOptionsQuery(string Slug) : IQuery<BookingOptions?>;

public sealed record BookingOptions(
    Guid Clinic, string Slug, ClinicDetails Details, TimeSpan CancellationWindow,
    IReadOnlyList<BookableType> Types, IReadOnlyDictionary<Guid, string> Resources)
{
    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(Details.TimeZone);

    public BookableType? FindType(Guid id) => Types.FirstOrDefault(t => t.Id == id);
}

/// <summary>An appointment type as owners see it: those the owner may not book directly are requested, for staff to confirm.</summary>
public sealed record BookableType(Guid Id, string Name, TimeSpan Duration, IReadOnlySet<string> Species, bool OwnersMayBookDirectly)
{
    public bool IsFor(string species) => Species.Contains(species);
}

public sealed class GetBookingOptionsHandler(IClinicRegistry clinics, IClinicRulesSource rules) : IQueryHandler<GetBookingOptionsQuery, BookingOptions?>
{
    public async ValueTask<BookingOptions?> Handle(GetBookingOptionsQuery query, CancellationToken cancellationToken)
    {
        if (await clinics.FindBySlugAsync(query.Slug, cancellationToken) is not { } clinic
            || await rules.FindAsync(new ClinicId(clinic.Id), cancellationToken) is not { } clinicRules)
            return null;
        var types = clinicRules.AppointmentTypes
            .Select(t => new BookableType(t.Id.Value, t.Name, t.Duration, t.Species, t.OwnersMayBookDirectly))
            .OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        return new BookingOptions(clinic.Id, clinic.Details.Slug, clinic.Details, clinicRules.CancellationWindow, types,
            clinicRules.Resources.ToDictionary(r => r.Id.Value, r => r.Name));
    }
}
