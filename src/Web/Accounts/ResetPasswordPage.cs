using System.Text.Encodings.Web;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using VetOS.Application.Accounts;
using VetOS.Web.Auth;

namespace VetOS.Web.Accounts;

public sealed record ResetPasswordForm(Guid Account, string Token, string Password);

/// <summary>Where the reset link lands: a form for the new password (antiforgery-checked on post), then the outcome.</summary>
internal static class ResetPasswordPage
{
    private const string Path = "/account/reset-password";

    public static IEndpointRouteBuilder MapResetPasswordPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (Guid account, string token, IAntiforgery antiforgery, HttpContext context) =>
                Html(Form(account, token, antiforgery.GetAndStoreTokens(context), []), StatusCodes.Status200OK))
            .ExcludeFromDescription();
        app.MapPost(Path, async ([FromForm] ResetPasswordForm form, IMediator mediator, IAntiforgery antiforgery, HttpContext context, CancellationToken ct) =>
            {
                try
                {
                    return await mediator.Send(new ResetPasswordCommand(form.Account, form.Token, form.Password), ct)
                        ? Html(AccountEndpoints.Page("Your password is changed. You can sign in with it now."), StatusCodes.Status200OK)
                        : Html(AccountEndpoints.Page($"{AccountEndpoints.LinkDoesNotWork} Ask for a new one."), StatusCodes.Status400BadRequest);
                }
                catch (ValidationException invalid)
                {
                    var problems = invalid.Errors.Select(e => e.ErrorMessage).ToList();
                    return Html(Form(form.Account, form.Token, antiforgery.GetAndStoreTokens(context), problems), StatusCodes.Status400BadRequest);
                }
            })
            .RateLimited(RateLimitPolicies.ResetPassword, (ResetPasswordForm f) => f.Account.ToString())
            .ExcludeFromDescription();
        return app;
    }

    private static IResult Html(string page, int status) => Results.Content(page, "text/html; charset=utf-8", statusCode: status);

    private static string Form(Guid account, string token, AntiforgeryTokenSet antiforgery, List<string> problems)
    {
        var html = HtmlEncoder.Default;
        var shortcomings = problems.Count == 0 ? "" : $"<ul role=\"alert\">{string.Concat(problems.Select(p => $"<li>{html.Encode(p)}</li>"))}</ul>";
        return AccountEndpoints.Page("Choose a new password: at least 8 characters, and not one of the common ones.", $"""
            {shortcomings}<form method="post" action="{Path}">
            <input type="hidden" name="{html.Encode(antiforgery.FormFieldName)}" value="{html.Encode(antiforgery.RequestToken ?? "")}">
            <input type="hidden" name="account" value="{account}">
            <input type="hidden" name="token" value="{html.Encode(token)}">
            <label for="password">New password</label>
            <input id="password" name="password" type="password" autocomplete="new-password" required minlength="8" maxlength="64">
            <button type="submit">Set the new password</button>
            </form>
            """);
    }
}
