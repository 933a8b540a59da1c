using System.Net;
using System.Net.Http.Json;
using VetOS.Infrastructure.Clinics;
using VetOS.Web.Tests.Bookings;

namespace VetOS.Web.Tests.Messaging;

/// <summary>Y and N to a reminder: Y is noted, N cancels under the owner's rules. The clock moves, so this class has its own host.</summary>
public sealed class ReminderReplyTests(MessagingApp app) : IClassFixture<MessagingApp>
{
    private const string InboundPath = "/webhooks/twilio/inbound";
    private const string Phone = "+447911123601";

    private static Dictionary<string, string> Reply(string sid, string body) => new()
    {
        ["AccountSid"] = "AC0123456789abcdef0123456789abcdef", ["MessageSid"] = sid, ["From"] = Phone, ["To"] = "+442079460111", ["Body"] = body,
    };

    private async Task<string> ReplyAsync(string sid, string body)
    {
        var answer = await app.CreateClient().PostToTwilioHook(InboundPath, Reply(sid, body));
        answer.StatusCode.Should().Be(HttpStatusCode.OK);
        return await answer.Content.ReadAsStringAsync();
    }

    private async Task<Guid> BookWithSentReminderAsync(HttpClient owner, Guid pet, DateTimeOffset start, string sid)
    {
        var booked = await owner.BookOk(DemoClinic.Vaccination, DemoClinic.NurseRoom, start, pet);
        var sms = (await app.MessagesOnceFor(booked.Id, r => r.Any(m => m.Channel == "sms" && m.Purpose != null), "the SMS reminder"))
            .Single(m => m.Channel == "sms" && m.Purpose != null);
        await app.MarkSentAsync(sms.Id, "twilio", sid, app.Clock.GetUtcNow());
        return booked.Id;
    }

    private async Task<string> StatusOf(HttpClient owner, Guid booking) =>
        (await owner.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/appointments/{booking}")).GetProperty("status").GetString()!;

    [Fact]
    public async Task Y_is_noted_N_inside_the_window_is_refused_with_the_reason_and_N_outside_it_cancels_as_the_owner()
    {
        var (owner, client, pet, _) = await app.OwnerWithPetAsync(Phone);
        (await ReplyAsync("SMnothing000000000000000000000000001", "Y")).Should().EndWith("<Response />", "there is no reminder to answer yet");

        // Tuesday 14:00; its reminder went on Monday at 14:00, and the owner answers an hour later, inside the 24-hour window.
        var tuesday = await BookWithSentReminderAsync(client, pet, BookingClient.Tuesday(14), "SMreminder00000000000000000000000001");
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero));

        var yes = await ReplyAsync("SMyes0000000000000000000000000000001", "Y");
        var no = await ReplyAsync("SMno00000000000000000000000000000001", "N");

        yes.Should().Contain("thank you, we look forward to seeing Pepper on Tue 24 Nov 14:00");
        no.Should().Contain("It is too close to the appointment to change it online").And.Contain("+442079460000");
        (await StatusOf(client, tuesday)).Should().Be("Confirmed");

        var thursday = await BookWithSentReminderAsync(client, pet, new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero), "SMreminder00000000000000000000000002");
        var cancel = await ReplyAsync("SMno00000000000000000000000000000002", "n");
        var replay = await ReplyAsync("SMno00000000000000000000000000000002", "n");

        cancel.Should().Contain("Pepper's Vaccination on Thu 26 Nov 10:00 is cancelled");
        replay.Should().EndWith("<Response />", "a replayed reply does nothing again");
        (await StatusOf(client, thursday)).Should().Be("Cancelled");
        (await Eventually.Until(() => app.Database.ScalarAsync<string>("select status || ' by ' || changed_by from booking.appointments where id = $1", thursday),
            s => s?.StartsWith("cancelled", StringComparison.Ordinal) == true)).Should().Be($"cancelled by owner:{owner.Id}");
        (await StatusOf(client, tuesday)).Should().Be("Confirmed");
        (await app.Database.ScalarAsync<string>("select string_agg(action, ',' order by action) from messaging.inbound_messages"))
            .Should().Be("acknowledged,cancel-refused,cancelled,unmatched");
    }
}
