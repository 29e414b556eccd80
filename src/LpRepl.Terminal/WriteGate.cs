using LpRepl.Terminal.Rendering;

namespace LpRepl.Terminal;

/// <summary>
/// The one lock every write goes through. While a live area (the prompt and the line being
/// edited) is on screen, a write from elsewhere erases it, prints, and draws it again intact.
/// </summary>
public sealed class WriteGate(ITerminal terminal)
{
    private readonly Lock _gate = new();
    private ILiveArea? _live;

    public ITerminal Terminal => terminal;

    /// <summary>Shows <paramref name="area"/> (drawing it now), or with null stops tracking the current one.</summary>
    public void SetLive(ILiveArea? area)
    {
        lock (_gate)
        {
            _live = area;
            if (area is not null)
            {
                terminal.Write(area.Draw());
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
                terminal.Write(_live.Erase() + _live.Draw());
            }
        }
    }

    /// <summary>Ends the live area: <paramref name="finish"/> moves below it, and later writes go under it.</summary>
    public void Release(string finish)
    {
        lock (_gate)
        {
            _live = null;
            terminal.Write(finish);
        }
    }

    /// <summary>Prints whole lines above the live area (or plainly, when there is none).</summary>
    public void WriteAbove(string text, bool toError)
    {
        lock (_gate)
        {
            if (_live is null)
            {
                Write(text, toError);
                return;
            }
            terminal.Write(_live.Erase());
            Write(text, toError);
            terminal.Write(_live.Draw());
        }
    }

    /// <summary>Clears the screen (Ctrl-L) and draws the live area at the top.</summary>
    public void ClearScreen()
    {
        lock (_gate)
        {
            terminal.Write("\u001b[H\u001b[2J" + (_live?.Draw() ?? ""));
        }
    }

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
