using System.Net;
using System.Net.Http.Json;
using VetOS.Application.Owners;
using VetOS.Application.PrivacyRequests;
using VetOS.Domain;
using VetOS.Domain.Owners;
using VetOS.Infrastructure.Bookings;
using VetOS.Infrastructure.Clinics;
using VetOS.Infrastructure.Owners;
using VetOS.Web.Tests.Bookings;
using VetOS.Web.Tests.Messaging;
using VetOS.Web.Tests.Owners;
using static VetOS.Web.Tests.PrivacyRequests.PrivacySteps;

namespace VetOS.Web.Tests.PrivacyRequests;

/// <summary>What the erasure scan looks for (pets' names too), where (bytea too) and how it names the rows it finds.</summary>
public sealed class ErasureScanTests(VetOSApp app) : IClassFixture<VetOSApp>
{
    [Fact]
    public async Task The_scan_finds_a_pets_name_in_the_calendar_file_and_in_events_naming_their_rows_and_after_erasure_nothing()
    {
        var owner = await OwnerWithCalendarFileAsync();

        var before = await app.ScanAsync(owner.Terms);

        var calendar = before.Hits.Should().ContainSingle(h => h.Place == "messaging.messages.attachment" && h.Kind == "pet",
            "the .ics file names the pet, in bytes").Subject;
        calendar.Rows.Should().Equal(owner.Confirmation.ToString());
        before.Hits.Should().Contain(h => h.Place == $"events of stream {PostgresOwnerRecords.StreamOf(owner.Id).Value}" && h.Kind == "pet"
            && h.Rows.Contains("revision 0"), "the pet was added first");
        before.Hits.Should().Contain(h => h.Place == "owners.pets.name" && h.Rows.SequenceEqual(new[] { owner.Pet.ToString() }));
        var admin = app.ClientAs(Admin);
        await admin.VerifyOk(owner.Request);

        var response = await admin.PostAsync($"/api/clinics/{Clinic}/privacy-requests/{owner.Request}/erase", null);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var scan = (await response.Content.ReadFromJsonAsync<ErasureResult>(ApiJson.Options))!.Report!.Scan;
        scan.Searched.Should().Contain("pet");
        scan.Hits.Should().BeEmpty("nothing is left: {0}", string.Join(", ", scan.Hits));
        (await app.ScanAsync(owner.Terms)).Hits.Should().BeEmpty();
        var stored = string.Join("\n", (await admin.RequestFile(owner.Request)).ErasureReports.Select(r => r.Report.GetRawText()));
        stored.Should().NotContainAny(owner.PetName, owner.Name, owner.Email);
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_are_scanned_and_a_row_is_named_by_its_ctid_without_a_key_or_when_the_key_holds_the_detail()
    {
        var pet = $"Zoë-{Guid.NewGuid():N}"[..12];
        await app.Database.ExecuteAsync("""
            create table public.scan_without_key (content bytea);
            create table public.scan_keyed_by_name (name text primary key, note text);
            """);
        try
        {
            await app.Database.ExecuteAsync("insert into public.scan_without_key values ('\\xff00'::bytea || convert_to($1, 'UTF8'))", pet);
            await app.Database.ExecuteAsync("insert into public.scan_keyed_by_name values ($1, 'a note')", pet.ToUpperInvariant());

            var hits = (await app.ScanAsync(SearchTerms.Of(null, null, null, [pet]))).Hits;

            hits.Should().ContainSingle(h => h.Place == "public.scan_without_key.content").Which.Rows.Should().Equal("ctid (0,1)");
            hits.Should().ContainSingle(h => h.Place == "public.scan_keyed_by_name.name").Which.Rows.Should().Equal(["ctid (0,1)"],
                "the key holds the pet's name, which the report never does");
        }
        finally
        {
            await app.Database.ExecuteAsync("drop table public.scan_without_key; drop table public.scan_keyed_by_name");
        }
    }

    [Fact]
    public async Task Verify_erasure_looks_for_the_pets_names_staff_give()
    {
        var owner = await OwnerWithCalendarFileAsync();
        var admin = app.ClientAs(Admin);
        var verify = $"/api/clinics/{Clinic}/privacy-requests/{owner.Request}/verify-erasure";

        var early = await admin.PostAsJsonAsync(verify, new { petNames = new[] { owner.PetName } });

        early.StatusCode.Should().Be(HttpStatusCode.OK, await early.Content.ReadAsStringAsync());
        var found = (await early.Content.ReadFromJsonAsync<ErasureScanReport>(ApiJson.Options))!;
        found.Searched.Should().Equal("pet");
        found.Hits.Should().Contain(h => h.Place == "messaging.messages.attachment" && h.Kind == "pet");
        await admin.VerifyOk(owner.Request);
        (await admin.PostAsync($"/api/clinics/{Clinic}/privacy-requests/{owner.Request}/erase", null)).EnsureSuccessStatusCode();

        var verified = await admin.PostAsJsonAsync(verify, new { name = owner.Name, petNames = new[] { owner.PetName, "Another" } });

        (await verified.Content.ReadFromJsonAsync<ErasureScanReport>(ApiJson.Options))!.Hits.Should().BeEmpty();
        var tooMany = await admin.PostAsJsonAsync(verify, new { petNames = Enumerable.Range(0, 21).Select(i => $"Pet {i}").ToArray() });
        tooMany.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await tooMany.ErrorFields()).Should().Contain(f => f.StartsWith("petNames", StringComparison.OrdinalIgnoreCase));
        var tooLong = await admin.PostAsJsonAsync(verify, new { petNames = new[] { new string('x', 101) } });
        tooLong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Sealed_fields_are_searched_where_their_key_remains_and_not_where_the_erasure_destroyed_it()
    {
        var reason = $"Kestrel-{Guid.NewGuid():N}"[..16];
        var erased = await OwnerWithCalendarFileAsync(reason);
        var kept = await OwnerWithCalendarFileAsync(reason);
        var terms = SearchTerms.Of(null, null, null, [reason]);
        string Place(OwnerWithCalendar owner) => $"events of stream {PostgresAppointments.StreamOf(new BookingId(owner.Booking)).Value}";

        var before = (await app.ScanAsync(terms)).Hits;

        before.Where(h => h.Place.StartsWith("events of stream ", StringComparison.Ordinal)).Select(h => h.Place)
            .Should().BeEquivalentTo([Place(erased), Place(kept)], "each cancellation's reason is sealed with the owner's key at the clinic");
        before.Should().NotContain(h => h.Place == "event_store.events.data", "the reason is stored sealed, so only opening it finds it");
        var admin = app.ClientAs(Admin);
        await admin.VerifyOk(erased.Request);
        (await admin.PostAsync($"/api/clinics/{Clinic}/privacy-requests/{erased.Request}/erase", null)).EnsureSuccessStatusCode();

        var after = (await app.ScanAsync(terms)).Hits;

        after.Where(h => h.Place.StartsWith("events of stream ", StringComparison.Ordinal)).Select(h => h.Place)
            .Should().Equal([Place(kept)], "the erased owner's key is gone; the other owner's still opens their reason");
    }

    [Fact]
    public void The_terms_of_an_owners_file_name_every_pet_archived_and_renamed_ones_too()
    {
        var owner = Guid.NewGuid();
        var (kept, archived) = (Guid.NewGuid(), Guid.NewGuid());
        var at = DateTimeOffset.UnixEpoch;
        var file = new OwnerFile(new OwnerId(owner), [
                new PetAdded(owner, kept, "Pepper", "dog", "", null, "female", true, null, "", "owner", at),
                new PetDetailsChanged(owner, kept, "Salt", "dog", "", null, "female", true, null, "", "owner", at),
                new PetAdded(owner, archived, "Old Tom", "cat", "", null, "male", true, null, "", "owner", at),
                new PetArchived(owner, archived, "deceased", "owner", at),
            ], 3, new AccountContact("Ada Lovelace", "ada@example.org", "+44 7911 123123"),
            [new PetOnFile(new PetId(Guid.NewGuid()), "Biscuit", "dog")], []);

        var terms = SearchTerms.Of(file);

        terms.Where(t => t.Kind == "pet").Select(t => t.Value).Should().BeEquivalentTo(["Pepper", "Salt", "Old Tom", "Biscuit"]);
        terms.Should().Contain([new SearchTerm("name", "Ada Lovelace"), new SearchTerm("phone", "447911123123")]);
    }

    private sealed record OwnerWithCalendar(
        OwnerId Id, string Name, string Email, string PetName, Guid Pet, Guid Booking, Guid Confirmation, Guid Request)
    {
        public IReadOnlyList<SearchTerm> Terms => SearchTerms.Of(Name, Email, null, [PetName]);
    }

    /// <summary>An owner who hears by email, so the confirmation carries the calendar file; the booking is cancelled and erasure asked for.</summary>
    private async Task<OwnerWithCalendar> OwnerWithCalendarFileAsync(string reason = "Away")
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var name = $"Ottoline Brackenbury-{unique}";
        var (owner, email) = await app.NewClient(name, $"+4479{Random.Shared.Next(10_000_000, 99_999_999)}");
        var client = app.ClientAs(owner);
        var petName = $"Moss{unique}";
        var pet = await client.AddPetOk(OwnerClient.Pet(petName));
        var slot = (await client.FreeSlots(DemoClinic.Vaccination, new DateOnly(2026, 12, 1), 7))[0];
        var booked = await client.BookOk(DemoClinic.Vaccination, slot.ResourceId, slot.Start, pet.Id);
        var confirmation = (await app.MessagesOnceFor(booked.Id, rows => rows.Any(r => r.Attachment is not null), "the confirmation with its calendar file"))
            .Single(r => r.Attachment is not null);
        (await client.Change(booked.Id, "cancel", new { reason })).EnsureSuccessStatusCode();
        await Eventually.Until(() => app.Database.ScalarAsync<string>("select status from booking.appointments where id = $1", booked.Id),
            status => status == "cancelled", because: "the cancellation is projected");
        await app.MessagesOnceFor(booked.Id, rows => rows.Any(r => r.Template == "booking-cancelled") && rows.All(r => r.Status is not ("queued" or "sending")),
            "the cancellation's notice sent and the reminders dropped");
        var filed = await client.PostAsJsonAsync("/api/me/privacy-requests", new { clinic = Clinic, kind = "erasure" });
        filed.EnsureSuccessStatusCode();
        var request = (await filed.Content.ReadFromJsonAsync<PrivacyRequestView>(ApiJson.Options))!;
        return new(new OwnerId(owner.Id), name, email, petName, pet.Id, booked.Id, confirmation.Id, request.Id);
    }
}
