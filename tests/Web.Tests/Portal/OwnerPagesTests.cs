using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using VetOS.Domain;
using VetOS.Infrastructure.Clinics;

namespace VetOS.Web.Tests.Portal;

/// <summary>An owner's own pages: signing up through the clinic, their profile, pets, consents and messages.</summary>
public sealed class OwnerPagesTests(PortalHost portal) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task An_owner_signs_up_with_a_phone_number_written_the_national_way_confirms_from_the_outbox_and_signs_in()
    {
        var email = AccountSteps.NewEmail();
        var page = await portal.NewPageAsync(Browsers.Phone);
        await page.GotoAsync($"/c/{DemoClinic.Slug}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign up" }).ClickAsync();
        (await page.GetByLabel("Country").InputValueAsync()).Should().Be("GB", "the clinic is in the United Kingdom");

        await page.GetByLabel("Your name").FillAsync("Grace Hopper");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Number").FillAsync("0791 112");
        await page.GetByLabel("Choose a password").FillAsync(AccountSteps.GoodPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
        (await page.Locator("#Phone-error").InnerTextAsync()).Should().Contain("must be a phone number");
        (await page.GetByLabel("Your name").InputValueAsync()).Should().Be("Grace Hopper", "nothing typed is lost");
        await Browsers.CheckAsync(page, "sign-up-refused");

        await page.GetByLabel("Number").FillAsync("07911 123457");
        await page.GetByLabel("Choose a password").FillAsync(AccountSteps.GoodPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).Should().Contain("We have sent an email");
        await Browsers.CheckAsync(page, "sign-up-done");

        var (account, _) = await portal.LinkFor(email, "email-confirmation");
        await page.GotoAsync("/dev/outbox");
        await page.Locator("tr", new() { HasText = email }).GetByRole(AriaRole.Link).First.ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).Should().Be("Email confirmed");
        await Browsers.CheckAsync(page, "confirmed");

        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).First.ClickAsync();
        await SignInAsync(page, email);
        var profile = await portal.ClientAs(new Actor(account, ActorRole.Owner)).GetFromJsonAsync<JsonElement>("/api/me/profile");
        profile.GetProperty("phone").GetString().Should().Be("+447911123457", "numbers are kept in E.164");
    }

    [Fact]
    public async Task An_owner_adds_a_pet_edits_it_and_archives_it_and_sees_each_refusal_next_to_its_field()
    {
        var page = await SignedInNewOwnerAsync();
        await page.GotoAsync("/me/pets");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a pet" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the pet" }).ClickAsync();
        (await page.Locator("[data-valmsg-for='Pet.Name']").InnerTextAsync()).Should().Contain("'Name' must not be empty");
        (await page.Locator("[data-valmsg-for='Pet.Species']").InnerTextAsync()).Should().Contain("'Species' is one of");
        (await page.Locator("#Pet_Species").GetAttributeAsync("aria-invalid")).Should().Be("true");
        (await page.Locator("#Pet_Species").GetAttributeAsync("aria-describedby")).Should().Be("Pet_Species-error", "the error is read out with its field");
        (await page.Locator("#Pet_Species-error").InnerTextAsync()).Should().Contain("'Species' is one of");
        await Browsers.CheckAsync(page, "add-pet-refused");

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Pixel");
        await page.GetByLabel("Species").SelectOptionAsync("cat");
        await page.GetByLabel("Weight in kg (optional)").FillAsync("about 4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the pet" }).ClickAsync();
        (await page.Locator("[data-valmsg-for='Pet.WeightKg']").InnerTextAsync()).Should().NotBeEmpty("a weight that is not a number is refused, not dropped");
        (await page.GetByLabel("Name", new() { Exact = true }).InputValueAsync()).Should().Be("Pixel");
        await page.GetByLabel("Weight in kg (optional)").FillAsync("4.2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the pet" }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).Should().Be("Pixel");
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).Should().Be("Saved.");
        await Browsers.CheckAsync(page, "pet");

        await page.GetByLabel("Breed (optional)").FillAsync("Maine Coon");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        (await page.GetByLabel("Breed (optional)").InputValueAsync()).Should().Be("Maine Coon");

        await page.GetByRole(AriaRole.Button, new() { Name = "Archive" }).ClickAsync();
        (await page.Locator("[data-valmsg-for='ArchiveReason']").InnerTextAsync()).Should().Contain("'Reason' is one of");
        await page.GetByLabel("Rehomed or moved away").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Archive" }).ClickAsync();
        (await page.Locator("main").InnerTextAsync()).Should().Contain("Pixel was archived").And.Contain("(rehomed or moved away)");

        await page.GotoAsync("/me/pets");
        (await page.Locator("tr", new() { HasText = "Pixel" }).InnerTextAsync()).Should().Contain("Archived").And.Contain("Maine Coon");
        await Browsers.CheckAsync(page, "pets");
    }

    [Fact]
    public async Task An_owner_changes_their_phone_and_withdraws_SMS_reminders()
    {
        var page = await SignedInNewOwnerAsync();
        await page.GotoAsync("/me/profile");
        (await page.GetByLabel("Number").InputValueAsync()).Should().Be("07911 123456", "the number is shown the way the owner's country writes it");
        await Browsers.CheckAsync(page, "profile");

        await page.GetByLabel("Number").FillAsync("07911 123458");
        await page.GetByLabel("Text message (SMS)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).Should().Contain("Your details are saved");
        (await page.GetByLabel("Number").InputValueAsync()).Should().Be("07911 123458");
        (await page.GetByLabel("Text message (SMS)").IsCheckedAsync()).Should().BeTrue();

        await page.GotoAsync("/me/consents");
        await Browsers.CheckAsync(page, "consents");
        var sms = page.Locator("form", new() { HasText = "Text message (SMS)" }).First;
        (await sms.InnerTextAsync()).Should().Contain("never given");
        await sms.GetByRole(AriaRole.Button).ClickAsync();
        sms = page.Locator("form", new() { HasText = "Text message (SMS)" }).First;
        (await sms.InnerTextAsync()).Should().Contain("on since 23 November 2026").And.Contain("Saved.");

        await sms.GetByRole(AriaRole.Button).ClickAsync();
        sms = page.Locator("form", new() { HasText = "Text message (SMS)" }).First;
        (await sms.InnerTextAsync()).Should().Contain("off since 23 November 2026");

        await page.GotoAsync("/me/messages");
        (await page.Locator("main").InnerTextAsync()).Should().Contain("Email confirmation");
        await Browsers.CheckAsync(page, "messages");
    }

    [Fact]
    public async Task An_owner_who_forgot_their_password_chooses_a_new_one_from_the_emailed_link()
    {
        var email = AccountSteps.NewEmail();
        await portal.SignUpAndConfirmAsync(email);
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send me a link" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).Should().Contain("If an account has that address");
        await Browsers.CheckAsync(page, "forgot-password");

        await portal.LinkFor(email, "password-reset");
        await page.GotoAsync("/dev/outbox");
        await page.Locator("tr", new() { HasText = email }).Filter(new() { HasText = "reset" }).GetByRole(AriaRole.Link).First.ClickAsync();
        await page.Locator("input[type=password]").FillAsync("another long passphrase for the cat");
        await page.GetByRole(AriaRole.Button).ClickAsync();
        (await page.Locator("main").InnerTextAsync()).Should().Contain("Your password is changed");

        await page.GotoAsync("/sign-in");
        await SignInAsync(page, email, "another long passphrase for the cat");
    }

    [Fact]
    public async Task An_owner_writes_to_the_clinic_sees_a_refusal_next_to_the_field_and_then_when_staff_read_and_answered()
    {
        var email = AccountSteps.NewEmail();
        var owner = await portal.SignUpAndConfirmAsync(email);
        var page = await portal.NewPageAsync(Browsers.Phone);
        await page.GotoAsync("/sign-in");
        await SignInAsync(page, email);
        await page.GotoAsync("/me/conversations");
        await page.GetByRole(AriaRole.Link, new() { Name = DemoClinic.Name }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = $"Send to {DemoClinic.Name}" }).ClickAsync();
        (await page.Locator("#Body-error").InnerTextAsync()).Should().NotBeEmpty("an empty message is refused next to its field");
        (await page.Locator("#Body").GetAttributeAsync("aria-invalid")).Should().Be("true");
        await Browsers.CheckAsync(page, "conversation-refused");

        await page.GetByLabel("Your message").FillAsync("Can Biscuit have his booster a week early?");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Send to {DemoClinic.Name}" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).Should().StartWith("Sent.");
        var mine = page.Locator(".from-owner");
        (await mine.InnerTextAsync()).Should().Contain("Can Biscuit have his booster a week early?").And.Contain("Not read yet");

        var staff = portal.ClientAs(VetOS.Web.Tests.Owners.OwnerClient.Receptionist);
        (await staff.PostAsJsonAsync($"/api/clinics/{DemoClinic.Id}/conversations/{owner}/messages", new { body = "Yes, any day next week." }))
            .EnsureSuccessStatusCode();
        await page.ReloadAsync();

        (await mine.InnerTextAsync()).Should().Contain("Read by the clinic");
        (await page.Locator(".from-clinic").InnerTextAsync()).Should().Contain(DemoClinic.Name).And.Contain("Yes, any day next week.");
        await Browsers.CheckAsync(page, "conversation");
    }

    private async Task<IPage> SignedInNewOwnerAsync()
    {
        var email = AccountSteps.NewEmail();
        await portal.SignUpAndConfirmAsync(email);
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await SignInAsync(page, email);
        return page;
    }

    private static Task SignInAsync(IPage page, string email, string password = AccountSteps.GoodPassword) => page.SignInAsync(email, password);
}
