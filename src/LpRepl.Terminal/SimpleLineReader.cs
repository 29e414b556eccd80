using LpRepl.Repl;

namespace LpRepl.Terminal;

/// <summary>
/// Plain line reading for when input or output is not a terminal: no escape codes at all.
/// A prompt is shown only to a person typing (input a terminal), on stderr when stdout is data.
/// </summary>
public sealed class SimpleLineReader(ITerminal terminal) : ILineSource
{
    public async Task<string?> ReadLineAsync(string prompt, CancellationToken ct)
    {
        if (terminal.InputIsTerminal)
        {
            if (terminal.OutputIsTerminal)
            {
                terminal.Write(prompt);
            }
            else
            {
                terminal.WriteError(prompt);
            }
        }
        return await terminal.ReadLineAsync(ct);
    }
}
