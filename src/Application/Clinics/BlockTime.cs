using FluentValidation;
using Mediator;
using VetOS.Application.Common;
using VetOS.Domain;
using VetOS.Domain.Clinics;

namespace VetOS.Application.Clinics;

/// <summary>Closes the clinic (no resource) or blocks one vet or room for a while; appointments already booked stay.</summary>
public sealed record BlockTimeCommand(Guid Clinic, DateTimeOffset Start, DateTimeOffset End, Guid? Resource = null, [property: MultiLine] string? Reason = null)
    : ICommand<Guid?>, IClinicAdminRequest;

public sealed class BlockTimeValidator : AbstractValidator<BlockTimeCommand>
{
    public BlockTimeValidator()
    {
        RuleFor(c => c.Start).NotEqual(default(DateTimeOffset));
        RuleFor(c => c.End).GreaterThan(c => c.Start).WithMessage("'End' must be after 'Start'.");
        RuleFor(c => c.Resource).NotEqual(Guid.Empty);
        RuleFor(c => c.Reason).MaximumLength(200);
    }
}

public sealed class BlockTimeHandler(IClinicSetup setup) : ICommandHandler<BlockTimeCommand, Guid?>
{
    public async ValueTask<Guid?> Handle(BlockTimeCommand command, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var blocked = new BlockedTime(new TimeSlot(command.Start, command.End), command.Resource is { } r ? new ResourceId(r) : null, command.Reason ?? "");
        return await setup.AddBlockedTimeAsync(new ClinicId(command.Clinic), id, blocked, cancellationToken) ? id : null;
    }
}

public sealed record UnblockTimeCommand(Guid Clinic, Guid BlockedTime) : ICommand<bool>, IClinicAdminRequest;

public sealed class UnblockTimeHandler(IClinicSetup setup) : ICommandHandler<UnblockTimeCommand, bool>
{
    public async ValueTask<bool> Handle(UnblockTimeCommand command, CancellationToken cancellationToken) =>
        await setup.RemoveBlockedTimeAsync(new ClinicId(command.Clinic), command.BlockedTime, cancellationToken);
}
