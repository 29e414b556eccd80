using LpRepl.Agent;
using LpRepl.Repl;

namespace LpRepl.Commands;

/// <summary>
/// <c>agent accept|say TEXT|typing [off]|read|close|mode auto|manual|silent</c>: play the agent of
/// the embedded emulator, or of a standalone one on this machine (through its control endpoint), as
/// the tutorials' human agent does in LiveEngage. Acts on <c>$conversationId</c>, else the account's
/// newest conversation.
/// </summary>
public sealed class AgentCommand : IReplCommand
{
    public string Name => "agent";

    public string Summary => "act as the emulator's agent: accept, say TEXT, typing [off], read, close, mode auto|manual|silent";

    public string Usage => "agent accept|say TEXT|typing [off]|read|close|mode MODE";

    public CommandArity Arity => CommandArity.Any;

    public IEnumerable<string> ArgumentWords(IReadOnlyList<string> before) => before switch
    {
        [] => ["accept", "say", "typing", "read", "close", "mode"],
        ["mode"] => ["auto", "manual", "silent"],
        ["typing"] => ["on", "off"],
        _ => [],
    };

    public async Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (session.Services.Agent is not { } seat)
        {
            return LineResult.Fail("'agent' plays the agent of the embedded emulator; this session talks to a real account, where the agent works in LiveEngage (Conversational Cloud)");
        }
        if (args.Count == 0)
        {
            var mode = await seat.ModeAsync(ct);
            if (!mode.Ok)
            {
                return Report(session, mode);
            }
            session.Output.Info($"agent mode {mode.Message}; usage: {Usage}");
            return LineResult.Ok;
        }
        var verb = args[0];
        if (verb == "mode")
        {
            if (args.Count == 1)
            {
                var mode = await seat.ModeAsync(ct);
                if (!mode.Ok)
                {
                    return Report(session, mode);
                }
                session.Output.Report(mode.Message);
                return LineResult.Ok;
            }
            return args.Count == 2 ? Report(session, await seat.SetModeAsync(args[1], ct)) : LineResult.Fail("usage: agent mode auto|manual|silent");
        }
        var account = session.Variables["LP_ACCOUNT"] ?? "";
        // The session's conversation, else (null) the seat's newest of the account.
        var conversation = session.Variables["conversationId"] is { Length: > 0 } c ? c : null;
        var outcome = verb switch
        {
            "accept" when args.Count == 1 => await seat.AcceptAsync(account, conversation, ct),
            "say" when args.Count > 1 => await seat.SayAsync(account, conversation, string.Join(' ', args.Skip(1)), ct),
            "typing" when args.Count == 1 || (args.Count == 2 && args[1] is "on" or "off") => await seat.TypingAsync(account, conversation, args.Count == 1 || args[1] == "on", ct),
            "read" when args.Count == 1 => await seat.ReadAsync(account, conversation, ct),
            "close" when args.Count == 1 => await seat.CloseAsync(account, conversation, ct),
            "say" => new AgentOutcome(false, "say what? usage: agent say TEXT…"),
            _ => new AgentOutcome(false, $"unknown agent action '{string.Join(' ', args)}'; usage: {Usage}"),
        };
        return Report(session, outcome);
    }

    private static LineResult Report(ReplSession session, AgentOutcome outcome)
    {
        if (!outcome.Ok)
        {
            return LineResult.Fail("agent: " + outcome.Message);
        }
        // Not "agent: …": in the chat view that is how the agent's own messages read, and this is what you did as the agent.
        session.Output.Info("as the agent: " + outcome.Message + (outcome.Sequence is { } seq ? $" (sequence {seq})" : ""));
        return LineResult.Ok;
    }
}
