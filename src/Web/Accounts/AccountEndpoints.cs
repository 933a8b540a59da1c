using System.Text.Encodings.Web;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using VetOS.Application.Accounts;
using VetOS.Application.Staff;
using VetOS.Web.Auth;

namespace VetOS.Web.Accounts;

public sealed record ConfirmEmailRequest(Guid Account, string Token);

/// <summary>Sign-up, confirmation, sign-in, sign-out and passwords. Known and unknown addresses get the same answers.</summary>
public static class AccountEndpoints
{
    internal const string LinkDoesNotWork = "This link does not work: it was used already, or it expired.";

    // No trace id: every refusal is the same, byte for byte, whoever the address belongs to.
    private static readonly ProblemDetails NotOpened = new()
    {
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        Status = StatusCodes.Status401Unauthorized,
        Title = "That email and password do not open an account.",
        Detail = "Check them, confirm your email if you have not, or reset your password.",
    };

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/api/account").WithTags("Account");
        account.MapPost("/sign-up", SignUp)
            .RateLimited(RateLimitPolicies.SignUp, (SignUpOwnerCommand c) => c.Email)
            .WithSummary("Sign up as an owner through a clinic; a confirmation link follows by email");
        account.MapPost("/confirm", ConfirmEmail).WithSummary("Confirm an email address with the link's account and token");
        account.MapPost("/accept-invitation", AcceptInvitation)
            .RateLimited(RateLimitPolicies.ResetPassword, (AcceptInvitationCommand c) => c.Account.ToString())
            .WithSummary("Set the password of an invited staff account with the invitation's account and token");
        account.MapPost("/sign-in", SignIn)
            .RateLimited(RateLimitPolicies.SignIn, (SignInCommand c) => c.Email)
            .WithSummary("Sign in; the session cookie follows");
        account.MapPost("/sign-out", SignOut).WithSummary("Sign out: this session ends on the server too, so a copy of its cookie stops working");
        account.MapPost("/sign-out-everywhere", SignOutEverywhere).WithSummary("Sign out of every session of the account, on every device");
        account.MapPost("/forgot-password", ForgotPassword)
            .RateLimited(RateLimitPolicies.ForgotPassword, (ForgotPasswordCommand c) => c.Email)
            .WithSummary("Ask for a password-reset link; it follows by email when a confirmed account has the address");
        account.MapPost("/reset-password", ResetPassword)
            .RateLimited(RateLimitPolicies.ResetPassword, (ResetPasswordCommand c) => c.Account.ToString())
            .WithSummary("Choose a new password with the reset link's account and token; other sessions end");
        account.MapPost("/change-password", ChangePassword)
            .WithSummary("Change the signed-in account's password; its other sessions end, this one gets a fresh cookie");

        app.MapSetPasswordPages();
        return app;
    }

    public static async Task<Results<Accepted<SignUpReceipt>, ProblemHttpResult>> SignUp(SignUpOwnerCommand command, IMediator mediator, CancellationToken ct) =>
        await mediator.Send(command, ct) is { } receipt
            ? TypedResults.Accepted(NoLocation, receipt)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such clinic.");

    public static async Task<Results<NoContent, ProblemHttpResult>> ConfirmEmail(ConfirmEmailRequest body, IMediator mediator, CancellationToken ct) =>
        await mediator.Send(new ConfirmEmailCommand(body.Account, body.Token), ct) ? TypedResults.NoContent() : InvalidLink();

    public static async Task<Results<NoContent, ProblemHttpResult>> AcceptInvitation(AcceptInvitationCommand command, IMediator mediator, CancellationToken ct) =>
        await mediator.Send(command, ct) ? TypedResults.NoContent() : InvalidLink();

    public static async Task<Results<NoContent, JsonHttpResult<ProblemDetails>>> SignIn(
        SignInCommand command, IMediator mediator, HttpContext context, CancellationToken ct)
    {
        if (await mediator.Send(command, ct) is not { } session)
            return TypedResults.Json(NotOpened, statusCode: StatusCodes.Status401Unauthorized, contentType: "application/problem+json");
        await SessionCookie.SignInAsync(context, session);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> SignOut(HttpContext context, IMediator mediator, CancellationToken ct)
    {
        if (SessionCookie.SessionOf(context.User) is { } session)
            await mediator.Send(new SignOutCommand(session), ct);
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> SignOutEverywhere(HttpContext context, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new SignOutCommand(SessionCookie.SessionOf(context.User), Everywhere: true), ct);
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    public static async Task<Accepted<ResetRequested>> ForgotPassword(ForgotPasswordCommand command, IMediator mediator, CancellationToken ct) =>
        TypedResults.Accepted(NoLocation, await mediator.Send(command, ct));

    public static async Task<Results<NoContent, ProblemHttpResult>> ResetPassword(ResetPasswordCommand command, IMediator mediator, CancellationToken ct) =>
        await mediator.Send(command, ct) ? TypedResults.NoContent() : InvalidLink();

    public static async Task<NoContent> ChangePassword(ChangePasswordCommand command, IMediator mediator, HttpContext context, CancellationToken ct)
    {
        await SessionCookie.SignInAsync(context, await mediator.Send(command, ct));
        return TypedResults.NoContent();
    }

    /// <summary>Accepted for later, with nowhere to look it up.</summary>
    private const string? NoLocation = null;

    private static ProblemHttpResult InvalidLink() =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: LinkDoesNotWork);

    // same-origin: the link's token never leaves in a Referer, and the form's post still carries its Origin (no-referrer would send "null").
    internal static string Page(string message, string form = "") => $"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="same-origin"><title>VetOS</title></head>
        <body><main><h1>VetOS</h1><p>{HtmlEncoder.Default.Encode(message)}</p>{form}<p><a href="/">Home</a></p></main></body></html>
        """;
}
