using System.Net;
using System.Net.Http.Json;
using VetOS.Application.Consents;
using VetOS.Domain;
using VetOS.Web.Tests.Owners;
using static VetOS.Web.Tests.Consents.ConsentClient;

namespace VetOS.Web.Tests.Consents;

/// <summary>Clinic admins' purposes and notice versions, and what a new version does to consent given to an older one.</summary>
public sealed class NoticeTests(VetOSApp app) : IClassFixture<VetOSApp>
{
    private const string Sms = MessageChannels.Sms;
    private const string Email = MessageChannels.Email;

    [Fact]
    public async Task A_material_notice_lapses_consent_from_its_publication_and_a_non_material_one_after_renewal_does_not()
    {
        var clinic = await app.NewClinicAsync();
        var admin = app.ClientAs(AdminOf(clinic));
        var (actor, _) = await app.NewClient(clinic: clinic);
        var owner = app.ClientAs(actor);
        await owner.ChooseOk(Sms, granted: true, noticeVersion: 1, clinic: clinic);
        app.Clock.Advance(TimeSpan.FromHours(1));

        (await admin.PublishOk(clinic, "Reminders by SMS now come from a new sender.", material: true)).Should().Be(2);

        var published = app.Clock.GetUtcNow();
        var lapsed = (await owner.Consents(clinic)).Standing(Sms);
        (lapsed.Status, lapsed.Since, lapsed.NoticeVersion).Should().Be(("lapsed", published, 1));
        (await owner.Consents(clinic)).Standing(Email).Status.Should().Be("never");
        (await app.HasConsent(actor, Sms, published.AddSeconds(-1), clinic)).Should().BeTrue();
        (await app.HasConsent(actor, Sms, published, clinic)).Should().BeFalse();

        app.Clock.Advance(TimeSpan.FromHours(1));
        (await owner.ChooseOk(Sms, granted: true, noticeVersion: 2, clinic: clinic)).Status.Should().Be("granted");
        app.Clock.Advance(TimeSpan.FromHours(1));
        (await admin.PublishOk(clinic, "Reminders by SMS now come from a new sender. (Typo fixed.)", material: false)).Should().Be(3);

        var consents = await owner.Consents(clinic);
        (consents.Standing(Sms).Status, consents.Standing(Sms).NoticeVersion).Should().Be(("granted", 2));
        consents.Purposes.Single().Notice!.Version.Should().Be(3);
        (await app.HasConsent(actor, Sms, app.Clock.GetUtcNow().AddMinutes(1), clinic)).Should().BeTrue();
    }

    [Fact]
    public async Task An_admin_adds_vaccination_offers_on_email_only_and_owners_see_and_choose_it()
    {
        var clinic = await app.NewClinicAsync();
        var admin = app.ClientAs(AdminOf(clinic));
        var owner = app.ClientAs((await app.NewClient(clinic: clinic)).Owner);
        var purpose = new { key = "vaccination-offers", name = "Vaccination offers", channels = new[] { Email }, wording = "Seasonal offers on vaccinations." };

        var added = await admin.PostAsJsonAsync($"/api/clinics/{clinic}/consent-purposes", purpose);
        var again = await admin.PostAsJsonAsync($"/api/clinics/{clinic}/consent-purposes", purpose);

        added.StatusCode.Should().Be(HttpStatusCode.Created);
        var details = (await added.Content.ReadFromJsonAsync<PurposeDetails>(ApiJson.Options))!;
        details.Notices.Should().ContainSingle().Which.Hash.Should().Be(NoticeWording.Hash("Seasonal offers on vaccinations."));
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await again.RuleOf()).Should().Be("purpose-exists");
        var offers = (await owner.Consents(clinic)).Purposes.Should().ContainSingle(p => p.Purpose == "vaccination-offers").Subject;
        offers.Channels.Should().Equal(new ChannelConsent(Email, "never", null, null));
        var bySms = await owner.Choose(Sms, granted: true, noticeVersion: 1, clinic: clinic, purpose: "vaccination-offers");
        bySms.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await bySms.RuleOf()).Should().Be("channel-not-offered");
        (await owner.ChooseOk(Email, granted: true, noticeVersion: 1, clinic: clinic, purpose: "vaccination-offers")).Status.Should().Be("granted");
    }

    [Fact]
    public async Task Purposes_and_notices_are_checked_before_they_are_kept()
    {
        var clinic = await app.NewClinicAsync();
        var admin = app.ClientAs(AdminOf(clinic));

        var badPurpose = await admin.PostAsJsonAsync($"/api/clinics/{clinic}/consent-purposes",
            new { key = "Vaccination Offers!", name = "", channels = new[] { "pigeon" }, wording = "" });
        var unknownPurpose = await admin.Publish(clinic, "Wording", material: true, purpose: "horoscopes");
        var emptyWording = await admin.Publish(clinic, " ", material: true);

        badPurpose.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await badPurpose.ErrorFields()).Should().BeEquivalentTo("key", "name", "channels[0]", "wording");
        unknownPurpose.StatusCode.Should().Be(HttpStatusCode.NotFound);
        emptyWording.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Staff_read_the_purposes_and_wordings_but_only_admins_change_them()
    {
        var clinic = await app.NewClinicAsync();
        var receptionist = app.ClientAs(ReceptionistOf(clinic));
        var vet = app.ClientAs(new Actor(Guid.NewGuid(), ActorRole.Vet, new ClinicId(clinic)));

        var purposes = await receptionist.GetFromJsonAsync<List<PurposeDetails>>($"/api/clinics/{clinic}/consent-purposes", ApiJson.Options);

        purposes.Should().ContainSingle().Which.Notices.Should().ContainSingle().Which.Wording.Should().StartWith("We would like to remind you");
        (await receptionist.Publish(clinic, "A receptionist's wording", material: false)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await vet.Publish(clinic, "A vet's wording", material: false)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await receptionist.PostAsJsonAsync($"/api/clinics/{clinic}/consent-purposes",
            new { key = "offers", name = "Offers", channels = new[] { Email }, wording = "Offers." })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await app.ClientAs(AdminOf(clinic)).GetFromJsonAsync<List<PurposeDetails>>($"/api/clinics/{clinic}/consent-purposes", ApiJson.Options))!
            .Single().Notices.Should().ContainSingle();
    }

    [Fact]
    public async Task Notices_published_at_once_get_consecutive_versions()
    {
        var clinic = await app.NewClinicAsync();
        var admin = app.ClientAs(AdminOf(clinic));

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => admin.Publish(clinic, $"Wording {i}", material: i % 2 == 0))));

        responses.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.Created);
        var versions = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<NoticeText>(ApiJson.Options))!.Version));
        versions.Should().BeEquivalentTo(Enumerable.Range(2, 10));
        var stored = (await admin.GetFromJsonAsync<List<PurposeDetails>>($"/api/clinics/{clinic}/consent-purposes", ApiJson.Options))!.Single().Notices;
        stored.Select(n => n.Version).Should().Equal(Enumerable.Range(1, 11));
        stored.Should().OnlyContain(n => n.Hash == NoticeWording.Hash(n.Wording));
    }
}
