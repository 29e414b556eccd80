using System.CommandLine;
using LpRepl.App.Logging;
using LpRepl.App.Startup;
using LpRepl.Emulator;
using LpRepl.Emulator.Hosting;
using LpRepl.Frames;
using LpRepl.Repl;
using LpRepl.Terminal;

namespace LpRepl.App;

/// <summary>The options and subcommands, with their help text and environment-variable defaults.</summary>
public sealed class CommandLine
{
    private readonly Option<string?> _account = new("--account") { Description = "LivePerson account id (env LP_ACCOUNT); none: the embedded emulator", DefaultValueFactory = _ => Env("LP_ACCOUNT") };
    private readonly Option<bool> _emulator = new("--emulator") { Description = "use the embedded emulator even if an account is given" };
    private readonly Option<bool> _freshEmulator = new("--fresh-emulator") { Description = "start the embedded emulator anew: new keys and no consumers (tokens saved before are refused); otherwise it keeps them in $XDG_STATE_HOME/lprepl/emulator.json" };
    private readonly Option<string?> _csds = new("--csds") { Description = "domain API host (env LP_CSDS)", DefaultValueFactory = _ => Env("LP_CSDS") };
    private readonly Option<string[]> _vars = new("--var") { Description = "set a session variable NAME=VALUE (repeatable)", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<string[]> _templates = new("--templates") { Description = "a folder of NAME.json.sbn templates that override built-ins by name (repeatable)", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<string?> _format = new("--format") { Description = "how frames are printed: pretty|compact|raw|chat (default: pretty on a terminal, raw otherwise; in a session: format NAME)" };
    private readonly Option<bool> _noColor = new("--no-color") { Description = "no colours (also NO_COLOR)" };
    private readonly Option<bool> _insecure = new("--insecure", "-k") { Description = "skip TLS certificate checks (like wscat -n)" };
    private readonly Option<string?> _caCert = new("--cacert") { Description = "trust the certificates in this PEM file (env LP_CACERT)", DefaultValueFactory = _ => Env("LP_CACERT") };
    private readonly Option<bool> _noReconnect = new("--no-reconnect") { Description = "report a dropped socket and stay offline, instead of reconnecting with backoff" };
    private readonly Option<bool> _strict = new("--strict") { Description = "refuse frames that do not fit the protocol model instead of sending them with a warning (in a session: strict on|off)" };
    private readonly Option<bool> _pipeline = new("--pipeline") { Description = "scripts stream their frames, answers matched by id as they come, instead of waiting for each line's answers (in a script: pipeline on|off; sync joins)" };
    private readonly Option<bool> _queue = new("--queue") { Description = "while reconnecting, queue typed frames and send them in order once the socket is back" };
    private readonly Option<int> _keepAlive = WholeNumberOption.Create("--keepalive", "seconds between keep-alive probes; a link that answers nothing for 2 × this is lost (0: off)", 30, min: 0, "seconds");
    private readonly Option<string> _keepAliveFrame = new("--keepalive-frame") { Description = "what the keep-alive sends: ping|getclock (GetClock, for servers that ignore pings)", DefaultValueFactory = _ => "ping" };
    private readonly Option<bool> _showPings = new("--show-pings") { Description = "print the round trip of each answered keep-alive (like wscat -P)" };
    private readonly Option<string?> _log = new("--log") { Description = "log file (default: $XDG_STATE_HOME/lprepl/lprepl.log)" };
    private readonly Option<string> _logLevel = new("--log-level") { Description = "trace|debug|information|warning|error|fatal", DefaultValueFactory = _ => "information" };
    private readonly Option<string> _agent = new("--agent") { Description = "the emulator's simulated agent: auto|manual|silent", DefaultValueFactory = _ => "auto" };
    private readonly Option<int> _agentDelay = WholeNumberOption.Create("--agent-delay", "milliseconds the emulator's agent takes to answer", 600, min: 0, "milliseconds");
    private readonly Option<int> _agentAcceptDelay = WholeNumberOption.Create("--agent-accept-delay", "milliseconds the emulator's auto agent waits before accepting a conversation", 0, min: 0, "milliseconds");
    private readonly Option<bool> _agentTyping = new("--agent-typing") { Description = "the emulator's auto agent sends typing events (COMPOSING, ACTIVE) around its answers" };
    private readonly Option<int> _idleTimeout = WholeNumberOption.Create("--idle-timeout", "seconds without a frame or ping before the emulator closes a connection (0: never)", 120, min: 0, "seconds");
    private readonly Option<string?> _brandKey = new("--brand-key") { Description = "the emulator checks authenticate's external JWTs against this PEM public key (default: a key of its own, with a sample token in LP_EXT_JWT)" };
    private readonly Option<string?> _envFile = new("--env-file") { Description = "load NAME=value lines (the tutorial's lp.env) at start" };
    private readonly Option<bool> _quiet = new("--quiet", "-q") { Description = "print only failures and captures" };
    private readonly Option<string?> _record = new("--record") { Description = "write a JSON Lines transcript of every frame (tokens redacted)" };
    private readonly Option<bool> _toScript = new("--to-script") { Description = "print the script the transcript turns into, without running it" };
    private readonly Argument<string> _scriptFile = new("FILE") { Description = "a file of REPL lines (.lprepl), or - for standard input" };
    private readonly Argument<string> _transcriptFile = new("TRANSCRIPT") { Description = "a transcript written by record / --record" };
    private readonly Option<int> _port = WholeNumberOption.Create("--port", "port to listen on (0: a free one)", 0, min: 0, "", max: 65535);
    private readonly Option<double> _requestsPerSecond = new("--requests-per-second") { Description = "the emulator's requests per second per consumer connection before it answers 429 (0: no limit)", DefaultValueFactory = _ => new EmulatorOptions().RequestsPerSecond };
    private readonly Option<int> _requestBurst = new("--request-burst") { Description = "requests a consumer connection may send at once before the per-second rate applies", DefaultValueFactory = _ => new EmulatorOptions().RequestBurst };
    private readonly Option<int> _maxQueuedFrames = new("--max-queued-frames") { Description = "frames queued for a client that does not read before the emulator closes its socket with 1008", DefaultValueFactory = _ => new EmulatorOptions().MaxQueuedFrames };
    private readonly Option<long> _maxQueuedCharacters = new("--max-queued-characters") { Description = "characters of frame text queued for a client that does not read before the emulator closes its socket with 1008", DefaultValueFactory = _ => new EmulatorOptions().MaxQueuedCharacters };
    private readonly Option<string> _host = new("--host") { Description = "IP address to listen on: 127.0.0.1, localhost, ::1, or 0.0.0.0 / :: for every interface (reachable from other machines)", DefaultValueFactory = _ => "127.0.0.1" };
    private readonly Option<string?> _advertise = new("--advertise") { Description = "HOST[:PORT] clients reach the emulator by (domain API answers, certificate names), e.g. -p 9443:8443 or a LAN name; default: the listening address, 127.0.0.1 for every interface" };
    private readonly Option<string?> _caOut = new("--ca-out") { Description = "where to write the emulator's CA certificate (PEM)" };

    public CommandLine(ITerminal? terminal)
    {
        Root = new RootCommand("LpRepl: a REPL for LivePerson's Messaging Window API, with an offline emulator.");
        Option[] sessionOptions = [_account, _emulator, _freshEmulator, _csds, _vars, _envFile, _templates, _format, _noColor, _insecure, _caCert, _keepAlive, _keepAliveFrame, _showPings, _noReconnect, _queue, _strict, _pipeline, _record, _log, _logLevel, _agent, _agentDelay, _agentAcceptDelay, _agentTyping, _idleTimeout, _brandKey, _requestsPerSecond, _requestBurst, _maxQueuedFrames, _maxQueuedCharacters];
        foreach (var option in sessionOptions)
        {
            Root.Options.Add(option);
        }
        Root.SetAction((parse, ct) => RunReplAsync(parse, terminal, null));

        var run = new Command("run", "run a script of REPL lines; exit 0 only if every line succeeded (1: a line failed, 3: no connection)");
        run.Arguments.Add(_scriptFile);
        foreach (var option in sessionOptions.Append(_quiet))
        {
            run.Options.Add(option);
        }
        run.SetAction((parse, ct) => RunReplAsync(parse, terminal, parse.GetValue(_scriptFile)));
        Root.Subcommands.Add(run);

        var replay = new Command("replay", "re-send the frames of a recorded transcript against a fresh conversation");
        replay.Arguments.Add(_transcriptFile);
        foreach (var option in sessionOptions.Append(_quiet).Append(_toScript))
        {
            replay.Options.Add(option);
        }
        replay.SetAction((parse, ct) => ReplayAsync(parse, terminal));
        Root.Subcommands.Add(replay);

        var emulator = new Command("emulator", "run the LivePerson emulator alone, for curl, wscat or several REPLs");
        foreach (var option in new Option[] { _port, _host, _advertise, _account, _agent, _agentDelay, _agentAcceptDelay, _agentTyping, _idleTimeout, _brandKey, _requestsPerSecond, _requestBurst, _maxQueuedFrames, _maxQueuedCharacters, _caOut, _log, _logLevel })
        {
            emulator.Options.Add(option);
        }
        emulator.SetAction((parse, ct) => RunEmulatorAsync(parse));
        Root.Subcommands.Add(emulator);
    }

    public RootCommand Root { get; }

    private async Task<int> RunReplAsync(ParseResult parse, ITerminal? terminal, string? script, IReadOnlyList<string>? lines = null)
    {
        var error = TryBuild(parse, out var options);
        if (error is not null)
        {
            Console.Error.WriteLine($"lprepl: {error}");
            return ExitCodes.Usage;
        }
        if (script is not null && script != "-" && !File.Exists(script))
        {
            Console.Error.WriteLine($"lprepl run: no such file: {script}");
            return ExitCodes.Usage;
        }
        options = options with { ScriptPath = script, ScriptLines = lines };
        using var owned = terminal is null ? new SystemTerminal() : null;
        return await ReplHost.RunAsync(options, terminal ?? owned!);
    }

    private async Task<int> ReplayAsync(ParseResult parse, ITerminal? terminal)
    {
        var transcript = parse.GetValue(_transcriptFile)!;
        IReadOnlyList<string> lines;
        try
        {
            lines = Transcripts.TranscriptReplay.ToScript(FileLineSource.ReadLines(transcript), transcript);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            Console.Error.WriteLine($"lprepl replay: {e.Message}");
            return ExitCodes.Usage;
        }
        if (parse.GetValue(_toScript))
        {
            Console.Out.Write(string.Join("\n", lines) + "\n");
            return ExitCodes.Ok;
        }
        return await RunReplAsync(parse, terminal, transcript, lines);
    }

    private Task<int> RunEmulatorAsync(ParseResult parse)
    {
        var error = TryBuild(parse, out var options);
        if (error is not null)
        {
            Console.Error.WriteLine($"lprepl emulator: {error}");
            return Task.FromResult(ExitCodes.Usage);
        }
        if (ListenError(parse, out var listen) is { } listenError)
        {
            Console.Error.WriteLine($"lprepl emulator: {listenError}");
            return Task.FromResult(ExitCodes.Usage);
        }
        return StandaloneEmulator.RunAsync(options, listen, parse.GetValue(_caOut));
    }

    /// <summary>--port, --host and --advertise of <c>lprepl emulator</c>, or what is wrong with them.</summary>
    public string? ListenError(ParseResult parse, out EmulatorListen listen)
    {
        listen = new EmulatorListen("127.0.0.1", 0, null);
        // --port's range is checked as it is parsed (WholeNumberOption).
        var port = parse.GetValue(_port);
        if (ListenHost.Parse(parse.GetValue(_host) ?? "127.0.0.1", out var hostError) is not { } host)
        {
            return hostError;
        }
        var advertise = parse.GetValue(_advertise);
        if (advertise is not null && !AdvertisedAddress.TryParse(advertise, out _, out var advertiseError))
        {
            return $"--advertise: {advertiseError}";
        }
        listen = new EmulatorListen(host, port, advertise);
        return null;
    }

    private string? TryBuild(ParseResult parse, out AppOptions options)
    {
        options = new AppOptions();
        if (!LoggingSetup.TryParseLevel(parse.GetValue(_logLevel) ?? "information", out var level))
        {
            return $"--log-level must be one of trace (or verbose), debug, information, warning, error, fatal (not '{parse.GetValue(_logLevel)}')";
        }
        if (!Enum.TryParse<AgentMode>(parse.GetValue(_agent), ignoreCase: true, out var agent))
        {
            return $"--agent must be auto, manual or silent (not '{parse.GetValue(_agent)}')";
        }
        OutputFormat? format = null;
        if (parse.GetValue(_format) is { } formatText)
        {
            // Names only: Enum.TryParse would take "1" as well.
            if (!Enum.TryParse<OutputFormat>(formatText, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || formatText.Any(char.IsDigit))
            {
                return $"--format must be pretty, compact, raw or chat (not '{formatText}')";
            }
            format = parsed;
        }
        Transport.KeepAliveFrame? keepAliveFrame = parse.GetValue(_keepAliveFrame)?.ToLowerInvariant() switch
        {
            "ping" => Transport.KeepAliveFrame.Ping,
            "getclock" => Transport.KeepAliveFrame.GetClock,
            _ => null,
        };
        if (keepAliveFrame is null)
        {
            return $"--keepalive-frame must be ping or getclock (not '{parse.GetValue(_keepAliveFrame)}')";
        }
        if (LimitError(parse) is { } limit)
        {
            return limit;
        }
        options = new AppOptions
        {
            Account = parse.GetValue(_account),
            UseEmulator = parse.GetValue(_emulator),
            FreshEmulator = parse.GetValue(_freshEmulator),
            CsdsHost = parse.GetValue(_csds),
            Variables = parse.GetValue(_vars) ?? [],
            TemplateDirectories = parse.GetValue(_templates) ?? [],
            EnvFile = parse.GetValue(_envFile),
            Quiet = parse.GetValue(_quiet),
            RecordFile = parse.GetValue(_record),
            Format = format,
            NoColor = parse.GetValue(_noColor) || !string.IsNullOrEmpty(Env("NO_COLOR")),
            Insecure = parse.GetValue(_insecure),
            CaCertFile = parse.GetValue(_caCert),
            KeepAliveSeconds = parse.GetValue(_keepAlive),
            NoReconnect = parse.GetValue(_noReconnect),
            Queue = parse.GetValue(_queue),
            Strict = parse.GetValue(_strict),
            Pipeline = parse.GetValue(_pipeline),
            KeepAliveFrame = keepAliveFrame.Value,
            ShowKeepAlive = parse.GetValue(_showPings),
            LogFile = parse.GetValue(_log),
            LogLevel = level,
            Agent = agent,
            AgentDelayMs = Math.Max(0, parse.GetValue(_agentDelay)),
            AgentAcceptDelayMs = Math.Max(0, parse.GetValue(_agentAcceptDelay)),
            AgentTyping = parse.GetValue(_agentTyping),
            IdleTimeoutSeconds = parse.GetValue(_idleTimeout),
            BrandKeyFile = parse.GetValue(_brandKey),
            RequestsPerSecond = parse.GetValue(_requestsPerSecond),
            RequestBurst = parse.GetValue(_requestBurst),
            MaxQueuedFrames = parse.GetValue(_maxQueuedFrames),
            MaxQueuedCharacters = parse.GetValue(_maxQueuedCharacters),
        };
        return null;
    }

    // The emulator's limits: a value it would refuse at start is a usage error here, with the option's name.
    private string? LimitError(ParseResult parse)
    {
        var rate = parse.GetValue(_requestsPerSecond);
        if (rate < 0 || double.IsNaN(rate) || double.IsInfinity(rate))
        {
            return $"--requests-per-second must be 0 (no limit) or more (not '{rate}')";
        }
        if (parse.GetValue(_requestBurst) < 1)
        {
            return $"--request-burst must be 1 or more (not '{parse.GetValue(_requestBurst)}')";
        }
        if (parse.GetValue(_maxQueuedFrames) < 1)
        {
            return $"--max-queued-frames must be 1 or more (not '{parse.GetValue(_maxQueuedFrames)}')";
        }
        return parse.GetValue(_maxQueuedCharacters) < 1 ? $"--max-queued-characters must be 1 or more (not '{parse.GetValue(_maxQueuedCharacters)}')" : null;
    }

    private static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
