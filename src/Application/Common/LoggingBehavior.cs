using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;

namespace VetOS.Application.Common;

/// <summary>Logs each use case by name, actor id and duration: ids only, never the message's personal content.</summary>
public sealed partial class LoggingBehavior<TMessage, TResponse>(ICurrentActor current, ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await next(message, cancellationToken);
        }
        finally
        {
            Handled(logger, typeof(TMessage).Name, current.Actor?.Tag ?? "anonymous", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{UseCase} by {Actor} in {Milliseconds:F1} ms")]
    private static partial void Handled(ILogger logger, string useCase, string actor, double milliseconds);
}
