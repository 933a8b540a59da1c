using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using VetOS.Infrastructure.Clinics;

namespace VetOS.Web.Tests.Portal;

/// <summary>The demo owner books, moves and cancels through the portal's pages, as a person would in a browser.</summary>
public sealed class BookingPageTests(PortalHost portal) : IClassFixture<PortalHost>
{
    private const string DemoOwnerEmail = "owner@riverside.example";
    private static readonly DateTimeOffset Tuesday1December10 = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero); // GMT in London
    private static readonly DateTimeOffset Wednesday2December11 = new(2026, 12, 2, 11, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Thursday3December9 = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_owner_books_sees_moves_and_cancels_and_is_told_to_call_inside_the_cancellation_window()
    {
        var page = await SignedInAsync($"/c/{DemoClinic.Slug}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Book an appointment" }).First.ClickAsync();
        await page.WaitForURLAsync($"**/book/{DemoClinic.Slug}");
        await page.GetByLabel("Pet").SelectOptionAsync(new SelectOptionValue { Label = "Biscuit (dog)" });
        await page.GetByLabel("Reason").SelectOptionAsync(new SelectOptionValue { Label = "Vaccination, 15 minutes" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show free times" }).ClickAsync();
        (await page.Locator("#free-times").TextContentAsync()).Should().Contain("23 November 2026");
        await Browsers.CheckAsync(page, "book-choose");

        await page.GetByRole(AriaRole.Link, new() { Name = "Next week" }).ClickAsync();
        (await page.Locator("#free-times").TextContentAsync()).Should().Contain("30 November 2026");
        (await page.Locator(".times a").AllTextContentsAsync()).Should().NotContain(t => string.CompareOrdinal(t, "08:00") < 0 || string.CompareOrdinal(t, "18:00") >= 0,
            "the clinic is open 08:00–18:00 on weekdays and the page offers only the times FindFreeSlots gives");
        await Browsers.CheckAsync(page, "book-week");
        var first = await BookAsync(page, "Tuesday 1 December, 10:00");
        (await page.Locator("[role=status]").TextContentAsync()).Should().Contain("booked and confirmed");
        (await page.Locator("#status").TextContentAsync()).Should().Be("Confirmed");
        await Browsers.CheckAsync(page, "book-confirmed");
        var calendar = await page.Context.APIRequest.GetAsync($"/me/appointments/{first}/calendar.ics");
        calendar.Headers["content-type"].Should().StartWith("text/calendar");
        (await calendar.TextAsync()).Should().Contain("BEGIN:VCALENDAR").And.Contain("Vaccination for Biscuit");
        await ReadModelShowsAsync(first, "confirmed", Tuesday1December10);

        await page.GotoAsync("/me/appointments");
        (await page.Locator("#upcoming + ul").InnerTextAsync()).Should().Contain("Tuesday 1 December 2026, 10:00: Vaccination for Biscuit");
        await Browsers.CheckAsync(page, "book-my-appointments");

        await page.GetByRole(AriaRole.Link, new() { Name = "Move Biscuit's Vaccination on Tuesday 1 December 2026, 10:00" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Wednesday 2 December, 11:00", Exact = true }).ClickAsync();
        await Browsers.CheckAsync(page, "book-reschedule-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move the appointment" }).ClickAsync();
        await page.WaitForURLAsync("**?moved=true");
        (await page.Locator(".summary").InnerTextAsync()).Should().Contain("Wednesday 2 December 2026, 11:00");
        await ReadModelShowsAsync(first, "confirmed", Wednesday2December11);

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel this appointment" }).ClickAsync();
        await page.WaitForURLAsync("**?cancelled=true");
        (await page.Locator("#status").TextContentAsync()).Should().Be("Cancelled");
        await ReadModelShowsAsync(first, "cancelled", Wednesday2December11);

        await page.GotoAsync($"/book/{DemoClinic.Slug}?pet={DemoClinic.Biscuit}&type={DemoClinic.Vaccination}&week=2026-11-30");
        var second = await BookAsync(page, "Thursday 3 December, 09:00");
        await ReadModelShowsAsync(second, "confirmed", Thursday3December9);

        portal.Clock.SetUtcNow(Thursday3December9.AddHours(-2));
        var late = await SignedInAsync($"/me/appointments/{second}");
        await late.GetByRole(AriaRole.Button, new() { Name = "Cancel this appointment" }).ClickAsync();
        var refusal = await late.GetByRole(AriaRole.Alert).InnerTextAsync();
        refusal.Should().Contain("up to 24 hours before").And.Contain("+442079460000");
        (await late.Locator("#status").TextContentAsync()).Should().Be("Confirmed");
        await Browsers.CheckAsync(late, "book-cancel-refused");
        (await portal.Database.ScalarAsync<string>("select status from booking.appointments where id = $1", second)).Should().Be("confirmed");
    }

    [Fact]
    public async Task Another_owner_opening_someone_elses_appointment_finds_nothing()
    {
        var page = await SignedInAsync($"/c/{DemoClinic.Slug}");
        var from = DateOnly.FromDateTime(portal.Clock.GetUtcNow().UtcDateTime).AddDays(1);
        await page.GotoAsync($"/book/{DemoClinic.Slug}?pet={DemoClinic.Biscuit}&type={DemoClinic.Consultation}&week={from:yyyy-MM-dd}");
        if (await page.Locator(".times a").CountAsync() == 0)
            await page.GetByRole(AriaRole.Link, new() { Name = "Next week" }).ClickAsync();
        await page.Locator(".times a").First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm the booking" }).ClickAsync();
        await page.WaitForURLAsync("**?booked=true");
        var appointment = Guid.Parse(new Uri(page.Url).Segments[^1]);

        var email = AccountSteps.NewEmail();
        await SignUpAndConfirmAsync(email);
        var stranger = await SignedInAsync("/me", email, AccountSteps.GoodPassword);
        foreach (var path in new[] { $"/me/appointments/{appointment}", $"/me/appointments/{appointment}/reschedule", $"/me/appointments/{appointment}/calendar.ics" })
        {
            var response = await stranger.GotoAsync(path);
            response!.Status.Should().Be(404, $"{path} is the demo owner's");
        }
        (await stranger.GotoAsync("/me/appointments"))!.Status.Should().Be(200);
        (await stranger.ContentAsync()).Should().NotContain("Biscuit");
    }

    /// <summary>Chooses the time named, confirms, and answers the new appointment's id from the page it lands on.</summary>
    private static async Task<Guid> BookAsync(IPage page, string time)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = time, Exact = true }).ClickAsync();
        await Browsers.CheckAsync(page, "book-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm the booking" }).ClickAsync();
        await page.WaitForURLAsync("**?booked=true");
        return Guid.Parse(new Uri(page.Url).Segments[^1]);
    }

    private async Task ReadModelShowsAsync(Guid appointment, string status, DateTimeOffset start) =>
        await Eventually.Until(
            () => portal.Database.ScalarAsync<long>("select count(*) from booking.appointments where id = $1 and status = $2 and starts_at = $3", appointment, status, start),
            found => found == 1, because: $"the read model shows appointment {appointment} {status} at {start:O}");

    /// <summary>A new owner of the demo clinic, signed up and confirmed through the API on the portal's own address.</summary>
    private async Task SignUpAndConfirmAsync(string email)
    {
        using var http = portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = portal.Address });
        (await http.PostAsJsonAsync("/api/account/sign-up", AccountSteps.SignUp(email))).StatusCode.Should().Be(HttpStatusCode.Accepted);
        var (account, token) = await portal.LinkFor(email, "email-confirmation");
        (await http.PostAsJsonAsync("/api/account/confirm", new { account, token })).StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    /// <summary>A fresh browser signed in (as the demo owner unless told), on <paramref name="path"/>.</summary>
    private async Task<IPage> SignedInAsync(string path, string email = DemoOwnerEmail, string password = DemoAccounts.Password)
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync($"/sign-in?returnUrl={Uri.EscapeDataString(path)}");
        await page.SignInAsync(email, password, landsOn: path);
        return page;
    }
}
