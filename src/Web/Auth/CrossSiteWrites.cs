namespace VetOS.Web.Auth;

/// <summary>
/// Refuses writes a browser sent from another site: an <c>Origin</c> that is neither this host nor the portal
/// (<c>Portal:BaseUrl</c>, which differs from the host behind a TLS-terminating proxy), or <c>Sec-Fetch-Site: cross-site</c>.
/// SameSite=Lax already keeps the session cookie off cross-site POSTs; this also covers sibling subdomains and old
/// browsers. Requests without <c>Origin</c> come from outside browsers and pass.
/// </summary>
public sealed class CrossSiteWrites(RequestDelegate next, IConfiguration configuration)
{
    private readonly Uri? portal = Uri.TryCreate(configuration["Portal:BaseUrl"], UriKind.Absolute, out var url) ? url : null;

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var unsafeMethod = HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method)
                           || HttpMethods.IsPatch(request.Method) || HttpMethods.IsDelete(request.Method);
        if (!unsafeMethod || !FromAnotherSite(request))
            return next(context);
        return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Cross-site request refused.",
            detail: "This request came from another site.").ExecuteAsync(context);
    }

    private bool FromAnotherSite(HttpRequest request)
    {
        if (string.Equals(request.Headers["Sec-Fetch-Site"], "cross-site", StringComparison.OrdinalIgnoreCase))
            return true;
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
            return false;
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var from))
            return true; // "null" from sandboxed frames and privacy-sensitive redirects
        return !(Uri.TryCreate($"{request.Scheme}://{request.Host}", UriKind.Absolute, out var self) && SameOrigin(from, self))
               && !(portal is not null && SameOrigin(from, portal));
    }

    private static bool SameOrigin(Uri one, Uri other) =>
        Uri.Compare(one, other, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
