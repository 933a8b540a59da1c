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
            _ when DatabaseAway(exception) => (StatusCodes.Status503ServiceUnavailable, "The service is briefly unavailable.",
                "The database does not answer just now; nothing was lost. Please try again in a few seconds.", null),
            _ => (0, "", "", null),
        };
        if (status == 0)
            return false;

        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail };
        if (errors is not null)
            problem.Extensions["errors"] = errors;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    public const int RetryAfterSeconds = 5;

    /// <summary>A database that is briefly away (restarting, refusing connections) is not a server bug: the client may retry.</summary>
    private static bool DatabaseAway(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is Npgsql.NpgsqlException { IsTransient: true } or Npgsql.PostgresException { SqlState: ['5', '7', 'P', ..] })
                return true;
        }
        return false;
    }

    private static string FieldOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "body" : jsonPath.TrimStart('$', '.');
}
