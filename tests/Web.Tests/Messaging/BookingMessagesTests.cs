using System.Net;
using System.Net.Http.Json;
using System.Text;
using Ical.Net;
using VetOS.Application.Messaging;
using VetOS.Infrastructure.Clinics;
using VetOS.Infrastructure.Projections;
using VetOS.Web.Bookings;
using VetOS.Web.Tests.Bookings;
using VetOS.Web.Tests.Owners;

namespace VetOS.Web.Tests.Messaging;

/// <summary>Booking events become messages: a notice on the owner's channel, a calendar file, reminders that move and drop with the booking.</summary>
public sealed class BookingMessagesTests(MessagingApp app) : IClassFixture<MessagingApp>
{
    private static readonly DateTimeOffset Tuesday10 = BookingClient.Tuesday(10);

    [Fact]
    public async Task A_booking_queues_one_confirmation_with_a_calendar_file_and_a_reminder_24_hours_before_on_each_channel()
    {
        var (_, owner, pet, email) = await app.OwnerWithPetAsync("+447911123101");

        var booked = await owner.BookOk(DemoClinic.Vaccination, DemoClinic.DrOkafor, Tuesday10, pet);

        var rows = await app.MessagesOnceFor(booked.Id, r => r.Count == 4, "a confirmation and three reminders");
        var confirmation = rows.Should().ContainSingle(r => r.Purpose == null).Subject;
        confirmation.Template.Should().Be("booking-confirmed", "a booking confirmed at once is not also announced as requested");
        confirmation.Channel.Should().Be("email");
        confirmation.Recipient.Should().Be(email);
        confirmation.Subject.Should().Contain(DemoClinic.Name);
        confirmation.Body.Should().Contain("Vaccination for Pepper on Tuesday 24 November 2026 at 10:00").And.Contain("+442079460000")
            .And.NotContainAny("Grace Hopper", email, "+447911123101");
        var calendar = Calendar.Load(Encoding.UTF8.GetString(confirmation.Attachment!))!;
        var e = calendar.Events.Should().ContainSingle().Subject;
        e.DtStart!.AsUtc.Should().Be(Tuesday10.UtcDateTime);
        e.DtEnd!.AsUtc.Should().Be(Tuesday10.AddMinutes(15).UtcDateTime);
        e.Summary.Should().Be($"Vaccination for Pepper at {DemoClinic.Name}");

        var reminders = rows.Where(r => r.Purpose == "appointment-reminders").ToList();
        reminders.Select(r => r.Channel).Should().BeEquivalentTo(["email", "sms", "whatsapp"]);
        reminders.Should().AllSatisfy(r =>
        {
            r.Status.Should().Be("queued");
            r.DueAt.Should().Be(Tuesday10.AddHours(-24));
            r.AppointmentStart.Should().Be(Tuesday10);
        });
        reminders.Single(r => r.Channel == "sms").Recipient.Should().Be("+447911123101");
        reminders.Single(r => r.Channel == "whatsapp").WhatsAppTemplate.Should().Be(MessagingApp.ReminderTemplate);
    }

    [Fact]
    public async Task Each_booking_event_queues_its_messages_once_even_when_the_projection_is_rebuilt()
    {
        var (_, owner, pet, _) = await app.OwnerWithPetAsync("+447911123102");
        var booked = await owner.BookOk(DemoClinic.Vaccination, DemoClinic.DrReilly, Tuesday10, pet);
        var before = await app.MessagesOnceFor(booked.Id, r => r.Count == 4, "the first messages");

        await app.Services.GetRequiredService<ProjectionRunner>().RebuildAsync("booking-messages");
        var (_, later, laterPet, _) = await app.OwnerWithPetAsync("+447911123103");
        var marker = await later.BookOk(DemoClinic.Vaccination, DemoClinic.DrLind, Tuesday10, laterPet);
        await app.MessagesOnceFor(marker.Id, r => r.Count == 4, "the rebuild to have replayed past the first booking");

        // The dispatcher may have sent them meanwhile; what matters is that nothing was queued again.
        (await app.MessagesFor(booked.Id)).Should().BeEquivalentTo(before, o => o.Excluding(r => r.Status));
    }

    [Fact]
    public async Task An_owner_who_prefers_sms_hears_by_sms_without_a_calendar_file()
    {
        var (_, owner, pet, _) = await app.OwnerWithPetAsync("+447911123104");
        (await owner.Send(HttpMethod.Put, "/api/me/profile", new { name = "Grace Hopper", phone = "+447911123104", preferredChannel = "sms" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        var booked = await owner.BookOk(DemoClinic.Vaccination, DemoClinic.NurseRoom, Tuesday10, pet);

        var rows = await app.MessagesOnceFor(booked.Id, r => r.Any(m => m.Purpose == null), "the confirmation");
        var confirmation = rows.Single(r => r.Purpose == null);
        confirmation.Channel.Should().Be("sms");
        confirmation.Recipient.Should().Be("+447911123104");
        confirmation.Attachment.Should().BeNull();
        confirmation.Body.Should().StartWith($"{DemoClinic.Name}: Pepper's Vaccination on Tue 24 Nov 10:00 is confirmed.");
    }

    [Fact]
    public async Task A_move_drops_the_unsent_reminders_and_plans_new_ones_and_a_cancellation_drops_those()
    {
        var (_, owner, pet, _) = await app.OwnerWithPetAsync("+447911123105");
        var gate = app.Services.GetServices<IMessageGate>().OfType<BookingReminderGate>().Single();
        var booked = await owner.BookOk(DemoClinic.Consultation, DemoClinic.ConsultingRoom, BookingClient.Tuesday(11), pet);
        var first = (await app.MessagesOnceFor(booked.Id, r => r.Count == 4, "the first reminders")).Where(r => r.Purpose != null).ToList();
        var wednesday = BookingClient.Tuesday(11).AddDays(1);

        var moved = await owner.Change(booked.Id, "reschedule", new { resourceId = DemoClinic.ConsultingRoom, start = wednesday }, booked.Revision);
        moved.StatusCode.Should().Be(HttpStatusCode.OK);

        var afterMove = await app.MessagesOnceFor(booked.Id, r => r.Count == 8, "the move's notice and new reminders");
        afterMove.Where(r => first.Select(f => f.Id).Contains(r.Id)).Should().OnlyContain(r => r.Status == "skipped" && r.SkipReason == "booking-moved");
        var notice = afterMove.Single(r => r.Template == "booking-rescheduled");
        Calendar.Load(Encoding.UTF8.GetString(notice.Attachment!))!.Events.Single().DtStart!.AsUtc.Should().Be(wednesday.UtcDateTime);
        var second = afterMove.Where(r => r.Purpose != null && r.Status == "queued").ToList();
        second.Should().HaveCount(3).And.OnlyContain(r => r.DueAt == wednesday.AddHours(-24) && r.AppointmentStart == wednesday);
        (await gate.SkipReasonAsync(Due(first[0], booked.Id), app.Clock.GetUtcNow(), default)).Should().Be("booking-moved");
        (await gate.SkipReasonAsync(Due(second[0], booked.Id), app.Clock.GetUtcNow(), default)).Should().BeNull();

        var revision = (await moved.Content.ReadFromJsonAsync<BookingResponse>())!.Revision;
        (await owner.Change(booked.Id, "cancel", new { reason = "Away" }, revision)).StatusCode.Should().Be(HttpStatusCode.OK);

        var afterCancel = await app.MessagesOnceFor(booked.Id, r => r.Any(m => m.Template == "booking-cancelled"), "the cancellation notice");
        afterCancel.Where(r => second.Select(s => s.Id).Contains(r.Id)).Should().OnlyContain(r => r.Status == "skipped" && r.SkipReason == "booking-cancelled");
        afterCancel.Should().NotContain(r => r.Status == "queued" && r.Purpose != null);
        (await gate.SkipReasonAsync(Due(second[0], booked.Id), app.Clock.GetUtcNow(), default)).Should().Be("booking-cancelled");
        (await app.Database.ScalarAsync<long>(
            "select count(*) from messaging.delivery_log l join messaging.messages m on m.id = l.message_id where m.booking_id = $1 and l.status = 'skipped'",
            booked.Id)).Should().Be(6);
    }

    [Fact]
    public async Task A_request_is_acknowledged_and_plans_reminders_only_once_the_clinic_confirms_it()
    {
        var (_, owner, pet, _) = await app.OwnerWithPetAsync("+447911123106");
        var requested = await owner.BookOk(DemoClinic.DentalCheck, DemoClinic.DrOkafor, BookingClient.Tuesday(15), pet);

        var rows = await app.MessagesOnceFor(requested.Id, r => r.Count == 1, "the request's notice");
        rows.Single().Template.Should().Be("booking-requested");
        rows.Single().Attachment.Should().BeNull();

        (await app.ClientAs(BookingClient.Receptionist).Change(requested.Id, "confirm")).StatusCode.Should().Be(HttpStatusCode.OK);

        var confirmed = await app.MessagesOnceFor(requested.Id, r => r.Count == 5, "the confirmation and reminders");
        confirmed.Should().ContainSingle(r => r.Template == "booking-confirmed" && r.Attachment != null);
        confirmed.Count(r => r.Purpose != null).Should().Be(3);
    }

    private static QueuedMessage Due(MessageRow row, Guid booking) =>
        new(row.Id, DemoClinic.Id, null, row.Channel, row.Template, row.Purpose, booking, null, "", null, "", row.DueAt);
}
