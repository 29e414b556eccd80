using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LpRepl.Protocol;

/// <summary>
/// <c>LP_PROPS</c>, the client-properties JSON of the Client Properties tutorial: sent whole as the
/// <c>Client-Properties</c> header, or as the ClientProperties header object of InitConnection.
/// </summary>
public static class ClientProperties
{
    public const string HeaderName = "Client-Properties";

    /// <summary>Parses LP_PROPS; null with no error when it is unset.</summary>
    public static JObject? Parse(string? value, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        try
        {
            if (JToken.Parse(value) is JObject props)
            {
                return props;
            }
        }
        catch (JsonReaderException e)
        {
            error = $"LP_PROPS is not valid JSON ({e.Message})";
            return null;
        }
        error = "LP_PROPS must be a JSON object, e.g. {\"type\":\".ClientProperties\",\"deviceFamily\":\"DESKTOP\",\"os\":\"LINUX\"}";
        return null;
    }

    /// <summary>The InitConnection header object: the same properties under the InitConnection header type.</summary>
    public static JObject AsInitHeader(JObject? props)
    {
        var header = new JObject { ["type"] = ".ams.headers.ClientProperties" };
        if (props is null)
        {
            // What the tutorial's own sample sends when a client has nothing to declare.
            header["deviceFamily"] = "DESKTOP";
            header["os"] = "LINUX";
            return header;
        }
        foreach (var (name, value) in props)
        {
            if (name != "type")
            {
                header[name] = value?.DeepClone();
            }
        }
        return header;
    }
}
