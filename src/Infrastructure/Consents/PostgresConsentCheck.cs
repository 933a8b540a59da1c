using Npgsql;
using VetOS.Application.Consents;

namespace VetOS.Infrastructure.Consents;

/// <summary>Consent at an instant, from the periods: one indexed look-up per question, or one query for a batch of them.</summary>
public sealed class PostgresConsentCheck(NpgsqlDataSource dataSource) : IConsentCheck
{
    // The one definition of "consented": granted by then, not withdrawn by then, no material notice change since.
    private const string Holds = """
        exists (
          select 1 from consent.periods p
           where p.owner_id = q.owner_id and p.clinic_id = q.clinic_id and p.purpose = q.purpose and p.channel = q.channel
             and p.granted_at <= q.at and (p.withdrawn_at is null or p.withdrawn_at > q.at)
             and not exists (select 1 from consent.notices n
                              where n.clinic_id = p.clinic_id and n.purpose = p.purpose and n.material
                                and n.version > p.notice_version and n.published_at <= q.at))
        """;

    public async Task<bool> HasConsentAsync(Guid owner, Guid clinic, string purpose, string channel, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select {Holds} from (select $1::uuid as owner_id, $2::uuid as clinic_id, $3::text as purpose, $4::text as channel, $5::timestamptz as at) q");
        command.Parameters.AddWithValue(owner);
        command.Parameters.AddWithValue(clinic);
        command.Parameters.AddWithValue(purpose);
        command.Parameters.AddWithValue(channel);
        command.Parameters.AddWithValue(at.ToUniversalTime());
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<IReadOnlyList<bool>> HasConsentAsync(IReadOnlyList<ConsentQuestion> questions, CancellationToken cancellationToken)
    {
        if (questions.Count == 0)
            return [];
        await using var command = dataSource.CreateCommand(
            $"select {Holds} from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[]) with ordinality as q(owner_id, clinic_id, purpose, channel, at, n) order by q.n");
        command.Parameters.AddWithValue(questions.Select(q => q.Owner).ToArray());
        command.Parameters.AddWithValue(questions.Select(q => q.Clinic).ToArray());
        command.Parameters.AddWithValue(questions.Select(q => q.Purpose).ToArray());
        command.Parameters.AddWithValue(questions.Select(q => q.Channel).ToArray());
        command.Parameters.AddWithValue(questions.Select(q => q.At).ToArray());
        var answers = new List<bool>(questions.Count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            answers.Add(reader.GetBoolean(0));
        return answers;
    }
}
