using System.Net.Http.Json;
using System.Text.Json;
using VetOS.Application.Conversations;
using VetOS.Application.PrivacyRequests;
using VetOS.Domain;
using VetOS.Infrastructure.Clinics;
using VetOS.Web.Tests.Bookings;
using VetOS.Web.Tests.Consents;
using VetOS.Web.Tests.Messaging;
using VetOS.Web.Tests.Owners;

namespace VetOS.Web.Tests.PrivacyRequests;

/// <summary>A host whose Hangfire server runs, so that access exports are built by their job; its workers look for jobs each second.</summary>
public sealed class PrivacyApp : VetOSApp
{
    protected override bool RunsJobs => true;

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Jobs:QueuePollInterval", "00:00:01");
    }
}

/// <summary>An owner with data in every place VetOS keeps it, and what was put where.</summary>
public sealed record SeededOwner(
    Actor Owner, HttpClient Client, string Name, string Email, string Phone, Guid Pet, string PetName, string PetNotes, Guid Booking,
    string CancelReason, Guid Request, string RequestDetails, string Question, string Answer)
{
    public IReadOnlyList<SearchTerm> Terms => SearchTerms.Of(Name, Email, Phone);
}

public static class PrivacySteps
{
    public static readonly Guid Clinic = DemoClinic.Id;
    public static readonly Actor Admin = new(DemoClinic.DemoAdmin, ActorRole.ClinicAdmin, new ClinicId(DemoClinic.Id));

    public static string Queue => $"/api/clinics/{Clinic}/privacy-requests";

    private static int seeded;

    /// <summary>A new client of the demo clinic, with the request of <paramref name="kind"/> they filed.</summary>
    public static async Task<(Actor Owner, string Email, PrivacyRequestView Request)> FiledAsync(
        this VetOSApp app, string name, string phone, string kind, string? details)
    {
        var (owner, email) = await app.NewClient(name, phone);
        var response = await app.ClientAs(owner).PostAsJsonAsync("/api/me/privacy-requests", new { clinic = Clinic, kind, details });
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (owner, email, (await response.Content.ReadFromJsonAsync<PrivacyRequestView>(ApiJson.Options))!);
    }

    /// <summary>
    /// Signs an owner up with a name, address and phone of their own; adds and edits a pet; books, and is cancelled by
    /// staff giving a reason that names them; grants SMS reminders from a browser; gets the booking's notice by SMS (in the
    /// outbox); writes to the clinic and is answered, both naming them; is read by a receptionist (the access log); files a
    /// request of <paramref name="kind"/> naming themselves.
    /// </summary>
    public static async Task<SeededOwner> SeedOwnerEverywhereAsync(this VetOSApp app, string kind = "Erasure")
    {
        var n = Interlocked.Increment(ref seeded);
        var unique = Guid.NewGuid().ToString("N")[..6];
        var name = $"Philippa Quarrendon-{unique}";
        var phone = $"+447911123{n:000}"; // a valid UK mobile, one per owner seeded: random digits are not always a valid number
        var (owner, email) = await app.NewClient(name, phone);
        var client = app.OwnerBrowser(owner);
        var petName = $"Biscuit-{unique}";
        var petNotes = $"Allergic to penicillin, ask {name}";
        var pet = await client.AddPetOk(OwnerClient.Pet(petName, notes: petNotes));
        (await client.Send(HttpMethod.Put, $"/api/me/pets/{pet.Id}", OwnerClient.Pet(petName, weightKg: 13m, notes: petNotes), pet.Revision))
            .EnsureSuccessStatusCode();
        (await client.Send(HttpMethod.Put, "/api/me/profile", new { name, phone, preferredChannel = "sms" })).EnsureSuccessStatusCode();

        var slot = (await client.FreeSlots(DemoClinic.Vaccination, new DateOnly(2026, 11, 24).AddDays(n), 3))[0];
        var booked = await client.BookOk(DemoClinic.Vaccination, slot.ResourceId, slot.Start, pet.Id);
        await app.MessagesOnceFor(booked.Id, rows => rows.Any(r => r.Purpose == null && r.Status is "sent" or "delivered"), "the booking's notice sent to the outbox");
        var reason = $"{name} phoned to cancel";
        var receptionist = app.ClientAs(OwnerClient.Receptionist);
        await Eventually.Until(() => receptionist.Change(booked.Id, "cancel", new { reason }), r => r.IsSuccessStatusCode, because: "the appointment is on the schedule");
        // Settled before anything else happens: the cancellation projected, its email sent, the reminders dropped.
        await app.MessagesOnceFor(booked.Id, rows => rows.Count(r => r.Purpose == null) == 2 && rows.All(r => r.Status is not ("queued" or "sending")),
            "the cancellation's notice sent and the reminders dropped");
        await Eventually.Until(() => app.Database.ScalarAsync<string>("select status from booking.appointments where id = $1", booked.Id),
            status => status == "cancelled", because: "the cancellation is projected");
        await client.ChooseOk("sms", true, noticeVersion: 1);
        var question = $"Is {petName} well enough to travel? {name}";
        var answer = $"Yes {name}, {petName} can travel";
        (await client.PostAsJsonAsync($"/api/me/conversations/{Clinic}/messages", new { body = question })).EnsureSuccessStatusCode();
        var answered = await receptionist.PostAsJsonAsync($"/api/clinics/{Clinic}/conversations/{owner.Id}/messages", new { body = answer });
        answered.EnsureSuccessStatusCode();
        var announced = (await answered.Content.ReadFromJsonAsync<ConversationThread>(ApiJson.Options))!.Messages.Select(m => $"conversation:{m.Id:N}").ToArray();
        await Eventually.Until(() => app.Database.ScalarAsync<long>(
                "select count(*) from messaging.messages where dedup_key = any($1) and status not in ('queued', 'sending')", (object)announced),
            sent => sent == 2, because: "the clinic told of the question and the owner of the answer, before anything else happens");
        (await receptionist.Get($"/api/clinics/{Clinic}/clients/{owner.Id}")).EnsureSuccessStatusCode();

        var details = $"Please {kind.ToLowerInvariant()} everything about me, {name}";
        var filed = await client.PostAsJsonAsync("/api/me/privacy-requests", new { clinic = Clinic, kind, details });
        filed.EnsureSuccessStatusCode();
        var request = (await filed.Content.ReadFromJsonAsync<PrivacyRequestView>(ApiJson.Options))!;
        return new(owner, client, name, email, phone, pet.Id, petName, petNotes, booked.Id, reason, request.Id, details, question, answer);
    }

    public static async Task<PrivacyRequestView> VerifyOk(this HttpClient staff, Guid request, string how = "signed in to the portal with a confirmed email address")
    {
        var response = await staff.PostAsJsonAsync($"/api/clinics/{Clinic}/privacy-requests/{request}/verify-identity", new { how });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PrivacyRequestView>(ApiJson.Options))!;
    }

    public static async Task<PrivacyRequestFile> RequestFile(this HttpClient staff, Guid request) =>
        (await staff.GetFromJsonAsync<PrivacyRequestFile>($"/api/clinics/{Clinic}/privacy-requests/{request}", ApiJson.Options))!;

    public static async Task<ErasureScanReport> ScanAsync(this VetOSApp app, IReadOnlyList<SearchTerm> terms) =>
        await app.Services.GetRequiredService<IErasureScan>().ScanAsync(terms, null, CancellationToken.None);

    public static async Task<JsonElement> Json(this HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();
}
