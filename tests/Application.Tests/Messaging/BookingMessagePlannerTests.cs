using VetOS.Application.Messaging;
using VetOS.Domain;
using VetOS.Domain.Bookings;
using VetOS.Domain.Messaging;
using static VetOS.Application.Tests.Messaging.Samples;

namespace VetOS.Application.Tests.Messaging;

/// <summary>Which messages each booking event queues: the owner's notice on their channel, and a confirmed time's reminders.</summary>
public sealed class BookingMessagePlannerTests
{
    private static MessagePlan Plan(object e, IReadOnlyList<object> stream, long revision, OwnerContact? owner = null, ClinicMessaging? clinic = null,
        DateTimeOffset? now = null, DateTimeOffset? start = null) =>
        BookingMessagePlanner.Plan(e, stream, revision, Appointment(revision, start), clinic ?? ClinicWith(), owner ?? OwnerPreferring("email"),
            now ?? Now, Settings);

    [Fact]
    public void A_request_tells_the_owner_it_awaits_the_clinic_and_plans_no_reminder()
    {
        var requested = Requested();

        var plan = Plan(requested, [requested], 0);

        var message = plan.Messages.Should().ContainSingle().Subject;
        message.Template.Should().Be("booking-requested");
        message.Channel.Should().Be("email");
        message.Recipient.Should().Be(OwnerEmail);
        message.Purpose.Should().BeNull("confirmations and changes need no consent");
        message.Attachment.Should().BeNull();
        message.DedupKey.Should().Be($"booking:{TheBooking:N}:0");
        plan.DropRemindersBecause.Should().BeNull();
    }

    [Fact]
    public void A_request_confirmed_in_the_same_breath_leaves_the_telling_to_the_confirmation()
    {
        IReadOnlyList<object> stream = [Requested(), Confirmed()];

        Plan(stream[0], stream, 0).Messages.Should().BeEmpty();
        Plan(stream[1], stream, 1).Messages.Should().ContainSingle(m => m.Template == "booking-confirmed");
    }

    [Fact]
    public void A_confirmation_goes_by_email_with_a_calendar_file_by_default()
    {
        IReadOnlyList<object> stream = [Requested(), Confirmed(Now.AddHours(1))];

        var confirmation = Plan(stream[1], stream, 1).Messages.Single(m => m.Purpose is null);

        confirmation.Template.Should().Be("booking-confirmed");
        confirmation.Channel.Should().Be("email");
        confirmation.Subject.Should().Contain("Riverside Veterinary Clinic");
        confirmation.Attachment!.Name.Should().Be("appointment.ics");
        confirmation.DueAt.Should().Be(Now);
        confirmation.AppointmentStart.Should().Be(Start);
    }

    [Theory]
    [InlineData("sms", OwnerPhone, "sms")]
    [InlineData("whatsapp", OwnerPhone, "whatsapp")]
    [InlineData("sms", null, "email")]
    public void A_confirmation_goes_on_the_owner_s_preferred_channel_when_they_can_be_reached_on_it(string preferred, string? phone, string channel)
    {
        IReadOnlyList<object> stream = [Requested(), Confirmed(Now.AddHours(1))];

        var confirmation = Plan(stream[1], stream, 1, OwnerPreferring(preferred, phone)).Messages.Single(m => m.Purpose is null);

        confirmation.Channel.Should().Be(channel);
        confirmation.Recipient.Should().Be(channel == "email" ? OwnerEmail : OwnerPhone);
        (confirmation.Attachment is not null).Should().Be(channel == "email", "only an email carries a file");
    }

    [Fact]
    public void A_confirmed_time_plans_a_reminder_24_hours_before_on_each_channel_the_clinic_offers()
    {
        IReadOnlyList<object> stream = [Requested(), Confirmed()];

        var reminders = Plan(stream[1], stream, 1).Messages.Where(m => m.Purpose is not null).ToList();

        reminders.Select(r => r.Channel).Should().Equal("email", "sms", "whatsapp");
        reminders.Should().AllSatisfy(r =>
        {
            r.Purpose.Should().Be("appointment-reminders");
            r.Template.Should().Be("appointment-reminder");
            r.DueAt.Should().Be(Start.AddHours(-24));
            r.AppointmentStart.Should().Be(Start);
            r.DedupKey.Should().Be($"reminder:{TheBooking:N}:1:1440:{r.Channel}");
        });
        reminders.Single(r => r.Channel == "whatsapp").WhatsAppTemplate!.ContentSid.Should().Be(Settings.WhatsAppReminderTemplateSid);
        reminders.Single(r => r.Channel == "sms").Body.Should().Contain("Reply Y").And.Contain("STOP");
    }

    [Fact]
    public void Several_offsets_plan_several_reminders_one_already_past_is_not_planned_and_quiet_hours_move_one_earlier()
    {
        IReadOnlyList<object> stream = [Requested(), Confirmed()];
        var policy = new ReminderPolicy([TimeSpan.FromDays(7), TimeSpan.FromHours(24), TimeSpan.FromHours(3)], new TimeOnly(21, 0), new TimeOnly(8, 0));

        var due = Plan(stream[1], stream, 1, clinic: ClinicWith(policy, "email")).Messages.Where(m => m.Purpose is not null).Select(m => m.DueAt);

        // 3 h before 10:00 is 07:00, in the quiet hours: the evening before at 20:59 instead.
        due.Should().Equal(Start.AddHours(-24), new DateTimeOffset(2026, 11, 23, 20, 59, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Reminders_go_only_where_the_clinic_sends_them_and_the_owner_can_be_reached()
    {
        IReadOnlyList<object> stream = [Requested(), Confirmed()];

        Plan(stream[1], stream, 1, OwnerPreferring("email", phone: null)).Messages.Where(m => m.Purpose is not null)
            .Select(m => m.Channel).Should().Equal("email");
        Plan(stream[1], stream, 1, clinic: ClinicWith(null, "sms")).Messages.Where(m => m.Purpose is not null)
            .Select(m => m.Channel).Should().Equal("sms");
    }

    [Fact]
    public void A_move_drops_the_old_reminders_and_plans_new_ones_for_the_new_time_with_a_new_calendar_file()
    {
        var moved = Start.AddDays(2);
        var rescheduled = new AppointmentRescheduled(TheBooking, Guid.NewGuid(), moved, moved.AddMinutes(15), Guid.NewGuid(), Start, Start.AddMinutes(15), "owner:x", Now);
        IReadOnlyList<object> stream = [Requested(), Confirmed(), rescheduled];

        var plan = Plan(rescheduled, stream, 2, start: moved);

        plan.DropRemindersBecause.Should().Be("booking-moved");
        var notice = plan.Messages.Single(m => m.Purpose is null);
        notice.Template.Should().Be("booking-rescheduled");
        notice.Attachment.Should().NotBeNull();
        notice.Body.Should().Contain("Thursday 26 November 2026 at 10:00").And.Contain("it was on Tuesday 24 November 2026 at 10:00");
        plan.Messages.Where(m => m.Purpose is not null).Should().OnlyContain(r => r.DueAt == moved.AddHours(-24) && r.DedupKey!.Contains(":2:1440:"));
    }

    [Fact]
    public void A_move_awaiting_the_clinic_drops_reminders_and_plans_none_until_it_is_confirmed()
    {
        var moved = Start.AddDays(2);
        var rescheduled = new AppointmentRescheduled(TheBooking, Guid.NewGuid(), moved, moved.AddMinutes(15), Guid.NewGuid(), Start, Start.AddMinutes(15), "owner:x", Now, AwaitsConfirmation: true);
        IReadOnlyList<object> stream = [Requested(), Confirmed(), rescheduled];

        var plan = Plan(rescheduled, stream, 2, start: moved);

        plan.DropRemindersBecause.Should().Be("booking-moved");
        plan.Messages.Should().ContainSingle().Which.Should().Match<QueuedMessage>(m => m.Template == "booking-reschedule-requested" && m.Attachment == null);
    }

    [Fact]
    public void A_cancellation_drops_the_reminders_and_tells_the_owner()
    {
        var cancelled = new AppointmentCancelled(TheBooking, Owner, "", "owner:x", Now);
        IReadOnlyList<object> stream = [Requested(), Confirmed(), cancelled];

        var plan = Plan(cancelled, stream, 2);

        plan.DropRemindersBecause.Should().Be("booking-cancelled");
        plan.Messages.Should().ContainSingle().Which.Template.Should().Be("booking-cancelled");
    }

    [Fact]
    public void Nothing_is_said_about_an_appointment_that_has_begun()
    {
        IReadOnlyList<object> stream = [Requested(), Confirmed()];

        Plan(stream[1], stream, 1, now: Start).Messages.Should().BeEmpty();
    }
}
