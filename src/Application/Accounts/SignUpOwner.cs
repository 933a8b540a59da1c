using FluentValidation;
using FluentValidation.Results;
using Mediator;
using VetOS.Application.Clinics;
using VetOS.Application.Messaging;
using VetOS.Application.Messaging.Templates;

namespace VetOS.Application.Accounts;

/// <summary>
/// An owner signs up through a clinic's page. The answer is the same whether or not the address already has an
/// account; its owner learns which by email.
/// </summary>
/// <summary><see cref="PhoneCountry"/>: the region a national number is written in (e.g. GB, IN); without it the number must start with + and its country code.</summary>
public sealed record SignUpOwnerCommand(Guid Clinic, string Name, string Email, string Phone, string Password, string? PhoneCountry = null) : ICommand<SignUpReceipt?>;

public sealed record SignUpReceipt(string Message);

public sealed class SignUpOwnerValidator : AbstractValidator<SignUpOwnerCommand>
{
    public SignUpOwnerValidator()
    {
        RuleFor(c => c.Clinic).NotEmpty();
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(254);
        RuleFor(c => c.PhoneCountry).Must(Phones.IsKnownCountry).WithMessage(Phones.UnknownCountry);
        RuleFor(c => c.Phone).Must((c, phone) => Phones.IsValid(phone, c.PhoneCountry)).WithMessage(Phones.Invalid);
        RuleFor(c => c.Password).NotEmpty();
    }
}

public sealed class SignUpOwnerHandler(IAccounts accounts, IClinicClients clients, IClinicRegistry clinics, IEmailSender email, IPortalLinks links)
    : ICommandHandler<SignUpOwnerCommand, SignUpReceipt?>
{
    public async ValueTask<SignUpReceipt?> Handle(SignUpOwnerCommand command, CancellationToken cancellationToken)
    {
        if (await clinics.FindAsync(command.Clinic, cancellationToken) is not { } clinic)
            return null;
        var address = command.Email.Trim();
        var registration = await accounts.RegisterOwnerAsync(
            new NewOwner(command.Name.Trim(), address, Phones.ToE164(command.Phone, command.PhoneCountry), command.Password), cancellationToken);
        if (registration.PasswordProblems.Count > 0)
            throw new ValidationException(registration.PasswordProblems.Select(p => new ValidationFailure(nameof(command.Password), p)));

        if (registration is { Account: { } account, ConfirmationToken: { } token })
        {
            await clients.AddAsync(account, command.Clinic, cancellationToken);
            await email.SendAsync(AccountEmails.ConfirmEmail(address, clinic, links.ConfirmEmail(account, token)) with { Clinic = command.Clinic, Account = account }, cancellationToken);
        }
        else
        {
            await email.SendAsync(AccountEmails.AlreadyRegistered(address, clinic) with { Clinic = command.Clinic }, cancellationToken);
        }
        return new SignUpReceipt("Thank you. We have sent an email to that address: follow it to finish signing up.");
    }
}
