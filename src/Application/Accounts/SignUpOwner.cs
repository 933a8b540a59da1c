using FluentValidation;
using FluentValidation.Results;
using Mediator;
using PhoneNumbers;
using VetOS.Application.Clinics;
using VetOS.Application.Messaging;
using VetOS.Application.Messaging.Templates;

namespace VetOS.Application.Accounts;

/// <summary>
/// An owner signs up through a clinic's page. The answer is the same whether or not the address already has an
/// account; its owner learns which by email.
/// </summary>
public sealed record SignUpOwnerCommand(Guid Clinic, string Name, string Email, string Phone, string Password) : ICommand<SignUpReceipt?>;

public sealed record SignUpReceipt(string Message);

public sealed class SignUpOwnerValidator : AbstractValidator<SignUpOwnerCommand>
{
    public SignUpOwnerValidator()
    {
        RuleFor(c => c.Clinic).NotEmpty();
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(254);
        RuleFor(c => c.Phone).Must(PhoneNumbers.IsInternational).WithMessage("'Phone' must be an international number, e.g. +447700900123.");
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
            new NewOwner(command.Name.Trim(), address, PhoneNumbers.ToE164(command.Phone), command.Password), cancellationToken);
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

internal static class PhoneNumbers
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static bool IsInternational(string? number)
    {
        if (string.IsNullOrWhiteSpace(number) || !number.TrimStart().StartsWith('+'))
            return false;
        try
        {
            return Util.IsValidNumber(Util.Parse(number, null));
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    public static string ToE164(string number) => Util.Format(Util.Parse(number, null), PhoneNumberFormat.E164);
}
