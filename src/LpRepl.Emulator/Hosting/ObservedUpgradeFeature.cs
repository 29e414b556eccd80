using LpRepl.Emulator.Faults;
using Microsoft.AspNetCore.Http.Features;

namespace LpRepl.Emulator.Hosting;

/// <summary>
/// Hands the WebSocket layer the upgraded stream wrapped in an <see cref="ActivityStream"/> over a
/// <see cref="FaultStream"/>: activity counts only bytes a freeze let through.
/// </summary>
internal sealed class ObservedUpgradeFeature(IHttpUpgradeFeature inner, ConnectionActivity activity, FreezeGate gate) : IHttpUpgradeFeature
{
    public bool IsUpgradableRequest => inner.IsUpgradableRequest;

    public async Task<Stream> UpgradeAsync() => new ActivityStream(new FaultStream(await inner.UpgradeAsync(), gate), activity);
}
