using LpRepl.Security;

namespace LpRepl.Tests.Security;

public class SecretRedactorTests
{
    private const string Jwt = "eyJraWQiOiIwMDAwMSIsInR5cCI6IkpXVCIsImFsZyI6IlJTMjU2In0.eyJzdWIiOiI1OTI2MzFhMCJ9.c2lnbmF0dXJlLWJ5dGVzLWhlcmU";

    [Fact]
    public void Should_remove_payload_and_signature_of_every_token()
    {
        var text = SecretRedactor.Redact($"Authorization: jwt {Jwt} and again {Jwt}");

        text.Should().NotContain("eyJzdWIi").And.NotContain("c2lnbmF0dXJl");
        text.Should().Be("Authorization: jwt eyJraWQiOiIw…(redacted) and again eyJraWQiOiIw…(redacted)");
    }

    [Fact]
    public void Should_leave_text_without_tokens_alone()
    {
        const string frame = "{\"kind\":\"req\",\"id\":1,\"type\":\"cm.ConsumerRequestConversation\"}";

        SecretRedactor.Redact(frame).Should().BeSameAs(frame);
    }
}
