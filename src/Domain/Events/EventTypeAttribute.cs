namespace VetOS.Domain.Events;

/// <summary>The stable wire name of an event, e.g. <c>booking.v1.requested</c>. Once written it never changes.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
