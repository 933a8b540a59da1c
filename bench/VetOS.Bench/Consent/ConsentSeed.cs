using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using VetOS.Application.EventStore;
using VetOS.Domain;
using VetOS.Domain.Consents;
using VetOS.Infrastructure.Consents;
using VetOS.Infrastructure.Database;
using VetOS.Infrastructure.EventStore;
using VetOS.Infrastructure.PersonalData;

namespace VetOS.Bench.Consent;

internal sealed record SeededClinic(Guid Id, DateTimeOffset Opened, DateTimeOffset Now, IReadOnlyList<Guid> Owners, long Events, TimeSpan Elapsed, int Writers);

/// <summary>
/// One clinic and its owners' consent streams, written through the real ledger path (Decide, then
/// <see cref="PostgresConsentLedgers.SaveAsync"/>: sealed evidence, hash chain, periods in the same transaction), one
/// append per choice, by several writers at once. Seeding commits without waiting for the disk; measurements do.
/// </summary>
internal static class ConsentSeed
{
    private const string Reminders = ConsentPurpose.AppointmentReminders;

    public static async Task<SeededClinic> RunAsync(string connectionString, int owners, int writers, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        var (clinic, opened, renewedNotice) = (Guid.NewGuid(), now.AddDays(-90), now.AddDays(-30));
        var seeding = new NpgsqlConnectionStringBuilder(connectionString) { Options = "-c synchronous_commit=off" };
        await using var dataSource = VetOSDataSource.Create(seeding.ConnectionString);
        await using (var batch = dataSource.CreateBatch())
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                "insert into clinic.clinics (id, slug, name, time_zone, created_at) values ($1, 'bench-consent', 'Bench consent clinic', 'Europe/London', $2)")
                { Parameters = { new() { Value = clinic }, new() { Value = opened } } });
            batch.BatchCommands.Add(new NpgsqlBatchCommand("""
                insert into consent.notices (clinic_id, purpose, version, wording, hash, material, published_at, published_by)
                values ($1, 'appointment-reminders', 2, 'Reworded, same meaning', encode(sha256('Reworded, same meaning'::bytea), 'hex'), false, $2, 'bench')
                """) { Parameters = { new() { Value = clinic }, new() { Value = renewedNotice } } });
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var notifier = new EventStoreNotifier(dataSource, NullLogger<EventStoreNotifier>.Instance);
        var serializer = new EventSerializer(EventTypeRegistry.FromAssemblies(typeof(ConsentGranted).Assembly), new PostgresPersonalDataKeys(dataSource));
        var ledgers = new PostgresConsentLedgers(dataSource, new PostgresEventStore(dataSource, notifier), notifier, serializer);
        var purpose = (await new PostgresConsentPurposes(dataSource).ForClinicAsync(clinic, cancellationToken)).Single(p => p.Key == Reminders);

        var ids = Enumerable.Range(0, owners).Select(_ => Guid.CreateVersion7()).ToArray();
        var (events, done) = (0L, 0L);
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, writers), cancellationToken, async (writer, ct) =>
        {
            for (var i = writer; i < owners; i += writers)
            {
                var ledger = ConsentLedger.Empty(new OwnerId(ids[i]), new ClinicId(clinic));
                foreach (var choice in Plan(ledger.Owner, ledger.Clinic, new Random(i), opened, renewedNotice))
                {
                    var decision = Domain.Consents.Consent.Decide(ledger, choice, purpose);
                    if (decision.IsRefused)
                        throw new InvalidOperationException($"The seed plan broke a rule: {decision.Error!.Message}");
                    if (decision.Events.Count == 0)
                        continue;
                    await ledgers.SaveAsync(ledger.Owner, ledger.Clinic, ledger.Revision, decision.Events,
                        new EventMetadata(Guid.NewGuid(), null, choice.By?.Tag ?? "inbound-message", choice.Now), ct);
                    ledger = decision.Events.Aggregate(ledger, (l, e) => l.Apply((IConsentEvent)e));
                    Interlocked.Add(ref events, decision.Events.Count);
                }
                if (Interlocked.Increment(ref done) % 20_000 == 0)
                    Progress.Write($"seeded {done:N0} owners, {Interlocked.Read(ref events):N0} consent events, {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s");
            }
        });
        return new SeededClinic(clinic, opened, now, ids, events, Stopwatch.GetElapsedTime(started), writers);
    }

    /// <summary>About 60% grant SMS in the portal, 30% email (some through reception), 10% WhatsApp; 15% of grants are withdrawn (SMS by a STOP reply); 20% of standing SMS consents are renewed to the reworded notice.</summary>
    private static IEnumerable<ChooseConsent> Plan(OwnerId owner, ClinicId clinic, Random random, DateTimeOffset opened, DateTimeOffset renewedNotice)
    {
        var me = Actor.Owner(owner);
        var reception = new Actor(Guid.Empty, ActorRole.Receptionist, clinic);
        var portal = new ConsentEvidence(ConsentSources.Portal, $"198.51.100.{random.Next(1, 255)}", "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");
        var at = opened.AddMinutes(random.Next(1, 55 * 24 * 60));
        var choices = new List<ChooseConsent>();
        void Choose(string channel, bool granted, ConsentEvidence evidence, Actor? by, int version)
        {
            at = at.AddMinutes(random.Next(1, 5 * 24 * 60));
            choices.Add(new ChooseConsent(owner, clinic, Reminders, channel, granted, version, evidence, by, at));
        }

        var (sms, email, whatsapp) = (random.NextDouble() < 0.6, random.NextDouble() < 0.3, random.NextDouble() < 0.1);
        if (sms)
            Choose(MessageChannels.Sms, true, portal, me, 1);
        if (email)
        {
            if (random.NextDouble() < 0.3)
                Choose(MessageChannels.Email, true, new ConsentEvidence(ConsentSources.Staff, Note: "Asked at the desk"), reception, 1);
            else
                Choose(MessageChannels.Email, true, portal, me, 1);
        }
        if (whatsapp)
            Choose(MessageChannels.WhatsApp, true, portal, me, 1);
        if (sms && random.NextDouble() < 0.15)
            Choose(MessageChannels.Sms, false, new ConsentEvidence(ConsentSources.InboundMessage, MessageId: $"SM{random.NextInt64():x}"), null, 1);
        else if (sms && random.NextDouble() < 0.2)
        {
            at = renewedNotice.AddMinutes(random.Next(1, 20 * 24 * 60));
            Choose(MessageChannels.Sms, true, portal, me, 2);
        }
        if (email && random.NextDouble() < 0.15)
            Choose(MessageChannels.Email, false, portal, me, 1);
        // The notice in force when each choice is made; reworded on the way.
        return choices.OrderBy(c => c.Now).Select(c => c with { NoticeVersion = c.Now >= renewedNotice ? 2 : 1 });
    }
}
