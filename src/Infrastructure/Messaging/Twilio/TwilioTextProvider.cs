using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using VetOS.Application.Messaging;
using VetOS.Domain;

namespace VetOS.Infrastructure.Messaging.Twilio;

/// <summary>
/// SMS and WhatsApp through Twilio's Messages resource. A WhatsApp template goes as <c>ContentSid</c> and
/// <c>ContentVariables</c>. A 4xx other than 429 is final; 429, 5xx and timeouts are retried, then left to try later.
/// </summary>
public sealed class TwilioTextProvider(HttpClient http, IOptions<TwilioOptions> options) : ITextProvider
{
    public const string Name = "twilio";

    public async Task<ProviderAnswer> SendAsync(OutgoingText text, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"2010-04-01/Accounts/{Uri.EscapeDataString(settings.AccountSid)}/Messages.json")
        {
            Content = new FormUrlEncodedContent(Fields(text, settings)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.ApiKeySid}:{settings.ApiKeySecret}")));
        request.Headers.Accept.ParseAdd("application/json");
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var answer = await Read(response, cancellationToken);
            var code = answer?.Code?.ToString(CultureInfo.InvariantCulture);
            return (int)response.StatusCode switch
            {
                200 or 201 when answer?.Sid is { } sid => ProviderAnswer.Accepted(Name, sid, answer.Status ?? "queued"),
                429 or >= 500 => new ProviderAnswer(ProviderVerdict.TryLater, Name, null, null, code ?? $"http-{(int)response.StatusCode}", answer?.Message),
                _ => new ProviderAnswer(ProviderVerdict.Refused, Name, null, null, code ?? $"http-{(int)response.StatusCode}", answer?.Message),
            };
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new ProviderAnswer(ProviderVerdict.TryLater, Name, null, null, "unreachable", e.GetType().Name);
        }
    }

    private static List<KeyValuePair<string, string>> Fields(OutgoingText text, TwilioOptions settings)
    {
        var whatsApp = text.Channel == MessageChannels.WhatsApp;
        List<KeyValuePair<string, string>> fields =
        [
            new("To", whatsApp ? $"whatsapp:{text.To}" : text.To),
            new("From", whatsApp ? $"whatsapp:{settings.WhatsAppFrom}" : settings.SmsFrom),
        ];
        if (text.TemplateId is { } template)
        {
            fields.Add(new("ContentSid", template));
            fields.Add(new("ContentVariables", JsonSerializer.Serialize(text.TemplateVariables ?? new Dictionary<string, string>())));
        }
        else
        {
            fields.Add(new("Body", text.Body ?? ""));
        }
        if (settings.StatusCallbackUrl.Length > 0)
            fields.Add(new("StatusCallback", settings.StatusCallbackUrl));
        return fields;
    }

    /// <summary>Twilio's answer: a message (<c>sid</c>, <c>status</c> as text) or an error (<c>code</c>, <c>message</c>, <c>status</c> as a number).</summary>
    private static async Task<TwilioAnswer?> Read(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            var root = json.RootElement;
            string? Text(string name) => root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            int? Number(string name) => root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : null;
            return new TwilioAnswer(Text("sid"), Text("status"), Number("code"), Text("message"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record TwilioAnswer(string? Sid, string? Status, int? Code, string? Message);
}
