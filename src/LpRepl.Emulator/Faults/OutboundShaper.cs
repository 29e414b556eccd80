using System.Threading.Channels;
using LpRepl.Emulator.Messaging;

namespace LpRepl.Emulator.Faults;

/// <summary>
/// One connection's send loop under the injector's outbound faults. Delay: each item (the close
/// frame too) leaves no earlier than the delay after it was queued, in order. Reorder: a frame is
/// held until the next one is queued, which is sent first; a held frame goes alone before a close
/// frame, when reorder or the delay changes, or after <see cref="FaultInjector.ReorderWindow"/>.
/// </summary>
internal sealed class OutboundShaper(FaultInjector faults, Func<Outbound, CancellationToken, Task<bool>> send)
{
    private Task<bool>? _waiting;
    private Outbound? _held;

    /// <summary>Sends what <paramref name="reader"/> yields until it completes or a close frame is sent.</summary>
    public async Task RunAsync(ChannelReader<Outbound> reader, CancellationToken ct)
    {
        try
        {
            await LoopAsync(reader, ct);
        }
        finally
        {
            // A frame still held when the connection ends is never sent; it no longer counts as held.
            Take();
        }
    }

    private async Task LoopAsync(ChannelReader<Outbound> reader, CancellationToken ct)
    {
        while (true)
        {
            if (!reader.TryRead(out var item))
            {
                var more = _held is null ? await WaitAsync(reader, ct) : await WaitForPairAsync(reader, ct);
                if (more)
                {
                    continue;
                }

                // Nothing came to swap with (or nothing more will): the held frame goes alone.
                if (Take() is { } alone)
                {
                    if (!await SendAsync(alone, ct))
                    {
                        return;
                    }

                    continue;
                }

                return;
            }

            if (Take() is { } first)
            {
                // The close frame stays last: what was held goes before it.
                var (a, b) = item.Close is null ? (item, first) : (first, item);
                if (!await SendAsync(a, ct) || !await SendAsync(b, ct))
                {
                    return;
                }

                continue;
            }

            if (item.Close is null && faults.Policy.Reorder)
            {
                _held = item;
                faults.NoteHolding(1);
                continue;
            }

            if (!await SendAsync(item, ct))
            {
                return;
            }
        }
    }

    private Outbound? Take()
    {
        var held = _held;
        if (held is not null)
        {
            _held = null;
            faults.NoteHolding(-1);
        }

        return held;
    }

    // True when an item is ready; false when the channel completed.
    private async Task<bool> WaitAsync(ChannelReader<Outbound> reader, CancellationToken ct)
    {
        _waiting ??= reader.WaitToReadAsync(ct).AsTask();
        var more = await _waiting;
        _waiting = null;
        return more;
    }

    // True when an item is ready; false when the window passed, the faults changed or the channel completed.
    private async Task<bool> WaitForPairAsync(ChannelReader<Outbound> reader, CancellationToken ct)
    {
        _waiting ??= reader.WaitToReadAsync(ct).AsTask();
        var changed = faults.Changed;
        using var window = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var elapsed = Task.Delay(FaultInjector.ReorderWindow, faults.Time, window.Token);
        var first = await Task.WhenAny(_waiting, elapsed, changed);
        await window.CancelAsync();
        ct.ThrowIfCancellationRequested();
        if (first != _waiting)
        {
            return false;
        }

        var more = await _waiting;
        _waiting = null;
        return more;
    }

    private async Task<bool> SendAsync(Outbound item, CancellationToken ct)
    {
        while (faults.Policy.Delay - faults.Time.GetElapsedTime(item.Queued) is { Ticks: > 0 } remaining)
        {
            var changed = faults.Changed;
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
            // The timer exists before the frame counts as delayed, so whoever sees the count can move the clock.
            var due = Task.Delay(remaining, faults.Time, timer.Token);
            faults.NoteDelayed(1);
            try
            {
                await Task.WhenAny(due, changed);
            }
            finally
            {
                faults.NoteDelayed(-1);
                await timer.CancelAsync();
            }

            ct.ThrowIfCancellationRequested();
        }

        return await send(item, ct);
    }
}
