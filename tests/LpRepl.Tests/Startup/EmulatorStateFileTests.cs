using LpRepl.App.Startup.Keeping;
using LpRepl.Emulator.Persistence;

namespace LpRepl.Tests.Startup;

/// <summary>
/// The embedded emulator's kept state (emulator.json): read back as written, private (0600), bounded,
/// a damaged or foreign file a warning and a fresh start (never a crash), and two processes at once
/// ending with one set of keys.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class EmulatorStateFileTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly string _dir = Directory.CreateTempSubdirectory("lprepl-state-").FullName;
    private readonly List<string> _warnings = [];

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string StatePath => Path.Combine(_dir, EmulatorStateStore.FileName);

    [Fact]
    public void Should_read_back_the_keys_and_consumers_it_wrote()
    {
        var state = KeptEmulatorState.Fresh().WithConsumers([new("12345678", "consumer-a", 1_000), new("87654321", "consumer-b", 2_000)]);

        EmulatorStateFile.Write(StatePath, state);
        var read = EmulatorStateFile.Read(StatePath)!;

        read.Keys.Signing.Should().Equal(state.Keys.Signing);
        read.Keys.Connector.Should().Equal(state.Keys.Connector);
        read.Keys.Brand.Should().Equal(state.Keys.Brand);
        read.Consumers.Should().Equal(state.Consumers);
        read.SameKeysAs(state).Should().BeTrue();
    }

    [Fact]
    public void Should_be_null_when_there_is_no_file()
    {
        EmulatorStateFile.Read(StatePath).Should().BeNull();
    }

    [Fact]
    public void Should_create_the_file_0600_and_narrow_a_wider_one_it_reads()
    {
        var first = EmulatorStateStore.Open(_dir, fresh: false, _warnings.Add);
        File.GetUnixFileMode(StatePath).Should().Be(OwnerOnly, "it holds private keys");

        File.SetUnixFileMode(StatePath, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var second = EmulatorStateStore.Open(_dir, fresh: false, _warnings.Add);

        File.GetUnixFileMode(StatePath).Should().Be(OwnerOnly);
        second.State.SameKeysAs(first.State).Should().BeTrue();
        _warnings.Should().BeEmpty();
    }

    [Theory]
    [InlineData("not json at all", "not JSON")]
    [InlineData("{\"format\":\"something-else\",\"version\":1}", "not an lprepl emulator state file")]
    [InlineData("{\"format\":\"lprepl-emulator-state\",\"version\":2,\"keys\":{}}", "version 2, this lprepl reads version 1")]
    [InlineData("{\"format\":\"lprepl-emulator-state\",\"version\":1,\"keys\":{\"signing\":\"AAAA\",\"connector\":\"AAAA\"},\"consumers\":[]}", "not RSA private keys")]
    [InlineData("{\"format\":\"lprepl-emulator-state\",\"version\":1,\"keys\":{\"signing\":\"%%\",\"connector\":\"AAAA\"},\"consumers\":[]}", "not base64")]
    public void Should_refuse_a_damaged_or_foreign_file_saying_why(string content, string reason)
    {
        File.WriteAllText(StatePath, content);

        var read = () => EmulatorStateFile.Read(StatePath);

        read.Should().Throw<InvalidDataException>().WithMessage($"*{reason}*");
    }

    [Fact]
    public void Should_start_fresh_with_a_warning_and_keep_a_damaged_file_aside()
    {
        File.WriteAllText(StatePath, "{\"format\":\"lprepl-emulator-state\",\"version\":1,\"keys\":");

        var store = EmulatorStateStore.Open(_dir, fresh: false, _warnings.Add);

        _warnings.Should().ContainSingle().Which.Should().Contain("not JSON").And.Contain("starting a fresh emulator").And.Contain(".unusable");
        File.ReadAllText(StatePath + ".unusable").Should().StartWith("{\"format\"");
        EmulatorStateFile.Read(StatePath)!.SameKeysAs(store.State).Should().BeTrue("the fresh keys are kept for the next run");
    }

    [Fact]
    public void Should_forget_the_kept_keys_when_asked_for_a_fresh_emulator()
    {
        var kept = EmulatorStateStore.Open(_dir, fresh: false, _warnings.Add);

        var fresh = EmulatorStateStore.Open(_dir, fresh: true, _warnings.Add);

        fresh.State.SameKeysAs(kept.State).Should().BeFalse();
        EmulatorStateFile.Read(StatePath)!.SameKeysAs(fresh.State).Should().BeTrue();
        fresh.Summary.Should().StartWith("fresh: new keys");
    }

    [Fact]
    public void Should_keep_the_newest_thousand_consumers_one_entry_each()
    {
        var many = Enumerable.Range(0, 1_500).Select(i => new KnownConsumer("12345678", $"c{i}", i)).ToList();

        var state = KeptEmulatorState.Fresh().WithConsumers(many).WithConsumers([new("12345678", "c1499", 5_000)]);

        state.Consumers.Should().HaveCount(KeptEmulatorState.MaxConsumers);
        state.Consumers.Select(c => c.ConsumerId).Should().OnlyHaveUniqueItems().And.NotContain("c499").And.Contain("c500");
        state.Consumers[0].Should().Be(new KnownConsumer("12345678", "c1499", 5_000));
    }

    [Fact]
    public void Should_merge_consumers_saved_by_another_process_and_never_overwrite_newer_keys()
    {
        var mine = EmulatorStateStore.Open(_dir, fresh: false, _warnings.Add);
        var theirs = EmulatorStateStore.Open(_dir, fresh: false, _warnings.Add);
        theirs.Save([new("12345678", "theirs", 10)], _warnings.Add);

        mine.Save([new("12345678", "mine", 20)], _warnings.Add);
        EmulatorStateFile.Read(StatePath)!.Consumers.Select(c => c.ConsumerId).Should().Equal("mine", "theirs");

        var fresh = EmulatorStateStore.Open(_dir, fresh: true, _warnings.Add);
        mine.Save([new("12345678", "late", 30)], _warnings.Add);
        var read = EmulatorStateFile.Read(StatePath)!;
        read.SameKeysAs(fresh.State).Should().BeTrue("a later --fresh-emulator wins");
        read.Consumers.Should().BeEmpty();
    }

    [Fact]
    public async Task Should_give_every_lprepl_started_at_once_the_same_keys()
    {
        // Each open takes the lock file as a process would (flock conflicts between open files, even in one process).
        var warnings = new System.Collections.Concurrent.ConcurrentBag<string>();
        var opens = Enumerable.Range(0, 8).Select(_ => Task.Run(() => EmulatorStateStore.Open(_dir, fresh: false, warnings.Add))).ToList();

        var stores = await Task.WhenAll(opens).WaitAsync(TimeSpan.FromSeconds(60));

        stores.Should().OnlyContain(s => s.State.SameKeysAs(stores[0].State));
        EmulatorStateFile.Read(StatePath)!.SameKeysAs(stores[0].State).Should().BeTrue();
        warnings.Should().BeEmpty();
    }
}
