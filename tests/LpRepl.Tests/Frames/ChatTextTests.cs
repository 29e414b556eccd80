using LpRepl.Frames.Chat;

namespace LpRepl.Tests.Frames;

public class ChatTextTests
{
    [Fact]
    public void Should_not_split_an_emoji_where_a_long_message_is_cut()
    {
        // 499 letters then an emoji (two UTF-16 units) straddling the 500th character.
        var message = new string('a', ChatText.MaxMessage - 1) + "😀 and more";

        var line = ChatText.OneLine(message);

        line.Should().Be(new string('a', ChatText.MaxMessage - 1) + "…");
        line.Any(char.IsSurrogate).Should().BeFalse();
    }
}
