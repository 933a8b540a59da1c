using System.Net;
using System.Net.Http.Json;
using VetOS.Application.Owners;
using VetOS.Domain;
using static VetOS.Web.Tests.Owners.OwnerClient;

namespace VetOS.Web.Tests.Owners;

public sealed class ClientRecordTests(VetOSApp app) : IClassFixture<VetOSApp>
{
    private Task<long> AccessLogRows(Guid reader, Guid owner, string record) => app.Database.ScalarAsync<long>(
        "select count(*) from audit.access_log where reader_id = $1 and owner_id = $2 and record = $3 and clinic_id = $4", reader, owner, record, Clinic);

    [Fact]
    public async Task A_receptionist_sees_contacts_and_pet_names_but_not_the_details_the_owner_gave()
    {
        var (actor, email) = await app.NewClient("Mary Anning", "+447911123001");
        var pet = await app.ClientAs(actor).AddPetOk(Pet("Tray", notes: "Bites when nervous"));

        var response = await app.ClientAs(Receptionist).Get($"/api/clinics/{Clinic}/clients/{actor.Id}");

        var body = await response.Content.ReadAsStringAsync();
        body.Should().NotContain("Bites").And.NotContain("Beagle");
        var record = (await response.Content.ReadFromJsonAsync<ClientRecord>())!;
        (record.Name, record.Email, record.Phone, record.PreferredChannel).Should().Be(("Mary Anning", email, "+447911123001", "email"));
        record.Pets.Should().Equal(new ClientPet(pet.Id, "Tray", "dog", false, null, null));
    }

    [Fact]
    public async Task A_vet_and_a_clinic_admin_see_the_pet_details_the_owner_gave()
    {
        var (actor, _) = await app.NewClient("Charles Darwin", "+447911123002");
        await app.ClientAs(actor).AddPetOk(Pet("Polly", notes: "Bites when nervous"));

        var byVet = await app.ClientAs(Vet).GetFromJsonAsync<ClientRecord>($"/api/clinics/{Clinic}/clients/{actor.Id}");
        var byAdmin = await app.ClientAs(Admin).GetFromJsonAsync<ClientRecord>($"/api/clinics/{Clinic}/clients/{actor.Id}");

        var expected = new ClientPetDetails("Beagle", new DateOnly(2020, 5, 1), "female", true, 12.5m, "Bites when nervous");
        byVet!.Pets.Single().Details.Should().Be(expected);
        byAdmin!.Pets.Single().Details.Should().Be(expected);
        byVet.Name.Should().Be("Charles Darwin");
    }

    [Fact]
    public async Task Other_clinics_staff_and_owners_get_403_or_404_and_none_of_the_data()
    {
        var (actor, _) = await app.NewClient("Ada Byron", "+447911123003");
        await app.ClientAs(actor).AddPetOk(Pet("Secret", notes: "Private note"));
        var otherClinic = Guid.NewGuid();
        var otherVet = app.ClientAs(new Actor(Guid.NewGuid(), ActorRole.Vet, new ClinicId(otherClinic)));
        var anotherOwner = app.ClientAs((await app.NewClient("Someone Else", "+447911123004")).Owner);
        var correction = new { name = "Hacked", phone = "+447911123999", preferredChannel = "sms" };

        var responses = new[]
        {
            (await otherVet.Get($"/api/clinics/{Clinic}/clients/{actor.Id}"), HttpStatusCode.Forbidden),
            (await otherVet.Get($"/api/clinics/{otherClinic}/clients/{actor.Id}"), HttpStatusCode.NotFound),
            (await otherVet.Send(HttpMethod.Put, $"/api/clinics/{otherClinic}/clients/{actor.Id}/contact", correction), HttpStatusCode.NotFound),
            (await otherVet.Get($"/api/clinics/{otherClinic}/clients?q=Byron"), HttpStatusCode.OK),
            (await anotherOwner.Get($"/api/clinics/{Clinic}/clients/{actor.Id}"), HttpStatusCode.Forbidden),
            (await anotherOwner.Send(HttpMethod.Put, $"/api/clinics/{Clinic}/clients/{actor.Id}/contact", correction), HttpStatusCode.Forbidden),
            (await app.ClientAs(Receptionist).Get($"/api/clinics/{Clinic}/clients/{Guid.NewGuid()}"), HttpStatusCode.NotFound),
        };

        foreach (var (response, status) in responses)
        {
            response.StatusCode.Should().Be(status);
            (await response.Content.ReadAsStringAsync()).Should().NotContain("Byron").And.NotContain("Secret").And.NotContain("Private").And.NotContain(actor.Id.ToString());
        }
        (await app.ClientAs(actor).GetFromJsonAsync<MyProfile>("/api/me/profile"))!.Name.Should().Be("Ada Byron");
    }

    [Fact]
    public async Task Each_staff_read_is_logged_with_who_clinic_owner_and_record_and_an_owner_reading_her_own_is_not()
    {
        var (actor, _) = await app.NewClient("Rosalind Franklin", "+447911123005");
        var owner = app.ClientAs(actor);
        await owner.AddPetOk();

        await app.ClientAs(Receptionist).Get($"/api/clinics/{Clinic}/clients/{actor.Id}");
        await app.ClientAs(Vet).Get($"/api/clinics/{Clinic}/clients/{actor.Id}");
        await app.ClientAs(Receptionist).Get($"/api/clinics/{Clinic}/clients?q=Rosalind");
        foreach (var url in new[] { "/api/me/profile", "/api/me/pets", "/api/me/history" })
            (await owner.Get(url)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await AccessLogRows(Receptionist.Id, actor.Id, "client record")).Should().Be(1);
        (await AccessLogRows(Vet.Id, actor.Id, "client record with pet details")).Should().Be(1);
        (await AccessLogRows(Receptionist.Id, actor.Id, "client search")).Should().Be(1);
        (await app.Database.ScalarAsync<string>("select string_agg(distinct reader_role, ',' order by reader_role) from audit.access_log where owner_id = $1", actor.Id))
            .Should().Be("receptionist,vet");
        (await app.Database.ScalarAsync<long>("select count(*) from audit.access_log where reader_id = $1", actor.Id)).Should().Be(0);
    }

    [Fact]
    public async Task Staff_find_their_clinics_clients_by_part_of_a_name_email_or_phone_number_at_most_twenty()
    {
        var (tesla, teslaEmail) = await app.NewClient("Nikola Tesla", "+447911555001");
        var (curie, _) = await app.NewClient("Marie Curie", "+447911555002");
        await app.NewClient("Pierre Curie", "+447911555003", clinic: await OtherClinic());
        for (var i = 0; i < 25; i++)
            await app.NewClient($"Smithson {i:00}", $"+4479116660{i:00}");
        var staff = app.ClientAs(Receptionist);

        async Task<IReadOnlyList<Guid>> Find(string q) =>
            (await staff.GetFromJsonAsync<ClientMatches>($"/api/clinics/{Clinic}/clients?q={Uri.EscapeDataString(q)}"))!.Clients.Select(c => c.OwnerId).ToList();

        (await Find("tesl")).Should().Equal(tesla.Id);
        (await Find(teslaEmail[..14].ToUpperInvariant())).Should().Equal(tesla.Id);
        (await Find("07911 555002")).Should().Equal(curie.Id);
        (await Find("Curie")).Should().Equal(curie.Id);
        (await Find("Smithson")).Should().HaveCount(20);
        (await Find("%_")).Should().BeEmpty("wildcards are searched for as they are");
        var missing = await staff.Get($"/api/clinics/{Clinic}/clients");
        missing.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await missing.ErrorFields()).Should().Equal("q");
    }

    [Fact]
    public async Task Staff_correct_contact_details_with_the_records_ETag_and_the_account_follows()
    {
        var (actor, _) = await app.NewClient("Alan Turing", "+447911123006");
        var staff = app.ClientAs(Receptionist);
        var read = await staff.Get($"/api/clinics/{Clinic}/clients/{actor.Id}");
        var etag = long.Parse(read.Headers.ETag!.Tag.ToString().Trim('"'), System.Globalization.CultureInfo.InvariantCulture);

        var corrected = await staff.Send(HttpMethod.Put, $"/api/clinics/{Clinic}/clients/{actor.Id}/contact",
            new { name = "Alan M. Turing", phone = "+447911123007", preferredChannel = "whatsapp" }, ifMatch: etag);
        var stale = await staff.Send(HttpMethod.Put, $"/api/clinics/{Clinic}/clients/{actor.Id}/contact",
            new { name = "Alan Turing", phone = "+447911123007", preferredChannel = "whatsapp" }, ifMatch: etag);
        var bad = await staff.Send(HttpMethod.Put, $"/api/clinics/{Clinic}/clients/{actor.Id}/contact", new { name = "", phone = "07911", preferredChannel = "sms" });

        corrected.StatusCode.Should().Be(HttpStatusCode.OK);
        stale.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        (await bad.ErrorFields()).Should().BeEquivalentTo("name", "phone");
        var record = (await staff.GetFromJsonAsync<ClientRecord>($"/api/clinics/{Clinic}/clients/{actor.Id}"))!;
        (record.Name, record.Phone, record.PreferredChannel).Should().Be(("Alan M. Turing", "+447911123007", "whatsapp"));
        (await app.Database.ScalarAsync<string>("select display_name from identity.users where id = $1", actor.Id)).Should().Be("Alan M. Turing");
    }

    private async Task<Guid> OtherClinic()
    {
        var id = Guid.NewGuid();
        await app.Database.ExecuteAsync("insert into clinic.clinics (id, slug, name, time_zone) values ($1, $2, 'Hillside Vets', 'Europe/London')", id, $"hillside-{id:N}");
        return id;
    }
}
