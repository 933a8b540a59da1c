using VetOS.Domain.Bookings;
using VetOS.Domain.Clinics;

namespace VetOS.Domain.Tests.Bookings;

/// <summary>
/// A realistic small-animal practice in London, and the fixed instants the specifications run at.
/// Nothing here reads the clock.
/// </summary>
internal static class Clinic
{
    public static readonly ClinicId Id = new(Guid.Parse("c1111111-0000-0000-0000-000000000001"));
    public static readonly ClinicId OtherClinic = new(Guid.Parse("c2222222-0000-0000-0000-000000000002"));

    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    // Resources: two vets and a room.
    public static readonly ResourceId DrPatel = new(Guid.Parse("e1111111-0000-0000-0000-0000000000a1"));
    public static readonly ResourceId DrOkafor = new(Guid.Parse("e2222222-0000-0000-0000-0000000000a2"));
    public static readonly ResourceId VaccinationRoom = new(Guid.Parse("e3333333-0000-0000-0000-0000000000a3"));

    public static readonly AppointmentType Consultation = new(
        new AppointmentTypeId(Guid.Parse("71111111-0000-0000-0000-0000000000b1")),
        "Consultation", TimeSpan.FromMinutes(20),
        new HashSet<string> { "dog", "cat", "rabbit" },
        new HashSet<ResourceId> { DrPatel, DrOkafor },
        OwnersMayBookDirectly: true);

    public static readonly AppointmentType Vaccination = new(
        new AppointmentTypeId(Guid.Parse("72222222-0000-0000-0000-0000000000b2")),
        "Vaccination", TimeSpan.FromMinutes(15),
        new HashSet<string> { "dog", "cat" },
        new HashSet<ResourceId> { DrPatel, DrOkafor, VaccinationRoom },
        OwnersMayBookDirectly: true);

    public static readonly AppointmentType SurgeryConsult = new(
        new AppointmentTypeId(Guid.Parse("73333333-0000-0000-0000-0000000000b3")),
        "Surgery consult", TimeSpan.FromMinutes(30),
        new HashSet<string> { "dog", "cat" },
        new HashSet<ResourceId> { DrPatel },
        OwnersMayBookDirectly: false);

    public static readonly AppointmentTypeId UnknownType = new(Guid.Parse("7fffffff-0000-0000-0000-0000000000bf"));

    // Staff.
    public static readonly Actor Receptionist = new(Guid.Parse("5a111111-0000-0000-0000-0000000000d1"), ActorRole.Receptionist, Id);
    public static readonly Actor Vet = new(DrPatel.Value, ActorRole.Vet, Id);
    public static readonly Actor Admin = new(Guid.Parse("5a333333-0000-0000-0000-0000000000d3"), ActorRole.ClinicAdmin, Id);
    public static readonly Actor ReceptionistOfAnotherClinic = new(Guid.Parse("5a444444-0000-0000-0000-0000000000d4"), ActorRole.Receptionist, OtherClinic);

    /// <summary>"Now" in winter: Monday 2026-11-23 09:00 London, which is 09:00Z (GMT, UTC+0).</summary>
    public static readonly DateTimeOffset Now = At(2026, 11, 23, 9, 0);

    /// <summary>"Now" in summer: Monday 2027-06-07 09:00 London, which is 08:00Z (BST, UTC+1).</summary>
    public static readonly DateTimeOffset SummerNow = At(2027, 6, 7, 8, 0);

    /// <summary>Dr Okafor's CPD training: Wednesday 2026-11-25 13:00Z–15:00Z.</summary>
    public static readonly BlockedTime OkaforTraining = new(new TimeSlot(At(2026, 11, 25, 13, 0), At(2026, 11, 25, 15, 0)), DrOkafor, "CPD training");

    /// <summary>Christmas Day, Friday 2026-12-25, the whole clinic is closed (midnight to midnight London = UTC in winter).</summary>
    public static readonly BlockedTime ChristmasClosure = new(new TimeSlot(At(2026, 12, 25, 0, 0), At(2026, 12, 26, 0, 0)), null, "Christmas Day");

    public static readonly ClinicRules Rules = new(
        Id,
        London,
        OpeningHours:
        [
            new(DayOfWeek.Monday, new TimeOnly(8, 0), new TimeOnly(18, 0)),
            new(DayOfWeek.Tuesday, new TimeOnly(8, 0), new TimeOnly(18, 0)),
            new(DayOfWeek.Wednesday, new TimeOnly(8, 0), new TimeOnly(18, 0)),
            new(DayOfWeek.Thursday, new TimeOnly(8, 0), new TimeOnly(18, 0)),
            new(DayOfWeek.Friday, new TimeOnly(8, 0), new TimeOnly(18, 0)),
            new(DayOfWeek.Saturday, new TimeOnly(9, 0), new TimeOnly(13, 0)),
        ],
        BlockedTimes: [OkaforTraining, ChristmasClosure],
        Resources:
        [
            new(DrPatel, "Dr Patel", "vet"),
            new(DrOkafor, "Dr Okafor", "vet"),
            new(VaccinationRoom, "Vaccination room", "room"),
        ],
        AppointmentTypes: [Consultation, Vaccination, SurgeryConsult],
        MinimumLeadTime: TimeSpan.FromHours(2),
        Buffer: TimeSpan.FromMinutes(10),
        BookingHorizon: TimeSpan.FromDays(60),
        CancellationWindow: TimeSpan.FromHours(24));

    /// <summary>An instant given in UTC.</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour, int minute, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);

    /// <summary>An instant given as a wall-clock time in London (GMT in winter, BST in summer).</summary>
    public static DateTimeOffset LondonTime(int year, int month, int day, int hour, int minute)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, London.GetUtcOffset(local));
    }
}

/// <summary>The clinic's clients and their pets, and one owner who is not a client.</summary>
internal static class Clients
{
    public static readonly OwnerId Alice = new(Guid.Parse("0a111111-0000-0000-0000-0000000000c1"));
    public static readonly OwnerId Bob = new(Guid.Parse("0b222222-0000-0000-0000-0000000000c2"));

    public static readonly Actor AliceActing = Actor.Owner(Alice);
    public static readonly Actor BobActing = Actor.Owner(Bob);

    /// <summary>Alice's dog.</summary>
    public static readonly PetFacts Rex = new(new PetId(Guid.Parse("9e111111-0000-0000-0000-0000000000f1")), Alice, "dog");

    /// <summary>Alice's rabbit.</summary>
    public static readonly PetFacts Thumper = new(new PetId(Guid.Parse("9e222222-0000-0000-0000-0000000000f2")), Alice, "rabbit");

    /// <summary>Alice's parrot: no appointment type here takes birds.</summary>
    public static readonly PetFacts Polly = new(new PetId(Guid.Parse("9e333333-0000-0000-0000-0000000000f3")), Alice, "parrot");

    /// <summary>Bob's cat.</summary>
    public static readonly PetFacts Tibbles = new(new PetId(Guid.Parse("9e444444-0000-0000-0000-0000000000f4")), Bob, "cat");
}
