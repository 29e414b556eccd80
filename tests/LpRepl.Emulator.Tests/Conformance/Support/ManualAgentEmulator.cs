using LpRepl.Emulator.Tests.Support;

namespace LpRepl.Emulator.Tests.Conformance.Support;

/// <summary>An emulator whose agent acts only when told, as the tutorials' person in the Agent Workspace.</summary>
public sealed class ManualAgentEmulator : EmulatorFixture
{
    protected override EmulatorOptions CreateOptions() => new() { Agent = AgentMode.Manual };
}
