using System.Diagnostics;
using LpRepl.Frames;
using LpRepl.Protocol;
using LpRepl.Security;
using LpRepl.Session;
using LpRepl.Templating;

namespace LpRepl.Bench;

/// <summary>
/// What each step of a script's raw frame and of a received frame costs on one thread, in µs and KB allocated per
/// frame (the median of five runs): where a line's CPU goes before the socket and the thread pool.
/// </summary>
public static class LinePartsBench
{
    private const string Publish = "{\"kind\":\"req\",\"id\":12345,\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":\"{{conversationId}}\",\"event\":{\"type\":\"ContentEvent\",\"contentType\":\"text/plain\",\"message\":\"m 12345\"}}}";

    private const string Notification = "{\"kind\":\"notification\",\"type\":\"ms.MessagingEventNotification\",\"body\":{\"changes\":[{\"sequence\":7,\"originatorId\":\"c0ffee00-0000-4000-8000-000000000001\",\"originatorMetadata\":{\"id\":\"c0ffee00-0000-4000-8000-000000000001\",\"role\":\"CONSUMER\"},\"serverTimestamp\":1796175466007,\"event\":{\"type\":\"ContentEvent\",\"message\":\"message number 7\",\"contentType\":\"text/plain\"},\"dialogId\":\"d0d0d0d0-0000-4000-8000-000000000002\"}]}}";

    public static int Run()
    {
        var variables = new SessionVariables();
        variables.Set("conversationId", "c0ffee00-0000-4000-8000-000000000001");
        variables.Set("LP_JWT", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln");
        var expanded = InlineTemplate.Expand(Publish, variables).Text!;
        var frame = JsonFrameValidator.Validate(expanded).Frame!;
        Console.WriteLine("a script's raw frame (ms.PublishEvent with {{conversationId}}), per frame:");
        Measure("inline template, plain names", () => InlineTemplate.Expand(Publish, variables));
        Measure("inline template, through Scriban", () => InlineTemplate.ExpandWithScriban(Publish, variables));
        Measure("strict JSON check and parse", () => JsonFrameValidator.Validate(expanded));
        Measure("protocol lint", () => ProtocolModel.Default.Check(frame));
        Measure("envelope (FrameInfo)", () => FrameInfo.From(frame));
        Console.WriteLine("a received frame (ms.MessagingEventNotification, 400 characters), per frame:");
        Measure("parse", () => InboundFrameParser.Parse(Notification));
        Measure("redact", () => SecretRedactor.Redact(Notification));
        Measure("compact for a file", () => PrettyJson.Compact(Notification));
        Measure("pretty for a file", () => PrettyJson.Format(Notification, color: false));
        return 0;
    }

    private static void Measure(string label, Func<object?> step)
    {
        const int perRun = 20_000;
        for (var i = 0; i < perRun; i++)
        {
            step();
        }
        var runs = new List<(double Micros, double Kb)>();
        for (var run = 0; run < 5; run++)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < perRun; i++)
            {
                step();
            }
            runs.Add((watch.Elapsed.TotalMicroseconds / perRun, (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0 / perRun));
        }
        var median = runs.OrderBy(r => r.Micros).ElementAt(2);
        Console.WriteLine($"  {label,-36} {median.Micros,7:F1} µs  {median.Kb,6:F1} KB");
    }
}
