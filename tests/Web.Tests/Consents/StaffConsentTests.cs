using System.Net;
using Mediator;
using VetOS.Application.Consents;
using VetOS.Domain;
using VetOS.Web.Tests.Owners;
using static VetOS.Web.Tests.Consents.ConsentClient;

namespace VetOS.Web.Tests.Consents;

public sealed class StaffConsentTests(VetOSApp app) : IClassFixture<VetOSApp>
{
    private const string Sms = MessageChannels.Sms;
    private const string Note = "Asked for SMS reminders at the front desk";

    [Fact]
    public async Task A_receptionist_records_a_clients_word_with_a_note_and_the_owner_sees_who_and_how()
    {
        var (actor, _) = await app.NewClient();
        var receptionist = ReceptionistOf(Demo);

        var response = await app.ClientAs(receptionist).RecordOnOwnersWord(actor.Id, Sms, granted: true, noticeVersion: 1, Note);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var change = (await app.ClientAs(actor).Consents()).History.Should().ContainSingle().Subject;
        (change.Change, change.Source, change.Note, change.By, change.IpAddress, change.UserAgent)
            .Should().Be(("granted", "staff", Note, receptionist.Tag, (string?)null, (string?)null));
        (await app.HasConsent(actor, Sms, app.Clock.GetUtcNow())).Should().BeTrue();
        (await app.Database.ScalarAsync<long>("select count(*) from audit.access_log where reader_id = $1 and owner_id = $2", receptionist.Id, actor.Id))
            .Should().Be(1, "recording the owner's word shows staff where the owner's consent stands");
    }

    [Fact]
    public async Task Staff_withdraw_on_a_clients_word_the_same_way()
    {
        var (actor, _) = await app.NewClient();
        await app.ClientAs(actor).ChooseOk(Sms, granted: true, noticeVersion: 1);

        var response = await app.ClientAs(ReceptionistOf(Demo)).RecordOnOwnersWord(actor.Id, Sms, granted: false, noticeVersion: null, "Phoned to stop SMS");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.ClientAs(actor).Consents()).Standing(Sms).Status.Should().Be("withdrawn");
        (await app.HasConsent(actor, Sms, app.Clock.GetUtcNow())).Should().BeFalse();
    }

    [Fact]
    public async Task Without_a_note_staff_are_refused_and_nothing_is_recorded()
    {
        var (actor, _) = await app.NewClient();

        var withoutNote = await app.ClientAs(ReceptionistOf(Demo)).RecordOnOwnersWord(actor.Id, Sms, granted: true, noticeVersion: 1, note: null);
        var blankNote = await app.ClientAs(ReceptionistOf(Demo)).RecordOnOwnersWord(actor.Id, Sms, granted: true, noticeVersion: 1, note: "   ");

        withoutNote.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await withoutNote.RuleOf()).Should().Be("evidence-missing");
        (await blankNote.RuleOf()).Should().Be("evidence-missing");
        (await app.ClientAs(actor).Consents()).History.Should().BeEmpty();
    }

    [Fact]
    public async Task A_note_too_long_is_refused_naming_the_field()
    {
        var (actor, _) = await app.NewClient();

        var response = await app.ClientAs(ReceptionistOf(Demo)).RecordOnOwnersWord(actor.Id, Sms, granted: true, noticeVersion: 1, new string('x', 501));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ErrorFields()).Should().Equal("note");
    }

    [Fact]
    public async Task Staff_cannot_record_consent_for_another_clinics_client_nor_at_another_clinic()
    {
        var elsewhere = await app.NewClinicAsync();
        var (theirs, _) = await app.NewClient(clinic: elsewhere);
        var (ours, _) = await app.NewClient();

        var notOurClient = await app.ClientAs(ReceptionistOf(Demo)).RecordOnOwnersWord(theirs.Id, Sms, granted: true, noticeVersion: 1, Note);
        var notOurClinic = await app.ClientAs(ReceptionistOf(elsewhere)).RecordOnOwnersWord(ours.Id, Sms, granted: true, noticeVersion: 1, Note);
        var auditor = await app.ClientAs(new Actor(Guid.NewGuid(), ActorRole.Auditor, new ClinicId(Demo)))
            .RecordOnOwnersWord(ours.Id, Sms, granted: true, noticeVersion: 1, Note);

        notOurClient.StatusCode.Should().Be(HttpStatusCode.NotFound);
        notOurClinic.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        auditor.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await app.ClientAs(theirs).Consents(elsewhere)).History.Should().BeEmpty();
        (await app.ClientAs(ours).Consents()).History.Should().BeEmpty();
    }

    [Fact]
    public async Task An_inbound_message_withdraws_without_a_session_and_its_id_is_the_evidence()
    {
        var (actor, _) = await app.NewClient();
        await app.ClientAs(actor).ChooseOk(Sms, granted: true, noticeVersion: 1);
        using var scope = app.Services.CreateScope();

        var result = await scope.ServiceProvider.GetRequiredService<IMediator>()
            .Send(new RecordInboundConsentCommand(actor.Id, Demo, Reminders, Sms, Granted: false, MessageId: "SM8f2c1e"));

        result.Standing!.Status.Should().Be("withdrawn");
        var change = (await app.ClientAs(actor).Consents()).History[0];
        (change.Change, change.Source, change.MessageId, change.By).Should().Be(("withdrawn", "inbound-message", "SM8f2c1e", "inbound-message:SM8f2c1e"));
        (await app.HasConsent(actor, Sms, app.Clock.GetUtcNow())).Should().BeFalse();
    }
}
