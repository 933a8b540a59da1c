using VetOS.Application.EventStore;
using VetOS.Domain;
using VetOS.Domain.Consents;
using VetOS.Infrastructure.Consents;
using VetOS.Infrastructure.EventStore;

namespace VetOS.Infrastructure.Tests.Consents;

public sealed class ConsentLedgerTests(EventStoreDatabase database) : IClassFixture<EventStoreDatabase>
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private const string Reminders = ConsentPurpose.AppointmentReminders;

    private readonly PostgresConsentLedgers ledgers = new(database.DataSource, database.Store, database.Notifier,
        new EventSerializer(EventTypeRegistry.FromAssemblies(typeof(ConsentGranted).Assembly), database.Keys));

    private PostgresConsentPurposes Purposes => new(database.DataSource);

    private PostgresConsentCheck Check => new(database.DataSource);

    private async Task<Guid> NewClinic()
    {
        var clinic = Guid.NewGuid();
        await database.ExecuteAsync("insert into clinic.clinics (id, slug, name, time_zone, created_at) values ($1, $2, 'Test', 'Europe/London', $3)",
            clinic, $"c-{clinic:N}", Monday.AddDays(-30));
        return clinic;
    }

    private async Task<long> Choose(Guid owner, Guid clinic, bool granted, DateTimeOffset at, string channel = MessageChannels.Sms)
    {
        var (ownerId, clinicId) = (new OwnerId(owner), new ClinicId(clinic));
        var stream = await ledgers.LoadAsync(ownerId, clinicId, CancellationToken.None);
        var purpose = (await Purposes.ForClinicAsync(clinic, CancellationToken.None)).Single(p => p.Key == Reminders);
        var by = Actor.Owner(ownerId);
        var decision = Consent.Decide(stream.Ledger, new ChooseConsent(ownerId, clinicId, Reminders, channel, granted, 1,
            new ConsentEvidence(ConsentSources.Portal, "203.0.113.7", "Firefox"), by, at), purpose);
        decision.IsRefused.Should().BeFalse(decision.Error?.Message);
        return await ledgers.SaveAsync(ownerId, clinicId, stream.Ledger.Revision, decision.Events, new EventMetadata(Guid.NewGuid(), null, by.Tag, at), CancellationToken.None);
    }

    [Fact]
    public async Task Every_clinic_gets_appointment_reminders_by_email_sms_and_whatsapp_with_a_first_notice()
    {
        var purposes = await Purposes.ForClinicAsync(await NewClinic(), CancellationToken.None);

        purposes.Should().ContainSingle().Which.Channels.Should().Equal(MessageChannels.All);
        purposes[0].Notices.Should().ContainSingle().Which.Version.Should().Be(1);
    }

    [Fact]
    public async Task Consent_holds_from_its_grant_until_its_withdrawal_and_the_chain_verifies()
    {
        var (owner, clinic) = (Guid.NewGuid(), await NewClinic());
        await Choose(owner, clinic, granted: true, Monday);
        await Choose(owner, clinic, granted: false, Monday.AddHours(2));

        (await Check.HasConsentAsync(owner, clinic, Reminders, MessageChannels.Sms, Monday.AddMinutes(-1), default)).Should().BeFalse();
        (await Check.HasConsentAsync(owner, clinic, Reminders, MessageChannels.Sms, Monday.AddHours(1), default)).Should().BeTrue();
        (await Check.HasConsentAsync(owner, clinic, Reminders, MessageChannels.Email, Monday.AddHours(1), default)).Should().BeFalse();
        (await Check.HasConsentAsync(owner, clinic, Reminders, MessageChannels.Sms, Monday.AddHours(2), default)).Should().BeFalse();
        (await ledgers.VerifyAsync(new OwnerId(owner), new ClinicId(clinic), default)).Should().Be(new Application.Consents.ChainReport(true, 2, null, null));
    }

    [Fact]
    public async Task Altering_a_stored_consent_event_breaks_the_chain_at_that_event()
    {
        var (owner, clinic) = (Guid.NewGuid(), await NewClinic());
        await Choose(owner, clinic, granted: true, Monday);
        await Choose(owner, clinic, granted: false, Monday.AddHours(2));
        await Choose(owner, clinic, granted: true, Monday.AddHours(3));

        await database.ExecuteAsync("update event_store.events set data = replace(data::text, '\"sms\"', '\"email\"')::json where stream_id = $1 and stream_revision = 1",
            PostgresConsentLedgers.StreamOf(new OwnerId(owner), new ClinicId(clinic)).Value);

        var report = await ledgers.VerifyAsync(new OwnerId(owner), new ClinicId(clinic), default);
        report.Intact.Should().BeFalse();
        report.FirstBrokenRevision.Should().Be(1);
    }
}
