using LpRepl.Configuration;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace LpRepl.App.Logging;

/// <summary>Serilog to a file in the XDG state folder: never to the REPL's own output.</summary>
public static class LoggingSetup
{
    public static string DefaultLogFile() => Path.Combine(XdgPaths.StateDirectory(), "lprepl.log");

    public static Logger Create(string? logFile, LogEventLevel level)
    {
        var path = logFile ?? DefaultLogFile();
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No writable state folder (a read-only container): run without a log rather than not at all.
            return new LoggerConfiguration().CreateLogger();
        }
        return new LoggerConfiguration()
            .MinimumLevel.Is(level)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .Enrich.With<RedactingEnricher>()
            .WriteTo.File(
                path,
                outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext}: {Message:l}{NewLine}{Exception}",
                fileSizeLimitBytes: 10 * 1024 * 1024,
                rollOnFileSizeLimit: true,
                retainedFileCountLimit: 3,
                shared: true)
            .CreateLogger();
    }

    /// <summary>Maps the <c>--log-level</c> words users type to Serilog levels.</summary>
    public static bool TryParseLevel(string text, out LogEventLevel level)
    {
        level = text.ToLowerInvariant() switch
        {
            "trace" or "verbose" => LogEventLevel.Verbose,
            "debug" => LogEventLevel.Debug,
            "info" or "information" => LogEventLevel.Information,
            "warn" or "warning" => LogEventLevel.Warning,
            "error" => LogEventLevel.Error,
            "fatal" => LogEventLevel.Fatal,
            _ => (LogEventLevel)(-1),
        };
        return level >= 0;
    }
}
