using Microsoft.Extensions.Hosting;

namespace LpRepl.Emulator.Hosting;

/// <summary>
/// Replaces the console lifetime: the emulator runs inside the REPL's process, so it must not
/// hook Ctrl+C or SIGTERM, nor print "Application started". The owner stops it by disposing.
/// </summary>
internal sealed class NoopHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
