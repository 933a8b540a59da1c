using VetOS.Infrastructure.Clinics;
using VetOS.Web.Tests.Bookings;

namespace VetOS.Web.Tests.Messaging;

/// <summary>Reminders planned by the running host across the clock changes of 2027, with its clock moved forward to each.</summary>
public sealed class DaylightSavingReminderTests(MessagingApp app) : IClassFixture<MessagingApp>
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    private async Task<DateTimeOffset> ReminderDueFor(DateTimeOffset start, string phone)
    {
        var (_, owner, pet, _) = await app.OwnerWithPetAsync(phone);
        var booked = await owner.BookOk(DemoClinic.Vaccination, DemoClinic.DrOkafor, start, pet);
        var rows = await app.MessagesOnceFor(booked.Id, r => r.Any(m => m.Purpose != null), "the reminders");
        return rows.Where(r => r.Purpose != null).Select(r => r.DueAt).Distinct().Single();
    }

    [Fact]
    public async Task A_reminder_24_hours_before_lands_at_the_right_instant_across_the_spring_and_autumn_changes()
    {
        // The clocks go forward at 01:00 UTC on Sunday 28 March 2027: Monday 29 March 09:00 BST is 08:00 UTC.
        app.Clock.SetUtcNow(Utc(2027, 3, 26, 9));
        (await ReminderDueFor(Utc(2027, 3, 29, 8), "+447911123701")).Should().Be(Utc(2027, 3, 28, 8), "Sunday 09:00 BST");

        // They go back at 01:00 UTC on Sunday 31 October 2027: Monday 1 November 09:00 GMT is 09:00 UTC.
        app.Clock.SetUtcNow(Utc(2027, 10, 28, 9));
        (await ReminderDueFor(Utc(2027, 11, 1, 9), "+447911123702")).Should().Be(Utc(2027, 10, 31, 9), "Sunday 09:00 GMT");
    }
}
