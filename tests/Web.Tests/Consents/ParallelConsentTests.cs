using System.Net;
using VetOS.Application.Consents;
using VetOS.Domain;
using VetOS.Web.Tests.Owners;
using static VetOS.Web.Tests.Consents.ConsentClient;

namespace VetOS.Web.Tests.Consents;

/// <summary>Choices about one consent sent at once, over real parallel requests: each is decided on the one before it and none is lost.</summary>
public sealed class ParallelConsentTests(VetOSApp app) : IClassFixture<VetOSApp>
{
    private const int Toggles = 20;
    private const string Sms = MessageChannels.Sms;

    [Fact]
    public async Task Twenty_toggles_at_once_end_with_the_last_event_matching_the_periods_and_the_chain_intact()
    {
        var (actor, _) = await app.NewClient();
        var owner = app.ClientAs(actor);
        using var start = new ManualResetEventSlim();
        var requests = Enumerable.Range(0, Toggles).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await owner.Choose(Sms, granted: i % 2 == 0, noticeVersion: 1);
        })).ToList();

        start.Set();
        var responses = await Task.WhenAll(requests);

        responses.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.OK);
        var types = (await app.Database.ScalarAsync<string>(
            "select string_agg(event_type, ',' order by stream_revision) from event_store.events where stream_id = $1", StreamOf(actor))).Split(',');
        types.Should().NotBeEmpty();
        types.Zip(types.Skip(1)).Should().OnlyContain(pair => pair.First != pair.Second, "each choice was decided on the one before it, so none repeats");
        var open = await app.Database.ScalarAsync<long>(
            "select count(*) from consent.periods where owner_id = $1 and clinic_id = $2 and withdrawn_at is null", actor.Id, Demo);
        open.Should().Be(types[^1] == "consent.v1.granted" ? 1 : 0);
        (await owner.Consents()).Standing(Sms).Status.Should().Be(types[^1] == "consent.v1.granted" ? "granted" : "withdrawn");
        (await app.HasConsent(actor, Sms, app.Clock.GetUtcNow())).Should().Be(types[^1] == "consent.v1.granted");
        var chain = await app.Services.GetRequiredService<IConsentLedgers>().VerifyAsync(new OwnerId(actor.Id), new ClinicId(Demo), CancellationToken.None);
        chain.Should().Be(new ChainReport(true, types.Length, null, null));
    }

    [Fact]
    public async Task Agreeing_withdrawing_and_agreeing_again_within_one_clock_tick_keeps_the_periods_in_step()
    {
        var (actor, _) = await app.NewClient();
        var owner = app.ClientAs(actor);

        await owner.ChooseOk(Sms, granted: true, noticeVersion: 1);
        await owner.ChooseOk(Sms, granted: false);
        var again = await owner.Choose(Sms, granted: true, noticeVersion: 1);

        again.StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.HasConsent(actor, Sms, app.Clock.GetUtcNow())).Should().BeTrue();
        (await owner.Consents()).History.Should().HaveCount(3);
    }
}
