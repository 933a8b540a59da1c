using VetOS.Application.PersonalData;
using VetOS.Application.Consents;
using VetOS.Domain;
using VetOS.Domain.Consents;
using VetOS.Infrastructure.Consents;
using VetOS.Infrastructure.PersonalData;
using static VetOS.Infrastructure.Tests.Consents.ConsentScenario;

namespace VetOS.Infrastructure.Tests.Consents;

/// <summary>Tamper evidence: the chain verifies as written, breaks at the first event altered in PostgreSQL, and survives erasure.</summary>
public sealed class ConsentChainTests(EventStoreDatabase database) : IClassFixture<EventStoreDatabase>
{
    private readonly ConsentScenario scenario = new(database);

    /// <summary>Four changes: revisions 0 to 3.</summary>
    private async Task<(Guid Clinic, Guid Owner, string Stream)> FourChangesAsync()
    {
        var (clinic, owner) = (await scenario.NewClinicAsync(), Guid.NewGuid());
        await scenario.ChooseAsync(owner, clinic, Reminders, MessageChannels.Sms, true, Monday);
        await scenario.ChooseAsync(owner, clinic, Reminders, MessageChannels.Email, true, Monday.AddHours(1), staffNote: "Phoned in, 14:05");
        await scenario.ChooseAsync(owner, clinic, Reminders, MessageChannels.Sms, false, Monday.AddHours(2));
        await scenario.ChooseAsync(owner, clinic, Recalls, MessageChannels.Email, true, Monday.AddHours(3));
        return (clinic, owner, PostgresConsentLedgers.StreamOf(new OwnerId(owner), new ClinicId(clinic)).Value);
    }

    private Task<ChainReport> VerifyAsync(Guid clinic, Guid owner) => scenario.Ledgers.VerifyAsync(new OwnerId(owner), new ClinicId(clinic), default);

    [Fact]
    public async Task A_chain_as_written_verifies()
    {
        var (clinic, owner, _) = await FourChangesAsync();

        (await VerifyAsync(clinic, owner)).Should().Be(new ChainReport(true, 4, null, null));
        (await VerifyAsync(clinic, Guid.NewGuid())).Should().Be(new ChainReport(true, 0, null, null), "an owner with no consent stream has nothing to break");
    }

    [Fact]
    public async Task Changing_a_value_in_a_stored_event_breaks_the_chain_at_that_event()
    {
        var (clinic, owner, stream) = await FourChangesAsync();

        await database.ExecuteAsync("""
            update event_store.events set data = regexp_replace(data::text, '"at":"[^"]+"', '"at":"2026-11-23T08:00:00+00:00"')::json
             where stream_id = $1 and stream_revision = 2
            """, stream);

        (await VerifyAsync(clinic, owner)).Should().Be(new ChainReport(false, 3, 2, "the event was altered after it was written"));
    }

    [Fact]
    public async Task Swapping_a_grant_for_a_withdrawal_breaks_the_chain_at_that_event()
    {
        var (clinic, owner, stream) = await FourChangesAsync();

        await database.ExecuteAsync("update event_store.events set event_type = 'consent.v1.withdrawn' where stream_id = $1 and stream_revision = 1", stream);

        (await VerifyAsync(clinic, owner)).Should().Be(new ChainReport(false, 2, 1, "the event was altered after it was written"));
    }

    [Fact]
    public async Task Deleting_an_event_from_the_middle_breaks_the_chain_where_it_was()
    {
        var (clinic, owner, stream) = await FourChangesAsync();

        await database.ExecuteAsync("delete from event_store.events where stream_id = $1 and stream_revision = 1", stream);

        (await VerifyAsync(clinic, owner)).Should().Be(new ChainReport(false, 1, 1, "event 1 is missing"));
    }

    [Fact]
    public async Task Moving_a_later_event_into_a_gap_is_caught_by_its_link()
    {
        var (clinic, owner, stream) = await FourChangesAsync();

        await database.ExecuteAsync("delete from event_store.events where stream_id = $1 and stream_revision = 1", stream);
        await database.ExecuteAsync("update event_store.events set stream_revision = stream_revision - 1 where stream_id = $1 and stream_revision > 1", stream);

        (await VerifyAsync(clinic, owner)).FirstBrokenRevision.Should().Be(1);
    }

    [Fact]
    public async Task After_erasure_the_chain_still_verifies_and_the_history_is_pseudonymous()
    {
        var (clinic, owner, _) = await FourChangesAsync();
        var before = await scenario.Reports.HistoryAsync(clinic, owner, default);

        await database.Keys.DestroyAsync(SubjectKeys.Of(clinic, owner));

        (await VerifyAsync(clinic, owner)).Should().Be(new ChainReport(true, 4, null, null));
        var after = await new GetConsentHistoryHandler(scenario.Reports).Handle(new GetConsentHistoryQuery(clinic, owner), default);
        after.Events.Select(e => (e.Revision, e.Change, e.Purpose, e.Channel, e.Source, e.At, e.NoticeVersion)).Should().Equal(
            (0, "granted", Reminders, "sms", ConsentSources.Portal, Monday, 1),
            (1, "granted", Reminders, "email", ConsentSources.Staff, Monday.AddHours(1), 1),
            (2, "withdrawn", Reminders, "sms", ConsentSources.Portal, Monday.AddHours(2), 1),
            (3, "granted", Recalls, "email", ConsentSources.Portal, Monday.AddHours(3), 1));
        after.Events.Where(e => e.Source == ConsentSources.Portal)
            .Should().OnlyContain(e => e.IpAddress == PersonalDataCipher.Erased && e.UserAgent == PersonalDataCipher.Erased && e.By == $"owner:{owner}");
        after.Events[1].Note.Should().Be(PersonalDataCipher.Erased);
        after.Events.Select(e => e.Hash).Should().Equal(before.Select(e => e.Hash));
        before[0].Stored.Event.Should().BeOfType<ConsentGranted>().Which.IpAddress.Should().Be("203.0.113.7");
        (await scenario.AsOfAsync(clinic, owner, Monday.AddHours(4), ConsentReplaySources.Events)).Consents
            .Should().Equal((await scenario.AsOfAsync(clinic, owner, Monday.AddHours(4), ConsentReplaySources.Projection)).Consents);
    }
}
