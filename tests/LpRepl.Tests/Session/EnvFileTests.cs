using System.Diagnostics;
using System.Text;
using LpRepl.Repl;
using LpRepl.Session;
using LpRepl.Tests.Support;

namespace LpRepl.Tests.Session;

/// <summary>
/// lp.env as <c>save</c> writes it: no BOM, private (0600) even over an existing file, and every value
/// it writes read back the same by <c>load</c>, by <c>docker run --env-file</c> and by
/// <c>set -a; . ./lp.env</c>; a value they would read differently is left out with a note.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class EnvFileTests : IDisposable
{
    private const string Safe = "ABCXYZabcxyz0189_./:@%+,=-";
    private const string Unsafe = " \t$`\\'\"~#;&|<>()*?[]{}!^\u00A0\u202E\u0001é日😀";
    private readonly string _dir = Directory.CreateTempSubdirectory("lprepl-env-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    [Fact]
    public void Should_write_no_byte_order_mark()
    {
        var file = PathOf("lp.env");

        EnvFile.Write(file, [new("LP_ACCOUNT", "12345678"), new("LP_JWT", "eyJ.x.y")]);

        File.ReadAllBytes(file).Take(3).Should().Equal(Encoding.ASCII.GetBytes("LP_"));
    }

    [Fact]
    public void Should_keep_the_account_for_a_shell_that_sources_the_file()
    {
        var file = PathOf("lp.env");
        EnvFile.Write(file, [new("LP_ACCOUNT", "12345678")]);

        Sourced(file, ["LP_ACCOUNT"]).Should().Equal("12345678");
    }

    [Fact]
    public void Should_make_an_existing_world_readable_file_private_before_writing_a_token()
    {
        var file = PathOf("lp.env");
        File.WriteAllText(file, "OLD=1\n");
        File.SetUnixFileMode(file, (UnixFileMode)Convert.ToInt32("644", 8));

        EnvFile.Write(file, [new("LP_JWT", "eyJ.x.y")]);

        File.GetUnixFileMode(file).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.ReadAllText(file).Should().Be("LP_JWT=eyJ.x.y\n");
    }

    [Fact]
    public async Task Should_save_over_an_existing_world_readable_file_as_0600()
    {
        var file = PathOf("lp.env");
        await File.WriteAllTextAsync(file, "");
        File.SetUnixFileMode(file, (UnixFileMode)Convert.ToInt32("644", 8));
        var output = new CollectingOutput();
        await using var session = OfflineSession.Create(output);
        session.Variables.Set("LP_JWT", "eyJ.x.y");

        var result = await session.ExecuteAsync($"save {file}", CancellationToken.None);

        result.Outcome.Should().Be(LineOutcome.Ok);
        File.GetUnixFileMode(file).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public async Task Should_leave_out_a_value_that_docker_and_sh_read_differently_and_say_so()
    {
        var file = PathOf("lp.env");
        var output = new CollectingOutput();
        await using var session = OfflineSession.Create(output);
        session.Variables.Set("LP_ACCOUNT", "12345678");
        session.Variables.Set("MESSAGE", "two words");
        session.Variables.Set("LP_PROPS", "{\"type\":\".ClientProperties\"}");
        session.Variables.Set("NOTE", "a\nb");

        var result = await session.ExecuteAsync($"save {file}", CancellationToken.None);

        result.Outcome.Should().Be(LineOutcome.Ok);
        (await File.ReadAllTextAsync(file)).Should().Be("LP_ACCOUNT=12345678\n");
        var notes = output.Entries.Where(e => e.Kind is "info" or "error").Select(e => e.Text).ToList();
        notes.Should().Contain(n => n.StartsWith("not saved: MESSAGE (its value holds a space", StringComparison.Ordinal));
        notes.Should().Contain(n => n.StartsWith("not saved: LP_PROPS (its value holds '{'", StringComparison.Ordinal));
        notes.Should().Contain(n => n.StartsWith("not saved: NOTE (its value holds a line break", StringComparison.Ordinal));
        notes.Should().Contain(n => n.Contains("saved 1 variable", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_read_every_saved_value_back_the_same_with_load_docker_and_sh()
    {
        var random = new Random(20261201);
        var values = Enumerable.Range(0, 400).Select(i => Generate(random, i)).ToList();
        values.AddRange(["", "-", "=", "==x", "eyJhbGciOi.eyJzdWIi.c2ln-_", "https://a.example:8443/x/y", "a:b@c%20d+e,f"]);
        var pairs = values.Select((v, i) => new KeyValuePair<string, string>($"LP_V{i}", v)).ToList();
        var file = PathOf("lp.env");

        var leftOut = EnvFile.Write(file, pairs);

        var saved = pairs.Where(p => leftOut.All(l => l.Name != p.Key)).ToList();
        saved.Count.Should().BeGreaterThan(100, "the generator makes many safe values");
        leftOut.Should().NotBeEmpty();
        var loaded = EnvFile.Read(file).ToDictionary(p => p.Key, p => p.Value);
        var bytes = File.ReadAllBytes(file);
        var docker = DockerEnvFile.Parse(bytes, trimQuotes: false);
        var newerDocker = DockerEnvFile.Parse(bytes, trimQuotes: true);
        var names = saved.Select(p => p.Key).ToList();
        var sourced = Sourced(file, names);
        var bashSourced = Sourced(file, names, "bash");
        for (var i = 0; i < saved.Count; i++)
        {
            var (name, value) = saved[i];
            loaded[name].Should().Be(value, "load reads {0} as written", name);
            docker[name].Should().Be(value, "docker reads {0} literally", name);
            newerDocker[name].Should().Be(value);
            sourced[i].Should().Be(value, "sh reads {0} the same", name);
            bashSourced[i].Should().Be(value, "bash reads {0} the same", name);
        }
        loaded.Keys.Should().BeEquivalentTo(saved.Select(p => p.Key), "nothing left out is in the file");
    }

    private static string Generate(Random random, int i)
    {
        var length = random.Next(0, 12);
        var text = new StringBuilder();
        for (var k = 0; k < length; k++)
        {
            // Mostly safe characters, so many values survive; now and then one that is not.
            var pool = random.Next(8) == 0 ? Unsafe : Safe;
            var at = random.Next(pool.Length);
            text.Append(char.IsHighSurrogate(pool[at]) ? pool.Substring(at, 2) : char.IsLowSurrogate(pool[at]) ? pool.Substring(at - 1, 2) : pool[at].ToString());
        }
        if (i % 50 == 0)
        {
            text.Append('\n');
        }
        return text.ToString();
    }

    // An independent peer: the shell itself sources the file and prints each value NUL-terminated.
    private static List<string> Sourced(string file, IReadOnlyList<string> names, string shell = "/bin/sh")
    {
        var print = string.Concat(names.Select(n => $" \"${n}\""));
        var info = new ProcessStartInfo(shell, ["-c", $"set -a; . \"$0\"; printf '%s\\0'{print}", file])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        using var sh = Process.Start(info)!;
        var output = sh.StandardOutput.ReadToEnd();
        var error = sh.StandardError.ReadToEnd();
        sh.WaitForExit();
        sh.ExitCode.Should().Be(0, error);
        error.Should().BeEmpty();
        return [.. output.Split('\0')[..names.Count]];
    }
}
