using System.Net.Http.Json;
using VetOS.Domain;
using VetOS.Infrastructure.Clinics;
using VetOS.Web.Tests.Bookings;
using VetOS.Web.Tests.Consents;
using VetOS.Web.Tests.Owners;

namespace VetOS.Web.Tests.Messaging;

/// <summary>A reminder goes where the owner says when it is sent, not where they said when it was planned. The clock moves: a host of its own.</summary>
public sealed class ReminderRecipientTests(MessagingApp app) : IClassFixture<MessagingApp>
{
    [Fact]
    public async Task A_reminder_queued_before_the_owner_changed_their_phone_goes_to_the_new_number()
    {
        var (old, changed) = ("+447911123811", "+447911123812");
        var (_, client, pet, _) = await app.OwnerWithPetAsync(old);
        (await client.Send(HttpMethod.Put, "/api/me/profile", new { name = "Grace Hopper", phone = old, preferredChannel = "sms" })).EnsureSuccessStatusCode();
        await client.ChooseOk(MessageChannels.Sms, granted: true, noticeVersion: 1);
        var booked = await client.BookOk(DemoClinic.Consultation, DemoClinic.DrOkafor, new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero), pet);
        var reminder = (await app.MessagesOnceFor(booked.Id, r => r.Any(m => m.Purpose != null && m.Channel == MessageChannels.Sms), "the SMS reminder"))
            .Single(m => m.Purpose != null && m.Channel == MessageChannels.Sms);
        reminder.Recipient.Should().Be(old, "it was planned while the owner had the old number");

        (await client.Send(HttpMethod.Put, "/api/me/profile", new { name = "Grace Hopper", phone = changed, preferredChannel = "sms" })).EnsureSuccessStatusCode();
        app.Clock.SetUtcNow(reminder.DueAt.AddMinutes(1));

        var sent = await Eventually.Until(() => app.MessagesFor(booked.Id), r => r.Single(m => m.Id == reminder.Id).Status == "sent", because: "the reminder falls due");
        sent.Single(m => m.Id == reminder.Id).Recipient.Should().Be(changed);
        (await app.Database.ScalarAsync<long>("select count(*) from messaging.outbox where recipient = $1 and template = $2", changed, reminder.Template))
            .Should().Be(1, "the new number got it");
        (await app.Database.ScalarAsync<long>("select count(*) from messaging.outbox where recipient = $1 and template = $2", old, reminder.Template))
            .Should().Be(0, "the old number did not");
    }

    [Fact]
    public async Task A_STOP_from_the_number_an_owner_has_left_still_withdraws_their_SMS_consent()
    {
        var (old, changed) = ("+447911123821", "+447911123822");
        var (owner, client, pet, _) = await app.OwnerWithPetAsync(old);
        (await client.Send(HttpMethod.Put, "/api/me/profile", new { name = "Grace Hopper", phone = old, preferredChannel = "sms" })).EnsureSuccessStatusCode();
        await client.ChooseOk(MessageChannels.Sms, granted: true, noticeVersion: 1);
        var booked = await client.BookOk(DemoClinic.Consultation, DemoClinic.DrReilly, WeekdayTen(app.Clock.GetUtcNow().AddDays(3)), pet);
        await app.MessagesOnceFor(booked.Id, r => r.Any(m => m.Recipient == old && m.Channel == MessageChannels.Sms), "a message queued for the old number");
        (await client.Send(HttpMethod.Put, "/api/me/profile", new { name = "Grace Hopper", phone = changed, preferredChannel = "sms" })).EnsureSuccessStatusCode();

        var stop = await app.CreateClient().PostToTwilioHook("/webhooks/twilio/inbound", new Dictionary<string, string>
        {
            ["AccountSid"] = "AC0123456789abcdef0123456789abcdef", ["MessageSid"] = "SMstopold00000000000000000000000001",
            ["From"] = old, ["To"] = "+442079460111", ["Body"] = "STOP",
        });

        stop.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        (await app.HasConsent(owner, MessageChannels.Sms, app.Clock.GetUtcNow())).Should().BeFalse("the owner opted out from the number VetOS would have used");
    }

    /// <summary>10:00 on the first weekday from <paramref name="from"/> (London is on GMT in the test's weeks).</summary>
    private static DateTimeOffset WeekdayTen(DateTimeOffset from)
    {
        var day = from.UtcDateTime.Date;
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            day = day.AddDays(1);
        return new DateTimeOffset(day.AddHours(10), TimeSpan.Zero);
    }
}
