using Mediator;
using VetOS.Application.Messaging;

namespace VetOS.Web.Messaging;

/// <summary>Minutes before the appointment for each reminder, and quiet hours in the clinic's time zone ("21:00" to "08:00").</summary>
public sealed record ReminderPolicyRequest(IReadOnlyList<int>? OffsetsMinutes, TimeOnly QuietHoursStart, TimeOnly QuietHoursEnd);

public static class ReminderPolicyEndpoints
{
    public static IEndpointRouteBuilder MapReminderPolicy(this IEndpointRouteBuilder app)
    {
        var reminders = app.MapGroup("/api/clinics/{clinicId:guid}/setup/reminders").WithTags("Clinic setup");
        reminders.MapGet("", async (Guid clinicId, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new GetReminderPolicyQuery(clinicId), ct) is { } policy ? Results.Ok(policy) : NotFound())
            .WithSummary("When reminders go and the quiet hours (the clinic's staff)");
        reminders.MapPut("", async (Guid clinicId, ReminderPolicyRequest body, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new SetReminderPolicyCommand(clinicId, body.OffsetsMinutes, body.QuietHoursStart, body.QuietHoursEnd), ct)
                    ? Results.NoContent()
                    : NotFound())
            .WithSummary("Set when reminders go (minutes before, up to five) and the quiet hours (clinic admins)");
        return app;
    }

    private static IResult NotFound() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such clinic.");
}
