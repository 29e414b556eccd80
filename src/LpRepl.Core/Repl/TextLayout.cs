using System.Text;

namespace LpRepl.Repl;

/// <summary>
/// Lays out <c>help</c> and <c>templates</c> for the terminal's width: text is wrapped at word
/// boundaries, never inside a word, and what continues a line hangs under where it started.
/// </summary>
public static class TextLayout
{
    // A name longer than this gets its description on the rows below it, so one long usage does not push every description right.
    private const int MaxNameColumn = 24;

    // Below this many columns for the descriptions, they go under the names instead.
    private const int MinTextColumn = 24;

    /// <summary>Two columns: <paramref name="rows"/>' names, then their descriptions wrapped beside them.</summary>
    public static string Table(IEnumerable<(string Name, string Text)> rows, int width, string indent = "  ")
    {
        var list = rows.ToList();
        var nameWidth = list.Select(r => r.Name.Length).Where(n => n <= MaxNameColumn).DefaultIfEmpty(0).Max();
        var textColumn = indent.Length + nameWidth + 2;
        var beside = width - textColumn >= MinTextColumn;
        var sb = new StringBuilder();
        foreach (var (name, text) in list)
        {
            if (beside && name.Length <= nameWidth)
            {
                var lines = Wrap(text, width - textColumn);
                sb.Append(indent).Append(name.PadRight(nameWidth)).Append("  ").Append(lines[0]).Append('\n');
                foreach (var line in lines.Skip(1))
                {
                    sb.Append(' ', textColumn).Append(line).Append('\n');
                }
                continue;
            }
            // The name alone (wrapped if it must be), the description under it, further in.
            foreach (var line in Wrap(name, width - indent.Length))
            {
                sb.Append(indent).Append(line).Append('\n');
            }
            var under = indent + "    ";
            foreach (var line in Wrap(text, width - under.Length))
            {
                sb.Append(under).Append(line).Append('\n');
            }
        }
        return sb.ToString().TrimEnd('\n');
    }

    /// <summary>One paragraph wrapped to <paramref name="width"/>, its later rows indented by <paramref name="hang"/> spaces.</summary>
    public static string Paragraph(string text, int width, int hang = 2)
    {
        var lines = Wrap(text, width, width - hang);
        return string.Join("\n", lines.Select((l, i) => i == 0 ? l : new string(' ', hang) + l));
    }

    /// <summary>
    /// Each line of <paramref name="text"/> wrapped to <paramref name="width"/> between words (as it is when null), keeping its own
    /// indent and hanging its later rows two further in: a banner or notice that reads at any width.
    /// </summary>
    public static string Lines(string text, int? width)
    {
        if (width is not int columns)
        {
            return text;
        }
        var rows = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            // A line that fits stays as it is, spaces and all (a caret under a column, an aligned list).
            if (line.Length <= columns)
            {
                rows.Add(line);
                continue;
            }
            var indent = line.Length - line.TrimStart(' ').Length;
            var prefix = new string(' ', indent);
            rows.AddRange(Paragraph(line.Trim(' '), columns - indent).Split('\n').Select(r => prefix + r));
        }
        return string.Join("\n", rows);
    }

    /// <summary>Words of <paramref name="text"/> in rows of at most <paramref name="width"/> (a longer word stays whole on a row of its own).</summary>
    public static List<string> Wrap(string text, int width, int? laterWidth = null)
    {
        var rows = new List<string>();
        var row = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var limit = Math.Max(1, rows.Count == 0 ? width : laterWidth ?? width);
            if (row.Length > 0 && row.Length + 1 + word.Length > limit)
            {
                rows.Add(row.ToString());
                row.Clear();
            }
            if (row.Length > 0)
            {
                row.Append(' ');
            }
            row.Append(word);
        }
        rows.Add(row.ToString());
        return rows;
    }
}
