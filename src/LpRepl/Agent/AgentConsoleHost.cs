using System.Threading.Channels;
using LpRepl.Configuration;
using LpRepl.Emulator.Agent;
using LpRepl.Terminal;
using LpRepl.Terminal.Input;
using LpRepl.Terminal.LineEditing;

namespace LpRepl.App.Agent;

/// <summary>
/// The agent console at a terminal: the line editor (history, Tab) with what consumers do printed above
/// it, on stdout's terminal, or on stderr's when stdout goes to a file (lprepl emulator &gt; env.sh).
/// </summary>
public static class AgentConsoleHost
{
    /// <summary>Whether there is a person at a terminal to give the console to.</summary>
    public static bool CanRun(ITerminal terminal) => terminal.InputIsTerminal && (terminal.OutputIsTerminal || terminal.ErrorIsTerminal);

    /// <summary>Runs the console until quit, Ctrl-D, Ctrl-C or <paramref name="stop"/>.</summary>
    public static async Task RunAsync(AgentSeat seat, ITerminal terminal, WriteGate gate, CancellationToken stop)
    {
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(stop);
        // Wrapped between words at the terminal's width, as the REPL's notices are: a row the terminal wraps splits a word.
        var console = new AgentConsole(seat, text => gate.WriteAbove(Repl.TextLayout.Lines(text, terminal.Width) + "\n", gate.ScreenIsError));
        var bindings = KeyBindings.Default();
        bindings.Bind(KeyPress.Ctrl('c'), () => new StopCommand());
        var history = new History(Path.Combine(XdgPaths.StateDirectory(), "agent-history"));
        var editor = new LineEditor(terminal, gate, history, new ConsoleCompleter(console.ConversationIds), color: false, bindings)
        {
            CurrentPrompt = () => console.Prompt,
        };
        // Ctrl-C while no key is awaited (between lines) ends the console too.
        terminal.Interrupted += ended.Cancel;
        // Told under a consumer's gate: queued there, printed here, so the conversation never waits on the terminal.
        var activities = Channel.CreateUnbounded<AgentActivity>(new UnboundedChannelOptions { SingleReader = true });
        void OnActivity(AgentActivity activity) => activities.Writer.TryWrite(activity);
        seat.Activity += OnActivity;
        var telling = TellAsync(activities.Reader, console, editor, ended.Token);
        try
        {
            console.Hint();
            while (await editor.ReadLineAsync(console.Prompt, ended.Token) is { } line)
            {
                if (!console.Run(line))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C between lines, SIGTERM: the emulator stops as it did before the console.
        }
        finally
        {
            seat.Activity -= OnActivity;
            terminal.Interrupted -= ended.Cancel;
            activities.Writer.TryComplete();
            await telling;
        }
    }

    private static async Task TellAsync(ChannelReader<AgentActivity> activities, AgentConsole console, LineEditor editor, CancellationToken ct)
    {
        try
        {
            await foreach (var activity in activities.ReadAllAsync(ct))
            {
                console.Tell(activity);
                // A new conversation may be the one the prompt names now.
                editor.RefreshPrompt();
            }
        }
        catch (OperationCanceledException)
        {
            // The console has ended.
        }
    }
}
