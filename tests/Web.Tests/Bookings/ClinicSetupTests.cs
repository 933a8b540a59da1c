using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VetOS.Domain;
using VetOS.Infrastructure.Clinics;
using static VetOS.Web.Tests.Bookings.BookingClient;

namespace VetOS.Web.Tests.Bookings;

public sealed class ClinicSetupTests(VetOSApp app) : IClassFixture<VetOSApp>
{
    private static readonly Actor Admin = new(Guid.NewGuid(), ActorRole.ClinicAdmin, new ClinicId(DemoClinic.Id));
    private readonly HttpClient admin = app.ClientAs(Admin);
    private readonly HttpClient owner = app.ClientAs(DemoOwner);
    private const string Setup = "/api/clinics/5f0c6a1e-7d39-4c1b-9a4e-2b8d3f6e1a01/setup";

    [Fact]
    public async Task A_closure_set_by_an_admin_takes_its_slots_away_and_lifting_it_gives_them_back()
    {
        var closed = await admin.PostAsJsonAsync($"{Setup}/blocked-times",
            new { start = new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero), end = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero), reason = "Staff training" });
        var during = await owner.FreeSlots(DemoClinic.Consultation, new DateOnly(2026, 11, 26), days: 1);
        var id = (await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await admin.DeleteAsync(new Uri($"{Setup}/blocked-times/{id}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var after = await owner.FreeSlots(DemoClinic.Consultation, new DateOnly(2026, 11, 26), days: 1);

        closed.StatusCode.Should().Be(HttpStatusCode.Created);
        during.Should().BeEmpty();
        after.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Opening_hours_and_a_new_vet_with_a_new_type_change_what_owners_can_book()
    {
        var vet = Guid.NewGuid();
        var type = Guid.NewGuid();
        (await admin.PutAsJsonAsync($"{Setup}/resources/{vet}", new { name = "Dr Night Owl", kind = "vet" })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await admin.PutAsJsonAsync($"{Setup}/appointment-types/{type}",
            new { name = "Evening check", durationMinutes = 30, species = new[] { "Dog" }, resourceIds = new[] { vet }, ownersMayBookDirectly = false })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var hours = Enumerable.Range(1, 5).Select(d => new { day = d, opens = "08:00", closes = "20:00" }).ToList();
        (await admin.PutAsJsonAsync($"{Setup}/opening-hours", hours)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var slots = await owner.FreeSlots(type, new DateOnly(2026, 11, 24), days: 1);
        var booked = await owner.BookOk(type, vet, Tuesday(19, 30));

        slots.Should().Contain(s => s.Start == Tuesday(19, 30) && s.Resource == "Dr Night Owl");
        booked.Status.Should().Be("requested", "the new type is bookable on request only");
    }

    [Fact]
    public async Task Only_that_clinics_admins_change_its_setup()
    {
        var policy = new { minimumLeadMinutes = 60, bufferMinutes = 5, horizonDays = 90, cancellationWindowHours = 12 };

        (await app.ClientAs(Receptionist).PutAsJsonAsync($"{Setup}/booking-policy", policy)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await app.ClientAs(new Actor(Guid.NewGuid(), ActorRole.ClinicAdmin, new ClinicId(Guid.NewGuid()))).PutAsJsonAsync($"{Setup}/booking-policy", policy))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await owner.PutAsJsonAsync($"{Setup}/booking-policy", policy)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await admin.PutAsJsonAsync($"{Setup}/booking-policy", policy)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await app.Database.ScalarAsync<TimeSpan>("select buffer from clinic.clinics where id = $1", DemoClinic.Id)).Should().Be(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Bad_setup_is_a_400_naming_the_field_and_another_clinics_vet_is_refused()
    {
        var overlapping = new[] { new { day = 1, opens = "08:00", closes = "12:00" }, new { day = 1, opens = "11:00", closes = "14:00" } };
        var backwards = new[] { new { day = 2, opens = "18:00", closes = "08:00" } };

        var overlap = await admin.PutAsJsonAsync($"{Setup}/opening-hours", overlapping);
        var reversed = await admin.PutAsJsonAsync($"{Setup}/opening-hours", backwards);
        var badPolicy = await admin.PutAsJsonAsync($"{Setup}/booking-policy", new { minimumLeadMinutes = -5, bufferMinutes = 5, horizonDays = 0, cancellationWindowHours = 1 });
        var foreignVet = await admin.PutAsJsonAsync($"{Setup}/appointment-types/{Guid.NewGuid()}",
            new { name = "X", durationMinutes = 15, species = new[] { "dog" }, resourceIds = new[] { Guid.NewGuid() }, ownersMayBookDirectly = true });

        overlap.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await reversed.Content.ReadAsStringAsync()).Should().Contain("closes after it opens");
        var errors = (await badPolicy.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("minimumLeadMinutes", out _).Should().BeTrue();
        errors.TryGetProperty("horizonDays", out _).Should().BeTrue();
        foreignVet.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
