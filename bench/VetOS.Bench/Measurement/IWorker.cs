namespace VetOS.Bench.Measurement;

/// <summary>One of the parallel loops of a throughput run.</summary>
internal interface IWorker : IAsyncDisposable
{
    /// <summary>Does one operation and returns how many items (rows, events) it wrote.</summary>
    Task<int> StepAsync(CancellationToken cancellationToken);
}
