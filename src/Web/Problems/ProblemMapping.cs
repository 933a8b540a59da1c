using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using VetOS.Application.Bookings;
using VetOS.Application.Common;
using VetOS.Application.EventStore;

namespace VetOS.Web.Problems;

/// <summary>Turns the exceptions the pipeline and the stores throw into RFC 7807 problem details, in one place.</summary>
public sealed class ProblemMapping(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, errors) = exception switch
        {
            ValidationException v => (StatusCodes.Status400BadRequest, "The request is not valid.", "See the errors for each field.",
                v.Errors.GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.PropertyName)).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray())),
            BadHttpRequestException { InnerException: JsonException json } => (StatusCodes.Status400BadRequest, "The request body is not valid JSON for this operation.",
                json.Message, new Dictionary<string, string[]> { [FieldOf(json.Path)] = [json.Message] }),
            BadHttpRequestException bad => (bad.StatusCode, "The request is not valid.", bad.Message, null),
            NotAuthenticatedException => (StatusCodes.Status401Unauthorized, "Sign in first.", exception.Message, null),
            ForbiddenException => (StatusCodes.Status403Forbidden, "Not allowed.", exception.Message, null),
            SlotTakenException => (StatusCodes.Status409Conflict, "That slot is taken.", "Someone else booked that time a moment ago; please choose another slot.", null),
            WrongExpectedRevisionException => (StatusCodes.Status412PreconditionFailed, "The appointment changed since you last read it.",
                "Reload it and try again.", null),
            _ => (0, "", "", null),
        };
        if (status == 0)
            return false;

        httpContext.Response.StatusCode = status;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail };
        if (errors is not null)
            problem.Extensions["errors"] = errors;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static string FieldOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "body" : jsonPath.TrimStart('$', '.');
}
