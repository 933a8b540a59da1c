using System.Net;
using System.Net.Http.Json;
using VetOS.Application.Owners;
using VetOS.Domain;
using VetOS.Infrastructure.Clinics;
using VetOS.Web.Owners;
using VetOS.Web.Tests.Bookings;
using static VetOS.Web.Tests.Owners.OwnerClient;

namespace VetOS.Web.Tests.Owners;

public sealed class ProfileAndPetsTests(VetOSApp app) : IClassFixture<VetOSApp>
{
    [Fact]
    public async Task An_owner_changes_her_contact_details_with_the_profiles_ETag_and_her_account_follows()
    {
        var (actor, email) = await app.NewClient("Ada Lovelace", "+447911123123");
        var owner = app.ClientAs(actor);

        var before = await owner.Get("/api/me/profile");
        var changed = await owner.Send(HttpMethod.Put, "/api/me/profile", new { name = "Ada King", phone = "+44 7911 123456", preferredChannel = "sms" }, ifMatch: -1);
        var again = await owner.Send(HttpMethod.Put, "/api/me/profile", new { name = "Ada King", phone = "+447911123456", preferredChannel = "sms" });
        var stale = await owner.Send(HttpMethod.Put, "/api/me/profile", new { name = "Ada", phone = "+447911123456", preferredChannel = "sms" }, ifMatch: -1);

        before.Headers.ETag!.Tag.Should().Be("\"-1\"");
        (await before.Content.ReadFromJsonAsync<MyProfile>()).Should().Be(new MyProfile(actor.Id, "Ada Lovelace", email, "+447911123123", "email", -1));
        changed.StatusCode.Should().Be(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        changed.Headers.ETag!.Tag.Should().Be("\"0\"");
        (await again.Content.ReadFromJsonAsync<ChangeResponse>())!.Revision.Should().Be(0, "the same details again change nothing");
        stale.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        (await owner.GetFromJsonAsync<MyProfile>("/api/me/profile")).Should().Be(new MyProfile(actor.Id, "Ada King", email, "+447911123456", "sms", 0));
        (await app.Database.ScalarAsync<string>("select display_name || ' ' || phone_number from identity.users where id = $1", actor.Id)).Should().Be("Ada King +447911123456");
        (await owner.History()).Should().ContainSingle();
    }

    [Fact]
    public async Task An_owner_adds_a_pet_reads_it_and_changes_it_with_its_ETag()
    {
        var owner = app.ClientAs((await app.NewClient()).Owner);

        var added = await owner.PostAsJsonAsync("/api/me/pets", Pet("Pepper"));
        var created = (await added.Content.ReadFromJsonAsync<PetChangeResponse>())!;
        var read = await owner.Get(added.Headers.Location!.ToString());
        var changed = await owner.Send(HttpMethod.Put, $"/api/me/pets/{created.Id}", Pet("Pepper", weightKg: 13.1m, notes: "Calmer now"), ifMatch: created.Revision);
        var stale = await owner.Send(HttpMethod.Put, $"/api/me/pets/{created.Id}", Pet("Pepper", weightKg: 14m), ifMatch: created.Revision);

        added.StatusCode.Should().Be(HttpStatusCode.Created);
        added.Headers.Location!.ToString().Should().Be($"/api/me/pets/{created.Id}");
        read.Headers.ETag!.Tag.Should().Be($"\"{created.Revision}\"");
        (await read.Content.ReadFromJsonAsync<PetView>()).Should().Be(new PetView(
            created.Id, "Pepper", "dog", "Beagle", new DateOnly(2020, 5, 1), "female", true, 12.5m, "Bites when nervous", false, null, null, created.Revision));
        changed.StatusCode.Should().Be(HttpStatusCode.OK);
        stale.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        (await stale.Problem()).GetProperty("rule").GetString().Should().Be("changed-since-read");
        var pets = (await owner.GetFromJsonAsync<List<PetView>>("/api/me/pets"))!;
        pets.Should().ContainSingle().Which.Should().Match<PetView>(p => p.WeightKg == 13.1m && p.Notes == "Calmer now");
    }

    [Fact]
    public async Task A_pet_added_is_booked_at_once()
    {
        var owner = app.ClientAs((await app.NewClient()).Owner);
        var pet = await owner.AddPetOk(Pet("Hazel", species: "rabbit"));

        var booked = await owner.Book(DemoClinic.Consultation, DemoClinic.DrReilly, BookingClient.Tuesday(10), pet.Id);

        booked.StatusCode.Should().Be(HttpStatusCode.Created, await booked.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_archived_pet_cannot_be_booked_or_edited_and_is_listed_as_archived()
    {
        var owner = app.ClientAs((await app.NewClient()).Owner);
        var pet = await owner.AddPetOk();

        var archived = await owner.Send(HttpMethod.Post, $"/api/me/pets/{pet.Id}/archive", new { reason = "deceased" });
        var booked = await owner.Book(DemoClinic.Consultation, DemoClinic.DrReilly, BookingClient.Tuesday(11), pet.Id);
        var edited = await owner.Send(HttpMethod.Put, $"/api/me/pets/{pet.Id}", Pet(notes: "Changed"));
        var again = await owner.Send(HttpMethod.Post, $"/api/me/pets/{pet.Id}/archive", new { reason = "deceased" });

        archived.StatusCode.Should().Be(HttpStatusCode.OK);
        booked.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await booked.RuleOf()).Should().Be("pet-archived");
        edited.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await edited.RuleOf()).Should().Be("pet-archived");
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var listed = await owner.PetOf(pet.Id);
        (listed.Archived, listed.ArchiveReason, listed.ArchivedAt, listed.Notes).Should().Be((true, "deceased", app.Clock.GetUtcNow(), "Bites when nervous"));
    }

    [Fact]
    public async Task The_history_shows_who_changed_what_why_and_when_newest_first_including_a_staff_correction()
    {
        var (actor, _) = await app.NewClient("Grace Hopper", "+447911123111");
        var owner = app.ClientAs(actor);
        var first = app.Clock.GetUtcNow();
        await owner.Send(HttpMethod.Put, "/api/me/profile", new { name = "Grace Hopper", phone = "+447911123222", preferredChannel = "email" });
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var pet = await owner.AddPetOk(Pet("Pixel", species: "cat"));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var corrected = await app.ClientAs(Receptionist).Send(HttpMethod.Put, $"/api/clinics/{Clinic}/clients/{actor.Id}/contact",
            new { name = "Grace M. Hopper", phone = "+447911123222", preferredChannel = "email", why = "She asked at the desk to add her initial" });

        var history = await owner.History();

        corrected.StatusCode.Should().Be(HttpStatusCode.OK);
        history.Select(h => (h.Change, h.By, h.ByRole, h.At)).Should().Equal(
            ("contact-details-changed", Receptionist.Tag, "receptionist", first.AddMinutes(2)),
            ("pet-added", actor.Tag, "owner", first.AddMinutes(1)),
            ("contact-details-changed", actor.Tag, "owner", first));
        history[0].Fields.Should().Equal(new FieldChange("name", "Grace Hopper", "Grace M. Hopper"), new FieldChange("reason", null, "She asked at the desk to add her initial"));
        (history[1].PetId, history[1].PetName).Should().Be((pet.Id, "Pixel"));
        history[1].Fields.Should().Contain(new FieldChange("notes", null, "Bites when nervous")).And.Contain(new FieldChange("weightKg", null, "12.5"));
        history[2].Fields.Select(f => f.Field).Should().Equal("name", "phone", "preferredChannel");
    }

    [Fact]
    public async Task A_pet_booking_knew_before_by_name_and_species_is_listed_and_gets_its_details()
    {
        var demo = app.ClientAs(BookingClient.DemoOwner);

        var before = (await demo.GetFromJsonAsync<List<PetView>>("/api/me/pets"))!;
        var changed = await demo.Send(HttpMethod.Put, $"/api/me/pets/{DemoClinic.Miso}", Pet("Miso", species: "cat", notes: "Indoor cat"), ifMatch: -1);

        before.Select(p => (p.Name, p.Species, p.Revision)).Should().Equal(("Biscuit", "dog", -1), ("Miso", "cat", -1));
        changed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await demo.PetOf(DemoClinic.Miso)).Notes.Should().Be("Indoor cat");
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_each_field()
    {
        var owner = app.ClientAs((await app.NewClient()).Owner);

        var pet = await owner.PostAsJsonAsync("/api/me/pets", new
        {
            name = "", species = "dragon", birthDate = "2027-01-01", sex = "x", weightKg = 0, notes = new string('n', 2001), breed = new string('b', 101),
        });
        var heavy = await owner.PostAsJsonAsync("/api/me/pets", Pet(weightKg: 200.5m));
        var profile = await owner.Send(HttpMethod.Put, "/api/me/profile", new { name = new string('a', 201), phone = "12345", preferredChannel = "pigeon" });
        var malformed = await owner.PostAsJsonAsync("/api/me/pets", new { name = "Rex", species = "dog", birthDate = "yesterday" });
        var archive = await owner.Send(HttpMethod.Post, $"/api/me/pets/{Guid.NewGuid()}/archive", new { reason = "bored" });

        pet.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await pet.ErrorFields()).Should().BeEquivalentTo("name", "species", "birthDate", "sex", "weightKg", "notes", "breed");
        (await heavy.ErrorFields()).Should().Equal("weightKg");
        (await profile.ErrorFields()).Should().BeEquivalentTo("name", "phone", "preferredChannel");
        (await malformed.ErrorFields()).Should().Equal("birthDate");
        (await archive.ErrorFields()).Should().Equal("reason");
    }

    [Fact]
    public async Task Another_owners_pet_looks_missing_staff_have_no_profile_and_nobody_signed_in_is_a_401()
    {
        var owner = app.ClientAs((await app.NewClient()).Owner);
        var pet = await owner.AddPetOk();
        var stranger = app.ClientAs(Actor.Owner(new OwnerId(Guid.NewGuid())));

        (await stranger.Get($"/api/me/pets/{pet.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await stranger.Send(HttpMethod.Put, $"/api/me/pets/{pet.Id}", Pet())).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await stranger.Send(HttpMethod.Post, $"/api/me/pets/{pet.Id}/archive", new { reason = "deceased" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await stranger.PostAsJsonAsync("/api/me/pets", new { name = "Rex", species = "dog", petId = pet.Id }))
            .StatusCode.Should().Be(HttpStatusCode.Conflict, "a pet id another owner has is taken");
        (await app.ClientAs(Receptionist).Get("/api/me/profile")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await app.CreateClient().Get("/api/me/profile")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await owner.PetOf(pet.Id)).Name.Should().Be("Pepper");
    }
}
