using FluentValidation;
using Mediator;
using VetOS.Application.Common;
using VetOS.Domain.Messaging;

namespace VetOS.Application.Messaging;

/// <summary>
/// A clinic admin sets when reminders go: minutes before the appointment (one to five offsets), and the quiet hours
/// of the clinic's local time (equal times: none). Reminders already planned keep their times.
/// </summary>
public sealed record SetReminderPolicyCommand(Guid Clinic, IReadOnlyList<int>? OffsetsMinutes, TimeOnly QuietHoursStart, TimeOnly QuietHoursEnd)
    : ICommand<bool>, IClinicAdminRequest;

public sealed class SetReminderPolicyValidator : AbstractValidator<SetReminderPolicyCommand>
{
    public SetReminderPolicyValidator()
    {
        RuleFor(c => c.OffsetsMinutes).NotEmpty()
            .Must(o => o is null || o.Count <= ReminderPolicy.MaxOffsets).WithMessage($"At most {ReminderPolicy.MaxOffsets} reminders per appointment.")
            .Must(o => o is null || o.Distinct().Count() == o.Count).WithMessage("Each reminder needs its own time.");
        RuleForEach(c => c.OffsetsMinutes).InclusiveBetween((int)ReminderPolicy.MinOffset.TotalMinutes, (int)ReminderPolicy.MaxOffset.TotalMinutes);
    }
}

public sealed class SetReminderPolicyHandler(IReminderPolicies policies) : ICommandHandler<SetReminderPolicyCommand, bool>
{
    public async ValueTask<bool> Handle(SetReminderPolicyCommand command, CancellationToken cancellationToken) =>
        await policies.SetAsync(command.Clinic, new ReminderPolicy(
            command.OffsetsMinutes!.Select(m => TimeSpan.FromMinutes(m)).OrderDescending().ToList(), command.QuietHoursStart, command.QuietHoursEnd),
            cancellationToken);
}
