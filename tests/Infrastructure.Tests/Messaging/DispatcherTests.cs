using Microsoft.Extensions.DependencyInjection;
using VetOS.Application.Messaging;
using VetOS.Infrastructure.Messaging.Dispatch;

namespace VetOS.Infrastructure.Tests.Messaging;

public sealed class DispatcherTests(MessagingHost host) : IClassFixture<MessagingHost>
{
    private Task<long> Count(string sql, params object[] parameters) => host.Database.ScalarAsync<long>(sql, parameters);

    [Fact]
    public async Task A_message_with_a_dedup_key_is_queued_once_with_one_queued_entry_in_the_log()
    {
        var key = $"reminder-{Guid.NewGuid():N}";
        var first = host.Message(MessagingHost.NewRecipient(), host.Clock.GetUtcNow().AddDays(1), dedupKey: key);

        (await host.Queue.EnqueueAsync(first, default)).Should().BeTrue();
        (await host.Queue.EnqueueAsync(host.Message(MessagingHost.NewRecipient(), dedupKey: key), default)).Should().BeFalse();

        (await Count("select count(*) from messaging.messages where dedup_key = $1", key)).Should().Be(1);
        (await Count("select count(*) from messaging.delivery_log where message_id = $1 and status = 'queued' and attempt = 0", first.Id)).Should().Be(1);
    }

    [Fact]
    public async Task Due_messages_are_sent_once_and_future_ones_wait()
    {
        var due = Enumerable.Range(0, 5).Select(_ => host.Message(MessagingHost.NewRecipient())).ToList();
        var later = host.Message(MessagingHost.NewRecipient(), host.Clock.GetUtcNow().AddHours(1));
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
        var message = host.Message(MessagingHost.NewRecipient());
        await host.Queue.EnqueueAsync(message, default);

        await host.WhenStatus(message.Id, MessageStatuses.Sent);
    }

    [Fact]
    public async Task A_deferred_send_backs_off_and_goes_again_until_the_provider_takes_it()
    {
        var message = host.Message(MessagingHost.NewRecipient());
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
        (await host.Log(message.Id)).Should().Equal("0 queued ", "1 queued http-503", "2 queued http-429", "3 sent ");
    }

    [Fact]
    public async Task A_send_deferred_past_the_last_attempt_fails()
    {
        var message = host.Message(MessagingHost.NewRecipient());
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

        (await host.Log(message.Id)).Should().Equal("0 queued ", "1 queued unreachable", "2 queued unreachable", "3 failed unreachable");
    }

    [Fact]
    public async Task A_refused_send_fails_at_once_and_is_never_tried_again()
    {
        var message = host.Message(MessagingHost.NewRecipient());
        host.Provider.Answer(message.Recipient, FakeProvider.Refused("406"));
        await host.Queue.EnqueueAsync(message, default);

        await using (await host.DispatcherAsync())
        {
            await host.WhenStatus(message.Id, MessageStatuses.Failed);
            host.Clock.Advance(TimeSpan.FromDays(1));
            await Task.Delay(TimeSpan.FromMilliseconds(300));
        }

        host.Provider.SendsTo(message.Recipient).Should().Be(1);
        (await host.Log(message.Id)).Should().Equal("0 queued ", "1 failed 406");
    }

    [Fact]
    public async Task After_a_crash_a_claimed_message_goes_again_but_one_recorded_as_sent_never_does()
    {
        var (claimed, sent) = (host.Message(MessagingHost.NewRecipient()), host.Message(MessagingHost.NewRecipient()));
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
        (await host.Log(claimed.Id)).Should().Equal("0 queued ", "1 queued interrupted", "2 sent ");
    }

    [Fact]
    public async Task One_dispatcher_runs_at_a_time()
    {
        await using var first = await host.DispatcherAsync();

        (await host.Services.GetRequiredService<MessageDispatcher>().RunAsync(CancellationToken.None)).Should().BeFalse();
    }

    private async Task<DateTimeOffset> NextAttempt(Guid message) =>
        new(await host.Database.ScalarAsync<DateTime>("select next_attempt_at from messaging.messages where id = $1", message));
}
