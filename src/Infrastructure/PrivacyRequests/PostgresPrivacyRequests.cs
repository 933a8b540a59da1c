using Npgsql;
using VetOS.Application.PrivacyRequests;
using VetOS.Domain;
using VetOS.Domain.PrivacyRequests;

namespace VetOS.Infrastructure.PrivacyRequests;

/// <summary>Requests in <c>privacy.requests</c>, each saved with its step in one transaction, guarded by its revision.</summary>
public sealed class PostgresPrivacyRequests(NpgsqlDataSource dataSource) : IPrivacyRequests
{
    private const string Columns = """
        id, clinic_id, owner_id, kind, received_via, verification, details, received_at, extended_by_months, extension_reason,
        status, handler_id, outcome, revision
        """;

    public async Task AddAsync(PrivacyRequest request, PrivacyRequestStep step, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command($"""
            insert into privacy.requests ({Columns}, due_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
            """, Values(request)));
        batch.BatchCommands.Add(StepCommand(request.Id, step));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> SaveAsync(PrivacyRequest next, PrivacyRequestStep step, long expectedRevision, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var update = new NpgsqlBatch(connection, transaction))
        {
            update.BatchCommands.Add(Command("""
                update privacy.requests
                   set verification = $2, extended_by_months = $4, extension_reason = $5, status = $6, handler_id = $7,
                       outcome = $8, revision = $9, due_at = $10
                 where id = $1 and revision = $11
                """, next.Id, next.Verification, "", next.ExtendedByMonths, next.ExtensionReason, StatusName(next.Status), next.Handler,
                next.Outcome, next.Revision, next.DueAt, expectedRevision));
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
                return false;
        }
        await using (var insert = new NpgsqlBatch(connection, transaction))
        {
            insert.BatchCommands.Add(StepCommand(next.Id, step));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task AddStepAsync(Guid id, PrivacyRequestStep step, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(StepCommand(id, step));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<PrivacyRequest?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        (await QueryAsync($"select {Columns} from privacy.requests where id = $1", cancellationToken, id)).SingleOrDefault();

    public Task<IReadOnlyList<PrivacyRequest>> ForClinicAsync(ClinicId clinic, bool openOnly, CancellationToken cancellationToken) =>
        QueryAsync($"""
            select {Columns} from privacy.requests
             where clinic_id = $1 and (not $2 or status not in ('completed', 'partly-refused'))
             order by due_at, id
            """, cancellationToken, clinic.Value, openOnly);

    public Task<IReadOnlyList<PrivacyRequest>> ForOwnerAsync(OwnerId owner, CancellationToken cancellationToken) =>
        QueryAsync($"select {Columns} from privacy.requests where owner_id = $1 order by received_at desc, id", cancellationToken, owner.Value);

    public Task<IReadOnlyList<PrivacyRequest>> OpenDueBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        QueryAsync($"""
            select {Columns} from privacy.requests
             where status not in ('completed', 'partly-refused') and due_at < $1
             order by clinic_id, due_at
            """, cancellationToken, before);

    public async Task<IReadOnlyList<PrivacyRequestStep>> StepsAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select at, by, what, note from privacy.request_steps where request_id = $1 order by at, ctid");
        command.Parameters.AddWithValue(id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var steps = new List<PrivacyRequestStep>();
        while (await reader.ReadAsync(cancellationToken))
            steps.Add(new(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        return steps;
    }

    public static string StatusName(PrivacyRequestStatus status) => status switch
    {
        PrivacyRequestStatus.Received => "received",
        PrivacyRequestStatus.IdentityVerified => "identity-verified",
        PrivacyRequestStatus.InProgress => "in-progress",
        PrivacyRequestStatus.Completed => "completed",
        _ => "partly-refused",
    };

    private static PrivacyRequestStatus ParseStatus(string status) =>
        Enum.GetValues<PrivacyRequestStatus>().Single(s => StatusName(s) == status);

    private async Task<IReadOnlyList<PrivacyRequest>> QueryAsync(string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
            command.Parameters.AddWithValue(parameter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<PrivacyRequest>();
        while (await reader.ReadAsync(cancellationToken))
            found.Add(new PrivacyRequest(
                reader.GetGuid(0), new ClinicId(reader.GetGuid(1)), new OwnerId(reader.GetGuid(2)), Enum.Parse<PrivacyRequestKind>(reader.GetString(3), true),
                reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7), reader.GetInt32(8),
                reader.IsDBNull(9) ? null : reader.GetString(9), ParseStatus(reader.GetString(10)), reader.IsDBNull(11) ? null : reader.GetGuid(11),
                reader.IsDBNull(12) ? null : reader.GetString(12), reader.GetInt64(13)));
        return found;
    }

    private static object?[] Values(PrivacyRequest r) =>
    [
        r.Id, r.Clinic.Value, r.Owner.Value, r.Kind.ToString().ToLowerInvariant(), r.ReceivedVia, r.Verification, r.Details, r.ReceivedAt,
        r.ExtendedByMonths, r.ExtensionReason, StatusName(r.Status), r.Handler, r.Outcome, r.Revision, r.DueAt,
    ];

    private static NpgsqlBatchCommand StepCommand(Guid id, PrivacyRequestStep step) =>
        Command("insert into privacy.request_steps (request_id, at, by, what, note) values ($1, $2, $3, $4, $5)", id, step.At, step.By, step.What, step.Note);

    private static NpgsqlBatchCommand Command(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
            command.Parameters.Add(Parameter(value));
        return command;
    }

    private static NpgsqlParameter Parameter(object? value) => value switch
    {
        null => new NpgsqlParameter { Value = DBNull.Value },
        _ => new NpgsqlParameter { Value = value },
    };
}
