using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using VetOS.Application.Owners;
using VetOS.Web.Http;

namespace VetOS.Web.Owners;

/// <summary>
/// <c>PhoneCountry</c> (e.g. GB): the country a national number is written in; without it the phone starts with + and its
/// country code. <c>Why</c> (optional): the reason for the change, kept in the owner's history.
/// </summary>
public sealed record ContactDetailsRequest(string Name, string Phone, string PreferredChannel, string? PhoneCountry = null, string? Why = null);

public sealed record PetRequest(
    string Name, string Species, string? Breed, DateOnly? BirthDate, string? Sex, bool? Neutered, decimal? WeightKg, string? Notes);

public sealed record ArchiveRequest(string Reason);

/// <summary>The owner's Profile and My pets pages, and the clinic's client records, as API.</summary>
public static class OwnerEndpoints
{
    public static IEndpointRouteBuilder MapOwners(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me").WithTags("Profile and pets");
        me.MapGet("/profile", Profile).WithSummary("The signed-in owner's contact details, with their revision as ETag");
        me.MapPut("/profile", UpdateProfile).WithSummary("Change name, phone number and preferred channel (If-Match: the profile's ETag)");
        me.MapGet("/history", History).WithSummary("Who changed the owner's contact details and pets, what and when, newest first");
        me.MapGet("/pets", Pets).WithSummary("The signed-in owner's pets, archived ones last");
        me.MapPost("/pets", AddPet).WithSummary("Add a pet; it can be booked at once");
        me.MapGet("/pets/{petId:guid}", Pet).WithSummary("One pet, with its revision as ETag");
        me.MapPut("/pets/{petId:guid}", UpdatePet).WithSummary("Replace a pet's details (If-Match: the pet's ETag)");
        me.MapPost("/pets/{petId:guid}/archive", ArchivePet)
            .WithSummary("Archive a pet, e.g. when it died: kept on record, no longer edited or booked");

        var clients = app.MapGroup("/api/clinics/{clinicId:guid}/clients").WithTags("Clients");
        clients.MapGet("/", FindClients).WithSummary("Find the clinic's clients by part of their name, email or phone (staff; at most 20)");
        clients.MapGet("/{ownerId:guid}", Client)
            .WithSummary("A client's contact details and pets; pet details for vets and clinic admins (staff)");
        clients.MapPut("/{ownerId:guid}/contact", CorrectContact)
            .WithSummary("Correct a client's contact details, recorded in their history (staff; If-Match: the record's ETag)");
        return app;
    }

    public static async Task<Ok<MyProfile>> Profile(IMediator mediator, HttpContext context, CancellationToken ct)
    {
        var profile = await mediator.Send(new GetMyProfileQuery(), ct);
        return profile.OkWithETag(context, profile.Revision);
    }

    public static async Task<Results<Ok<ChangeResponse>, ProblemHttpResult>> UpdateProfile(ContactDetailsRequest body,
        [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext context, CancellationToken ct) =>
        (await mediator.Send(new UpdateMyContactDetailsCommand(body.Name, body.Phone, body.PreferredChannel, Revisions.ExpectedRevision(ifMatch), body.PhoneCountry, body.Why), ct))
            .ToHttp(context);

    public static async Task<Ok<IReadOnlyList<HistoryEntry>>> History(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetMyHistoryQuery(), ct));

    public static async Task<Ok<IReadOnlyList<PetView>>> Pets(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListMyPetsQuery(), ct));

    public static async Task<Results<Created<PetChangeResponse>, ProblemHttpResult>> AddPet(
        AddPetCommand command, IMediator mediator, HttpContext context, CancellationToken ct) =>
        (await mediator.Send(command, ct)).ToCreatedPet(context);

    public static async Task<Results<Ok<PetView>, ProblemHttpResult>> Pet(Guid petId, IMediator mediator, HttpContext context, CancellationToken ct) =>
        await mediator.Send(new GetMyPetQuery(petId), ct) is { } pet ? pet.OkWithETag(context, pet.Revision) : OwnerResults.NotFound("There is no such pet.");

    public static async Task<Results<Ok<PetChangeResponse>, ProblemHttpResult>> UpdatePet(Guid petId, PetRequest body,
        [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext context, CancellationToken ct) =>
        (await mediator.Send(new UpdatePetCommand(petId, body.Name, body.Species, body.Breed, body.BirthDate, body.Sex, body.Neutered,
            body.WeightKg, body.Notes, Revisions.ExpectedRevision(ifMatch)), ct)).ToPetChange(context);

    public static async Task<Results<Ok<PetChangeResponse>, ProblemHttpResult>> ArchivePet(Guid petId, ArchiveRequest body,
        [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext context, CancellationToken ct) =>
        (await mediator.Send(new ArchivePetCommand(petId, body.Reason, Revisions.ExpectedRevision(ifMatch)), ct)).ToPetChange(context);

    public static async Task<Ok<ClientMatches>> FindClients(Guid clinicId, string? q, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new FindClientsQuery(clinicId, q ?? ""), ct));

    public static async Task<Results<Ok<ClientRecord>, ProblemHttpResult>> Client(
        Guid clinicId, Guid ownerId, IMediator mediator, HttpContext context, CancellationToken ct) =>
        await mediator.Send(new GetClientRecordQuery(clinicId, ownerId), ct) is { } record
            ? record.OkWithETag(context, record.Revision)
            : OwnerResults.NotFound("There is no such client.");

    public static async Task<Results<Ok<ChangeResponse>, ProblemHttpResult>> CorrectContact(Guid clinicId, Guid ownerId, ContactDetailsRequest body,
        [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext context, CancellationToken ct) =>
        (await mediator.Send(new CorrectContactDetailsCommand(clinicId, ownerId, body.Name, body.Phone, body.PreferredChannel,
            Revisions.ExpectedRevision(ifMatch), body.PhoneCountry, body.Why), ct)).ToHttp(context);
}
