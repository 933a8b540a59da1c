using System.Net;
using System.Net.Http.Json;
using VetOS.Domain;
using VetOS.Infrastructure.Clinics;
using VetOS.Web.Consents;
using VetOS.Web.Tests.Owners;
using static VetOS.Web.Tests.Consents.ConsentClient;

namespace VetOS.Web.Tests.Consents;

public sealed class OwnerConsentTests(ConsentApp app) : IClassFixture<ConsentApp>
{
    private const string Sms = MessageChannels.Sms;

    [Fact]
    public async Task An_owner_sees_reminders_by_email_sms_and_whatsapp_as_never_chosen_with_the_notice_in_force()
    {
        var owner = app.ClientAs((await app.NewClient()).Owner);

        var consents = await owner.Consents();

        var reminders = consents.Purposes.Should().ContainSingle().Subject;
        reminders.Purpose.Should().Be(Reminders);
        reminders.Channels.Select(c => (c.Channel, c.Status, c.Since)).Should().Equal(
            (MessageChannels.Email, "never", null), (Sms, "never", null), (MessageChannels.WhatsApp, "never", null));
        reminders.Notice!.Version.Should().Be(1);
        reminders.Notice.Wording.Should().StartWith("We would like to remind you");
        consents.History.Should().BeEmpty();
    }

    [Fact]
    public async Task Granting_SMS_seals_the_address_and_browser_in_the_stored_event_and_the_owners_history_shows_them()
    {
        var owner = await app.SignedInBrowserAsync("owner@riverside.example", DemoAccounts.Password);
        owner.DefaultRequestHeaders.UserAgent.ParseAdd(Firefox);
        var demoOwner = Actor.Owner(new OwnerId(DemoClinic.DemoOwner));

        var standing = await owner.ChooseOk(Sms, granted: true, noticeVersion: 1);

        standing.Should().Be(new ConsentStanding(Demo, Reminders, Sms, "granted", app.Clock.GetUtcNow(), 1));
        var consents = await owner.Consents();
        consents.Standing(Sms).Status.Should().Be("granted");
        consents.Standing(MessageChannels.Email).Status.Should().Be("never");
        var stored = await app.Database.ScalarAsync<string>("select data::text from event_store.events where stream_id = $1", StreamOf(demoOwner));
        stored.Should().NotContain("Firefox").And.NotContain(ConsentApp.ClientAddress.ToString());
        (await app.Database.ScalarAsync<string>("select data->>'ipAddress' from event_store.events where stream_id = $1", StreamOf(demoOwner)))
            .Should().StartWith("pd2:", "sealed with the owner's key at this clinic");
        (await app.Database.ScalarAsync<string>("select data->>'userAgent' from event_store.events where stream_id = $1", StreamOf(demoOwner)))
            .Should().StartWith("pd2:", "sealed with the owner's key at this clinic");
        var change = consents.History.Should().ContainSingle().Subject;
        (change.Change, change.Source, change.NoticeVersion, change.NoticeHash, change.By)
            .Should().Be(("granted", "portal", 1, consents.Purposes[0].Notice!.Hash, demoOwner.Tag));
        (change.IpAddress, change.UserAgent).Should().Be((ConsentApp.ClientAddress.ToString(), Firefox));
        (await app.HasConsent(demoOwner, Sms, app.Clock.GetUtcNow())).Should().BeTrue();
    }

    [Fact]
    public async Task Agreeing_to_a_notice_that_has_been_replaced_is_refused_naming_the_rule()
    {
        var clinic = await app.NewClinicAsync();
        await app.ClientAs(AdminOf(clinic)).PublishOk(clinic, "Reminders, now also about vaccinations.", material: true);
        var owner = app.ClientAs((await app.NewClient(clinic: clinic)).Owner);

        var response = await owner.Choose(Sms, granted: true, noticeVersion: 1, clinic: clinic);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.RuleOf()).Should().Be("notice-outdated");
        (await owner.Consents(clinic)).Standing(Sms).Status.Should().Be("never");
        (await owner.ChooseOk(Sms, granted: true, noticeVersion: 2, clinic: clinic)).Status.Should().Be("granted");
    }

    [Fact]
    public async Task Withdrawing_is_one_request_and_from_then_on_the_send_time_check_says_no()
    {
        var (actor, _) = await app.NewClient();
        var owner = app.OwnerBrowser(actor);
        await owner.ChooseOk(Sms, granted: true, noticeVersion: 1);
        var granted = app.Clock.GetUtcNow();
        app.Clock.Advance(TimeSpan.FromMinutes(5));

        var standing = await owner.ChooseOk(Sms, granted: false);

        var withdrawn = app.Clock.GetUtcNow();
        standing.Status.Should().Be("withdrawn");
        standing.Since.Should().Be(withdrawn);
        (await app.HasConsent(actor, Sms, granted)).Should().BeTrue();
        (await app.HasConsent(actor, Sms, withdrawn)).Should().BeFalse();
        (await app.HasConsent(actor, Sms, withdrawn.AddDays(30))).Should().BeFalse();
        (await owner.Consents()).History.Select(h => h.Change).Should().Equal("withdrawn", "granted");
    }

    [Fact]
    public async Task Staff_have_no_consents_of_their_own_and_owners_none_at_clinics_they_are_not_clients_of()
    {
        var owner = app.ClientAs((await app.NewClient()).Owner);
        var elsewhere = await app.NewClinicAsync();
        var receptionist = app.ClientAs(ReceptionistOf(Demo));

        (await receptionist.GetAsync($"/api/me/consents?clinic={Demo}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await receptionist.Choose(Sms, granted: true, noticeVersion: 1)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await owner.GetAsync($"/api/me/consents?clinic={elsewhere}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await owner.Choose(Sms, granted: true, noticeVersion: 1, clinic: elsewhere)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await app.ClientAs(AdminOf(elsewhere)).GetFromJsonAsync<List<Application.Consents.PurposeDetails>>(
            $"/api/clinics/{elsewhere}/consent-purposes", ApiJson.Options)).Should().ContainSingle();
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_field_or_the_rule()
    {
        var owner = app.ClientAs((await app.NewClient()).Owner);

        var unknownChannel = await owner.Choose("pigeon", granted: true, noticeVersion: 1);
        var noVersion = await owner.Choose(Sms, granted: true);
        var noChoice = await owner.PutAsJsonAsync($"/api/me/consents/{Demo}/{Reminders}/{Sms}", new { noticeVersion = 1 });
        var unknownPurpose = await owner.Choose(Sms, granted: true, noticeVersion: 1, purpose: "horoscopes");
        var notJson = await owner.PutAsync($"/api/me/consents/{Demo}/{Reminders}/{Sms}", new StringContent("{\"granted\":\"yes\"}", null, "application/json"));

        unknownChannel.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await unknownChannel.ErrorFields()).Should().Equal("channel");
        noVersion.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await noVersion.ErrorFields()).Should().Equal("noticeVersion");
        (await noChoice.ErrorFields()).Should().Equal("granted");
        unknownPurpose.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await unknownPurpose.RuleOf()).Should().Be("unknown-purpose");
        notJson.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await owner.Consents()).History.Should().BeEmpty();
    }
}
