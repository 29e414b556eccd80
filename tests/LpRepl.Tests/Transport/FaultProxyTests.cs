using System.Net;
using System.Net.Sockets;
using LpRepl.Testing;

namespace LpRepl.Tests.Transport;

/// <summary>The test proxy itself, against a loopback echo server owned by the test.</summary>
public sealed class FaultProxyTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private readonly TcpListener _echo = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private Task _echoing = Task.CompletedTask;

    public Task InitializeAsync()
    {
        _echo.Start();
        _echoing = EchoAsync();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        _echo.Stop();
        await _echoing.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    [Fact]
    public async Task Should_forward_hold_while_frozen_and_reset_like_a_network_failure()
    {
        // Given a connection through the proxy
        await using var proxy = new FaultProxy("127.0.0.1", ((IPEndPoint)_echo.LocalEndpoint).Port);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, proxy.Port);
        var stream = client.GetStream();
        using var deadline = new CancellationTokenSource(Bound);
        (await RoundTripAsync(stream, 1, deadline.Token)).Should().Be(1);

        // When frozen, a byte is held; on thaw it goes through
        proxy.Freeze();
        await stream.WriteAsync(new byte[] { 2 }, deadline.Token);
        proxy.Thaw();
        var buffer = new byte[1];
        await stream.ReadExactlyAsync(buffer, deadline.Token);
        buffer[0].Should().Be(2);

        // When reset, the client's socket fails with a reset, not an orderly end
        proxy.ResetAll();
        var read = async () =>
        {
            while (await stream.ReadAsync(buffer, deadline.Token) > 0)
            {
            }
        };
        (await read.Should().ThrowAsync<IOException>()).WithInnerException<SocketException>()
            .Which.SocketErrorCode.Should().Be(SocketError.ConnectionReset);
        proxy.Accepted.Should().Be(1);
        proxy.Live.Should().Be(0);

        // And it keeps accepting after a reset
        using var again = new TcpClient();
        await again.ConnectAsync(IPAddress.Loopback, proxy.Port);
        (await RoundTripAsync(again.GetStream(), 3, deadline.Token)).Should().Be(3);
        proxy.Accepted.Should().Be(2);
    }

    private static async Task<byte> RoundTripAsync(NetworkStream stream, byte value, CancellationToken ct)
    {
        await stream.WriteAsync(new[] { value }, ct);
        var buffer = new byte[1];
        await stream.ReadExactlyAsync(buffer, ct);
        return buffer[0];
    }

    private async Task EchoAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _echo.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(async () =>
            {
                using (socket)
                {
                    try
                    {
                        await socket.GetStream().CopyToAsync(socket.GetStream(), _stop.Token);
                    }
                    catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
                    {
                        // The proxy reset it.
                    }
                }
            });
        }
    }
}
