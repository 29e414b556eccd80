using System.Globalization;
using System.Net.WebSockets;
using System.Text;

namespace LpRepl.Emulator.Faults;

/// <summary>
/// Faults on the emulator's consumer sockets, so a client or a script can be tried against drops,
/// frozen links, late or reordered frames and server closes. Drop, freeze, thaw and close act on
/// the sockets open at the call; delay and reorder act on every socket, later ones too, until
/// turned off. Thread-safe; every call says how many sockets it acted on.
/// </summary>
public sealed class FaultInjector
{
    /// <summary>The longest <see cref="Delay"/> accepted.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(10);

    /// <summary>How long reorder holds a frame for a next one to swap with before sending it alone.</summary>
    public static readonly TimeSpan ReorderWindow = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private readonly HashSet<FaultTarget> _open = [];
    private OutboundPolicy _policy = OutboundPolicy.None;
    private TaskCompletionSource _changed = NewSignal();
    private int _delayed;
    private int _holding;

    internal FaultInjector(TimeProvider time) => Time = time;

    /// <summary>The emulator's clock, which delays and the reorder window run on.</summary>
    internal TimeProvider Time { get; }

    internal OutboundPolicy Policy => Volatile.Read(ref _policy);

    /// <summary>Completes at the next change of <see cref="Policy"/>, so a held frame looks again.</summary>
    internal Task Changed => Volatile.Read(ref _changed).Task;

    /// <summary>Outbound frames waiting out a delay now.</summary>
    internal int Delayed => Volatile.Read(ref _delayed);

    /// <summary>Outbound frames held by reorder for a next one now.</summary>
    internal int Holding => Volatile.Read(ref _holding);

    /// <summary>Outbound items queued and not yet sent (delayed ones included), over all sockets.</summary>
    internal int Queued
    {
        get
        {
            lock (_lock)
            {
                return _open.Sum(t => t.Queued);
            }
        }
    }

    /// <summary>Open sockets whose close frame is queued (nothing more is queued for them).</summary>
    internal int Closing
    {
        get
        {
            lock (_lock)
            {
                return _open.Count(t => t.IsClosing);
            }
        }
    }

    /// <summary>Reads and writes held by a freeze now, over all sockets.</summary>
    internal int Held
    {
        get
        {
            lock (_lock)
            {
                return _open.Sum(t => t.Held);
            }
        }
    }

    public FaultStatus Status
    {
        get
        {
            var policy = Policy;
            lock (_lock)
            {
                return new FaultStatus(_open.Count, _open.Count(t => t.IsFrozen), policy.Delay, policy.Reorder);
            }
        }
    }

    /// <summary>Aborts every open consumer socket: the TCP connection ends with no close frame.</summary>
    public FaultResult Drop()
    {
        var targets = Snapshot();
        foreach (var target in targets)
        {
            target.Drop();
        }

        return new("drop", targets.Length, $"dropped {Sockets(targets.Length)} (no close frame)");
    }

    /// <summary>Stops every open consumer socket reading and writing, pings included, until <see cref="Thaw"/>; sockets opened later are not frozen.</summary>
    public FaultResult Freeze()
    {
        var count = Snapshot().Count(t => t.Freeze());
        return new("freeze", count, $"froze {Sockets(count)} (nothing read or written, pings unanswered, until thaw)");
    }

    public FaultResult Thaw()
    {
        var count = Snapshot().Count(t => t.Thaw());
        return new("thaw", count, $"thawed {Sockets(count)}");
    }

    /// <summary>Why <paramref name="code"/> and <paramref name="reason"/> cannot be sent in a close frame, or null.</summary>
    public static string? CloseProblem(int code, string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (code is not ((>= 1000 and <= 1003) or (>= 1007 and <= 1014) or (>= 3000 and <= 4999)))
        {
            return $"close code {code.ToString(CultureInfo.InvariantCulture)} cannot be sent: use 1000-1003, 1007-1014 or 3000-4999 (e.g. 4401, 4407, 1011)";
        }

        var bytes = Encoding.UTF8.GetByteCount(reason);
        return bytes > 123 ? $"close reason is {bytes.ToString(CultureInfo.InvariantCulture)} bytes of UTF-8; a close frame holds at most 123" : null;
    }

    /// <summary>Closes every open consumer socket with this code and reason, after the frames already queued.</summary>
    /// <exception cref="ArgumentException">See <see cref="CloseProblem"/>.</exception>
    public FaultResult Close(int code, string reason)
    {
        if (CloseProblem(code, reason) is { } problem)
        {
            throw new ArgumentException(problem, nameof(code));
        }

        var count = Snapshot().Count(t => t.Close((WebSocketCloseStatus)code, reason));
        var text = code.ToString(CultureInfo.InvariantCulture);
        return new("close", count, $"closed {Sockets(count)} with {text}{(reason.Length > 0 ? " " + reason : "")}");
    }

    /// <summary>Holds every outbound frame this long after it was queued (order kept); zero turns it off.</summary>
    public FaultResult Delay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(delay, MaxDelay);
        var policy = Change(p => p with { Delay = delay });
        var ms = ((long)delay.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        var open = Status.OpenSockets;
        return new("delay", open, delay == TimeSpan.Zero
            ? $"delay off ({Sockets(open)} open){Also(policy)}"
            : $"delaying every outbound frame {ms} ms ({Sockets(open)} open, later ones too){Also(policy)}");
    }

    /// <summary>Swaps each pair of consecutive outbound frames (see docs/emulator.md), or stops.</summary>
    public FaultResult Reorder(bool on)
    {
        var policy = Change(p => p with { Reorder = on });
        var open = Status.OpenSockets;
        return new("reorder", open, on
            ? $"reordering: each pair of consecutive outbound frames is swapped ({Sockets(open)} open, later ones too){Also(policy)}"
            : $"reorder off ({Sockets(open)} open){Also(policy)}");
    }

    /// <summary>Everything off: thaws frozen sockets, no delay, no reorder.</summary>
    public FaultResult Reset()
    {
        var thawed = Snapshot().Count(t => t.Thaw());
        Change(_ => OutboundPolicy.None);
        return new("reset", thawed, $"faults off: thawed {Sockets(thawed)}, no delay, no reorder");
    }

    internal static string Sockets(int count) => count.ToString(CultureInfo.InvariantCulture) + (count == 1 ? " consumer socket" : " consumer sockets");

    /// <summary>Tracks an open consumer socket until <see cref="Unregister"/>.</summary>
    internal void Register(FaultTarget target)
    {
        lock (_lock)
        {
            _open.Add(target);
        }
    }

    internal void Unregister(FaultTarget target)
    {
        lock (_lock)
        {
            _open.Remove(target);
        }
    }

    internal void NoteDelayed(int change) => Interlocked.Add(ref _delayed, change);

    internal void NoteHolding(int change) => Interlocked.Add(ref _holding, change);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static string Also(OutboundPolicy policy) => (policy.Delay > TimeSpan.Zero, policy.Reorder) switch
    {
        (true, true) => $"; now delay {(long)policy.Delay.TotalMilliseconds} ms and reorder on",
        _ => "",
    };

    private OutboundPolicy Change(Func<OutboundPolicy, OutboundPolicy> change)
    {
        OutboundPolicy next;
        TaskCompletionSource changed;
        lock (_lock)
        {
            next = change(_policy);
            Volatile.Write(ref _policy, next);
            changed = _changed;
            Volatile.Write(ref _changed, NewSignal());
        }

        changed.TrySetResult();
        return next;
    }

    private FaultTarget[] Snapshot()
    {
        lock (_lock)
        {
            return [.. _open];
        }
    }
}
