using LpRepl.App.Logging;
using LpRepl.App.Startup;
using LpRepl.Commands;
using LpRepl.Configuration;
using LpRepl.Frames;
using LpRepl.Repl;
using LpRepl.Repl.Completion;
using LpRepl.Security;
using LpRepl.Services;
using LpRepl.Services.Proxy;
using LpRepl.Session;
using LpRepl.Templating;
using LpRepl.Terminal;
using LpRepl.Terminal.LineEditing;
using LpRepl.Transport;

namespace LpRepl.App;

/// <summary>Composes one session (terminal, output, trust, target, socket) and runs the loop over it.</summary>
public static class ReplHost
{
    public static async Task<int> RunAsync(AppOptions options, ITerminal terminal)
    {
        using var log = LoggingSetup.Create(options.LogFile, options.LogLevel);
        var scripted = options.ScriptPath is not null || options.ScriptLines is not null;
        var interactive = terminal.InputIsTerminal && !scripted;
        // The line editor (and any escape code at all) only when a person is at a real terminal on both sides:
        // with stdout sent to a file, it draws on stderr's terminal (colour stays off: it would reach the file).
        var editing = interactive && (terminal.OutputIsTerminal || terminal.ErrorIsTerminal);
        var color = editing && terminal.OutputIsTerminal && !options.NoColor;
        var format = options.Format ?? (terminal.OutputIsTerminal ? OutputFormat.Pretty : OutputFormat.Raw);
        var gate = new WriteGate(terminal);
        // Raw mode first, so keys typed while the emulator starts are neither echoed nor lost.
        using var raw = editing ? terminal.EnterRawMode() : null;
        var output = new TerminalOutput(gate, format, color) { Quiet = options.Quiet };
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
        if (EmulatorSettings.Check(options) is { } problem)
        {
            output.Error(problem);
            return ExitCodes.Usage;
        }
        var variables = new SessionVariables();
        var error = ImportVariables(options, variables, out var skipped) ?? EmulatorMarker.Problem(variables);
        if (error is not null)
        {
            output.Error(error);
            return ExitCodes.Usage;
        }
        if (skipped.Count > 0)
        {
            output.Info(ConversationVariables.Note(skipped, $"not loaded from {options.EnvFile}"));
        }
        CurlStyleProxy proxy;
        try
        {
            proxy = CurlStyleProxy.FromEnvironment(Environment.GetEnvironmentVariable);
        }
        catch (ArgumentException e)
        {
            output.Error($"HTTPS_PROXY / ALL_PROXY: {e.Message}");
            return ExitCodes.Usage;
        }
        using var http = HttpClientFactory.Create(trust, proxy);
        var discovered = new HashSet<string>(StringComparer.Ordinal);
        using var cts = new CancellationTokenSource();
        // Where the session points is found on its own thread (the embedded emulator starts, or the domain API is asked)
        // while the templates load and, at a terminal, the prompt is drawn: a person types at once, and the first line
        // runs once the target is ready (its banner is printed above the prompt then).
        var target = Task.Run(() => SessionTarget.PrepareAsync(options, variables, discovered, trust, proxy, http, output, log, cts.Token));
        // Built-ins, then the user's folder, then --templates: later ones override by name.
        var templateFolders = new[] { TemplateLibrary.BuiltInDirectory, Path.Combine(XdgPaths.ConfigDirectory(), "templates") }.Concat(options.TemplateDirectories);
        var templates = TemplateLibrary.Load(templateFolders, diagnostic => output.Error(diagnostic.ToString()));
        var commands = CommandRegistry.CreateDefault();
        var editor = editing
            ? new LineEditor(terminal, gate, new History(Path.Combine(XdgPaths.StateDirectory(), "history")), new ReplCompleter(commands, variables, templates), color)
            : null;
        using var ahead = new CancellationTokenSource();
        var firstLine = editor?.ReadLineAsync("lp> ", ahead.Token);
        var aheadLines = editor is null ? null : new AheadLineSource(firstLine!, editor);
        ReplLoop? loop = null;
        // Ctrl-C stops the running line at the prompt (also one entered before the target was ready, which then never
        // runs); it stops the whole run of a script.
        void Interrupt()
        {
            if (aheadLines?.Interrupt() == true)
            {
                output.Error("interrupted (Ctrl-C)");
            }
            else if (interactive)
            {
                loop?.CancelCurrentLine();
            }
            else
            {
                cts.Cancel();
            }
        }
        if (aheadLines is not null)
        {
            terminal.Interrupted += Interrupt;
        }
        EmbeddedEmulator? emulator;
        try
        {
            emulator = await target;
        }
        catch (ServiceException e)
        {
            await EndAheadAsync(ahead, firstLine);
            output.Error($"{e.Message}\nSet LP_IDP and LP_ASYNCMESSAGINGENT yourself, or run with --emulator to work offline.");
            return ExitCodes.ConnectionFailed;
        }
        catch
        {
            await EndAheadAsync(ahead, firstLine);
            throw;
        }
        try
        {
            var services = new ReplServices(variables, new WebSocketTransport(log), output, trust, http, log.ForContext("SourceContext", "LpRepl.Session"))
            {
                KeepAlive = TimeSpan.FromSeconds(Math.Max(0, options.KeepAliveSeconds)),
                Reconnect = new Repl.Reconnection.ReconnectPolicy { Enabled = !options.NoReconnect, QueueWhileDown = options.Queue },
                KeepAliveFrame = options.KeepAliveFrame,
                ShowKeepAlive = options.ShowKeepAlive,
                Strict = options.Strict,
                Pipeline = options.Pipeline,
                Templates = templates,
                DiscoveredVariables = discovered,
                Proxy = proxy,
                // Without the embedded emulator, agent … goes to a standalone one's control endpoint, if the messaging host is on loopback.
                Agent = emulator is null ? new LpRepl.Agent.HttpAgentSeat(http, () => variables["LP_ASYNCMESSAGINGENT"]) : new EmulatorAgentSeat(emulator.Server.AgentSeat),
                Faults = emulator is null ? null : new EmulatorFaultSeat(emulator.Server.Faults, emulator.Server.BaseUri),
            };
            await using var session = new ReplSession(services, commands);
            if (options.RecordFile is not null)
            {
                session.Recorder = new Transcripts.TranscriptWriter(options.RecordFile, TimeProvider.System);
            }
            using var file = options.ScriptPath is { } path && path != "-" && options.ScriptLines is null ? FileLineSource.Open(path) : null;
            ILineSource lines = options.ScriptLines is { } scriptLines ? new ListLineSource(scriptLines)
                : file is not null ? file
                : aheadLines is not null ? aheadLines
                : new SimpleLineReader(terminal);
            if (editor is not null)
            {
                // The prompt says the link's state (lp*>, lp~>, lp>): it changes at once, not at the next Enter.
                editor.CurrentPrompt = () => session.Prompt;
                session.Supervisor.StateChanged += _ => editor.RefreshPrompt();
                session.Transport.Disconnected += _ => editor.RefreshPrompt();
            }
            var source = options.ScriptPath is null or "-" ? "stdin" : options.ScriptPath;
            loop = new ReplLoop(session, lines, interactive ? ReplMode.Interactive : ReplMode.Script, source);
            if (aheadLines is null)
            {
                terminal.Interrupted += Interrupt;
            }
            log.Information("Session started ({Mode}, format {Format})", interactive ? "interactive" : "script", format);
            try
            {
                return await loop.RunAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                output.Error("interrupted");
                return ExitCodes.Interrupted;
            }
            catch (IO.InputTooLargeException e)
            {
                output.Error(e.Message);
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

    // The target failed while the prompt was up: the read ahead is given up, so the error is the last word on the screen.
    private static async Task EndAheadAsync(CancellationTokenSource ahead, Task<string?>? firstLine)
    {
        if (firstLine is null)
        {
            return;
        }
        await ahead.CancelAsync();
        try
        {
            await firstLine;
        }
        catch (OperationCanceledException)
        {
            // Given up, as asked.
        }
    }

    // LP_* from the environment (docker run --env-file lp.env), then --env-file, then --var, as lp-shell users expect.
    // skipped: the lp.env's conversation variables, left out (ConversationVariables).
    private static string? ImportVariables(AppOptions options, SessionVariables variables, out List<string> skipped)
    {
        skipped = [];
        foreach (var entry in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>())
        {
            if (entry.Key is string name && name.StartsWith("LP_", StringComparison.Ordinal) && VariableName.IsValid(name) && entry.Value is string { Length: > 0 } value)
            {
                variables.Set(name, value);
            }
        }
        if (options.EnvFile is not null)
        {
            try
            {
                foreach (var (name, value) in EnvFile.Read(options.EnvFile))
                {
                    if (ConversationVariables.Names.Contains(name))
                    {
                        skipped.Add(name);
                        continue;
                    }
                    variables.Set(name, value);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                return $"--env-file: {e.Message}";
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
