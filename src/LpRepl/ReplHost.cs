using LpRepl.App.Logging;
using LpRepl.App.Startup;
using LpRepl.Commands;
using LpRepl.Frames;
using LpRepl.Repl;
using LpRepl.Security;
using LpRepl.Services;
using LpRepl.Session;
using LpRepl.Terminal;
using LpRepl.Transport;

namespace LpRepl.App;

/// <summary>Composes one session (terminal, output, trust, target, socket) and runs the loop over it.</summary>
public static class ReplHost
{
    public static async Task<int> RunAsync(AppOptions options, ITerminal terminal)
    {
        using var log = LoggingSetup.Create(options.LogFile, options.LogLevel);
        var interactive = terminal.InputIsTerminal;
        var format = options.Format ?? (terminal.OutputIsTerminal ? OutputFormat.Pretty : OutputFormat.Raw);
        var output = new TerminalOutput(terminal, format, color: terminal.OutputIsTerminal && !options.NoColor);
        var trust = new TlsTrust { Insecure = options.Insecure };
        if (options.CaCertFile is not null)
        {
            try
            {
                trust.AddRootsFromPemFile(options.CaCertFile);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Security.Cryptography.CryptographicException)
            {
                output.Error($"--cacert {options.CaCertFile}: {e.Message}");
                return ExitCodes.Usage;
            }
        }
        var variables = new SessionVariables();
        var error = ImportVariables(options, variables);
        if (error is not null)
        {
            output.Error(error);
            return ExitCodes.Usage;
        }
        using var http = HttpClientFactory.Create(trust);
        using var cts = new CancellationTokenSource();
        EmbeddedEmulator? emulator;
        try
        {
            emulator = await SessionTarget.PrepareAsync(options, variables, trust, http, output, log, cts.Token);
        }
        catch (ServiceException e)
        {
            output.Error($"{e.Message}\nSet LP_IDP and LP_ASYNCMESSAGINGENT yourself, or run with --emulator to work offline.");
            return ExitCodes.ConnectionFailed;
        }
        try
        {
            var services = new ReplServices(variables, new WebSocketTransport(log), output, trust, http, log.ForContext("SourceContext", "LpRepl.Session"))
            {
                KeepAlive = TimeSpan.FromSeconds(Math.Max(0, options.KeepAliveSeconds)),
            };
            await using var session = new ReplSession(services, CommandRegistry.CreateDefault());
            terminal.Interrupted += () =>
            {
                if (interactive)
                {
                    output.Info("(Ctrl-C) type 'exit' or press Ctrl-D to leave");
                }
                else
                {
                    cts.Cancel();
                }
            };
            var loop = new ReplLoop(session, new SimpleLineReader(terminal, output), interactive ? ReplMode.Interactive : ReplMode.Script, "stdin");
            log.Information("Session started ({Mode}, format {Format})", interactive ? "interactive" : "script", format);
            try
            {
                return await loop.RunAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                output.Error("interrupted");
                return ExitCodes.ScriptFailed;
            }
        }
        finally
        {
            if (emulator is not null)
            {
                await emulator.DisposeAsync();
            }
        }
    }

    // LP_* from the environment (docker run --env-file lp.env), then --var, as lp-shell users expect.
    private static string? ImportVariables(AppOptions options, SessionVariables variables)
    {
        foreach (var entry in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>())
        {
            if (entry.Key is string name && name.StartsWith("LP_", StringComparison.Ordinal) && VariableName.IsValid(name) && entry.Value is string { Length: > 0 } value)
            {
                variables.Set(name, value);
            }
        }
        foreach (var assignment in options.Variables)
        {
            var eq = assignment.IndexOf('=');
            if (eq <= 0 || !VariableName.IsValid(assignment[..eq]))
            {
                return $"--var needs NAME=VALUE, not '{assignment}'";
            }
            variables.Set(assignment[..eq], assignment[(eq + 1)..]);
        }
        return null;
    }
}
