using VetOS.Application.Clinics;

namespace VetOS.Application.Messaging.Templates;

/// <summary>The account emails: confirming an address, an address already registered, a password reset, a staff invitation.</summary>
public static class AccountEmails
{
    public static EmailMessage ConfirmEmail(string to, ClinicDetails clinic, Uri link) => new(to, $"Confirm your email for {clinic.Name}",
        $"Welcome to {clinic.Name}'s booking portal.\n\nConfirm your email address within 24 hours:\n{link}\n\nIf you did not sign up, ignore this email.\n\n{Footer(clinic)}",
        "email-confirmation");

    public static EmailMessage AlreadyRegistered(string to, ClinicDetails clinic) => new(to, $"You already have an account with {clinic.Name}",
        $"Someone tried to sign up with {clinic.Name} using this address, which already has an account. Sign in, and you can join {clinic.Name} from its page; or reset your password if you forgot it.\n\nIf it was not you, you need do nothing.\n\n{Footer(clinic)}",
        "already-registered");

    /// <summary>An account may be a client of several clinics, so a reset speaks for VetOS, not for one clinic.</summary>
    public static EmailMessage PasswordReset(string to, Uri link) => new(to, "Choose a new VetOS password",
        $"Someone asked to reset the password of your VetOS account.\n\nChoose a new password within one hour:\n{link}\n\nIf it was not you, ignore this email: your password stays as it is.",
        "password-reset");

    public static EmailMessage StaffInvitation(string to, ClinicDetails clinic, Uri link) => new(to, $"You are invited to {clinic.Name} on VetOS",
        $"{clinic.Name} has added you to its staff on VetOS.\n\nSet your password within 24 hours:\n{link}\n\nIf you did not expect this, ignore this email.\n\n{Footer(clinic)}",
        "staff-invitation");

    private static string Footer(ClinicDetails clinic) =>
        new ClinicCard(clinic.Name, clinic.Address, clinic.ContactEmail, clinic.ContactPhone, TimeZoneInfo.Utc).Footer;
}
