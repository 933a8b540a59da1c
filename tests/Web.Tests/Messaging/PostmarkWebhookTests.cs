using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using VetOS.Infrastructure.Clinics;
using VetOS.Web.Tests.Bookings;

namespace VetOS.Web.Tests.Messaging;

/// <summary>Postmark's webhooks behind basic auth: deliveries, bounces and subscription changes, each recorded once.</summary>
public sealed class PostmarkWebhookTests(MessagingApp app) : IClassFixture<MessagingApp>
{
    private const string Path = "/webhooks/postmark";
    // What Postmark's webhooks can touch; the dispatcher, sending through the local outbox meanwhile, changes neither.
    private const string Snapshot = """
        select (select coalesce(string_agg(id || status || updated_at, ',' order by id), '') from messaging.messages where provider = 'postmark')
            || '|' || (select coalesce(string_agg(id || status || webhook_id, ',' order by id), '') from messaging.delivery_log where webhook_id is not null)
        """;

    private static HttpRequestMessage Hook(object payload, string? user = MessagingApp.PostmarkUser, string password = MessagingApp.PostmarkPassword)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = JsonContent.Create(payload) };
        if (user is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return request;
    }

    private async Task<Guid> SentEmailAsync(string phone, string postmarkId, Guid resource)
    {
        var (_, owner, pet, _) = await app.OwnerWithPetAsync(phone);
        var booked = await owner.BookOk(DemoClinic.Vaccination, resource, BookingClient.Tuesday(10), pet);
        var email = (await app.MessagesOnceFor(booked.Id, r => r.Any(m => m.Template == "booking-confirmed"), "the confirmation"))
            .Single(m => m.Template == "booking-confirmed");
        await app.MarkSentAsync(email.Id, "postmark", postmarkId, app.Clock.GetUtcNow());
        return email.Id;
    }

    private Task<string> StatusOf(Guid message) => app.Database.ScalarAsync<string>("select status from messaging.messages where id = $1", message);

    [Fact]
    public async Task Without_the_webhook_s_credentials_the_answer_is_401_and_nothing_changes()
    {
        const string id = "b7bc2f4a-e38e-4336-af7d-e6c392c2f817";
        var message = await SentEmailAsync("+447911123401", id, DemoClinic.DrOkafor);
        var client = app.CreateClient();
        var before = await app.Database.ScalarAsync<string>(Snapshot);
        var bounce = new { RecordType = "Bounce", ID = 4323372036854775807, Type = "HardBounce", TypeCode = 1, MessageID = id, Description = "The server was unable to deliver your message." };

        var none = await client.SendAsync(Hook(bounce, user: null));
        var wrong = await client.SendAsync(Hook(bounce, password: "guess"));

        none.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        none.Headers.WwwAuthenticate.ToString().Should().StartWith("Basic");
        wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await app.Database.ScalarAsync<string>(Snapshot)).Should().Be(before);
        (await StatusOf(message)).Should().Be("sent");
    }

    [Fact]
    public async Task A_delivery_then_a_bounce_are_recorded_once_each_with_the_bounce_s_code()
    {
        const string id = "0a129aee-e1cd-480d-b08d-4f48548ff48d";
        var message = await SentEmailAsync("+447911123402", id, DemoClinic.DrReilly);
        var client = app.CreateClient();
        var delivery = new { RecordType = "Delivery", ServerID = 23, MessageStream = "outbound", MessageID = id, Recipient = "x@example.org", DeliveredAt = "2026-11-23T09:01:00Z" };
        var bounce = new { RecordType = "Bounce", ID = 692560173, Type = "HardBounce", TypeCode = 1, MessageID = id, Description = "The server was unable to deliver your message." };

        (await client.SendAsync(Hook(delivery))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await StatusOf(message)).Should().Be("delivered");
        (await client.SendAsync(Hook(bounce))).StatusCode.Should().Be(HttpStatusCode.OK);
        var snapshot = await app.Database.ScalarAsync<string>(Snapshot);
        (await client.SendAsync(Hook(bounce))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.SendAsync(Hook(delivery))).StatusCode.Should().Be(HttpStatusCode.OK);

        (await app.Database.ScalarAsync<string>(Snapshot)).Should().Be(snapshot, "replays change nothing");
        (await StatusOf(message)).Should().Be("bounced");
        (await app.Database.ScalarAsync<string>("select error_code || ' ' || error from messaging.delivery_log where message_id = $1 and status = 'bounced'", message))
            .Should().Be("1 The server was unable to deliver your message.");
    }

    [Fact]
    public async Task A_subscription_change_is_recorded_without_moving_the_message()
    {
        const string id = "a4909a96-73d6-4c59-a58b-7d4d1dea8df1";
        var message = await SentEmailAsync("+447911123403", id, DemoClinic.DrLind);
        var change = new { RecordType = "SubscriptionChange", MessageID = id, ServerID = 23, MessageStream = "outbound", ChangedAt = "2026-11-23T09:05:00Z",
            Recipient = "x@example.org", Origin = "Recipient", SuppressSending = true, SuppressionReason = "ManualSuppression" };

        (await app.CreateClient().SendAsync(Hook(change))).StatusCode.Should().Be(HttpStatusCode.OK);

        (await StatusOf(message)).Should().Be("sent");
        (await app.Database.ScalarAsync<string>("select status || ' ' || error_code from messaging.delivery_log where message_id = $1 and webhook_id is not null", message))
            .Should().Be("suppressed ManualSuppression");
    }
}
