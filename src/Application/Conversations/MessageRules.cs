using FluentValidation;
using VetOS.Domain.Conversations;

namespace VetOS.Application.Conversations;

public static class MessageRulesExtension
{
    /// <summary>A message is plain text that says something, within <see cref="Conversation.MostCharacters"/>.</summary>
    public static IRuleBuilderOptions<T, string> MessageRules<T>(this IRuleBuilder<T, string> body) =>
        body.Must(b => !string.IsNullOrWhiteSpace(b)).WithMessage(ConversationErrors.EmptyMessage.Message)
            .Must(b => b is null || b.Trim().Length <= Conversation.MostCharacters).WithMessage(ConversationErrors.TooLong.Message);
}
