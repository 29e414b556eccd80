using System.Net;
using LpRepl.Emulator.Tests.Conformance.Support;
using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests.Conformance;

/// <summary>
/// The identity service as the Authentication and Unauthenticated Messaging tutorials call it: the
/// brand's external JWT traded at /authenticate (the tutorial's own token and key), and the
/// connector flow (authorize, app authenticate, refresh), in both versions of the page.
/// </summary>
public sealed class IdentityTests : IClassFixture<IdentityTests.TutorialBrandEmulator>
{
    private const string Authentication = "pages/Documents/ClientSideConfiguration/MessagingWindowAPI/Tutorials/authentication.md";
    private const string Unauthenticated = "pages/Documents/ClientSideConfiguration/MessagingWindowAPI/APIReference/unauthenticated-messaging.md";
    private const string UnauthenticatedOld = "pages/… permalink consumer-int-unauth-authentication.html (the version that trades the anonymous token at /authenticate)";

    // Step 2's LP_EXT_JWT, verbatim: sub "+972-3-5555-555", name "Eitan", exp 1934971930 (2031), signed by the page's key.
    private const string TutorialExternalJwt = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIrOTcyLTMtNTU1NS01NTUiLCJpc3MiOiJodHRwczovL2lkcC5saXZlcGVyc29uLm5ldCIsImF1ZCI6ImFjYzpxYTU3MjIxNjc2IiwiZXhwIjoxOTM0OTcxOTMwLCJpYXQiOjE1MjE2MDU1OTIsIm5hbWUiOiJFaXRhbiJ9.0g9ZMvdNelMc2BICMEep90gnnv9InORIhVb2XcD7DCQRInmyPRzBBGbXxJQeTqymbopGio4f9CE2zPvY0fgBVnWntsr3i_dng3nqYuNym5Sc-pU5EHqMuwmVI3sdRsTvBqe1T44qu3FXRkt-BhnzKXELtueGaBUNQz8k_30R1ms";

    // The page's "JWT Public Key" (Step 1 and Further Testing), as a PEM.
    private const string TutorialPublicKey = "-----BEGIN PUBLIC KEY-----\nMIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDdlatRjRjogo3WojgGHFHYLugdUWAY9iR3fy4arWNA1KoS8kVw33cJibXr8bvwUAUparCwlvdbH6dvEOfou0/gCFQsHUfQrSDv+MuSUMAe8jzKE4qW+jK+xQU9a03GUnKHkkle+Q0pX/g6jXZ7r1/xAK5Do2kQ+X5xK9cipRgEKwIDAQAB\n-----END PUBLIC KEY-----";

    private readonly TutorialBrandEmulator _emulator;

    public IdentityTests(TutorialBrandEmulator emulator) => _emulator = emulator;

    [Fact]
    [Documented("POST /api/account/{accountId}/authenticate", Authentication + " §Step 2")]
    [Documented("POST /api/account/{accountId}/authenticate", "pages/… permalink common-consumer-token-creation.html §Authenticated Consumer Token")]
    [Documented("cm.ConsumerRequestConversation", Authentication + " §Step 3")]
    public async Task Should_trade_the_tutorials_external_token_and_open_an_authenticated_conversation()
    {
        // LP_AUTH_JWT=`curl -X POST -H "Content-Type: application/json" -d '{"authCode" : "'$LP_EXT_JWT'"}' https://$LP_IDP/api/account/$LP_ACCOUNT/authenticate | jq -r .jwt`
        var (status, body) = await _emulator.Http.SendAsync(HttpMethod.Post, $"api/account/{_emulator.Account}/authenticate", "{\"authCode\" : \"" + TutorialExternalJwt + "\"}");

        status.Should().Be(HttpStatusCode.OK, body.ToString());
        var jwt = (string)body["jwt"]!;
        var payload = Jwt.Payload(jwt);
        ((string?)payload["lp.ext"]!["sub"]).Should().Be("+972-3-5555-555", "the decoded LP_AUTH_JWT of the page carries the external sub under lp.ext");
        ((string?)payload["aud"]).Should().Be("acc:qa57221676");
        await using var client = await _emulator.ConnectAsync(jwt);
        var response = await client.SendDocumentedAsync(new DocumentedFrame(Authentication + " §Step 3", "{\"kind\":\"req\",\"id\":1,\"type\":\"cm.ConsumerRequestConversation\"}"));
        response.ShouldBeResponse("1", 200, "cm.RequestConversationResponse");
    }

    [Fact]
    [Documented("POST /api/account/{accountId}/anonymous/authorize", Unauthenticated + " §Step 1")]
    [Documented("POST /api/account/{accountId}/app/{connectorId}/authenticate", Unauthenticated + " §Step 2")]
    [Documented("POST /api/account/{accountId}/anonymous/authorize (refresh)", Unauthenticated + " §Step 4")]
    public async Task Should_run_the_connector_flow_and_refresh_the_external_token()
    {
        // LP_EXT_JWT=`curl -X POST -H "Content-Type: application/json" https://$LP_IDP/api/account/$LP_ACCOUNT/anonymous/authorize | jq -r .token`
        var (authorized, first) = await _emulator.Http.SendAsync(HttpMethod.Post, $"api/account/{_emulator.Account}/anonymous/authorize");
        authorized.Should().Be(HttpStatusCode.OK);
        var external = (string)first["token"]!;

        // LP_JWT=`curl … -d '{"id_token" : "'$LP_EXT_JWT'"}' https://$LP_IDP/api/account/$LP_ACCOUNT/app/$LP_APP_CONN_ID/authenticate?v=3.0 | jq -r .token`
        var (exchanged, second) = await _emulator.Http.SendAsync(HttpMethod.Post,
            $"api/account/{_emulator.Account}/app/{_emulator.Server.ConnectorId}/authenticate?v=3.0", "{\"id_token\" : \"" + external + "\"}");
        exchanged.Should().Be(HttpStatusCode.OK);
        var jwt = (string)second["token"]!;

        // Step 3: the regular flow with this LP_JWT.
        await using (var client = await _emulator.ConnectAsync(jwt))
        {
            (await client.SendDocumentedAsync(new DocumentedFrame("pages/Documents/ClientSideConfiguration/MessagingWindowAPI/getting-started.md §Step 4", "{\"kind\":\"req\",\"id\":1,\"type\":\"cm.ConsumerRequestConversation\"}")))
                .ShouldBeResponse("1", 200, "cm.RequestConversationResponse");
        }

        // Step 4: -d '{ "id_token":"'$LP_EXT_JWT'" }' to anonymous/authorize: the same identity, freshly signed.
        var (refreshed, third) = await _emulator.Http.SendAsync(HttpMethod.Post, $"api/account/{_emulator.Account}/anonymous/authorize", "{ \"id_token\":\"" + external + "\" }");
        refreshed.Should().Be(HttpStatusCode.OK);
        ((string?)Jwt.Payload((string)third["token"]!)["sub"]).Should().Be((string?)Jwt.Payload(external)["sub"]);
    }

    [Fact]
    [Documented("POST /api/account/{accountId}/anonymous/authorize", UnauthenticatedOld + " §Step 2")]
    [Documented("POST /api/account/{accountId}/authenticate", UnauthenticatedOld + " §Step 2")]
    public async Task Should_trade_the_anonymous_token_at_authenticate_as_the_older_page_does()
    {
        // UNAUTH_JWT=…/anonymous/authorize | jq -r .jwt   then   -d '{"authCode" : "'$UNAUTH_JWT'"}' …/authenticate | jq -r .jwt
        var (authorized, first) = await _emulator.Http.SendAsync(HttpMethod.Post, $"api/account/{_emulator.Account}/anonymous/authorize");
        authorized.Should().Be(HttpStatusCode.OK);
        first["jwt"]!.Type.Should().Be(JTokenType.String, "the older page reads .jwt, the newer .token");
        var (status, body) = await _emulator.Http.SendAsync(HttpMethod.Post, $"api/account/{_emulator.Account}/authenticate", "{\"authCode\" : \"" + (string)first["jwt"]! + "\"}");

        status.Should().Be(HttpStatusCode.OK);
        await using var client = await _emulator.ConnectAsync((string)body["jwt"]!);
        (await client.SendDocumentedAsync(new DocumentedFrame(UnauthenticatedOld + " §Step 3", "{\"kind\":\"req\",\"id\":1,\"type\":\"cm.ConsumerRequestConversation\"}")))
            .ShouldBeResponse("1", 200, "cm.RequestConversationResponse");
    }

    /// <summary>The tutorials' account, with the Authentication tutorial's public key as the brand's.</summary>
    public sealed class TutorialBrandEmulator : EmulatorFixture
    {
        protected override EmulatorOptions CreateOptions() => new()
        {
            DefaultAccount = "qa57221676",
            BrandPublicKeyPem = TutorialPublicKey,
            AgentDelay = TimeSpan.FromMilliseconds(50),
        };
    }
}
