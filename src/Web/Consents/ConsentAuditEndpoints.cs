using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using VetOS.Application.Consents;
using VetOS.Web.Http;

namespace VetOS.Web.Consents;

/// <summary>The auditor's view of consent: one owner's history, state as of an instant and chain; the clinic's report and changes. JSON, or CSV on request.</summary>
public static class ConsentAuditEndpoints
{
    public static IEndpointRouteBuilder MapConsentAudit(this IEndpointRouteBuilder app)
    {
        var clinic = app.MapGroup("/api/clinics/{clinicId:guid}").WithTags("Consent audit");
        clinic.MapGet("/consents/{ownerId:guid}/history", History)
            .WithSummary("Every consent change of one owner, oldest first, with its evidence and chain hash (auditors and admins; CSV with ?format=csv)");
        clinic.MapGet("/consents/{ownerId:guid}", AsOf)
            .WithSummary("Every purpose and channel of one owner as of an instant (default now), from the projection or replayed from the events (source=events)");
        clinic.MapGet("/consents/{ownerId:guid}/chain", Chain).WithSummary("Recompute one owner's consent hash chain and report the first break");
        clinic.MapGet("/consents", InForce)
            .WithSummary("Every consent in force at the clinic now or as of an instant: owner ids, purposes, channels, since (streamed)");
        clinic.MapGet("/consent-changes", Changes).WithSummary("Grants and withdrawals at the clinic from one instant to another, oldest first (streamed)");
        return app;
    }

    public static async Task<Results<Ok<ConsentHistory>, PushStreamHttpResult>> History(
        Guid clinicId, Guid ownerId, IMediator mediator, HttpContext context, CancellationToken ct)
    {
        var history = await mediator.Send(new GetConsentHistoryQuery(clinicId, ownerId), ct);
        return Csv.IsWanted(context.Request) ? Csv.Export(history.Events, $"consent-history-{ownerId}.csv", HistoryColumns) : TypedResults.Ok(history);
    }

    public static async Task<Results<Ok<ConsentAsOf>, PushStreamHttpResult>> AsOf(Guid clinicId, Guid ownerId, DateTimeOffset? at, string? source,
        IMediator mediator, HttpContext context, CancellationToken ct)
    {
        var asOf = await mediator.Send(new GetConsentAsOfQuery(clinicId, ownerId, at, source), ct);
        return Csv.IsWanted(context.Request) ? Csv.Export(asOf.Consents, $"consent-{ownerId}.csv", StateColumns) : TypedResults.Ok(asOf);
    }

    public static async Task<Ok<ChainReport>> Chain(Guid clinicId, Guid ownerId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new VerifyConsentChainQuery(clinicId, ownerId), ct));

    public static async Task<Results<Ok<ClinicConsentReport>, PushStreamHttpResult>> InForce(
        Guid clinicId, DateTimeOffset? at, IMediator mediator, HttpContext context, CancellationToken ct)
    {
        var report = await mediator.Send(new GetClinicConsentsQuery(clinicId, at), ct);
        return Csv.IsWanted(context.Request) ? Csv.Export(report.Consents, "consents.csv", ConsentColumns) : TypedResults.Ok(report);
    }

    public static async Task<Results<Ok<ConsentChangeReport>, PushStreamHttpResult>> Changes(
        Guid clinicId, DateTimeOffset? from, DateTimeOffset? to, IMediator mediator, HttpContext context, CancellationToken ct)
    {
        var report = await mediator.Send(new GetConsentChangesQuery(clinicId, from, to), ct);
        return Csv.IsWanted(context.Request) ? Csv.Export(report.Changes, "consent-changes.csv", ChangeColumns) : TypedResults.Ok(report);
    }

    private static readonly CsvColumn<ConsentHistoryEntry>[] HistoryColumns =
    [
        new("revision", e => e.Revision), new("change", e => e.Change), new("purpose", e => e.Purpose), new("channel", e => e.Channel),
        new("source", e => e.Source), new("by", e => e.By), new("at", e => e.At), new("noticeVersion", e => e.NoticeVersion),
        new("noticeHash", e => e.NoticeHash), new("ipAddress", e => e.IpAddress), new("userAgent", e => e.UserAgent),
        new("messageId", e => e.MessageId), new("note", e => e.Note), new("hash", e => e.Hash),
    ];

    private static readonly CsvColumn<ConsentState>[] StateColumns =
    [
        new("purpose", s => s.Purpose), new("channel", s => s.Channel), new("status", s => s.Status), new("since", s => s.Since),
        new("noticeVersion", s => s.NoticeVersion), new("source", s => s.Source),
    ];

    private static readonly CsvColumn<ClinicConsent>[] ConsentColumns =
    [
        new("ownerId", c => c.OwnerId), new("purpose", c => c.Purpose), new("channel", c => c.Channel), new("since", c => c.Since),
        new("noticeVersion", c => c.NoticeVersion),
    ];

    private static readonly CsvColumn<ConsentChange>[] ChangeColumns =
    [
        new("ownerId", c => c.OwnerId), new("purpose", c => c.Purpose), new("channel", c => c.Channel), new("change", c => c.Change),
        new("at", c => c.At), new("source", c => c.Source), new("by", c => c.By),
    ];
}
