using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using VetOS.Application.Accounts;
using VetOS.Application.Clinics;
using VetOS.Application.Common;
using VetOS.Application.Staff;
using VetOS.Domain;
using VetOS.Web.Http;

namespace VetOS.Web.Clinics;

public sealed record StaffInvitationRequest(string Name, string Email, ActorRole Role);

public sealed record StaffRoleRequest(ActorRole Role);

public sealed record ClinicAdminRequest(string Name, string Email);

/// <summary>The body of a 201 for an invited member: <c>{ "account": … }</c>.</summary>
public sealed record InvitedAccount(Guid Account);

/// <summary>Clinics as operators onboard them, their details and staff as their admins keep them, and the access log auditors read.</summary>
public static class ClinicEndpoints
{
    public static IEndpointRouteBuilder MapClinics(this IEndpointRouteBuilder app)
    {
        var operators = app.MapGroup("/api/operator/clinics").WithTags("Platform operators");
        operators.MapPost("/", Onboard).WithSummary("Onboard a clinic (platform operators)");
        operators.MapGet("/", Every).WithSummary("Every clinic, with its staff count (platform operators)");
        operators.MapPost("/{clinicId:guid}/admins", AppointAdmin).WithSummary("Give a clinic an admin, who is sent an invitation (platform operators)");

        var clinic = app.MapGroup("/api/clinics/{clinicId:guid}").WithTags("Clinics");
        clinic.MapGet("/", Details).WithSummary("A clinic's public details: address, contacts for privacy requests and grievances");
        clinic.MapPut("/", UpdateDetails).WithSummary("Change the clinic's details (clinic admins)");

        clinic.MapPost("/join", Join).WithSummary("Become a client of this clinic too (owners)");
        app.MapGet("/api/clinics/mine", Mine)
            .WithTags("Clinics")
            .WithSummary("The clinics the signed-in owner is a client of");

        clinic.MapGet("/staff", Staff).WithSummary("The clinic's staff and their roles (clinic admins)");
        clinic.MapPost("/staff", InviteStaff).WithSummary("Add a receptionist, vet, admin or auditor, who is sent an invitation (clinic admins)");
        clinic.MapPut("/staff/{accountId:guid}", ChangeRole).WithSummary("Change a member's role; their sessions end (clinic admins)");
        clinic.MapDelete("/staff/{accountId:guid}", RemoveStaff).WithSummary("Remove a member: the account closes and its sessions end (clinic admins)");

        clinic.MapGet("/access-log", AccessLog)
            .WithTags("Audit")
            .WithSummary("Staff reads of owners' personal data, by owner, reader and period (auditors and clinic admins)");
        return app;
    }

    public static async Task<Results<Created<CreatedId>, ProblemHttpResult>> Onboard(ClinicDetails body, IMediator mediator, CancellationToken ct) =>
        await mediator.Send(new CreateClinicCommand(body), ct) is { Id: { } id }
            ? TypedResults.Created($"/api/clinics/{id}", new CreatedId(id))
            : SlugTaken();

    public static async Task<Ok<IReadOnlyList<ClinicListing>>> Every(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListClinicsQuery(), ct));

    public static async Task<Results<Created<InvitedAccount>, ProblemHttpResult>> AppointAdmin(
        Guid clinicId, ClinicAdminRequest body, IMediator mediator, CancellationToken ct) =>
        Invited(clinicId, await mediator.Send(new AppointClinicAdminCommand(clinicId, body.Name, body.Email), ct));

    public static async Task<Results<Ok<ClinicDetails>, ProblemHttpResult>> Details(Guid clinicId, IMediator mediator, CancellationToken ct) =>
        await mediator.Send(new GetClinicDetailsQuery(clinicId), ct) is { } details ? TypedResults.Ok(details) : NoSuchClinic();

    public static async Task<Results<NoContent, ProblemHttpResult>> UpdateDetails(
        Guid clinicId, ClinicDetails body, IMediator mediator, CancellationToken ct) =>
        await mediator.Send(new UpdateClinicDetailsCommand(clinicId, body), ct) switch
        {
            ClinicSaved.Saved => TypedResults.NoContent(),
            ClinicSaved.SlugTaken => SlugTaken(),
            _ => NoSuchClinic(),
        };

    public static async Task<Results<NoContent, ProblemHttpResult>> Join(Guid clinicId, IMediator mediator, CancellationToken ct) =>
        await mediator.Send(new JoinClinicCommand(clinicId), ct) ? TypedResults.NoContent() : NoSuchClinic();

    public static async Task<Ok<IReadOnlyList<ClientOf>>> Mine(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListMyClinicsQuery(), ct));

    public static async Task<Ok<IReadOnlyList<StaffMember>>> Staff(Guid clinicId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListStaffQuery(clinicId), ct));

    public static async Task<Results<Created<InvitedAccount>, ProblemHttpResult>> InviteStaff(
        Guid clinicId, StaffInvitationRequest body, IMediator mediator, CancellationToken ct) =>
        Invited(clinicId, await mediator.Send(new InviteStaffCommand(clinicId, body.Name, body.Email, body.Role), ct));

    public static async Task<Results<NoContent, ProblemHttpResult>> ChangeRole(
        Guid clinicId, Guid accountId, StaffRoleRequest body, IMediator mediator, CancellationToken ct) =>
        Changed(await mediator.Send(new ChangeStaffRoleCommand(clinicId, accountId, body.Role), ct));

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveStaff(Guid clinicId, Guid accountId, IMediator mediator, CancellationToken ct) =>
        Changed(await mediator.Send(new RemoveStaffCommand(clinicId, accountId), ct));

    public static async Task<Ok<IReadOnlyList<AccessLogEntry>>> AccessLog(Guid clinicId, Guid? owner, Guid? reader, DateTimeOffset? from,
        DateTimeOffset? to, int? limit, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetAccessLogQuery(clinicId, owner, reader, from, to, limit), ct));

    private static Results<Created<InvitedAccount>, ProblemHttpResult> Invited(Guid clinicId, Invitee invitee) => invitee.Account is { } account
        ? TypedResults.Created($"/api/clinics/{clinicId}/staff/{account}", new InvitedAccount(account))
        : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "That address already has an account, or there is no such clinic.",
            detail: "Staff sign in with an address of their own, used for one clinic only.");

    private static Results<NoContent, ProblemHttpResult> Changed(StaffChange change) => change switch
    {
        StaffChange.Changed => TypedResults.NoContent(),
        StaffChange.LastAdmin => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "A clinic keeps at least one admin.",
            detail: "Make someone else an admin first."),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such member of this clinic's staff."),
    };

    private static ProblemHttpResult SlugTaken() => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Another clinic has that slug.",
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["slug"] = ["Another clinic has that slug; choose another."] } });

    private static ProblemHttpResult NoSuchClinic() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such clinic.");
}
