namespace LpRepl.App.Agent;

/// <summary>
/// The agent console's lines: <c>accept [ID]</c>, <c>say TEXT</c>, <c>typing [off] [ID]</c>, <c>read [ID]</c>,
/// <c>close [ID]</c>, <c>mode [auto|manual|silent]</c>, <c>conversations</c>, <c>use ID</c>, <c>help</c>, <c>quit</c>.
/// An ID is any unique prefix of a conversation id; <c>say</c> takes the rest of the line as typed.
/// </summary>
public static class ConsoleCommandParser
{
    /// <summary>The command words, in the order help lists them.</summary>
    public static readonly IReadOnlyList<string> Words = ["accept", "say", "typing", "read", "close", "mode", "conversations", "use", "help", "quit"];

    /// <summary>Words that take a conversation id as their (last) argument.</summary>
    public static readonly IReadOnlySet<string> TakesConversation = new HashSet<string>(StringComparer.Ordinal) { "accept", "typing", "read", "close", "use" };

    public static readonly IReadOnlyList<(string Usage, string Text)> Help =
    [
        ("accept [ID]", "take the conversation: the consumer sees the agent join"),
        ("say TEXT", "send TEXT to the consumer as the agent"),
        ("typing [off] [ID]", "show the consumer the agent typing (COMPOSING), or stop (ACTIVE)"),
        ("read [ID]", "receipts (ACCEPT, READ) for the consumer's messages not read yet"),
        ("close [ID]", "close the conversation as the agent"),
        ("mode [auto|manual|silent]", "the simulated agent: answers by itself, waits for you, or never answers"),
        ("conversations", "list every conversation: id, consumer, state, last message (also: ls)"),
        ("use ID", "act on this conversation from now on (otherwise: the newest open one)"),
        ("help", "this list"),
        ("quit", "stop the emulator (also: exit, Ctrl-D, Ctrl-C)"),
    ];

    /// <summary>The command, null for a blank line, or <paramref name="error"/> saying what is wrong and what to type.</summary>
    public static ConsoleCommand? Parse(string line, out string? error)
    {
        error = null;
        var trimmed = line.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }
        var space = trimmed.IndexOfAny([' ', '\t']);
        var word = space < 0 ? trimmed : trimmed[..space];
        var rest = space < 0 ? "" : trimmed[(space + 1)..].Trim();
        var args = rest.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        ConsoleCommand? command = word.ToLowerInvariant() switch
        {
            "say" when rest.Length > 0 => new(ConsoleVerb.Say, Text: rest),
            "say" => Fail("say what? usage: say TEXT", out error),
            "accept" or "read" or "close" when args.Length <= 1 => new(Verb(word), args.FirstOrDefault()),
            "typing" => Typing(args, out error),
            "mode" when args.Length == 0 => new(ConsoleVerb.Mode),
            "mode" when args.Length == 1 => new(ConsoleVerb.Mode, Text: args[0].ToLowerInvariant()),
            "mode" => Fail("usage: mode auto|manual|silent", out error),
            "conversations" or "ls" or "list" when args.Length == 0 => new(ConsoleVerb.Conversations),
            "use" when args.Length == 1 => new(ConsoleVerb.Use, args[0]),
            "use" => Fail("usage: use ID (a conversation id, or the start of one; 'conversations' lists them)", out error),
            "help" or "?" => new(ConsoleVerb.Help),
            "quit" or "exit" => new(ConsoleVerb.Quit),
            "accept" or "read" or "close" or "conversations" or "ls" or "list" => Fail($"usage: {Usage(word)}", out error),
            _ => Fail($"unknown command '{word}': one of {string.Join(", ", Words)} (help explains them)", out error),
        };
        return command;
    }

    private static ConsoleCommand? Typing(string[] args, out string? error)
    {
        error = null;
        var switched = args.Length > 0 && args[0] is "off" or "on";
        var stop = switched && args[0] == "off";
        var ids = switched ? args[1..] : args;
        return ids.Length <= 1 ? new ConsoleCommand(ConsoleVerb.Typing, ids.FirstOrDefault(), stop ? "off" : null) : Fail("usage: typing [off] [ID]", out error);
    }

    private static ConsoleVerb Verb(string word) => Enum.Parse<ConsoleVerb>(word, ignoreCase: true);

    private static string Usage(string word) => Help.FirstOrDefault(h => h.Usage.StartsWith(word, StringComparison.Ordinal)).Usage ?? "conversations";

    private static ConsoleCommand? Fail(string message, out string? error)
    {
        error = message;
        return null;
    }
}
