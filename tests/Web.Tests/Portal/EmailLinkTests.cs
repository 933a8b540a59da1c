using System.Net.Http.Json;
using System.Text.RegularExpressions;
using VetOS.Domain;
using VetOS.Infrastructure.Clinics;
using VetOS.Web.Tests.Bookings;

namespace VetOS.Web.Tests.Portal;

/// <summary>Links in the messages owners receive land on the page they name, through sign-in when the browser is signed out.</summary>
public sealed partial class EmailLinkTests(PortalHost portal) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task The_confirmation_emails_link_leads_through_sign_in_to_the_appointments_page()
    {
        var email = AccountSteps.NewEmail();
        var owner = new Actor(await portal.SignUpAndConfirmAsync(email), ActorRole.Owner);
        var api = portal.ClientAs(owner);
        var pet = await api.PostAsJsonAsync("/api/me/pets", new { name = "Juniper", species = "dog" });
        pet.EnsureSuccessStatusCode();
        var petId = (await pet.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        var booked = await api.BookOk(DemoClinic.Vaccination, DemoClinic.DrOkafor, BookingClient.Tuesday(11), petId);

        var body = await Eventually.Until(
            () => portal.Database.ScalarAsync<string?>("select body from messaging.outbox where recipient = $1 and template = 'booking-confirmed'", email),
            found => found is not null, because: "the confirmation email reaches the outbox");
        var link = AppointmentLink().Match(body!);
        link.Success.Should().BeTrue($"the confirmation should link to the appointment: {body}");
        link.Value.Should().Be($"{portal.Address}me/appointments/{booked.Id}");

        var page = await portal.NewPageAsync(Browsers.Phone);
        await page.GotoAsync(link.Value);
        page.Url.Should().Contain("/sign-in?returnUrl=%2Fme%2Fappointments%2F");
        await page.SignInAsync(email, AccountSteps.GoodPassword, landsOn: $"/me/appointments/{booked.Id}");
        (await page.Locator("main").InnerTextAsync()).Should().Contain("Juniper").And.Contain("Vaccination");
    }

    [GeneratedRegex(@"http://\S+/me/appointments/[0-9a-f-]+")]
    private static partial Regex AppointmentLink();
}
