using LpRepl.Configuration;
using LpRepl.Security;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace LpRepl.App.Logging;

/// <summary>
/// Serilog to a file in the XDG state folder: never to the REPL's own output. The file is private
/// to its owner (0600, also when it existed before) and bounded: at start a log past
/// <see cref="MaxFileBytes"/> moves to <c>FILE.1</c> (the one older log kept), and within a
/// session writing stops at the limit.
/// </summary>
public static class LoggingSetup
{
    public const long MaxFileBytes = 10 * 1024 * 1024;

    public static string DefaultLogFile() => Path.Combine(XdgPaths.StateDirectory(), "lprepl.log");

    public static Logger Create(string? logFile, LogEventLevel level)
    {
        var path = Path.GetFullPath(logFile ?? DefaultLogFile());
        try
        {
            PrivateFile.CreateDirectory(Path.GetDirectoryName(path)!);
            Prepare(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No writable state folder (a read-only container): run without a log rather than not at all.
            return new LoggerConfiguration().CreateLogger();
        }
        // Shared, so several lprepl processes can write one log; a shared sink takes no file hooks, hence
        // no rolling either: every file it writes was created here, 0600, before it opened it.
        return new LoggerConfiguration()
            .MinimumLevel.Is(level)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .Enrich.With<RedactingEnricher>()
            .WriteTo.File(
                path,
                outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext}: {Message:l}{NewLine}{" + RedactingEnricher.ExceptionProperty + ":l}",
                fileSizeLimitBytes: MaxFileBytes,
                rollOnFileSizeLimit: false,
                shared: true)
            .CreateLogger();
    }

    private static void Prepare(string path)
    {
        var previous = path + ".1";
        if (File.Exists(path) && new FileInfo(path).Length >= MaxFileBytes)
        {
            File.Move(path, previous, overwrite: true);
        }
        PrivateFile.Restrict(previous);
        PrivateFile.Prepare(path);
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
