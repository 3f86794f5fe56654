using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ParisCoDraft.Web.Tests.Support;

/// <summary>Keeps the app's log lines in memory so tests can look for a warning.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private static readonly ConcurrentQueue<string> Queue = new();

    /// <summary>All lines logged so far by any server in this test run.</summary>
    public static IReadOnlyList<string> Lines => [.. Queue];

    /// <summary>Raised for every line, for a test that counts more lines than <see cref="Lines"/> keeps.</summary>
    public static event Action<string>? LineLogged;

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var line = $"{logLevel} {category}: {formatter(state, exception)}" + (exception is null ? "" : " | " + exception);
            Queue.Enqueue(line);
            LineLogged?.Invoke(line);
            // PCD_TEST_LOG=/path keeps the whole server log of a run, for diagnosing a failure.
            if (Environment.GetEnvironmentVariable("PCD_TEST_LOG") is { Length: > 0 } file)
            {
                lock (Queue) File.AppendAllText(file, line + Environment.NewLine);
            }
            while (Queue.Count > 5000) Queue.TryDequeue(out _);
        }
    }
}
