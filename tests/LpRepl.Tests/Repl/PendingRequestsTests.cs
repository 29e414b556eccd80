using LpRepl.Repl;

namespace LpRepl.Tests.Repl;

/// <summary>What a script line waiting on its requests finds when the connection drops under them.</summary>
public sealed class PendingRequestsTests
{
    [Fact]
    public async Task Should_list_a_dropped_request_as_abandoned_by_the_time_its_waiter_wakes()
    {
        // A drop on the receiving thread wakes the waiting line on another: the line must never find the request
        // answered yet not abandoned (that was a false green, seen once in a fresh-clone run). Many rounds, as the
        // two threads meet at a different moment in each.
        var pending = new PendingRequests();
        for (var round = 0; round < 2000; round++)
        {
            var request = pending.Add($"r{round}", "ms.PublishEvent");
            pending.Sent(request).Should().BeFalse();
            var waiting = pending.WaitAllAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
            var drop = Task.Run(pending.AbandonAll);

            var unanswered = await waiting;
            var abandoned = pending.TakeAbandoned();
            await drop;

            unanswered.Should().BeEmpty();
            abandoned.Should().ContainSingle(r => r.Id == $"r{round}", $"round {round}: the waiter woke before the drop was noted");
        }
    }
}
