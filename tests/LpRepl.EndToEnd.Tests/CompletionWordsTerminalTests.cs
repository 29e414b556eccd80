using LpRepl.EndToEnd.Tests.Support;

namespace LpRepl.EndToEnd.Tests;

/// <summary>In a real terminal: Tab in the middle of a request type completes the whole of it, and record offers off beside the files.</summary>
public sealed class CompletionWordsTerminalTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Should_complete_a_type_from_the_middle_without_keeping_its_tail()
    {
        // Given a frame whose type is being corrected, the cursor after "ms.Pub"
        using var home = new TempDir();
        using var tmux = Tmux.StartLpRepl(home);
        await tmux.WaitForReadyAsync(Timeout);
        tmux.Type("{\"type\":\"ms.PublishEvent\"}");
        tmux.Keys([.. Enumerable.Repeat("Left", 11)]);

        // When Tab is pressed and a key typed
        tmux.Keys("Tab");
        tmux.Type("!");

        // Then the type is whole once, and the cursor was after its closing quote
        await tmux.WaitForScreenAsync(_ => tmux.VisibleLines()[^1] == "lp> {\"type\":\"ms.PublishEvent\"!}", Timeout, "the completed type");
    }

    [Fact]
    public async Task Should_list_off_beside_the_file_names_after_record_and_complete_it()
    {
        // Given a directory with one transcript
        using var home = new TempDir();
        File.WriteAllText(Path.Combine(home.Path, "frames.jsonl"), "");
        using var tmux = Tmux.StartLpRepl(home);
        await tmux.WaitForReadyAsync(Timeout);

        // When Tab is pressed after record
        tmux.Type("record ");
        tmux.Keys("Tab");

        // Then off is listed with the file, and o + Tab completes it
        await tmux.WaitForScreenAsync(s => s.Split('\n').Any(l => l.StartsWith("off ", StringComparison.Ordinal) && l.Contains("frames.jsonl", StringComparison.Ordinal)), Timeout, "off beside frames.jsonl");
        tmux.Type("o");
        tmux.Keys("Tab");
        await tmux.WaitForScreenAsync(_ => tmux.VisibleLines()[^1] == "lp> record off", Timeout, "record off");
        tmux.Cursor().Column.Should().Be("lp> record off ".Length, "a space follows the word");
    }
}
