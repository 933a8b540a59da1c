namespace VetOS.Infrastructure.Jobs;

/// <summary>Hangfire's settings (section <c>Jobs</c>).</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Run a Hangfire server (workers and the recurring jobs) in this process; off where nothing needs background work.</summary>
    public bool RunServer { get; set; }

    /// <summary>Workers of this instance's server: one is taken by the dispatcher while this instance runs it.</summary>
    public int WorkerCount { get; set; } = 4;

    /// <summary>How often idle workers look for jobs enqueued by other instances (jobs enqueued here wake them at once).</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(15);
}
