using System.Text.Json;
using System.Xml.Linq;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using VetOS.Application.Common;
using VetOS.Application.Messaging.Inbound;
using VetOS.Application.Messaging.Webhooks;

namespace VetOS.Web.Messaging;

/// <summary>Postmark's JSON webhook, as far as the delivery log reads it.</summary>
public sealed record PostmarkWebhook(
    string? RecordType, string? MessageId, long? Id, string? Type, int? TypeCode, string? Description, bool? SuppressSending, string? SuppressionReason);

/// <summary>
/// What the providers post back: Twilio's delivery statuses and inbound messages (signed), Postmark's delivery,
/// bounce and subscription-change events (basic auth). Server to server: no session, no Origin, no antiforgery.
/// </summary>
public static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        var hooks = app.MapGroup("/webhooks").WithTags("Webhooks").DisableAntiforgery();
        hooks.MapPost("/twilio/status", TwilioStatus).WithSummary("Twilio's status callback for a message it took (signed with X-Twilio-Signature)");
        hooks.MapPost("/twilio/inbound", TwilioInbound)
            .WithSummary("An SMS or WhatsApp message from an owner: STOP, START, or a Y or N to a reminder (signed); answers in TwiML");
        hooks.MapPost("/postmark", Postmark).WithSummary("Postmark's delivery, bounce and subscription-change webhooks (basic auth)");
        return app;
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> TwilioStatus(
        HttpRequest request, TwilioWebhookVerifier verifier, IMediator mediator, CancellationToken ct)
    {
        if (await verifier.VerifiedFormAsync(request, ct) is not { } form)
            return TwilioWebhookVerifier.Refused();
        await mediator.Send(new RecordTwilioStatusCommand(Field(form, "MessageSid"), Field(form, "MessageStatus"), Field(form, "ErrorCode")), ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> TwilioInbound(
        HttpRequest request, TwilioWebhookVerifier verifier, IMediator mediator, ILoggerFactory loggers, CancellationToken ct)
    {
        if (await verifier.VerifiedFormAsync(request, ct) is not { } form)
            return TwilioWebhookVerifier.Refused();
        var sid = Field(form, "MessageSid");
        var body = InputRules.Clean(form["Body"].ToString(), multiLine: true,
            replaced: n => loggers.CreateLogger(typeof(WebhookEndpoints)).LogWarning("Inbound message {MessageSid}: {Count} characters that cannot be kept were replaced", sid, n));
        var answer = await mediator.Send(new ReceiveInboundMessageCommand(sid, Field(form, "From"), body), ct);
        return TypedResults.Text(TwiML(answer.Reply), "text/xml");
    }

    public static async Task<Results<Ok, ProblemHttpResult>> Postmark(HttpRequest request, IWebhookSecrets secrets, IMediator mediator, CancellationToken ct)
    {
        if (BasicAuth.LoginOf(request) is not { } login || !secrets.IsPostmarksLogin(login))
            return BasicAuth.Challenge(request.HttpContext.Response, "postmark");
        PostmarkWebhook? hook;
        try
        {
            hook = await request.ReadFromJsonAsync<PostmarkWebhook>(ct);
        }
        catch (JsonException)
        {
            hook = null;
        }
        if (hook?.RecordType is not { } type)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a Postmark webhook.");
        await mediator.Send(new RecordPostmarkEventCommand(InputRules.Clean(type), Clean(hook.MessageId), hook.Id, Clean(hook.Type), hook.TypeCode,
            Clean(hook.Description), hook.SuppressSending, Clean(hook.SuppressionReason)), ct);
        return TypedResults.Ok();
    }

    /// <summary>A provider's field, with what cannot be kept replaced: a webhook is answered, never refused for its text.</summary>
    private static string Field(IFormCollection form, string name) => InputRules.Clean(form[name].ToString());

    private static string? Clean(string? text) => text is null ? null : InputRules.Clean(text, multiLine: true);

    private static string TwiML(string? reply) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + new XElement("Response", reply is null ? null : new XElement("Message", reply)).ToString(SaveOptions.DisableFormatting);
}
