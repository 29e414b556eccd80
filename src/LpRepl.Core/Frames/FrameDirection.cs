namespace LpRepl.Frames;

/// <summary>Which way a frame travelled: printed as <c>&gt;</c> (sent) or <c>&lt;</c> (received).</summary>
public enum FrameDirection
{
    Outbound,
    Inbound,
}
