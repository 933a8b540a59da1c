using System.Text.Encodings.Web;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using VetOS.Application.Accounts;
using VetOS.Application.Staff;
using VetOS.Web.Auth;

namespace VetOS.Web.Accounts;

public sealed record ConfirmEmailRequest(Guid Account, string Token);

/// <summary>Sign-up, confirmation, sign-in and sign-out. Known and unknown addresses get the same answers.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/api/account").WithTags("Account");
        account.MapPost("/sign-up", async (SignUpOwnerCommand command, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(command, ct) is { } receipt
                    ? Results.Accepted(value: receipt)
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such clinic."))
            .WithSummary("Sign up as an owner through a clinic; a confirmation link follows by email");
        account.MapPost("/confirm", async (ConfirmEmailRequest body, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new ConfirmEmailCommand(body.Account, body.Token), ct) ? Results.NoContent() : InvalidLink())
            .WithSummary("Confirm an email address with the link's account and token");
        account.MapPost("/accept-invitation", async (AcceptInvitationCommand command, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(command, ct) ? Results.NoContent() : InvalidLink())
            .WithSummary("Set the password of an invited staff account with the invitation's account and token");
        account.MapPost("/sign-in", async (SignInCommand command, IMediator mediator, HttpContext context, CancellationToken ct) =>
            {
                if (await mediator.Send(command, ct) is not { } session)
                    return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "That email and password do not open an account.",
                        detail: "Check them, confirm your email if you have not, or reset your password.");
                await SessionCookie.SignInAsync(context, session);
                return Results.NoContent();
            })
            .WithSummary("Sign in; the session cookie follows");
        account.MapPost("/sign-out", async (HttpContext context) =>
            {
                await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                return Results.NoContent();
            })
            .WithSummary("Sign out");

        app.MapGet("/account/confirm", async (Guid account, string token, IMediator mediator, CancellationToken ct) =>
                Results.Content(Page(await mediator.Send(new ConfirmEmailCommand(account, token), ct)
                    ? "Your email address is confirmed. You can sign in now."
                    : "This link does not work: it was used already, or it expired. Sign up again to get a new one."), "text/html; charset=utf-8"))
            .ExcludeFromDescription();
        return app;
    }

    private static IResult InvalidLink() =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "This link does not work: it was used already, or it expired.");

    private static string Page(string message) => $"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>VetOS</title></head>
        <body><main><h1>VetOS</h1><p>{HtmlEncoder.Default.Encode(message)}</p><p><a href="/">Home</a></p></main></body></html>
        """;
}
