using Microsoft.AspNetCore.Http.HttpResults;
using VetOS.Application.Consents;
using VetOS.Domain.Consents;

namespace VetOS.Web.Consents;

/// <summary>A consent's standing after a choice.</summary>
public sealed record ConsentStanding(Guid ClinicId, string Purpose, string Channel, string Status, DateTimeOffset? Since, int? NoticeVersion);

/// <summary>How consent outcomes read over HTTP: a broken rule is a problem naming it, 422 unless it is about a record that is not there or a clash.</summary>
public static class ConsentResults
{
    public static IResult ToHttp(this ConsentChoiceResult result) =>
        result is { Standing: { } s, Error: null }
            ? TypedResults.Ok(new ConsentStanding(result.Clinic, result.Purpose, s.Channel, s.Status, s.Since, s.NoticeVersion))
            : Refused(result.Error!);

    public static IResult ToHttp(this PurposeResult result, Guid clinic) =>
        result.Purpose is { } purpose ? TypedResults.Created($"/api/clinics/{clinic}/consent-purposes", purpose) : Refused(result.Error!);

    public static IResult ToHttp(this NoticeResult result, Guid clinic) =>
        result.Notice is { } notice ? TypedResults.Created($"/api/clinics/{clinic}/consent-purposes", notice) : Refused(result.Error!);

    public static ProblemHttpResult NotFound(string title) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, extensions: new Dictionary<string, object?> { ["rule"] = "not-found" });

    private static ProblemHttpResult Refused(ConsentError error)
    {
        if (error.Code == ConsentRefusals.NotAClient.Code || error == ConsentErrors.NotYours)
            return NotFound(error == ConsentErrors.NotYours ? ConsentRefusals.NotAClient.Message : error.Message);
        var status = error == ConsentRefusals.PurposeExists || error == ConsentRefusals.Busy
            ? StatusCodes.Status409Conflict
            : StatusCodes.Status422UnprocessableEntity;
        return TypedResults.Problem(statusCode: status, title: error.Message, extensions: new Dictionary<string, object?> { ["rule"] = error.Code });
    }
}
