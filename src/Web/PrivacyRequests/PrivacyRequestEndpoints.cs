using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using VetOS.Application.Common;
using VetOS.Application.PersonalData;
using VetOS.Application.PrivacyRequests;
using VetOS.Domain.PrivacyRequests;
using VetOS.Web.Http;

namespace VetOS.Web.PrivacyRequests;

public sealed record FileRequestBody(Guid Clinic, PrivacyRequestKind Kind, string? Details);

public sealed record LogRequestBody(Guid Owner, PrivacyRequestKind Kind, string ReceivedVia, string? Verification, string? Details, DateTimeOffset? ReceivedAt);

public sealed record VerifyIdentityBody(string How);

public sealed record ExtendBody(int Months, string Reason);

public sealed record CorrectContactDetailsBody(string Name, string Phone, string PreferredChannel, string Why, string? PhoneCountry);

public sealed record CloseBody(PrivacyRequestStatus Status, string Outcome);

public sealed record VerifyErasureBody(string? Name, string? Email, string? Phone, IReadOnlyList<string>? PetNames);

public sealed record RecordKeepingBody(string Jurisdiction, IReadOnlyList<LegalRetention> Retention);

/// <summary>Privacy requests: owners file and follow theirs; the clinic's staff log, verify, extend, answer and prove them.</summary>
public static class PrivacyRequestEndpoints
{
    public static IEndpointRouteBuilder MapPrivacyRequests(this IEndpointRouteBuilder app)
    {
        var mine = app.MapGroup("/api/me/privacy-requests").WithTags("Privacy requests");
        mine.MapPost("/", FileMine).WithSummary("File a request to a clinic you are a client of: access, correction or erasure");
        mine.MapGet("/", ListMine).WithSummary("Your requests, newest first, with their steps and deadlines");
        mine.MapGet("/{requestId:guid}", OneOfMine).WithSummary("One of your requests, with its steps and its export's progress");
        mine.MapPost("/{requestId:guid}/correct-contact-details", CorrectMine)
            .WithSummary("Answer your own correction request by correcting your contact details, saying why (name, phone, preferred channel, why)");
        mine.MapGet("/{requestId:guid}/export.{format}", DownloadMine)
            .WithSummary("Download your access export (json, or html for the readable summary) until it expires");

        var clinic = app.MapGroup("/api/clinics/{clinicId:guid}/privacy-requests").WithTags("Privacy requests");
        clinic.MapGet("/", Queue)
            .WithSummary("The request queue, soonest due first, flagged due soon or overdue (staff; ?all=true for closed ones too)");
        clinic.MapPost("/", Log)
            .WithSummary("Log a request received by email, phone, post or in person, and how the person was verified (staff)");
        clinic.MapGet("/{requestId:guid}", One).WithSummary("One request with its steps, export progress and erasure reports (staff)");
        clinic.MapPost("/{requestId:guid}/verify-identity", VerifyIdentity).WithSummary("Record how the requester's identity was verified (staff)");
        clinic.MapPost("/{requestId:guid}/extend", Extend)
            .WithSummary("Extend the deadline by up to two months in all, with the reason, which the owner is emailed (clinic admins)");
        clinic.MapPost("/{requestId:guid}/close", Close)
            .WithSummary("Close a request as completed, with its outcome, or partly refused, with the reasons (clinic admins)");
        clinic.MapPost("/{requestId:guid}/correct-contact-details", CorrectContactDetails)
            .WithSummary("Answer a correction request: correct the owner's contact details, saying why, and complete it (staff)");
        clinic.MapPost("/{requestId:guid}/export", StartExport)
            .WithSummary("Build the access export in the background; the request shows its progress (clinic admins)");
        clinic.MapGet("/{requestId:guid}/export.{format}", Download)
            .WithSummary("Download the access export (json or html) until it expires (the staff member handling the request)");
        clinic.MapPost("/{requestId:guid}/erase", Erase)
            .WithSummary("Carry out a verified erasure request everywhere, scan for traces and complete it when clean (clinic admins)");
        clinic.MapPost("/{requestId:guid}/verify-erasure", VerifyErasure)
            .WithSummary("Scan every column and event for the name, email, phone or pets' names given; the report is stored with the request (clinic admins)");

        var settings = app.MapGroup("/api/clinics/{clinicId:guid}").WithTags("Privacy requests");
        settings.MapGet("/record-of-processing", RecordOfProcessing)
            .WithSummary("The clinic's record of processing: purposes, categories, recipients, retention (auditors and admins)");
        settings.MapGet("/record-of-processing.html", RecordOfProcessingPage).WithSummary("The clinic's record of processing as a page (auditors and admins)");
        settings.MapPut("/record-keeping", SetRecordKeeping)
            .WithSummary("The law the clinic keeps records under, and the years per category an erasure keeps, pseudonymised (clinic admins)");
        settings.MapGet("/access-log/owners-read", OwnersRead)
            .WithSummary("Breach support: the owners whose data was read in a period, by one staff account or by anyone, as JSON or CSV (auditors and admins)");
        return app;
    }

    public static async Task<Results<Created<PrivacyRequestView>, ProblemHttpResult>> FileMine(
        FileRequestBody body, IMediator mediator, HttpContext context, CancellationToken ct) =>
        (await mediator.Send(new FileMyPrivacyRequestCommand(body.Clinic, body.Kind, body.Details), ct)).ToCreated(context);

    public static async Task<Ok<IReadOnlyList<PrivacyRequestView>>> ListMine(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListMyPrivacyRequestsQuery(), ct));

    public static async Task<Results<Ok<PrivacyRequestFile>, ProblemHttpResult>> OneOfMine(
        Guid requestId, IMediator mediator, HttpContext context, CancellationToken ct) =>
        (await mediator.Send(new GetMyPrivacyRequestQuery(requestId), ct)).Found(context);

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> DownloadMine(
        Guid requestId, string format, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(new DownloadAccessExportQuery(requestId, format), ct)).ToHttp(format);

    public static async Task<Results<Ok<PrivacyRequestView>, ProblemHttpResult>> CorrectMine(
        Guid requestId, CorrectContactDetailsBody body, IMediator mediator, HttpContext context, CancellationToken ct) =>
        (await mediator.Send(new CorrectMyContactDetailsForRequestCommand(requestId, body.Name, body.Phone, body.PreferredChannel, body.Why,
            body.PhoneCountry), ct)).ToHttp(context);

    public static async Task<Ok<PrivacyRequestQueue>> Queue(Guid clinicId, bool? all, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListPrivacyRequestsQuery(clinicId, all ?? false), ct));

    public static async Task<Results<Created<PrivacyRequestView>, ProblemHttpResult>> Log(
        Guid clinicId, LogRequestBody body, IMediator mediator, HttpContext context, CancellationToken ct) =>
        (await mediator.Send(new LogPrivacyRequestCommand(clinicId, body.Owner, body.Kind, body.ReceivedVia, body.Verification, body.Details,
            body.ReceivedAt), ct)).ToCreated(context);

    public static async Task<Results<Ok<PrivacyRequestFile>, ProblemHttpResult>> One(
        Guid clinicId, Guid requestId, IMediator mediator, HttpContext context, CancellationToken ct) =>
        (await mediator.Send(new GetPrivacyRequestQuery(clinicId, requestId), ct)).Found(context);

    public static async Task<Results<Ok<PrivacyRequestView>, ProblemHttpResult>> VerifyIdentity(Guid clinicId, Guid requestId, VerifyIdentityBody body,
        [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext context, CancellationToken ct) =>
        (await mediator.Send(new VerifyRequesterIdentityCommand(clinicId, requestId, body.How, Revisions.ExpectedRevision(ifMatch)), ct)).ToHttp(context);

    public static async Task<Results<Ok<PrivacyRequestView>, ProblemHttpResult>> Extend(Guid clinicId, Guid requestId, ExtendBody body,
        [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext context, CancellationToken ct) =>
        (await mediator.Send(new ExtendPrivacyRequestCommand(clinicId, requestId, body.Months, body.Reason, Revisions.ExpectedRevision(ifMatch)), ct))
            .ToHttp(context);

    public static async Task<Results<Ok<PrivacyRequestView>, ProblemHttpResult>> Close(Guid clinicId, Guid requestId, CloseBody body,
        [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext context, CancellationToken ct) =>
        (await mediator.Send(new ClosePrivacyRequestCommand(clinicId, requestId, body.Status, body.Outcome, Revisions.ExpectedRevision(ifMatch)), ct))
            .ToHttp(context);

    public static async Task<Results<Ok<PrivacyRequestView>, ProblemHttpResult>> CorrectContactDetails(Guid clinicId, Guid requestId,
        CorrectContactDetailsBody body, [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext context, CancellationToken ct) =>
        (await mediator.Send(new CorrectContactDetailsForRequestCommand(clinicId, requestId, body.Name, body.Phone, body.PreferredChannel, body.Why,
            Revisions.ExpectedRevision(ifMatch), body.PhoneCountry), ct)).ToHttp(context);

    public static async Task<Results<Accepted<PrivacyRequestView>, ProblemHttpResult>> StartExport(
        Guid clinicId, Guid requestId, IMediator mediator, HttpContext context, CancellationToken ct) =>
        (await mediator.Send(new StartAccessExportCommand(clinicId, requestId), ct)).ToAccepted(context);

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> Download(
        Guid clinicId, Guid requestId, string format, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(new DownloadAccessExportQuery(requestId, format, clinicId), ct)).ToHttp(format);

    /// <summary>An erasure that ran but left traces is a conflict that still carries its report.</summary>
    public static async Task<Results<Ok<ErasureResult>, Conflict<ErasureResult>, ProblemHttpResult>> Erase(
        Guid clinicId, Guid requestId, IMediator mediator, CancellationToken ct)
    {
        var result = await mediator.Send(new EraseOwnerCommand(clinicId, requestId), ct);
        return result.Error is { } error && result.Report is null ? PrivacyRequestResults.Refused(error)
            : result.Error is not null ? TypedResults.Conflict(result) : TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<ErasureScanReport>, ProblemHttpResult>> VerifyErasure(
        Guid clinicId, Guid requestId, VerifyErasureBody body, IMediator mediator, CancellationToken ct)
    {
        var result = await mediator.Send(new VerifyErasureCommand(clinicId, requestId, body.Name, body.Email, body.Phone, body.PetNames), ct);
        return result.Error is { } error ? PrivacyRequestResults.Refused(error) : TypedResults.Ok(result.Scan!);
    }

    public static async Task<Results<Ok<RecordOfProcessing>, ProblemHttpResult>> RecordOfProcessing(Guid clinicId, IMediator mediator, CancellationToken ct) =>
        await mediator.Send(new GetRecordOfProcessingQuery(clinicId), ct) is { } record
            ? TypedResults.Ok(record)
            : PrivacyRequestResults.Refused(PrivacyRequestErrors.NotFound);

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> RecordOfProcessingPage(Guid clinicId, IMediator mediator, CancellationToken ct) =>
        await mediator.Send(new GetRecordOfProcessingQuery(clinicId), ct) is { } record
            ? TypedResults.Content(ExportSummary.Render(record), "text/html; charset=utf-8")
            : PrivacyRequestResults.Refused(PrivacyRequestErrors.NotFound);

    public static async Task<Results<NoContent, ProblemHttpResult>> SetRecordKeeping(
        Guid clinicId, RecordKeepingBody body, IMediator mediator, CancellationToken ct) =>
        await mediator.Send(new SetRecordKeepingCommand(clinicId, body.Jurisdiction, body.Retention), ct)
            ? TypedResults.NoContent()
            : PrivacyRequestResults.Refused(PrivacyRequestErrors.NotFound);

    public static async Task<Results<Ok<OwnersRead>, PushStreamHttpResult>> OwnersRead(Guid clinicId, DateTimeOffset? from, DateTimeOffset? to, Guid? reader,
        IMediator mediator, HttpContext context, CancellationToken ct)
    {
        var read = await mediator.Send(new FindOwnersReadQuery(clinicId, from, to, reader), ct);
        return Csv.IsWanted(context.Request) ? Csv.Export(read.Owners, "owners-read.csv", OwnersReadColumns) : TypedResults.Ok(read);
    }

    private static readonly CsvColumn<OwnerRead>[] OwnersReadColumns =
    [
        new("ownerId", o => o.OwnerId), new("reads", o => o.Reads), new("firstRead", o => o.FirstRead), new("lastRead", o => o.LastRead),
        new("readers", o => string.Join(' ', o.Readers)), new("records", o => string.Join("; ", o.Records)),
    ];
}
