using Npgsql;
using NpgsqlTypes;
using VetOS.Bench.Measurement;

namespace VetOS.Bench.EventStore;

/// <summary>The floor to compare the store with: one connection per worker, one autocommitted INSERT per loop.</summary>
internal static class BareInsertLoop
{
    public static async Task<Throughput> MeasureAsync(BenchContext context, int connections, CancellationToken cancellationToken)
    {
        await context.Database.ExecuteAsync(
            "create schema if not exists bench; create table if not exists bench.bare (id bigserial primary key, data json not null)",
            cancellationToken);
        await context.Database.SettleAsync(cancellationToken);
        return await Throughput.MeasureAsync(
            connections,
            async _ => new Worker(await context.Database.DataSource.OpenConnectionAsync(cancellationToken)),
            context.Options.WarmUp, context.Options.Duration, cancellationToken);
    }

    private sealed class Worker : IWorker
    {
        private readonly NpgsqlConnection connection;
        private readonly NpgsqlCommand insert;

        public Worker(NpgsqlConnection connection)
        {
            this.connection = connection;
            insert = new NpgsqlCommand("insert into bench.bare (data) values ($1)", connection);
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = SampleEvent.BareRowJson, NpgsqlDbType = NpgsqlDbType.Json });
        }

        public async Task<int> StepAsync(CancellationToken cancellationToken) =>
            await insert.ExecuteNonQueryAsync(cancellationToken);

        public async ValueTask DisposeAsync()
        {
            await insert.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
