using Mediator;
using VetOS.Application.Bookings;
using VetOS.Web.Http;

namespace VetOS.Web.Bookings;

public sealed record RescheduleRequest(Guid ResourceId, DateTimeOffset Start);

public sealed record ReasonRequest(string? Reason);

/// <summary>The booking API: each endpoint sends one use case and maps its outcome.</summary>
public static class BookingEndpoints
{
    public static IEndpointRouteBuilder MapBookings(this IEndpointRouteBuilder app)
    {
        var clinics = app.MapGroup("/api/clinics/{clinicId:guid}").WithTags("Booking");
        clinics.MapGet("/slots", async (Guid clinicId, Guid type, DateOnly from, int? days, Guid? resource, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new FindFreeSlotsQuery(clinicId, type, from, days ?? 7, resource), ct) is { } slots
                    ? Results.Ok(slots)
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such clinic or appointment type."))
            .WithSummary("Find free slots of an appointment type over some days");
        clinics.MapGet("/schedule/{day}", async (Guid clinicId, DateOnly day, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new GetDayScheduleQuery(clinicId, day), ct) is { } schedule
                    ? Results.Ok(schedule)
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such clinic."))
            .WithSummary("The clinic's appointments on one day, per vet or room (staff)");

        var appointments = app.MapGroup("/api/appointments").WithTags("Booking");
        appointments.MapPost("/", async (BookAppointmentCommand command, IMediator mediator, HttpContext context, CancellationToken ct) =>
                (await mediator.Send(command, ct)).ToHttp(context, created: true))
            .WithSummary("Book or request an appointment (owners for their pets; staff for an owner)");
        appointments.MapGet("/mine", async (IMediator mediator, CancellationToken ct) => Results.Ok(await mediator.Send(new ListMyAppointmentsQuery(), ct)))
            .WithSummary("The signed-in owner's upcoming and past appointments");
        appointments.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpContext context, CancellationToken ct) =>
            {
                if (await mediator.Send(new GetAppointmentQuery(id), ct) is not { } appointment)
                    return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no such appointment.");
                context.Response.Headers.ETag = Revisions.ETagOf(appointment.Revision);
                return Results.Ok(appointment);
            })
            .WithSummary("One appointment, with its revision as ETag");

        appointments.MapPost("/{id:guid}/reschedule", (Guid id, RescheduleRequest body, IMediator mediator, HttpContext context, CancellationToken ct) =>
                Change(context, mediator, new RescheduleAppointmentCommand(id, body.ResourceId, body.Start, Revisions.ExpectedRevision(context.Request)), ct))
            .WithSummary("Move an appointment to another slot (If-Match: its ETag)");
        appointments.MapPost("/{id:guid}/cancel", (Guid id, ReasonRequest? body, IMediator mediator, HttpContext context, CancellationToken ct) =>
                Change(context, mediator, new CancelAppointmentCommand(id, body?.Reason, Revisions.ExpectedRevision(context.Request)), ct))
            .WithSummary("Cancel an appointment (If-Match: its ETag)");
        appointments.MapPost("/{id:guid}/confirm", (Guid id, IMediator mediator, HttpContext context, CancellationToken ct) =>
                Change(context, mediator, new ConfirmAppointmentCommand(id, Revisions.ExpectedRevision(context.Request)), ct))
            .WithSummary("Confirm a requested appointment (staff)");
        appointments.MapPost("/{id:guid}/decline", (Guid id, ReasonRequest body, IMediator mediator, HttpContext context, CancellationToken ct) =>
                Change(context, mediator, new DeclineAppointmentCommand(id, body.Reason ?? "", Revisions.ExpectedRevision(context.Request)), ct))
            .WithSummary("Decline a requested appointment, saying why (staff)");
        appointments.MapPost("/{id:guid}/attended", (Guid id, IMediator mediator, HttpContext context, CancellationToken ct) =>
                Change(context, mediator, new RecordAttendanceCommand(id, Attended: true, Revisions.ExpectedRevision(context.Request)), ct))
            .WithSummary("Mark an appointment attended (staff)");
        appointments.MapPost("/{id:guid}/no-show", (Guid id, IMediator mediator, HttpContext context, CancellationToken ct) =>
                Change(context, mediator, new RecordAttendanceCommand(id, Attended: false, Revisions.ExpectedRevision(context.Request)), ct))
            .WithSummary("Mark an appointment a no-show (staff)");
        return app;
    }

    private static async Task<IResult> Change(HttpContext context, IMediator mediator, ICommand<BookingResult> command, CancellationToken ct) =>
        (await mediator.Send(command, ct)).ToHttp(context);
}
