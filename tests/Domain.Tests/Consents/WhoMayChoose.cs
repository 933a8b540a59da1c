using VetOS.Domain.Consents;
using static VetOS.Domain.Tests.Consents.ConsentSpec;
using static VetOS.Domain.Tests.Consents.Reminders;
using static VetOS.Domain.Tests.Owners.People;

namespace VetOS.Domain.Tests.Consents;

public sealed class WhoMayChoose
{
    private const string Note = "Asked at the front desk";

    private static ConsentGranted OnHerWord(Actor staff) =>
        new(AliceId, RiversideId, Key, Sms, ConsentSources.Staff, 1, "hash-of-wording-1", null, null, null, Note, staff.Tag, Now);

    [Fact]
    public void Another_owner_cannot_choose_for_her() =>
        Given()
            .When(Grant(by: Bob))
            .ThenFails(ConsentErrors.NotYours);

    [Fact]
    public void Staff_cannot_act_as_if_in_her_portal() =>
        Given()
            .When(Grant(by: Receptionist, evidence: Portal))
            .ThenFails(ConsentErrors.NotYours);

    [Fact]
    public void Staff_of_her_clinic_record_her_word_with_a_note_saying_how_it_reached_them()
    {
        Given().When(Grant(by: Receptionist, evidence: OnTheOwnersWord(Note))).Then(OnHerWord(Receptionist));
        Given().When(Grant(by: Vet, evidence: OnTheOwnersWord(Note))).Then(OnHerWord(Vet));
        Given().When(Grant(by: Admin, evidence: OnTheOwnersWord(Note))).Then(OnHerWord(Admin));
    }

    [Fact]
    public void Staff_withdraw_on_her_word_the_same_way() =>
        Given(Granted())
            .When(Withdraw(by: Receptionist, evidence: OnTheOwnersWord(Note)))
            .Then(new ConsentWithdrawn(AliceId, RiversideId, Key, Sms, ConsentSources.Staff, 1, "hash-of-wording-1", null, null, null, Note,
                Receptionist.Tag, Now));

    [Fact]
    public void Staff_without_a_note_are_refused()
    {
        Given().When(Grant(by: Receptionist, evidence: OnTheOwnersWord(null))).ThenFails(ConsentErrors.EvidenceMissing);
        Given(Granted()).When(Withdraw(by: Receptionist, evidence: OnTheOwnersWord("  "))).ThenFails(ConsentErrors.EvidenceMissing);
    }

    [Fact]
    public void Staff_of_another_clinic_are_refused() =>
        Given()
            .When(Grant(by: ReceptionistAtHillside, evidence: OnTheOwnersWord()))
            .ThenFails(ConsentErrors.NotYours);

    [Fact]
    public void Auditors_and_platform_operators_are_refused()
    {
        Given().When(Grant(by: Auditor, evidence: OnTheOwnersWord())).ThenFails(ConsentErrors.NotYours);
        Given().When(Grant(by: Operator, evidence: OnTheOwnersWord())).ThenFails(ConsentErrors.NotYours);
    }

    [Fact]
    public void The_owner_cannot_pass_her_own_choice_off_as_staff_evidence() =>
        Given()
            .When(Grant(by: AliceActing, evidence: OnTheOwnersWord()))
            .ThenFails(ConsentErrors.NotYours);

    [Fact]
    public void Her_inbound_message_withdraws_with_its_id_as_the_evidence() =>
        Given(Granted())
            .When(FromMessage(granted: false))
            .Then(new ConsentWithdrawn(AliceId, RiversideId, Key, Sms, ConsentSources.InboundMessage, 1, "hash-of-wording-1", null, null, "SM0001", null,
                "inbound-message:SM0001", Now));

    [Fact]
    public void Her_inbound_message_agrees_to_the_notice_in_force() =>
        Given(Granted(), Withdrawn(at: Earlier.AddDays(1)))
            .Under(Purpose(Notice(2, material: true, Earlier.AddDays(2))))
            .When(FromMessage(granted: true))
            .Then(new ConsentGranted(AliceId, RiversideId, Key, Sms, ConsentSources.InboundMessage, 2, "hash-of-wording-2", null, null, "SM0001", null,
                "inbound-message:SM0001", Now));

    [Fact]
    public void An_inbound_message_without_its_id_is_refused() =>
        Given(Granted())
            .When(FromMessage(granted: false, messageId: ""))
            .ThenFails(ConsentErrors.EvidenceMissing);

    [Fact]
    public void A_signed_in_actor_cannot_pass_a_choice_off_as_an_inbound_message()
    {
        Given(Granted()).When(FromMessage(granted: false, by: AliceActing)).ThenFails(ConsentErrors.NotYours);
        Given(Granted()).When(FromMessage(granted: false, by: Receptionist)).ThenFails(ConsentErrors.NotYours);
    }

    [Fact]
    public void Nobody_acts_in_the_portal_without_signing_in() =>
        Given()
            .When(new ChooseConsent(Alice, Riverside, Key, Sms, true, 1, Portal, null, Now))
            .ThenFails(ConsentErrors.NotYours);

    [Fact]
    public void A_source_VetOS_does_not_know_is_refused() =>
        Given()
            .When(Grant(evidence: new ConsentEvidence("carrier-pigeon")))
            .ThenFails(ConsentErrors.NotYours);
}
