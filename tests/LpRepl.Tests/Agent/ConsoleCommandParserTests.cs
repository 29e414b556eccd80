using LpRepl.App.Agent;

namespace LpRepl.Tests.Agent;

/// <summary>The standalone emulator's agent console: what each typed line means, and the words for a wrong one.</summary>
public sealed class ConsoleCommandParserTests
{
    [Theory]
    [InlineData("accept", ConsoleVerb.Accept, null, null)]
    [InlineData("accept 1a2b", ConsoleVerb.Accept, "1a2b", null)]
    [InlineData("  say   hello from the agent  ", ConsoleVerb.Say, null, "hello from the agent")]
    [InlineData("say a  b", ConsoleVerb.Say, null, "a  b")]
    [InlineData("typing", ConsoleVerb.Typing, null, null)]
    [InlineData("typing off", ConsoleVerb.Typing, null, "off")]
    [InlineData("typing on 1a2b", ConsoleVerb.Typing, "1a2b", null)]
    [InlineData("typing 1a2b", ConsoleVerb.Typing, "1a2b", null)]
    [InlineData("read", ConsoleVerb.Read, null, null)]
    [InlineData("close 9f", ConsoleVerb.Close, "9f", null)]
    [InlineData("mode", ConsoleVerb.Mode, null, null)]
    [InlineData("mode AUTO", ConsoleVerb.Mode, null, "auto")]
    [InlineData("conversations", ConsoleVerb.Conversations, null, null)]
    [InlineData("ls", ConsoleVerb.Conversations, null, null)]
    [InlineData("use 1a2b", ConsoleVerb.Use, "1a2b", null)]
    [InlineData("help", ConsoleVerb.Help, null, null)]
    [InlineData("quit", ConsoleVerb.Quit, null, null)]
    [InlineData("exit", ConsoleVerb.Quit, null, null)]
    public void Should_read_each_command(string line, ConsoleVerb verb, string? conversation, string? text)
    {
        var command = ConsoleCommandParser.Parse(line, out var error);

        error.Should().BeNull();
        command.Should().Be(new ConsoleCommand(verb, conversation, text));
    }

    [Fact]
    public void Should_take_a_blank_line_as_nothing_to_do()
    {
        ConsoleCommandParser.Parse("   ", out var error).Should().BeNull();
        error.Should().BeNull();
    }

    [Theory]
    [InlineData("say", "say what? usage: say TEXT")]
    [InlineData("say   ", "say what? usage: say TEXT")]
    [InlineData("accept 1a 2b", "usage: accept [ID]")]
    [InlineData("typing off 1a 2b", "usage: typing [off] [ID]")]
    [InlineData("mode auto now", "usage: mode auto|manual|silent")]
    [InlineData("use", "usage: use ID (a conversation id, or the start of one; 'conversations' lists them)")]
    [InlineData("conversations all", "usage: conversations")]
    [InlineData("publish hi", "unknown command 'publish': one of accept, say, typing, read, close, mode, conversations, use, help, quit (help explains them)")]
    public void Should_say_what_is_wrong_and_what_to_type(string line, string expected)
    {
        ConsoleCommandParser.Parse(line, out var error).Should().BeNull();

        error.Should().Be(expected);
    }
}
