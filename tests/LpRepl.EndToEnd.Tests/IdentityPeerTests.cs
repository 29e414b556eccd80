using System.Text;
using LpRepl.EndToEnd.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.EndToEnd.Tests;

/// <summary>
/// The domain API and the identity flows of the tutorial series driven by curl and jq, and the
/// resulting tokens used by wscat, all against a standalone <c>lprepl emulator</c>.
/// </summary>
public sealed class IdentityPeerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private static async Task<IReadOnlyList<string>> Bash(StandaloneEmulator emulator, TempDir home, string script)
    {
        await using var shell = ProcessDriver.Start(Repo.Tool("bash"), ["-c", "set -o pipefail; " + script], emulator.Environment(home));
        shell.CloseInput();
        (await shell.WaitForExitAsync(Timeout)).Should().Be(0, shell.Transcript());
        return shell.Stdout.Lines;
    }

    private static JObject Claims(string jwt) =>
        JObject.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(Pad(jwt.Split('.')[1].Replace('-', '+').Replace('_', '/')))));

    private static string Pad(string s) => s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');

    private static async Task ShouldOpenAConversation(StandaloneEmulator emulator, TempDir home, string jwt)
    {
        var url = $"wss://{emulator.Exports["LP_ASYNCMESSAGINGENT"]}/ws_api/account/{emulator.Exports["LP_ACCOUNT"]}/messaging/consumer?v=3";
        await using var wscat = ProcessDriver.Start(Repo.Tool("wscat"), ["-H", $"Authorization:jwt {jwt}", "-c", url, "-x", Frames.RequestConversation, "-w", "2"], emulator.Environment(home));
        JObject.Parse(await wscat.Stdout.WaitForAsync("cm.RequestConversationResponse", Timeout))["code"]!.Value<int>().Should().Be(200);
    }

    [Fact]
    public async Task Should_give_curl_and_jq_every_service_as_lp_shell_exported_them()
    {
        using var home = new TempDir();
        await using var emulator = await StandaloneEmulator.StartAsync(home);

        // lp-shell's start-up, as it presumably ran: every service of the all-services form, upper-cased.
        var all = await Bash(emulator, home,
            "curl -sf \"https://$LP_CSDS/api/account/$LP_ACCOUNT/service/baseURI.json?version=1.0\" | jq -r '.baseURIs[] | \"LP_\" + (.service | ascii_upcase) + \"=\" + .baseURI'");
        var one = await Bash(emulator, home,
            "curl -sf \"https://$LP_CSDS/api/account/$LP_ACCOUNT/service/acCdnDomain/baseURI.json?version=1.0\" | jq -r .baseURI");

        var host = emulator.Exports["LP_CSDS"];
        all.Should().Contain([$"LP_IDP={host}", $"LP_ASYNCMESSAGINGENT={host}", $"LP_ACCDNDOMAIN={host}", $"LP_AGENTVEP={host}", $"LP_SWIFT={host}", $"LP_ACCOUNTCONFIGREADWRITE={host}"]);
        // The exports of `lprepl emulator` are exactly what the domain API says.
        all.Should().OnlyContain(line => emulator.Exports[line.Split('=')[0]] == line.Split('=')[1]);
        one.Should().Equal(host);
    }

    [Fact]
    public async Task Should_authenticate_the_sample_external_token_with_curl_into_a_working_consumer()
    {
        using var home = new TempDir();
        await using var emulator = await StandaloneEmulator.StartAsync(home);

        // The Authentication tutorial's line, verbatim.
        var twice = await Bash(emulator, home, string.Concat(Enumerable.Repeat(
            "curl -sf -X POST -H \"Content-Type: application/json\" -d '{\"authCode\":\"'$LP_EXT_JWT'\"}' https://$LP_IDP/api/account/$LP_ACCOUNT/authenticate | jq -r .jwt; ", 2)));

        twice.Should().HaveCount(2);
        var claims = Claims(twice[0]);
        ((string)claims["sub"]!).Should().MatchRegex("^[0-9a-f]{64}$");
        ((string)claims["lp.ext"]!["sub"]!).Should().Be((string)Claims(emulator.Exports["LP_EXT_JWT"])["sub"]!);
        Claims(twice[1])["sub"]!.ToString().Should().Be(claims["sub"]!.ToString(), "the same brand user is the same consumer");
        await ShouldOpenAConversation(emulator, home, twice[0]);
    }

    [Fact]
    public async Task Should_refuse_a_forged_external_token_at_authenticate()
    {
        using var home = new TempDir();
        await using var emulator = await StandaloneEmulator.StartAsync(home);

        // The sample token with its payload swapped for another user's: the signature no longer matches.
        var lines = await Bash(emulator, home,
            "h=${LP_EXT_JWT%%.*}; s=${LP_EXT_JWT##*.}; p=$(printf '{\"sub\":\"intruder\",\"exp\":4102444800}' | base64 -w0 | tr '+/' '-_' | tr -d '='); "
            + "curl -s -o /dev/null -w '%{http_code}\\n' -X POST -H 'Content-Type: application/json' -d '{\"authCode\":\"'$h.$p.$s'\"}' https://$LP_IDP/api/account/$LP_ACCOUNT/authenticate");

        lines.Should().Equal("401");
    }

    [Fact]
    public async Task Should_run_the_anonymous_connector_flow_with_curl_and_refresh_it()
    {
        using var home = new TempDir();
        await using var emulator = await StandaloneEmulator.StartAsync(home);

        var lines = await Bash(emulator, home,
            "ext=$(curl -sf -X POST -H 'Content-Type: application/json' https://$LP_IDP/api/account/$LP_ACCOUNT/anonymous/authorize | jq -r .token); echo $ext; "
            + "curl -sf -X POST -H 'Content-Type: application/json' -d '{\"id_token\":\"'$ext'\"}' \"https://$LP_IDP/api/account/$LP_ACCOUNT/app/$LP_CONN_ID/authenticate?v=3.0\" | jq -r .token; "
            + "curl -sf -X POST -H 'Content-Type: application/json' -d '{\"id_token\":\"'$ext'\"}' https://$LP_IDP/api/account/$LP_ACCOUNT/anonymous/authorize | jq -r .token");

        lines.Should().HaveCount(3);
        var (external, lpJwt, refreshed) = (lines[0], lines[1], lines[2]);
        Claims(lpJwt)["sub"]!.ToString().Should().Be(Claims(external)["sub"]!.ToString());
        Claims(refreshed)["sub"]!.ToString().Should().Be(Claims(external)["sub"]!.ToString(), "a refresh keeps the identity");
        await ShouldOpenAConversation(emulator, home, lpJwt);
    }

    [Fact]
    public async Task Should_check_external_tokens_against_the_brand_key_it_is_given()
    {
        using var home = new TempDir();
        using var brand = System.Security.Cryptography.RSA.Create(2048);
        var keyFile = Path.Combine(home.Path, "brand-public.pem");
        await File.WriteAllTextAsync(keyFile, brand.ExportSubjectPublicKeyInfoPem());
        await using var emulator = await StandaloneEmulator.StartAsync(home, "--brand-key", keyFile);

        // The brand signs its own token, as its login would.
        static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var input = B64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}"u8.ToArray()) + "." + B64(Encoding.UTF8.GetBytes("{\"sub\":\"brand-user-7\",\"iss\":\"https://brand.example\",\"exp\":4102444800}"));
        var signed = input + "." + B64(brand.SignData(Encoding.ASCII.GetBytes(input), System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1));
        var env = emulator.Environment(home);
        env["BRAND_JWT"] = signed;
        await using var shell = ProcessDriver.Start(Repo.Tool("bash"),
            ["-c", "curl -sf -X POST -H 'Content-Type: application/json' -d '{\"authCode\":\"'$BRAND_JWT'\"}' https://$LP_IDP/api/account/$LP_ACCOUNT/authenticate | jq -r '.jwt'"], env);
        shell.CloseInput();
        (await shell.WaitForExitAsync(Timeout)).Should().Be(0, shell.Transcript());

        ((string)Claims(shell.Stdout.Lines.Single())["lp.ext"]!["sub"]!).Should().Be("brand-user-7");
        emulator.Exports.Should().NotContainKey("LP_EXT_JWT", "only the brand holds the private key, so there is no sample token");
    }

    [Fact]
    public async Task Should_refuse_a_brand_key_file_that_is_not_a_public_key()
    {
        using var home = new TempDir();
        var keyFile = Path.Combine(home.Path, "not-a-key.pem");
        await File.WriteAllTextAsync(keyFile, "hello");
        await using var lprepl = ProcessDriver.StartLpRepl(home, "emulator", "--brand-key", keyFile);
        lprepl.CloseInput();

        (await lprepl.WaitForExitAsync(Timeout)).Should().Be(2);
        lprepl.Stderr.Lines.Should().Contain(l => l.Contains($"--brand-key {keyFile}: not a readable PEM RSA public key"));
    }
}
