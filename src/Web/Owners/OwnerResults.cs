using Microsoft.AspNetCore.Http.HttpResults;
using VetOS.Application.Owners;
using VetOS.Domain.Owners;
using VetOS.Web.Http;

namespace VetOS.Web.Owners;

public sealed record ChangeResponse(long Revision);

public sealed record PetChangeResponse(Guid Id, long Revision);

/// <summary>How owner changes read over HTTP: ETags carry each part's revision (-1: never changed here), broken rules are named problems.</summary>
public static class OwnerResults
{
    public static IResult OkWithETag<T>(this T body, HttpContext context, long revision)
    {
        context.Response.Headers.ETag = Revisions.ETagOf(revision);
        return TypedResults.Ok(body);
    }

    public static IResult ToHttp(this OwnerResult result, HttpContext context, bool created = false)
    {
        if (result.Error is { } error)
            return Refused(error);
        context.Response.Headers.ETag = Revisions.ETagOf(result.Revision);
        if (result.Pet is not { } pet)
            return TypedResults.Ok(new ChangeResponse(result.Revision));
        var body = new PetChangeResponse(pet, result.Revision);
        return created ? TypedResults.Created($"/api/me/pets/{pet}", body) : TypedResults.Ok(body);
    }

    public static ProblemHttpResult NotFound(string title) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, extensions: new Dictionary<string, object?> { ["rule"] = "not-found" });

    private static ProblemHttpResult Refused(OwnerError error)
    {
        if (error == OwnerErrors.NotYours)
            return NotFound(error.Message);
        var status = error == OwnerErrors.PetNotFound ? StatusCodes.Status404NotFound
            : error == OwnerResult.Stale ? StatusCodes.Status412PreconditionFailed
            : StatusCodes.Status409Conflict;
        return TypedResults.Problem(statusCode: status, title: error.Message, extensions: new Dictionary<string, object?> { ["rule"] = error.Code });
    }
}
