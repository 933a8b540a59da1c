using System.Text.Encodings.Web;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using VetOS.Application.Accounts;
using VetOS.Application.Staff;
using VetOS.Web.Auth;

namespace VetOS.Web.Accounts;

public sealed record SetPasswordForm(Guid Account, string Token, string Password);

/// <summary>
/// Where the emailed links land: a password reset, or a staff invitation. Each shows a form for the password
/// (antiforgery-checked on post), then the outcome.
/// </summary>
internal static class SetPasswordPages
{
    public static IEndpointRouteBuilder MapSetPasswordPages(this IEndpointRouteBuilder app)
    {
        Map(app, "/account/reset-password", new(
            "Choose a new password: at least 8 characters, and not one of the common ones.", "Set the new password",
            "Your password is changed. You can sign in with it now.", "Ask for a new one.",
            form => new ResetPasswordCommand(form.Account, form.Token, form.Password)));
        Map(app, "/account/accept-invitation", new(
            "Welcome to your clinic's team on VetOS. Choose a password: at least 8 characters, and not one of the common ones.", "Set my password",
            "Your account is ready. You can sign in now.", "Ask your clinic's admin to invite you again.",
            form => new AcceptInvitationCommand(form.Account, form.Token, form.Password)));
        return app;
    }

    private sealed record PageText(string Intro, string Button, string Done, string DeadLinkAdvice, Func<SetPasswordForm, ICommand<bool>> Command);

    private static void Map(IEndpointRouteBuilder app, string path, PageText text)
    {
        app.MapGet(path, (Guid account, string token, IAntiforgery antiforgery, HttpContext context) =>
                Html(Form(path, text, account, token, antiforgery.GetAndStoreTokens(context), []), StatusCodes.Status200OK))
            .ExcludeFromDescription();
        app.MapPost(path, async ([FromForm] SetPasswordForm form, IMediator mediator, IAntiforgery antiforgery, HttpContext context, CancellationToken ct) =>
            {
                try
                {
                    return await mediator.Send(text.Command(form), ct)
                        ? Html(AccountEndpoints.Page(text.Done), StatusCodes.Status200OK)
                        : Html(AccountEndpoints.Page($"{AccountEndpoints.LinkDoesNotWork} {text.DeadLinkAdvice}"), StatusCodes.Status400BadRequest);
                }
                catch (ValidationException invalid)
                {
                    var problems = invalid.Errors.Select(e => e.ErrorMessage).ToList();
                    return Html(Form(path, text, form.Account, form.Token, antiforgery.GetAndStoreTokens(context), problems), StatusCodes.Status400BadRequest);
                }
            })
            .RateLimited(RateLimitPolicies.ResetPassword, (SetPasswordForm f) => f.Account.ToString())
            .ExcludeFromDescription();
    }

    private static ContentHttpResult Html(string page, int status) => TypedResults.Content(page, "text/html; charset=utf-8", statusCode: status);

    private static string Form(string path, PageText text, Guid account, string token, AntiforgeryTokenSet antiforgery, List<string> problems)
    {
        var html = HtmlEncoder.Default;
        var shortcomings = problems.Count == 0 ? "" : $"<ul role=\"alert\">{string.Concat(problems.Select(p => $"<li>{html.Encode(p)}</li>"))}</ul>";
        return AccountEndpoints.Page(text.Intro, $"""
            {shortcomings}<form method="post" action="{path}">
            <input type="hidden" name="{html.Encode(antiforgery.FormFieldName)}" value="{html.Encode(antiforgery.RequestToken ?? "")}">
            <input type="hidden" name="account" value="{account}">
            <input type="hidden" name="token" value="{html.Encode(token)}">
            <label for="password">New password</label>
            <input id="password" name="password" type="password" autocomplete="new-password" required minlength="8" maxlength="64">
            <button type="submit">{html.Encode(text.Button)}</button>
            </form>
            """);
    }
}
