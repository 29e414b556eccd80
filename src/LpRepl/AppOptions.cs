using LpRepl.Emulator;
using LpRepl.Frames;
using Serilog.Events;

namespace LpRepl.App;

/// <summary>The command line, parsed. Each option also has an environment variable, as lp-shell users pass <c>--env</c>.</summary>
public sealed record AppOptions
{
    public string? Account { get; init; }

    public bool UseEmulator { get; init; }

    /// <summary>--fresh-emulator: the embedded emulator forgets the keys and consumers it kept.</summary>
    public bool FreshEmulator { get; init; }

    public string? CsdsHost { get; init; }

    public IReadOnlyList<string> Variables { get; init; } = [];

    /// <summary>Folders of user templates, overriding built-ins by name (later folders win).</summary>
    public IReadOnlyList<string> TemplateDirectories { get; init; } = [];

    public OutputFormat? Format { get; init; }

    public bool NoColor { get; init; }

    public bool Insecure { get; init; }

    public string? CaCertFile { get; init; }

    public int KeepAliveSeconds { get; init; } = 30;

    /// <summary>--no-reconnect: a dropped socket stays down.</summary>
    public bool NoReconnect { get; init; }

    /// <summary>--queue: frames typed while reconnecting are sent once the socket is back.</summary>
    public bool Queue { get; init; }

    /// <summary>--strict: a frame that does not fit the protocol model is refused, not sent with a warning.</summary>
    public bool Strict { get; init; }

    /// <summary>--pipeline: a script's frame lines stream without waiting for each answer.</summary>
    public bool Pipeline { get; init; }

    /// <summary>What the keep-alive sends: a ping, or GetClock.</summary>
    public Transport.KeepAliveFrame KeepAliveFrame { get; init; } = Transport.KeepAliveFrame.Ping;

    /// <summary>Print each keep-alive's round trip.</summary>
    public bool ShowKeepAlive { get; init; }

    public string? LogFile { get; init; }

    public LogEventLevel LogLevel { get; init; } = LogEventLevel.Information;

    public AgentMode Agent { get; init; } = AgentMode.Auto;

    /// <summary>An lp.env of NAME=value lines to load at start.</summary>
    public string? EnvFile { get; init; }

    /// <summary>Print only failures and captures.</summary>
    public bool Quiet { get; init; }

    /// <summary>Write a frame transcript (JSON Lines) from the start.</summary>
    public string? RecordFile { get; init; }

    /// <summary><c>lprepl run FILE</c>: the script to run (<c>-</c> for stdin); null for the REPL.</summary>
    public string? ScriptPath { get; init; }

    /// <summary>Lines to run instead of a file (a transcript turned into a script by <c>lprepl replay</c>).</summary>
    public IReadOnlyList<string>? ScriptLines { get; init; }

    public int AgentDelayMs { get; init; } = 600;

    /// <summary>Milliseconds the emulator's auto agent waits before accepting a new conversation.</summary>
    public int AgentAcceptDelayMs { get; init; }

    /// <summary>Whether the emulator's auto agent sends typing events around its answers.</summary>
    public bool AgentTyping { get; init; }

    /// <summary>A PEM public key the emulator checks external JWTs against (the brand's "Authentication Server" key).</summary>
    public string? BrandKeyFile { get; init; }

    /// <summary>Seconds without a frame or ping before the emulator closes a connection (0: never).</summary>
    public int IdleTimeoutSeconds { get; init; } = 120;

    /// <summary>The emulator's request rate per consumer connection before 429 (0: no limit).</summary>
    public double RequestsPerSecond { get; init; } = new EmulatorOptions().RequestsPerSecond;

    /// <summary>How many requests a consumer connection may send at once before the rate applies.</summary>
    public int RequestBurst { get; init; } = new EmulatorOptions().RequestBurst;

    /// <summary>Frames the emulator queues for a client that does not read before it closes the socket with 1008.</summary>
    public int MaxQueuedFrames { get; init; } = new EmulatorOptions().MaxQueuedFrames;

    /// <summary>Characters of frame text the emulator queues for a client that does not read before it closes with 1008.</summary>
    public long MaxQueuedCharacters { get; init; } = new EmulatorOptions().MaxQueuedCharacters;
}
