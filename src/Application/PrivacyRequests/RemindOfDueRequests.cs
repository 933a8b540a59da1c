using VetOS.Application.Accounts;
using VetOS.Application.Clinics;
using VetOS.Application.Messaging;
using VetOS.Application.Messaging.Templates;
using VetOS.Application.Staff;
using VetOS.Domain;

namespace VetOS.Application.PrivacyRequests;

/// <summary>The daily job's work: each clinic's admins hear, in one email, of the open requests due within 7 days or overdue.</summary>
public sealed class RemindOfDueRequests(
    IPrivacyRequests requests, IStaffAccounts staff, IClinicRegistry clinics, IEmailSender email, IPortalLinks links, TimeProvider clock)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sent = 0;
        var due = await requests.OpenDueBeforeAsync(now + Domain.PrivacyRequests.PrivacyRequest.NearlyDue, cancellationToken);
        foreach (var clinicRequests in due.GroupBy(r => r.Clinic.Value))
        {
            if (await clinics.FindAsync(clinicRequests.Key, cancellationToken) is not { } clinic)
                continue;
            var views = clinicRequests.OrderBy(r => r.DueAt).Select(r => PrivacyRequestView.Of(r, now)).ToList();
            foreach (var admin in (await staff.ListAsync(clinicRequests.Key, cancellationToken)).Where(s => s.Role == ActorRole.ClinicAdmin && !s.InvitationPending))
            {
                await email.SendAsync(PrivacyEmails.RequestsDue(admin.Email, clinic, views, links.PrivacyRequestQueue(clinicRequests.Key))
                    with { Clinic = clinicRequests.Key, Account = admin.Account }, cancellationToken);
                sent++;
            }
        }
        return sent;
    }
}
