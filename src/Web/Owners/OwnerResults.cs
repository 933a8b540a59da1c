using Microsoft.AspNetCore.Http.HttpResults;
using VetOS.Application.Owners;
using VetOS.Domain.Owners;
using VetOS.Web.Http;
using VetOS.Web.Problems;

namespace VetOS.Web.Owners;

public sealed record ChangeResponse(long Revision);

public sealed record PetChangeResponse(Guid Id, long Revision);

/// <summary>How owner changes read over HTTP: ETags carry each part's revision (-1: never changed here), broken rules are named problems.</summary>
public static class OwnerResults
{
    /// <summary>A change that clashes with the record is a conflict (409) unless the table says otherwise; a client not yours is not there.</summary>
    public static readonly RuleProblems Problems = new(StatusCodes.Status409Conflict, OwnerErrors.NotYours.Message);

    public static Ok<T> OkWithETag<T>(this T body, HttpContext context, long revision)
    {
        context.Response.Headers.ETag = Revisions.ETagOf(revision);
        return TypedResults.Ok(body);
    }

    /// <summary>A change to the owner's contact details.</summary>
    public static Results<Ok<ChangeResponse>, ProblemHttpResult> ToHttp(this OwnerResult result, HttpContext context) =>
        result.Error is { } error ? Problems.For(error.Code, error.Message) : new ChangeResponse(result.Revision).OkWithETag(context, result.Revision);

    /// <summary>A change to one pet.</summary>
    public static Results<Ok<PetChangeResponse>, ProblemHttpResult> ToPetChange(this OwnerResult result, HttpContext context) =>
        result.Error is { } error ? Problems.For(error.Code, error.Message) : PetChange(result).OkWithETag(context, result.Revision);

    /// <summary>A pet added.</summary>
    public static Results<Created<PetChangeResponse>, ProblemHttpResult> ToCreatedPet(this OwnerResult result, HttpContext context)
    {
        if (result.Error is { } error)
            return Problems.For(error.Code, error.Message);
        context.Response.Headers.ETag = Revisions.ETagOf(result.Revision);
        return TypedResults.Created($"/api/me/pets/{result.Pet}", PetChange(result));
    }

    public static ProblemHttpResult NotFound(string title) => RuleProblems.Missing(title);

    private static PetChangeResponse PetChange(OwnerResult result) => new(result.Pet!.Value, result.Revision);
}
