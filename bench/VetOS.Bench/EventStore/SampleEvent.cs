using System.Text;
using VetOS.Application.EventStore;

namespace VetOS.Bench.EventStore;

/// <summary>An event about the size of a booking event with its metadata, and a bare-loop row of the same size.</summary>
internal static class SampleEvent
{
    public const string Category = "bench";

    private const string DataJson =
        """{"bookingId":"6f1c2a7e-3b0d-4e59-9a51-0c8f0d7b9e21","clinicId":"0b6a4c1e-8d2f-4a3b-b1e7-5f9c2d8a6e40","patientId":"c3d9e8f1-2a4b-4c6d-8e0f-1a2b3c4d5e6f","vetId":"9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b","startsAt":"2025-11-24T09:30:00+00:00","durationMinutes":30,"reason":"Annual vaccination"}""";

    private const string MetadataJson =
        """{"correlationId":"1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a","causationId":null,"actor":"staff:7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d","occurredAt":"2025-11-23T16:00:00+00:00"}""";

    private static readonly byte[] Data = Encoding.UTF8.GetBytes(DataJson);
    private static readonly byte[] Metadata = Encoding.UTF8.GetBytes(MetadataJson);

    public static string BareRowJson { get; } = $$"""{"type":"bench.booked","data":{{DataJson}},"metadata":{{MetadataJson}}}""";

    public static int Size => Data.Length + Metadata.Length;

    public static EventData[] Batch(string type, int count)
    {
        var events = new EventData[count];
        for (var i = 0; i < count; i++)
            events[i] = new EventData(Guid.CreateVersion7(), type, Data, Metadata);
        return events;
    }
}
