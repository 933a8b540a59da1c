using VetOS.Domain.Consents;
using static VetOS.Domain.Tests.Consents.Reminders;
using static VetOS.Domain.Tests.Owners.People;

namespace VetOS.Domain.Tests.Consents;

/// <summary>Where a consent stands at an instant (<see cref="ConsentLedger.StatusOf"/>), and the ledger as it stood then (<see cref="ConsentLedger.AsOf"/>).</summary>
public sealed class ConsentStatusSpecs
{
    private static readonly DateTimeOffset V2At = Earlier.AddDays(1);
    private static readonly DateTimeOffset RenewedAt = Earlier.AddDays(2);
    private static readonly DateTimeOffset V3At = Earlier.AddDays(3);

    private static ConsentLedger Ledger(params IConsentEvent[] events) => ConsentLedger.From(Alice, Riverside, events);

    [Fact]
    public void A_consent_never_chosen_is_never() =>
        Ledger().StatusOf(Purpose(), Sms, Now).Should().Be(ConsentStatus.Never);

    [Fact]
    public void A_grant_stands_as_granted_to_its_notice_since_its_instant()
    {
        var ledger = Ledger(Granted());

        ledger.StatusOf(Purpose(), Sms, Now).Should().Be(ConsentStatus.Granted);
        ledger.StandingOf(Key, Sms).Should().Be(new Standing(true, 1, Earlier, ConsentSources.Portal));
    }

    [Fact]
    public void A_withdrawal_stands_as_withdrawn() =>
        Ledger(Granted(), Withdrawn(at: V2At)).StatusOf(Purpose(), Sms, Now).Should().Be(ConsentStatus.Withdrawn);

    [Fact]
    public void Each_channel_stands_on_its_own()
    {
        var ledger = Ledger(Granted(Sms), Granted(Email), Withdrawn(Email, at: V2At));

        ledger.StatusOf(Purpose(), Sms, Now).Should().Be(ConsentStatus.Granted);
        ledger.StatusOf(Purpose(), Email, Now).Should().Be(ConsentStatus.Withdrawn);
        ledger.StatusOf(Purpose(), MessageChannels.WhatsApp, Now).Should().Be(ConsentStatus.Never);
    }

    [Fact]
    public void A_material_notice_lapses_older_consent_from_the_instant_it_is_published()
    {
        var purpose = Purpose(Notice(2, material: true, V2At));
        var ledger = Ledger(Granted());

        ledger.StatusOf(purpose, Sms, V2At.AddTicks(-1)).Should().Be(ConsentStatus.Granted);
        ledger.StatusOf(purpose, Sms, V2At).Should().Be(ConsentStatus.Lapsed);
    }

    [Fact]
    public void A_non_material_notice_carries_older_consent_over() =>
        Ledger(Granted()).StatusOf(Purpose(Notice(2, material: false, V2At)), Sms, Now).Should().Be(ConsentStatus.Granted);

    [Fact]
    public void Consent_renewed_to_a_material_notice_survives_a_later_non_material_one() =>
        Ledger(Granted(), Granted(notice: 2, at: RenewedAt))
            .StatusOf(Purpose(Notice(2, material: true, V2At), Notice(3, material: false, V3At)), Sms, Now)
            .Should().Be(ConsentStatus.Granted);

    [Fact]
    public void Consent_renewed_to_v2_lapses_when_a_material_v3_is_published() =>
        Ledger(Granted(), Granted(notice: 2, at: RenewedAt))
            .StatusOf(Purpose(Notice(2, material: true, V2At), Notice(3, material: true, V3At)), Sms, Now)
            .Should().Be(ConsentStatus.Lapsed);

    [Fact]
    public void A_material_change_after_a_non_material_one_lapses_consent_given_before_both() =>
        Ledger(Granted())
            .StatusOf(Purpose(Notice(2, material: false, V2At), Notice(3, material: true, V3At)), Sms, Now)
            .Should().Be(ConsentStatus.Lapsed);

    [Fact]
    public void A_withdrawal_stays_withdrawn_whatever_notices_follow() =>
        Ledger(Granted(), Withdrawn(at: Earlier.AddHours(1)))
            .StatusOf(Purpose(Notice(2, material: true, V2At)), Sms, Now)
            .Should().Be(ConsentStatus.Withdrawn);

    [Fact]
    public void The_ledger_as_of_an_instant_replays_only_what_had_happened_by_then()
    {
        IConsentEvent[] events = [Granted(at: Earlier), Withdrawn(at: V2At)];

        ConsentLedger.AsOf(Alice, Riverside, events, Earlier.AddTicks(-1)).StatusOf(Purpose(), Sms, Now).Should().Be(ConsentStatus.Never);
        ConsentLedger.AsOf(Alice, Riverside, events, Earlier).StatusOf(Purpose(), Sms, Now).Should().Be(ConsentStatus.Granted);
        ConsentLedger.AsOf(Alice, Riverside, events, V2At).StatusOf(Purpose(), Sms, Now).Should().Be(ConsentStatus.Withdrawn);
    }

    [Fact]
    public void The_revision_counts_the_events_from_minus_one_for_none()
    {
        Ledger().Revision.Should().Be(-1);
        Ledger(Granted(), Withdrawn(at: V2At)).Revision.Should().Be(1);
    }

    [Fact]
    public void The_notice_in_force_is_the_latest_published_by_then_and_before_any_the_first()
    {
        var purpose = new ConsentPurpose(Key, MessageChannels.All, [Notice(1, true, V2At), Notice(2, false, V3At)]);

        purpose.NoticeAt(V3At)!.Version.Should().Be(2);
        purpose.NoticeAt(V3At.AddTicks(-1))!.Version.Should().Be(1);
        purpose.NoticeAt(Earlier)!.Version.Should().Be(1, "version 1 holds from the purpose's start, whatever its stamp");
    }
}
