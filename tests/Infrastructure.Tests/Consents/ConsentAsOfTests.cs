using VetOS.Application.Consents;
using VetOS.Domain;
using VetOS.Domain.Consents;
using static VetOS.Infrastructure.Tests.Consents.ConsentScenario;

namespace VetOS.Infrastructure.Tests.Consents;

/// <summary>Consent as of any instant, from the consent periods and replayed from the events, which must agree.</summary>
public sealed class ConsentAsOfTests(EventStoreDatabase database) : IClassFixture<EventStoreDatabase>
{
    private readonly ConsentScenario scenario = new(database);

    // One owner's week: grants, a non-material notice (consent carries over), a withdrawal, material notices (consent lapses), renewals.
    private static readonly DateTimeOffset T1 = Monday, T2 = Monday.AddDays(1), T3 = Monday.AddDays(2), T4 = Monday.AddDays(3),
        T5 = Monday.AddDays(4), T6 = Monday.AddDays(5), T7 = Monday.AddDays(6);

    private async Task<(Guid Clinic, Guid Owner)> WeekAsync()
    {
        var (clinic, owner) = (await scenario.NewClinicAsync(), Guid.NewGuid());
        await scenario.PublishAsync(clinic, Reminders, 2, material: false, T2);
        await scenario.PublishAsync(clinic, Recalls, 2, material: true, T4);
        await scenario.PublishAsync(clinic, Reminders, 3, material: true, T6);
        await scenario.ChooseAsync(owner, clinic, Reminders, MessageChannels.Sms, true, T1);
        await scenario.ChooseAsync(owner, clinic, Reminders, MessageChannels.Email, true, T1.AddMinutes(1));
        await scenario.ChooseAsync(owner, clinic, Recalls, MessageChannels.Email, true, T1.AddMinutes(2));
        await scenario.ChooseAsync(owner, clinic, Reminders, MessageChannels.Email, false, T3);
        await scenario.ChooseAsync(owner, clinic, Reminders, MessageChannels.WhatsApp, true, T5);
        await scenario.ChooseAsync(owner, clinic, Reminders, MessageChannels.Sms, true, T5.AddMinutes(1));
        await scenario.ChooseAsync(owner, clinic, Recalls, MessageChannels.Email, true, T7, staffNote: "Asked at the desk");
        return (clinic, owner);
    }

    private async Task<IReadOnlyList<ConsentState>> BothAgreeAsync(Guid clinic, Guid owner, DateTimeOffset at)
    {
        var projection = await scenario.AsOfAsync(clinic, owner, at, ConsentReplaySources.Projection);
        var events = await scenario.AsOfAsync(clinic, owner, at, ConsentReplaySources.Events);
        events.Consents.Should().Equal(projection.Consents, $"the events and the projection agree at {at:O}");
        return projection.Consents;
    }

    private static ConsentState State(IReadOnlyList<ConsentState> states, string purpose, string channel) =>
        states.Single(s => s.Purpose == purpose && s.Channel == channel);

    [Fact]
    public async Task Before_between_and_after_changes_both_sources_give_every_purpose_and_channel()
    {
        var (clinic, owner) = await WeekAsync();

        var before = await BothAgreeAsync(clinic, owner, T1.AddTicks(-1));
        var atFirst = await BothAgreeAsync(clinic, owner, T1);
        var afterNonMaterial = await BothAgreeAsync(clinic, owner, T2.AddHours(1));
        var afterWithdrawal = await BothAgreeAsync(clinic, owner, T3);
        var afterRecallsNotice = await BothAgreeAsync(clinic, owner, T4.AddHours(1));
        var afterRenewal = await BothAgreeAsync(clinic, owner, T5.AddHours(1));
        var afterRemindersNotice = await BothAgreeAsync(clinic, owner, T6);
        var after = await BothAgreeAsync(clinic, owner, T7.AddDays(30));

        before.Select(s => (s.Purpose, s.Channel)).Should().Equal(
            (Reminders, "email"), (Reminders, "sms"), (Reminders, "whatsapp"), (Recalls, "email"), (Recalls, "sms"));
        before.Should().OnlyContain(s => s.Status == ConsentStatus.Never && s.Since == null);
        State(atFirst, Reminders, "sms").Should().Be(new ConsentState(Reminders, "sms", ConsentStatus.Granted, T1, 1, ConsentSources.Portal));
        State(atFirst, Reminders, "email").Status.Should().Be(ConsentStatus.Never, "it was given a minute later");
        State(afterNonMaterial, Reminders, "email").Should().Be(new ConsentState(Reminders, "email", ConsentStatus.Granted, T1.AddMinutes(1), 1, ConsentSources.Portal));
        State(afterWithdrawal, Reminders, "email").Should().Be(new ConsentState(Reminders, "email", ConsentStatus.Withdrawn, T3, null, ConsentSources.Portal));
        State(afterWithdrawal, Recalls, "email").Status.Should().Be(ConsentStatus.Granted);
        State(afterRecallsNotice, Recalls, "email").Should().Be(new ConsentState(Recalls, "email", ConsentStatus.Lapsed, T1.AddMinutes(2), 1, ConsentSources.Portal));
        State(afterRenewal, Reminders, "sms").Should().Be(new ConsentState(Reminders, "sms", ConsentStatus.Granted, T5.AddMinutes(1), 2, ConsentSources.Portal));
        State(afterRenewal, Reminders, "whatsapp").Should().Be(new ConsentState(Reminders, "whatsapp", ConsentStatus.Granted, T5, 2, ConsentSources.Portal));
        afterRemindersNotice.Where(s => s.Purpose == Reminders).Select(s => s.Status)
            .Should().Equal(ConsentStatus.Withdrawn, ConsentStatus.Lapsed, ConsentStatus.Lapsed);
        State(after, Recalls, "email").Should().Be(new ConsentState(Recalls, "email", ConsentStatus.Granted, T7, 2, ConsentSources.Staff));
    }

    [Fact]
    public async Task The_clinic_report_lists_consents_in_force_and_the_changes_leave_renewals_as_grants()
    {
        var (clinic, owner) = await WeekAsync();
        var reports = scenario.Reports;

        var afterRenewal = await scenario.ListAsync(reports.InForceAsync(clinic, T5.AddHours(1), default));
        var atEnd = await scenario.ListAsync(reports.InForceAsync(clinic, T7, default));
        var changes = await scenario.ListAsync(reports.ChangesAsync(clinic, T1, T7, default));

        afterRenewal.Should().Equal(new ClinicConsent(owner, Reminders, "sms", T5.AddMinutes(1), 2), new ClinicConsent(owner, Reminders, "whatsapp", T5, 2));
        atEnd.Should().Equal(new ClinicConsent(owner, Recalls, "email", T7, 2));
        changes.Select(c => (c.Purpose, c.Channel, c.Change, c.At)).Should().Equal(
            (Reminders, "sms", "granted", T1), (Reminders, "email", "granted", T1.AddMinutes(1)), (Recalls, "email", "granted", T1.AddMinutes(2)),
            (Reminders, "email", "withdrawn", T3), (Reminders, "whatsapp", "granted", T5), (Reminders, "sms", "granted", T5.AddMinutes(1)));
        changes.Should().OnlyContain(c => c.OwnerId == owner && c.Source == ConsentSources.Portal && c.By == $"owner:{owner}");
    }

    [Fact]
    public async Task Randomized_histories_of_many_owners_replay_the_same_from_events_and_projection_at_every_instant()
    {
        var seed = Environment.TickCount;
        var (clinic, owners) = await RandomHistoriesAsync(new Random(seed), owners: 30);
        var instants = new Random(seed + 1);
        var compared = 0;
        var seen = new HashSet<ConsentStatus>();

        foreach (var (owner, times) in owners)
        {
            var probes = times.SelectMany(t => new[] { t.AddTicks(-1), t, t.AddMinutes(30) })
                .Concat(Enumerable.Range(0, 5).Select(_ => Monday.AddDays(-2).AddMinutes(instants.Next(0, 30 * 24 * 60))));
            foreach (var at in probes)
            {
                seen.UnionWith((await BothAgreeAsync(clinic, owner, at)).Select(s => s.Status));
                compared++;
            }
        }
        foreach (var at in Enumerable.Range(0, 12).Select(i => Monday.AddDays(2 * i - 1)))
        {
            var fromEvents = new List<ClinicConsent>();
            foreach (var (owner, _) in owners.OrderBy(o => o.Key.ToString(), StringComparer.Ordinal))
                fromEvents.AddRange((await scenario.AsOfAsync(clinic, owner, at, ConsentReplaySources.Events)).Consents
                    .Where(s => s.Status == ConsentStatus.Granted).OrderBy(s => s.Purpose, StringComparer.Ordinal).ThenBy(s => s.Channel, StringComparer.Ordinal)
                    .Select(s => new ClinicConsent(owner, s.Purpose, s.Channel, s.Since!.Value, s.NoticeVersion)));
            (await scenario.ListAsync(scenario.Reports.InForceAsync(clinic, at, default))).Should().Equal(fromEvents, $"seed {seed}, at {at:O}");
        }
        compared.Should().BeGreaterThan(500, $"seed {seed}");
        seen.Should().BeEquivalentTo(Enum.GetValues<ConsentStatus>(), "every status occurs");
    }

    [Fact]
    public async Task Rebuilding_the_periods_from_the_events_gives_the_rows_the_appends_wrote()
    {
        await RandomHistoriesAsync(new Random(42), owners: 20);
        const string Rows = """
            select string_agg(format('%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s', clinic_id, owner_id, purpose, channel, notice_version, granted_at,
                   granted_source, granted_by, withdrawn_at, withdrawn_source, withdrawn_by), E'\n' order by owner_id, clinic_id, purpose, channel, granted_at)
              from consent.periods
            """;
        var inline = await database.ScalarAsync<string>(Rows);

        var replayed = await scenario.Rebuild.RebuildPeriodsAsync(default);

        (await database.ScalarAsync<string>(Rows)).Should().Be(inline);
        replayed.Should().Be(await database.ScalarAsync<long>("select count(*) from event_store.events where category = 'consent'"));
    }

    /// <summary>Owners choosing at random over a month, across notices published on the way; returns when each changed something.</summary>
    private async Task<(Guid Clinic, Dictionary<Guid, List<DateTimeOffset>> Owners)> RandomHistoriesAsync(Random random, int owners)
    {
        var clinic = await scenario.NewClinicAsync();
        await scenario.PublishAsync(clinic, Reminders, 2, material: false, Monday.AddDays(5));
        await scenario.PublishAsync(clinic, Reminders, 3, material: true, Monday.AddDays(10));
        await scenario.PublishAsync(clinic, Recalls, 2, material: true, Monday.AddDays(14));
        (string Purpose, string Channel)[] pairs = [(Reminders, "email"), (Reminders, "sms"), (Reminders, "whatsapp"), (Recalls, "email"), (Recalls, "sms")];
        var plans = Enumerable.Range(0, owners).Select(_ =>
        {
            var at = Monday.AddDays(-1);
            return (Owner: Guid.NewGuid(), Choices: Enumerable.Range(0, random.Next(4, 14)).Select(_ =>
            {
                at = at.AddMinutes(random.Next(1, 3 * 24 * 60));
                var (purpose, channel) = pairs[random.Next(pairs.Length)];
                return (Purpose: purpose, Channel: channel, Granted: random.NextDouble() < 0.6, At: at);
            }).ToList());
        }).ToList();

        var changed = new Dictionary<Guid, List<DateTimeOffset>>();
        await Parallel.ForEachAsync(plans, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (plan, _) =>
        {
            var times = new List<DateTimeOffset>();
            foreach (var c in plan.Choices)
            {
                if (await scenario.ChooseAsync(plan.Owner, clinic, c.Purpose, c.Channel, c.Granted, c.At))
                    times.Add(c.At);
            }
            lock (changed)
                changed[plan.Owner] = times;
        });
        return (clinic, changed);
    }
}
