using LpRepl.Repl;
using LpRepl.Tests.Support;

namespace LpRepl.Tests.Commands;

/// <summary><c>jwt</c> decodes what the tutorial decodes with sed and base64, and never prints the token.</summary>
public sealed class JwtCommandTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private async Task<(CollectingOutput Output, int Code, ReplSession Session)> Run(params string[] lines)
    {
        var output = new CollectingOutput();
        var session = emulator.NewSession(output);
        var source = new ScriptedLines(lines);
        source.End();
        var code = await new ReplLoop(session, source, ReplMode.Script, "test.lprepl").RunAsync(CancellationToken.None).WaitAsync(Timeout);
        return (output, code, session);
    }

    private static IEnumerable<string> Data(CollectingOutput output) => output.Entries.Where(e => e.Kind == "data").Select(e => e.Text);

    [Fact]
    public async Task Should_decode_the_signed_up_token_into_consumer_account_and_expiry()
    {
        var (output, code, session) = await Run("signup", "jwt");
        await using var _ = session;

        code.Should().Be(ExitCodes.Ok, string.Join('\n', output.Errors));
        var jwt = session.Variables["LP_JWT"]!;
        var sub = (string)Newtonsoft.Json.Linq.JObject.Parse(System.Text.Encoding.UTF8.GetString(Base64Url(jwt.Split('.')[1])))["sub"]!;
        var lines = Data(output).ToList();
        lines.Should().Contain("header    {\"kid\":\"00001\",\"typ\":\"JWT\",\"alg\":\"RS256\"}");
        lines.Should().Contain(l => l.StartsWith($"consumer  {sub} "));
        lines.Should().Contain($"account   {EmulatorFixture.Account}");
        lines.Should().Contain(l => l.StartsWith("expires   20") && l.Contains("(in 12 years"));
        lines.Should().Contain("signature 256 bytes, RS256, not verified here");
        output.Entries.Should().NotContain(e => e.Text.Contains(jwt), "the whole token is never printed");
    }

    [Fact]
    public async Task Should_name_the_broken_part_of_a_bad_token_and_fail_the_line()
    {
        var (output, code, session) = await Run("BAD=eyJhbGciOiJSUzI1NiJ9.%%%.sig", "jwt BAD");
        await using var _ = session;

        code.Should().Be(ExitCodes.ScriptFailed);
        output.Errors.Should().ContainSingle().Which.Should().Contain("BAD is not a JWT: the payload is not base64url");
    }

    [Fact]
    public async Task Should_say_what_to_do_when_there_is_no_token()
    {
        var (output, code, session) = await Run("jwt");
        await using var _ = session;

        code.Should().Be(ExitCodes.ScriptFailed);
        output.Errors.Should().ContainSingle().Which.Should().Contain("LP_JWT is not set: run 'signup'");
    }

    [Fact]
    public async Task Should_flag_an_expired_token_and_a_token_for_another_account()
    {
        // A hand-made token: header {"alg":"RS256"}, payload for account 999 that expired in 2020.
        var payload = Convert.ToBase64String("{\"sub\":\"abc\",\"aud\":\"acc:999\",\"exp\":1577836800}"u8.ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var (output, code, session) = await Run($"OLD_JWT=eyJhbGciOiJSUzI1NiJ9.{payload}.c2ln", "jwt OLD_JWT");
        await using var _ = session;

        code.Should().Be(ExitCodes.Ok);
        Data(output).Should().Contain(l => l.StartsWith("expired   2020-01-01 00:00:00Z (") && l.EndsWith("ago) — get a new one"));
        Data(output).Should().Contain(l => l.StartsWith("account   999   — not LP_ACCOUNT (12345678)"));
    }

    private static byte[] Base64Url(string s)
    {
        s = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }
}
