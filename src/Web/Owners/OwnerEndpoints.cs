using Mediator;
using VetOS.Application.Owners;
using VetOS.Web.Http;

namespace VetOS.Web.Owners;

/// <summary><c>PhoneCountry</c> (e.g. GB): the country a national number is written in; without it the phone starts with + and its country code.</summary>
public sealed record ContactDetailsRequest(string Name, string Phone, string PreferredChannel, string? PhoneCountry = null);

public sealed record PetRequest(
    string Name, string Species, string? Breed, DateOnly? BirthDate, string? Sex, bool? Neutered, decimal? WeightKg, string? Notes);

public sealed record ArchiveRequest(string Reason);

/// <summary>The owner's Profile and My pets pages, and the clinic's client records, as API.</summary>
public static class OwnerEndpoints
{
    public static IEndpointRouteBuilder MapOwners(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me").WithTags("Profile and pets");
        me.MapGet("/profile", async (IMediator mediator, HttpContext context, CancellationToken ct) =>
            {
                var profile = await mediator.Send(new GetMyProfileQuery(), ct);
                return profile.OkWithETag(context, profile.Revision);
            })
            .WithSummary("The signed-in owner's contact details, with their revision as ETag");
        me.MapPut("/profile", async (ContactDetailsRequest body, IMediator mediator, HttpContext context, CancellationToken ct) =>
                (await mediator.Send(new UpdateMyContactDetailsCommand(body.Name, body.Phone, body.PreferredChannel, Revisions.ExpectedRevision(context.Request), body.PhoneCountry), ct))
                    .ToHttp(context))
            .WithSummary("Change name, phone number and preferred channel (If-Match: the profile's ETag)");
        me.MapGet("/history", async (IMediator mediator, CancellationToken ct) => Results.Ok(await mediator.Send(new GetMyHistoryQuery(), ct)))
            .WithSummary("Who changed the owner's contact details and pets, what and when, newest first");
        me.MapGet("/pets", async (IMediator mediator, CancellationToken ct) => Results.Ok(await mediator.Send(new ListMyPetsQuery(), ct)))
            .WithSummary("The signed-in owner's pets, archived ones last");
        me.MapPost("/pets", async (AddPetCommand command, IMediator mediator, HttpContext context, CancellationToken ct) =>
                (await mediator.Send(command, ct)).ToHttp(context, created: true))
            .WithSummary("Add a pet; it can be booked at once");
        me.MapGet("/pets/{petId:guid}", async (Guid petId, IMediator mediator, HttpContext context, CancellationToken ct) =>
                await mediator.Send(new GetMyPetQuery(petId), ct) is { } pet ? pet.OkWithETag(context, pet.Revision) : OwnerResults.NotFound("There is no such pet."))
            .WithSummary("One pet, with its revision as ETag");
        me.MapPut("/pets/{petId:guid}", async (Guid petId, PetRequest body, IMediator mediator, HttpContext context, CancellationToken ct) =>
                (await mediator.Send(new UpdatePetCommand(petId, body.Name, body.Species, body.Breed, body.BirthDate, body.Sex, body.Neutered,
                    body.WeightKg, body.Notes, Revisions.ExpectedRevision(context.Request)), ct)).ToHttp(context))
            .WithSummary("Replace a pet's details (If-Match: the pet's ETag)");
        me.MapPost("/pets/{petId:guid}/archive", async (Guid petId, ArchiveRequest body, IMediator mediator, HttpContext context, CancellationToken ct) =>
                (await mediator.Send(new ArchivePetCommand(petId, body.Reason, Revisions.ExpectedRevision(context.Request)), ct)).ToHttp(context))
            .WithSummary("Archive a pet, e.g. when it died: kept on record, no longer edited or booked");

        var clients = app.MapGroup("/api/clinics/{clinicId:guid}/clients").WithTags("Clients");
        clients.MapGet("/", async (Guid clinicId, string? q, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new FindClientsQuery(clinicId, q ?? ""), ct)))
            .WithSummary("Find the clinic's clients by part of their name, email or phone (staff; at most 20)");
        clients.MapGet("/{ownerId:guid}", async (Guid clinicId, Guid ownerId, IMediator mediator, HttpContext context, CancellationToken ct) =>
                await mediator.Send(new GetClientRecordQuery(clinicId, ownerId), ct) is { } record
                    ? record.OkWithETag(context, record.Revision)
                    : OwnerResults.NotFound("There is no such client."))
            .WithSummary("A client's contact details and pets; pet details for vets and clinic admins (staff)");
        clients.MapPut("/{ownerId:guid}/contact", async (Guid clinicId, Guid ownerId, ContactDetailsRequest body, IMediator mediator, HttpContext context, CancellationToken ct) =>
                (await mediator.Send(new CorrectContactDetailsCommand(clinicId, ownerId, body.Name, body.Phone, body.PreferredChannel,
                    Revisions.ExpectedRevision(context.Request), body.PhoneCountry), ct)).ToHttp(context))
            .WithSummary("Correct a client's contact details, recorded in their history (staff; If-Match: the record's ETag)");
        return app;
    }
}
