using VetOS.Application.Clinics;
using VetOS.Application.Consents;
using VetOS.Application.PersonalData;

namespace VetOS.Application.PrivacyRequests;

/// <summary>A sub-processor the platform uses on the clinics' behalf, as configuration names it (section <c>Privacy:SubProcessors</c>).</summary>
public sealed record SubProcessor(string Name, string Entity, string Purpose, string Data);

/// <summary>The platform's privacy settings (section <c>Privacy</c>): who operates it and which sub-processors it uses.</summary>
public sealed class PrivacySettings
{
    public const string Section = "Privacy";

    public string OperatorLegalEntity { get; set; } = "VetOS (operator not configured)";

    public string OperatorContactEmail { get; set; } = "privacy@vetos.example";

    /// <summary>When the privacy policy took effect; unset, each clinic's policy takes effect the day the clinic joined.</summary>
    public DateOnly? PolicyEffectiveDate { get; set; }

    public List<SubProcessor> SubProcessors { get; set; } =
    [
        new("Postmark", "ActiveCampaign, LLC", "email delivery: account confirmation, password-reset and booking notification emails", "email address, message content"),
        new("Twilio", "Twilio Inc.", "SMS (and WhatsApp) delivery of notifications", "phone number, message content"),
    ];
}

public sealed record ProcessingPurpose(string Purpose, string LegalBasis, IReadOnlyList<string> Categories);

public sealed record Recipient(string Name, string Role, string Receives);

public sealed record RetentionPeriod(string Records, string Period);

/// <summary>
/// The record of processing of one clinic (UK GDPR Article 30), generated from its settings and the platform's
/// configuration, in the privacy policy's words: what is collected, why, on what basis, who receives it, how long it is kept.
/// </summary>
public sealed record RecordOfProcessing(
    Guid ClinicId, string Controller, string ControllerContact, string Processor, string ProcessorContact, string Jurisdiction,
    IReadOnlyList<string> Categories, IReadOnlyList<ProcessingPurpose> Purposes, IReadOnlyList<Recipient> Recipients,
    IReadOnlyList<RetentionPeriod> Retention, IReadOnlyList<string> Sources);

/// <summary>Builds a clinic's record of processing; the access export's summary states the same.</summary>
public sealed class RecordOfProcessingSource(IClinicRegistry clinics, IRecordKeeping recordKeeping, IConsentPurposes purposes, PrivacySettings settings)
{
    public static readonly IReadOnlyList<string> Categories =
    [
        "Contact details: name, email address, phone number",
        "Pet records: pets' names, species, breed and related details",
        "Appointment and booking history",
        "Messages and notifications: messages exchanged with the practice, and the delivery records of emails, SMS and WhatsApp messages",
        "Account credentials: email address and a hashed password",
        "Consent choices and their evidence",
        "Privacy requests and their handling",
    ];

    public async Task<RecordOfProcessing?> ForAsync(Guid clinic, CancellationToken cancellationToken)
    {
        if (await clinics.FindAsync(clinic, cancellationToken) is not { } details || await recordKeeping.ForAsync(clinic, cancellationToken) is not { } keeping)
            return null;
        var consented = (await purposes.DetailsAsync(clinic, cancellationToken))
            .Select(p => new ProcessingPurpose($"{p.Name} by {string.Join(", ", p.Channels)}", "consent, which can be withdrawn at any time",
                ["Contact details", "Appointment and booking history"]));
        ProcessingPurpose[] service =
        [
            new("To create and secure the portal account and sign the owner in", "performance of a contract", ["Contact details", "Account credentials"]),
            new("To let the owner request, view, reschedule and cancel appointments", "performance of a contract",
                ["Contact details", "Pet records", "Appointment and booking history"]),
            new("To send booking confirmations and messages from the practice by email or SMS", "performance of a contract",
                ["Contact details", "Messages and notifications"]),
            new("To let the owner and the practice write to each other on the portal", "performance of a contract",
                ["Contact details", "Messages and notifications"]),
            new("To keep the pets' details in sync with the practice's records", "performance of a contract", ["Pet records"]),
            new("To show consent was given, who accessed data, and to answer privacy requests", "legal obligation",
                ["Consent choices and their evidence", "Privacy requests and their handling"]),
        ];
        Recipient[] recipients =
        [
            new(details.Name, "the practice, data controller", "contact details, pet details, bookings and messages"),
            .. settings.SubProcessors.Select(s => new Recipient($"{s.Name} ({s.Entity})", $"sub-processor: {s.Purpose}", s.Data)),
        ];
        RetentionPeriod[] retention =
        [
            new("Account, pet, booking and messaging data", $"for as long as the owner holds a portal account, and as long as the practice must keep clinical and business records under the law of {keeping.Jurisdiction}"),
            .. keeping.Retention.Select(r => new RetentionPeriod($"{r.Category} (after erasure, pseudonymised)", $"{r.Years} years: {r.Law}")),
            new("Email-confirmation and password-reset tokens", "short-lived: they expire on their own (24 hours; 1 hour)"),
            new("Message delivery log", $"{keeping.DeliveryLogKeptFor.TotalDays:0} days, then purged"),
            new("Access exports", $"downloadable for {AccessExportBuilder.Available.TotalDays:0} days, then no longer given out"),
        ];
        return new(clinic, details.Name, details.ContactEmail, settings.OperatorLegalEntity, settings.OperatorContactEmail, keeping.Jurisdiction,
            Categories, [.. service, .. consented], recipients, retention,
            [
                "the owner, through the portal (sign-up, profile, pets, bookings, consent choices)",
                "the practice's staff, on the owner's word (corrections, bookings, consent recorded by phone or at the desk)",
                "replies to messages (SMS and WhatsApp opt-outs and answers)",
                "the delivery providers' status reports (Postmark, Twilio)",
            ]);
    }
}
