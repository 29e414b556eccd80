using System.Text;
using LpRepl.Security;

namespace LpRepl.Tests.Security;

/// <summary>Tokens are known by their shape (three base64url segments, a JSON header with "alg"), not by where they sit.</summary>
public class TokenShapeTests
{
    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    // A spaced header and a payload that is not "eyJ…": still a JWT.
    private static readonly string Spaced = $"{B64("{ \"alg\": \"RS256\", \"typ\": \"JWT\" }")}.{B64("{ \"sub\": \"592631a0\" }")}.{B64("signature-bytes")}";

    private static readonly string Unsigned = $"{B64("{\"alg\":\"none\"}")}.{B64("{\"sub\":\"x\"}")}.";

    [Fact]
    public void Should_shorten_a_token_whatever_its_spacing_and_payload()
    {
        var text = SecretRedactor.Redact($"jwt={Spaced}; and {Unsigned} end.");

        text.Should().NotContain(Spaced).And.NotContain(Unsigned);
        text.Should().Be($"jwt={Spaced[..12]}…(redacted); and {Unsigned[..12]}…(redacted) end.");
    }

    [Theory]
    [InlineData("eyJhYmMiOjF9.eyJ4IjoxfQ.abc")]
    [InlineData("example.com.and.more")]
    [InlineData("v1.2.3")]
    [InlineData("eyJhbGciOi.broken")]
    public void Should_leave_dotted_text_that_is_not_a_token_alone(string text)
    {
        SecretRedactor.Redact(text).Should().BeSameAs(text);
    }

    [Fact]
    public void Should_shorten_a_token_inside_a_json_string()
    {
        SecretRedactor.Redact($"{{\"jwt\":\"{Spaced}\"}}").Should().Be($"{{\"jwt\":\"{Spaced[..12]}…(redacted)\"}}");
    }

    [Fact]
    public void Should_keep_a_line_with_a_token_of_any_spelling_out_of_the_history_file()
    {
        SecretLines.HoldsSecret($"echo {Spaced}").Should().BeTrue();
        SecretLines.HoldsSecret("echo example.com.and.more").Should().BeFalse();
    }
}
