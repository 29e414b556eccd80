using LpRepl.Frames;

namespace LpRepl.Tests.Frames;

public class JsonBalanceTests
{
    [Theory]
    [InlineData("{\"a\":1}", true)]
    [InlineData("{", false)]
    [InlineData("{\n  \"a\": [1,\n", false)]
    [InlineData("{\"a\":\"}\"", false)]
    [InlineData("{\"a\":\"\\\"}\"}", true)]
    [InlineData("{\"a\":\"{{conversationId}}\"}", true)]
    public void Should_know_when_brackets_balance_outside_strings(string text, bool complete)
    {
        JsonBalance.IsComplete(text).Should().Be(complete);
    }

    [Theory]
    [InlineData("  {\"a\":1}", true)]
    [InlineData("[1]", true)]
    [InlineData("echo {", false)]
    public void Should_recognize_a_frame_by_its_first_character(string line, bool frame)
    {
        JsonBalance.StartsFrame(line).Should().Be(frame);
    }
}
