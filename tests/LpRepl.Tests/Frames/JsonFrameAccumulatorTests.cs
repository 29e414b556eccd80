using System.Text;
using LpRepl.Frames;

namespace LpRepl.Tests.Frames;

/// <summary>The incremental scanner agrees with the whole-text <see cref="JsonBalance"/> after every piece fed to it.</summary>
public class JsonFrameAccumulatorTests
{
    private const string Alphabet = "{}[]\"\\\n a:,";

    [Theory]
    [InlineData("{\"a\":1}", true)]
    [InlineData("{", false)]
    [InlineData("{\"a\":\"}\"", false)]
    [InlineData("{\"a\":\"\\\"}\"}", true)]
    [InlineData("{\"a\":\"x\ny\"", true)]
    public void Should_know_when_brackets_balance(string text, bool complete)
    {
        new JsonFrameAccumulator(text).IsComplete.Should().Be(complete);
    }

    [Fact]
    public void Should_agree_with_the_whole_text_scan_after_every_line_of_random_input()
    {
        // 2,000 seeded random texts over the characters that matter, fed in random pieces
        for (var seed = 0; seed < 2_000; seed++)
        {
            var random = new Random(seed);
            var accumulator = new JsonFrameAccumulator("{");
            var whole = new StringBuilder("{");
            for (var piece = random.Next(1, 12); piece > 0; piece--)
            {
                var text = new string(Enumerable.Range(0, random.Next(0, 10)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
                if (random.Next(2) == 0)
                {
                    accumulator.AppendLine(text);
                    whole.Append('\n').Append(text);
                }
                else
                {
                    accumulator.Append(text);
                    whole.Append(text);
                }
                accumulator.IsComplete.Should().Be(JsonBalance.IsComplete(whole.ToString()), $"seed {seed}: {whole}");
                accumulator.Text.Should().Be(whole.ToString());
            }
        }
    }

    [Fact]
    public void Should_hold_a_pretty_frame_of_many_lines_as_the_lines_joined()
    {
        var lines = new[] { "{", "  \"kind\": \"req\",", "  \"body\": [1,", "2]", "}" };
        var accumulator = new JsonFrameAccumulator(lines[0]);

        foreach (var line in lines.Skip(1))
        {
            accumulator.IsComplete.Should().BeFalse();
            accumulator.AppendLine(line);
        }

        accumulator.IsComplete.Should().BeTrue();
        accumulator.Text.Should().Be(string.Join('\n', lines));
    }

    [Fact]
    public void Should_stop_keeping_a_frame_past_its_cap_but_still_find_its_end()
    {
        var frame = new JsonFrameAccumulator("{\"a\":[", maxLength: 100);
        for (var i = 0; i < 50; i++)
        {
            frame.AppendLine("\"0123456789\",");
        }

        frame.TooLong.Should().BeTrue();
        frame.Text.Should().BeEmpty("the text past the cap is not kept");
        frame.IsComplete.Should().BeFalse();
        frame.AppendLine("\"end\"]}");
        frame.IsComplete.Should().BeTrue();
    }
}
