using LpRepl.Emulator;

namespace LpRepl.Tests.Support;

/// <summary>An emulator whose agent does nothing by itself: the test plays it with the <c>agent</c> command.</summary>
public sealed class ManualAgentEmulatorFixture : EmulatorFixture
{
    protected override AgentMode AgentMode => AgentMode.Manual;
}
