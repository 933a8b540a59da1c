using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using VetOS.TestSupport.Fuzzing;

namespace VetOS.Web.Tests.Fuzzing;

/// <summary>Every error the host logs (an unhandled exception is one), with the fuzz case of the request it happened in.</summary>
public sealed class HostErrorLog(IHttpContextAccessor http) : ILoggerProvider
{
    public sealed record Entry(string? Replay, string Category, string Message, Exception? Exception)
    {
        public override string ToString() => $"case {Replay ?? "(no request)"}: {Category}: {Message}{(Exception is null ? "" : $"\n      {Exception.GetType().Name}: {Exception.Message}")}";
    }

    public ConcurrentQueue<Entry> Errors { get; } = new();

    private string? CurrentReplay => http.HttpContext?.Request.Headers[Fuzzer.CaseHeader].ToString();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(HostErrorLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            var replay = log.CurrentReplay;
            log.Errors.Enqueue(new Entry(string.IsNullOrEmpty(replay) ? null : replay, category, formatter(state, exception), exception));
        }
    }
}
