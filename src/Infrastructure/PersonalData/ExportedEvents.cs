using VetOS.Application.EventStore;
using VetOS.Domain.Events;

namespace VetOS.Infrastructure.PersonalData;

/// <summary>An event as the access export shows it: what happened, when, who did it, and its data (personal fields opened).</summary>
public sealed record ExportedEvent(long Revision, string Type, DateTimeOffset OccurredAt, string Actor, object Data);

public static class ExportedEvents
{
    public static async Task<IReadOnlyList<ExportedEvent>> OfAsync(IEventStreams streams, StreamName stream, CancellationToken cancellationToken) =>
        (await streams.LoadAsync(stream, cancellationToken)).Events
            .Select(e => new ExportedEvent(e.Revision, TypeOf(e.Event), e.Metadata.OccurredAt, e.Metadata.Actor, e.Event))
            .ToList();

    private static string TypeOf(object e) =>
        e.GetType().GetCustomAttributes(typeof(EventTypeAttribute), false).Cast<EventTypeAttribute>().Single().Name;
}
