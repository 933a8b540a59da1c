using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VetOS.Application.Consents;
using VetOS.Domain;
using VetOS.Domain.Consents;
using VetOS.Infrastructure.Clinics;
using VetOS.Infrastructure.Messaging.Retention;
using VetOS.Web.Tests.Bookings;
using VetOS.Web.Tests.Consents;
using VetOS.Web.Tests.Messaging;
using VetOS.Web.Tests.Owners;
using static VetOS.Web.Tests.AccountSteps;

namespace VetOS.Web.Tests;

/// <summary>A host whose clock starts on Monday 1 March 2021, 09:00 in London: years before the machine's.</summary>
public sealed class HostIn2021 : VetOSApp
{
    protected override DateTimeOffset StartsAt => new(2021, 3, 1, 9, 0, 0, TimeSpan.Zero);
}

/// <summary>A host whose clock starts on Monday 3 March 2031, 09:00 in London: years after the machine's.</summary>
public sealed class HostIn2031 : VetOSApp
{
    protected override DateTimeOffset StartsAt => new(2031, 3, 3, 9, 0, 0, TimeSpan.Zero);
}

public sealed class CalendarTestsIn2021(HostIn2021 app) : CalendarTests(app), IClassFixture<HostIn2021>;

public sealed class CalendarTestsIn2031(HostIn2031 app) : CalendarTests(app), IClassFixture<HostIn2031>;

/// <summary>
/// The main flows on a host whose clock is years away from the machine's, once before and once after it. Every decision
/// about time must read the host's clock: a read of the database's <c>now()</c> or the machine's clock puts that
/// decision years off, so it fails here on any day, not on some day to come. Each test takes its times from the host's
/// clock and only moves it forward, so the tests of a class may run in any order.
/// </summary>
public abstract class CalendarTests(VetOSApp app)
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById(DemoClinic.TimeZone);
    private readonly HttpClient admin = app.ClientAs(new Actor(Guid.NewGuid(), ActorRole.ClinicAdmin, new ClinicId(DemoClinic.Id)));
    private readonly HttpClient auditor = app.ClientAs(new Actor(Guid.NewGuid(), ActorRole.Auditor, new ClinicId(DemoClinic.Id)));

    [Fact]
    public async Task A_confirmation_link_lives_24_hours_and_a_lockout_5_minutes_of_the_hosts_time()
    {
        var prompt = NewEmail();
        var late = NewEmail();
        (await app.Browser().PostAsJsonAsync("/api/account/sign-up", SignUp(prompt))).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await app.Browser().PostAsJsonAsync("/api/account/sign-up", SignUp(late))).StatusCode.Should().Be(HttpStatusCode.Accepted);
        var promptLink = await app.LinkFor(prompt, "email-confirmation");
        var lateLink = await app.LinkFor(late, "email-confirmation");

        app.Clock.Advance(TimeSpan.FromHours(23));
        (await app.Browser().PostAsJsonAsync("/api/account/confirm", new { account = promptLink.Account, token = promptLink.Token }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent, "the link is 23 hours old");
        app.Clock.Advance(TimeSpan.FromHours(2));
        (await app.Browser().PostAsJsonAsync("/api/account/confirm", new { account = lateLink.Account, token = lateLink.Token }))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest, "the link is 25 hours old");

        for (var i = 0; i < 5; i++)
            (await app.SignInAsync(prompt, "not my password at all")).Should().Be(HttpStatusCode.Unauthorized);
        (await app.SignInAsync(prompt, GoodPassword)).Should().Be(HttpStatusCode.Unauthorized, "five failures lock the account");
        app.Clock.Advance(TimeSpan.FromMinutes(4));
        (await app.SignInAsync(prompt, GoodPassword)).Should().Be(HttpStatusCode.Unauthorized, "the lock holds for five minutes");
        app.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        (await app.SignInAsync(prompt, GoodPassword)).Should().Be(HttpStatusCode.NoContent, "the lock has ended");
    }

    [Fact]
    public async Task Free_times_keep_the_lead_time_and_a_closure_takes_its_day_away_until_it_is_lifted()
    {
        var monday = NextMondayNine();
        app.Clock.SetUtcNow(monday);
        var owner = app.ClientAs(BookingClient.DemoOwner);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(monday, London).DateTime);

        var slots = await owner.FreeSlots(DemoClinic.Consultation, today, days: 1);
        slots.Should().NotBeEmpty().And.OnlyContain(s => s.Start >= monday.AddHours(2), "the clinic needs two hours' notice");
        slots.Min(s => s.Start).Should().BeBefore(monday.AddHours(3), "the first free time is right after the lead time");
        (await BookingClient.RuleOf(await owner.Book(DemoClinic.Consultation, DemoClinic.DrOkafor, monday.AddHours(1)))).Should().Be("inside-lead-time");

        var wednesday = monday.AddDays(2);
        var closed = await admin.PostAsJsonAsync($"/api/clinics/{DemoClinic.Id}/setup/blocked-times",
            new { start = wednesday.AddHours(-9), end = wednesday.AddHours(15), reason = "Staff training" });
        closed.StatusCode.Should().Be(HttpStatusCode.Created);
        (await owner.FreeSlots(DemoClinic.Consultation, today.AddDays(2), days: 1)).Should().BeEmpty("the clinic is closed that day");
        (await BookingClient.RuleOf(await owner.Book(DemoClinic.Consultation, DemoClinic.DrOkafor, wednesday.AddHours(1)))).Should().Be("blocked-time");

        var id = (await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await admin.DeleteAsync(Relative($"/api/clinics/{DemoClinic.Id}/setup/blocked-times/{id}"))).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await owner.FreeSlots(DemoClinic.Consultation, today.AddDays(2), days: 1)).Should().NotBeEmpty("the closure is lifted");
    }

    [Fact]
    public async Task A_reminder_waits_until_it_falls_due_by_the_hosts_clock_and_then_goes()
    {
        var (owner, client, pet, _) = await app.OwnerWithPetAsync("+447911123901");
        (await client.ChooseOk(MessageChannels.Email, granted: true, noticeVersion: 1)).Status.Should().Be("granted");
        var start = NextMondayNine().AddDays(2).AddHours(1); // a Wednesday, 10:00
        var booked = await client.BookOk(DemoClinic.Consultation, DemoClinic.DrOkafor, start, pet);

        var rows = await app.MessagesOnceFor(booked.Id, r => r.Any(m => m.Purpose != null && m.Channel == MessageChannels.Email)
            && r.Any(m => m.Purpose == null && m.Status == "sent"), "the confirmation is sent and the email reminder queued");
        var reminder = rows.Single(m => m.Purpose != null && m.Channel == MessageChannels.Email);
        reminder.DueAt.Should().Be(start.AddHours(-24));
        reminder.Status.Should().Be("queued", "it is not due yet, though the confirmation that was went out");

        app.Clock.SetUtcNow(reminder.DueAt.AddMinutes(1));
        await Eventually.Until(() => app.MessagesFor(booked.Id), r => r.Single(m => m.Id == reminder.Id).Status == "sent",
            TimeSpan.FromSeconds(30), "the reminder goes once it is due");
        (await app.HasConsent(owner, MessageChannels.Email, reminder.DueAt)).Should().BeTrue();
    }

    [Fact]
    public async Task Consent_as_of_an_instant_reads_the_hosts_instants_from_the_periods_and_from_the_events()
    {
        var (owner, _) = await app.NewClient(phone: "+447911123902");
        var client = app.ClientAs(owner);
        var granted = app.Clock.GetUtcNow();
        (await client.Consents()).Purposes.Single().Notice!.PublishedAt.Should().BeOnOrBefore(granted, "the clinic's first notice dates from when it joined");
        await client.ChooseOk(MessageChannels.Sms, granted: true, noticeVersion: 1);
        app.Clock.Advance(TimeSpan.FromHours(1));
        var withdrawn = app.Clock.GetUtcNow();
        await client.ChooseOk(MessageChannels.Sms, granted: false);

        foreach (var (at, expected) in new[] { (granted.AddTicks(-10), false), (granted.AddMinutes(30), true), (withdrawn.AddMinutes(1), false) })
        {
            (await app.HasConsent(owner, MessageChannels.Sms, at)).Should().Be(expected, $"the send-time check at {at:O}");
            foreach (var source in new[] { "projection", "events" })
            {
                var asOf = await auditor.GetFromJsonAsync<ConsentAsOf>(
                    $"/api/clinics/{DemoClinic.Id}/consents/{owner.Id}?at={Uri.EscapeDataString(at.ToString("O"))}&source={source}", ApiJson.Options);
                (asOf!.Consents.Single(c => c.Channel == MessageChannels.Sms).Status == ConsentStatus.Granted)
                    .Should().Be(expected, $"the auditor's view from the {source} at {at:O}");
            }
        }
    }

    [Fact]
    public async Task The_retention_purge_removes_what_is_older_than_90_days_of_the_hosts_time()
    {
        var now = app.Clock.GetUtcNow();
        var (old, recent) = (Guid.NewGuid(), Guid.NewGuid());
        foreach (var (id, at) in new[] { (old, now.AddDays(-91)), (recent, now.AddDays(-89)) })
            await app.Database.ExecuteAsync("""
                insert into messaging.messages (id, clinic_id, owner_id, channel, template, recipient, subject, body, due_at, status, next_attempt_at, created_at, updated_at)
                values ($1, $2, $3, 'sms', 'reminder', '+447911123456', null, 'Biscuit is due', $4, 'delivered', $4, $4, $4)
                """, id, DemoClinic.Id, DemoClinic.DemoOwner, at);

        await app.Services.GetRequiredService<RetentionPurge>().RunAsync(default);

        (await app.Database.ScalarAsync<long>("select count(*) from messaging.messages where id = $1", old)).Should().Be(0, "91 days old");
        (await app.Database.ScalarAsync<long>("select count(*) from messaging.messages where id = $1", recent)).Should().Be(1, "89 days old");
    }

    /// <summary>The first Monday, 09:00 in London, at least a week after the host's clock.</summary>
    private DateTimeOffset NextMondayNine()
    {
        var day = TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), London).Date.AddDays(7);
        while (day.DayOfWeek != DayOfWeek.Monday)
            day = day.AddDays(1);
        var nine = day.AddHours(9);
        return new DateTimeOffset(nine, London.GetUtcOffset(nine));
    }
}
