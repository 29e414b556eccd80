using LpRepl.Repl;
using LpRepl.Repl.Completion;
using LpRepl.Transcripts;

namespace LpRepl.Commands;

/// <summary><c>record FILE</c> / <c>record off</c>: write every frame to a JSON Lines transcript (tokens redacted).</summary>
public sealed class RecordCommand : IReplCommand
{
    public string Name => "record";

    public string Summary => "record frames to a JSON Lines transcript (replay it with 'lprepl replay FILE'); 'record off' stops";

    public string Usage => "record FILE | record off";

    public CommandArity Arity => CommandArity.Exactly(1);

    public PathArgument? PathAt(IReadOnlyList<string> before) => before.Count == 0 ? PathArgument.AnyFile : null;

    // Offered by Tab beside the file names.
    public IEnumerable<string> ArgumentWords(IReadOnlyList<string> before) => before.Count == 0 ? ["off"] : [];

    public Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count != 1)
        {
            return Task.FromResult(LineResult.Fail($"usage: {Usage}"));
        }
        session.Recorder?.Dispose();
        session.Recorder = null;
        if (args[0] == "off")
        {
            return Task.FromResult(LineResult.Ok);
        }
        try
        {
            session.Recorder = new TranscriptWriter(args[0], session.Services.Time);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(LineResult.Fail($"cannot write {args[0]}: {e.Message}"));
        }
        session.Output.Info($"recording frames to {args[0]}");
        return Task.FromResult(LineResult.Ok);
    }
}
