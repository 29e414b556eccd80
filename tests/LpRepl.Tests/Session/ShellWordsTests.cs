using LpRepl.Session;

namespace LpRepl.Tests.Session;

public class ShellWordsTests
{
    private static readonly Dictionary<string, string> Vars = new() { ["LP_IDP"] = "va.idp.liveperson.net", ["NAME"] = "Ann Lee" };

    private static ShellWordsResult Split(string line) => ShellWords.Split(line, n => Vars.GetValueOrDefault(n));

    [Theory]
    [InlineData("echo a b", new[] { "echo", "a", "b" })]
    [InlineData("echo 'a  b' \"c d\"", new[] { "echo", "a  b", "c d" })]
    [InlineData("echo $LP_IDP", new[] { "echo", "va.idp.liveperson.net" })]
    [InlineData("echo https://${LP_IDP}/x", new[] { "echo", "https://va.idp.liveperson.net/x" })]
    [InlineData("echo \"$NAME\" $NAME", new[] { "echo", "Ann Lee", "Ann", "Lee" })]
    [InlineData("echo '$NAME'", new[] { "echo", "$NAME" })]
    [InlineData("echo \"say \\\"hi\\\"\"", new[] { "echo", "say \"hi\"" })]
    [InlineData("echo a\\ b", new[] { "echo", "a b" })]
    [InlineData("echo $ 5", new[] { "echo", "$", "5" })]
    [InlineData("connect -H \"Authorization:jwt x\"", new[] { "connect", "-H", "Authorization:jwt x" })]
    public void Should_split_like_a_shell(string line, string[] expected)
    {
        var result = Split(line);

        result.Error.Should().BeNull();
        result.Words.Should().Equal(expected);
    }

    [Fact]
    public void Should_read_a_words_leading_unquoted_tilde_as_home()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

        Split("run ~/scripts/a.lprepl ~").Words.Should().Equal("run", home + "/scripts/a.lprepl", home);
        Split("echo '~/a' \"~/b\" \\~/c a~/d ~e").Words.Should().Equal("echo", "~/a", "~/b", "~/c", "a~/d", "~e");
    }

    [Fact]
    public void Should_expand_a_value_with_spaces_inside_double_quotes_as_one_word()
    {
        Split("x \"$NAME\"").Words.Should().Equal("x", "Ann Lee");
    }

    [Theory]
    [InlineData("echo $MISSING", "$MISSING is not set (column 6)")]
    [InlineData("echo \"abc", "unterminated double quote at column 6")]
    [InlineData("echo 'abc", "unterminated single quote at column 6")]
    [InlineData("echo ${LP_IDP", "unterminated ${ at column 6")]
    [InlineData("X=$(curl x)", "command substitution $(…) at column 3 is not supported yet")]
    [InlineData("wait .GetClock$Response", "$Response is not set (column 15); set it with Response=VALUE, or see 'vars' (for a literal $, quote it: '…$Response…')")]
    public void Should_report_what_and_where(string line, string expectedStart)
    {
        var result = Split(line);

        result.Success.Should().BeFalse();
        result.Error.Should().StartWith(expectedStart);
    }
}
