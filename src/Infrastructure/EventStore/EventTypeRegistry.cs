using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using VetOS.Domain.Events;

namespace VetOS.Infrastructure.EventStore;

/// <summary>The event types this build knows, by their stable wire names, and which of their fields are personal.</summary>
public sealed class EventTypeRegistry
{
    private readonly FrozenDictionary<string, EventShape> byName;
    private readonly FrozenDictionary<Type, EventShape> byType;

    public EventTypeRegistry(IEnumerable<Type> eventTypes)
    {
        var shapes = eventTypes.Select(Describe).ToList();
        var duplicate = shapes.GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Event type name '{duplicate.Key}' is used by {string.Join(" and ", duplicate.Select(s => s.Type.Name))}.");
        byName = shapes.ToFrozenDictionary(s => s.Name, StringComparer.Ordinal);
        byType = shapes.ToFrozenDictionary(s => s.Type);
    }

    /// <summary>Every type marked with <see cref="EventTypeAttribute"/> in the given assemblies.</summary>
    public static EventTypeRegistry FromAssemblies(params Assembly[] assemblies) =>
        new(assemblies.SelectMany(a => a.GetTypes()).Where(t => t.GetCustomAttribute<EventTypeAttribute>() is not null));

    public bool TryGet(string name, out EventShape shape) => byName.TryGetValue(name, out shape!);

    public EventShape For(Type type) => byType.TryGetValue(type, out var shape)
        ? shape
        : throw new InvalidOperationException($"{type.Name} is not a registered event type; mark it with [EventType] in an assembly the registry scans.");

    public IEnumerable<EventShape> All => byName.Values;

    private static EventShape Describe(Type type)
    {
        var name = type.GetCustomAttribute<EventTypeAttribute>()?.Name
            ?? throw new InvalidOperationException($"{type.Name} has no [EventType] name.");
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var personal = properties.Where(p => p.GetCustomAttribute<PersonalDataAttribute>() is not null).ToList();
        var subjects = properties.Where(p => p.GetCustomAttribute<DataSubjectAttribute>() is not null).ToList();
        var controllers = properties.Where(p => p.GetCustomAttribute<DataControllerAttribute>() is not null).ToList();
        if (personal.Find(p => p.PropertyType != typeof(string)) is { } notText)
            throw new InvalidOperationException($"{type.Name}.{notText.Name} is personal data but not a string; only text can be sealed.");
        if (personal.Count > 0 && subjects.Count != 1)
            throw new InvalidOperationException($"{type.Name} has personal data, so exactly one property must be its [DataSubject].");
        if (controllers.Count > 1)
            throw new InvalidOperationException($"{type.Name} names more than one [DataController].");
        return new EventShape(
            name,
            type,
            personal.Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToArray(),
            subjects.Count == 1 ? JsonNamingPolicy.CamelCase.ConvertName(subjects[0].Name) : null,
            controllers.Count == 1 ? JsonNamingPolicy.CamelCase.ConvertName(controllers[0].Name) : null);
    }
}

public sealed record EventShape(string Name, Type Type, IReadOnlyList<string> PersonalFields, string? SubjectField, string? ControllerField = null)
{
    public bool HasPersonalData => PersonalFields.Count > 0;
}
