using System.Text;

namespace LpRepl.IO;

/// <summary>
/// The lines of a stream, read block by block so that a line's length is capped while it is read:
/// <c>/dev/zero</c>, which never sends a newline, ends in an error at the cap instead of filling
/// memory. A line ends at <c>\n</c> (a <c>\r</c> before it is dropped, as docker and sh do not
/// see it either); a UTF-8 byte order mark at the start is dropped. Reads can be cancelled even
/// on a pipe whose read blocks.
/// </summary>
public sealed class BoundedLineReader(Stream stream, string sourceName, int maxLineBytes, string hint = "") : IDisposable
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];
    private readonly byte[] _block = new byte[64 * 1024];
    private readonly MemoryStream _line = new();
    private int _start;
    private int _end;
    private bool _ended;
    private Task<int>? _pending;

    /// <summary>Lines returned so far.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Bytes taken from the stream so far (at most one block ahead of the lines returned).</summary>
    public long BytesRead { get; private set; }

    /// <summary>The next line without its newline, or null at the end of the stream.</summary>
    /// <exception cref="InputTooLargeException">The line is longer than the cap.</exception>
    public async Task<string?> ReadLineAsync(CancellationToken ct)
    {
        _line.SetLength(0);
        while (true)
        {
            var newline = Array.IndexOf(_block, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                Take(newline - _start);
                _start++;
                return Finish();
            }
            Take(_end - _start);
            if (_ended)
            {
                return _line.Length == 0 ? null : Finish();
            }
            ct.ThrowIfCancellationRequested();
            // A read cut short by Ctrl-C is picked up by the next call, not started twice.
            _pending ??= stream.ReadAsync(_block, 0, _block.Length, CancellationToken.None);
            var count = await _pending.WaitAsync(ct);
            _pending = null;
            _start = 0;
            _end = count;
            _ended = count == 0;
            BytesRead += count;
        }
    }

    public void Dispose()
    {
        stream.Dispose();
        _line.Dispose();
    }

    private void Take(int count)
    {
        if (_line.Length + count > maxLineBytes)
        {
            throw new InputTooLargeException($"{sourceName}:{LineNumber + 1}: line longer than {InputLimits.Describe(maxLineBytes)}{hint}");
        }
        _line.Write(_block, _start, count);
        _start += count;
    }

    private string Finish()
    {
        LineNumber++;
        var bytes = _line.GetBuffer().AsSpan(0, (int)_line.Length);
        if (LineNumber == 1 && bytes.StartsWith(Bom))
        {
            bytes = bytes[Bom.Length..];
        }
        if (bytes.Length > 0 && bytes[^1] == '\r')
        {
            bytes = bytes[..^1];
        }
        return Encoding.UTF8.GetString(bytes);
    }
}
