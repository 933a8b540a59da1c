using Mediator;

namespace VetOS.Application.Messaging.Webhooks;

/// <summary>
/// Twilio's status callback for a message it took. Only the webhook sends this, after checking Twilio's signature;
/// a replay of the same status changes nothing.
/// </summary>
public sealed record RecordTwilioStatusCommand(string MessageSid, string MessageStatus, string? ErrorCode) : ICommand<StatusRecorded>;

public sealed class RecordTwilioStatusHandler(IProviderStatuses statuses, TimeProvider clock) : ICommandHandler<RecordTwilioStatusCommand, StatusRecorded>
{
    public async ValueTask<StatusRecorded> Handle(RecordTwilioStatusCommand command, CancellationToken cancellationToken)
    {
        if (StatusOf(command.MessageStatus) is not { } status || string.IsNullOrWhiteSpace(command.MessageSid))
            return StatusRecorded.Ignored;
        return await statuses.RecordAsync(new ProviderStatusReport(
            ProviderNames.Twilio, command.MessageSid, status, string.IsNullOrWhiteSpace(command.ErrorCode) ? null : command.ErrorCode, null,
            $"twilio:{command.MessageSid}:{command.MessageStatus}", clock.GetUtcNow()), cancellationToken);
    }

    public static string? StatusOf(string twilioStatus) => twilioStatus switch
    {
        "queued" or "accepted" or "scheduled" => MessageStatuses.Queued,
        "sending" => MessageStatuses.Sending,
        "sent" => MessageStatuses.Sent,
        "delivered" => MessageStatuses.Delivered,
        "undelivered" => MessageStatuses.Undelivered,
        "failed" => MessageStatuses.Failed,
        "read" => MessageStatuses.Read,
        _ => null,
    };
}
