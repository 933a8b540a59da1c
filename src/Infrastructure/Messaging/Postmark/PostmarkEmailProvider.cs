using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using VetOS.Application.Messaging;

namespace VetOS.Infrastructure.Messaging.Postmark;

/// <summary>
/// Email through Postmark's <c>POST /email</c>. A 401 (bad token) or 422 (an inactive recipient, an invalid
/// message) is final; 429, 5xx and timeouts are retried by the resilience pipeline, then left to try later.
/// </summary>
public sealed class PostmarkEmailProvider(HttpClient http, IOptions<PostmarkOptions> options) : IEmailProvider
{
    public const string Name = "postmark";

    // Postmark's fields are PascalCase.
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = null };

    public async Task<ProviderAnswer> SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "email")
        {
            Content = JsonContent.Create(new PostmarkEmail(settings.From, email.To, email.Subject, email.TextBody, email.Tag, settings.MessageStream,
                email.Attachments.Select(a => new PostmarkAttachment(a.Name, Convert.ToBase64String(a.Content), a.ContentType)).ToList()), options: Json),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Add("X-Postmark-Server-Token", settings.ServerToken);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var answer = await Read(response, cancellationToken);
            return response.StatusCode switch
            {
                HttpStatusCode.OK when answer is { ErrorCode: 0, MessageId: { } id } => ProviderAnswer.Accepted(Name, id, "sent"),
                HttpStatusCode.Unauthorized or HttpStatusCode.UnprocessableEntity =>
                    new ProviderAnswer(ProviderVerdict.Refused, Name, null, null, answer?.ErrorCode.ToString(System.Globalization.CultureInfo.InvariantCulture), answer?.Message),
                _ => new ProviderAnswer(ProviderVerdict.TryLater, Name, null, null, $"http-{(int)response.StatusCode}", answer?.Message),
            };
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new ProviderAnswer(ProviderVerdict.TryLater, Name, null, null, "unreachable", e.GetType().Name);
        }
    }

    private static async Task<PostmarkAnswer?> Read(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<PostmarkAnswer>(cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record PostmarkEmail(string From, string To, string Subject, string TextBody, string Tag, string MessageStream, IReadOnlyList<PostmarkAttachment> Attachments);

    private sealed record PostmarkAttachment(string Name, string Content, string ContentType);

    private sealed record PostmarkAnswer(int ErrorCode, string? Message, [property: System.Text.Json.Serialization.JsonPropertyName("MessageID")] string? MessageId);
}
