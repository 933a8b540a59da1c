using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VetOS.Application.Messaging;
using VetOS.Domain;
using VetOS.Infrastructure.Messaging.Dispatch;

namespace VetOS.Infrastructure.Tests.Messaging;

/// <summary>The messaging services as the host composes them, on a database of their own, with a fake clock and a fake provider.</summary>
public sealed class MessagingHost : IAsyncLifetime
{
    public static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase database = new();

    public TestDatabase Database => database;

    public FakeTimeProvider Clock { get; } = new(Monday);

    public FakeProvider Provider { get; } = new();

    public ServiceProvider Services { get; private set; } = null!;

    public IMessageQueue Queue => Services.GetRequiredService<IMessageQueue>();

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Messaging:Dispatcher:IdlePoll"] = "00:00:00.100",
            ["Messaging:Dispatcher:FirstRetryDelay"] = "00:00:30",
            ["Messaging:Dispatcher:MaxAttempts"] = "3",
            ["Messaging:Retention:PurgeBatch"] = "2",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(Clock);
        services.AddVetOSInfrastructure(database.ConnectionString, configuration);
        services.AddSingleton<IEmailProvider>(Provider).AddSingleton<ITextProvider>(Provider);
        Services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await database.DisposeAsync();
    }

    /// <summary>Runs the dispatcher until the returned handle is disposed.</summary>
    public async Task<IAsyncDisposable> DispatcherAsync()
    {
        var stop = new CancellationTokenSource();
        var run = Task.Run(() => Services.GetRequiredService<MessageDispatcher>().RunAsync(stop.Token));
        await Eventually.Until(() => database.ScalarAsync<bool>("select exists (select 1 from pg_locks where locktype = 'advisory' and granted and database = (select oid from pg_database where datname = current_database()))"), held => held,
            because: "the dispatcher takes its lock");
        return new Running(stop, run);
    }

    public static string NewRecipient() => $"{Guid.NewGuid():N}@example.org";

    public QueuedMessage Message(string recipient, DateTimeOffset? due = null, string? purpose = null, Guid? owner = null, Guid? clinic = null,
        string channel = MessageChannels.Email, string? dedupKey = null) =>
        new(Guid.CreateVersion7(), clinic, owner, channel, "test", purpose, null, dedupKey, recipient, "Subject", "Body", due ?? Clock.GetUtcNow());

    public Task<string> StatusOf(Guid message) => database.ScalarAsync<string>("select status from messaging.messages where id = $1", message);

    public Task<string> WhenStatus(Guid message, string status) =>
        Eventually.Until(() => StatusOf(message), s => s == status, because: $"message {message} becomes {status}");

    /// <summary>The message's delivery log, one "attempt status error-code" line per entry.</summary>
    public async Task<IReadOnlyList<string>> Log(Guid message)
    {
        await using var command = database.DataSource.CreateCommand(
            "select attempt || ' ' || status || ' ' || coalesce(error_code, '') from messaging.delivery_log where message_id = $1 order by id");
        command.Parameters.AddWithValue(message);
        await using var reader = await command.ExecuteReaderAsync();
        var entries = new List<string>();
        while (await reader.ReadAsync())
            entries.Add(reader.GetString(0));
        return entries;
    }

    private sealed class Running(CancellationTokenSource stop, Task<bool> run) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            (await run).Should().BeTrue("the dispatcher ran");
            stop.Dispose();
        }
    }
}
