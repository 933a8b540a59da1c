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
        await ExecuteAsync("""
            insert into identity.users (id, display_name, user_name, normalized_user_name, email, normalized_email, email_confirmed,
                                        phone_number, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count,
                                        security_stamp, concurrency_stamp)
            values ($1, $2, $3, upper($3), $3, upper($3), true, $4, false, false, true, 0, $5, $5);
            insert into owners.clinic_clients (clinic_id, owner_id) values ($6, $1);
            """, [id, name, email, phone, Guid.NewGuid().ToString(), clinic], cancellationToken);
        var owner = new SeededOwner(id, name, email, phone, Client($"owner:{id}"), clinic);
        if (events < 1000)
        {
            var pet = await AddPetAsync(owner, 0, cancellationToken);
            for (var i = 1; i < events; i++)
                pet = await EditPetAsync(owner, pet, i, cancellationToken);
            return owner;
        }

        var pets = new List<(Guid Id, long Revision)>();
        for (var i = 0; i < 10; i++)
            pets.Add(await AddPetAsync(owner, i, cancellationToken));
        for (var i = 0; i < 390; i++)
            pets[i % 10] = await EditPetAsync(owner, pets[i % 10], i, cancellationToken);
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

    /// <summary>
    /// <paramref name="count"/> more owners of the clinic in a few set-based statements: account, client row, a pet, three
    /// sent emails each, and a copy of <paramref name="template"/>'s events (its id and its pet's replaced), shaped as the
    /// store writes them. Their sealed fields stay the template's, under keys the copies do not have: they open as erased.
    /// </summary>
    public async Task BulkAsync(SeededOwner template, int count, CancellationToken cancellationToken)
    {
        await ExecuteAsync("""
            insert into identity.users (id, display_name, user_name, normalized_user_name, email, normalized_email, email_confirmed,
                                        phone_number, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count,
                                        security_stamp, concurrency_stamp)
            select md5('owner' || n)::uuid, 'Bulk Owner ' || n, e, upper(e), e, upper(e), true,
                   '+4478' || lpad(n::text, 8, '0'), false, false, true, 0, md5('stamp' || n), md5('stamp' || n)
              from generate_series(1, $2) n, lateral (select 'bulk-' || n || '@bench.example' as e) address;
            insert into owners.clinic_clients (clinic_id, owner_id) select $3, md5('owner' || n)::uuid from generate_series(1, $2) n;
            insert into owners.pets (id, owner_id, name, species) select md5('pet' || n)::uuid, md5('owner' || n)::uuid, 'Pet ' || n, 'dog' from generate_series(1, $2) n;
            insert into messaging.messages (id, clinic_id, owner_id, channel, template, recipient, subject, body, due_at, status,
                                            next_attempt_at, created_at, updated_at, sent_at)
            select md5('message' || n || '/' || m)::uuid, $3, md5('owner' || n)::uuid, 'email', 'appointment-reminder', 'bulk-' || n || '@bench.example',
                   'Your appointment', 'Dear Bulk Owner ' || n || ', Pet ' || n || ' is due for a vaccination.', now() - m * interval '1 day', 'sent',
                   now(), now() - m * interval '1 day', now(), now() - m * interval '1 day'
              from generate_series(1, $2) n, generate_series(1, 3) m;
            insert into event_store.events (event_id, stream_id, category, stream_revision, event_type, data, metadata)
            select gen_random_uuid(), 'owner-' || replace(o, '-', ''), e.category, e.stream_revision, e.event_type,
                   replace(replace(e.data::text, $1::text, o), p, q)::json, replace(e.metadata::text, $1::text, o)::json
              from generate_series(1, $2) n
             cross join lateral (select md5('owner' || n)::uuid::text as o, md5('pet' || n)::uuid::text as q) copy
             cross join (select id::text as p from owners.pets where owner_id = $1 limit 1) pet
              join event_store.events e on e.stream_id = 'owner-' || replace($1::text, '-', '')
             order by n, e.transaction_id, e.sequence;
            """, [template.Id, count, clinic], cancellationToken);
    }

    /// <summary>The statements in one batch (one transaction), each given every parameter: PostgreSQL prepares them one by one.</summary>
    private async Task ExecuteAsync(string sql, object[] parameters, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.Timeout = 0;
        foreach (var statement in sql.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var command = new NpgsqlBatchCommand(statement);
            foreach (var value in parameters)
                command.Parameters.AddWithValue(value);
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<long> CountAsync(string sql, Guid owner, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue(owner);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<(Guid Id, long Revision)> AddPetAsync(SeededOwner owner, int i, CancellationToken cancellationToken)
    {
        var response = await PrivacyBenchmark.Ok(owner.Client.PostAsJsonAsync("/api/me/pets", Pet(owner, i), cancellationToken));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return (body.GetProperty("id").GetGuid(), body.GetProperty("revision").GetInt64());
    }

    private static async Task<(Guid Id, long Revision)> EditPetAsync(SeededOwner owner, (Guid Id, long Revision) pet, int i, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/me/pets/{pet.Id}") { Content = JsonContent.Create(Pet(owner, i)) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{pet.Revision}\""));
        var response = await PrivacyBenchmark.Ok(owner.Client.SendAsync(request, cancellationToken));
        return (pet.Id, (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("revision").GetInt64());
    }

    /// <summary>Pet names of their own: the erasure searches for them, and another owner's "Pet 1" would be a trace.</summary>
    private static object Pet(SeededOwner owner, int i) => new
    {
        name = $"Pet {i % 10} {owner.Id.ToString("N")[..12]}", species = "dog", breed = "Beagle", birthDate = "2020-05-01", sex = "female", neutered = true,
        weightKg = 10m + i % 7, notes = $"Note number {i}",
    };

    private static HttpClient Client(string actor)
    {
        var client = new HttpClient { BaseAddress = WebHost.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Add("X-Dev-Actor", actor);
        return client;
    }
}
