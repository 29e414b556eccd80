using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging;

/// <summary>
/// A request's top-level <c>metadata</c> (infra/req.json: an array of metadata objects), such as the
/// PCS tutorial's <c>Answer</c> item on an ACTION receipt. It is kept with the published event and
/// shown in its notification.
/// </summary>
internal static class RequestMetadata
{
    /// <summary>The metadata as an array (a single object is taken as a one-element array), null when absent; the protocol model has checked its shape.</summary>
    public static JArray? Read(JObject request) => request["metadata"] switch
    {
        JArray array => (JArray)array.DeepClone(),
        JObject single => new JArray(single.DeepClone()),
        _ => null,
    };
}
