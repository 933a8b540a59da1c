using Microsoft.AspNetCore.Http.HttpResults;
using VetOS.Application.Bookings;
using VetOS.Domain.Bookings;
using VetOS.Web.Http;

namespace VetOS.Web.Bookings;

public sealed record BookingResponse(Guid Id, string Status, long Revision);

/// <summary>How booking outcomes read over HTTP: ETags carry revisions, broken rules are named problems.</summary>
public static class BookingResults
{
    public static IResult ToHttp(this BookingResult result, HttpContext context, bool created = false)
    {
        if (result.Error is { } error)
            return Refused(error);
        context.Response.Headers.ETag = Revisions.ETagOf(result.Revision);
        var body = new BookingResponse(result.Id, StatusName(result.Status), result.Revision);
        return created ? TypedResults.Created($"/api/appointments/{result.Id}", body) : TypedResults.Ok(body);
    }

    public static string StatusName(AppointmentStatus status) => status == AppointmentStatus.NoShow ? "no-show" : status.ToString().ToLowerInvariant();

    private static ProblemHttpResult Refused(BookingError error)
    {
        var status = error == BookingErrors.NotFound || error == BookingErrors.NotYours ? StatusCodes.Status404NotFound
            : error == BookingErrors.StaffOnly ? StatusCodes.Status403Forbidden
            : error == BookingErrors.AlreadyExists ? StatusCodes.Status409Conflict
            : StatusCodes.Status422UnprocessableEntity;
        return TypedResults.Problem(
            statusCode: status,
            title: status == StatusCodes.Status404NotFound ? BookingErrors.NotFound.Message : error.Message,
            extensions: new Dictionary<string, object?> { ["rule"] = status == StatusCodes.Status404NotFound ? BookingErrors.NotFound.Code : error.Code });
    }
}
