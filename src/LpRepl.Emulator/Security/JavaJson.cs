using Newtonsoft.Json;

namespace LpRepl.Emulator.Security;

/// <summary>JSON strings as the real IDP's Java serializer writes them: "/" escaped as "\/".</summary>
internal static class JavaJson
{
    // Newtonsoft never emits "/" inside an escape sequence, so replacing every "/" is safe.
    public static string Quote(string text) => JsonConvert.ToString(text).Replace("/", "\\/", StringComparison.Ordinal);
}
