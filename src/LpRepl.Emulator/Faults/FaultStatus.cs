namespace LpRepl.Emulator.Faults;

/// <summary>The faults in force now.</summary>
/// <param name="OpenSockets">Open consumer sockets.</param>
/// <param name="FrozenSockets">Those of them frozen.</param>
/// <param name="Delay">How long every outbound frame is held (zero: not delayed).</param>
/// <param name="Reorder">Whether consecutive outbound frames are swapped in pairs.</param>
public sealed record FaultStatus(int OpenSockets, int FrozenSockets, TimeSpan Delay, bool Reorder)
{
    public string Message => $"{FaultInjector.Sockets(OpenSockets)} open, {FrozenSockets} frozen; delay {(long)Delay.TotalMilliseconds} ms; reorder {(Reorder ? "on" : "off")}";
}
