using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using VetOS.Application.Consents;

namespace VetOS.Web.Consents;

public sealed record ConsentChoiceRequest(bool? Granted, int? NoticeVersion);

public sealed record StaffConsentChoiceRequest(bool? Granted, int? NoticeVersion, string? Note);

public sealed record ConsentPurposeRequest(string Key, string Name, IReadOnlyList<string> Channels, string Wording);

public sealed record NoticeRequest(string Wording, bool? Material);

/// <summary>Owners' consents, staff recording an owner's word, and the clinic's purposes and notice wordings, as API.</summary>
public static class ConsentEndpoints
{
    public static IEndpointRouteBuilder MapConsents(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me/consents").WithTags("Consent");
        me.MapGet("", MyConsents)
            .WithSummary("Every purpose and channel the clinic asks consent for, where each stands, the notice in force, and the history");
        me.MapPut("/{clinicId:guid}/{purpose}/{channel}", ChooseMine)
            .WithSummary("Agree (granted: true, with the notice version read) or withdraw (granted: false), one step either way");

        var clinic = app.MapGroup("/api/clinics/{clinicId:guid}").WithTags("Consent");
        clinic.MapPut("/clients/{ownerId:guid}/consents/{purpose}/{channel}", RecordOnOwnersWord)
            .WithSummary("Record a client's choice given in person or by phone; the note says how (staff)");
        clinic.MapGet("/consent-purposes", Purposes)
            .WithSummary("The purposes the clinic asks consent for, with every notice version and its wording (staff)");
        clinic.MapPost("/consent-purposes", AddPurpose)
            .WithSummary("Add a non-essential purpose, its channels and the wording of its notice version 1 (clinic admins)");
        clinic.MapPost("/consent-purposes/{purpose}/notices", PublishNotice)
            .WithSummary("Publish the next version of a purpose's notice; material (the default) lapses earlier consent (clinic admins)");
        return app;
    }

    public static async Task<Results<Ok<MyConsents>, ProblemHttpResult>> MyConsents(Guid? clinic, IMediator mediator, CancellationToken ct) =>
        await mediator.Send(new GetMyConsentsQuery(clinic ?? Guid.Empty), ct) is { } consents
            ? TypedResults.Ok(consents)
            : ConsentResults.NotFound(ConsentRefusals.NotAClient.Message);

    public static async Task<Results<Ok<ConsentStanding>, ProblemHttpResult>> ChooseMine(Guid clinicId, string purpose, string channel,
        ConsentChoiceRequest body, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(new ChooseMyConsentCommand(clinicId, purpose, channel, body.Granted, body.NoticeVersion), ct)).ToHttp();

    public static async Task<Results<Ok<ConsentStanding>, ProblemHttpResult>> RecordOnOwnersWord(Guid clinicId, Guid ownerId, string purpose, string channel,
        StaffConsentChoiceRequest body, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(new RecordConsentOnOwnersWordCommand(clinicId, ownerId, purpose, channel, body.Granted, body.NoticeVersion, body.Note), ct))
            .ToHttp();

    public static async Task<Ok<IReadOnlyList<PurposeDetails>>> Purposes(Guid clinicId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListConsentPurposesQuery(clinicId), ct));

    public static async Task<Results<Created<PurposeDetails>, ProblemHttpResult>> AddPurpose(
        Guid clinicId, ConsentPurposeRequest body, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(new AddConsentPurposeCommand(clinicId, body.Key, body.Name, body.Channels, body.Wording), ct)).ToHttp(clinicId);

    public static async Task<Results<Created<NoticeText>, ProblemHttpResult>> PublishNotice(
        Guid clinicId, string purpose, NoticeRequest body, IMediator mediator, CancellationToken ct) =>
        (await mediator.Send(new PublishNoticeCommand(clinicId, purpose, body.Wording, body.Material), ct)).ToHttp(clinicId);
}
