using System.Text.Encodings.Web;
using Mediator;
using VetOS.Application.Clinics;

namespace VetOS.Web.Home;

public static class HomePage
{
    public static IEndpointRouteBuilder MapHomePage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", async (IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Content(Render(await mediator.Send(new ListPublicClinicsQuery(), cancellationToken)), "text/html; charset=utf-8"))
            .ExcludeFromDescription();
        return app;
    }

    private static string Render(IReadOnlyList<PublicClinic> clinics)
    {
        var html = HtmlEncoder.Default;
        var items = string.Concat(clinics.Select(c => $"<li><a href=\"/c/{Uri.EscapeDataString(c.Slug)}\">{html.Encode(c.Name)}</a> <small>({html.Encode(c.TimeZone)})</small></li>"));
        return $"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>VetOS</title></head>
            <body>
            <main>
            <h1>VetOS</h1>
            <p>The open-source booking and communication backend for veterinary clinics: pet owners book and
            hear from their clinic here, and the clinic keeps bookings, consent and messages honest.</p>
            <h2>Clinics on this portal</h2>
            <ul>{items}</ul>
            <p><a href="/docs">API reference</a> · <a href="/health/ready">Readiness</a></p>
            </main>
            </body>
            </html>
            """;
    }
}
