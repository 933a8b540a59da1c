using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using VetOS.Application.Clinics;
using VetOS.Web.Http;

namespace VetOS.Web.Bookings;

public sealed record BookingPolicyRequest(int MinimumLeadMinutes, int BufferMinutes, int HorizonDays, int CancellationWindowHours);

public sealed record BlockTimeRequest(DateTimeOffset Start, DateTimeOffset End, Guid? ResourceId, string? Reason);

public sealed record ResourceRequest(string Name, string Kind);

public sealed record AppointmentTypeRequest(string Name, int DurationMinutes, IReadOnlyList<string> Species, IReadOnlyList<Guid> ResourceIds, bool OwnersMayBookDirectly);

/// <summary>What clinic admins set for booking: policy, hours, closures, vets and rooms, appointment types.</summary>
public static class ClinicSetupEndpoints
{
    public static IEndpointRouteBuilder MapClinicSetup(this IEndpointRouteBuilder app)
    {
        var setup = app.MapGroup("/api/clinics/{clinicId:guid}/setup").WithTags("Clinic setup");
        setup.MapPut("/booking-policy", SetBookingPolicy).WithSummary("Lead time, buffer, furthest bookable date and cancellation window (clinic admins)");
        setup.MapPut("/opening-hours", SetOpeningHours).WithSummary("Replace the weekly opening hours, in the clinic's time zone (clinic admins)");
        setup.MapPost("/blocked-times", BlockTime).WithSummary("Close the clinic, or block one vet or room, for a while (clinic admins)");
        setup.MapDelete("/blocked-times/{id:guid}", UnblockTime).WithSummary("Remove a closure or blocked time (clinic admins)");
        setup.MapPut("/resources/{id:guid}", SaveResource).WithSummary("Add or rename a vet or room (clinic admins)");
        setup.MapPut("/appointment-types/{id:guid}", SaveAppointmentType).WithSummary("Add or change an appointment type (clinic admins)");
        return app;
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> SetBookingPolicy(
        Guid clinicId, BookingPolicyRequest body, IMediator mediator, CancellationToken ct) =>
        Saved(await mediator.Send(new SetBookingPolicyCommand(clinicId, body.MinimumLeadMinutes, body.BufferMinutes, body.HorizonDays,
            body.CancellationWindowHours), ct));

    public static async Task<Results<NoContent, ProblemHttpResult>> SetOpeningHours(
        Guid clinicId, IReadOnlyList<OpeningPeriodInput> body, IMediator mediator, CancellationToken ct) =>
        Saved(await mediator.Send(new SetOpeningHoursCommand(clinicId, body), ct));

    public static async Task<Results<Created<CreatedId>, ProblemHttpResult>> BlockTime(
        Guid clinicId, BlockTimeRequest body, IMediator mediator, CancellationToken ct) =>
        await mediator.Send(new BlockTimeCommand(clinicId, body.Start, body.End, body.ResourceId, body.Reason), ct) is { } id
            ? TypedResults.Created($"/api/clinics/{clinicId}/setup/blocked-times/{id}", new CreatedId(id))
            : NotFound();

    public static async Task<Results<NoContent, ProblemHttpResult>> UnblockTime(Guid clinicId, Guid id, IMediator mediator, CancellationToken ct) =>
        Saved(await mediator.Send(new UnblockTimeCommand(clinicId, id), ct));

    public static async Task<Results<NoContent, ProblemHttpResult>> SaveResource(
        Guid clinicId, Guid id, ResourceRequest body, IMediator mediator, CancellationToken ct) =>
        Saved(await mediator.Send(new SaveResourceCommand(clinicId, id, body.Name, body.Kind), ct));

    public static async Task<Results<NoContent, ProblemHttpResult>> SaveAppointmentType(
        Guid clinicId, Guid id, AppointmentTypeRequest body, IMediator mediator, CancellationToken ct) =>
        Saved(await mediator.Send(new SaveAppointmentTypeCommand(clinicId, id, body.Name, body.DurationMinutes, body.Species, body.ResourceIds,
            body.OwnersMayBookDirectly), ct));

    private static Results<NoContent, ProblemHttpResult> Saved(bool saved) => saved ? TypedResults.NoContent() : NotFound();

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such clinic, or no such vet or room at it.");
}
