using VetOS.Domain.Consents;
using static VetOS.Domain.Tests.Consents.ConsentSpec;
using static VetOS.Domain.Tests.Consents.Reminders;
using static VetOS.Domain.Tests.Owners.People;

namespace VetOS.Domain.Tests.Consents;

public sealed class WithdrawingConsent
{
    private static readonly DateTimeOffset AfterHerGrant = Earlier.AddDays(1);

    [Fact]
    public void Withdrawing_is_one_step_with_the_same_evidence_as_agreeing() =>
        Given(Granted())
            .When(Withdraw())
            .Then(new ConsentWithdrawn(AliceId, RiversideId, Key, Sms, ConsentSources.Portal, 1, "hash-of-wording-1", Ip, Browser, null, null,
                AliceActing.Tag, Now));

    [Fact]
    public void Withdrawing_what_was_never_given_records_nothing() =>
        Given()
            .When(Withdraw())
            .ThenNothing();

    [Fact]
    public void Withdrawing_twice_records_nothing() =>
        Given(Granted(), Withdrawn(at: AfterHerGrant))
            .When(Withdraw())
            .ThenNothing();

    [Fact]
    public void Withdrawing_needs_no_match_with_the_notice_in_force() =>
        Given(Granted())
            .Under(Purpose(Notice(2, material: false, AfterHerGrant)))
            .When(Withdraw(notice: 1))
            .Then(Withdrawn(notice: 1, at: Now));

    [Fact]
    public void Withdrawing_without_naming_a_notice_records_the_one_in_force() =>
        Given(Granted())
            .Under(Purpose(Notice(2, material: false, AfterHerGrant)))
            .When(Withdraw(notice: null))
            .Then(Withdrawn(notice: 2, at: Now));

    [Fact]
    public void Withdrawing_naming_a_notice_never_published_records_the_one_in_force() =>
        Given(Granted())
            .When(Withdraw(notice: 9))
            .Then(Withdrawn(notice: 1, at: Now));

    [Fact]
    public void Withdrawing_a_consent_that_lapsed_is_recorded() =>
        Given(Granted())
            .Under(Purpose(Notice(2, material: true, AfterHerGrant)))
            .When(Withdraw())
            .Then(Withdrawn(at: Now));

    [Fact]
    public void Withdrawing_one_channel_leaves_the_others_alone() =>
        Given(Granted(Sms), Granted(Email))
            .When(Withdraw(Email))
            .Then(Withdrawn(Email, at: Now));

    [Fact]
    public void Withdrawing_from_a_purpose_the_clinic_does_not_ask_for_is_refused() =>
        Given()
            .Under(null)
            .When(Withdraw())
            .ThenFails(ConsentErrors.UnknownPurpose);

    [Fact]
    public void Withdrawing_on_a_channel_not_offered_is_refused() =>
        Given()
            .Under(new ConsentPurpose(Key, [Email], [V1]))
            .When(Withdraw(MessageChannels.WhatsApp))
            .ThenFails(ConsentErrors.ChannelNotOffered);
}
