namespace LpRepl.Emulator.Files;

/// <summary>The Content-Type the Swift stand-in answers a download with, from the file's extension.</summary>
internal static class FileContentType
{
    public static string For(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".gif" => "image/gif",
        ".pdf" => "application/pdf",
        ".txt" => "text/plain",
        _ => "application/octet-stream",
    };
}
