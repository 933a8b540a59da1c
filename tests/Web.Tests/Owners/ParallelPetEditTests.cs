using System.Globalization;
using System.Net;
using static VetOS.Web.Tests.Owners.OwnerClient;

namespace VetOS.Web.Tests.Owners;

/// <summary>Edits of one pet sent at once, over real parallel requests: none is lost without its sender hearing of it.</summary>
public sealed class ParallelPetEditTests(VetOSApp app) : IClassFixture<VetOSApp>
{
    private const int Editors = 8;

    private static async Task<HttpResponseMessage[]> AllAtOnce(Func<int, Task<HttpResponseMessage>> send)
    {
        using var start = new ManualResetEventSlim();
        var requests = Enumerable.Range(0, Editors).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await send(i);
        })).ToList();
        start.Set();
        return await Task.WhenAll(requests);
    }

    private static decimal Weight(int editor) => 20 + editor;

    [Fact]
    public async Task Without_If_Match_every_edit_applies_one_after_another_and_the_history_chains_them()
    {
        var owner = app.ClientAs((await app.NewClient()).Owner);
        var pet = await owner.AddPetOk(Pet(weightKg: 10m));

        var responses = await AllAtOnce(i => owner.Send(HttpMethod.Put, $"/api/me/pets/{pet.Id}", Pet(weightKg: Weight(i))));

        responses.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.OK);
        var changes = (await owner.History()).Where(h => h.Change == "pet-details-changed").Reverse()
            .Select(h => h.Fields.Single(f => f.Field == "weightKg")).ToList();
        changes.Should().HaveCount(Editors, "each edit is recorded");
        changes.Select(c => c.To).Should().BeEquivalentTo(Enumerable.Range(0, Editors).Select(i => Weight(i).ToString(CultureInfo.InvariantCulture)));
        changes[0].From.Should().Be("10");
        changes.Zip(changes.Skip(1)).Should().OnlyContain(pair => pair.Second.From == pair.First.To, "each edit was decided on the one before it");
        var final = await owner.PetOf(pet.Id);
        final.WeightKg?.ToString(CultureInfo.InvariantCulture).Should().Be(changes[^1].To);
        final.Revision.Should().Be(pet.Revision + Editors);
    }

    [Fact]
    public async Task With_the_same_If_Match_one_edit_wins_and_the_others_get_412_and_change_nothing()
    {
        var owner = app.ClientAs((await app.NewClient()).Owner);
        var pet = await owner.AddPetOk(Pet(weightKg: 10m));

        var responses = await AllAtOnce(i => owner.Send(HttpMethod.Put, $"/api/me/pets/{pet.Id}", Pet(weightKg: Weight(i)), ifMatch: pet.Revision));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        statuses.Count(s => s == HttpStatusCode.OK).Should().Be(1);
        statuses.Count(s => s == HttpStatusCode.PreconditionFailed).Should().Be(Editors - 1);
        var winner = Array.FindIndex(responses, r => r.StatusCode == HttpStatusCode.OK);
        var history = await owner.History();
        history.Where(h => h.Change == "pet-details-changed").Should().ContainSingle()
            .Which.Fields.Should().ContainSingle(f => f.Field == "weightKg" && f.From == "10" && f.To == Weight(winner).ToString(CultureInfo.InvariantCulture));
        (await owner.PetOf(pet.Id)).WeightKg.Should().Be(Weight(winner));
    }
}
