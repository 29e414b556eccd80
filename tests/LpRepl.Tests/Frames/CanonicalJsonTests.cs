using CsCheck;
using LpRepl.Frames;

namespace LpRepl.Tests.Frames;

/// <summary>A frame already compact is written to a file as it came, and only such a frame: the same text the reader's way gives.</summary>
public class CanonicalJsonTests
{
    private static readonly string[] Pieces =
    [
        "{", "}", "[", "]", ":", ",", "\"", "\"a\"", "\"key\"", "0", "12", "-3", "-0", "01", "1.5", "2e3", "true", "false", "null", "nul",
        " ", "\n", "\\\"", "\\n", "\\u0041", "é😀", "\u2028", "\u0085", "\u202e", "\u001b", "x", "/", "//c", "'s'",
    ];

    private static readonly Gen<string> Texts = Gen.Int[0, Pieces.Length - 1].Array[0, 16].Select(p => string.Concat(p.Select(i => Pieces[i])));

    private static readonly string[] Keys = ["a", "type", "é", "k\u2028", "q\\\""];

    private static readonly string[] Values = ["1", "-20", "0", "-0", "1.0", "1e2", "\"v\"", "\"\u001b\"", "true", "null", "[]", "{}", "[1,2]", "{\"b\":[{}]}", " 1"];

    // Valid frames built from parts, so the compact ones are common enough to be tested at all.
    private static readonly Gen<string> Frames =
        from key in Gen.Int[0, Keys.Length - 1].Select(i => Keys[i])
        from value in Gen.Int[0, Values.Length - 1].Select(i => Values[i])
        from count in Gen.Int[1, 4]
        select "{" + string.Join(",", Enumerable.Range(0, count).Select(i => $"\"{key}{i}\":{value}")) + "}";

    [Fact]
    public void Should_call_text_compact_only_when_the_reader_writes_it_back_unchanged()
    {
        Gen.OneOf(Texts, Frames).Sample(text => !CanonicalJson.IsCompact(text) || PrettyJson.CompactByReader(text) == text, iter: 50_000);
    }

    [Fact]
    public void Should_compact_any_text_as_the_reader_does()
    {
        Gen.OneOf(Texts, Frames).Sample(text => PrettyJson.Compact(text) == PrettyJson.CompactByReader(text), iter: 20_000);
    }

    [Theory]
    [InlineData("{\"kind\":\"resp\",\"reqId\":\"7\",\"code\":200,\"body\":{\"sequence\":12},\"type\":\"ms.PublishEventResponse\"}")]
    [InlineData("{\"a\":[],\"b\":{},\"c\":[1,-2,{\"d\":null}],\"e\":true,\"f\":false,\"g\":\"é 😀\"}")]
    [InlineData("[]")]
    public void Should_know_a_server_frame_written_compactly(string frame)
    {
        CanonicalJson.IsCompact(frame).Should().BeTrue();
        PrettyJson.Compact(frame).Should().BeSameAs(frame);
    }

    [Theory]
    [InlineData("{\"a\": 1}")]
    [InlineData("{\"a\":1.0}")]
    [InlineData("{\"a\":-0}")]
    [InlineData("{\"a\":\"\\u0041\"}")]
    [InlineData("{\"a\":\"\u001b[2J\"}")]
    [InlineData("{\"a\":1,}")]
    [InlineData("{\"a\":1}{}")]
    [InlineData("\"a\"")]
    [InlineData("]")]
    [InlineData("")]
    public void Should_leave_anything_else_to_the_reader(string text)
    {
        CanonicalJson.IsCompact(text).Should().BeFalse();
    }
}
