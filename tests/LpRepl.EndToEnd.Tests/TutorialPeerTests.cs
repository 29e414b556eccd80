using LpRepl.EndToEnd.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.EndToEnd.Tests;

/// <summary>The emulator driven by the tutorial's own clients — curl, jq and wscat — as independent peers.</summary>
public class TutorialPeerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private static async Task<string> SignupWithCurlAndJq(StandaloneEmulator emulator, TempDir home)
    {
        // Step 2 of the tutorial, verbatim but for the certificate trust that CURL_CA_BUNDLE gives.
        await using var shell = ProcessDriver.Start(
            Repo.Tool("bash"),
            ["-c", "curl -sS -X POST https://$LP_IDP/api/account/$LP_ACCOUNT/signup | jq -r .jwt"],
            emulator.Environment(home));
        shell.CloseInput();
        var code = await shell.WaitForExitAsync(Timeout);
        code.Should().Be(0, shell.Transcript());
        return shell.Stdout.Lines.Should().ContainSingle().Which;
    }

    private static ProcessDriver Wscat(StandaloneEmulator emulator, TempDir home, params string[] args) =>
        ProcessDriver.Start(Repo.Tool("wscat"), args, emulator.Environment(home));

    [Fact]
    public async Task Should_serve_the_tutorial_to_curl_jq_and_wscat()
    {
        using var home = new TempDir();
        await using var emulator = await StandaloneEmulator.StartAsync(home, "--agent-delay", "100");
        var jwt = await SignupWithCurlAndJq(emulator, home);
        jwt.Split('.').Should().HaveCount(3);
        string conversationId;

        var url = $"wss://{emulator.Exports["LP_ASYNCMESSAGINGENT"]}/ws_api/account/{emulator.Exports["LP_ACCOUNT"]}/messaging/consumer?v=3";
        var auth = $"Authorization:jwt {jwt}";

        // wscat's one-shot mode (-x FRAME -w SECONDS), as its stdin stays open; each step is a
        // new connection with the same token, so the emulator must keep the consumer's state.
        await using (var wscat = Wscat(emulator, home, "-H", auth, "-c", url, "-x", Frames.RequestConversation, "-w", "2"))
        {
            var response = JObject.Parse(await wscat.Stdout.WaitForAsync("cm.RequestConversationResponse", Timeout));
            response["code"]!.Value<int>().Should().Be(200);
            response["reqId"]!.ToString().Should().Be("1");
            conversationId = response["body"]!["conversationId"]!.ToString();
            Guid.TryParse(conversationId, out _).Should().BeTrue();
        }

        await using (var wscat = Wscat(emulator, home, "-H", auth, "-c", url,
            "-x", Frames.With(Frames.Subscribe, conversationId), "-x", Frames.With(Frames.PublishHiThere, conversationId), "-w", "4"))
        {
            await wscat.Stdout.WaitForAsync("GenericSubscribeResponse", Timeout);
            var published = JObject.Parse(await wscat.Stdout.WaitForAsync("ms.PublishEventResponse", Timeout));
            published["body"]!["sequence"]!.Value<int>().Should().Be(0);
            var answer = await wscat.Stdout.WaitForAsync(l => l.Contains("ASSIGNED_AGENT") && l.Contains("hi there"), Timeout, "the agent's answer");
            JObject.Parse(answer)["type"]!.ToString().Should().Be("ms.MessagingEventNotification");
        }

        await using (var wscat = Wscat(emulator, home, "-H", auth, "-c", url, "-x", Frames.With(Frames.Close, conversationId), "-w", "2"))
        {
            var closed = await wscat.Stdout.WaitForAsync("\"reqId\":\"4\"", Timeout);
            closed.Should().Be("{\"kind\":\"resp\",\"reqId\":\"4\",\"code\":200,\"body\":\"OK Conversation resolved successfully\",\"type\":\"StringResponse\"}");
        }
    }

    [Fact]
    public async Task Should_let_wscat_without_headers_in_only_after_init_connection()
    {
        // The tutorial for clients that cannot set headers: connect bare, then InitConnection with the token.
        using var home = new TempDir();
        await using var emulator = await StandaloneEmulator.StartAsync(home);
        var jwt = await SignupWithCurlAndJq(emulator, home);
        var url = $"wss://{emulator.Exports["LP_ASYNCMESSAGINGENT"]}/ws_api/account/{emulator.Exports["LP_ACCOUNT"]}/messaging/consumer?v=3";
        var init = "{\"kind\":\"req\",\"id\":\"0\",\"type\":\"InitConnection\",\"headers\":[{\"type\":\".ams.headers.ClientProperties\",\"deviceFamily\":\"DESKTOP\",\"os\":\"LINUX\"},{\"type\":\".ams.headers.ConsumerAuthentication\",\"jwt\":\"" + jwt + "\"}]}";

        await using (var refused = Wscat(emulator, home, "-c", url, "-x", Frames.RequestConversation, "-w", "2"))
        {
            var response = JObject.Parse(await refused.Stdout.WaitForAsync("\"reqId\":\"1\"", Timeout));
            response["code"]!.Value<int>().Should().Be(401);
        }

        await using var accepted = Wscat(emulator, home, "-c", url, "-x", init, "-x", Frames.RequestConversation, "-w", "2");
        JObject.Parse(await accepted.Stdout.WaitForAsync("\"reqId\":\"0\"", Timeout))["body"]!.ToString().Should().Be("Connection initialized successfully");
        JObject.Parse(await accepted.Stdout.WaitForAsync("cm.RequestConversationResponse", Timeout))["code"]!.Value<int>().Should().Be(200);
    }

    [Fact]
    public async Task Should_close_the_socket_of_a_token_signed_up_for_another_account()
    {
        using var home = new TempDir();
        await using var emulator = await StandaloneEmulator.StartAsync(home);
        var env = emulator.Environment(home);
        env["LP_ACCOUNT"] = "other-account";
        await using var shell = ProcessDriver.Start(Repo.Tool("bash"), ["-c", "curl -sS -X POST https://$LP_IDP/api/account/$LP_ACCOUNT/signup | jq -r .jwt"], env);
        shell.CloseInput();
        await shell.WaitForExitAsync(Timeout);
        var otherJwt = shell.Stdout.Lines.Single();

        var url = $"wss://{emulator.Exports["LP_ASYNCMESSAGINGENT"]}/ws_api/account/{emulator.Exports["LP_ACCOUNT"]}/messaging/consumer?v=3";
        await using var wscat = Wscat(emulator, home, "-H", $"Authorization:jwt {otherJwt}", "-c", url);

        // The upgrade succeeds and the server closes with 4401 (the protocol overview's code for a
        // missing or bad token). wscat off a terminal drops its "Disconnected" line, so all it shows is
        // nothing at all and exit 0: it cannot tell a refusal there (the terminal test below shows the code).
        (await wscat.WaitForExitAsync(Timeout)).Should().Be(0, wscat.Transcript());
        wscat.Stdout.ToString().Should().BeEmpty(wscat.Transcript());
        wscat.Stderr.ToString().Should().NotContain("Unexpected server response", "there is no HTTP refusal any more");
    }

    [Fact]
    public async Task Should_show_the_tutorials_wscat_line_at_a_terminal_the_4401_close_and_its_reason()
    {
        // Given the tutorial's wscat line, at a terminal, with a token of another account
        using var home = new TempDir();
        await using var emulator = await StandaloneEmulator.StartAsync(home);
        var env = emulator.Environment(home);
        env["LP_ACCOUNT"] = "other-account";
        await using var shell = ProcessDriver.Start(Repo.Tool("bash"), ["-c", "curl -sS -X POST https://$LP_IDP/api/account/$LP_ACCOUNT/signup | jq -r .jwt"], env);
        shell.CloseInput();
        await shell.WaitForExitAsync(Timeout);
        var otherJwt = shell.Stdout.Lines.Single();
        var url = $"wss://{emulator.Exports["LP_ASYNCMESSAGINGENT"]}/ws_api/account/{emulator.Exports["LP_ACCOUNT"]}/messaging/consumer?v=3";

        // (Without the tutorial's -k 60: the wscat the tests install has no such option.)
        using var tmux = Tmux.Start(home, emulator.Environment(home), Repo.Tool("wscat"), "-H", $"Authorization:jwt {otherJwt}", "-c", url);

        // Then it connects, and is told at once why it is closed
        var screen = await tmux.WaitForTextAsync("Disconnected (code: 4401", Timeout);
        screen.Should().Contain("Connected (press CTRL+C to quit)")
            .And.Contain("Disconnected (code: 4401, reason: \"Unauthorized: token was issued for another account\")");
    }
}
