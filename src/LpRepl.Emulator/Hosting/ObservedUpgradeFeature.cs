using Microsoft.AspNetCore.Http.Features;

namespace LpRepl.Emulator.Hosting;

/// <summary>Hands the WebSocket layer the upgraded stream wrapped in an <see cref="ActivityStream"/>.</summary>
internal sealed class ObservedUpgradeFeature(IHttpUpgradeFeature inner, ConnectionActivity activity) : IHttpUpgradeFeature
{
    public bool IsUpgradableRequest => inner.IsUpgradableRequest;

    public async Task<Stream> UpgradeAsync() => new ActivityStream(await inner.UpgradeAsync(), activity);
}
