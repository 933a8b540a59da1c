using VetOS.Application.Common;
using FluentValidation;
using Mediator;
using VetOS.Domain;

namespace VetOS.Application.Messaging.Inbound;

/// <summary>
/// An SMS or WhatsApp message an owner sent us. Only the inbound webhook sends this, after checking Twilio's signature:
/// opt-out words withdraw consent, START restores it, Y and N answer the latest reminder. Each message acts once;
/// a replay changes nothing. A WhatsApp message also opens the 24-hour window for free text.
/// </summary>
public sealed record ReceiveInboundMessageCommand(string MessageSid, string From, [property: MultiLine] string? Body) : ICommand<InboundAnswer>;

/// <summary>What the message did, and the short answer to send back (none when there is nothing to say).</summary>
public sealed record InboundAnswer(string Action, string? Reply);

public sealed class ReceiveInboundMessageValidator : AbstractValidator<ReceiveInboundMessageCommand>
{
    public ReceiveInboundMessageValidator()
    {
        RuleFor(c => c.MessageSid).NotEmpty().MaximumLength(64);
        RuleFor(c => c.From).NotEmpty().MaximumLength(64);
    }
}

public sealed class ReceiveInboundMessageHandler(IInboundMessages inbound, ConsentByReply consent, ReminderReply reminders, TimeProvider clock)
    : ICommandHandler<ReceiveInboundMessageCommand, InboundAnswer>
{
    private const string WhatsAppPrefix = "whatsapp:";

    public async ValueTask<InboundAnswer> Handle(ReceiveInboundMessageCommand command, CancellationToken cancellationToken)
    {
        var whatsApp = command.From.StartsWith(WhatsAppPrefix, StringComparison.OrdinalIgnoreCase);
        var channel = whatsApp ? MessageChannels.WhatsApp : MessageChannels.Sms;
        var phone = whatsApp ? command.From[WhatsAppPrefix.Length..] : command.From;
        if (await inbound.SeenAsync(command.MessageSid, cancellationToken))
            return new InboundAnswer("replayed", null);

        var now = clock.GetUtcNow();
        var owners = await inbound.OwnersByPhoneAsync(phone, cancellationToken);
        Guid? booking = null;
        var (action, reply) = ("other", (string?)null);
        var intent = InboundKeywords.Classify(command.Body);
        switch (intent)
        {
            case InboundIntent.OptOut:
                await consent.WithdrawAsync(owners, channel, command.MessageSid, cancellationToken);
                action = "opt-out";
                break;
            case InboundIntent.OptIn:
                await consent.RestoreAsync(owners, channel, command.MessageSid, cancellationToken);
                action = "opt-in";
                break;
            case InboundIntent.WillCome or InboundIntent.Cancel when await inbound.LatestReminderAsync(channel, phone, now, cancellationToken) is { } reminder:
                booking = reminder.Booking;
                (action, reply) = await reminders.AnswerAsync(reminder, intent == InboundIntent.WillCome, now, cancellationToken);
                break;
            case InboundIntent.WillCome or InboundIntent.Cancel:
                action = "unmatched";
                break;
        }
        await inbound.RecordAsync(new InboundRecord(command.MessageSid, channel, owners.Select(o => o.Owner).ToList(), action, booking, now), cancellationToken);
        return new InboundAnswer(action, reply);
    }
}
