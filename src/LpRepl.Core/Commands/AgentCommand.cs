using LpRepl.Agent;
using LpRepl.Repl;

namespace LpRepl.Commands;

/// <summary>
/// <c>agent accept|say TEXT|typing [off]|read|close|mode auto|manual|silent</c>: play the agent of
/// the embedded emulator, as the tutorials' human agent does in LiveEngage. Acts on
/// <c>$conversationId</c>, else the account's newest conversation.
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

    public Task<LineResult> ExecuteAsync(ReplSession session, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (session.Services.Agent is not { } seat)
        {
            return Done(LineResult.Fail("'agent' plays the agent of the embedded emulator; this session talks to a real account, where the agent works in LiveEngage (Conversational Cloud)"));
        }
        if (args.Count == 0)
        {
            session.Output.Info($"agent mode {seat.Mode}; usage: {Usage}");
            return Done(LineResult.Ok);
        }
        var verb = args[0];
        if (verb == "mode")
        {
            if (args.Count == 1)
            {
                session.Output.Report(seat.Mode);
                return Done(LineResult.Ok);
            }
            return Done(args.Count == 2 ? Report(session, seat.SetMode(args[1])) : LineResult.Fail("usage: agent mode auto|manual|silent"));
        }
        var account = session.Variables["LP_ACCOUNT"] ?? "";
        var conversation = session.Variables["conversationId"] is { Length: > 0 } c ? c : seat.LatestConversation(account);
        if (conversation is null)
        {
            return Done(LineResult.Fail("no conversation yet: request one first (request-conversation), then act as its agent"));
        }
        var outcome = verb switch
        {
            "accept" when args.Count == 1 => seat.Accept(account, conversation),
            "say" when args.Count > 1 => seat.Say(account, conversation, string.Join(' ', args.Skip(1))),
            "typing" when args.Count == 1 || (args.Count == 2 && args[1] is "on" or "off") => seat.Typing(account, conversation, args.Count == 1 || args[1] == "on"),
            "read" when args.Count == 1 => seat.Read(account, conversation),
            "close" when args.Count == 1 => seat.Close(account, conversation),
            "say" => new AgentOutcome(false, "say what? usage: agent say TEXT…"),
            _ => new AgentOutcome(false, $"unknown agent action '{string.Join(' ', args)}'; usage: {Usage}"),
        };
        return Done(Report(session, outcome));
    }

    private static LineResult Report(ReplSession session, AgentOutcome outcome)
    {
        if (!outcome.Ok)
        {
            return LineResult.Fail("agent: " + outcome.Message);
        }
        session.Output.Info("agent: " + outcome.Message + (outcome.Sequence is { } seq ? $" (sequence {seq})" : ""));
        return LineResult.Ok;
    }

    private static Task<LineResult> Done(LineResult result) => Task.FromResult(result);
}
