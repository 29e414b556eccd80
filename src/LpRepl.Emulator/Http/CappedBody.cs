namespace LpRepl.Emulator.Http;

/// <summary>Reads a request body into memory, giving up once it is larger than the caller allows.</summary>
internal static class CappedBody
{
    /// <summary>The whole stream, or null once it holds more than <paramref name="max"/> bytes.</summary>
    public static async Task<byte[]?> ReadAsync(Stream body, int max, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
