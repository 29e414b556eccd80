using LpRepl.Frames;

namespace LpRepl.Repl;

/// <summary>One frame of <see cref="RecentFrames"/>: its number, which way it went, and its text as shown.</summary>
public sealed record RecentFrame(long Number, FrameDirection Direction, string Text);
