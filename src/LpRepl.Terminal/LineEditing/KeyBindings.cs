using LpRepl.Terminal.Input;
using LpRepl.Terminal.LineEditing.Commands;

namespace LpRepl.Terminal.LineEditing;

/// <summary>Keys to commands, as data: the Emacs/readline conventions bash users expect.</summary>
public sealed class KeyBindings
{
    private readonly Dictionary<(Key, string, KeyModifiers), Func<EditCommand>> _bindings = [];

    public static KeyBindings Default()
    {
        var b = new KeyBindings();
        b.Bind(KeyPress.Of(Key.Left), () => new MoveLeftCommand());
        b.Bind(KeyPress.Ctrl('b'), () => new MoveLeftCommand());
        b.Bind(KeyPress.Of(Key.Right), () => new MoveRightCommand());
        b.Bind(KeyPress.Ctrl('f'), () => new MoveRightCommand());
        b.Bind(KeyPress.Of(Key.Home), () => new MoveHomeCommand());
        b.Bind(KeyPress.Ctrl('a'), () => new MoveHomeCommand());
        b.Bind(KeyPress.Of(Key.End), () => new MoveEndCommand());
        b.Bind(KeyPress.Ctrl('e'), () => new MoveEndCommand());
        b.Bind(KeyPress.Of(Key.Home, KeyModifiers.Control), () => new MoveInputStartCommand());
        b.Bind(KeyPress.Of(Key.End, KeyModifiers.Control), () => new MoveInputEndCommand());
        b.Bind(KeyPress.Alt('b'), () => new WordLeftCommand());
        b.Bind(KeyPress.Of(Key.Left, KeyModifiers.Control), () => new WordLeftCommand());
        b.Bind(KeyPress.Of(Key.Left, KeyModifiers.Alt), () => new WordLeftCommand());
        b.Bind(KeyPress.Alt('f'), () => new WordRightCommand());
        b.Bind(KeyPress.Of(Key.Right, KeyModifiers.Control), () => new WordRightCommand());
        b.Bind(KeyPress.Of(Key.Right, KeyModifiers.Alt), () => new WordRightCommand());
        b.Bind(KeyPress.Of(Key.Backspace), () => new BackspaceCommand());
        b.Bind(KeyPress.Ctrl('h'), () => new BackspaceCommand());
        b.Bind(KeyPress.Of(Key.Delete), () => new DeleteCommand());
        b.Bind(KeyPress.Ctrl('d'), () => new DeleteOrEndOfInputCommand());
        b.Bind(KeyPress.Ctrl('k'), () => new KillToEndCommand());
        b.Bind(KeyPress.Ctrl('u'), () => new KillToStartCommand());
        b.Bind(KeyPress.Ctrl('w'), () => new KillWordBackCommand());
        b.Bind(KeyPress.Of(Key.Backspace, KeyModifiers.Alt), () => new KillWordBackCommand());
        b.Bind(KeyPress.Alt('d'), () => new KillWordForwardCommand());
        b.Bind(KeyPress.Ctrl('y'), () => new YankCommand());
        b.Bind(KeyPress.Ctrl('t'), () => new TransposeCommand());
        b.Bind(KeyPress.Ctrl('l'), () => new ClearScreenCommand());
        b.Bind(KeyPress.Ctrl('c'), () => new CancelLineCommand());
        b.Bind(KeyPress.Of(Key.Enter), () => new SubmitCommand());
        b.Bind(KeyPress.Ctrl('j'), () => new SubmitCommand());
        b.Bind(KeyPress.Ctrl('m'), () => new SubmitCommand());
        b.Bind(KeyPress.Of(Key.Up), () => new HistoryPreviousCommand());
        b.Bind(KeyPress.Ctrl('p'), () => new HistoryPreviousCommand());
        b.Bind(KeyPress.Of(Key.Down), () => new HistoryNextCommand());
        b.Bind(KeyPress.Ctrl('n'), () => new HistoryNextCommand());
        b.Bind(KeyPress.Ctrl('r'), () => new ReverseSearchCommand());
        b.Bind(KeyPress.Of(Key.Tab), () => new CompleteCommand());
        return b;
    }

    public void Bind(KeyPress key, Func<EditCommand> command) => _bindings[Normalize(key)] = command;

    /// <summary>The bound command; unbound printable text inserts itself; anything else is ignored (null).</summary>
    public EditCommand? Resolve(KeyPress key)
    {
        if (_bindings.TryGetValue(Normalize(key), out var factory))
        {
            return factory();
        }
        return key.IsPrintable && key.Text.Length > 0 ? new InsertTextCommand(key.Text) : null;
    }

    // Letters with Ctrl or Alt are bound by their lower-case form.
    private static (Key, string, KeyModifiers) Normalize(KeyPress key) =>
        (key.Key, key.Modifiers == KeyModifiers.None ? key.Text : key.Text.ToLowerInvariant(), key.Modifiers);
}
