using System.Diagnostics;
using LpRepl.Frames;

namespace LpRepl.Bench;

/// <summary>
/// A pretty-printed frame of N lines read as the REPL reads a script or a paste: each line added to
/// the frame until its brackets balance, then the strict JSON check. Linear: ten times the lines
/// should take about ten times as long.
/// </summary>
public static class MultiLineFrameBench
{
    public static void Run()
    {
        Console.WriteLine("multi-line frame, read line by line then checked (median of 5 runs):");
        foreach (var count in new[] { 60_000, 600_000 })
        {
            var lines = Lines(count);
            var times = new List<double>();
            for (var run = 0; run < 5; run++)
            {
                var watch = Stopwatch.StartNew();
                var frame = new JsonFrameAccumulator(lines[0]);
                for (var i = 1; i < lines.Length && !frame.IsComplete; i++)
                {
                    frame.AppendLine(lines[i]);
                }
                if (!frame.IsComplete || !JsonFrameValidator.Validate(frame.Text).IsValid)
                {
                    throw new InvalidOperationException("the bench frame should be valid");
                }
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            Console.WriteLine($"  {count:N0} lines: {times[2]:N0} ms");
        }
    }

    private static string[] Lines(int count)
    {
        var lines = new string[count];
        lines[0] = "{\"kind\":\"req\",\"id\":\"big\",\"type\":\"GetClock\",\"items\":[";
        for (var i = 1; i < count - 2; i++)
        {
            lines[i] = $"  {{\"n\":{i},\"s\":\"line {i}\"}},";
        }
        lines[count - 2] = "  0";
        lines[count - 1] = "]}";
        return lines;
    }
}
