using System.Collections.Concurrent;
using LpRepl.Terminal;

namespace LpRepl.Tests.Terminal;

/// <summary>Typed lines come from one long-lived thread, one line per ask, none lost to a read given up on.</summary>
public sealed class ConsoleLineReaderTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    // The keyboard: each line typed is one Console.ReadLine's answer; null is Ctrl-D at an empty line.
    private readonly BlockingCollection<string?> _typed = new();
    private readonly ConcurrentQueue<int> _readers = new();
    private int _reads;

    public void Dispose() => _typed.Dispose();

    private ConsoleLineReader Reader() => new(() =>
    {
        Interlocked.Increment(ref _reads);
        _readers.Enqueue(Environment.CurrentManagedThreadId);
        return _typed.Take();
    });

    [Fact]
    public async Task Should_read_every_line_on_the_same_thread()
    {
        var reader = Reader();
        var lines = new List<string?>();
        for (var i = 0; i < 50; i++)
        {
            var next = reader.ReadLineAsync(CancellationToken.None);
            _typed.Add($"line {i}");
            lines.Add(await next.WaitAsync(Timeout));
        }

        lines.Should().Equal(Enumerable.Range(0, 50).Select(i => $"line {i}"));
        _readers.Distinct().Should().ContainSingle("one thread reads every line");
    }

    [Fact]
    public async Task Should_give_the_line_of_a_read_given_up_on_to_the_next_read()
    {
        var reader = Reader();
        using var interrupt = new CancellationTokenSource();
        var first = reader.ReadLineAsync(interrupt.Token);
        interrupt.Cancel();
        await FluentActions.Awaiting(() => first.WaitAsync(Timeout)).Should().ThrowAsync<OperationCanceledException>();

        var second = reader.ReadLineAsync(CancellationToken.None);
        _typed.Add("typed after Ctrl-C");

        (await second.WaitAsync(Timeout)).Should().Be("typed after Ctrl-C");
        _reads.Should().Be(1, "the second read waited for the line already asked for instead of asking for another");
    }

    [Fact]
    public async Task Should_ask_for_a_line_only_when_one_is_wanted()
    {
        var reader = Reader();
        var first = reader.ReadLineAsync(CancellationToken.None);
        _typed.Add("one");
        (await first.WaitAsync(Timeout)).Should().Be("one");
        _typed.Add("for the program the line runs");

        // Nothing more was asked for: the next line typed is still there for someone else to read.
        await Task.Yield();
        _typed.Should().ContainSingle().Which.Should().Be("for the program the line runs");
        _reads.Should().Be(1);
    }

    [Fact]
    public async Task Should_give_null_at_the_end_of_input_and_on_every_read_after()
    {
        var reader = Reader();
        var read = reader.ReadLineAsync(CancellationToken.None);
        _typed.Add(null);

        (await read.WaitAsync(Timeout)).Should().BeNull();
        (await reader.ReadLineAsync(CancellationToken.None).WaitAsync(Timeout)).Should().BeNull();
        (await reader.ReadLineAsync(CancellationToken.None).WaitAsync(Timeout)).Should().BeNull();
        _reads.Should().Be(1);
    }
}
