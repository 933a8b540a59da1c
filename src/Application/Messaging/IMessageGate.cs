namespace VetOS.Application.Messaging;

/// <summary>A check every due message passes at send time; a reason means it is skipped, with that reason recorded.</summary>
public interface IMessageGate
{
    Task<string?> SkipReasonAsync(DueMessage message, DateTimeOffset now, CancellationToken cancellationToken);
}

public sealed record DueMessage(Guid Id, Guid? Clinic, Guid? Owner, string Channel, string Template, string? Purpose, Guid? Booking, DateTimeOffset DueAt);
