using System.Text;
using Ical.Net;
using VetOS.Application.Clinics;
using VetOS.Application.Messaging;
using VetOS.Application.Messaging.Templates;
using VetOS.Domain;
using static VetOS.Application.Tests.Messaging.Samples;

namespace VetOS.Application.Tests.Messaging;

/// <summary>Every message names the clinic and how to reach it, and says nothing about the owner.</summary>
public sealed class TemplateTests
{
    private static readonly ClinicDetails Details = new(Card.Name, "riverside", Card.Address, "Europe/London", Card.Email, Card.Phone, "ICO");

    public static TheoryData<string, string> Every()
    {
        var a = Appointment();
        var data = new TheoryData<string, string>();
        foreach (var notice in Enum.GetValues<BookingNotice>())
        {
            var (subject, body) = BookingMessages.Email(notice, a, Card, a.Start.AddDays(-1));
            data.Add($"{BookingMessages.Template(notice)} email", $"{subject}\n{body}");
            data.Add($"{BookingMessages.Template(notice)} text", BookingMessages.Text(notice, a, Card));
        }
        var reminder = ReminderMessages.Email(a, Card);
        data.Add("reminder email", $"{reminder.Subject}\n{reminder.Body}");
        data.Add("reminder sms", ReminderMessages.Text(MessageChannels.Sms, a, Card));
        data.Add("reminder whatsapp", ReminderMessages.Text(MessageChannels.WhatsApp, a, Card));
        data.Add("reminder acknowledged", ReminderMessages.Acknowledged(a, Card));
        data.Add("reminder cancelled", ReminderMessages.Cancelled(a, Card));
        data.Add("reminder not cancelled", ReminderMessages.NotCancelled("It is too close to the appointment.", Card));
        data.Add("reminder outdated", ReminderMessages.Changed(Card));
        var link = new Uri("https://vetos.example/account/confirm?account=1&token=t");
        foreach (var email in new[] { AccountEmails.ConfirmEmail(OwnerEmail, Details, link), AccountEmails.AlreadyRegistered(OwnerEmail, Details), AccountEmails.StaffInvitation(OwnerEmail, Details, link) })
            data.Add(email.Template, $"{email.Subject}\n{email.TextBody}");
        return data;
    }

    [Theory]
    [MemberData(nameof(Every))]
    public void Names_the_clinic_and_its_phone_and_nothing_of_the_owner(string template, string text)
    {
        text.Should().Contain(Card.Name, template);
        text.Should().Contain(Card.Phone, template);
        text.Should().NotContainAny([OwnerName, OwnerEmail, OwnerPhone], template);
    }

    [Fact]
    public void Emails_close_with_the_clinic_s_address_phone_and_email()
    {
        foreach (var notice in Enum.GetValues<BookingNotice>())
            BookingMessages.Email(notice, Appointment(), Card).Body.Should().EndWith(Card.Footer).And.Contain(Card.Address).And.Contain(Card.Email);
    }

    [Fact]
    public void Times_are_on_the_clinic_s_clock()
    {
        var summer = Appointment(start: new DateTimeOffset(2026, 3, 30, 8, 0, 0, TimeSpan.Zero)); // 09:00 BST

        BookingMessages.Email(BookingNotice.Confirmed, summer, Card).Body.Should().Contain("Monday 30 March 2026 at 09:00");
        BookingMessages.Text(BookingNotice.Confirmed, summer, Card).Should().Contain("Mon 30 Mar 09:00");
    }

    [Fact]
    public void The_password_reset_names_no_clinic_and_keeps_its_link()
    {
        var email = AccountEmails.PasswordReset(OwnerEmail, new Uri("https://vetos.example/account/reset-password?account=1&token=abc"));

        email.Template.Should().Be("password-reset");
        email.TextBody.Should().Contain("https://vetos.example/account/reset-password?account=1&token=abc\n");
    }

    [Fact]
    public void The_calendar_file_parses_with_the_appointment_s_start_end_summary_and_place()
    {
        var a = Appointment(revision: 3);

        var file = AppointmentCalendar.For(a, Card, Now);

        file.Name.Should().Be("appointment.ics");
        file.ContentType.Should().StartWith("text/calendar");
        var calendar = Calendar.Load(Encoding.UTF8.GetString(file.Content))!;
        var e = calendar.Events.Should().ContainSingle().Subject;
        e.DtStart!.AsUtc.Should().Be(a.Start.UtcDateTime);
        e.DtEnd!.AsUtc.Should().Be(a.End.UtcDateTime);
        e.Summary.Should().Be("Vaccination for Biscuit at Riverside Veterinary Clinic");
        e.Location.Should().Be(Card.Address);
        e.Uid.Should().Be($"{TheBooking:N}@vetos");
        e.Sequence.Should().Be(3);
        Encoding.UTF8.GetString(file.Content).Should().NotContainAny(OwnerName, OwnerEmail, OwnerPhone);
    }

    [Fact]
    public void WhatsApp_outside_the_window_sends_the_approved_template_and_inside_it_the_text()
    {
        var template = ReminderMessages.WhatsApp("HX1", Appointment(), Card);

        var outside = TextContent.For(MessageChannels.WhatsApp, OwnerPhone, "free text", template, windowOpen: false);
        var inside = TextContent.For(MessageChannels.WhatsApp, OwnerPhone, "free text", template, windowOpen: true);
        var sms = TextContent.For(MessageChannels.Sms, OwnerPhone, "free text", template, windowOpen: false);

        outside.Should().BeEquivalentTo(new OutgoingText("whatsapp", OwnerPhone, null, "HX1",
            new Dictionary<string, string> { ["1"] = "Biscuit", ["2"] = "Tue 24 Nov 10:00", ["3"] = Card.Name }));
        inside.Should().Be(new OutgoingText("whatsapp", OwnerPhone, "free text"));
        sms.Should().Be(new OutgoingText("sms", OwnerPhone, "free text"));
    }
}
