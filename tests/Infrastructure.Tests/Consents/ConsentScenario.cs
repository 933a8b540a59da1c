using VetOS.Application.Consents;
using VetOS.Application.EventStore;
using VetOS.Domain;
using VetOS.Domain.Consents;
using VetOS.Infrastructure.Consents;
using VetOS.Infrastructure.EventStore;

namespace VetOS.Infrastructure.Tests.Consents;

/// <summary>Clinics, purposes and notices written as the admin API will (rows), and choices made through the real ledger path.</summary>
public sealed class ConsentScenario(EventStoreDatabase database)
{
    public static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    public const string Reminders = ConsentPurpose.AppointmentReminders;
    public const string Recalls = "vaccination-recalls";

    public EventSerializer Serializer { get; } =
        new(EventTypeRegistry.FromAssemblies(typeof(ConsentGranted).Assembly), database.Keys);

    public PostgresConsentLedgers Ledgers => new(database.DataSource, database.Store, database.Notifier, Serializer);

    public PostgresConsentPurposes Purposes => new(database.DataSource);

    public PostgresConsentReports Reports => new(database.DataSource, database.Store, Serializer);

    public ConsentPeriodsRebuild Rebuild => new(database.DataSource, database.Store, Serializer);

    /// <summary>The use case itself, so that both of its sources are what is compared.</summary>
    public GetConsentAsOfHandler AsOf => new(Reports, Ledgers, Purposes, new FixedClock(Monday));

    /// <summary>A clinic with appointment reminders (email, SMS, WhatsApp; notice 1) and vaccination recalls (email, SMS; notice 1), both from a month ago.</summary>
    public async Task<Guid> NewClinicAsync()
    {
        var clinic = Guid.NewGuid();
        await database.ExecuteAsync("insert into clinic.clinics (id, slug, name, time_zone, created_at) values ($1, $2, 'Test', 'Europe/London', $3)",
            clinic, $"c-{clinic:N}", Monday.AddDays(-30));
        await database.ExecuteAsync("""
            insert into consent.purposes (clinic_id, purpose, name, channels) values ($1, $2, 'Vaccination recalls', array['email', 'sms'])
            """, clinic, Recalls);
        await PublishAsync(clinic, Recalls, 1, material: true, Monday.AddDays(-29));
        return clinic;
    }

    public Task PublishAsync(Guid clinic, string purpose, int version, bool material, DateTimeOffset at) => database.ExecuteAsync("""
        insert into consent.notices (clinic_id, purpose, version, wording, hash, material, published_at, published_by)
        values ($1, $2, $3, $4, encode(sha256(convert_to($4, 'UTF8')), 'hex'), $5, $6, 'clinicadmin:test')
        """, clinic, purpose, version, $"Wording {version} of {purpose}", material, at);

    /// <summary>The owner's choice in the portal (or, with a note, staff's on the owner's word) against the notice in force then; false if it changed nothing.</summary>
    public async Task<bool> ChooseAsync(Guid owner, Guid clinic, string purpose, string channel, bool granted, DateTimeOffset at, string? staffNote = null)
    {
        var (ledgers, ownerId, clinicId) = (Ledgers, new OwnerId(owner), new ClinicId(clinic));
        var stream = await ledgers.LoadAsync(ownerId, clinicId, CancellationToken.None);
        var offered = (await Purposes.ForClinicAsync(clinic, CancellationToken.None)).Single(p => p.Key == purpose);
        var by = staffNote is null ? Actor.Owner(ownerId) : new Actor(Guid.NewGuid(), ActorRole.Receptionist, clinicId);
        var evidence = staffNote is null
            ? new ConsentEvidence(ConsentSources.Portal, "203.0.113.7", "Firefox/140.0")
            : new ConsentEvidence(ConsentSources.Staff, Note: staffNote);
        var decision = Consent.Decide(stream.Ledger,
            new ChooseConsent(ownerId, clinicId, purpose, channel, granted, offered.NoticeAt(at)?.Version, evidence, by, at), offered);
        decision.IsRefused.Should().BeFalse(decision.Error?.Message);
        if (decision.Events.Count == 0)
            return false;
        await ledgers.SaveAsync(ownerId, clinicId, stream.Ledger.Revision, decision.Events, new EventMetadata(Guid.NewGuid(), null, by.Tag, at), CancellationToken.None);
        return true;
    }

    public async Task<ConsentAsOf> AsOfAsync(Guid clinic, Guid owner, DateTimeOffset at, string source) =>
        await AsOf.Handle(new GetConsentAsOfQuery(clinic, owner, at, source), CancellationToken.None);

    public async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> rows)
    {
        var list = new List<T>();
        await foreach (var row in rows)
            list.Add(row);
        return list;
    }
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
