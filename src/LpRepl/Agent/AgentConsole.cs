using LpRepl.Emulator;
using LpRepl.Emulator.Agent;
using LpRepl.Security;

namespace LpRepl.App.Agent;

/// <summary>
/// The standalone emulator's agent console: runs one typed line against the <see cref="AgentSeat"/> and
/// tells what consumers do. Every text from outside (messages, ids) is escaped before it is printed.
/// </summary>
public sealed class AgentConsole(AgentSeat seat, Action<string> print)
{
    /// <summary>Longest message shown in a listing or a notice, in UTF-16 units; the consumer's client has it whole.</summary>
    public const int MaxShown = 200;

    private string? _chosen;

    /// <summary>The prompt, naming the conversation the next command acts on.</summary>
    public string Prompt => Current() is { } c ? $"agent {ShortId(c.Id)}> " : "agent> ";

    /// <summary>Every conversation id, newest first, for Tab.</summary>
    public IReadOnlyList<string> ConversationIds() => [.. seat.Conversations().Select(c => c.Id)];

    /// <summary>Runs one line; false once it asked to quit.</summary>
    public bool Run(string line)
    {
        var command = ConsoleCommandParser.Parse(line, out var error);
        if (error is not null)
        {
            print("error: " + error);
            return true;
        }
        switch (command?.Verb)
        {
            case null:
                return true;
            case ConsoleVerb.Quit:
                return false;
            case ConsoleVerb.Help:
                print(string.Join('\n', ConsoleCommandParser.Help.Select(h => $"  {h.Usage,-27} {h.Text}")));
                print("  ID is a conversation id or its start (Tab completes it); without one, the conversation in the prompt.");
                return true;
            case ConsoleVerb.Conversations:
                ListConversations();
                return true;
            case ConsoleVerb.Mode:
                Mode(command.Text);
                return true;
            default:
                Act(command);
                return true;
        }
    }

    /// <summary>The line shown when the console starts.</summary>
    public void Hint() =>
        print($"agent console (mode {AgentModeText.Name(seat.Mode)}): {string.Join(", ", ConsoleCommandParser.Help.Select(h => h.Usage))}; Tab completes, help explains");

    /// <summary>A consumer opened a conversation or wrote: one line above the prompt.</summary>
    public void Tell(AgentActivity activity)
    {
        var id = ShortId(activity.ConversationId);
        print(activity.Kind == AgentActivityKind.Opened
            ? $"conversation {id} opened by consumer {Shown(ShortId(activity.ConsumerId))}{(seat.Mode == AgentMode.Auto ? "" : " (accept takes it)")}"
            : $"consumer {id}: {Shown(activity.Text ?? "")}");
    }

    private void Act(ConsoleCommand command)
    {
        if (Resolve(command.Conversation, out var error) is not { } target)
        {
            print("error: " + error);
            return;
        }
        if (command.Verb == ConsoleVerb.Use)
        {
            _chosen = target.Id;
            print($"using conversation {target.Id} ({target.State})");
            return;
        }
        var result = command.Verb switch
        {
            ConsoleVerb.Accept => seat.Accept(target.Account, target.Id),
            ConsoleVerb.Say => seat.Say(target.Account, target.Id, command.Text!),
            ConsoleVerb.Typing => seat.Typing(target.Account, target.Id, composing: command.Text != "off"),
            ConsoleVerb.Read => seat.Read(target.Account, target.Id),
            _ => seat.Close(target.Account, target.Id),
        };
        // The seat's refusals name the REPL's command ('agent accept'); here the word alone is typed.
        var message = Shown(result.Message.Replace("'agent accept'", "'accept'", StringComparison.Ordinal));
        print(result.Ok
            ? $"{ShortId(target.Id)}: {message}{(result.Sequence is { } s ? $" (sequence {s})" : "")}"
            : $"error: {ShortId(target.Id)}: {message}");
    }

    private void Mode(string? mode)
    {
        if (mode is null)
        {
            print("mode " + AgentModeText.Name(seat.Mode));
            return;
        }
        if (!AgentModeText.TryParse(mode, out var parsed))
        {
            print("error: " + AgentModeText.Problem(Shown(mode)));
            return;
        }
        seat.Mode = parsed;
        print(AgentModeText.Describe(parsed, "accept", "say"));
    }

    private void ListConversations()
    {
        var all = seat.Conversations();
        if (all.Count == 0)
        {
            print("no conversations yet: a consumer opens one with cm.ConsumerRequestConversation");
            return;
        }
        var current = Current()?.Id;
        var rows = all.Select(c => $"{(c.Id == current ? "*" : " ")} {c.Id}  consumer {Shown(ShortId(c.ConsumerId))}  {c.State,-8}  {(c.LastFrom is null ? "-" : $"{c.LastFrom}: {Shown(c.LastMessage ?? "")}")}");
        print(string.Join('\n', rows));
    }

    // An id prefix names one conversation; none names the chosen one, else the newest open one.
    private AgentConversation? Resolve(string? prefix, out string? error)
    {
        error = null;
        if (prefix is null)
        {
            return Current() ?? Fail("no conversation yet: a consumer opens one with cm.ConsumerRequestConversation", out error);
        }
        var matches = seat.Conversations().Where(c => c.Id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => Fail($"no conversation starts with '{Shown(prefix)}' ('conversations' lists them)", out error),
            _ => Fail($"'{Shown(prefix)}' starts {matches.Count} conversations ({string.Join(", ", matches.Select(m => ShortId(m.Id)))}): type more of it", out error),
        };
    }

    private AgentConversation? Current()
    {
        var all = seat.Conversations();
        return all.FirstOrDefault(c => c.Id == _chosen) ?? all.FirstOrDefault(c => c.IsOpen) ?? all.FirstOrDefault();
    }

    private static AgentConversation? Fail(string message, out string? error)
    {
        error = message;
        return null;
    }

    private static string ShortId(string id) => id.Length <= 8 ? id : id[..8];

    // One line, escaped, cut before MaxShown (never through a surrogate pair).
    private static string Shown(string text)
    {
        var line = ControlCharacters.Escape(text, keepNewlines: false).Replace('\t', ' ');
        if (line.Length <= MaxShown)
        {
            return line;
        }
        var cut = char.IsHighSurrogate(line[MaxShown - 1]) ? MaxShown - 1 : MaxShown;
        return line[..cut] + "…";
    }
}
