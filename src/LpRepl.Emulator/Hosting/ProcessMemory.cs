using System.Runtime.InteropServices;

namespace LpRepl.Emulator.Hosting;

/// <summary>Returns the memory of a finished burst to the system: the managed heap, compacted and decommitted, and the C heap's free pages.</summary>
internal sealed class ProcessMemory
{
    // Below this much allocated since the last trim there was no burst: a tutorial's few sockets are left alone.
    private const long BurstBytes = 64L * 1024 * 1024;

    private long _allocatedAtTrim;

    public void TrimAfterBurst()
    {
        var allocated = GC.GetTotalAllocatedBytes();
        if (allocated - Interlocked.Read(ref _allocatedAtTrim) < BurstBytes)
        {
            return;
        }

        Interlocked.Exchange(ref _allocatedAtTrim, allocated);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        TrimNativeHeap();
    }

    // OpenSSL's per-connection state is freed to glibc's arenas, which keep the pages until asked.
    private static void TrimNativeHeap()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = MallocTrim(0);
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            // Not glibc (musl has no malloc_trim): the managed heap was still trimmed.
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
