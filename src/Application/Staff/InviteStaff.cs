using FluentValidation;
using Mediator;
using VetOS.Application.Accounts;
using VetOS.Application.Clinics;
using VetOS.Application.Common;
using VetOS.Application.Messaging;
using VetOS.Application.Messaging.Templates;
using VetOS.Domain;

namespace VetOS.Application.Staff;

/// <summary>A clinic admin adds a receptionist, vet, admin or auditor; the invitation link lets them set a password within 24 hours.</summary>
public sealed record InviteStaffCommand(Guid Clinic, string Name, string Email, ActorRole Role) : ICommand<Invitee>, IClinicAdminRequest;

/// <summary>The new account, or null when the address already has one.</summary>
public sealed record Invitee(Guid? Account);

public sealed class InviteStaffValidator : AbstractValidator<InviteStaffCommand>
{
    public InviteStaffValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(254);
        RuleFor(c => c.Role).Must(StaffRoles.All.Contains).WithMessage(StaffRoles.Message);
    }
}

public sealed class InviteStaffHandler(IStaffAccounts staff, IClinicRegistry clinics, IEmailSender email, IPortalLinks links)
    : ICommandHandler<InviteStaffCommand, Invitee>
{
    public async ValueTask<Invitee> Handle(InviteStaffCommand command, CancellationToken cancellationToken)
    {
        if (await clinics.FindAsync(command.Clinic, cancellationToken) is not { } clinic)
            return new Invitee(null);
        var address = command.Email.Trim();
        if (await staff.InviteAsync(command.Clinic, command.Name.Trim(), address, command.Role, cancellationToken) is not { } invitation)
            return new Invitee(null);
        await email.SendAsync(AccountEmails.StaffInvitation(address, clinic, links.AcceptInvitation(invitation.Account, invitation.Token)) with { Clinic = command.Clinic, Account = invitation.Account }, cancellationToken);
        return new Invitee(invitation.Account);
    }
}
