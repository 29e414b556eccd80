namespace LpRepl.Faults;

/// <summary>
/// Fault injection on the embedded emulator's consumer sockets, for the <c>fault</c> command: try a
/// script against drops, frozen links, late or reordered frames and server closes. Null when the
/// session points at real LivePerson services.
/// </summary>
public interface IFaultSeat
{
    /// <summary>Where a standalone emulator takes the same faults (<c>https://host:port/emulator/faults</c>).</summary>
    string ControlEndpoint { get; }

    FaultOutcome Status();

    FaultOutcome Drop();

    FaultOutcome Freeze();

    FaultOutcome Thaw();

    FaultOutcome Close(int code, string reason);

    FaultOutcome Delay(TimeSpan delay);

    FaultOutcome Reorder(bool on);

    FaultOutcome Reset();
}
