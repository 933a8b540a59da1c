using FluentValidation;
using Mediator;

namespace VetOS.Application.Common;

/// <summary>Checks the rules every input follows, then the use case's validators, before its handler; a failure names the fields.</summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (InputRules.Check(message) is { Count: > 0 } broken)
            throw new ValidationException(broken);
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            if (!result.IsValid)
                throw new ValidationException(result.Errors);
        }
        return await next(message, cancellationToken);
    }
}
