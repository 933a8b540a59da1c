using System.Text.Json;
using VetOS.Application.Messaging;

namespace VetOS.Infrastructure.Tests.Messaging;

/// <summary>Postmark's POST /email as its API reference gives it, and its answers mapped to final or try-later.</summary>
[Collection(nameof(ProviderContract))]
public sealed class PostmarkContractTests(ProviderContract providers) : IClassFixture<ProviderContract>
{
    private const string Accepted = """{"To":"ada@example.org","SubmittedAt":"2026-11-23T09:00:00.0000000-05:00","MessageID":"b7bc2f4a-e38e-4336-af7d-e6c392c2f817","ErrorCode":0,"Message":"OK"}""";

    private static readonly OutgoingEmail Email = new("ada@example.org", "Your appointment is confirmed", "See you on Tuesday at 10:00.",
        "booking-confirmed", [new EmailAttachment("appointment.ics", "text/calendar", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"u8.ToArray())]);

    [Fact]
    public async Task An_email_is_posted_with_the_server_token_the_outbound_stream_and_its_calendar_file()
    {
        var stub = providers.Fresh();
        stub.Then(new StubAnswer(200, Accepted));

        var answer = await providers.Postmark.SendAsync(Email, default);

        answer.Should().Be(ProviderAnswer.Accepted("postmark", "b7bc2f4a-e38e-4336-af7d-e6c392c2f817", "sent"));
        var request = stub.Requests.Should().ContainSingle().Subject;
        request.Method.Should().Be("POST");
        request.PathAndQuery.Should().Be("/email");
        request.Headers["X-Postmark-Server-Token"].Should().Be("server-token-123");
        request.Headers["Accept"].Should().Be("application/json");
        request.Headers["Content-Type"].Should().StartWith("application/json");
        var body = JsonDocument.Parse(request.Body).RootElement;
        body.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(["From", "To", "Subject", "TextBody", "Tag", "MessageStream", "Attachments"]);
        body.GetProperty("From").GetString().Should().Be("Riverside Veterinary Clinic <hello@riverside-vets.example>");
        body.GetProperty("To").GetString().Should().Be("ada@example.org");
        body.GetProperty("MessageStream").GetString().Should().Be("outbound");
        body.GetProperty("Tag").GetString().Should().Be("booking-confirmed");
        var attachment = body.GetProperty("Attachments")[0];
        attachment.GetProperty("Name").GetString().Should().Be("appointment.ics");
        attachment.GetProperty("ContentType").GetString().Should().Be("text/calendar");
        Convert.FromBase64String(attachment.GetProperty("Content").GetString()!).Should().Equal("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"u8.ToArray());
    }

    [Theory]
    [InlineData(401, """{"ErrorCode":10,"Message":"Bad or missing API token"}""", "10")]
    [InlineData(422, """{"ErrorCode":406,"Message":"You tried to send to a recipient that has been marked as inactive."}""", "406")]
    public async Task A_bad_token_or_an_inactive_recipient_is_final_and_not_retried(int status, string body, string code)
    {
        var stub = providers.Fresh();
        stub.Then(new StubAnswer(status, body));

        var answer = await providers.Postmark.SendAsync(Email, default);

        answer.Verdict.Should().Be(ProviderVerdict.Refused);
        answer.ErrorCode.Should().Be(code);
        stub.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task A_rate_limit_is_retried_and_then_the_email_goes()
    {
        var stub = providers.Fresh();
        stub.Then(new StubAnswer(429, """{"ErrorCode":429,"Message":"Rate limit exceeded"}"""), new StubAnswer(200, Accepted));

        var answer = await providers.Postmark.SendAsync(Email, default);

        answer.Verdict.Should().Be(ProviderVerdict.Accepted);
        stub.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task Server_errors_that_persist_leave_the_email_to_try_later()
    {
        var stub = providers.Fresh();
        stub.Default = new StubAnswer(500, """{"ErrorCode":500,"Message":"Internal server error"}""");

        var answer = await providers.Postmark.SendAsync(Email, default);

        answer.Verdict.Should().Be(ProviderVerdict.TryLater);
        stub.Requests.Should().HaveCount(3, "the first attempt and two retries");
    }

    [Fact]
    public async Task A_provider_that_does_not_answer_in_time_leaves_the_email_to_try_later()
    {
        var stub = providers.Fresh();
        stub.Default = new StubAnswer(200, Accepted, Delay: TimeSpan.FromSeconds(8));

        var answer = await providers.Postmark.SendAsync(Email, default);

        answer.Verdict.Should().Be(ProviderVerdict.TryLater);
        answer.ErrorCode.Should().Be("unreachable");
    }
}
