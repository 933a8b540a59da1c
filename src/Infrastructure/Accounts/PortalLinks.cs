using Microsoft.Extensions.Configuration;
using VetOS.Application.Accounts;

namespace VetOS.Infrastructure.Accounts;

/// <summary>Links into the portal from its public address (<c>Portal:BaseUrl</c>), for the emails and texts that point to it.</summary>
public sealed class PortalLinks(IConfiguration configuration) : IPortalLinks
{
    private readonly Uri baseUrl = new(configuration["Portal:BaseUrl"] ?? "http://localhost:5080/");

    public Uri ConfirmEmail(Guid account, string token) =>
        new(baseUrl, $"account/confirm?account={account}&token={Uri.EscapeDataString(token)}");

    public Uri AcceptInvitation(Guid account, string token) =>
        new(baseUrl, $"account/accept-invitation?account={account}&token={Uri.EscapeDataString(token)}");

    public Uri ResetPassword(Guid account, string token) =>
        new(baseUrl, $"account/reset-password?account={account}&token={Uri.EscapeDataString(token)}");

    public Uri Appointment(Guid booking) => new(baseUrl, $"me/appointments/{booking}");

    public Uri PrivacyRequestQueue(Guid clinic) => new(baseUrl, $"api/clinics/{clinic}/privacy-requests");

    public Uri Conversation(Guid clinic) => new(baseUrl, $"me/conversations/{clinic}");

    public Uri ConversationInbox(Guid clinic) => new(baseUrl, $"api/clinics/{clinic}/conversations");
}
