using System.Text;
using LpRepl.EndToEnd.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.EndToEnd.Tests;

/// <summary>
/// The getting-started tutorial's Step 6 into the next tutorial, offline as online: the lp.env saved
/// on the embedded emulator brings the next run back to it, with the same consumer's token still good
/// (the emulator keeps its keys in the state folder), and no conversation carried over; a real
/// account's lp.env still goes to its domain API.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class OfflineNextTutorialTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(40);

    private static string Script(string name) => Path.Combine(Repo.Root, "scripts", name);

    // get-messages.lprepl without its signup: the next tutorial uses Step 6's token.
    private static IEnumerable<string> GetMessagesWithSavedToken() =>
        File.ReadAllLines(Script("get-messages.lprepl")).Where(l => l.Trim() != "signup");

    private static string Sub(string jwt) =>
        (string)JObject.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(Pad(jwt.Split('.')[1]))))["sub"]!;

    private static string Pad(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return s + new string('=', (4 - (s.Length % 4)) % 4);
    }

    private static Dictionary<string, string> SavedFile(TempDir home) =>
        File.ReadAllLines(Path.Combine(home.Path, "lp.env")).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

    private static async Task<ProcessDriver> RunLinesAsync(TempDir home, IEnumerable<string> lines, IDictionary<string, string>? env, params string[] args)
    {
        var environment = home.Environment();
        foreach (var (name, value) in env ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }
        var process = ProcessDriver.Start("dotnet", new[] { Repo.LpReplDll, "run", "-" }.Concat(args), environment, home.Path);
        foreach (var line in lines)
        {
            await process.TypeAsync(line);
        }
        process.CloseInput();
        return process;
    }

    [Fact]
    public async Task Should_run_get_messages_with_the_token_getting_started_saved_offline()
    {
        using var home = new TempDir();
        await using (var first = ProcessDriver.StartLpRepl(home, "run", Script("getting-started-verbatim.lprepl"), "--agent-delay", "100"))
        {
            (await first.WaitForExitAsync(Timeout)).Should().Be(0, first.Transcript());
        }
        var saved = SavedFile(home);
        saved.Should().ContainKey("LP_JWT").And.Contain("LP_EMULATOR", "embedded").And.NotContainKey("conversationId", "a conversation lasts one session");
        File.GetUnixFileMode(Path.Combine(home.StateDir, "lprepl", "emulator.json")).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);

        // The next tutorial: lp.env alone, no --emulator, no signup.
        await using var next = await RunLinesAsync(home, ["echo $LP_JWT", .. GetMessagesWithSavedToken()], null, "--env-file", "lp.env", "--agent-delay", "100");

        (await next.WaitForExitAsync(Timeout)).Should().Be(0, next.Transcript());
        next.Stderr.Lines.Should().Contain(l => l.Contains("LP_EMULATOR=embedded: using the embedded LivePerson emulator"));
        next.Stderr.Lines.Should().Contain(l => l.Contains("keys and 1 consumer kept in"));
        next.Stdout.Lines.Should().Contain(saved["LP_JWT"], "the token used is the one saved");
        // The consumer's own message comes back with the saved token's consumer as its originator.
        next.Stdout.Lines.Should().Contain(l => l.Contains("\"role\":\"CONSUMER\"") && l.Contains($"\"originatorId\":\"{Sub(saved["LP_JWT"])}\""));
        next.Stderr.Lines.Should().Contain(l => l.StartsWith("conversationId=", StringComparison.Ordinal), "request-conversation started a new one");
    }

    [Fact]
    public async Task Should_refuse_the_saved_token_after_a_fresh_emulator()
    {
        using var home = new TempDir();
        await using (var first = await RunLinesAsync(home, ["signup", "save lp.env"], null))
        {
            (await first.WaitForExitAsync(Timeout)).Should().Be(0, first.Transcript());
        }

        await using var next = await RunLinesAsync(home, ["connect"], null, "--env-file", "lp.env", "--fresh-emulator");

        (await next.WaitForExitAsync(Timeout)).Should().Be(3, next.Transcript());
        next.Stderr.Lines.Should().Contain(l => l.Contains("fresh: new keys"));
        next.Stderr.Lines.Should().Contain(l => l.Contains("bad token signature"), next.Transcript());
    }

    [Fact]
    public async Task Should_send_a_real_accounts_saved_lp_env_to_its_domain_api()
    {
        using var home = new TempDir();
        await using var emulator = await StandaloneEmulator.StartAsync(home, "--agent-delay", "100");
        // What a real user has: the domain API host and the CA to trust, from the environment.
        var real = new Dictionary<string, string> { ["LP_CSDS"] = emulator.Exports["LP_CSDS"], ["LP_CACERT"] = emulator.Exports["LP_CACERT"] };
        await using (var first = await RunLinesAsync(home, ["signup", "save lp.env"], real, "--account", emulator.Exports["LP_ACCOUNT"]))
        {
            (await first.WaitForExitAsync(Timeout)).Should().Be(0, first.Transcript());
        }
        SavedFile(home).Should().ContainKey("LP_JWT").And.NotContainKey("LP_EMULATOR", "only the embedded emulator marks an lp.env");

        await using var next = await RunLinesAsync(home, ["connect", "request-conversation", "wait cm.RequestConversationResponse .code=200"], real, "--env-file", "lp.env");

        (await next.WaitForExitAsync(Timeout)).Should().Be(0, next.Transcript());
        next.Stderr.Lines.Should().Contain(l => l.Contains($"service domains from {emulator.Exports["LP_CSDS"]}"));
        next.Stderr.Lines.Should().NotContain(l => l.Contains("embedded"), "a real account's lp.env goes to its domain API");
    }
}
