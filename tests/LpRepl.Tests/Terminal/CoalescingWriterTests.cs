using System.Text;
using LpRepl.Terminal;
using Microsoft.Extensions.Time.Testing;

namespace LpRepl.Tests.Terminal;

/// <summary>Standard output to a file or pipe: writes gathered into one, out a few milliseconds after the first.</summary>
public sealed class CoalescingWriterTests
{
    // A stream that counts the writes that reach it, as the system calls would be counted.
    private sealed class CountingStream : MemoryStream
    {
        public int Writes { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Writes++;
            base.Write(buffer, offset, count);
        }

        // One write, whichever overload the writer takes (a derived MemoryStream's span write calls the array one).
        public override void Write(ReadOnlySpan<byte> buffer) => Write(buffer.ToArray(), 0, buffer.Length);

        public string Text => Encoding.UTF8.GetString(ToArray());
    }

    [Fact]
    public void Should_write_a_burst_of_frames_out_in_one_write_once_the_delay_has_passed()
    {
        var time = new FakeTimeProvider();
        var stream = new CountingStream();
        using var writer = new CoalescingWriter(stream, time);

        for (var i = 0; i < 1000; i++)
        {
            writer.Write($"{{\"n\":{i}}}\n");
        }

        stream.Writes.Should().Be(0, "nothing goes out before the delay");
        time.Advance(CoalescingWriter.Delay);
        stream.Writes.Should().Be(1);
        stream.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(1000).And.StartWith("{\"n\":0}").And.EndWith("{\"n\":999}");
    }

    [Fact]
    public void Should_write_a_later_frame_out_after_its_own_delay()
    {
        var time = new FakeTimeProvider();
        var stream = new CountingStream();
        using var writer = new CoalescingWriter(stream, time);

        writer.Write("one\n");
        time.Advance(CoalescingWriter.Delay);
        writer.Write("two\n");
        stream.Text.Should().Be("one\n");
        time.Advance(CoalescingWriter.Delay);

        stream.Text.Should().Be("one\ntwo\n");
    }

    [Fact]
    public void Should_write_out_what_waits_when_flushed_or_disposed()
    {
        var time = new FakeTimeProvider();
        var stream = new CountingStream();
        var writer = new CoalescingWriter(stream, time);

        writer.Write("before an error\n");
        writer.Flush();
        stream.Text.Should().Be("before an error\n");
        writer.Write("last\n");
        writer.Dispose();

        stream.Text.Should().Be("before an error\nlast\n");
    }
}
