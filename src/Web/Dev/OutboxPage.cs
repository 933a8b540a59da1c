using System.Text.Encodings.Web;
using Mediator;
using VetOS.Application.Messaging.Outbox;

namespace VetOS.Web.Dev;

/// <summary>Development and demo only: the messages the local outbox kept, newest first.</summary>
public static class OutboxPage
{
    public static IEndpointRouteBuilder MapOutboxPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dev/outbox", async (IMediator mediator, CancellationToken ct) =>
        {
            var html = HtmlEncoder.Default;
            var rows = string.Concat((await mediator.Send(new ListOutboxMessagesQuery(100), ct)).Select(m =>
                $"<tr><td>{m.CreatedAt:u}</td><td>{html.Encode(m.Channel)}</td><td>{html.Encode(m.Recipient)}</td><td>{html.Encode(m.Subject)}</td><td><pre>{Linked(m.Body)}</pre></td></tr>"));
            return TypedResults.Content($"""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Outbox · VetOS</title></head>
                <body><main><h1>Outbox</h1><p>Messages kept here instead of being sent, because no provider keys are set.</p>
                <table><thead><tr><th scope="col">When</th><th scope="col">Channel</th><th scope="col">To</th><th scope="col">Subject</th><th scope="col">Message</th></tr></thead>
                <tbody>{rows}</tbody></table></main></body></html>
                """, "text/html; charset=utf-8");
        }).ExcludeFromDescription();
        return app;
    }

    /// <summary>The body as HTML with its links clickable; found in the plain text, since encoding turns line breaks into entities a link would run on into.</summary>
    private static string Linked(string body)
    {
        var html = HtmlEncoder.Default;
        var linked = new System.Text.StringBuilder();
        var at = 0;
        foreach (System.Text.RegularExpressions.Match link in System.Text.RegularExpressions.Regex.Matches(body, @"https?://\S+"))
        {
            linked.Append(html.Encode(body[at..link.Index])).Append($"<a href=\"{html.Encode(link.Value)}\">{html.Encode(link.Value)}</a>");
            at = link.Index + link.Length;
        }
        return linked.Append(html.Encode(body[at..])).ToString();
    }
}
