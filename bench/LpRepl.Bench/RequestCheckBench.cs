using System.Diagnostics;
using LpRepl.Protocol;
using Newtonsoft.Json.Linq;

namespace LpRepl.Bench;

/// <summary>
/// What the emulator's request validation costs per inbound request: <see cref="ProtocolModel.Check(JToken)"/>
/// on parsed frames of each kind a consumer sends, fitting and not (the findings' texts included),
/// after warm-up. <c>protocol requests</c>.
/// </summary>
public static class RequestCheckBench
{
    private static readonly (string Name, string Frame)[] Frames =
    [
        ("publish text", """{"kind":"req","id":3,"type":"ms.PublishEvent","body":{"dialogId":"c0ffee00-0000-4000-8000-000000000001","event":{"type":"ContentEvent","contentType":"text/plain","message":"hi there"}}}"""),
        ("receipt", """{"kind":"req","id":4,"type":"ms.PublishEvent","body":{"dialogId":"c0ffee00-0000-4000-8000-000000000001","event":{"type":"AcceptStatusEvent","status":"READ","sequenceList":[1,2,3]}}}"""),
        ("subscribe", """{"kind":"req","id":5,"type":"ms.SubscribeMessagingEvents","body":{"dialogId":"c0ffee00-0000-4000-8000-000000000001","fromSeq":0}}"""),
        ("csat", """{"kind":"req","id":6,"type":"cm.UpdateConversationField","body":{"conversationId":"c0ffee00-0000-4000-8000-000000000001","conversationField":[{"field":"CSATRate","csatRate":5,"csatResolutionConfirmation":true,"status":"FILLED"}]}}"""),
        ("keep-alive", """{"kind":"req","id":7,"type":"GetClock"}"""),
        ("misspelt (refused)", """{"kind":"req","id":8,"type":"ms.PublishEvent","body":{"dialogID":"c0ffee00-0000-4000-8000-000000000001","event":{"type":"ChatStateEvent","chatState":"TYPING"}}}"""),
    ];

    public static int Run()
    {
        var watch = Stopwatch.StartNew();
        var model = ProtocolModel.Default;
        Console.WriteLine($"protocol model ready in {watch.Elapsed.TotalMilliseconds:F1} ms (the emulator reads it while Kestrel starts)");
        foreach (var (name, text) in Frames)
        {
            var frame = JObject.Parse(text);
            for (var i = 0; i < 20_000; i++)
            {
                model.Check(frame);
            }
            const int count = 100_000;
            var runs = new List<double>();
            for (var run = 0; run < 5; run++)
            {
                var each = Stopwatch.StartNew();
                for (var i = 0; i < count; i++)
                {
                    model.Check(frame);
                }
                runs.Add(each.Elapsed.TotalMicroseconds / count);
            }
            runs.Sort();
            Console.WriteLine($"  {name,-20} {runs[2],6:F1} µs per check (median of 5 × {count:N0}), {model.Check(frame).Count} finding(s)");
        }
        // The worst a frame under the emulator's 1 MiB cap can ask for: a closed object of ~100,000 unknown fields.
        var hostile = new JObject { ["kind"] = "req", ["id"] = 9, ["type"] = "GetClock" };
        for (var i = 0; hostile.ToString(Newtonsoft.Json.Formatting.None).Length < 1_000_000 && i < 1_000_000; i += 1000)
        {
            for (var j = i; j < i + 1000; j++)
            {
                hostile["f" + j] = 1;
            }
        }
        var once = Stopwatch.StartNew();
        var findings = model.Check(hostile).Count;
        Console.WriteLine($"  a 1 MB frame of {hostile.Count:N0} unknown fields: {once.Elapsed.TotalMilliseconds:F0} ms, {findings:N0} finding(s)");
        return 0;
    }
}
