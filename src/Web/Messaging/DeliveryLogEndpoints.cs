using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using VetOS.Application.Messaging;

namespace VetOS.Web.Messaging;

/// <summary>The delivery log and its retention purges, for the clinic's auditors and admins.</summary>
public static class DeliveryLogEndpoints
{
    public static IEndpointRouteBuilder MapDeliveryLog(this IEndpointRouteBuilder app)
    {
        var clinic = app.MapGroup("/api/clinics/{clinicId:guid}/delivery-log").WithTags("Audit");
        clinic.MapGet("/", DeliveryLog)
            .WithSummary("Each message the clinic sent with its attempts and statuses, by owner, period and status; no recipients or content (auditors and clinic admins)");
        clinic.MapGet("/purges", Purges)
            .WithSummary("The retention purges of the delivery log: when, how many messages, the span purged (auditors and clinic admins)");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<DeliveryLogEntry>>> DeliveryLog(Guid clinicId, Guid? owner, DateTimeOffset? from, DateTimeOffset? to,
        string? status, int? limit, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetDeliveryLogQuery(clinicId, owner, from, to, status, limit), ct));

    public static async Task<Ok<IReadOnlyList<DeliveryLogPurge>>> Purges(Guid clinicId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetDeliveryLogPurgesQuery(clinicId), ct));
}
