using Npgsql;
using VetOS.Application.PersonalData;
using VetOS.Infrastructure.Database;

namespace VetOS.Infrastructure.Accounts;

/// <summary>
/// The owner's account: their name, address, phone and how they sign in (the password only as a hash, which is not
/// exported). An account may be a client of several clinics; it goes when it is nobody's client any more, with its
/// tokens, logins and claims, so that confirmation and reset links stop working.
/// </summary>
public sealed class AccountPersonalData(NpgsqlDataSource dataSource) : IPersonalDataHolder
{
    public string Section => "account";

    public async Task<object?> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var account = (await Rows.ReadAsync(dataSource, """
            select id, display_name as name, email, email_confirmed, phone_number as phone, phone_number_confirmed as phone_confirmed,
                   lockout_end, access_failed_count, password_hash is not null as has_password
              from identity.users where id = $1
            """, cancellationToken, subject.Owner.Value)).SingleOrDefault();
        if (account is null)
            return null;
        // Only this clinic's: that the owner is a client of another clinic too is that clinic's to tell, not this one's.
        account["clinics"] = await Rows.ReadAsync(dataSource, """
            select c.clinic_id, k.name as clinic, c.since from owners.clinic_clients c join clinic.clinics k on k.id = c.clinic_id
             where c.owner_id = $1 and c.clinic_id = $2
            """, cancellationToken, subject.Owner.Value, subject.Clinic.Value);
        return account;
    }

    public async Task<ErasedSection> EraseAsync(DataSubject subject, ErasureRules rules, CancellationToken cancellationToken)
    {
        var removed = await Rows.ExecuteAsync(dataSource, """
            delete from identity.users u
             where u.id = $1 and not exists (select from owners.clinic_clients c where c.owner_id = $1 and c.clinic_id <> $2)
            """, cancellationToken, subject.Owner.Value, subject.Clinic.Value);
        if (removed > 0)
            await Rows.ExecuteAsync(dataSource, "delete from auth.sessions where account_id = $1", cancellationToken, subject.Owner.Value);
        var stillClient = removed == 0 && (await Rows.ReadAsync(dataSource, "select 1 from identity.users where id = $1", cancellationToken, subject.Owner.Value)).Count > 0;
        return new(Section, removed, stillClient
            ? [new KeptRecords("the portal account (name, email address, phone)", "the owner is a client of another clinic too, which holds it as well",
                DateOnly.FromDateTime(rules.Now.UtcDateTime))]
            : []);
    }
}
