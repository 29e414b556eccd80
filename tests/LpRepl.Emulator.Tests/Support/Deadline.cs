namespace LpRepl.Emulator.Tests.Support;

/// <summary>
/// A token that cancels after a bound: every socket call a test awaits ends by itself, so no test
/// relies on xUnit's <c>Timeout</c> (unreliable when tests run in parallel).
/// </summary>
public static class Deadline
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(20);

    // The source is left to its timer: once it fires nothing holds it.
    public static CancellationToken After(TimeSpan? bound = null) => new CancellationTokenSource(bound ?? Default).Token;
}
