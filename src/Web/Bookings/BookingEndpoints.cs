using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
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
        clinics.MapGet("/slots", FindSlots).WithSummary("Find free slots of an appointment type over some days");
        clinics.MapGet("/schedule/{day}", Schedule).WithSummary("The clinic's appointments on one day, per vet or room (staff)");

        var appointments = app.MapGroup("/api/appointments").WithTags("Booking");
        appointments.MapPost("/", Book).WithSummary("Book or request an appointment (owners for their pets; staff for an owner)");
        appointments.MapGet("/mine", Mine).WithSummary("The signed-in owner's upcoming and past appointments");
        appointments.MapGet("/{id:guid}", One).WithSummary("One appointment, with its revision as ETag");
        appointments.MapPost("/{id:guid}/reschedule", Reschedule).WithSummary("Move an appointment to another slot (If-Match: its ETag)");
        appointments.MapPost("/{id:guid}/cancel", Cancel).WithSummary("Cancel an appointment (If-Match: its ETag)");
        appointments.MapPost("/{id:guid}/confirm", Confirm).WithSummary("Confirm a requested appointment (staff)");
        appointments.MapPost("/{id:guid}/decline", Decline).WithSummary("Decline a requested appointment, saying why (staff)");
        appointments.MapPost("/{id:guid}/attended", Attended).WithSummary("Mark an appointment attended (staff)");
        appointments.MapPost("/{id:guid}/no-show", NoShow).WithSummary("Mark an appointment a no-show (staff)");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<FreeSlotView>>, ProblemHttpResult>> FindSlots(
        Guid clinicId, Guid type, DateOnly from, int? days, Guid? resource, IMediator mediator, CancellationToken ct) =>
        await mediator.Send(new FindFreeSlotsQuery(clinicId, type, from, days ?? 7, resource), ct) is { } slots
            ? TypedResults.Ok(slots)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such clinic or appointment type.");

    public static async Task<Results<Ok<DaySchedule>, ProblemHttpResult>> Schedule(Guid clinicId, DateOnly day, IMediator mediator, CancellationToken ct) =>
        await mediator.Send(new GetDayScheduleQuery(clinicId, day), ct) is { } schedule
            ? TypedResults.Ok(schedule)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such clinic.");

    public static async Task<Results<Created<BookingResponse>, ProblemHttpResult>> Book(
        BookAppointmentCommand command, IMediator mediator, HttpContext context, CancellationToken ct) =>
        (await mediator.Send(command, ct)).ToCreated(context);

    public static async Task<Ok<MyAppointments>> Mine(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListMyAppointmentsQuery(), ct));

    public static async Task<Results<Ok<AppointmentState>, ProblemHttpResult>> One(Guid id, IMediator mediator, HttpContext context, CancellationToken ct)
    {
        if (await mediator.Send(new GetAppointmentQuery(id), ct) is not { } appointment)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no such appointment.");
        context.Response.Headers.ETag = Revisions.ETagOf(appointment.Revision);
        return TypedResults.Ok(appointment);
    }

    public static Task<Results<Ok<BookingResponse>, ProblemHttpResult>> Reschedule(Guid id, RescheduleRequest body,
        [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext context, CancellationToken ct) =>
        Change(context, mediator, new RescheduleAppointmentCommand(id, body.ResourceId, body.Start, Revisions.ExpectedRevision(ifMatch)), ct);

    public static Task<Results<Ok<BookingResponse>, ProblemHttpResult>> Cancel(Guid id, ReasonRequest? body,
        [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext context, CancellationToken ct) =>
        Change(context, mediator, new CancelAppointmentCommand(id, body?.Reason, Revisions.ExpectedRevision(ifMatch)), ct);

    public static Task<Results<Ok<BookingResponse>, ProblemHttpResult>> Confirm(Guid id,
        [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext context, CancellationToken ct) =>
        Change(context, mediator, new ConfirmAppointmentCommand(id, Revisions.ExpectedRevision(ifMatch)), ct);

    public static Task<Results<Ok<BookingResponse>, ProblemHttpResult>> Decline(Guid id, ReasonRequest body,
        [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext context, CancellationToken ct) =>
        Change(context, mediator, new DeclineAppointmentCommand(id, body.Reason ?? "", Revisions.ExpectedRevision(ifMatch)), ct);

    public static Task<Results<Ok<BookingResponse>, ProblemHttpResult>> Attended(Guid id,
        [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext context, CancellationToken ct) =>
        Change(context, mediator, new RecordAttendanceCommand(id, Attended: true, Revisions.ExpectedRevision(ifMatch)), ct);

    public static Task<Results<Ok<BookingResponse>, ProblemHttpResult>> NoShow(Guid id,
        [FromHeader(Name = "If-Match")] string? ifMatch, IMediator mediator, HttpContext context, CancellationToken ct) =>
        Change(context, mediator, new RecordAttendanceCommand(id, Attended: false, Revisions.ExpectedRevision(ifMatch)), ct);

    private static async Task<Results<Ok<BookingResponse>, ProblemHttpResult>> Change(
        HttpContext context, IMediator mediator, ICommand<BookingResult> command, CancellationToken ct) =>
        (await mediator.Send(command, ct)).ToHttp(context);
}
