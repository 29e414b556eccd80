using System.Net;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests.Support;

/// <summary>The IDP calls of the AUTH and UNAUTH tutorials, as curl makes them.</summary>
public static class IdpCalls
{
    public static Task<(HttpStatusCode Status, JObject Body)> AuthenticateAsync(this EmulatorFixture emulator, string authCode, string? account = null) =>
        emulator.Http.PostJsonAsync($"api/account/{account ?? emulator.Account}/authenticate", new { authCode });

    /// <summary>anonymous/authorize with no body (a new identity) or with an id_token (a refresh).</summary>
    public static Task<(HttpStatusCode Status, JObject Body)> AnonymousAuthorizeAsync(this EmulatorFixture emulator, string? idToken = null, string? account = null) =>
        emulator.Http.PostJsonAsync($"api/account/{account ?? emulator.Account}/anonymous/authorize", idToken is null ? null : new { id_token = idToken });

    public static Task<(HttpStatusCode Status, JObject Body)> AppAuthenticateAsync(this EmulatorFixture emulator, string idToken, string? connectorId = null) =>
        emulator.Http.PostJsonAsync(
            $"api/account/{emulator.Account}/app/{connectorId ?? emulator.Server.ConnectorId}/authenticate?v=3.0", new { id_token = idToken });

    /// <summary>A fresh anonymous external token, asserting the call succeeded.</summary>
    public static async Task<string> NewAnonymousTokenAsync(this EmulatorFixture emulator)
    {
        var (status, body) = await emulator.AnonymousAuthorizeAsync();
        status.Should().Be(HttpStatusCode.OK);
        return (string)body["token"]!;
    }

    /// <summary>An LP token of the anonymous flow (authorize, then the connector's authenticate): it lives 10 minutes.</summary>
    public static async Task<string> AnonymousLpJwtAsync(this EmulatorFixture emulator)
    {
        var (status, body) = await emulator.AppAuthenticateAsync(await emulator.NewAnonymousTokenAsync());
        status.Should().Be(HttpStatusCode.OK);
        return (string)body["token"]!;
    }
}
