using LpRepl.Terminal.Rendering;

namespace LpRepl.Terminal;

/// <summary>
/// The one lock every write goes through. While a live area (the prompt and the line being
/// edited) is on screen, a write from elsewhere erases it, prints, and draws it again intact.
/// The live area is drawn on stdout, or on stderr when stdout is a file and stderr the terminal.
/// </summary>
public sealed class WriteGate(ITerminal terminal)
{
    private readonly Lock _gate = new();
    private ILiveArea? _live;

    public ITerminal Terminal => terminal;

    /// <summary>True when the screen the live area is drawn on is stderr's (stdout goes to a file).</summary>
    public bool ScreenIsError => !terminal.OutputIsTerminal && terminal.ErrorIsTerminal;

    /// <summary>Shows <paramref name="area"/> (drawing it now), or with null stops tracking the current one.</summary>
    public void SetLive(ILiveArea? area)
    {
        lock (_gate)
        {
            _live = area;
            if (area is not null)
            {
                Screen(area.Draw());
            }
        }
    }

    /// <summary>Redraws the live area after it changed, in one write.</summary>
    public void Redraw()
    {
        lock (_gate)
        {
            if (_live is not null)
            {
                Screen(_live.Erase() + _live.Draw());
            }
        }
    }

    /// <summary>Ends the live area: <paramref name="finish"/> moves below it, and later writes go under it.</summary>
    public void Release(string finish)
    {
        lock (_gate)
        {
            _live = null;
            Screen(finish);
        }
    }

    /// <summary>Prints whole lines above the live area (or plainly, when there is none or the stream is not on screen).</summary>
    public void WriteAbove(string text, bool toError)
    {
        lock (_gate)
        {
            // Text bound for a file (stdout redirected) passes the screen by.
            var onScreen = toError ? terminal.ErrorIsTerminal : terminal.OutputIsTerminal;
            if (_live is null || !onScreen)
            {
                Write(text, toError);
                return;
            }
            Screen(_live.Erase());
            Write(text, toError);
            Screen(_live.Draw());
        }
    }

    /// <summary>Writes <paramref name="text"/> (a bell) to the screen the live area is on.</summary>
    public void WriteToScreen(string text)
    {
        lock (_gate)
        {
            Screen(text);
        }
    }

    /// <summary>Clears the screen (Ctrl-L) and draws the live area at the top.</summary>
    public void ClearScreen()
    {
        lock (_gate)
        {
            Screen("\u001b[H\u001b[2J" + (_live?.Draw() ?? ""));
        }
    }

    private void Screen(string text) => Write(text, ScreenIsError);

    private void Write(string text, bool toError)
    {
        if (toError)
        {
            terminal.WriteError(text);
        }
        else
        {
            terminal.Write(text);
        }
    }
}
