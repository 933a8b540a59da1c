using Mediator;
using VetOS.Application.Common;
using VetOS.Domain;

namespace VetOS.Application.Consents;

/// <summary>Recomputes the hash chain of one owner's consent stream and reports the first break: for auditors.</summary>
public sealed record VerifyConsentChainQuery(Guid Clinic, Guid Owner) : IQuery<ChainReport>, IAuditRequest;

public sealed class VerifyConsentChainHandler(IConsentLedgers ledgers) : IQueryHandler<VerifyConsentChainQuery, ChainReport>
{
    public async ValueTask<ChainReport> Handle(VerifyConsentChainQuery query, CancellationToken cancellationToken) =>
        await ledgers.VerifyAsync(new OwnerId(query.Owner), new ClinicId(query.Clinic), cancellationToken);
}
