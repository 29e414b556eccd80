using System.Text.RegularExpressions;

namespace LpRepl.Tests.Architecture;

/// <summary>Every frame leaves through the one strict JSON check: no code but the session's send path writes to the socket.</summary>
public partial class SendChokePointTests
{
    [GeneratedRegex(@"Transport\s*\.\s*SendAsync\s*\(|IFrameTransport\b[^;]*\.SendAsync\s*\(")]
    private static partial Regex TransportSend();

    [Fact]
    public void Should_send_frames_to_the_transport_only_from_the_checked_send_path()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "LpRepl.sln")))
        {
            root = root.Parent;
        }
        var sources = new[] { "LpRepl.Core", "LpRepl.Terminal", "LpRepl" }
            .SelectMany(p => Directory.EnumerateFiles(Path.Combine(root!.FullName, "src", p), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        var senders = sources.Where(f => TransportSend().IsMatch(File.ReadAllText(f))).Select(Path.GetFileName);

        senders.Should().Equal("ReplSession.Frames.cs");
    }
}
