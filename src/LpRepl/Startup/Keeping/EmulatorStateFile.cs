using System.Text;
using LpRepl.Emulator.Persistence;
using LpRepl.Security;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LpRepl.App.Startup.Keeping;

/// <summary>
/// The embedded emulator's state file (<c>emulator.json</c> in the state folder): JSON naming its
/// format and version, the keys as base64 PKCS#8, and the consumers. It holds private keys, so it
/// is 0600 and written whole to a temporary file that is then renamed over it: a reader never sees half.
/// </summary>
public static class EmulatorStateFile
{
    public const string Format = "lprepl-emulator-state";

    public const int Version = 1;

    // Keys are about 5 KB and 1,000 consumers about 150 KB: anything much bigger is not ours.
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The state in <paramref name="path"/>, or null when there is no file.</summary>
    /// <exception cref="InvalidDataException">The file is not a state file of this version (damaged, foreign or newer); the message says which.</exception>
    public static KeptEmulatorState? Read(string path)
    {
        byte[] bytes;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.Length > MaxBytes)
            {
                throw new InvalidDataException($"larger than {MaxBytes / 1024} KiB");
            }
            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
        return Parse(bytes);
    }

    /// <summary>Writes the whole state: to a 0600 temporary file beside it, then renamed over <paramref name="path"/>.</summary>
    public static void Write(string path, KeptEmulatorState state)
    {
        var json = new JObject
        {
            ["format"] = Format,
            ["version"] = Version,
            ["keys"] = new JObject
            {
                ["signing"] = Convert.ToBase64String(state.Keys.Signing),
                ["connector"] = Convert.ToBase64String(state.Keys.Connector),
                ["brand"] = state.Keys.Brand is { } brand ? Convert.ToBase64String(brand) : null,
            },
            ["consumers"] = new JArray(state.Consumers.Select(c => new JObject
            {
                ["account"] = c.Account,
                ["id"] = c.ConsumerId,
                ["lastSeen"] = c.LastSeenMs,
            })),
        };
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            using (var stream = PrivateFile.Open(temporary, FileMode.Create, FileShare.None))
            {
                stream.Write(Encoding.UTF8.GetBytes(json.ToString(Formatting.Indented) + "\n"));
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static KeptEmulatorState Parse(byte[] bytes)
    {
        JObject json;
        try
        {
            json = JObject.Parse(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes));
        }
        catch (Exception e) when (e is JsonException or DecoderFallbackException)
        {
            throw new InvalidDataException("not JSON");
        }
        if ((string?)json["format"] != Format)
        {
            throw new InvalidDataException($"not an lprepl emulator state file (no \"format\": \"{Format}\")");
        }
        if (json["version"] is not JValue { Type: JTokenType.Integer } version || (long)version != Version)
        {
            throw new InvalidDataException($"version {json["version"]?.ToString(Formatting.None) ?? "missing"}, this lprepl reads version {Version}");
        }
        var keys = json["keys"] as JObject ?? throw new InvalidDataException("no keys");
        var kept = new EmulatorKeys(Key(keys, "signing")!, Key(keys, "connector")!, Key(keys, "brand", optional: true));
        if (!kept.AreValid())
        {
            throw new InvalidDataException("its keys are not RSA private keys of 2048 bits or more");
        }
        var consumers = new List<KnownConsumer>();
        foreach (var item in json["consumers"] as JArray ?? throw new InvalidDataException("no consumers list"))
        {
            if (item is not JObject { } consumer
                || consumer["account"] is not JValue { Type: JTokenType.String } account
                || consumer["id"] is not JValue { Type: JTokenType.String } id
                || consumer["lastSeen"] is not JValue { Type: JTokenType.Integer } seen)
            {
                throw new InvalidDataException("a consumer without account, id and lastSeen");
            }
            consumers.Add(new KnownConsumer((string)account!, (string)id!, (long)seen));
        }
        // Bounded on the way in too: a file edited to hold more keeps only the newest.
        return new KeptEmulatorState(kept, []).WithConsumers(consumers);
    }

    private static byte[]? Key(JObject keys, string name, bool optional = false)
    {
        if (keys[name] is null or JValue { Type: JTokenType.Null } && optional)
        {
            return null;
        }
        try
        {
            return keys[name] is JValue { Type: JTokenType.String } value ? Convert.FromBase64String((string)value!) : throw new InvalidDataException($"no {name} key");
        }
        catch (FormatException)
        {
            throw new InvalidDataException($"the {name} key is not base64");
        }
    }
}
