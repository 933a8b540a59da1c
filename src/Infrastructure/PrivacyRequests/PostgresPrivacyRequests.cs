using Npgsql;
using VetOS.Application.Commands;
using VetOS.Application.EventStore;
using VetOS.Application.PrivacyRequests;
using VetOS.Domain;
using VetOS.Domain.PrivacyRequests;
using VetOS.Infrastructure.Database;
using VetOS.Infrastructure.EventStore;

namespace VetOS.Infrastructure.PrivacyRequests;

/// <summary>
/// Requests as event streams <c>privacy-request-{id}</c>. Appending writes, in the same transaction, the rows the queue, the
/// owner's list, the reminders and the export read: the request in <c>privacy.requests</c>, and a step in
/// <c>privacy.request_steps</c> for each event.
/// </summary>
public sealed class PostgresPrivacyRequests(
    NpgsqlDataSource dataSource, PostgresEventStore store, EventStoreNotifier notifier, EventSerializer serializer) : IPrivacyRequests
{
    private const string Columns = """
        id, clinic_id, owner_id, kind, received_via, verification, details, received_at, extended_by_months, extension_reason,
        status, handler_id, outcome, revision, time_zone
        """;

    private readonly WriteSideAppend append = new(dataSource, store, notifier, serializer);
    private readonly EventStreams streams = new(store, serializer);

    public async Task<(PrivacyRequest Request, long Revision)> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await streams.LoadAsync(Streams.PrivacyRequest(id), cancellationToken);
        return (PrivacyRequest.From(loaded.Events.Select(e => (IPrivacyRequestEvent)e.Event)), loaded.Revision);
    }

    public async Task<long> AppendAsync(Guid id, long expectedRevision, IReadOnlyList<object> events, EventMetadata metadata, CancellationToken cancellationToken) =>
        await append.AppendAsync(Streams.PrivacyRequest(id), expectedRevision, await append.SerializeAsync(events, metadata, cancellationToken),
            (connection, transaction, ct) => WriteSideAppend.RunAsync(connection, transaction, events.Cast<IPrivacyRequestEvent>().SelectMany(WriteSide), ct),
            cancellationToken);

    private static IEnumerable<NpgsqlBatchCommand> WriteSide(IPrivacyRequestEvent e)
    {
        if (RowChange(e) is { } row)
            yield return row;
        yield return StepCommand(e.RequestId, PrivacyRequestStep.Of(e));
    }

    private static NpgsqlBatchCommand? RowChange(IPrivacyRequestEvent e) => e switch
    {
        PrivacyRequestFiled or PrivacyRequestLogged => Sql.BatchCommand($"""
            insert into privacy.requests ({Columns}, due_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
            """, Values(PrivacyRequest.None.Apply(e))),
        RequesterIdentityVerified v => Changed("verification = $2, status = $3, handler_id = $4", v.RequestId, v.How,
            StatusName(PrivacyRequestStatus.IdentityVerified), v.Handler),
        PrivacyRequestStarted s => Changed("status = $2, handler_id = $3", s.RequestId, StatusName(PrivacyRequestStatus.InProgress), s.Handler),
        PrivacyRequestExtended x => Changed("extended_by_months = extended_by_months + $2, extension_reason = $3, due_at = $4",
            x.RequestId, x.Months, x.Reason, x.DueAt),
        PrivacyRequestCompleted c => Closed(c.RequestId, PrivacyRequestStatus.Completed, c.Outcome, c.Handler),
        ErasureRequestCompleted c => Closed(c.RequestId, PrivacyRequestStatus.Completed, c.Outcome, c.Handler),
        CorrectionRequestCompleted c => Closed(c.RequestId, PrivacyRequestStatus.Completed, PrivacyRequest.CorrectionOutcome(c.Why), c.Handler),
        PrivacyRequestPartlyRefused r => Closed(r.RequestId, PrivacyRequestStatus.PartlyRefused, r.Reasons, r.Handler),
        _ => null, // steps that change nothing in the request
    };

    private static NpgsqlBatchCommand Closed(Guid id, PrivacyRequestStatus status, string outcome, Guid handler) =>
        Changed("status = $2, outcome = $3, handler_id = $4", id, StatusName(status), outcome, handler);

    private static NpgsqlBatchCommand Changed(string set, Guid id, params object?[] values) =>
        Sql.BatchCommand($"update privacy.requests set {set}, revision = revision + 1 where id = $1", [id, .. values]);

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
        await using var command = Sql.Command(dataSource, "select at, by, what, note from privacy.request_steps where request_id = $1 order by at, ctid", id);
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
        await using var command = Sql.Command(dataSource, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<PrivacyRequest>();
        while (await reader.ReadAsync(cancellationToken))
            found.Add(new PrivacyRequest(
                reader.GetGuid(0), new ClinicId(reader.GetGuid(1)), new OwnerId(reader.GetGuid(2)), Enum.Parse<PrivacyRequestKind>(reader.GetString(3), true),
                reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7), reader.GetInt32(8),
                reader.IsDBNull(9) ? null : reader.GetString(9), ParseStatus(reader.GetString(10)), reader.IsDBNull(11) ? null : reader.GetGuid(11),
                reader.IsDBNull(12) ? null : reader.GetString(12), reader.GetInt64(13)) { Calendar = PrivacyRequest.CalendarOf(reader.GetString(14)) });
        return found;
    }

    private static object?[] Values(PrivacyRequest r) =>
    [
        r.Id, r.Clinic.Value, r.Owner.Value, r.Kind.ToString().ToLowerInvariant(), r.ReceivedVia, r.Verification, r.Details, r.ReceivedAt,
        r.ExtendedByMonths, r.ExtensionReason, StatusName(r.Status), r.Handler, r.Outcome, r.Revision, r.Calendar.Id, r.DueAt,
    ];

    private static NpgsqlBatchCommand StepCommand(Guid id, PrivacyRequestStep step) =>
        Sql.BatchCommand("insert into privacy.request_steps (request_id, at, by, what, note) values ($1, $2, $3, $4, $5)", id, step.At, step.By, step.What, step.Note);
}
