namespace LpRepl.IO;

/// <summary>An input went past one of the <see cref="InputLimits"/>; the message names the input, the line and the cap.</summary>
public sealed class InputTooLargeException(string message) : IOException(message);
