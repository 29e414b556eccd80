using LpRepl.Frames;

namespace LpRepl.Repl;

public sealed partial class ReplSession
{
    /// <summary>The most requests a pipelined script has in flight: memory stays bounded however long the script.</summary>
    public const int PipelineWindow = 1000;

    private bool? _pipeline;

    /// <summary>
    /// Whether a script streams its frames (<c>--pipeline</c>, <c>pipeline on</c>): a frame line goes on without
    /// waiting for its answer, and the answers are matched to their requests by id as they come. Lockstep by default.
    /// </summary>
    public bool Pipeline
    {
        get => _pipeline ?? Services.Pipeline;
        set => _pipeline = value;
    }

    /// <summary>
    /// Where the latest pipelined burst began in the inbound log: its answers come in any order, so a wait after it looks
    /// at every frame since then (each still satisfies one wait only). Null when no burst ran in this script.
    /// </summary>
    public long? BurstStart { get; set; }

    /// <summary>Where a wait begins to look: the wait cursor, or the start of the burst before it if that is earlier.</summary>
    public long WaitFrom => BurstStart is { } burst ? Math.Min(WaitCursor, burst) : WaitCursor;

    /// <summary>The script line running now (0 at the prompt): each request remembers it, to report a failure there.</summary>
    public int SourceLine { get; set; }

    /// <summary>
    /// Whether the line only sends frames (a raw frame, <c>send</c>, a template by name): in a pipelined script
    /// it streams; every other line first waits for what is in flight, since it may read what the answers set.
    /// </summary>
    public bool SendsOnly(string input)
    {
        var trimmed = input.Trim();
        if (JsonBalance.StartsFrame(trimmed))
        {
            return true;
        }
        var end = trimmed.IndexOfAny([' ', '\t']);
        var word = end < 0 ? trimmed : trimmed[..end];
        return word == "send" || (!_commands.TryGet(word, out _) && Templates.TryGet(word, out _));
    }
}
