using System.Text.Json;
using System.Text.Json.Nodes;
using VetOS.Application.EventStore;
using VetOS.Application.PersonalData;
using VetOS.Infrastructure.PersonalData;

namespace VetOS.Infrastructure.EventStore;

/// <summary>Turns domain events into stored JSON and back, sealing and opening personal fields on the way.</summary>
public sealed class EventSerializer(EventTypeRegistry registry, IPersonalDataKeys keys)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public EventTypeRegistry Registry => registry;

    public async Task<EventData> SerializeAsync(object domainEvent, EventMetadata metadata, Guid? eventId = null, CancellationToken cancellationToken = default)
    {
        var shape = registry.For(domainEvent.GetType());
        var node = JsonSerializer.SerializeToNode(domainEvent, shape.Type, Json)!.AsObject();
        if (shape.HasPersonalData)
        {
            var owner = SubjectOf(node, shape);
            var clinicSubject = ClinicSubjectOf(node, shape, owner);
            var subject = clinicSubject ?? owner;
            var key = await keys.GetOrCreateAsync(subject, cancellationToken);
            foreach (var field in shape.PersonalFields)
            {
                if (node[field] is JsonValue value && value.TryGetValue<string>(out var text))
                    node[field] = PersonalDataCipher.Seal(key, subject, text, forClinic: clinicSubject is not null);
            }
        }
        return new EventData(
            eventId ?? Guid.CreateVersion7(), // time-ordered ids keep the event-id index appending at its end
            shape.Name,
            JsonSerializer.SerializeToUtf8Bytes(node, Json),
            JsonSerializer.SerializeToUtf8Bytes(metadata, Json));
    }

    /// <summary>Deserializes a page of events, fetching the keys they need in one look-up.</summary>
    public async Task<IReadOnlyList<StoredEvent>> DeserializeAsync(IReadOnlyList<RecordedEvent> recorded, CancellationToken cancellationToken = default)
    {
        var parsed = new List<(RecordedEvent Recorded, EventShape Shape, JsonObject? Node)>(recorded.Count);
        var subjects = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in recorded)
        {
            if (!registry.TryGet(e.Type, out var shape))
                throw new UnknownEventTypeException(e.Type, e.Stream, e.StreamRevision);
            JsonObject? node = null;
            if (shape.HasPersonalData)
            {
                node = JsonNode.Parse(e.Data.Span)!.AsObject();
                var owner = SubjectOf(node, shape);
                subjects.Add(owner);
                if (ClinicSubjectOf(node, shape, owner) is { } clinicSubject)
                    subjects.Add(clinicSubject);
            }
            parsed.Add((e, shape, node));
        }

        var found = await keys.FindAsync(subjects, cancellationToken);
        return parsed.Select(p => new StoredEvent(
                p.Node is null ? JsonSerializer.Deserialize(p.Recorded.Data.Span, p.Shape.Type, Json)! : Open(p.Node, p.Shape, found),
                JsonSerializer.Deserialize<EventMetadata>(p.Recorded.Metadata.Span, Json)!,
                p.Recorded.Stream,
                p.Recorded.StreamRevision,
                p.Recorded.Position,
                p.Recorded.EventId))
            .ToList();
    }

    /// <summary>Each field opens with the key it was sealed with: fields sealed before clinics had keys of their own use the owner's.</summary>
    private static object Open(JsonObject node, EventShape shape, IReadOnlyDictionary<string, byte[]> keys)
    {
        var ownerSubject = SubjectOf(node, shape);
        var clinicSubject = ClinicSubjectOf(node, shape, ownerSubject);
        foreach (var field in shape.PersonalFields)
        {
            if (node[field] is JsonValue value && value.TryGetValue<string>(out var text) && PersonalDataCipher.IsSealed(text))
            {
                var subject = PersonalDataCipher.IsSealedForClinic(text)
                    ? clinicSubject ?? throw new InvalidEventException($"A {shape.Name} event sealed for a clinic names none in '{shape.ControllerField}'.")
                    : ownerSubject;
                node[field] = PersonalDataCipher.Open(keys.GetValueOrDefault(subject), subject, text);
            }
        }
        return node.Deserialize(shape.Type, Json)!;
    }

    /// <summary>The subject's key at the clinic controlling the data, when the event names one.</summary>
    private static string? ClinicSubjectOf(JsonObject node, EventShape shape, string owner) =>
        shape.ControllerField is { } field && node[field] is JsonValue value && value.TryGetValue<string>(out var clinic) && clinic.Length > 0
            ? SubjectKeys.Of(clinic, owner)
            : null;

    private static string SubjectOf(JsonObject node, EventShape shape) =>
        node[shape.SubjectField!] is JsonValue value && value.TryGetValue<string>(out var subject) && subject.Length > 0
            ? subject
            : throw new InvalidEventException($"A {shape.Name} event has personal data but no data subject in '{shape.SubjectField}'.");
}
