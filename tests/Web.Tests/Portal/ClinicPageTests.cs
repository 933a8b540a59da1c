using Microsoft.Playwright;
using VetOS.Infrastructure.Clinics;

namespace VetOS.Web.Tests.Portal;

public sealed class ClinicPageTests(PortalHost portal) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task Anyone_sees_the_clinic_its_hours_and_its_privacy_policy_with_every_placeholder_filled()
    {
        var page = await portal.NewPageAsync();
        var response = await page.GotoAsync($"/c/{DemoClinic.Slug}");

        response!.Status.Should().Be(200);
        (await page.Locator("h1").TextContentAsync()).Should().Be(DemoClinic.Name);
        (await page.TitleAsync()).Should().Contain(DemoClinic.Name);
        var hours = await page.Locator(".hours").InnerTextAsync();
        hours.Should().Contain("Monday").And.Contain("08:00");
        var policy = await page.Locator(".policy").InnerTextAsync();
        policy.Should().NotContain("[").And.Contain($"on behalf of the veterinary practice you book with — {DemoClinic.Name}")
            .And.Contain("Postmark (ActiveCampaign, LLC)").And.Contain("Twilio (Twilio Inc.)").And.Contain("WhatsApp")
            .And.Contain("antiforgery").And.Contain("England");
        await Browsers.CheckAsync(page, "clinic");
    }

    [Fact]
    public async Task An_unknown_clinic_is_not_found()
    {
        var page = await portal.NewPageAsync();
        var response = await page.GotoAsync("/c/no-such-clinic");
        response!.Status.Should().Be(404);
    }

    [Fact]
    public async Task A_signed_out_owner_is_sent_to_sign_in_and_back_to_the_page_they_asked_for()
    {
        var page = await portal.NewPageAsync(Browsers.Phone);
        await page.GotoAsync("/me");
        page.Url.Should().Contain("/sign-in?returnUrl=%2Fme");
        await Browsers.CheckAsync(page, "sign-in");

        await page.GetByLabel("Email address").FillAsync(DemoAccountsEmail);
        await page.GetByLabel("Password").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).Should().Contain("do not open an account");
        await Browsers.CheckAsync(page, "sign-in-refused");

        await page.SignInAsync(DemoAccountsEmail, DemoAccounts.Password);
        (await page.Locator("h1").TextContentAsync()).Should().Be("My portal");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/sign-in?signedOut=true");
        await page.GotoAsync("/me");
        page.Url.Should().Contain("/sign-in");
    }

    private const string DemoAccountsEmail = "owner@riverside.example";
}
