using FluentValidation;
using Mediator;
using VetOS.Application.Common;
using VetOS.Domain;
using VetOS.Domain.PrivacyRequests;

namespace VetOS.Application.PrivacyRequests;

/// <summary>
/// The export of an access request, as JSON or as the readable summary: only for the owner it is about and the staff
/// member handling the request, only until it expires. Each download is a step on the request; a staff download is
/// also in the access log.
/// </summary>
/// <remarks><paramref name="Clinic"/>: when asked through a clinic's address, the request must be that clinic's.</remarks>
public sealed record DownloadAccessExportQuery(Guid Request, string Format, Guid? Clinic = null) : IQuery<ExportDownload>, IAuthenticatedRequest;

public sealed record ExportDownload(Guid ClinicId, Guid OwnerId, string? Document, string? Refusal) : IShowsOwnerData
{
    public const string Expired = "expired";
    public const string NotReady = "not-ready";
    public const string NotFound = "not-found";

    Guid IShowsOwnerData.Clinic => ClinicId;
    string IShowsOwnerData.Record => "access export";
    IEnumerable<Guid> IShowsOwnerData.OwnersShown => Document is null ? [] : [OwnerId];
}

public sealed class DownloadAccessExportValidator : AbstractValidator<DownloadAccessExportQuery>
{
    public DownloadAccessExportValidator() => RuleFor(q => q.Format).Must(f => f is "json" or "html").WithMessage("Ask for json or html.");
}

public sealed class DownloadAccessExportHandler(
    IPrivacyRequests requests, PrivacyRequestRunner runner, IAccessExports exports, ICurrentActor current, TimeProvider clock)
    : IQueryHandler<DownloadAccessExportQuery, ExportDownload>
{
    public async ValueTask<ExportDownload> Handle(DownloadAccessExportQuery query, CancellationToken cancellationToken)
    {
        var request = await requests.FindAsync(query.Request, cancellationToken);
        var actor = current.Actor!;
        if (request is null || !MayDownload(actor, request) || query.Clinic is { } clinic && clinic != request.Clinic.Value)
            return new(Guid.Empty, Guid.Empty, null, ExportDownload.NotFound);
        var status = await exports.StatusAsync(request.Id, cancellationToken);
        if (status is not { Status: "ready" })
            return new(request.Clinic.Value, request.Owner.Value, null, ExportDownload.NotReady);
        if (status.ExpiresAt <= clock.GetUtcNow())
            return new(request.Clinic.Value, request.Owner.Value, null, ExportDownload.Expired);
        var document = await exports.DocumentAsync(request.Id, query.Format, cancellationToken);
        await runner.ChangeAsync(request.Clinic.Value, request.Id, null, (r, by, at) => r.RecordDownload(query.Format, by, at), cancellationToken);
        return new(request.Clinic.Value, request.Owner.Value, document, null);
    }

    private static bool MayDownload(Actor actor, PrivacyRequest request) =>
        actor.Role == ActorRole.Owner ? actor.Id == request.Owner.Value : actor.IsStaffOf(request.Clinic) && request.Handler == actor.Id;
}
