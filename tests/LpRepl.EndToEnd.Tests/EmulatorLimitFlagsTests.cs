using LpRepl.EndToEnd.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.EndToEnd.Tests;

/// <summary><c>lprepl emulator</c>'s limits are settable from its command line, and the flags take effect.</summary>
public sealed class EmulatorLimitFlagsTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Should_answer_the_third_request_429_with_a_burst_of_2()
    {
        // Given an emulator with a burst of two requests and a rate too slow to refill one meanwhile
        using var home = new TempDir();
        await using var emulator = await StandaloneEmulator.StartAsync(home, "--request-burst", "2", "--requests-per-second", "0.001");
        await using var shell = ProcessDriver.Start(Repo.Tool("bash"), ["-c", "curl -sS -X POST https://$LP_IDP/api/account/$LP_ACCOUNT/signup | jq -r .jwt"], emulator.Environment(home));
        shell.CloseInput();
        await shell.WaitForExitAsync(Timeout);
        var url = $"wss://{emulator.Exports["LP_ASYNCMESSAGINGENT"]}/ws_api/account/{emulator.Exports["LP_ACCOUNT"]}/messaging/consumer?v=3";

        // When a client sends three requests at once
        await using var wscat = ProcessDriver.Start(Repo.Tool("wscat"),
            ["-H", $"Authorization:jwt {shell.Stdout.Lines.Single()}", "-c", url,
             "-x", """{"kind":"req","id":"1","type":"GetClock"}""", "-x", """{"kind":"req","id":"2","type":"GetClock"}""", "-x", """{"kind":"req","id":"3","type":"GetClock"}""", "-w", "2"],
            emulator.Environment(home));

        // Then the first two are answered and the third is refused with 429
        var third = JObject.Parse(await wscat.Stdout.WaitForAsync("\"reqId\":\"3\"", Timeout));
        third["code"]!.Value<int>().Should().Be(429, wscat.Transcript());
        wscat.Stdout.Lines.Where(l => l.Contains("\"code\":200", StringComparison.Ordinal)).Should().HaveCount(2, wscat.Transcript());
    }

    [Fact]
    public async Task Should_refuse_a_limit_the_emulator_cannot_take_and_list_the_flags_in_its_help()
    {
        using var home = new TempDir();
        await using var refused = ProcessDriver.StartLpRepl(home, "emulator", "--request-burst", "0");
        refused.CloseInput();
        (await refused.WaitForExitAsync(Timeout)).Should().Be(2, refused.Transcript());
        refused.Stderr.ToString().Should().Contain("--request-burst must be 1 or more (not '0')");

        await using var help = ProcessDriver.StartLpRepl(home, "emulator", "--help");
        help.CloseInput();
        await help.WaitForExitAsync(Timeout);
        help.Stdout.ToString().Should().Contain("--requests-per-second").And.Contain("--request-burst")
            .And.Contain("--max-queued-frames").And.Contain("--max-queued-characters");
    }
}
