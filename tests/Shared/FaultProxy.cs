using System.Net;
using System.Net.Sockets;

namespace LpRepl.Testing;

/// <summary>
/// A plain TCP forwarder on loopback to one target, that fails like a network: <see cref="ResetAll"/>
/// ends each live connection with a TCP reset (no close handshake, indistinguishable from a broken
/// link), <see cref="Freeze"/> stops forwarding both ways with the sockets left open, as a dead
/// route does, and <see cref="Thaw"/> resumes. New connections made while frozen are held frozen too.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<FaultProxyConnection> _pairs = [];
    private readonly List<Task> _tasks = [];
    private readonly Task _accepting;
    private TaskCompletionSource _thawed = NewThawed(open: true);
    private int _accepted;

    public FaultProxy(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        _listener.Start();
        _accepting = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connections accepted so far.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Connections being forwarded now.</summary>
    public int Live
    {
        get
        {
            lock (_gate)
            {
                return _pairs.Count;
            }
        }
    }

    /// <summary>Closes every live connection, both sides, with a TCP reset.</summary>
    public void ResetAll()
    {
        List<FaultProxyConnection> pairs;
        lock (_gate)
        {
            pairs = [.. _pairs];
            _pairs.Clear();
        }
        pairs.ForEach(p => p.Reset());
    }

    /// <summary>Stops forwarding both ways; the sockets stay open and nothing is closed.</summary>
    public void Freeze()
    {
        lock (_gate)
        {
            if (_thawed.Task.IsCompleted)
            {
                _thawed = NewThawed(open: false);
            }
        }
    }

    /// <summary>Forwards again, bytes held meanwhile included.</summary>
    public void Thaw()
    {
        lock (_gate)
        {
            _thawed.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Thaw();
        ResetAll();
        Task[] tasks;
        lock (_gate)
        {
            tasks = [_accepting, .. _tasks];
        }
        try
        {
            await Task.WhenAll(tasks);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
        {
            // Stopped.
        }
        _stop.Dispose();
    }

    private static TaskCompletionSource NewThawed(bool open)
    {
        var thawed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (open)
        {
            thawed.SetResult();
        }
        return thawed;
    }

    private Task WhenThawed()
    {
        lock (_gate)
        {
            return _thawed.Task;
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            Interlocked.Increment(ref _accepted);
            var task = Task.Run(() => ForwardAsync(client));
            lock (_gate)
            {
                _tasks.RemoveAll(t => t.IsCompleted);
                _tasks.Add(task);
            }
        }
    }

    private async Task ForwardAsync(Socket client)
    {
        var upstream = new Socket(SocketType.Stream, ProtocolType.Tcp);
        var pair = new FaultProxyConnection(client, upstream);
        try
        {
            await upstream.ConnectAsync(_targetHost, _targetPort, _stop.Token);
            lock (_gate)
            {
                _pairs.Add(pair);
            }
            var up = PumpAsync(client, upstream);
            var down = PumpAsync(upstream, client);
            // After a close (FIN) one way, the other way may still carry the answering close; after a failure, both end.
            var first = await Task.WhenAny(up, down);
            if (await first)
            {
                await (first == up ? down : up);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Target unreachable or proxy stopping: the client sees a reset.
        }
        lock (_gate)
        {
            _pairs.Remove(pair);
        }
        pair.Reset();
    }

    /// <summary>True when <paramref name="from"/> closed in order, false when it failed.</summary>
    private async Task<bool> PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                await WhenThawed().WaitAsync(_stop.Token);
                var n = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (n == 0)
                {
                    // An orderly close passes on as one (FIN), not as a reset.
                    to.Shutdown(SocketShutdown.Send);
                    return true;
                }
                // Bytes read just before a freeze are held until the thaw, so frozen means nothing passes.
                await WhenThawed().WaitAsync(_stop.Token);
                await SendAllAsync(to, buffer.AsMemory(0, n));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // One side failed or was reset: the pair ends.
        }
        return false;
    }

    private async Task SendAllAsync(Socket to, ReadOnlyMemory<byte> data)
    {
        while (!data.IsEmpty)
        {
            var sent = await to.SendAsync(data, SocketFlags.None, _stop.Token);
            data = data[sent..];
        }
    }
}
