using LpRepl.App.Agent;
using LpRepl.Repl.Completion;

namespace LpRepl.Tests.Agent;

/// <summary>Tab at the agent console: command words, then conversation ids, modes and off.</summary>
public sealed class ConsoleCompleterTests
{
    private const string First = "1a2b3c4d-0000-4000-8000-000000000001";
    private const string Second = "1a2bffff-0000-4000-8000-000000000002";
    private const string Third = "9e8d7c6b-0000-4000-8000-000000000003";

    private static readonly ConsoleCompleter Completer = new(() => [First, Second, Third]);

    [Fact]
    public void Should_complete_a_command_word_with_a_space_after()
    {
        var result = Completer.Complete("conv", 4);

        result.Should().BeEquivalentTo(new CompletionResult(0, 4, ["conversations"], " "));
    }

    [Fact]
    public void Should_offer_every_command_on_an_empty_line()
    {
        Completer.Complete("", 0).Candidates.Should().Contain(["accept", "say", "typing", "read", "close", "mode", "conversations", "use", "help", "quit"]);
    }

    [Fact]
    public void Should_complete_a_conversation_id_from_its_start()
    {
        var result = Completer.Complete("accept 9e", 9);

        result.Should().BeEquivalentTo(new CompletionResult(7, 2, [Third], " "));
    }

    [Fact]
    public void Should_offer_every_id_a_shared_start_fits()
    {
        Completer.Complete("use 1a2b", 8).Candidates.Should().Equal(First, Second);
    }

    [Fact]
    public void Should_complete_modes_and_typing_off()
    {
        Completer.Complete("mode m", 6).Candidates.Should().Equal("manual");
        Completer.Complete("typing o", 8).Candidates.Should().Equal("off");
        Completer.Complete("typing off 9", 12).Candidates.Should().Equal(Third);
    }

    [Fact]
    public void Should_offer_nothing_inside_what_say_says()
    {
        Completer.Complete("say 1a", 6).Candidates.Should().BeEmpty();
    }
}
