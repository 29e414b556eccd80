using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LpRepl.EndToEnd.Tests.Support;

/// <summary>
/// A real HTTP CONNECT proxy on loopback, as a corporate proxy is to curl: it opens a tunnel to the
/// requested host and copies bytes both ways (TLS passes through untouched), noting each target.
/// </summary>
public sealed class ConnectProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<string> _targets = new();
    private readonly Task _accepting;
    private readonly Task _open;

    /// <param name="openAt">Until it completes, each tunnel waits before it answers (a slow link to the proxy's targets).</param>
    public ConnectProxy(Task? openAt = null)
    {
        _open = openAt ?? Task.CompletedTask;
        _listener.Start();
        _accepting = AcceptLoopAsync();
    }

    /// <summary>http://127.0.0.1:PORT</summary>
    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>Every "host:port" a client asked to CONNECT to, in order.</summary>
    public IReadOnlyList<string> Targets => [.. _targets];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => TunnelAsync(client));
        }
    }

    private async Task TunnelAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = await ReadHeadAsync(stream);
                var parts = head.Split("\r\n")[0].Split(' ');
                if (parts is not ["CONNECT", var target, _])
                {
                    await stream.WriteAsync("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n"u8.ToArray());
                    return;
                }
                _targets.Enqueue(target);
                await _open.WaitAsync(_stop.Token);
                var colon = target.LastIndexOf(':');
                using var upstream = new TcpClient();
                await upstream.ConnectAsync(target[..colon].Trim('[', ']'), int.Parse(target[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture), _stop.Token);
                await stream.WriteAsync("HTTP/1.1 200 Connection established\r\n\r\n"u8.ToArray(), _stop.Token);
                var remote = upstream.GetStream();
                await Task.WhenAny(stream.CopyToAsync(remote, _stop.Token), remote.CopyToAsync(stream, _stop.Token));
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
                // A tunnel ends when either side closes.
            }
        }
    }

    // Byte by byte up to the blank line, so no byte of the TLS handshake after it is swallowed.
    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && head.Length < 8192)
        {
            if (await stream.ReadAsync(one) == 0)
            {
                break;
            }
            head.Append((char)one[0]);
        }
        return head.ToString();
    }
}
