using System.Collections.Frozen;
using Microsoft.AspNetCore.Http.HttpResults;

namespace VetOS.Web.Problems;

/// <summary>
/// How a broken rule reads over HTTP, for every feature: one table from the rule's code to its status, a problem whose
/// title is the rule's words and whose <c>rule</c> names it. A rule the table does not name answers with the feature's
/// own status (422 for a booking or consent that breaks the clinic's rules, 409 for a change that clashes with the
/// record's state). Something that is not the caller's is told as not there, so nobody learns what others hold.
/// </summary>
public sealed record RuleProblems(int Otherwise, string NotThere)
{
    public const string NotFound = "not-found";
    public const string NotYours = "not-yours";

    private static readonly FrozenDictionary<string, int> StatusOf = new Dictionary<string, int>
    {
        [NotFound] = StatusCodes.Status404NotFound,
        [NotYours] = StatusCodes.Status404NotFound,
        ["pet-not-found"] = StatusCodes.Status404NotFound,
        ["appointment-not-found"] = StatusCodes.Status404NotFound,
        ["staff-only"] = StatusCodes.Status403Forbidden,
        ["already-exists"] = StatusCodes.Status409Conflict,
        ["purpose-exists"] = StatusCodes.Status409Conflict,
        ["changed-concurrently"] = StatusCodes.Status409Conflict,
        ["export-not-ready"] = StatusCodes.Status409Conflict,
        ["export-expired"] = StatusCodes.Status410Gone,
        ["changed-since-read"] = StatusCodes.Status412PreconditionFailed,
    }.ToFrozenDictionary();

    public static int StatusFor(string rule, int otherwise) => StatusOf.GetValueOrDefault(rule, otherwise);

    /// <summary>The problem for a broken rule, by its stable code and the words it is said in.</summary>
    public ProblemHttpResult For(string rule, string title) => rule switch
    {
        NotYours => Problem(StatusCodes.Status404NotFound, NotThere, NotFound),
        _ => Problem(StatusFor(rule, Otherwise), title, rule),
    };

    /// <summary>A 404 saying what is not there.</summary>
    public static ProblemHttpResult Missing(string title) => Problem(StatusCodes.Status404NotFound, title, NotFound);

    public static ProblemHttpResult Problem(int status, string title, string rule) =>
        TypedResults.Problem(statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["rule"] = rule });
}
