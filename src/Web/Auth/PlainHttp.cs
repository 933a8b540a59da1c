namespace VetOS.Web.Auth;

/// <summary>
/// Development only (<c>Auth:PlainHttp</c>): the portal served over plain HTTP on localhost, as <c>./vetos up</c> does.
/// Its cookies then drop the <c>__Host-</c> prefix and the Secure flag, which a browser would refuse or ASP.NET's
/// antiforgery would throw on without TLS. Everywhere else the portal is behind TLS and the cookies keep both.
/// </summary>
public static class PlainHttp
{
    public const string Setting = "Auth:PlainHttp";

    public static string CookieName(string name, bool plainHttp) => plainHttp ? name.Replace("__Host-", "") : name;

    public static CookieSecurePolicy SecurePolicy(bool plainHttp) => plainHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
}
