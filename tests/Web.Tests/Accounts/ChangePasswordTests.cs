using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static VetOS.Web.Tests.AccountSteps;

namespace VetOS.Web.Tests.Accounts;

public sealed class ChangePasswordTests(VetOSApp app) : IClassFixture<VetOSApp>
{
    private const string NewPassword = "a brand new passphrase for the cat";

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions_and_keeps_this_one()
    {
        var email = NewEmail();
        await app.SignUpAndConfirmAsync(email);
        var here = await app.SignedInBrowserAsync(email);
        var elsewhere = await app.SignedInBrowserAsync(email);

        var change = await here.PostAsJsonAsync("/api/account/change-password", new { currentPassword = GoodPassword, newPassword = NewPassword });

        change.StatusCode.Should().Be(HttpStatusCode.NoContent, await change.Content.ReadAsStringAsync());
        change.Headers.GetValues("Set-Cookie").Should().ContainSingle().Which.Should().StartWith("__Host-vetos=");
        (await here.GetAsync(Relative("/api/appointments/mine"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await elsewhere.GetAsync(Relative("/api/appointments/mine"))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await app.SignInAsync(email, GoodPassword)).Should().Be(HttpStatusCode.Unauthorized);
        (await app.SignInAsync(email, NewPassword)).Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_wrong_current_password_is_a_400_naming_currentPassword_and_a_weak_new_one_names_newPassword()
    {
        var email = NewEmail();
        await app.SignUpAndConfirmAsync(email);
        var browser = await app.SignedInBrowserAsync(email);

        var wrong = await browser.PostAsJsonAsync("/api/account/change-password", new { currentPassword = "not my password at all", newPassword = NewPassword });
        var weak = await browser.PostAsJsonAsync("/api/account/change-password", new { currentPassword = GoodPassword, newPassword = "password123" });

        wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("currentPassword", out _).Should().BeTrue();
        weak.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await weak.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("newPassword", out _).Should().BeTrue();
        (await browser.GetAsync(Relative("/api/appointments/mine"))).StatusCode.Should().Be(HttpStatusCode.OK, "nothing changed");
    }

    [Fact]
    public async Task Changing_the_password_needs_a_session()
    {
        var response = await app.Browser().PostAsJsonAsync("/api/account/change-password", new { currentPassword = GoodPassword, newPassword = NewPassword });

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
