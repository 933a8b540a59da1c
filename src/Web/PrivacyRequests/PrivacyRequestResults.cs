using Microsoft.AspNetCore.Http.HttpResults;
using VetOS.Application.PrivacyRequests;
using VetOS.Domain.PrivacyRequests;
using VetOS.Web.Http;
using VetOS.Web.Problems;

namespace VetOS.Web.PrivacyRequests;

/// <summary>How privacy requests read over HTTP: the request with its revision as ETag, broken rules as named problems.</summary>
public static class PrivacyRequestResults
{
    public static Results<Ok<PrivacyRequestView>, ProblemHttpResult> ToHttp(this PrivacyRequestResult result, HttpContext context) =>
        result.Error is { } error ? Refused(error) : TypedResults.Ok(Tagged(result.Request!, context));

    public static Results<Created<PrivacyRequestView>, ProblemHttpResult> ToCreated(this PrivacyRequestResult result, HttpContext context) =>
        result.Error is { } error ? Refused(error) : TypedResults.Created(LocationOf(result.Request!), Tagged(result.Request!, context));

    public static Results<Accepted<PrivacyRequestView>, ProblemHttpResult> ToAccepted(this PrivacyRequestResult result, HttpContext context) =>
        result.Error is { } error ? Refused(error) : TypedResults.Accepted(LocationOf(result.Request!), Tagged(result.Request!, context));

    public static Results<Ok<PrivacyRequestFile>, ProblemHttpResult> Found(this PrivacyRequestFile? file, HttpContext context)
    {
        if (file is null)
            return Refused(PrivacyRequestErrors.NotFound);
        context.Response.Headers.ETag = Revisions.ETagOf(file.Request.Revision);
        return TypedResults.Ok(file);
    }

    public static Results<ContentHttpResult, ProblemHttpResult> ToHttp(this ExportDownload download, string format) => download.Refusal switch
    {
        null => TypedResults.Text(download.Document!, format == "html" ? "text/html; charset=utf-8" : "application/json; charset=utf-8"),
        ExportDownload.Expired => Problem("The download has expired; ask the clinic to build the export again.", "export-expired"),
        ExportDownload.NotReady => Problem("The export is not ready yet; the request shows its progress.", "export-not-ready"),
        _ => Refused(PrivacyRequestErrors.NotFound),
    };

    /// <summary>A step that does not fit the request's state is a conflict (409) unless the table says otherwise.</summary>
    public static readonly RuleProblems Problems = new(StatusCodes.Status409Conflict, PrivacyRequestErrors.NotFound.Message);

    public static ProblemHttpResult Refused(PrivacyRequestError error) => Problems.For(error.Code, error.Message);

    private static ProblemHttpResult Problem(string title, string rule) => Problems.For(rule, title);

    private static PrivacyRequestView Tagged(PrivacyRequestView request, HttpContext context)
    {
        context.Response.Headers.ETag = Revisions.ETagOf(request.Revision);
        return request;
    }

    private static string LocationOf(PrivacyRequestView request) => $"/api/clinics/{request.ClinicId}/privacy-requests/{request.Id}";
}
