namespace LpRepl.Tests.Support;

/// <summary>An emulator whose agent takes half a second, so frames reliably arrive while a script waits.</summary>
public sealed class SlowAgentEmulatorFixture : EmulatorFixture
{
    protected override TimeSpan AgentDelay => TimeSpan.FromMilliseconds(500);
}
