using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests.Conformance.Support;

/// <summary>Sends documented frames as they are written and waits for what answers them.</summary>
public static class DocumentedRequests
{
    /// <summary>Sends the frame's text unchanged and returns the response whose <c>reqId</c> is the frame's <c>id</c>.</summary>
    public static async Task<JObject> SendDocumentedAsync(this ConsumerClient client, DocumentedFrame frame, TimeSpan? timeout = null)
    {
        var id = (string?)JObject.Parse(frame.Text)["id"]
            ?? throw new ArgumentException($"{frame.Source}: the documented frame has no id to match its response by", nameof(frame));
        await client.SendAsync(frame.Text);
        return await client.NextAsync(f => (string?)f["kind"] == "resp" && (string?)f["reqId"] == id, timeout);
    }
}
