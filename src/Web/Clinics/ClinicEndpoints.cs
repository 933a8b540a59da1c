using Mediator;
using VetOS.Application.Clinics;
using VetOS.Application.Common;
using VetOS.Application.Staff;
using VetOS.Domain;

namespace VetOS.Web.Clinics;

public sealed record StaffInvitationRequest(string Name, string Email, ActorRole Role);

public sealed record StaffRoleRequest(ActorRole Role);

public sealed record ClinicAdminRequest(string Name, string Email);

/// <summary>Clinics as operators onboard them, their details and staff as their admins keep them, and the access log auditors read.</summary>
public static class ClinicEndpoints
{
    public static IEndpointRouteBuilder MapClinics(this IEndpointRouteBuilder app)
    {
        var operators = app.MapGroup("/api/operator/clinics").WithTags("Platform operators");
        operators.MapPost("/", async (ClinicDetails body, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new CreateClinicCommand(body), ct) is { Id: { } id }
                    ? Results.Created($"/api/clinics/{id}", new { id })
                    : SlugTaken())
            .WithSummary("Onboard a clinic (platform operators)");
        operators.MapGet("/", async (IMediator mediator, CancellationToken ct) => Results.Ok(await mediator.Send(new ListClinicsQuery(), ct)))
            .WithSummary("Every clinic, with its staff count (platform operators)");
        operators.MapPost("/{clinicId:guid}/admins", async (Guid clinicId, ClinicAdminRequest body, IMediator mediator, CancellationToken ct) =>
                Invited(clinicId, await mediator.Send(new AppointClinicAdminCommand(clinicId, body.Name, body.Email), ct)))
            .WithSummary("Give a clinic an admin, who is sent an invitation (platform operators)");

        var clinic = app.MapGroup("/api/clinics/{clinicId:guid}").WithTags("Clinics");
        clinic.MapGet("/", async (Guid clinicId, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new GetClinicDetailsQuery(clinicId), ct) is { } details ? Results.Ok(details) : NoSuchClinic())
            .WithSummary("A clinic's public details: address, contacts for privacy requests and grievances");
        clinic.MapPut("/", async (Guid clinicId, ClinicDetails body, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new UpdateClinicDetailsCommand(clinicId, body), ct) switch
                {
                    ClinicSaved.Saved => Results.NoContent(),
                    ClinicSaved.SlugTaken => SlugTaken(),
                    _ => NoSuchClinic(),
                })
            .WithSummary("Change the clinic's details (clinic admins)");

        clinic.MapPost("/join", async (Guid clinicId, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new JoinClinicCommand(clinicId), ct) ? Results.NoContent() : NoSuchClinic())
            .WithSummary("Become a client of this clinic too (owners)");
        app.MapGet("/api/clinics/mine", async (IMediator mediator, CancellationToken ct) => Results.Ok(await mediator.Send(new ListMyClinicsQuery(), ct)))
            .WithTags("Clinics")
            .WithSummary("The clinics the signed-in owner is a client of");

        clinic.MapGet("/staff", async (Guid clinicId, IMediator mediator, CancellationToken ct) => Results.Ok(await mediator.Send(new ListStaffQuery(clinicId), ct)))
            .WithSummary("The clinic's staff and their roles (clinic admins)");
        clinic.MapPost("/staff", async (Guid clinicId, StaffInvitationRequest body, IMediator mediator, CancellationToken ct) =>
                Invited(clinicId, await mediator.Send(new InviteStaffCommand(clinicId, body.Name, body.Email, body.Role), ct)))
            .WithSummary("Add a receptionist, vet, admin or auditor, who is sent an invitation (clinic admins)");
        clinic.MapPut("/staff/{accountId:guid}", async (Guid clinicId, Guid accountId, StaffRoleRequest body, IMediator mediator, CancellationToken ct) =>
                Changed(await mediator.Send(new ChangeStaffRoleCommand(clinicId, accountId, body.Role), ct)))
            .WithSummary("Change a member's role; their sessions end (clinic admins)");
        clinic.MapDelete("/staff/{accountId:guid}", async (Guid clinicId, Guid accountId, IMediator mediator, CancellationToken ct) =>
                Changed(await mediator.Send(new RemoveStaffCommand(clinicId, accountId), ct)))
            .WithSummary("Remove a member: the account closes and its sessions end (clinic admins)");

        clinic.MapGet("/access-log", async (Guid clinicId, Guid? owner, Guid? reader, DateTimeOffset? from, DateTimeOffset? to, int? limit,
                    IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new GetAccessLogQuery(clinicId, owner, reader, from, to, limit), ct)))
            .WithTags("Audit")
            .WithSummary("Staff reads of owners' personal data, by owner, reader and period (auditors and clinic admins)");
        return app;
    }

    private static IResult Invited(Guid clinicId, Invitee invitee) => invitee.Account is { } account
        ? Results.Created($"/api/clinics/{clinicId}/staff/{account}", new { account })
        : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "That address already has an account, or there is no such clinic.",
            detail: "Staff sign in with an address of their own, used for one clinic only.");

    private static IResult Changed(StaffChange change) => change switch
    {
        StaffChange.Changed => Results.NoContent(),
        StaffChange.LastAdmin => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "A clinic keeps at least one admin.",
            detail: "Make someone else an admin first."),
        _ => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such member of this clinic's staff."),
    };

    private static IResult SlugTaken() => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Another clinic has that slug.",
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["slug"] = ["Another clinic has that slug; choose another."] } });

    private static IResult NoSuchClinic() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such clinic.");
}
