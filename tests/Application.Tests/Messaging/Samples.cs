using VetOS.Application.Messaging;
using VetOS.Application.Messaging.Templates;
using VetOS.Domain;
using VetOS.Domain.Bookings;
using VetOS.Domain.Messaging;

namespace VetOS.Application.Tests.Messaging;

/// <summary>A clinic, an owner and an appointment for the message tests: Biscuit's vaccination on Tuesday 24 November 2026 at 10:00 in London.</summary>
public static class Samples
{
    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    public static readonly Guid Clinic = Guid.Parse("5f0c6a1e-7d39-4c1b-9a4e-2b8d3f6e1a01");
    public static readonly Guid Owner = Guid.Parse("0d9a3a0e-0003-4000-8000-000000000001");
    public static readonly Guid TheBooking = Guid.Parse("7e57b00c-0000-4000-8000-000000000001");
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    public const string OwnerName = "Alex Morgan";
    public const string OwnerEmail = "alex.morgan@example.org";
    public const string OwnerPhone = "+447911123456";

    public static readonly ClinicCard Card = new(
        "Riverside Veterinary Clinic", "12 River Walk, Kingston upon Thames KT1 1AA", "hello@riverside-vets.example", "+442079460000", London);

    public static ClinicMessaging ClinicWith(ReminderPolicy? policy = null, params string[] channels) =>
        new(Clinic, Card, policy ?? ReminderPolicy.Default, channels.Length > 0 ? channels : MessageChannels.All);

    public static OwnerContact OwnerPreferring(string channel, string? phone = OwnerPhone) => new(Owner, OwnerEmail, phone, channel);

    public static AppointmentFacts Appointment(long revision = 1, DateTimeOffset? start = null) =>
        new(TheBooking, revision, Clinic, Owner, "Biscuit", "Vaccination", start ?? Start, (start ?? Start).AddMinutes(15));

    public static AppointmentRequested Requested(DateTimeOffset? at = null) => new(
        TheBooking, Clinic, Owner, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Start, Start.AddMinutes(15), $"owner:{Owner}", at ?? Now);

    public static AppointmentConfirmed Confirmed(DateTimeOffset? at = null) => new(TheBooking, "receptionist:x", at ?? Now);

    public static readonly MessageContentSettings Settings = new("HX0123456789abcdef0123456789abcdef");
}
