using Microsoft.Extensions.DependencyInjection;
using VetOS.Application.Consents;
using VetOS.Application.EventStore;
using VetOS.Application.Messaging;
using VetOS.Domain;
using VetOS.Domain.Consents;
using VetOS.Infrastructure.Messaging.Dispatch;

namespace VetOS.Infrastructure.Tests.Messaging;

public sealed class DispatcherTests(MessagingHost host) : IClassFixture<MessagingHost>
{
    private static string NewRecipient() => $"{Guid.NewGuid():N}@example.org";

    private Task<long> Count(string sql, params object[] parameters) => host.Database.ScalarAsync<long>(sql, parameters);

    [Fact]
    public async Task A_message_with_a_dedup_key_is_queued_once_with_one_queued_entry_in_the_log()
    {
        var key = $"reminder-{Guid.NewGuid():N}";
        var first = host.Message(NewRecipient(), host.Clock.GetUtcNow().AddDays(1), dedupKey: key);

        (await host.Queue.EnqueueAsync(first, default)).Should().BeTrue();
        (await host.Queue.EnqueueAsync(host.Message(NewRecipient(), dedupKey: key), default)).Should().BeFalse();

        (await Count("select count(*) from messaging.messages where dedup_key = $1", key)).Should().Be(1);
        (await Count("select count(*) from messaging.delivery_log where message_id = $1 and status = 'queued' and attempt = 0", first.Id)).Should().Be(1);
    }

    [Fact]
    public async Task Due_messages_are_sent_once_and_future_ones_wait()
    {
        var due = Enumerable.Range(0, 5).Select(_ => host.Message(NewRecipient())).ToList();
        var later = host.Message(NewRecipient(), host.Clock.GetUtcNow().AddHours(1));
        foreach (var message in due.Append(later))
            await host.Queue.EnqueueAsync(message, default);

        await using (await host.DispatcherAsync())
        {
            foreach (var message in due)
                await host.WhenStatus(message.Id, MessageStatuses.Sent);
            // Several idle looks later, nothing went twice and the later message still waits.
            await Task.Delay(TimeSpan.FromMilliseconds(400));
        }

        due.Select(m => host.Provider.SendsTo(m.Recipient)).Should().AllBeEquivalentTo(1);
        host.Provider.SendsTo(later.Recipient).Should().Be(0);
        (await host.StatusOf(later.Id)).Should().Be(MessageStatuses.Queued);
        (await Count("select count(*) from messaging.delivery_log where message_id = any($1) and status = 'sent' and attempt = 1 and provider = 'fake'",
            (object)due.Select(m => m.Id).ToArray())).Should().Be(5);
    }

    [Fact]
    public async Task A_message_queued_while_the_dispatcher_sleeps_wakes_it()
    {
        await using var dispatcher = await host.DispatcherAsync();
        var message = host.Message(NewRecipient());
        await host.Queue.EnqueueAsync(message, default);

        await host.WhenStatus(message.Id, MessageStatuses.Sent);
    }

    [Fact]
    public async Task A_reminder_goes_only_while_its_owner_consents_on_its_channel()
    {
        var clinic = await NewClinic();
        var (consenting, withdrawn, never) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await Choose(consenting, clinic, granted: true);
        await Choose(withdrawn, clinic, granted: true);
        await Choose(withdrawn, clinic, granted: false);
        var messages = new[] { consenting, withdrawn, never }
            .Select(owner => host.Message(NewRecipient(), purpose: ConsentPurpose.AppointmentReminders, owner: owner, clinic: clinic, channel: MessageChannels.Sms))
            .ToList();
        var service = host.Message(NewRecipient(), owner: never, clinic: clinic);
        foreach (var message in messages.Append(service))
            await host.Queue.EnqueueAsync(message, default);

        await using (await host.DispatcherAsync())
        {
            await host.WhenStatus(messages[0].Id, MessageStatuses.Sent);
            await host.WhenStatus(messages[1].Id, MessageStatuses.Skipped);
            await host.WhenStatus(messages[2].Id, MessageStatuses.Skipped);
            await host.WhenStatus(service.Id, MessageStatuses.Sent);
        }

        messages.Select(m => host.Provider.SendsTo(m.Recipient)).Should().Equal(1, 0, 0);
        (await Count("select count(*) from messaging.messages where id = any($1) and skip_reason = 'no-consent'",
            (object)new[] { messages[1].Id, messages[2].Id })).Should().Be(2);
        (await Count("select count(*) from messaging.delivery_log where message_id = $1 and status = 'skipped'", messages[1].Id)).Should().Be(1);
    }

    [Fact]
    public async Task A_deferred_send_backs_off_and_goes_again_until_the_provider_takes_it()
    {
        var message = host.Message(NewRecipient());
        host.Provider.Answer(message.Recipient, FakeProvider.TryLater("http-503"), FakeProvider.TryLater("http-429"));
        await host.Queue.EnqueueAsync(message, default);

        await using (await host.DispatcherAsync())
        {
            await Eventually.Until(() => Count("select coalesce((select attempts::bigint from messaging.messages where id = $1 and status = 'queued'), 0)", message.Id), n => n == 1);
            (await NextAttempt(message.Id))
                .Should().Be(host.Clock.GetUtcNow().AddSeconds(30), "the first retry waits 30 seconds");
            host.Clock.Advance(TimeSpan.FromSeconds(29));
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            host.Provider.SendsTo(message.Recipient).Should().Be(1, "not yet due again");

            host.Clock.Advance(TimeSpan.FromSeconds(1));
            await Eventually.Until(() => Count("select coalesce((select attempts::bigint from messaging.messages where id = $1 and status = 'queued'), 0)", message.Id), n => n == 2);
            (await NextAttempt(message.Id))
                .Should().Be(host.Clock.GetUtcNow().AddSeconds(60), "the wait doubles");
            host.Clock.Advance(TimeSpan.FromSeconds(60));
            await host.WhenStatus(message.Id, MessageStatuses.Sent);
        }

        host.Provider.SendsTo(message.Recipient).Should().Be(3);
        (await Log(message.Id)).Should().Equal("0 queued ", "1 queued http-503", "2 queued http-429", "3 sent ");
    }

    [Fact]
    public async Task A_send_deferred_past_the_last_attempt_fails()
    {
        var message = host.Message(NewRecipient());
        host.Provider.Answer(message.Recipient, Enumerable.Repeat(FakeProvider.TryLater("unreachable"), 3).ToArray());
        await host.Queue.EnqueueAsync(message, default);

        await using (await host.DispatcherAsync())
        {
            for (var attempt = 1; attempt < 3; attempt++)
            {
                await Eventually.Until(() => Count("select attempts::bigint from messaging.messages where id = $1", message.Id), n => n == attempt);
                host.Clock.Advance(TimeSpan.FromMinutes(5));
            }
            await host.WhenStatus(message.Id, MessageStatuses.Failed);
        }

        (await Log(message.Id)).Should().Equal("0 queued ", "1 queued unreachable", "2 queued unreachable", "3 failed unreachable");
    }

    [Fact]
    public async Task A_refused_send_fails_at_once_and_is_never_tried_again()
    {
        var message = host.Message(NewRecipient());
        host.Provider.Answer(message.Recipient, FakeProvider.Refused("406"));
        await host.Queue.EnqueueAsync(message, default);

        await using (await host.DispatcherAsync())
        {
            await host.WhenStatus(message.Id, MessageStatuses.Failed);
            host.Clock.Advance(TimeSpan.FromDays(1));
            await Task.Delay(TimeSpan.FromMilliseconds(300));
        }

        host.Provider.SendsTo(message.Recipient).Should().Be(1);
        (await Log(message.Id)).Should().Equal("0 queued ", "1 failed 406");
    }

    [Fact]
    public async Task After_a_crash_a_claimed_message_goes_again_but_one_recorded_as_sent_never_does()
    {
        var (claimed, sent) = (host.Message(NewRecipient()), host.Message(NewRecipient()));
        await host.Queue.EnqueueAsync(claimed, default);
        await host.Queue.EnqueueAsync(sent, default);
        // As a dispatcher that died would leave them: one claimed with a lease far off, one recorded as sent.
        await host.Database.ExecuteAsync("update messaging.messages set status = 'sending', attempts = 1, next_attempt_at = $2 where id = $1",
            claimed.Id, host.Clock.GetUtcNow().AddHours(1));
        await host.Database.ExecuteAsync("update messaging.messages set status = 'sent', attempts = 1 where id = $1", sent.Id);

        await using (await host.DispatcherAsync())
            await host.WhenStatus(claimed.Id, MessageStatuses.Sent);

        host.Provider.SendsTo(claimed.Recipient).Should().Be(1);
        host.Provider.SendsTo(sent.Recipient).Should().Be(0);
        (await Log(claimed.Id)).Should().Equal("0 queued ", "1 queued interrupted", "2 sent ");
    }

    [Fact]
    public async Task One_dispatcher_runs_at_a_time()
    {
        await using var first = await host.DispatcherAsync();

        (await host.Services.GetRequiredService<MessageDispatcher>().RunAsync(CancellationToken.None)).Should().BeFalse();
    }

    private async Task<DateTimeOffset> NextAttempt(Guid message) =>
        new(await host.Database.ScalarAsync<DateTime>("select next_attempt_at from messaging.messages where id = $1", message));

    private async Task<IReadOnlyList<string>> Log(Guid message)
    {
        await using var command = host.Database.DataSource.CreateCommand(
            "select attempt || ' ' || status || ' ' || coalesce(error_code, '') from messaging.delivery_log where message_id = $1 order by id");
        command.Parameters.AddWithValue(message);
        await using var reader = await command.ExecuteReaderAsync();
        var entries = new List<string>();
        while (await reader.ReadAsync())
            entries.Add(reader.GetString(0));
        return entries;
    }

    private async Task<Guid> NewClinic()
    {
        var clinic = Guid.NewGuid();
        await host.Database.ExecuteAsync("insert into clinic.clinics (id, slug, name, time_zone, created_at) values ($1, $2, 'Test', 'Europe/London', $3)",
            clinic, $"c-{clinic:N}", MessagingHost.Monday.AddDays(-30));
        return clinic;
    }

    private async Task Choose(Guid owner, Guid clinic, bool granted)
    {
        var ledgers = host.Services.GetRequiredService<IConsentLedgers>();
        var stream = await ledgers.LoadAsync(owner, clinic, default);
        var purpose = (await host.Services.GetRequiredService<IConsentPurposes>().ForClinicAsync(clinic, default))
            .Single(p => p.Key == ConsentPurpose.AppointmentReminders);
        var at = host.Clock.GetUtcNow().AddMinutes(granted ? -10 : -5);
        var by = Actor.Owner(new OwnerId(owner));
        var decision = Consent.Decide(stream.Ledger, new ChooseConsent(owner, clinic, ConsentPurpose.AppointmentReminders, MessageChannels.Sms, granted, 1,
            new ConsentEvidence(ConsentSources.Portal), by, at), purpose);
        decision.IsRefused.Should().BeFalse(decision.Error?.Message);
        await ledgers.SaveAsync(owner, clinic, stream.Ledger.Revision, decision.Events, new EventMetadata(Guid.NewGuid(), null, by.Tag, at), default);
    }
}
