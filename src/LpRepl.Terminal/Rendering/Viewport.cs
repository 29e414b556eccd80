namespace LpRepl.Terminal.Rendering;

/// <summary>
/// Which rows of an input taller than the window are shown: <see cref="Rows"/> rows from <see cref="Top"/>,
/// with a marker row above (<see cref="Above"/>) or below (<see cref="Below"/>) when rows are hidden there.
/// The markers and the rows together never take more than the window's height.
/// </summary>
public readonly record struct Viewport(int Top, int Rows, bool Above, bool Below)
{
    /// <summary>Rows on screen, markers included.</summary>
    public int ScreenRows => Rows + (Above ? 1 : 0) + (Below ? 1 : 0);

    /// <summary>
    /// The window over <paramref name="total"/> rows that shows <paramref name="cursorRow"/>, moved as little as
    /// possible from the one that started at <paramref name="previousTop"/> (as an editor scrolls), and never
    /// leaving blank rows at its end while rows above are hidden.
    /// </summary>
    public static Viewport Follow(int total, int cursorRow, int height, int previousTop)
    {
        height = Math.Max(1, height);
        total = Math.Max(1, total);
        cursorRow = Math.Clamp(cursorRow, 0, total - 1);
        // Below three rows a marker would leave no room for the text.
        var markers = height >= 3;
        int Space(int top) => height - (markers && top > 0 ? 1 : 0);
        bool HiddenBelow(int top) => markers && top + Space(top) < total;
        int Shown(int top) => Math.Min(Space(top) - (HiddenBelow(top) ? 1 : 0), total - top);

        var top = Math.Clamp(previousTop, 0, total - 1);
        if (cursorRow < top)
        {
            top = cursorRow;
        }
        while (cursorRow >= top + Shown(top))
        {
            top++;
        }
        while (top > 0 && total - (top - 1) <= Space(top - 1))
        {
            top--;
        }
        return new Viewport(top, Shown(top), markers && top > 0, HiddenBelow(top));
    }
}
