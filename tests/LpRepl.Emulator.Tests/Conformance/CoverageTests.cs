using System.Reflection;
using LpRepl.Emulator.Tests.Conformance.Support;
using LpRepl.Protocol;

namespace LpRepl.Emulator.Tests.Conformance;

/// <summary>The conformance suite covers every consumer request type the protocol model knows, and every notification.</summary>
public sealed class CoverageTests
{
    private static readonly string[] Notifications = ["ms.MessagingEventNotification", "cqm.ExConversationChangeNotification"];

    [Fact]
    public void Should_have_a_documented_test_for_every_request_type_and_notification()
    {
        var covered = typeof(CoverageTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetCustomAttributes<DocumentedAttribute>())
            .Select(a => a.Item.Split('/')[0])
            .ToHashSet(StringComparer.Ordinal);

        ProtocolModel.Default.RequestTypes.Concat(Notifications).Where(type => !covered.Contains(type))
            .Should().BeEmpty("each needs a test that sends the documentation's frame and names its source");
    }

    [Fact]
    public void Should_name_a_developer_center_source_on_every_documented_test()
    {
        var sources = typeof(CoverageTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods().SelectMany(m => m.GetCustomAttributes<DocumentedAttribute>().Select(a => (Method: $"{t.Name}.{m.Name}", a.Source))));

        sources.Where(s => !(s.Source.StartsWith("pages/", StringComparison.Ordinal) || s.Source.StartsWith("assets/schema/", StringComparison.Ordinal)))
            .Should().BeEmpty("a source is a developer-center path");
    }
}
