namespace LpRepl.Emulator.Tests.Support;

/// <summary>Waits for a condition on the server's side (a count, a state) that no frame announces, up to a bound.</summary>
public static class Until
{
    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? bound = null)
    {
        var deadline = DateTime.UtcNow + (bound ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Never became true: " + what);
            }

            await Task.Delay(10);
        }
    }
}
