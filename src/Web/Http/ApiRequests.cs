namespace VetOS.Web.Http;

public static class ApiRequests
{
    /// <summary>A request to the JSON API, which answers with status codes and problem documents; the portal's pages answer with pages.</summary>
    public static bool IsForTheApi(this HttpRequest request) => request.Path.StartsWithSegments("/api");
}
