using LpRepl.Frames;

namespace LpRepl.Tests.Frames;

public class PrettyJsonTests
{
    [Fact]
    public void Should_indent_nested_values_and_keep_them_exact()
    {
        var text = PrettyJson.Format("{\"kind\":\"resp\",\"reqId\":\"1\",\"code\":200,\"body\":{\"a\":[1,2.50,true,null],\"e\":{}},\"type\":\"x\"}", color: false);

        text.Should().Be("{\n  \"kind\": \"resp\",\n  \"reqId\": \"1\",\n  \"code\": 200,\n  \"body\": {\n    \"a\": [\n      1,\n      2.50,\n      true,\n      null\n    ],\n    \"e\": {}\n  },\n  \"type\": \"x\"\n}");
    }

    [Fact]
    public void Should_give_null_for_text_that_is_not_json()
    {
        PrettyJson.Format("{nope", color: false).Should().BeNull();
    }

    [Fact]
    public void Should_colour_keys_and_strings_only_when_asked()
    {
        PrettyJson.Format("{\"a\":\"b\"}", color: true).Should().Contain("\u001b[36m\"a\"\u001b[0m");
        PrettyJson.Format("{\"a\":\"b\"}", color: false).Should().NotContain("\u001b");
    }
}
