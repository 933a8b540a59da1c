using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VetOS.Application.EventStore;
using VetOS.Application.Owners;
using VetOS.Application.PrivacyRequests;
using VetOS.Domain;
using VetOS.Domain.PrivacyRequests;
using VetOS.Infrastructure.Bookings;
using VetOS.Infrastructure.Owners;
using VetOS.Infrastructure.PersonalData;
using VetOS.Infrastructure.Projections;
using VetOS.Web.Tests.Bookings;
using VetOS.Web.Tests.Consents;
using VetOS.Web.Tests.Owners;
using static VetOS.Web.Tests.PrivacyRequests.PrivacySteps;

namespace VetOS.Web.Tests.PrivacyRequests;

/// <summary>Erasure across every store, proven by a scan of every column and every event, leaving other owners as they were.</summary>
public sealed class ErasureTests(VetOSApp app) : IClassFixture<VetOSApp>
{
    [Fact]
    public async Task After_erasure_no_column_and_no_event_holds_the_owners_name_email_or_phone_and_other_owners_are_untouched()
    {
        var erased = await app.SeedOwnerEverywhereAsync();
        var other = await app.SeedOwnerEverywhereAsync();
        var before = await app.ScanAsync(erased.Terms);
        before.Hits.Select(h => h.Place).Should().Contain(
            ["identity.users.display_name", "identity.users.email", "identity.users.phone_number", "messaging.messages.recipient",
             "messaging.outbox.recipient", "privacy.requests.details", "conversations.messages.body"],
            "the scan finds the owner wherever they are, or it would prove nothing");
        before.Hits.Should().Contain(h => h.Place.StartsWith("events of stream owner-") && h.Kind == "name", "contact details are in the owner's events");
        before.Hits.Should().Contain(h => h.Place.StartsWith("events of stream booking-") && h.Kind == "name", "the cancellation reason names the owner");
        before.Hits.Should().Contain(h => h.Place.StartsWith("events of stream conversation-") && h.Kind == "name", "both sides' messages name the owner");
        var admin = app.ClientAs(Admin);
        await admin.VerifyOk(erased.Request);

        var response = await admin.PostAsync($"/api/clinics/{Clinic}/privacy-requests/{erased.Request}/erase", null);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var result = (await response.Content.ReadFromJsonAsync<ErasureResult>(ApiJson.Options))!;
        result.Report!.Scan.Hits.Should().BeEmpty();
        result.Report.Scan.Searched.Should().BeEquivalentTo(["name", "email", "phone", "pet"]);
        result.Report.Scan.Columns.Should().BeGreaterThan(50);
        result.Report.KeyDestroyed.Should().BeTrue();
        result.Request!.Status.Should().Be(PrivacyRequestStatus.Completed);
        result.Request.Outcome.Should().Contain("Kept, pseudonymised: 1 appointment record").And.Contain("Limitation Act 1980");
        (await app.ScanAsync(erased.Terms)).Hits.Should().BeEmpty();
        (await app.Database.ScalarAsync<long>("select count(*) from identity.users where id = $1", erased.Owner.Id)).Should().Be(0);
        (await app.Database.ScalarAsync<long>("select count(*) from owners.pets where owner_id = $1", erased.Owner.Id)).Should().Be(0);

        var events = await app.Services.GetRequiredService<IEventStreams>().LoadAsync(PostgresOwnerRecords.StreamOf(new OwnerId(erased.Owner.Id)));
        events.Events.Select(e => e.Event).OfType<VetOS.Domain.Owners.PetAdded>().Single().Name.Should().Be(PersonalDataCipher.Erased);

        var untouched = await app.ScanAsync(other.Terms);
        untouched.Hits.Select(h => h.Place).Should().Contain(["identity.users.display_name", "identity.users.email", "messaging.outbox.recipient"]);
        var profile = (await other.Client.GetFromJsonAsync<MyProfile>("/api/me/profile"))!;
        (profile.Name, profile.Email, profile.Phone).Should().Be((other.Name, other.Email, other.Phone));
        (await other.Client.PetOf(other.Pet)).Notes.Should().Be(other.PetNotes);
    }

    [Fact]
    public async Task What_the_law_keeps_stays_pseudonymised_and_without_such_a_law_the_appointments_go_even_when_projections_are_rebuilt_from_zero()
    {
        var admin = app.ClientAs(Admin);
        var kept = await app.SeedOwnerEverywhereAsync();
        await admin.VerifyOk(kept.Request);
        var keptErased = await admin.PostAsync($"/api/clinics/{Clinic}/privacy-requests/{kept.Request}/erase", null);
        keptErased.StatusCode.Should().Be(HttpStatusCode.OK, await keptErased.Content.ReadAsStringAsync());
        var lawful = await app.Database.ScalarAsync<string>("select record_retention::text from clinic.clinics where id = $1", Clinic);
        try
        {
            (await admin.PutAsJsonAsync($"/api/clinics/{Clinic}/record-keeping", new { jurisdiction = "Nowhere in particular", retention = Array.Empty<object>() }))
                .StatusCode.Should().Be(HttpStatusCode.NoContent);
            var gone = await app.SeedOwnerEverywhereAsync();
            await admin.VerifyOk(gone.Request);
            var result = (await (await admin.PostAsync($"/api/clinics/{Clinic}/privacy-requests/{gone.Request}/erase", null))
                .Content.ReadFromJsonAsync<ErasureResult>(ApiJson.Options))!;

            result.Report!.Jurisdiction.Should().Be("Nowhere in particular");
            var appointments = result.Report.Sections.Single(s => s.Section == "appointments");
            (appointments.Removed, appointments.Kept.Count).Should().Be((1, 0));
            result.Report.Sections.Single(s => s.Section == "access-log").Removed.Should().Be(2, "the receptionist read the client record and answered in the conversation");
            (await AppointmentsOf(kept)).Should().Be(1, "the first erasure kept appointment records by law");
            (await AppointmentsOf(gone)).Should().Be(0);
            var all = await app.Database.ScalarAsync<long>("select count(*) from booking.appointments");

            await app.Services.GetRequiredService<ProjectionRunner>().RebuildAsync("appointments");

            await Eventually.Until(() => app.Database.ScalarAsync<long>("select count(*) from booking.appointments"), n => n == all, because: "the rebuild catches up");
            (await AppointmentsOf(gone)).Should().Be(0);
            (await AppointmentsOf(kept)).Should().Be(1);
            (await app.ScanAsync([.. kept.Terms, .. gone.Terms])).Hits.Should().BeEmpty();
        }
        finally
        {
            await app.Database.ExecuteAsync("update clinic.clinics set jurisdiction = 'England and Wales', record_retention = $2::jsonb where id = $1", Clinic, lawful);
        }
    }

    private Task<long> AppointmentsOf(SeededOwner owner) =>
        app.Database.ScalarAsync<long>("select count(*) from booking.appointments where owner_id = $1", owner.Owner.Id);

    [Fact]
    public async Task Verify_erasure_stores_its_report_with_the_request_and_names_places_and_kinds_never_the_details()
    {
        var erased = await app.SeedOwnerEverywhereAsync();
        var admin = app.ClientAs(Admin);
        await admin.VerifyOk(erased.Request);
        var early = await admin.PostAsJsonAsync($"/api/clinics/{Clinic}/privacy-requests/{erased.Request}/verify-erasure", new { email = erased.Email });
        var found = (await early.Content.ReadFromJsonAsync<ErasureScanReport>(ApiJson.Options))!;
        found.Hits.Should().Contain(h => h.Place == "identity.users.email" && h.Kind == "email");
        (await admin.PostAsync($"/api/clinics/{Clinic}/privacy-requests/{erased.Request}/erase", null)).EnsureSuccessStatusCode();

        var verified = await admin.PostAsJsonAsync($"/api/clinics/{Clinic}/privacy-requests/{erased.Request}/verify-erasure",
            new { name = erased.Name, email = erased.Email, phone = erased.Phone });

        (await verified.Content.ReadFromJsonAsync<ErasureScanReport>(ApiJson.Options))!.Hits.Should().BeEmpty();
        var file = await admin.RequestFile(erased.Request);
        file.ErasureReports.Should().HaveCount(3);
        var stored = string.Join("\n", file.ErasureReports.Select(r => r.Report.GetRawText()));
        stored.Should().NotContainAny(erased.Name, erased.Email, erased.Phone[1..]);
        var noTerms = await admin.PostAsJsonAsync($"/api/clinics/{Clinic}/privacy-requests/{erased.Request}/verify-erasure", new { });
        noTerms.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await noTerms.ErrorFields()).Should().Contain("name");
    }

    [Fact]
    public async Task Erasure_waits_for_verified_identity_and_for_upcoming_appointments_and_only_the_clinics_admins_may_run_it()
    {
        var (owner, _) = await app.NewClient("Upcoming Owner", "+447911555001");
        var client = app.ClientAs(owner);
        var pet = await client.AddPetOk();
        var slot = (await client.FreeSlots(VetOS.Infrastructure.Clinics.DemoClinic.Vaccination, new DateOnly(2026, 12, 10), 3))[0];
        var booked = await client.BookOk(VetOS.Infrastructure.Clinics.DemoClinic.Vaccination, slot.ResourceId, slot.Start, pet.Id);
        await Eventually.Until(() => app.Database.ScalarAsync<long>("select count(*) from booking.appointments where id = $1", booked.Id), n => n == 1,
            because: "the booking is projected");
        var filed = await client.PostAsJsonAsync("/api/me/privacy-requests", new { clinic = Clinic, kind = "erasure" });
        var request = (await filed.Content.ReadFromJsonAsync<PrivacyRequestView>(ApiJson.Options))!;
        var admin = app.ClientAs(Admin);
        var erase = $"/api/clinics/{Clinic}/privacy-requests/{request.Id}/erase";

        var unverified = await admin.PostAsync(erase, null);
        (await unverified.Json()).GetProperty("rule").GetString().Should().Be("identity-not-verified");
        await admin.VerifyOk(request.Id);
        (await app.ClientAs(OwnerClient.Receptionist).PostAsync(erase, null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var upcoming = await admin.PostAsync(erase, null);

        upcoming.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await upcoming.Json()).GetProperty("rule").GetString().Should().Be("upcoming-appointments");
        (await app.Database.ScalarAsync<long>("select count(*) from identity.users where id = $1", owner.Id)).Should().Be(1);
    }

    [Fact]
    public async Task Erasing_at_one_clinic_shreds_what_that_clinic_controlled_and_leaves_the_owner_whole_at_another()
    {
        var erased = await app.SeedOwnerEverywhereAsync();
        var other = await app.NewClinicAsync();
        await app.Database.ExecuteAsync("insert into owners.clinic_clients (clinic_id, owner_id) values ($1, $2)", other, erased.Owner.Id);
        await erased.Client.ChooseOk("email", true, noticeVersion: 1, clinic: other);
        var admin = app.ClientAs(Admin);
        await admin.VerifyOk(erased.Request);

        var response = await admin.PostAsync($"/api/clinics/{Clinic}/privacy-requests/{erased.Request}/erase", null);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var result = (await response.Content.ReadFromJsonAsync<ErasureResult>(ApiJson.Options))!;
        (result.Report!.StillClientElsewhere, result.Report.KeyDestroyed).Should().Be((true, false), "the other clinic still holds the account");
        result.Report.Scan.Hits.Should().BeEmpty("nothing this clinic held is left: {0}", string.Join(", ", result.Report.Scan.Hits));
        result.Request!.Status.Should().Be(PrivacyRequestStatus.Completed);

        var cancelled = (await app.Services.GetRequiredService<IEventStreams>().LoadAsync(PostgresAppointments.StreamOf(new BookingId(erased.Booking))))
            .Events.Select(e => e.Event).OfType<VetOS.Domain.Bookings.AppointmentCancelled>().Single();
        cancelled.Reason.Should().Be(PersonalDataCipher.Erased, "the reason named the owner at this clinic");
        var here = await ConsentHistory(Clinic, erased.Owner.Id);
        here.Should().NotBeEmpty().And.OnlyContain(e => e.GetProperty("userAgent").GetString() == PersonalDataCipher.Erased);
        (await app.ClientAs(Auditor(Clinic)).GetFromJsonAsync<JsonElement>($"/api/clinics/{Clinic}/consents/{erased.Owner.Id}/chain"))
            .GetProperty("intact").GetBoolean().Should().BeTrue("the ledger stays verifiable");

        var there = await ConsentHistory(other, erased.Owner.Id);
        there.Should().ContainSingle().Which.GetProperty("userAgent").GetString().Should().Be(ConsentClient.Firefox, "the other clinic's evidence is whole");
        var profile = (await erased.Client.GetFromJsonAsync<MyProfile>("/api/me/profile"))!;
        (profile.Name, profile.Email).Should().Be((erased.Name, erased.Email));
        (await erased.Client.PetOf(erased.Pet)).Notes.Should().Be(erased.PetNotes, "the pets belong to the account, which the other clinic still holds");
    }

    [Fact]
    public async Task A_pet_name_another_owners_pet_shares_is_reported_for_review_and_does_not_keep_the_erasure_open()
    {
        var erased = await app.SeedOwnerEverywhereAsync();
        var (neighbour, _) = await app.NewClient("Another Owner", "+447911555777");
        await app.ClientAs(neighbour).AddPetOk(OwnerClient.Pet(erased.PetName, notes: "Friendly"));
        var admin = app.ClientAs(Admin);
        await admin.VerifyOk(erased.Request);

        var response = await admin.PostAsync($"/api/clinics/{Clinic}/privacy-requests/{erased.Request}/erase", null);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var result = (await response.Content.ReadFromJsonAsync<ErasureResult>(ApiJson.Options))!;
        result.Report!.Scan.Hits.Should().Contain(h => h.Kind == "pet" && h.Place == "owners.pets.name", "the neighbour's pet has that name");
        result.Report.Traces.Should().BeEmpty();
        result.Request!.Status.Should().Be(PrivacyRequestStatus.Completed);
        result.Request.Outcome.Should().Contain("for staff to review");
    }

    private static Actor Auditor(Guid clinic) => new(Guid.NewGuid(), ActorRole.Auditor, new ClinicId(clinic));

    private async Task<IReadOnlyList<JsonElement>> ConsentHistory(Guid clinic, Guid owner) =>
        [.. (await app.ClientAs(Auditor(clinic)).GetFromJsonAsync<JsonElement>($"/api/clinics/{clinic}/consents/{owner}/history"))
            .GetProperty("events").EnumerateArray()];
}
