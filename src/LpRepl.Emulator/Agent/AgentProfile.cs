using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Agent;

/// <summary>The simulated agent's public profile (the Agent Profile tutorial), the same on every account.</summary>
internal static class AgentProfile
{
    public const string Nickname = "Emma";
    public const string FullName = "Emma (emulated agent)";
    public const string EmployeeId = "emulated-agent";

    // Served by the emulator itself so the link works offline.
    public const string PicturePath = "/emulator/agent/picture.svg";

    public const string PictureSvg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"96\" height=\"96\" viewBox=\"0 0 96 96\">"
        + "<circle cx=\"48\" cy=\"48\" r=\"48\" fill=\"#ff6b35\"/>"
        + "<text x=\"48\" y=\"64\" font-family=\"sans-serif\" font-size=\"48\" text-anchor=\"middle\" fill=\"#fff\">E</text>"
        + "</svg>";

    /// <summary>The answer of configuration/le-users/users/{pid}, in the order of the tutorial's sample.</summary>
    public static JObject Json(string authority) => new()
    {
        ["pictureUrl"] = $"https://{authority}{PicturePath}",
        ["employeeId"] = EmployeeId,
        ["nickname"] = Nickname,
        ["fullName"] = FullName,
    };
}
