using LpRepl.Emulator.Messaging;

namespace LpRepl.Emulator.Tests;

public sealed class AuthorizationHeaderTests
{
    [Theory]
    [InlineData("jwt abc.def.ghi", "abc.def.ghi")]
    [InlineData("JWT abc.def.ghi", "abc.def.ghi")]
    [InlineData("  jwt   abc.def.ghi  ", "abc.def.ghi")]
    [InlineData("jwt", null)]
    [InlineData("jwtabc.def.ghi", null)]
    [InlineData("Bearer abc.def.ghi", null)]
    [InlineData("abc.def.ghi", null)]
    [InlineData("jwt abc def", null)]
    [InlineData(null, null)]
    public void Should_read_the_token_after_the_jwt_scheme(string? header, string? expected)
    {
        AuthorizationHeader.ReadJwt(header).Should().Be(expected);
    }
}
