using System.Text.RegularExpressions;
using LpRepl.Commands;
using LpRepl.Protocol;
using LpRepl.Session;
using LpRepl.Templating;

namespace LpRepl.Repl.Completion;

/// <summary>
/// What Tab completes at the prompt: command names at the start of a line, variable names
/// after <c>$</c> or inside <c>{{ }}</c>, and inside a frame what the protocol model allows at
/// the cursor (field names, request and event types, enumerations), and file names where a
/// command takes a file (<c>run</c>, <c>load</c>, <c>save</c>, <c>record</c>, and after <c>!COMMAND</c>),
/// relative to <paramref name="paths"/> (by default the current directory and home).
/// </summary>
public sealed partial class ReplCompleter(CommandRegistry commands, SessionVariables variables, TemplateLibrary? templates = null, ProtocolModel? model = null, PathRoots? paths = null) : ICompleter
{
    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_]*)$")]
    private static partial Regex TemplateVariable();

    [GeneratedRegex(@"\$\{?([A-Za-z0-9_]*)$")]
    private static partial Regex ShellVariable();

    [GeneratedRegex(@"^\s*(\S*)$")]
    private static partial Regex FirstWord();

    public CompletionResult Complete(string text, int cursor)
    {
        var before = text[..cursor];
        if (TemplateVariable().Match(before) is { Success: true } inTemplate && !before[inTemplate.Index..].Contains("}}"))
        {
            return Matching(cursor, inTemplate.Groups[1].Value, VariableNames(), "}}");
        }
        if (IsFrame(before))
        {
            // The model is read on the first Tab in a frame, not at start.
            return FrameCompleter.Complete(model ?? ProtocolModel.Default, text, cursor);
        }
        if (ShellVariable().Match(before) is { Success: true } shell && !IsFrame(before))
        {
            var braced = before[shell.Index..].StartsWith("${", StringComparison.Ordinal);
            return Matching(cursor, shell.Groups[1].Value, VariableNames(), braced ? "}" : " ");
        }
        if (FirstWord().Match(before) is { Success: true } first && !IsFrame(before))
        {
            return Matching(cursor, first.Groups[1].Value, commands.Names.Where(n => n != "?").Concat(TemplateNames), " ");
        }
        if (PathWord(before) is { } path)
        {
            return path;
        }
        if (!IsFrame(before) && TemplateWords(before) is { } templateWord)
        {
            return templateWord;
        }
        if (!IsFrame(before) && CommandWords(before) is { } commandWord)
        {
            return commandWord;
        }
        if (before.TrimStart().StartsWith("help ", StringComparison.Ordinal) && before.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 2)
        {
            var word = before.EndsWith(' ') ? "" : before.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
            return Matching(cursor, word, commands.Names.Where(n => n != "?"), "");
        }
        return CompletionResult.None;
    }

    private IEnumerable<string> VariableNames() => variables.Snapshot().Select(p => p.Key);

    private IEnumerable<string> TemplateNames => templates?.Names ?? [];

    // A command's file argument, and any word after a !COMMAND (the host shell's, quoted alike).
    private CompletionResult? PathWord(string before)
    {
        var word = ShellWordAtCursor.Read(before);
        if (word.Before.Count == 0)
        {
            return null;
        }
        var command = word.Before[0].StartsWith('!') || !commands.TryGet(word.Before[0], out var named) ? null : named;
        var argument = word.Before[0].StartsWith('!') ? PathArgument.AnyFile : command?.PathAt([.. word.Before.Skip(1)]);
        if (argument is null)
        {
            return null;
        }
        var files = PathCompleter.Complete(word, before.Length, paths ?? PathRoots.Current(), argument);
        return command is null ? files : WithWords(files, word, before.Length, command.ArgumentWords([.. word.Before.Skip(1)]));
    }

    // The command's own words where it also takes a file (record off), listed first; a file of the same name is the file.
    private static CompletionResult WithWords(CompletionResult files, ShellWordAtCursor word, int cursor, IEnumerable<string> words)
    {
        var shownFiles = files.Shown ?? files.Candidates;
        var offered = word.Plain && word.FirstQuote == '\0' && !word.Tilde
            ? words.Where(w => w.StartsWith(word.Value, StringComparison.Ordinal) && !shownFiles.Contains(w)).Order(StringComparer.Ordinal).ToList()
            : [];
        if (offered.Count == 0)
        {
            return files;
        }
        var candidates = offered.Concat(files.Candidates).ToList();
        var suffix = candidates.Count == 1 ? " " : files.Suffix;
        return new CompletionResult(word.Start, cursor - word.Start, candidates, suffix, [.. offered, .. shownFiles]);
    }

    // After "send"/"render", a template name; after a template name, its parameter keys.
    private CompletionResult? TemplateWords(string before)
    {
        var words = before.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var current = before.EndsWith(' ') ? "" : words[^1];
        var previous = before.EndsWith(' ') ? words : words[..^1];
        if (previous.Count == 1 && previous[0] is "send" or "render")
        {
            return Matching(before.Length, current, TemplateNames, " ");
        }
        var viaCommand = previous.Count >= 2 && previous[0] is "send" or "render";
        var name = viaCommand ? previous[1] : previous.FirstOrDefault();
        if (name is null || current.Contains('=') || templates is null || !templates.TryGet(name, out var template))
        {
            return null;
        }
        return Matching(before.Length, current, template.ParameterNames.Select(p => p + "="), "");
    }

    // A command's own argument words: agent's verbs and modes, connect's flags.
    private CompletionResult? CommandWords(string before)
    {
        var words = before.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var current = before.EndsWith(' ') ? "" : words[^1];
        var previous = before.EndsWith(' ') ? words : words[..^1];
        if (previous.Count == 0 || !commands.TryGet(previous[0], out var command))
        {
            return null;
        }
        var offered = command.ArgumentWords(previous.Skip(1).ToList()).ToList();
        return offered.Count == 0 ? null : Matching(before.Length, current, offered, " ");
    }

    private static bool IsFrame(string before) => before.TrimStart().StartsWith('{') || before.TrimStart().StartsWith('[');

    private static CompletionResult Matching(int cursor, string prefix, IEnumerable<string> names, string suffix)
    {
        var candidates = names.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal).ToList();
        return new CompletionResult(cursor - prefix.Length, prefix.Length, candidates, suffix);
    }
}
