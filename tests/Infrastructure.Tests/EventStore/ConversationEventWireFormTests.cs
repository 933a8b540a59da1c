using System.Text.Json;
using VetOS.Domain.Conversations;
using VetOS.Infrastructure.EventStore;

namespace VetOS.Infrastructure.Tests.EventStore;

/// <summary>Conversation events are stored for good: their name and JSON shape never change, and what was written is sealed.</summary>
public sealed class ConversationEventWireFormTests
{
    private static readonly Guid Owner = Guid.Parse("11111111-1111-1111-1111-111111111111");
    private static readonly Guid Clinic = Guid.Parse("33333333-3333-3333-3333-333333333333");
    private static readonly Guid Message = Guid.Parse("44444444-4444-4444-4444-444444444444");
    private static readonly Guid Staff = Guid.Parse("55555555-5555-5555-5555-555555555555");
    private static readonly DateTimeOffset At = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<object, string, string> Events => new()
    {
        { new OwnerWrote(Owner, Clinic, Message, "Is Rex due his booster?", null, null, "owner:x", At), "conversation.v1.owner-wrote",
          """{"ownerId":"11111111-1111-1111-1111-111111111111","clinicId":"33333333-3333-3333-3333-333333333333","messageId":"44444444-4444-4444-4444-444444444444","body":"Is Rex due his booster?","aboutPet":null,"aboutAppointment":null,"by":"owner:x","at":"2026-12-07T09:00:00+00:00"}""" },
        { new ClinicWrote(Owner, Clinic, Message, "Yes, in March.", Staff, "staff:y", At), "conversation.v1.clinic-wrote",
          """{"ownerId":"11111111-1111-1111-1111-111111111111","clinicId":"33333333-3333-3333-3333-333333333333","messageId":"44444444-4444-4444-4444-444444444444","body":"Yes, in March.","staffId":"55555555-5555-5555-5555-555555555555","by":"staff:y","at":"2026-12-07T09:00:00+00:00"}""" },
        { new ReadByClinic(Owner, Clinic, Message, Staff, "staff:y", At), "conversation.v1.read-by-clinic",
          """{"ownerId":"11111111-1111-1111-1111-111111111111","clinicId":"33333333-3333-3333-3333-333333333333","upTo":"44444444-4444-4444-4444-444444444444","staffId":"55555555-5555-5555-5555-555555555555","by":"staff:y","at":"2026-12-07T09:00:00+00:00"}""" },
        { new ConversationSettled(Owner, Clinic, Staff, "staff:y", At), "conversation.v1.settled",
          """{"ownerId":"11111111-1111-1111-1111-111111111111","clinicId":"33333333-3333-3333-3333-333333333333","staffId":"55555555-5555-5555-5555-555555555555","by":"staff:y","at":"2026-12-07T09:00:00+00:00"}""" },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void A_conversation_event_keeps_its_name_and_json_shape(object domainEvent, string name, string json)
    {
        var registry = EventTypeRegistry.FromAssemblies(typeof(OwnerWrote).Assembly);

        registry.For(domainEvent.GetType()).Name.Should().Be(name);
        JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), EventSerializer.Json).Should().Be(json);
        JsonSerializer.Deserialize(json, domainEvent.GetType(), EventSerializer.Json).Should().Be(domainEvent);
    }

    [Fact]
    public void What_was_written_is_the_owners_personal_data_sealed_under_the_clinic()
    {
        var registry = EventTypeRegistry.FromAssemblies(typeof(OwnerWrote).Assembly);

        foreach (var type in new[] { typeof(OwnerWrote), typeof(ClinicWrote) })
            registry.For(type).Should().Match<EventShape>(s =>
                s.SubjectField == "ownerId" && s.ControllerField == "clinicId" && s.PersonalFields.SequenceEqual(new[] { "body" }));
    }
}
