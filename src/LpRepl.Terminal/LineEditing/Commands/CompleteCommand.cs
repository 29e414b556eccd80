using System.Text;

namespace LpRepl.Terminal.LineEditing.Commands;

/// <summary>
/// Tab: a unique match completes the word; several complete their common prefix, and if that
/// adds nothing they are listed below the line; none rings the bell.
/// </summary>
public sealed class CompleteCommand : EditCommand
{
    public override void Execute(EditorContext context)
    {
        var buffer = context.Buffer;
        var result = context.Completer?.Complete(buffer.Text, buffer.Position);
        if (result is null || result.Candidates.Count == 0)
        {
            context.View.Bell();
            return;
        }
        var typed = buffer.Text.Substring(result.Start, result.Length);
        var replacement = result.Candidates.Count == 1 ? result.Candidates[0] + result.Suffix : CommonPrefix(result.Candidates);
        if (replacement.Length > typed.Length || result.Candidates.Count == 1)
        {
            buffer.Remove(result.Start, result.Length);
            buffer.MoveTo(result.Start);
            buffer.Insert(replacement);
            return;
        }
        context.View.ShowBelowLine(Columns(result.Shown ?? result.Candidates, context.View.Width));
    }

    private static string CommonPrefix(IReadOnlyList<string> candidates)
    {
        var prefix = candidates[0];
        foreach (var candidate in candidates.Skip(1))
        {
            var i = 0;
            while (i < prefix.Length && i < candidate.Length && prefix[i] == candidate[i])
            {
                i++;
            }
            prefix = prefix[..i];
        }
        return prefix;
    }

    // Laid out in columns across the terminal, like bash's list of possible completions.
    private static string Columns(IReadOnlyList<string> candidates, int width)
    {
        var cell = candidates.Max(c => c.Length) + 2;
        var perRow = Math.Max(1, width / cell);
        var sb = new StringBuilder();
        for (var i = 0; i < candidates.Count; i++)
        {
            var last = i % perRow == perRow - 1 || i == candidates.Count - 1;
            sb.Append(last ? candidates[i] : candidates[i].PadRight(cell));
            if (last && i < candidates.Count - 1)
            {
                sb.Append('\n');
            }
        }
        return sb.ToString();
    }
}
