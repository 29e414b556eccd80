using LpRepl.Repl;
using LpRepl.Security;
using LpRepl.Session;

namespace LpRepl.Commands;

/// <summary>
/// <c>capture NAME=PATH [from TYPE]</c>: store a value from a received frame — the one the last
/// <c>wait</c> matched, or with <c>from TYPE</c> the newest frame of that type.
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
        var frame = args.Count == 3
            ? session.Inbound.Last(f => f["type"]?.ToString() == args[2])
            : session.LastWaited ?? session.Inbound.Last(_ => true);
        if (frame is null)
        {
            return Task.FromResult(LineResult.Fail(args.Count == 3 ? $"no {args[2]} frame received yet" : "no frame received yet"));
        }
        var value = FramePath.Read(frame, path);
        if (value is null)
        {
            return Task.FromResult(LineResult.Fail($"{path} is not in the {frame["type"]} frame"));
        }
        session.Variables.Set(name, value);
        session.Output.Data($"{name}={(VariableName.IsSecret(name) ? SecretRedactor.Shorten(value) : value)}");
        return Task.FromResult(LineResult.Ok);
    }
}
