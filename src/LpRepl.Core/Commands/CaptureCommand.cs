using LpRepl.Repl;
using LpRepl.Security;
using LpRepl.Session;

namespace LpRepl.Commands;

/// <summary>
/// <c>capture NAME=PATH [from TYPE]</c>: store a value from a received frame — the one the last
/// <c>wait</c> matched, or with <c>from TYPE</c> the newest frame of that type (of this connection, since the script began).
/// </summary>
public sealed class CaptureCommand : IReplCommand
{
    public string Name => "capture";

    public string Summary => "store a value from a received frame in a variable";

    public string Usage => "capture NAME=PATH [from TYPE]";

    public CommandArity Arity => CommandArity.Between(1, 3);

    public Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct)
    {
        var eq = args.Count > 0 ? args[0].IndexOf('=') : -1;
        if (!(args.Count == 1 || (args.Count == 3 && args[1] == "from")) || eq <= 0 || !VariableName.IsValid(args[0][..eq]))
        {
            return Task.FromResult(LineResult.Fail($"usage: {Usage}, e.g. capture agentId=.body.changes[0].originatorId from ms.MessagingEventNotification"));
        }
        var (name, path) = (args[0][..eq], args[0][(eq + 1)..]);
        if (FramePath.Check(path) is { } problem)
        {
            return Task.FromResult(LineResult.Fail($"capture: '{path}' is not a path: {problem}; {FramePath.Shape}"));
        }
        // Like a wait, only frames of this connection since the script began: never an earlier socket's.
        var (connection, since) = (session.Connection, session.WindowStart);
        var frame = args.Count == 3
            ? session.Inbound.Last(f => f.Connection == connection && f.Index >= since && f.Frame["type"]?.ToString() == args[2])
            : session.LastWaited ?? session.Inbound.Last(f => f.Connection == connection && f.Index >= since);
        if (frame is null)
        {
            var what = args.Count == 3 ? $"no {args[2]} frame" : "no frame";
            return Task.FromResult(LineResult.Fail($"{what} received on this connection{(session.ScriptDepth > 0 ? " since the script began" : "")} yet"));
        }
        var value = FramePath.Read(frame, path);
        if (value is null)
        {
            return Task.FromResult(LineResult.Fail($"{path} is not in the {frame["type"]} frame"));
        }
        session.Variables.Set(name, value);
        session.Output.Report($"{name}={(VariableName.IsSecret(name) ? SecretRedactor.Shorten(value) : SecretRedactor.Redact(value))}");
        return Task.FromResult(LineResult.Ok);
    }
}
