using VetOS.Domain.Consents;
using static VetOS.Domain.Tests.Consents.ConsentSpec;
using static VetOS.Domain.Tests.Consents.Reminders;
using static VetOS.Domain.Tests.Owners.People;

namespace VetOS.Domain.Tests.Consents;

public sealed class GivingConsent
{
    private static readonly DateTimeOffset AfterHerGrant = Earlier.AddDays(1);

    [Fact]
    public void The_owner_agrees_in_the_portal_to_the_notice_in_force_with_her_address_and_browser() =>
        Given()
            .When(Grant())
            .Then(new ConsentGranted(AliceId, RiversideId, Key, Sms, ConsentSources.Portal, 1, "hash-of-wording-1", Ip, Browser, null, null,
                AliceActing.Tag, Now));

    [Fact]
    public void A_purpose_the_clinic_does_not_ask_consent_for_is_refused() =>
        Given()
            .Under(null)
            .When(Grant())
            .ThenFails(ConsentErrors.UnknownPurpose);

    [Fact]
    public void A_channel_the_clinic_does_not_send_the_purpose_on_is_refused() =>
        Given()
            .Under(new ConsentPurpose("vaccination-offers", [Email], [new NoticeVersion("vaccination-offers", 1, "hash", true, Launched)]))
            .When(Grant(Sms, purpose: "vaccination-offers"))
            .ThenFails(ConsentErrors.ChannelNotOffered);

    [Fact]
    public void Agreeing_to_a_notice_older_than_the_one_in_force_is_refused() =>
        Given()
            .Under(Purpose(Notice(2, material: true, Earlier)))
            .When(Grant(notice: 1))
            .ThenFails(ConsentErrors.NoticeOutdated);

    [Fact]
    public void Agreeing_to_an_older_notice_is_refused_even_when_the_change_was_not_material() =>
        Given()
            .Under(Purpose(Notice(2, material: false, Earlier)))
            .When(Grant(notice: 1))
            .ThenFails(ConsentErrors.NoticeOutdated);

    [Fact]
    public void Agreeing_to_a_notice_version_never_published_is_refused() =>
        Given()
            .When(Grant(notice: 7))
            .ThenFails(ConsentErrors.NoticeOutdated);

    [Fact]
    public void Agreeing_without_naming_the_notice_shown_is_refused() =>
        Given()
            .When(Grant(notice: null))
            .ThenFails(ConsentErrors.NoticeOutdated);

    [Fact]
    public void A_notice_to_be_published_later_is_not_yet_in_force()
    {
        var purpose = Purpose(Notice(2, material: true, Now.AddDays(1)));
        Given().Under(purpose).When(Grant(notice: 2)).ThenFails(ConsentErrors.NoticeOutdated);
        Given().Under(purpose).When(Grant(notice: 1)).Then(new ConsentGranted(AliceId, RiversideId, Key, Sms, ConsentSources.Portal, 1,
            "hash-of-wording-1", Ip, Browser, null, null, AliceActing.Tag, Now));
    }

    [Fact]
    public void The_first_notice_is_in_force_even_when_stamped_after_now() =>
        Given()
            .Under(new ConsentPurpose(Key, MessageChannels.All, [Notice(1, material: true, Now.AddHours(3))]))
            .When(Grant())
            .Then(Granted(at: Now));

    [Fact]
    public void Agreeing_again_to_the_same_notice_records_nothing() =>
        Given(Granted())
            .When(Grant())
            .ThenNothing();

    [Fact]
    public void Agreeing_to_a_new_version_renews_the_consent_to_it() =>
        Given(Granted())
            .Under(Purpose(Notice(2, material: false, AfterHerGrant)))
            .When(Grant(notice: 2))
            .Then(Granted(notice: 2, at: Now));

    [Fact]
    public void Agreeing_after_a_material_change_renews_the_lapsed_consent() =>
        Given(Granted())
            .Under(Purpose(Notice(2, material: true, AfterHerGrant)))
            .When(Grant(notice: 2))
            .Then(Granted(notice: 2, at: Now));

    [Fact]
    public void Agreeing_again_after_withdrawing_is_a_new_grant() =>
        Given(Granted(), Withdrawn(at: AfterHerGrant))
            .When(Grant())
            .Then(Granted(at: Now));

    [Fact]
    public void Agreeing_on_one_channel_is_separate_from_the_others() =>
        Given(Granted(Sms))
            .When(Grant(Email))
            .Then(Granted(Email, at: Now));
}
