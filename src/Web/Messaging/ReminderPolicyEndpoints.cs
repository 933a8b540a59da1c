using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using VetOS.Application.Messaging;

namespace VetOS.Web.Messaging;

/// <summary>Minutes before the appointment for each reminder, and quiet hours in the clinic's time zone ("21:00" to "08:00").</summary>
public sealed record ReminderPolicyRequest(IReadOnlyList<int>? OffsetsMinutes, TimeOnly QuietHoursStart, TimeOnly QuietHoursEnd);

public static class ReminderPolicyEndpoints
{
    public static IEndpointRouteBuilder MapReminderPolicy(this IEndpointRouteBuilder app)
    {
        var reminders = app.MapGroup("/api/clinics/{clinicId:guid}/setup/reminders").WithTags("Clinic setup");
        reminders.MapGet("", Policy).WithSummary("When reminders go and the quiet hours (the clinic's staff)");
        reminders.MapPut("", SetPolicy).WithSummary("Set when reminders go (minutes before, up to five) and the quiet hours (clinic admins)");
        return app;
    }

    public static async Task<Results<Ok<ReminderPolicyView>, ProblemHttpResult>> Policy(Guid clinicId, IMediator mediator, CancellationToken ct) =>
        await mediator.Send(new GetReminderPolicyQuery(clinicId), ct) is { } policy ? TypedResults.Ok(policy) : NoSuchClinic();

    public static async Task<Results<NoContent, ProblemHttpResult>> SetPolicy(
        Guid clinicId, ReminderPolicyRequest body, IMediator mediator, CancellationToken ct) =>
        await mediator.Send(new SetReminderPolicyCommand(clinicId, body.OffsetsMinutes, body.QuietHoursStart, body.QuietHoursEnd), ct)
            ? TypedResults.NoContent()
            : NoSuchClinic();

    private static ProblemHttpResult NoSuchClinic() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such clinic.");
}
