using LpRepl.Repl;
using LpRepl.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.Tests.Scripting;

/// <summary>A wait whose window fell out of the bounded inbound log says so when it fails, instead of missing quietly.</summary>
public class WaitOverflowTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Should_say_how_many_frames_of_its_window_were_dropped_when_a_wait_times_out()
    {
        var output = new CollectingOutput();
        await using var session = emulator.NewSession(output);
        var pad = new string('x', 1024 * 1024);
        for (var i = 0; i < 40; i++)
        {
            // As the socket would deliver them: 40 MiB of frames, more than the log keeps.
            session.Inbound.Add(new JObject { ["type"] = "big", ["n"] = i, ["pad"] = pad }, pad.Length + 30, session.Connection);
        }

        var result = await session.ExecuteAsync("wait other timeout=0.1", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        result.Outcome.Should().Be(LineOutcome.Failed);
        result.Error.Should().MatchRegex(@"\n[0-9]+ frame\(s\) of this wait's window were dropped from the inbound log before it could look at them \(it keeps the newest 10,000 frames, 32 MiB\): one may have matched");
    }
}
