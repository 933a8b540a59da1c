using VetOS.Application.Consents;

namespace VetOS.Web.Consents;

/// <summary>The consent evidence a portal request carries: the connection's address and the browser's User-Agent.</summary>
public sealed class HttpRequestEvidence(IHttpContextAccessor http) : IRequestEvidence
{
    private const int MaxUserAgentLength = 512;

    public string? IpAddress => http.HttpContext?.Connection.RemoteIpAddress is { } address
        ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
        : null;

    public string? UserAgent => http.HttpContext?.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent
        ? agent[..Math.Min(agent.Length, MaxUserAgentLength)]
        : null;
}
