using LpRepl.Repl;

namespace LpRepl.Terminal;

/// <summary>
/// Reads whole lines from the terminal, showing the prompt through the write gate when the
/// input is interactive. (The key-by-key line editor replaces it behind the same seam.)
/// </summary>
public sealed class SimpleLineReader(ITerminal terminal, TerminalOutput output) : ILineSource
{
    public async Task<string?> ReadLineAsync(string prompt, CancellationToken ct)
    {
        var interactive = terminal.InputIsTerminal;
        if (interactive)
        {
            output.ShowPrompt(prompt);
        }
        try
        {
            var line = await terminal.ReadLineAsync(ct);
            if (line is null && interactive)
            {
                // Ctrl-D: end the prompt line so the shell's prompt starts clean.
                terminal.Write("\n");
            }
            return line;
        }
        finally
        {
            if (interactive)
            {
                output.PromptDone();
            }
        }
    }
}
