using System.Reflection;
using VetOS.Domain.Bookings;
using VetOS.Domain.Consents;
using VetOS.Domain.Conversations;
using VetOS.Domain.Events;
using VetOS.Domain.Owners;
using VetOS.Domain.PrivacyRequests;
using VetOS.Infrastructure.EventStore;

namespace VetOS.Infrastructure.Tests.EventStore;

/// <summary>
/// Aggregates switch over their events with a last arm that throws, which the compiler cannot prove unreachable: these
/// facts do. Every event belongs to one aggregate, has a wire-form case pinning its name and shape, and is applied.
/// </summary>
public sealed class EveryEventIsCoveredTests
{
    private sealed record Aggregate(Type Marker, IEnumerable<object[]> WireForms, Action<object> Apply);

    private static readonly Aggregate[] Aggregates =
    [
        new(typeof(IBookingEvent), BookingEventWireFormTests.Events, e => Appointment.None.Apply((IBookingEvent)e)),
        new(typeof(IOwnerEvent), OwnerEventWireFormTests.Events, e => OwnerRecord.Empty(default).Apply((IOwnerEvent)e)),
        new(typeof(IConsentEvent), ConsentEventWireFormTests.Events, e => ConsentLedger.Empty(default, default).Apply((IConsentEvent)e)),
        new(typeof(IConversationEvent), ConversationEventWireFormTests.Events, e => Conversation.Empty(default, default).Apply((IConversationEvent)e)),
        new(typeof(IPrivacyRequestEvent), PrivacyRequestEventWireFormTests.Events, e => PrivacyRequest.None.Apply((IPrivacyRequestEvent)e)),
    ];

    public static TheoryData<Type> EventTypes =>
        new(typeof(EventTypeAttribute).Assembly.GetTypes().Where(t => t.GetCustomAttribute<EventTypeAttribute>() is not null));

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Every_event_belongs_to_exactly_one_aggregate(Type type) =>
        Aggregates.Where(a => a.Marker.IsAssignableFrom(type)).Should().ContainSingle("{0} needs one aggregate's marker interface", type.Name);

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Every_event_has_a_wire_form_case_and_is_registered(Type type)
    {
        WireFormOf(type).Should().NotBeNull("{0} needs a case in its aggregate's wire-form tests", type.Name);
        EventTypeRegistry.FromAssemblies(typeof(EventTypeAttribute).Assembly).For(type).Type.Should().Be(type);
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Every_event_has_an_apply_case(Type type)
    {
        var aggregate = Aggregates.Single(a => a.Marker.IsAssignableFrom(type));
        var domainEvent = WireFormOf(type);
        domainEvent.Should().NotBeNull("{0}'s wire-form case is the instance applied", type.Name);

        aggregate.Invoking(a => a.Apply(domainEvent!)).Should().NotThrow("{0} needs a case in its aggregate's Apply", type.Name);
    }

    private static object? WireFormOf(Type type) =>
        Aggregates.SelectMany(a => a.WireForms).Select(row => row[0]).FirstOrDefault(e => e.GetType() == type);
}
