using Mediator;
using Microsoft.AspNetCore.Hosting;
using Npgsql;
using VetOS.Application.Consents;
using VetOS.Domain;
using VetOS.Domain.Consents;
using VetOS.Infrastructure.Clinics;
using VetOS.Infrastructure.Messaging.Twilio;
using VetOS.Web.Tests.Owners;

namespace VetOS.Web.Tests.Messaging;

/// <summary>A host with Twilio's auth token, the public URL Twilio signs against, and Postmark's webhook credentials.</summary>
public sealed class MessagingApp : VetOSApp
{
    public const string AuthToken = "twilio-auth-token-for-tests";
    public const string PublicUrl = "https://vetos.example";
    public const string PostmarkUser = "postmark";
    public const string PostmarkPassword = "webhook-secret";
    public const string ReminderTemplate = "HX0123456789abcdef0123456789abcdef";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Twilio:AuthToken", AuthToken);
        builder.UseSetting("Twilio:WebhookBaseUrl", PublicUrl);
        builder.UseSetting("Twilio:ReminderTemplateSid", ReminderTemplate);
        builder.UseSetting("Postmark:WebhookUser", PostmarkUser);
        builder.UseSetting("Postmark:WebhookPassword", PostmarkPassword);
    }
}

/// <summary>A row of <c>messaging.messages</c> as the tests read it.</summary>
public sealed record MessageRow(
    Guid Id, string Channel, string Template, string? Purpose, string Status, string? SkipReason, DateTimeOffset DueAt, string? DedupKey,
    string Recipient, string? Subject, string Body, byte[]? Attachment, string? WhatsAppTemplate, DateTimeOffset? AppointmentStart);

public static class MessagingSteps
{
    public static async Task<IReadOnlyList<MessageRow>> MessagesFor(this VetOSApp app, Guid booking)
    {
        await using var command = app.Database.DataSource.CreateCommand("""
            select id, channel, template, purpose, status, skip_reason, due_at, dedup_key, recipient, subject, body, attachment,
                   whatsapp_template_sid, appointment_start
              from messaging.messages where booking_id = $1 order by created_at, template, due_at, channel
            """);
        command.Parameters.AddWithValue(booking);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<MessageRow>();
        while (await reader.ReadAsync())
            rows.Add(new MessageRow(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), Text(reader, 3), reader.GetString(4), Text(reader, 5),
                reader.GetFieldValue<DateTimeOffset>(6), Text(reader, 7), reader.GetString(8), Text(reader, 9), reader.GetString(10),
                reader.IsDBNull(11) ? null : reader.GetFieldValue<byte[]>(11), Text(reader, 12),
                reader.IsDBNull(13) ? null : reader.GetFieldValue<DateTimeOffset>(13)));
        return rows;
    }

    /// <summary>The booking's messages once the projection has queued what <paramref name="holds"/> expects.</summary>
    public static Task<IReadOnlyList<MessageRow>> MessagesOnceFor(this VetOSApp app, Guid booking, Func<IReadOnlyList<MessageRow>, bool> holds, string because) =>
        Eventually.Until(() => app.MessagesFor(booking), holds, because: because);

    /// <summary>A client of the demo clinic with a pet of their own, acting through the development header.</summary>
    public static async Task<(Actor Owner, HttpClient Client, Guid Pet, string Email)> OwnerWithPetAsync(this VetOSApp app, string phone)
    {
        var (owner, email) = await app.NewClient("Grace Hopper", phone);
        var client = app.ClientAs(owner);
        var pet = await client.AddPetOk(OwnerClient.Pet("Pepper"));
        return (owner, client, pet.Id, email);
    }

    /// <summary>What the dispatcher does once a provider took a message: sent, with the provider's id.</summary>
    public static Task MarkSentAsync(this VetOSApp app, Guid message, string provider, string providerMessageId, DateTimeOffset at) =>
        app.Database.ExecuteAsync("""
            update messaging.messages set status = 'sent', provider = $2, provider_message_id = $3, sent_at = $4, attempts = 1, updated_at = $4 where id = $1
            """, message, provider, providerMessageId, at);

    public static FormUrlEncodedContent SignedForm(this HttpRequestMessage request, string path, IDictionary<string, string> fields, string? token = null)
    {
        request.Headers.Add(TwilioSignature.Header, TwilioSignature.Compute(token ?? MessagingApp.AuthToken, MessagingApp.PublicUrl + path, fields));
        return new FormUrlEncodedContent(fields);
    }

    public static Task<HttpResponseMessage> PostToTwilioHook(this HttpClient client, string path, IDictionary<string, string> fields, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Content = request.SignedForm(path, fields, token);
        return client.SendAsync(request);
    }

    /// <summary>Consent to reminders on a channel, as an earlier inbound message gave it.</summary>
    public static async Task GrantRemindersAsync(this VetOSApp app, Guid owner, string channel, string messageSid)
    {
        using var scope = app.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(
            new RecordInboundConsentCommand(owner, DemoClinic.Id, ConsentPurpose.AppointmentReminders, channel, true, messageSid));
        result.Error.Should().BeNull();
    }

    private static string? Text(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
}
