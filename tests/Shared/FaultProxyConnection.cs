using System.Net.Sockets;

namespace LpRepl.Testing;

/// <summary>One forwarded connection of a <see cref="FaultProxy"/>: the client's socket and the one to the target.</summary>
internal sealed class FaultProxyConnection(Socket client, Socket upstream)
{
    private int _reset;

    /// <summary>Closes both sockets with RST (linger on, zero timeout), once.</summary>
    public void Reset()
    {
        if (Interlocked.Exchange(ref _reset, 1) == 1)
        {
            return;
        }
        foreach (var socket in new[] { client, upstream })
        {
            try
            {
                socket.LingerState = new LingerOption(true, 0);
                socket.Close();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // Already gone.
            }
        }
    }
}
