using System.Text.Json;
using VetOS.Domain.Consents;
using VetOS.Infrastructure.EventStore;

namespace VetOS.Infrastructure.Tests.EventStore;

/// <summary>Consent events are the evidence auditors replay: once written, their name and JSON shape never change.</summary>
public sealed class ConsentEventWireFormTests
{
    private static readonly Guid Owner = Guid.Parse("11111111-1111-1111-1111-111111111111");
    private static readonly Guid Clinic = Guid.Parse("33333333-3333-3333-3333-333333333333");
    private static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<object, string, string> Events => new()
    {
        { new ConsentGranted(Owner, Clinic, "appointment-reminders", "sms", "portal", 2, "ab12", "203.0.113.7", "Firefox", null, null, "owner:x", At), "consent.v1.granted",
          """{"ownerId":"11111111-1111-1111-1111-111111111111","clinicId":"33333333-3333-3333-3333-333333333333","purpose":"appointment-reminders","channel":"sms","source":"portal","noticeVersion":2,"noticeHash":"ab12","ipAddress":"203.0.113.7","userAgent":"Firefox","messageId":null,"note":null,"by":"owner:x","at":"2026-11-23T09:00:00+00:00"}""" },
        { new ConsentWithdrawn(Owner, Clinic, "appointment-reminders", "sms", "inbound-message", 2, "ab12", null, null, "SM123", null, "inbound-message:SM123", At), "consent.v1.withdrawn",
          """{"ownerId":"11111111-1111-1111-1111-111111111111","clinicId":"33333333-3333-3333-3333-333333333333","purpose":"appointment-reminders","channel":"sms","source":"inbound-message","noticeVersion":2,"noticeHash":"ab12","ipAddress":null,"userAgent":null,"messageId":"SM123","note":null,"by":"inbound-message:SM123","at":"2026-11-23T09:00:00+00:00"}""" },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void A_consent_event_keeps_its_name_and_json_shape(object domainEvent, string name, string json)
    {
        var registry = EventTypeRegistry.FromAssemblies(typeof(ConsentGranted).Assembly);

        registry.For(domainEvent.GetType()).Name.Should().Be(name);
        JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), EventSerializer.Json).Should().Be(json);
        JsonSerializer.Deserialize(json, domainEvent.GetType(), EventSerializer.Json).Should().Be(domainEvent);
    }

    [Fact]
    public void The_ip_address_user_agent_and_staff_note_are_personal_data_of_the_owner()
    {
        var registry = EventTypeRegistry.FromAssemblies(typeof(ConsentGranted).Assembly);

        foreach (var type in new[] { typeof(ConsentGranted), typeof(ConsentWithdrawn) })
            registry.For(type).Should().Match<EventShape>(s => s.SubjectField == "ownerId" && s.PersonalFields.SequenceEqual(new[] { "ipAddress", "userAgent", "note" }));
    }
}
