using System.Net;
using VetOS.Application.Consents;
using VetOS.Application.Messaging;
using VetOS.Domain;
using VetOS.Domain.Consents;
using VetOS.Infrastructure.Clinics;
using VetOS.Web.Tests.Bookings;

namespace VetOS.Web.Tests.Messaging;

/// <summary>Owners' replies: STOP withdraws consent on that channel with the message as evidence, START restores it, once each.</summary>
public sealed class InboundMessageTests(MessagingApp app) : IClassFixture<MessagingApp>
{
    private const string InboundPath = "/webhooks/twilio/inbound";
    private const string Reminders = ConsentPurpose.AppointmentReminders;

    private static Dictionary<string, string> Inbound(string sid, string from, string body) => new()
    {
        ["AccountSid"] = "AC0123456789abcdef0123456789abcdef", ["MessageSid"] = sid, ["SmsSid"] = sid, ["From"] = from,
        ["To"] = "+442079460111", ["Body"] = body, ["NumMedia"] = "0",
    };

    private async Task<bool> HasSmsConsent(Guid owner, DateTimeOffset at) =>
        await app.Services.GetRequiredService<IConsentCheck>().HasConsentAsync(owner, DemoClinic.Id, Reminders, "sms", at, default);

    private async Task<IReadOnlyList<object>> ConsentHistory(Guid owner) =>
        (await app.Services.GetRequiredService<IConsentLedgers>().LoadAsync(new OwnerId(owner), new ClinicId(DemoClinic.Id), default)).Events.Select(e => e.Event).ToList();

    [Fact]
    public async Task Stop_withdraws_sms_consent_with_the_message_as_evidence_so_no_reminder_goes_and_start_restores_it()
    {
        const string phone = "+447911123501";
        var (owner, client, pet, _) = await app.OwnerWithPetAsync(phone);
        await app.GrantRemindersAsync(owner.Id, "sms", "SMgrant0000000000000000000000000001");
        var booked = await client.BookOk(DemoClinic.Vaccination, DemoClinic.DrOkafor, BookingClient.Tuesday(10), pet);
        var sms = (await app.MessagesOnceFor(booked.Id, r => r.Any(m => m.Channel == "sms" && m.Purpose != null), "the SMS reminder")).Single(m => m.Channel == "sms" && m.Purpose != null);
        (await HasSmsConsent(owner.Id, sms.DueAt)).Should().BeTrue();
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        var stop = await app.CreateClient().PostToTwilioHook(InboundPath, Inbound("SMstop00000000000000000000000000001", phone, "Stop"));

        stop.StatusCode.Should().Be(HttpStatusCode.OK);
        stop.Content.Headers.ContentType!.MediaType.Should().Be("text/xml");
        (await stop.Content.ReadAsStringAsync()).Should().EndWith("<Response />");
        (await HasSmsConsent(owner.Id, sms.DueAt)).Should().BeFalse("the reminder's channel is withdrawn before it is due");
        var withdrawn = (await ConsentHistory(owner.Id))[^1].Should().BeOfType<ConsentWithdrawn>().Subject;
        withdrawn.Should().Match<ConsentWithdrawn>(w => w.Channel == "sms" && w.Purpose == Reminders && w.Source == ConsentSources.InboundMessage
            && w.MessageId == "SMstop00000000000000000000000000001" && w.By == "inbound-message:SMstop00000000000000000000000000001");
        var countAfterStop = (await ConsentHistory(owner.Id)).Count;

        var replay = await app.CreateClient().PostToTwilioHook(InboundPath, Inbound("SMstop00000000000000000000000000001", phone, "Stop"));
        replay.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ConsentHistory(owner.Id)).Should().HaveCount(countAfterStop, "a replayed STOP changes nothing");

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        (await app.CreateClient().PostToTwilioHook(InboundPath, Inbound("SMstart0000000000000000000000000001", phone, "START"))).StatusCode.Should().Be(HttpStatusCode.OK);

        (await ConsentHistory(owner.Id))[^1].Should().BeOfType<ConsentGranted>().Which.MessageId.Should().Be("SMstart0000000000000000000000000001");
        (await HasSmsConsent(owner.Id, sms.DueAt)).Should().BeTrue();
    }

    [Fact]
    public async Task Start_grants_nothing_that_a_stop_did_not_withdraw()
    {
        const string phone = "+447911123502";
        var (owner, _, _, _) = await app.OwnerWithPetAsync(phone);

        (await app.CreateClient().PostToTwilioHook(InboundPath, Inbound("SMstart0000000000000000000000000002", phone, "START"))).StatusCode.Should().Be(HttpStatusCode.OK);

        (await ConsentHistory(owner.Id)).Should().BeEmpty();
    }

    [Fact]
    public async Task An_unsigned_stop_is_refused_and_withdraws_nothing()
    {
        const string phone = "+447911123503";
        var (owner, _, _, _) = await app.OwnerWithPetAsync(phone);
        await app.GrantRemindersAsync(owner.Id, "sms", "SMgrant0000000000000000000000000003");

        var forged = await app.CreateClient().PostToTwilioHook(InboundPath, Inbound("SMstop00000000000000000000000000003", phone, "STOP"), token: "forged");

        forged.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await ConsentHistory(owner.Id)).Should().ContainSingle().Which.Should().BeOfType<ConsentGranted>();
    }

    [Fact]
    public async Task A_whatsapp_message_opens_the_24_hour_window_for_free_text()
    {
        const string phone = "+447911123504";
        var (owner, _, _, _) = await app.OwnerWithPetAsync(phone);
        var window = app.Services.GetRequiredService<IWhatsAppWindow>();
        var now = app.Clock.GetUtcNow();
        (await window.IsOpenAsync(owner.Id, now, default)).Should().BeFalse();

        (await app.CreateClient().PostToTwilioHook(InboundPath, Inbound("SMwa000000000000000000000000000004", $"whatsapp:{phone}", "Hello"))).StatusCode.Should().Be(HttpStatusCode.OK);

        (await window.IsOpenAsync(owner.Id, now.AddHours(23), default)).Should().BeTrue();
        (await window.IsOpenAsync(owner.Id, now.AddHours(25), default)).Should().BeFalse();
    }
}
