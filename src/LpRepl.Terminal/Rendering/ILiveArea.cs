namespace LpRepl.Terminal.Rendering;

/// <summary>
/// Something drawn at the bottom of the screen that other output must go around: the prompt
/// and the line being edited. Both methods return escape text; the write gate writes it.
/// </summary>
public interface ILiveArea
{
    /// <summary>Escape text that clears the rows the area takes and leaves the cursor at the start of its first row.</summary>
    string Erase();

    /// <summary>Escape text that draws the area from the current (cleared) position and leaves the cursor where the user expects it.</summary>
    string Draw();
}
