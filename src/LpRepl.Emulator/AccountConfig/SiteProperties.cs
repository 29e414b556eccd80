using System.Collections.Concurrent;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.AccountConfig;

/// <summary>Account site settings (e.g. messaging.file.sharing.enabled) as last PUT, per account and property id.</summary>
internal sealed class SiteProperties
{
    private readonly ConcurrentDictionary<(string Account, string Id), JObject> _properties = new();

    // Copies in and out: a caller never shares a stored object with a response being written.
    public void Put(string account, string id, JObject property) => _properties[(account, id)] = (JObject)property.DeepClone();

    public JObject? Get(string account, string id) =>
        _properties.TryGetValue((account, id), out var property) ? (JObject)property.DeepClone() : null;
}
