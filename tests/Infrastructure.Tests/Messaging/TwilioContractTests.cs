using System.Text;
using System.Text.Json;
using VetOS.Application.Messaging;
using VetOS.Infrastructure.Messaging.Twilio;

namespace VetOS.Infrastructure.Tests.Messaging;

/// <summary>Twilio's Messages resource as its API reference gives it, its answers mapped, and its webhook signature.</summary>
[Collection(nameof(ProviderContract))]
public sealed class TwilioContractTests(ProviderContract providers) : IClassFixture<ProviderContract>
{
    private const string Path = "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json";
    private const string Queued = """{"sid":"SM3f9a2d1c0b8e7f6a5d4c3b2a1f0e9d8c","status":"queued","to":"+447911123456"}""";

    private static Dictionary<string, string> Form(StubRequest request) =>
        request.Body.Split('&').Select(p => p.Split('=')).ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => Uri.UnescapeDataString(p[1].Replace('+', ' ')));

    [Fact]
    public async Task An_sms_is_posted_as_a_form_with_the_api_key_the_sender_and_the_status_callback()
    {
        var stub = providers.Fresh();
        stub.Then(new StubAnswer(201, Queued));

        var answer = await providers.Twilio.SendAsync(new OutgoingText("sms", "+447911123456", "Reminder: Biscuit, Tuesday 10:00."), default);

        answer.Should().Be(ProviderAnswer.Accepted("twilio", "SM3f9a2d1c0b8e7f6a5d4c3b2a1f0e9d8c", "queued"));
        var request = stub.Requests.Should().ContainSingle().Subject;
        request.Method.Should().Be("POST");
        request.PathAndQuery.Should().Be(Path);
        request.Headers["Authorization"].Should().Be("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("SK0123456789abcdef0123456789abcdef:api-key-secret")));
        request.Headers["Content-Type"].Should().StartWith("application/x-www-form-urlencoded");
        Form(request).Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["To"] = "+447911123456",
            ["From"] = "+442079460111",
            ["Body"] = "Reminder: Biscuit, Tuesday 10:00.",
            ["StatusCallback"] = "https://vetos.example/webhooks/twilio/status",
        });
    }

    [Fact]
    public async Task A_whatsapp_template_goes_as_content_sid_and_variables_between_whatsapp_addresses()
    {
        var stub = providers.Fresh();
        stub.Then(new StubAnswer(201, Queued));

        await providers.Twilio.SendAsync(new OutgoingText("whatsapp", "+447911123456", null, "HXb5b62575e6e4ff6129ad7c8efe1f983e",
            new Dictionary<string, string> { ["1"] = "Biscuit", ["2"] = "Tuesday 24 November, 10:00" }), default);

        var form = Form(stub.Requests.Single());
        form["To"].Should().Be("whatsapp:+447911123456");
        form["From"].Should().Be("whatsapp:+442079460222");
        form["ContentSid"].Should().Be("HXb5b62575e6e4ff6129ad7c8efe1f983e");
        JsonSerializer.Deserialize<Dictionary<string, string>>(form["ContentVariables"]).Should()
            .BeEquivalentTo(new Dictionary<string, string> { ["1"] = "Biscuit", ["2"] = "Tuesday 24 November, 10:00" });
        form.Should().NotContainKey("Body");
    }

    [Theory]
    [InlineData(400, """{"code":21211,"message":"Invalid 'To' Phone Number","more_info":"https://www.twilio.com/docs/errors/21211","status":400}""", "21211")]
    [InlineData(401, """{"code":20003,"message":"Authenticate","more_info":"https://www.twilio.com/docs/errors/20003","status":401}""", "20003")]
    public async Task An_invalid_number_or_bad_credentials_are_final_and_not_retried(int status, string body, string code)
    {
        var stub = providers.Fresh();
        stub.Then(new StubAnswer(status, body));

        var answer = await providers.Twilio.SendAsync(new OutgoingText("sms", "+447911123456", "Hello"), default);

        answer.Should().Be(new ProviderAnswer(ProviderVerdict.Refused, "twilio", null, null, code, answer.Error));
        stub.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task Too_many_requests_is_retried_and_a_persistent_outage_or_silence_is_left_to_try_later()
    {
        var stub = providers.Fresh();
        stub.Then(new StubAnswer(429, """{"code":20429,"message":"Too Many Requests","status":429}"""), new StubAnswer(201, Queued));
        (await providers.Twilio.SendAsync(new OutgoingText("sms", "+447911123456", "Hello"), default)).Verdict.Should().Be(ProviderVerdict.Accepted);
        stub.Requests.Should().HaveCount(2);

        stub.Default = new StubAnswer(503, """{"code":20503,"message":"Service Unavailable","status":503}""");
        (await providers.Twilio.SendAsync(new OutgoingText("sms", "+447911123456", "Hello"), default)).Verdict.Should().Be(ProviderVerdict.TryLater);

        stub.Default = new StubAnswer(201, Queued, Delay: TimeSpan.FromSeconds(8));
        (await providers.Twilio.SendAsync(new OutgoingText("sms", "+447911123456", "Hello"), default)).ErrorCode.Should().Be("unreachable");
    }

    [Fact]
    public void The_signature_matches_the_worked_example_in_Twilios_documentation_and_nothing_else()
    {
        const string url = "https://mycompany.com/myapp.php?foo=1&bar=2";
        KeyValuePair<string, string>[] form =
        [
            new("CallSid", "CA1234567890ABCDE"), new("Caller", "+12349013030"), new("Digits", "1234"), new("From", "+12349013030"), new("To", "+18005551212"),
        ];

        TwilioSignature.Compute("12345", url, form).Should().Be("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
        TwilioSignature.IsValid("12345", url, form, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=").Should().BeTrue();
        TwilioSignature.IsValid("12345", url, [.. form[..4], new("To", "+18005551213")], "0/KCTR6DLpKmkAf8muzZqo1nDgQ=").Should().BeFalse();
        TwilioSignature.IsValid("12345", "https://mycompany.com/myapp.php?foo=1&bar=3", form, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=").Should().BeFalse();
        TwilioSignature.IsValid("54321", url, form, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=").Should().BeFalse();
        TwilioSignature.IsValid("12345", url, form, null).Should().BeFalse();
    }
}
