using System.Text;
using LpRepl.Repl;
using LpRepl.Repl.Completion;
using LpRepl.Terminal.Input;
using LpRepl.Terminal.Rendering;

namespace LpRepl.Terminal.LineEditing;

/// <summary>
/// The line editor: reads keys from the terminal, runs the bound command on a <see cref="LineBuffer"/>,
/// and redraws the prompt and line through the <see cref="WriteGate"/> — so frames that arrive meanwhile
/// print above it and the half-typed line survives.
/// </summary>
public sealed class LineEditor : ILineSource, IEditorView
{
    public const string ContinuationPrompt = "... ";

    private readonly ITerminal _terminal;
    private readonly WriteGate _gate;
    private readonly History _history;
    private readonly ICompleter? _completer;
    private readonly KeyBindings _bindings;
    private readonly LiveInput _live;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _queued = new();
    private string _lineCopy = "";
    private TaskCompletionSource _promptChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LineEditor(ITerminal terminal, WriteGate gate, History history, ICompleter? completer, bool color, KeyBindings? bindings = null)
    {
        _terminal = terminal;
        _gate = gate;
        _history = history;
        _completer = completer;
        _bindings = bindings ?? KeyBindings.Default();
        _live = new LiveInput(() => terminal.Width, () => terminal.Height, color);
        terminal.Resized += () => _gate.Redraw();
        // Ctrl-C while a pasted line runs stops that line (the loop) and the rest of the paste (here).
        terminal.Interrupted += () => _queued.Clear();
    }

    public History History => _history;

    /// <summary>The prompt as it should read now (the link's state); <see cref="RefreshPrompt"/> shows it at once.</summary>
    public Func<string>? CurrentPrompt { get; set; }

    /// <summary>
    /// The prompt may read differently now (the link went up or down): a line being edited at the main
    /// prompt gets the new one without waiting for Enter. Safe from any thread; the key loop redraws.
    /// </summary>
    public void RefreshPrompt() => Volatile.Read(ref _promptChanged).TrySetResult();

    public int Width => _terminal.Width;

    public async Task<string?> ReadLineAsync(string prompt, CancellationToken ct)
    {
        var session = new EditSession(this, prompt);
        _live.Update(prompt, ContinuationPrompt, "", 0);
        _gate.SetLive(_live);
        try
        {
            if (_queued.TryDequeue(out var queued))
            {
                // The next input of a block already submitted: shown at its prompt as if typed, then run.
                session.Buffer.Set(queued);
                Render(session);
                Finish();
                return queued;
            }
            Volatile.Write(ref _promptChanged, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            Task<KeyPress?>? nextKey = null;
            while (true)
            {
                nextKey ??= _terminal.ReadKeyAsync(ct).AsTask();
                if (!nextKey.IsCompleted && prompt != ContinuationPrompt)
                {
                    // The buffer is only touched here, on the key loop: a change of the prompt waits beside the next key.
                    var changed = Volatile.Read(ref _promptChanged).Task;
                    if (await Task.WhenAny(nextKey, changed) == changed)
                    {
                        Volatile.Write(ref _promptChanged, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                        if (CurrentPrompt?.Invoke() is { } now && now != prompt)
                        {
                            prompt = now;
                            session.Prompt = now;
                            Render(session);
                        }
                        continue;
                    }
                }
                var key = await nextKey;
                nextKey = null;
                // A list of completions drawn under the input lasts until the next key.
                _live.HideList();
                if (key is null)
                {
                    Finish();
                    return null;
                }
                var outcome = session.Handle(key.Value);
                switch (outcome)
                {
                    case EditorOutcome.Submit:
                        return Submit(session);
                    case EditorOutcome.EndOfInput:
                        Finish();
                        return null;
                    case EditorOutcome.Cancel:
                        // Like bash: ^C after the abandoned line, and a fresh prompt below it.
                        session.Buffer.MoveTo(session.Buffer.Length);
                        Render(session);
                        _gate.Release(_live.Finish("^C"));
                        session = new EditSession(this, prompt);
                        _live.Update(prompt, ContinuationPrompt, "", 0);
                        _gate.SetLive(_live);
                        continue;
                }
                if (!session.Pasting)
                {
                    Render(session);
                }
            }
        }
        finally
        {
            _gate.SetLive(null);
        }
    }

    // A block of several inputs (a paste of command lines) runs one input at a time; history keeps the block.
    private string Submit(EditSession session)
    {
        var text = session.Buffer.Text;
        _history.Add(text);
        var inputs = InputSplitter.Split(text);
        if (inputs.Count > 1)
        {
            session.Buffer.Set(inputs[0]);
            foreach (var input in inputs.Skip(1))
            {
                _queued.Enqueue(input);
            }
        }
        // What stays on screen is the line as it runs, at the plain prompt (after Ctrl-R, not the search line).
        Render(session);
        Finish();
        return inputs[0];
    }

    public void Bell() => _gate.WriteToScreen("\a");

    public void ShowBelowLine(string text)
    {
        var rows = text.Split('\n');
        if (_live.ListFitsAbove(rows.Length))
        {
            _gate.WriteAbove(_lineCopy + "\n" + text + "\n", toError: _gate.ScreenIsError);
            return;
        }
        // Printed above a tall input, the list and the copy would go straight to the scrollback: it is drawn
        // under the input instead, as PSReadLine lists completions, and taken away by the next key.
        _live.ShowList(rows);
    }

    public void ClearScreen() => _gate.ClearScreen();

    private void Render(EditSession session)
    {
        var (prompt, text, cursor) = session.View();
        _live.Update(prompt, ContinuationPrompt, text, cursor);
        _lineCopy = prompt + text.Replace("\n", "\n" + ContinuationPrompt, StringComparison.Ordinal);
        _gate.Redraw();
    }

    private void Finish()
    {
        if (_live.ListDrawn)
        {
            _gate.Redraw();
        }
        _gate.Release(_live.Finish());
    }

    /// <summary>The state of one line being edited: buffer, history position, kill ring, search, paste.</summary>
    private sealed class EditSession(LineEditor editor, string prompt)
    {
        public string Prompt { get; set; } = prompt;

        private readonly KillRing _kill = new();
        private ReverseSearch? _search;
        private EditorContext? _context;

        public LineBuffer Buffer { get; } = new();

        public bool Pasting { get; private set; }

        private EditorContext Context => _context ??= new EditorContext(Buffer, new HistoryCursor(editor._history), _kill, editor, editor._completer);

        public (string Prompt, string Text, int Cursor) View() =>
            _search is null ? (Prompt, Buffer.Text, Buffer.Position) : (_search.Prompt, _search.Match, _search.MatchPosition);

        public EditorOutcome Handle(KeyPress key)
        {
            if (key.Key == Key.PasteStart)
            {
                Pasting = true;
                return EditorOutcome.Continue;
            }
            if (key.Key == Key.PasteEnd)
            {
                Pasting = false;
                // A copied block usually ends with a newline: it is not an Enter.
                while (Buffer.Position == Buffer.Length && Buffer.Text.EndsWith('\n'))
                {
                    Buffer.Remove(Buffer.Length - 1, 1);
                }
                return EditorOutcome.Continue;
            }
            if (Pasting)
            {
                // Pasted text is inserted as one block, never run line by line.
                Buffer.Insert(Sanitize(key.Text));
                return EditorOutcome.Continue;
            }
            if (_search is not null)
            {
                var step = _search.Handle(key);
                if (step == SearchStep.Continue)
                {
                    return EditorOutcome.Continue;
                }
                Buffer.Set(_search.Match);
                _search = null;
                if (step == SearchStep.Run)
                {
                    return EditorOutcome.Submit;
                }
                if (step == SearchStep.Cancel)
                {
                    return EditorOutcome.Continue;
                }
            }
            var command = editor._bindings.Resolve(key);
            if (command is null)
            {
                return EditorOutcome.Continue;
            }
            var context = Context;
            context.Outcome = EditorOutcome.Continue;
            context.Kill.Chaining = command.IsKill && context.Kill.Chaining;
            command.Execute(context);
            if (!command.IsKill)
            {
                context.Kill.Chaining = false;
            }
            if (context.Outcome == EditorOutcome.StartSearch)
            {
                _search = new ReverseSearch(editor._history, Buffer.Text);
                return EditorOutcome.Continue;
            }
            return context.Outcome;
        }

        // Control characters would break the screen and the frame; tabs become spaces so the layout stays true.
        private static string Sanitize(string text)
        {
            var sb = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (c == '\t')
                {
                    sb.Append("    ");
                }
                else if (c == '\n' || !char.IsControl(c))
                {
                    sb.Append(c);
                }
            }
            return sb.ToString();
        }
    }
}
