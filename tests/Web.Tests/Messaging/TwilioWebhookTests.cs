using System.Net;
using VetOS.Infrastructure.Clinics;
using VetOS.Web.Tests.Bookings;

namespace VetOS.Web.Tests.Messaging;

/// <summary>Twilio's status callbacks: signed, moving a message's status forward, recorded once however often they come.</summary>
public sealed class TwilioWebhookTests(MessagingApp app) : IClassFixture<MessagingApp>
{
    private const string StatusPath = "/webhooks/twilio/status";
    // What Twilio's webhooks can touch: messages Twilio took, and the log entries webhooks wrote. The dispatcher, sending
    // other messages through the local outbox meanwhile, changes neither.
    private const string Snapshot = """
        select (select coalesce(string_agg(id || status || updated_at, ',' order by id), '') from messaging.messages where provider = 'twilio')
            || '|' || (select coalesce(string_agg(id || status || webhook_id, ',' order by id), '') from messaging.delivery_log where webhook_id is not null)
        """;

    private static Dictionary<string, string> Status(string sid, string status, string? errorCode = null)
    {
        var form = new Dictionary<string, string>
        {
            ["AccountSid"] = "AC0123456789abcdef0123456789abcdef", ["MessageSid"] = sid, ["SmsSid"] = sid, ["MessageStatus"] = status,
            ["To"] = "+447911123301", ["From"] = "+442079460111", ["ApiVersion"] = "2010-04-01",
        };
        if (errorCode is not null)
            form["ErrorCode"] = errorCode;
        return form;
    }

    private async Task<Guid> SentSmsReminderAsync(string phone, string sid, DateTimeOffset start, Guid resource)
    {
        var (_, owner, pet, _) = await app.OwnerWithPetAsync(phone);
        var booked = await owner.BookOk(DemoClinic.Vaccination, resource, start, pet);
        var sms = (await app.MessagesOnceFor(booked.Id, r => r.Any(m => m.Channel == "sms" && m.Purpose != null), "the SMS reminder"))
            .Single(m => m.Channel == "sms" && m.Purpose != null);
        await app.MarkSentAsync(sms.Id, "twilio", sid, app.Clock.GetUtcNow());
        return sms.Id;
    }

    private Task<string> StatusOf(Guid message) => app.Database.ScalarAsync<string>("select status from messaging.messages where id = $1", message);

    /// <summary>Log entries webhooks wrote (the first entry, "queued", comes from the queue itself).</summary>
    private Task<long> LogCount(Guid message) => app.Database.ScalarAsync<long>("select count(*) from messaging.delivery_log where message_id = $1 and webhook_id is not null", message);

    [Fact]
    public async Task A_signed_status_moves_the_message_forward_and_a_replay_changes_nothing()
    {
        const string sid = "SM11111111111111111111111111111111";
        var message = await SentSmsReminderAsync("+447911123301", sid, BookingClient.Tuesday(10), DemoClinic.DrOkafor);
        var client = app.CreateClient();

        var delivered = await client.PostToTwilioHook(StatusPath, Status(sid, "delivered"));
        var snapshot = await app.Database.ScalarAsync<string>(Snapshot);
        var replay = await client.PostToTwilioHook(StatusPath, Status(sid, "delivered"));
        var afterReplay = await app.Database.ScalarAsync<string>(Snapshot);
        var late = await client.PostToTwilioHook(StatusPath, Status(sid, "sent"));

        delivered.StatusCode.Should().Be(HttpStatusCode.NoContent);
        replay.StatusCode.Should().Be(HttpStatusCode.NoContent);
        late.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await StatusOf(message)).Should().Be("delivered", "a late 'sent' does not undo 'delivered'");
        (await LogCount(message)).Should().Be(2, "the delivered status once, and the late sent one");
        (await app.Database.ScalarAsync<string>("select webhook_id from messaging.delivery_log where message_id = $1 and webhook_id is not null order by id limit 1", message))
            .Should().Be($"twilio:{sid}:delivered");
        afterReplay.Should().Be(snapshot);
    }

    [Fact]
    public async Task A_failure_is_recorded_with_its_error_code()
    {
        const string sid = "SM22222222222222222222222222222222";
        var message = await SentSmsReminderAsync("+447911123302", sid, BookingClient.Tuesday(10), DemoClinic.DrReilly);

        (await app.CreateClient().PostToTwilioHook(StatusPath, Status(sid, "undelivered", "30003"))).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await StatusOf(message)).Should().Be("undelivered");
        (await app.Database.ScalarAsync<string>("select error_code from messaging.delivery_log where message_id = $1 and webhook_id is not null", message)).Should().Be("30003");
    }

    [Fact]
    public async Task A_bad_signature_is_refused_with_403_and_changes_nothing()
    {
        const string sid = "SM33333333333333333333333333333333";
        await SentSmsReminderAsync("+447911123303", sid, BookingClient.Tuesday(10), DemoClinic.DrLind);
        var client = app.CreateClient();
        var before = await app.Database.ScalarAsync<string>(Snapshot);

        var wrongKey = await client.PostToTwilioHook(StatusPath, Status(sid, "delivered"), token: "not-the-auth-token");
        var tampered = new HttpRequestMessage(HttpMethod.Post, StatusPath);
        tampered.SignedForm(StatusPath, Status(sid, "failed"));
        tampered.Content = new FormUrlEncodedContent(Status(sid, "delivered"));
        var changed = await client.SendAsync(tampered);
        var unsigned = await client.PostAsync(StatusPath, new FormUrlEncodedContent(Status(sid, "delivered")));
        var otherUrl = new HttpRequestMessage(HttpMethod.Post, StatusPath);
        otherUrl.Content = otherUrl.SignedForm("/webhooks/twilio/inbound", Status(sid, "delivered"));
        var wrongPath = await client.SendAsync(otherUrl);

        new[] { wrongKey, changed, unsigned, wrongPath }.Should().AllSatisfy(r => r.StatusCode.Should().Be(HttpStatusCode.Forbidden));
        (await app.Database.ScalarAsync<string>(Snapshot)).Should().Be(before);
    }

    [Fact]
    public async Task A_status_for_a_message_we_never_sent_is_taken_and_recorded_nowhere()
    {
        var before = await app.Database.ScalarAsync<string>(Snapshot);

        var answer = await app.CreateClient().PostToTwilioHook(StatusPath, Status("SM44444444444444444444444444444444", "delivered"));

        answer.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await app.Database.ScalarAsync<string>(Snapshot)).Should().Be(before);
    }
}
