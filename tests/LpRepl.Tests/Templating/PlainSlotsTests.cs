using CsCheck;
using LpRepl.Session;
using LpRepl.Templating;

namespace LpRepl.Tests.Templating;

/// <summary>A frame that only names variables is filled in without Scriban, to the very character Scriban gives.</summary>
public class PlainSlotsTests
{
    private static readonly string[] Pieces =
    [
        "{\"a\":\"", "\"", "\\", "\\\"", "\\\\", "{{v}}", "{{ v }}", "{{\tw }}", "{{w}}", "{{LP_JWT}}", "\n", "x", ",", ":", "{", "}",
        "}}", "1", " ", "é😀", "{{ 1 + 2 }}", "{{-v}}", "{{unset}}", "{{end}}", "{%{", "}%}", "{{v", "{{{v}}}", "\r\n",
    ];

    private static readonly string[] Values = ["abc", "42", "-1.5e3", "true", "null", "", " 42", "x\",\"injected\":true", "a\\b", "line\nbreak", "esc\u001b", "{\"o\":1}"];

    private static readonly Gen<(string Text, string V, string W)> Frames =
        from pieces in Gen.Int[0, Pieces.Length - 1].Array[0, 14]
        from v in Gen.Int[0, Values.Length - 1]
        from w in Gen.Int[0, Values.Length - 1]
        select (string.Concat(pieces.Select(p => Pieces[p])), Values[v], Values[w]);

    [Fact]
    public void Should_expand_exactly_as_scriban_whenever_it_expands_at_all()
    {
        Frames.Sample(c =>
        {
            var variables = new SessionVariables();
            variables.Set("v", c.V);
            variables.Set("w", c.W);
            variables.Set("LP_JWT", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln");
            if (PlainSlots.TryExpand(c.Text, variables) is not { } plain)
            {
                return true;
            }
            var scriban = InlineTemplate.ExpandWithScriban(c.Text, variables);
            return scriban.Error is null && scriban.Text == plain;
        }, iter: 20_000);
    }

    [Fact]
    public void Should_fill_in_the_publish_frame_of_a_script()
    {
        var variables = new SessionVariables();
        variables.Set("conversationId", "c0ffee00-0000-4000-8000-000000000001");

        var plain = PlainSlots.TryExpand("{\"kind\":\"req\",\"id\":5,\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":\"{{conversationId}}\"}}", variables);

        plain.Should().Be("{\"kind\":\"req\",\"id\":5,\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":\"c0ffee00-0000-4000-8000-000000000001\"}}");
    }

    [Theory]
    [InlineData("{\"a\":{{ 1 + 2 }}}")]
    [InlineData("{\"a\":\"{{unset}}\"}")]
    [InlineData("{\"a\":\"{{- v }}\"}")]
    [InlineData("{\"a\":\"{{end}}\"}")]
    [InlineData("{%{ {{v}} }%}")]
    public void Should_leave_anything_but_plain_names_to_scriban(string text)
    {
        var variables = new SessionVariables();
        variables.Set("v", "1");

        PlainSlots.TryExpand(text, variables).Should().BeNull();
    }
}
