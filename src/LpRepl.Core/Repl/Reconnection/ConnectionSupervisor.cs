using System.Globalization;
using System.Threading.Channels;
using LpRepl.Transport;

namespace LpRepl.Repl.Reconnection;

/// <summary>
/// Recovers the session's socket after an unexpected close or a network failure: the drop is said
/// once, then attempts follow with backoff (on the session's <see cref="TimeProvider"/>) until one
/// opens, the user connects or disconnects, or <see cref="ReconnectPolicy.GiveUpAfter"/> passes.
/// 4401/4407 (and an HTTP 401 at a reconnect's upgrade) renew the identity first where that keeps the
/// consumer, and end the link with advice where it cannot. Drops are handled one at a time, in order:
/// each is the end of one socket, so a drop while the last one was being restored starts another round.
/// </summary>
public sealed class ConnectionSupervisor : IAsyncDisposable
{
    private readonly ReplSession _session;
    private readonly ReconnectPolicy _policy;
    private readonly Backoff _backoff;
    private readonly TimeProvider _time;
    private readonly Channel<Disconnection> _drops = Channel.CreateUnbounded<Disconnection>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private readonly Task _pump;
    private readonly CancellationTokenSource _disposed = new();
    private CancellationTokenSource? _round;
    private Task _roundDone = Task.CompletedTask;
    private TaskCompletionSource _settled = Settled();
    private long _generation;

    public ConnectionSupervisor(ReplSession session, ReconnectPolicy policy, TimeProvider time, Func<double>? random = null)
    {
        _session = session;
        _policy = policy;
        _time = time;
        _backoff = new Backoff(policy, random);
        _pump = Task.Run(PumpAsync);
    }

    public ReconnectPolicy Policy => _policy;

    public LinkState State { get; private set; }

    /// <summary>The attempt being waited for or made, while reconnecting.</summary>
    public int Attempt { get; private set; }

    /// <summary>When the next attempt starts, while waiting for it.</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    /// <summary>Why the last attempt failed, while reconnecting.</summary>
    public string? LastError { get; private set; }

    /// <summary>How many times this session's socket was restored after a drop.</summary>
    public int Reconnects { get; private set; }

    /// <summary>Raised (on a pool thread) whenever <see cref="State"/> changes, so a prompt can be redrawn.</summary>
    public event Action<LinkState>? StateChanged;

    /// <summary>The user (or a script) opened the socket: a drop from now on is recovered.</summary>
    public void Opened() => SetState(LinkState.Connected);

    /// <summary>A socket of this session ended; called on the transport's receive loop, so it only queues.</summary>
    public void Dropped(Disconnection end)
    {
        if (end.Reason != DisconnectReason.ByUser)
        {
            // Reconnecting from this moment, so a frame typed before the round starts takes the reconnecting path.
            if (_policy.Enabled || end.CloseCode is 4401 or 4407)
            {
                SetState(LinkState.Reconnecting);
            }
            _drops.Writer.TryWrite(end);
        }
    }

    /// <summary>Stops any reconnecting (before the user connects or disconnects) and forgets drops not yet handled.</summary>
    public async Task StopAsync()
    {
        CancellationTokenSource? round;
        Task done;
        lock (_gate)
        {
            _generation++;
            round = _round;
            done = _roundDone;
        }
        if (round is not null)
        {
            await round.CancelAsync();
        }
        // The round must be over before the caller touches the socket: two connects at once would race.
        await done;
        while (_drops.Reader.TryRead(out _))
        {
            // Each was the end of a socket the user is replacing now.
        }
        SetState(LinkState.Offline);
        NextAttemptAt = null;
        LastError = null;
    }

    /// <summary>A one-line account of the state, for <c>status</c>.</summary>
    public string Describe()
    {
        if (State != LinkState.Reconnecting)
        {
            return _policy.Enabled ? "reconnect: on" : "reconnect: off (--no-reconnect)";
        }
        var next = NextAttemptAt is { } at ? $"next attempt ({Attempt}) in {Seconds(at - _time.GetUtcNow())}"
            : Attempt == 0 ? "the first attempt starts now" : $"attempt {Attempt} under way";
        var why = LastError is null ? "" : $"; last attempt failed: {LastError}";
        return $"reconnecting: {next}{why}";
    }

    public async ValueTask DisposeAsync()
    {
        _drops.Writer.TryComplete();
        await _disposed.CancelAsync();
        await StopAsync();
        try
        {
            await _pump;
        }
        catch (OperationCanceledException)
        {
            // Disposed while a round ran.
        }
        _disposed.Dispose();
    }

    private async Task PumpAsync()
    {
        await foreach (var end in _drops.Reader.ReadAllAsync(_disposed.Token))
        {
            CancellationTokenSource round;
            long generation;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                round = CancellationTokenSource.CreateLinkedTokenSource(_disposed.Token);
                _round = round;
                _roundDone = done.Task;
                generation = _generation;
            }
            try
            {
                await RecoverAsync(end, generation, round.Token);
            }
            catch (OperationCanceledException) when (round.IsCancellationRequested)
            {
                // The user connected, disconnected or left: their action decides the state.
            }
            catch (Exception e)
            {
                // A bug here must not end the process; the session goes offline and says why.
                _session.Log.Error(e, "Reconnecting failed");
                GoOffline(generation, new LinkEnd($"reconnecting failed: {e.Message}", ExitCodes.ConnectionFailed));
            }
            finally
            {
                lock (_gate)
                {
                    _round = null;
                }
                round.Dispose();
                done.TrySetResult();
            }
        }
    }

    private async Task RecoverAsync(Disconnection end, long generation, CancellationToken ct)
    {
        var auth = end.CloseCode is { } closed && Commands.AuthRefusal.IsAuthRefusal(closed) ? end.CloseCode : null;
        if (!_policy.Enabled && auth is null)
        {
            GoOffline(generation, new LinkEnd($"{end} (--no-reconnect)", ExitCodes.ConnectionFailed));
            return;
        }
        SetState(LinkState.Reconnecting);
        var started = _time.GetUtcNow();
        Attempt = 0;
        LastError = null;
        var renewed = false;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (auth is { } code)
            {
                if (renewed)
                {
                    // Renewed once already in this round and refused again: renewing more will not help.
                    GoOffline(generation, new LinkEnd($"the server refused the renewed token too (close code {code}): check the identity, then 'connect'", ExitCodes.Unauthorized));
                    return;
                }
                var renewal = await _session.RenewIdentityAsync(code, ct);
                if (!renewal.Renewed)
                {
                    _session.Output.Error(renewal.Message);
                    GoOffline(generation, new LinkEnd(renewal.Message, ExitCodes.Unauthorized));
                    return;
                }
                _session.Output.Info(renewal.Message);
                renewed = true;
                auth = null;
            }
            else
            {
                Attempt++;
                var delay = _backoff.Delay(Attempt);
                if (_time.GetUtcNow() - started + delay > _policy.GiveUpAfter)
                {
                    var gaveUp = $"gave up reconnecting after {Seconds(_time.GetUtcNow() - started)} and {Attempt - 1} attempt(s){(LastError is null ? "" : $" (last: {LastError})")}: 'connect' tries again";
                    _session.Output.Error(gaveUp);
                    GoOffline(generation, new LinkEnd(gaveUp, ExitCodes.ConnectionFailed));
                    return;
                }
                NextAttemptAt = _time.GetUtcNow() + delay;
                await Task.Delay(delay, _time, ct);
                NextAttemptAt = null;
            }
            try
            {
                await _session.ReopenAsync(ct);
            }
            catch (ConnectFailedException e) when (e.StatusCode is 401 or 403 || e.CloseCode is 4401 or 4407)
            {
                // The token was refused: at the upgrade (HTTP 401), or by a close before the socket was shown to be
                // authenticated (4401/4407, as documented). Renewing may help; retrying the same token cannot.
                LastError = e.Message;
                _session.Output.Info($"reconnect attempt {Attempt} refused: {e.Message}");
                auth = e.CloseCode ?? Commands.AuthRefusal.HttpUnauthorized;
                continue;
            }
            catch (ConnectFailedException e) when (e.Permanent)
            {
                _session.Output.Error($"reconnecting stopped: {e.Message}");
                GoOffline(generation, new LinkEnd(e.Message, ExitCodes.ConnectionFailed));
                return;
            }
            catch (ConnectFailedException e)
            {
                if (LastError != e.Message)
                {
                    _session.Output.Info($"reconnect attempt {Attempt} failed: {e.Message}; trying again");
                }
                LastError = e.Message;
                continue;
            }
            var restored = await _session.RestoreAsync(ct);
            if (restored is { } problem)
            {
                // The socket opened but the session could not be restored on it (InitConnection refused, or it dropped again).
                LastError = problem;
                if (!_session.Transport.IsOpen)
                {
                    // Its drop is queued and starts the next round.
                    return;
                }
                _session.Output.Error($"reconnected, but {problem}");
                SetState(LinkState.Connected);
                return;
            }
            Reconnects++;
            SetState(LinkState.Connected);
            LastError = null;
            return;
        }
    }

    private void GoOffline(long generation, LinkEnd end)
    {
        lock (_gate)
        {
            if (generation != _generation)
            {
                return;
            }
        }
        NextAttemptAt = null;
        // The end first: whoever waits for the state to settle then reads why.
        _session.EndLink(end);
        SetState(LinkState.Offline);
    }

    /// <summary>Returns once the socket is back or down for good, or at <paramref name="bound"/>; at once when not reconnecting.</summary>
    public async Task WhenSettledAsync(TimeSpan bound, CancellationToken ct)
    {
        var settled = Volatile.Read(ref _settled).Task;
        if (State != LinkState.Reconnecting)
        {
            return;
        }
        try
        {
            await settled.WaitAsync(bound, ct);
        }
        catch (TimeoutException)
        {
            // The caller says what it means that the socket is still down.
        }
    }

    private void SetState(LinkState state)
    {
        if (State == state)
        {
            return;
        }
        State = state;
        if (state == LinkState.Reconnecting)
        {
            Volatile.Write(ref _settled, Settled());
        }
        else
        {
            Volatile.Read(ref _settled).TrySetResult();
        }
        StateChanged?.Invoke(state);
    }

    private static TaskCompletionSource Settled() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static string Seconds(TimeSpan span) =>
        Math.Max(0, span.TotalSeconds).ToString(span.TotalSeconds < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " s";
}
