using System.Net;
using System.Net.Http.Json;
using VetOS.Application.Bookings;
using VetOS.Domain;
using VetOS.Infrastructure.Clinics;
using static VetOS.Web.Tests.Bookings.BookingClient;

namespace VetOS.Web.Tests.Bookings;

/// <summary>Fifty owners click the same slot at once, a hundred times over: exactly one wins each time.</summary>
public sealed class DoubleBookingRaceTests(VetOSApp app) : IClassFixture<VetOSApp>
{
    private const int Racers = 50;
    private const int Rounds = 100;

    [Fact]
    public async Task Of_fifty_parallel_requests_for_one_slot_exactly_one_books_it_the_rest_get_409_and_the_read_model_agrees()
    {
        var racers = await SeedOwners();
        var slots = (await app.CreateClient().FreeSlots(DemoClinic.Consultation, new DateOnly(2026, 11, 24), days: 14))
            .Where(s => s.Start.Minute % 30 == 0) // 20 minutes and a 10-minute buffer: rounds never touch each other
            .Take(Rounds).ToList();
        slots.Should().HaveCount(Rounds);

        foreach (var slot in slots)
        {
            using var start = new ManualResetEventSlim();
            var attempts = racers.Select(r => Task.Run(async () =>
            {
                start.Wait();
                return await r.Client.Book(DemoClinic.Consultation, slot.ResourceId, slot.Start, r.Pet);
            })).ToList();
            start.Set();
            var responses = await Task.WhenAll(attempts);
            var statuses = responses.Select(r => r.StatusCode).ToList();
            var unexpected = responses.FirstOrDefault(r => r.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict));
            if (unexpected is not null)
                throw new Xunit.Sdk.XunitException($"{unexpected.StatusCode}: {await unexpected.Content.ReadAsStringAsync()}");

            statuses.Count(s => s == HttpStatusCode.Created).Should().Be(1, $"exactly one wins {slot.Start:O}");
            statuses.Count(s => s == HttpStatusCode.Conflict).Should().Be(Racers - 1);
        }

        var requested = await app.Database.ScalarAsync<long>(
            "select count(*) from event_store.events where event_type = 'booking.v1.requested'");
        requested.Should().Be(Rounds, "one booking event per round, none for the losers");
        await Eventually.Until(
            () => app.Database.ScalarAsync<long>("select count(*) from booking.appointments where status = 'confirmed'"),
            count => count == Rounds, within: TimeSpan.FromSeconds(30), because: "the read model to hold one appointment per slot");
        var overlapping = await app.Database.ScalarAsync<long>("""
            select count(*) from booking.appointments a join booking.appointments b
              on a.resource_id = b.resource_id and a.id < b.id and a.starts_at < b.ends_at and b.starts_at < a.ends_at
            """);
        overlapping.Should().Be(0);
    }

    private async Task<List<(HttpClient Client, Guid Pet)>> SeedOwners()
    {
        var racers = new List<(HttpClient, Guid)>();
        for (var i = 0; i < Racers; i++)
        {
            var owner = Guid.NewGuid();
            var pet = Guid.NewGuid();
            await app.Database.ExecuteAsync("insert into owners.clinic_clients (clinic_id, owner_id) values ($1, $2)", DemoClinic.Id, owner);
            await app.Database.ExecuteAsync("insert into owners.pets (id, owner_id, name, species) values ($1, $2, $3, 'dog')", pet, owner, $"Dog {i}");
            racers.Add((app.ClientAs(Actor.Owner(new OwnerId(owner))), pet));
        }
        return racers;
    }
}
