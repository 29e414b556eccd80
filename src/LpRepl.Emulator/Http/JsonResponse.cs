using System.Text;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Http;

/// <summary>Writes Newtonsoft JSON bodies, compact like the real services.</summary>
internal static class JsonResponse
{
    public static IResult Ok(JToken body) => Create(StatusCodes.Status200OK, body);

    public static IResult Error(int status, string message) => Create(status, new JObject { ["error"] = message });

    private static IResult Create(int status, JToken body) =>
        Results.Text(body.ToString(Formatting.None), "application/json", Encoding.UTF8, status);
}
