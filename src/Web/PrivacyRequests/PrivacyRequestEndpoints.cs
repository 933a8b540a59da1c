using Mediator;
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
        mine.MapPost("/", async (FileRequestBody body, IMediator mediator, HttpContext context, CancellationToken ct) =>
                (await mediator.Send(new FileMyPrivacyRequestCommand(body.Clinic, body.Kind, body.Details), ct)).ToHttp(context, created: true))
            .WithSummary("File a request to a clinic you are a client of: access, correction or erasure");
        mine.MapGet("/", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListMyPrivacyRequestsQuery(), ct)))
            .WithSummary("Your requests, newest first, with their steps and deadlines");
        mine.MapGet("/{requestId:guid}", async (Guid requestId, IMediator mediator, HttpContext context, CancellationToken ct) =>
                (await mediator.Send(new GetMyPrivacyRequestQuery(requestId), ct)).Found(context))
            .WithSummary("One of your requests, with its steps and its export's progress");
        mine.MapGet("/{requestId:guid}/export.{format}", (Guid requestId, string format, IMediator mediator, CancellationToken ct) =>
                Download(requestId, format, null, mediator, ct))
            .WithSummary("Download your access export (json, or html for the readable summary) until it expires");

        var clinic = app.MapGroup("/api/clinics/{clinicId:guid}/privacy-requests").WithTags("Privacy requests");
        clinic.MapGet("/", async (Guid clinicId, bool? all, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListPrivacyRequestsQuery(clinicId, all ?? false), ct)))
            .WithSummary("The request queue, soonest due first, flagged due soon or overdue (staff; ?all=true for closed ones too)");
        clinic.MapPost("/", async (Guid clinicId, LogRequestBody body, IMediator mediator, HttpContext context, CancellationToken ct) =>
                (await mediator.Send(new LogPrivacyRequestCommand(clinicId, body.Owner, body.Kind, body.ReceivedVia, body.Verification, body.Details,
                    body.ReceivedAt), ct)).ToHttp(context, created: true))
            .WithSummary("Log a request received by email, phone, post or in person, and how the person was verified (staff)");
        clinic.MapGet("/{requestId:guid}", async (Guid clinicId, Guid requestId, IMediator mediator, HttpContext context, CancellationToken ct) =>
                (await mediator.Send(new GetPrivacyRequestQuery(clinicId, requestId), ct)).Found(context))
            .WithSummary("One request with its steps, export progress and erasure reports (staff)");
        clinic.MapPost("/{requestId:guid}/verify-identity", async (Guid clinicId, Guid requestId, VerifyIdentityBody body, IMediator mediator, HttpContext context,
                CancellationToken ct) =>
                (await mediator.Send(new VerifyRequesterIdentityCommand(clinicId, requestId, body.How, Revisions.ExpectedRevision(context.Request)), ct)).ToHttp(context))
            .WithSummary("Record how the requester's identity was verified (staff)");
        clinic.MapPost("/{requestId:guid}/extend", async (Guid clinicId, Guid requestId, ExtendBody body, IMediator mediator, HttpContext context,
                CancellationToken ct) =>
                (await mediator.Send(new ExtendPrivacyRequestCommand(clinicId, requestId, body.Months, body.Reason, Revisions.ExpectedRevision(context.Request)), ct))
                    .ToHttp(context))
            .WithSummary("Extend the deadline by up to two months in all, with the reason, which the owner is emailed (clinic admins)");
        clinic.MapPost("/{requestId:guid}/close", async (Guid clinicId, Guid requestId, CloseBody body, IMediator mediator, HttpContext context,
                CancellationToken ct) =>
                (await mediator.Send(new ClosePrivacyRequestCommand(clinicId, requestId, body.Status, body.Outcome, Revisions.ExpectedRevision(context.Request)), ct))
                    .ToHttp(context))
            .WithSummary("Close a request as completed, with its outcome, or partly refused, with the reasons (clinic admins)");
        clinic.MapPost("/{requestId:guid}/correct-contact-details", async (Guid clinicId, Guid requestId, CorrectContactDetailsBody body, IMediator mediator,
                HttpContext context, CancellationToken ct) =>
                (await mediator.Send(new CorrectContactDetailsForRequestCommand(clinicId, requestId, body.Name, body.Phone, body.PreferredChannel, body.Why,
                    Revisions.ExpectedRevision(context.Request), body.PhoneCountry), ct)).ToHttp(context))
            .WithSummary("Answer a correction request: correct the owner's contact details, saying why, and complete it (staff)");
        clinic.MapPost("/{requestId:guid}/export", async (Guid clinicId, Guid requestId, IMediator mediator, HttpContext context, CancellationToken ct) =>
                (await mediator.Send(new StartAccessExportCommand(clinicId, requestId), ct)).ToHttp(context, accepted: true))
            .WithSummary("Build the access export in the background; the request shows its progress (clinic admins)");
        clinic.MapGet("/{requestId:guid}/export.{format}", async (Guid clinicId, Guid requestId, string format, IMediator mediator, CancellationToken ct) =>
                await Download(requestId, format, clinicId, mediator, ct))
            .WithSummary("Download the access export (json or html) until it expires (the staff member handling the request)");
        clinic.MapPost("/{requestId:guid}/erase", async Task<IResult> (Guid clinicId, Guid requestId, IMediator mediator, CancellationToken ct) =>
            {
                var result = await mediator.Send(new EraseOwnerCommand(clinicId, requestId), ct);
                return result.Error is { } error && result.Report is null ? PrivacyRequestResults.Refused(error)
                    : result.Error is not null ? TypedResults.Conflict(result) : TypedResults.Ok(result);
            })
            .WithSummary("Carry out a verified erasure request everywhere, scan for traces and complete it when clean (clinic admins)");
        clinic.MapPost("/{requestId:guid}/verify-erasure", async Task<IResult> (Guid clinicId, Guid requestId, VerifyErasureBody body, IMediator mediator, CancellationToken ct) =>
            {
                var result = await mediator.Send(new VerifyErasureCommand(clinicId, requestId, body.Name, body.Email, body.Phone, body.PetNames), ct);
                return result.Error is { } error ? PrivacyRequestResults.Refused(error) : TypedResults.Ok(result.Scan);
            })
            .WithSummary("Scan every column and event for the name, email, phone or pets' names given; the report is stored with the request (clinic admins)");

        var settings = app.MapGroup("/api/clinics/{clinicId:guid}").WithTags("Privacy requests");
        settings.MapGet("/record-of-processing", async Task<IResult> (Guid clinicId, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new GetRecordOfProcessingQuery(clinicId), ct) is { } record ? TypedResults.Ok(record)
                    : PrivacyRequestResults.Refused(PrivacyRequestErrors.NotFound))
            .WithSummary("The clinic's record of processing: purposes, categories, recipients, retention (auditors and admins)");
        settings.MapPut("/record-keeping", async Task<IResult> (Guid clinicId, RecordKeepingBody body, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new SetRecordKeepingCommand(clinicId, body.Jurisdiction, body.Retention), ct) ? TypedResults.NoContent()
                    : PrivacyRequestResults.Refused(PrivacyRequestErrors.NotFound))
            .WithSummary("The law the clinic keeps records under, and the years per category an erasure keeps, pseudonymised (clinic admins)");
        settings.MapGet("/access-log/owners-read", async Task<IResult> (Guid clinicId, DateTimeOffset? from, DateTimeOffset? to, Guid? reader,
                IMediator mediator, HttpContext context, CancellationToken ct) =>
            {
                var read = await mediator.Send(new FindOwnersReadQuery(clinicId, from, to, reader), ct);
                return Csv.IsWanted(context.Request) ? Csv.Export(read.Owners, "owners-read.csv", OwnersReadColumns) : TypedResults.Ok(read);
            })
            .WithSummary("Breach support: the owners whose data was read in a period, by one staff account or by anyone, as JSON or CSV (auditors and admins)");
        return app;
    }

    private static readonly CsvColumn<OwnerRead>[] OwnersReadColumns =
    [
        new("ownerId", o => o.OwnerId), new("reads", o => o.Reads), new("firstRead", o => o.FirstRead), new("lastRead", o => o.LastRead),
        new("readers", o => string.Join(' ', o.Readers)), new("records", o => string.Join("; ", o.Records)),
    ];

    private static async Task<IResult> Download(Guid requestId, string format, Guid? clinic, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(new DownloadAccessExportQuery(requestId, format, clinic), ct)).ToHttp(requestId, format);
}
