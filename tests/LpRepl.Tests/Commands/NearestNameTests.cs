using LpRepl.Commands;

namespace LpRepl.Tests.Commands;

public class NearestNameTests
{
    private static readonly string[] Names = ["connect", "disconnect", "signup", "status", "help", "exit", "vars"];

    [Theory]
    [InlineData("conect", "connect")]
    [InlineData("singup", "signup")]
    [InlineData("var", "vars")]
    [InlineData("hlep", "help")]
    public void Should_suggest_the_nearest_command(string typed, string expected)
    {
        NearestName.Find(typed, Names).Should().Be(expected);
    }

    [Fact]
    public void Should_not_suggest_something_unrelated()
    {
        NearestName.Find("publishing", Names).Should().BeNull();
    }
}
