using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using VetOS.Bench.Booking;
using VetOS.Infrastructure.Clinics;

namespace VetOS.Bench.Privacy;

internal sealed record SeededOwner(Guid Id, string Name, string Email, string Phone, HttpClient Client, Guid Clinic)
{
    public async Task<Guid> FileAsync(string kind, CancellationToken cancellationToken)
    {
        var response = await PrivacyBenchmark.Ok(Client.PostAsJsonAsync("/api/me/privacy-requests", new { clinic = Clinic, kind }, cancellationToken));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
    }
}

/// <summary>Owners of the demo clinic with events of every kind, written through the API as owners and staff make them.</summary>
internal sealed class OwnerSeed(NpgsqlDataSource dataSource, Guid clinic)
{
    private readonly HttpClient staff = Client($"receptionist:{DemoClinic.DemoReceptionist}@{clinic}");
    private int owners;

    public async Task<SeededOwner> OwnerAsync(int events, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref owners);
        var id = Guid.NewGuid();
        var (name, email, phone) = ($"Bench Owner {id:N}", $"owner-{id:N}@bench.example", $"+4479{10_000_000 + n:D8}");
        await using (var command = dataSource.CreateCommand("""
            insert into identity.users (id, display_name, user_name, normalized_user_name, email, normalized_email, email_confirmed,
                                        phone_number, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count,
                                        security_stamp, concurrency_stamp)
            values ($1, $2, $3, upper($3), $3, upper($3), true, $4, false, false, true, 0, $5, $5);
            insert into owners.clinic_clients (clinic_id, owner_id) values ($6, $1);
            """))
        {
            foreach (var value in new object[] { id, name, email, phone, Guid.NewGuid().ToString(), clinic })
                command.Parameters.AddWithValue(value);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        var owner = new SeededOwner(id, name, email, phone, Client($"owner:{id}"), clinic);
        if (events < 1000)
        {
            var pet = await AddPetAsync(owner.Client, 0, cancellationToken);
            for (var i = 1; i < events; i++)
                pet = await EditPetAsync(owner.Client, pet, i, cancellationToken);
            return owner;
        }

        var pets = new List<(Guid Id, long Revision)>();
        for (var i = 0; i < 10; i++)
            pets.Add(await AddPetAsync(owner.Client, i, cancellationToken));
        for (var i = 0; i < 390; i++)
            pets[i % 10] = await EditPetAsync(owner.Client, pets[i % 10], i, cancellationToken);
        for (var i = 0; i < 100; i++)
            await PrivacyBenchmark.Ok(owner.Client.PutAsJsonAsync("/api/me/profile", new { name, phone, preferredChannel = i % 2 == 0 ? "sms" : "email" }, cancellationToken));
        for (var i = 0; i < 400; i++)
            await PrivacyBenchmark.Ok(owner.Client.PutAsJsonAsync($"/api/me/consents/{clinic}/appointment-reminders/sms",
                new { granted = i % 2 == 0, noticeVersion = 1 }, cancellationToken));
        var from = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3));
        var slot = (await owner.Client.GetFromJsonAsync<JsonElement>(
            $"/api/clinics/{clinic}/slots?type={DemoClinic.Vaccination}&from={from:yyyy-MM-dd}&days=7", cancellationToken))[0];
        for (var i = 0; i < 50; i++)
        {
            var booked = await PrivacyBenchmark.Ok(owner.Client.PostAsJsonAsync("/api/appointments", new
            {
                clinic, pet = pets[i % 10].Id, appointmentType = DemoClinic.Vaccination,
                resource = slot.GetProperty("resourceId").GetGuid(), start = slot.GetProperty("start").GetDateTimeOffset(),
            }, cancellationToken));
            var booking = (await booked.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
            await PrivacyBenchmark.Ok(staff.PostAsJsonAsync($"/api/appointments/{booking}/cancel", new { reason = "The owner phoned" }, cancellationToken));
        }
        // Settled: the projection has every cancellation, so none is upcoming when the erasure asks.
        while (await CountAsync("select count(*) from booking.appointments where owner_id = $1 and status = 'cancelled'", id, cancellationToken) < 50)
            await Task.Delay(20, cancellationToken);
        return owner;
    }

    private async Task<long> CountAsync(string sql, Guid owner, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue(owner);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<(Guid Id, long Revision)> AddPetAsync(HttpClient owner, int i, CancellationToken cancellationToken)
    {
        var response = await PrivacyBenchmark.Ok(owner.PostAsJsonAsync("/api/me/pets", Pet(i), cancellationToken));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return (body.GetProperty("id").GetGuid(), body.GetProperty("revision").GetInt64());
    }

    private static async Task<(Guid Id, long Revision)> EditPetAsync(HttpClient owner, (Guid Id, long Revision) pet, int i, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/me/pets/{pet.Id}") { Content = JsonContent.Create(Pet(i)) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{pet.Revision}\""));
        var response = await PrivacyBenchmark.Ok(owner.SendAsync(request, cancellationToken));
        return (pet.Id, (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("revision").GetInt64());
    }

    private static object Pet(int i) => new
    {
        name = $"Pet {i % 10}", species = "dog", breed = "Beagle", birthDate = "2020-05-01", sex = "female", neutered = true,
        weightKg = 10m + i % 7, notes = $"Note number {i}",
    };

    private static HttpClient Client(string actor)
    {
        var client = new HttpClient { BaseAddress = WebHost.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Add("X-Dev-Actor", actor);
        return client;
    }
}
