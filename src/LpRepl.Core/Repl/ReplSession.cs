using LpRepl.Commands;
using LpRepl.Frames;
using LpRepl.Repl.Reconnection;
using LpRepl.Security;
using LpRepl.Services;
using LpRepl.Session;
using LpRepl.Templating;
using LpRepl.Transport;
using Newtonsoft.Json.Linq;
using Serilog;

namespace LpRepl.Repl;

/// <summary>
/// One LpRepl session: its variables, its one socket, the requests awaiting answers, and the
/// interpretation of each input (frame, assignment or command). Shared by the REPL and scripts.
/// </summary>
public sealed partial class ReplSession : IAsyncDisposable
{
    private readonly CommandRegistry _commands;
    private long _framesIn;
    private long _framesOut;
    private long _connection;

    public ReplSession(ReplServices services, CommandRegistry commands)
    {
        Services = services;
        _commands = commands;
        Renderer = new TemplateRenderer(TemplateFunctions.Create(Sequences, services.Time));
        Supervisor = new ConnectionSupervisor(this, services.Reconnect, services.Time);
        Transport.FrameReceived += OnFrameReceived;
        Transport.Disconnected += OnDisconnected;
        Transport.KeepAliveAnswered += OnKeepAliveAnswered;
    }

    /// <summary>Recovers the socket after a drop (backoff, re-handshake, subscriptions restored).</summary>
    public ConnectionSupervisor Supervisor { get; }

    public ReplServices Services { get; }

    public SessionVariables Variables => Services.Variables;

    public IFrameTransport Transport => Services.Transport;

    public IReplOutput Output => Services.Output;

    public TlsTrust Trust => Services.Trust;

    public ILogger Log => Services.Log;

    public PendingRequests Pending { get; } = new();

    /// <summary>Request ids for templates, skipping those raw frames used.</summary>
    public RequestIds Ids { get; } = new();

    /// <summary>Event sequences seen per dialog, for receipts.</summary>
    public DialogSequences Sequences { get; } = new();

    public TemplateLibrary Templates => Services.Templates;

    public TemplateRenderer Renderer { get; }

    /// <summary>Inbound frames for <c>wait</c> and <c>capture</c>.</summary>
    public InboundLog Inbound { get; } = new();

    /// <summary>The frames shown lately, numbered, for <c>show N</c> (the chat format prints the numbers).</summary>
    public RecentFrames Recent { get; } = new();

    /// <summary>
    /// Where the next <c>wait</c> starts looking: where the previous one began (so frames that came
    /// meanwhile count), and never before the start of the running script (<see cref="BeginWaitWindow"/>).
    /// </summary>
    public long WaitCursor { get; set; }

    /// <summary>Where the running script's window began: <c>capture … from TYPE</c> looks no further back.</summary>
    public long WindowStart { get; private set; }

    /// <summary>The number of the socket opened last: each inbound frame is tagged with it, and a wait looks only at its own.</summary>
    public long Connection => Interlocked.Read(ref _connection);

    /// <summary>What the open socket was opened with (URL, headers, token), to tell a repeated <c>connect</c> from a new one.</summary>
    public string? OpenTarget { get; set; }

    /// <summary>Conversations the session has left, whose late messages satisfy no wait.</summary>
    public ConversationTracker Conversations { get; } = new();

    /// <summary>Frames a <c>wait</c> already matched: each satisfies one wait only.</summary>
    public HashSet<long> WaitedFrames { get; } = [];

    /// <summary>How many <c>run FILE</c> are nested right now (a script that runs itself must stop).</summary>
    public int ScriptDepth { get; set; }

    /// <summary>The transcript being written, if <c>record</c> is on.</summary>
    public Transcripts.TranscriptWriter? Recorder { get; set; }

    /// <summary>The frame the last <c>wait</c> matched, the default source of <c>capture</c>.</summary>
    public JObject? LastWaited { get; set; }

    public CommandRegistry Commands => _commands;

    public long FramesIn => Interlocked.Read(ref _framesIn);

    public long FramesOut => Interlocked.Read(ref _framesOut);

    /// <summary>A few characters: <c>lp&gt;</c> when offline, <c>lp*&gt;</c> while the socket is open, <c>lp~&gt;</c> while reconnecting.</summary>
    public string Prompt => Transport.IsOpen ? "lp*> " : Supervisor.State == LinkState.Reconnecting ? "lp~> " : "lp> ";

    /// <summary>Runs one logical input (a frame may span several lines).</summary>
    public async Task<LineResult> ExecuteAsync(string input, CancellationToken ct)
    {
        var trimmed = input.Trim();
        if (trimmed.Length == 0 || trimmed.StartsWith('#'))
        {
            return LineResult.Ok;
        }
        try
        {
            if (JsonBalance.StartsFrame(trimmed))
            {
                return await SendFrameAsync(trimmed, ct);
            }
            if (Assignment.TryParse(trimmed, out var name, out var valueText))
            {
                return Assign(name, valueText, ct);
            }
            return await RunCommandAsync(trimmed, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // The REPL never dies of one bad line: report it and go on.
            Log.Error(e, "Input failed");
            return LineResult.Fail($"unexpected failure: {e.Message}");
        }
    }

    private LineResult Assign(string name, string valueText, CancellationToken ct)
    {
        var split = ShellWords.Split(valueText, Variables.TryGetValueOrNull, command => RunShell(command, ct), splitFields: false);
        if (!split.Success)
        {
            return LineResult.Fail(split.Error!);
        }
        if (split.Words.Count > 1)
        {
            return LineResult.Fail($"the value of {name} has unquoted spaces; quote it: {name}=\"{string.Join(' ', split.Words)}\"");
        }
        Variables.Set(name, split.Words.Count == 0 ? "" : split.Words[0]);
        return LineResult.Ok;
    }

    private async Task<LineResult> RunCommandAsync(string line, CancellationToken ct)
    {
        var split = ShellWords.Split(line, Variables.TryGetValueOrNull, command => RunShell(command, ct), splitFields: true);
        if (!split.Success)
        {
            return LineResult.Fail(split.Error!);
        }
        if (split.Words.Count == 0)
        {
            return LineResult.Ok;
        }
        var name = split.Words[0];
        if (!_commands.TryGet(name, out var command))
        {
            if (Templates.TryGet(name, out var template))
            {
                return await SendTemplateAsync(template, split.Words.Skip(1), ct);
            }
            if (ShellHabits.ForUnknown(name, split.Words.Skip(1).ToList()) is { } habit)
            {
                return LineResult.Fail(habit);
            }
            // A one-character alias ('?') is no spelling of a two-letter word such as ls or jq.
            var nearest = NearestName.Find(name, _commands.Names.Concat(Templates.Names).Where(n => n.Length > 1));
            var hint = nearest is null ? "type 'help' for the list of commands" : $"did you mean '{nearest}'? ('help' lists every command)";
            return LineResult.Fail($"unknown command '{name}': {hint}");
        }
        return await CommandRegistry.RunAsync(command, this, split.Words.Skip(1).ToArray(), ct);
    }

    /// <summary>A script starts its own wait window: nothing that arrived before it satisfies its waits or its first capture.</summary>
    public void BeginWaitWindow()
    {
        WindowStart = Inbound.End;
        WaitCursor = Math.Max(WaitCursor, WindowStart);
        BurstStart = null;
        LastWaited = null;
    }

    /// <summary>Opens the socket as a new connection: frames of an earlier one never satisfy a wait of this one.</summary>
    public async Task ConnectAsync(ConnectPlan plan, string target, CancellationToken ct)
    {
        // The user's connect replaces whatever reconnecting was under way.
        await Supervisor.StopAsync();
        if (Transport.IsOpen)
        {
            await Transport.CloseAsync(ct);
        }
        DropQueued("a new 'connect' replaced the connection they were for");
        OpenTarget = null;
        // A connect of the user's starts afresh: what a reconnect restores is what was subscribed on this one,
        // and history asked for again on a new connection is shown again.
        Subscriptions.Clear();
        Events.Clear();
        Interlocked.Increment(ref _connection);
        Volatile.Write(ref _linkEnded, NewLinkEnded());
        Volatile.Write(ref _dropNoticed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await Transport.ConnectAsync(plan.Request, ct);
        Plan = plan;
        OpenTarget = target;
        Supervisor.Opened();
    }

    public async ValueTask DisposeAsync()
    {
        await Supervisor.DisposeAsync();
        Transport.FrameReceived -= OnFrameReceived;
        Transport.Disconnected -= OnDisconnected;
        Transport.KeepAliveAnswered -= OnKeepAliveAnswered;
        await Transport.DisposeAsync();
        Recorder?.Dispose();
    }

    internal void CountOut() => Interlocked.Increment(ref _framesOut);

    private string RunShell(string command, CancellationToken ct)
    {
        Log.Information("Running shell command ({Length} characters)", command.Length);
        return ShellCommand.Run(command, Variables, ct);
    }
}
