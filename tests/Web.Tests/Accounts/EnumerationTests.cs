using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Options;
using VetOS.Infrastructure.Accounts;
using static VetOS.Web.Tests.AccountSteps;

namespace VetOS.Web.Tests.Accounts;

/// <summary>A host that counts the password hashes it computes and traces the SQL statements each request runs.</summary>
public sealed class CountingApp : VetOSApp
{
    public WorkMeter Meter { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.AddScoped<IPasswordHasher<UserAccount>>(sp => new CountingHasher(sp.GetRequiredService<IOptions<PasswordHasherOptions>>(), Meter)));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            Meter.Dispose();
        base.Dispose(disposing);
    }

    private sealed class CountingHasher(IOptions<PasswordHasherOptions> options, WorkMeter meter) : PasswordHasher<UserAccount>(options)
    {
        public override string HashPassword(UserAccount user, string password)
        {
            meter.Hashed();
            return base.HashPassword(user, password);
        }

        public override PasswordVerificationResult VerifyHashedPassword(UserAccount user, string hashedPassword, string providedPassword)
        {
            meter.Hashed();
            return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

/// <summary>What one request did: the password hashes it computed and the SQL it ran, in order (Npgsql's traces, by the request's trace id).</summary>
public sealed record Work(int Hashes, IReadOnlyList<string> Statements);

public sealed class WorkMeter : IDisposable
{
    private readonly ConcurrentDictionary<ActivityTraceId, ConcurrentQueue<string>> statements = new();
    private readonly ActivityListener listener;
    private int hashes;

    public WorkMeter()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == "Npgsql" && activity.GetTagItem("db.query.text") is string sql)
                    statements.GetOrAdd(activity.TraceId, _ => new()).Enqueue(sql);
            },
        };
        ActivitySource.AddActivityListener(listener);
    }

    public void Hashed() => Interlocked.Increment(ref hashes);

    /// <summary>Sends one request under a trace id of its own (requests are measured one at a time) and returns what it did.</summary>
    public async Task<(HttpResponseMessage Response, Work Work)> MeasureAsync(HttpClient client, string path, object body)
    {
        var trace = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        var before = Volatile.Read(ref hashes);
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        var done = new Work(Volatile.Read(ref hashes) - before, statements.TryRemove(trace, out var ran) ? [.. ran] : []);
        return (response, done);
    }

    public void Dispose() => listener.Dispose();
}

/// <summary>
/// Sign-in, sign-up and forgot-password tell nobody whether an address has an account: the same status and bytes, and the
/// same work, which is what timing would betray. Work is compared, not milliseconds, so a busy machine cannot fail this;
/// the times themselves are measured side by side in <c>./vetos bench --only enumeration</c>.
/// </summary>
public sealed class EnumerationTests(CountingApp app) : IClassFixture<CountingApp>
{
    private sealed record Kind(string Name, string Path, Func<object> Body, Func<Task>? Before = null);

    [Fact]
    public async Task Sign_in_does_the_same_work_and_answers_the_same_bytes_for_an_unknown_address_a_wrong_password_and_a_locked_account()
    {
        var wrongPassword = NewEmail();
        var account = await app.SignUpAndConfirmAsync(wrongPassword);
        var locked = NewEmail();
        var lockedAccount = await app.SignUpAndConfirmAsync(locked);
        await app.Database.ExecuteAsync("update identity.users set lockout_end = $2 where id = $1", lockedAccount, app.Clock.GetUtcNow().AddDays(1));

        var work = await Compare(
            new Kind("unknown address", "/api/account/sign-in", () => new { email = NewEmail(), password = "not my password at all" }),
            new Kind("wrong password", "/api/account/sign-in", () => new { email = wrongPassword, password = "not my password at all" },
                // Never five failures in a row, so every trial takes the path of an account that is not locked yet.
                Before: () => app.Database.ExecuteAsync("update identity.users set access_failed_count = 0, lockout_end = null where id = $1", account)),
            new Kind("locked account", "/api/account/sign-in", () => new { email = locked, password = GoodPassword }));

        foreach (var (name, done) in work)
        {
            done.Hashes.Should().Be(1, $"a {name} costs one password hash");
            done.Statements.Should().NotBeEmpty().And.Equal(work[0].Work.Statements, $"a {name} runs the statements an unknown address runs");
        }
    }

    [Fact]
    public async Task Sign_up_hashes_the_password_and_answers_the_same_bytes_for_a_new_and_a_taken_address()
    {
        var taken = NewEmail();
        await app.SignUpAndConfirmAsync(taken);

        var work = await Compare(
            new Kind("new address", "/api/account/sign-up", () => SignUp(NewEmail())),
            new Kind("taken address", "/api/account/sign-up", () => SignUp(taken)));

        work.Should().OnlyContain(w => w.Work.Hashes == 1, "either address costs one password hash");
    }

    [Fact]
    public async Task Forgot_password_does_the_same_work_and_answers_the_same_bytes_for_an_unknown_and_a_known_address()
    {
        var known = NewEmail();
        await app.SignUpAndConfirmAsync(known);

        var work = await Compare(
            new Kind("unknown address", "/api/account/forgot-password", () => new { email = NewEmail() }),
            new Kind("known address", "/api/account/forgot-password", () => new { email = known }));

        work.Should().OnlyContain(w => w.Work.Hashes == 0);
        work[1].Work.Statements.Should().Equal(work[0].Work.Statements, "the look-up, the token and the email come after the answer");
    }

    /// <summary>Each kind twice (the first warms caches such as the decoy hash); the second is compared, status and bytes.</summary>
    private async Task<List<(string Name, Work Work)>> Compare(params Kind[] kinds)
    {
        var client = app.Browser();
        var measured = new List<(string Name, Work Work, string Answer)>();
        for (var round = 0; round < 2; round++)
        {
            measured.Clear();
            foreach (var kind in kinds)
            {
                if (kind.Before is not null)
                    await kind.Before();
                var (response, work) = await app.Meter.MeasureAsync(client, kind.Path, kind.Body());
                measured.Add((kind.Name, work, $"{(int)response.StatusCode} {Convert.ToBase64String(await response.Content.ReadAsByteArrayAsync())}"));
                response.Dispose();
            }
        }
        measured.Select(m => m.Answer).Distinct().Should().ContainSingle("every kind gets the same status and body, byte for byte");
        return measured.Select(m => (m.Name, m.Work)).ToList();
    }
}
