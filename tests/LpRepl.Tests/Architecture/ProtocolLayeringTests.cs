using LpRepl.Protocol;

namespace LpRepl.Tests.Architecture;

/// <summary>The protocol model stands alone, so the emulator can use it without the REPL.</summary>
public class ProtocolLayeringTests
{
    [Fact]
    public void Should_keep_the_protocol_model_free_of_the_rest_of_lprepl()
    {
        var references = typeof(ProtocolModel).Assembly.GetReferencedAssemblies().Select(a => a.Name!);

        references.Where(name => name.StartsWith("LpRepl", StringComparison.OrdinalIgnoreCase) || name == "lprepl").Should().BeEmpty();
        references.Should().Contain("Newtonsoft.Json");
    }
}
