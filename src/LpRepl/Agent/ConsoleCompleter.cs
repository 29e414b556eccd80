using LpRepl.Emulator.Agent;
using LpRepl.Repl.Completion;

namespace LpRepl.App.Agent;

/// <summary>Tab at the agent console: the command words, then a conversation id, a mode, or off.</summary>
public sealed class ConsoleCompleter(Func<IReadOnlyList<string>> conversationIds) : ICompleter
{
    public CompletionResult Complete(string text, int cursor)
    {
        var before = text[..Math.Min(cursor, text.Length)];
        var start = before.LastIndexOfAny([' ', '\t']) + 1;
        var word = before[start..];
        var earlier = before[..start].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var candidates = earlier switch
        {
            [] => ConsoleCommandParser.Words.Concat(["exit", "ls"]),
            ["mode"] => AgentModeText.Names,
            ["typing"] => conversationIds().Prepend("off"),
            ["typing", "off"] => conversationIds(),
            [var verb] when ConsoleCommandParser.TakesConversation.Contains(verb) => conversationIds(),
            _ => [],
        };
        var matches = candidates.Where(c => c.StartsWith(word, StringComparison.OrdinalIgnoreCase)).Distinct().Order(StringComparer.Ordinal).ToList();
        return matches.Count == 0 ? CompletionResult.None : new CompletionResult(start, word.Length, matches, " ");
    }
}
