using LpRepl.Emulator.Faults;
using LpRepl.Faults;

namespace LpRepl.App.Startup;

/// <summary>The <c>fault</c> command's seam, backed by the embedded emulator's fault injector.</summary>
public sealed class EmulatorFaultSeat(FaultInjector faults, Uri baseUri) : IFaultSeat
{
    public string ControlEndpoint => new Uri(baseUri, "emulator/faults").ToString();

    public FaultOutcome Status() => new(true, faults.Status.Message);

    public FaultOutcome Drop() => From(faults.Drop());

    public FaultOutcome Freeze() => From(faults.Freeze());

    public FaultOutcome Thaw() => From(faults.Thaw());

    public FaultOutcome Close(int code, string reason) =>
        FaultInjector.CloseProblem(code, reason) is { } problem ? new(false, problem) : From(faults.Close(code, reason));

    public FaultOutcome Delay(TimeSpan delay) =>
        delay < TimeSpan.Zero || delay > FaultInjector.MaxDelay
            ? new(false, $"delay must be 0 to {(long)FaultInjector.MaxDelay.TotalMilliseconds} ms")
            : From(faults.Delay(delay));

    public FaultOutcome Reorder(bool on) => From(faults.Reorder(on));

    public FaultOutcome Reset() => From(faults.Reset());

    private static FaultOutcome From(FaultResult result) => new(true, result.Message);
}
