using Microsoft.AspNetCore.Http.HttpResults;
using VetOS.Application.Bookings;
using VetOS.Domain.Bookings;
using VetOS.Web.Http;
using VetOS.Web.Problems;

namespace VetOS.Web.Bookings;

public sealed record BookingResponse(Guid Id, string Status, long Revision);

/// <summary>How booking outcomes read over HTTP: ETags carry revisions, broken rules are named problems.</summary>
public static class BookingResults
{
    /// <summary>A broken booking rule is the clinic's rule (422) unless the table says otherwise; an appointment not yours is not there.</summary>
    public static readonly RuleProblems Problems = new(StatusCodes.Status422UnprocessableEntity, BookingErrors.NotFound.Message);

    public static Results<Created<BookingResponse>, ProblemHttpResult> ToCreated(this BookingResult result, HttpContext context) =>
        result.Error is { } error ? Problems.For(error.Code, error.Message)
            : TypedResults.Created($"/api/appointments/{result.Id}", Response(result, context));

    public static Results<Ok<BookingResponse>, ProblemHttpResult> ToHttp(this BookingResult result, HttpContext context) =>
        result.Error is { } error ? Problems.For(error.Code, error.Message) : TypedResults.Ok(Response(result, context));

    public static string StatusName(AppointmentStatus status) => status == AppointmentStatus.NoShow ? "no-show" : status.ToString().ToLowerInvariant();

    private static BookingResponse Response(BookingResult result, HttpContext context)
    {
        context.Response.Headers.ETag = Revisions.ETagOf(result.Revision);
        return new BookingResponse(result.Id, StatusName(result.Status), result.Revision);
    }
}
