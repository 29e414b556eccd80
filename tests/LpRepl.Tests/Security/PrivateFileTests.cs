using LpRepl.App.Logging;
using LpRepl.Frames;
using LpRepl.Terminal.LineEditing;
using LpRepl.Transcripts;

namespace LpRepl.Tests.Security;

/// <summary>Every file that can hold a secret is its owner's alone (0600), also when it was there before with a wider mode.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PrivateFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lprepl-private-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Existing(string name)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, "");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        return path;
    }

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    // The documented limit (README, Output).
    private const int LogLimit = 10 * 1024 * 1024;

    private static UnixFileMode Mode(string path) => File.GetUnixFileMode(path);

    [Fact]
    public void Should_create_the_history_file_0600_and_narrow_an_existing_one()
    {
        var fresh = Path.Combine(_dir, "state", "history");
        new History(fresh).Add("signup");
        var old = Existing("old-history");
        new History(old).Add("signup");

        Mode(fresh).Should().Be(OwnerOnly);
        Mode(old).Should().Be(OwnerOnly);
    }

    [Fact]
    public void Should_create_a_transcript_0600_and_narrow_an_existing_one()
    {
        var fresh = Path.Combine(_dir, "fresh.jsonl");
        var old = Existing("old.jsonl");
        foreach (var path in new[] { fresh, old })
        {
            using var writer = new TranscriptWriter(path, TimeProvider.System);
            writer.Write(FrameDirection.Outbound, "{\"id\":1}");
        }

        Mode(fresh).Should().Be(OwnerOnly);
        Mode(old).Should().Be(OwnerOnly);
    }

    [Fact]
    public void Should_create_the_log_0600_and_narrow_an_existing_one()
    {
        var fresh = Path.Combine(_dir, "logs", "lprepl.log");
        var old = Existing("old.log");
        foreach (var path in new[] { fresh, old })
        {
            using var log = LoggingSetup.Create(path, Serilog.Events.LogEventLevel.Information);
            log.Information("a line");
        }

        Mode(fresh).Should().Be(OwnerOnly);
        Mode(old).Should().Be(OwnerOnly);
        File.ReadAllText(fresh).Should().Contain("a line");
    }

    [Fact]
    public void Should_move_a_full_log_aside_at_start_and_keep_both_private()
    {
        var path = Existing("full.log");
        File.WriteAllBytes(path, new byte[LogLimit]);

        using (var log = LoggingSetup.Create(path, Serilog.Events.LogEventLevel.Information))
        {
            log.Information("after the move");
        }

        new FileInfo(path + ".1").Length.Should().Be(LogLimit);
        File.ReadAllText(path).Should().Contain("after the move");
        Mode(path).Should().Be(OwnerOnly);
        Mode(path + ".1").Should().Be(OwnerOnly);
    }

    [Fact]
    public void Should_write_to_a_device_without_changing_its_mode()
    {
        var before = Mode("/dev/null");

        using (var writer = new TranscriptWriter("/dev/null", TimeProvider.System))
        {
            writer.Write(FrameDirection.Inbound, "{}");
        }
        using (var log = LoggingSetup.Create("/dev/null", Serilog.Events.LogEventLevel.Information))
        {
            log.Information("into the void");
        }

        Mode("/dev/null").Should().Be(before);
    }

    [Fact]
    public void Should_shorten_a_token_quoted_in_a_logged_exception()
    {
        var token = $"{B64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}")}.{B64("{\"sub\":\"someone\"}")}.{B64("signature-bytes-here")}";
        var path = Path.Combine(_dir, "exception.log");

        using (var log = LoggingSetup.Create(path, Serilog.Events.LogEventLevel.Information))
        {
            log.Error(new InvalidOperationException($"curl said: token {token} refused"), "Input failed");
            log.Information("no exception here");
        }

        var text = File.ReadAllText(path);
        text.Should().Contain("curl said: token ").And.Contain("…(redacted) refused").And.Contain("System.InvalidOperationException");
        text.Should().NotContain(token);
        text.Should().Contain("no exception here");
    }

    private static string B64(string text) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
