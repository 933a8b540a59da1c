using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Xunit.Abstractions;
using static VetOS.Web.Tests.AccountSteps;

namespace VetOS.Web.Tests.Accounts;

/// <summary>Timing tests run alone, so other classes' work does not land on one kind of request more than another.</summary>
[CollectionDefinition(nameof(Timing), DisableParallelization = true)]
public sealed class Timing;

/// <summary>
/// Sign-in, sign-up and forgot-password tell nobody whether an address has an account: the same status, the same
/// bytes, and the same time. Kinds of request take turns (each leads equally often); medians of 200 trials each.
/// </summary>
[Collection(nameof(Timing))]
public sealed class EnumerationTests(VetOSApp app, ITestOutputHelper output) : IClassFixture<VetOSApp>
{
    private const int Trials = 200;
    private const int WarmUp = 10;
    private const double MaximumGapMs = 5;

    private sealed record Kind(string Name, Func<Task<HttpResponseMessage>> Send, Func<Task>? Before = null);

    [Fact]
    public async Task Sign_in_answers_an_unknown_address_a_wrong_password_and_a_locked_account_alike_in_status_body_and_time()
    {
        var client = app.Browser();
        var wrongPassword = NewEmail();
        var account = await app.SignUpAndConfirmAsync(wrongPassword);
        var locked = NewEmail();
        var lockedAccount = await app.SignUpAndConfirmAsync(locked);
        await app.Database.ExecuteAsync("update identity.users set lockout_end = now() + interval '1 day' where id = $1", lockedAccount);

        await Compare(
            new Kind("unknown address", () => client.PostAsJsonAsync("/api/account/sign-in", new { email = NewEmail(), password = "not my password at all" })),
            new Kind("wrong password", () => client.PostAsJsonAsync("/api/account/sign-in", new { email = wrongPassword, password = "not my password at all" }),
                // Never five failures in a row, so every trial takes the path of an account that is not locked yet.
                Before: () => app.Database.ExecuteAsync("update identity.users set access_failed_count = 0, lockout_end = null where id = $1", account)),
            new Kind("locked account", () => client.PostAsJsonAsync("/api/account/sign-in", new { email = locked, password = GoodPassword })));
    }

    [Fact]
    public async Task Sign_up_answers_a_new_and_a_taken_address_alike_in_status_body_and_time()
    {
        var client = app.Browser();
        var taken = NewEmail();
        await app.SignUpAndConfirmAsync(taken);

        await Compare(
            new Kind("new address", () => client.PostAsJsonAsync("/api/account/sign-up", SignUp(NewEmail()))),
            new Kind("taken address", () => client.PostAsJsonAsync("/api/account/sign-up", SignUp(taken))));
    }

    [Fact]
    public async Task Forgot_password_answers_an_unknown_and_a_known_address_alike_in_status_body_and_time()
    {
        var client = app.Browser();
        var known = NewEmail();
        await app.SignUpAndConfirmAsync(known);

        await Compare(
            new Kind("unknown address", () => client.PostAsJsonAsync("/api/account/forgot-password", new { email = NewEmail() })),
            new Kind("known address", () => client.PostAsJsonAsync("/api/account/forgot-password", new { email = known })));
    }

    private async Task Compare(params Kind[] kinds)
    {
        var times = kinds.ToDictionary(k => k.Name, _ => new List<double>());
        var answers = new List<(HttpStatusCode Status, string Body)>();
        for (var trial = -WarmUp; trial < Trials; trial++)
        {
            for (var turn = 0; turn < kinds.Length; turn++)
            {
                var kind = kinds[(Math.Abs(trial) + turn) % kinds.Length];
                if (kind.Before is not null)
                    await kind.Before();
                var started = Stopwatch.GetTimestamp();
                using var response = await kind.Send();
                var body = await response.Content.ReadAsByteArrayAsync();
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (trial < 0)
                    continue;
                times[kind.Name].Add(elapsed);
                answers.Add((response.StatusCode, Convert.ToBase64String(body)));
            }
        }

        var medians = times.ToDictionary(t => t.Key, t => Median(t.Value));
        output.WriteLine(string.Join("; ", medians.Select(m => $"{m.Key}: median {m.Value:F2} ms")));
        answers.Select(a => a.Status).Distinct().Should().ContainSingle("every kind gets the same status");
        answers.Select(a => a.Body).Distinct().Should().ContainSingle("every kind gets the same body, byte for byte");
        var reference = medians[kinds[0].Name];
        foreach (var (name, median) in medians)
            Math.Abs(median - reference).Should().BeLessThan(MaximumGapMs, $"the median for {name} ({median:F2} ms) is within {MaximumGapMs} ms of {kinds[0].Name} ({reference:F2} ms)");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }
}
