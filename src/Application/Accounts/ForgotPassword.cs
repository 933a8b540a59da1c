using FluentValidation;
using Mediator;

namespace VetOS.Application.Accounts;

/// <summary>
/// Someone forgot a password. The answer is the same whether or not the address has an account; only a confirmed
/// account's owner gets a reset link, by email.
/// </summary>
public sealed record ForgotPasswordCommand(string Email) : ICommand<ResetRequested>;

public sealed record ResetRequested(string Message);

public sealed class ForgotPasswordValidator : AbstractValidator<ForgotPasswordCommand>
{
    public ForgotPasswordValidator() => RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(254);
}

public sealed class ForgotPasswordHandler(IPasswordResetRequests resets) : ICommandHandler<ForgotPasswordCommand, ResetRequested>
{
    private static readonly ResetRequested Receipt =
        new("If an account has that address, we have sent it a link to choose a new password. The link works once, within an hour.");

    /// <summary>The same work for every address: the look-up, the token and the email happen after the answer.</summary>
    public ValueTask<ResetRequested> Handle(ForgotPasswordCommand command, CancellationToken cancellationToken)
    {
        resets.Request(command.Email.Trim());
        return ValueTask.FromResult(Receipt);
    }
}
