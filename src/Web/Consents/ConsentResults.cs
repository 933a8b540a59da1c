using Microsoft.AspNetCore.Http.HttpResults;
using VetOS.Application.Consents;
using VetOS.Web.Problems;

namespace VetOS.Web.Consents;

/// <summary>A consent's standing after a choice.</summary>
public sealed record ConsentStanding(Guid ClinicId, string Purpose, string Channel, string Status, DateTimeOffset? Since, int? NoticeVersion);

/// <summary>How consent outcomes read over HTTP: a broken rule is a problem naming it, 422 unless it is about a record that is not there or a clash.</summary>
public static class ConsentResults
{
    /// <summary>A choice that breaks a consent rule is unprocessable (422) unless the table says otherwise; a consent not yours to change is a client not there.</summary>
    public static readonly RuleProblems Problems = new(StatusCodes.Status422UnprocessableEntity, ConsentRefusals.NotAClient.Message);

    public static Results<Ok<ConsentStanding>, ProblemHttpResult> ToHttp(this ConsentChoiceResult result) =>
        result is { Standing: { } s, Error: null }
            ? TypedResults.Ok(new ConsentStanding(result.Clinic, result.Purpose, s.Channel, s.Status, s.Since, s.NoticeVersion))
            : Problems.For(result.Error!.Code, result.Error.Message);

    public static Results<Created<PurposeDetails>, ProblemHttpResult> ToHttp(this PurposeResult result, Guid clinic) =>
        result.Purpose is { } purpose ? TypedResults.Created($"/api/clinics/{clinic}/consent-purposes", purpose) : Problems.For(result.Error!.Code, result.Error.Message);

    public static Results<Created<NoticeText>, ProblemHttpResult> ToHttp(this NoticeResult result, Guid clinic) =>
        result.Notice is { } notice ? TypedResults.Created($"/api/clinics/{clinic}/consent-purposes", notice) : Problems.For(result.Error!.Code, result.Error.Message);

    public static ProblemHttpResult NotFound(string title) => RuleProblems.Missing(title);
}
