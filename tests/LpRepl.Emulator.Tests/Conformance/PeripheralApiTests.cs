using System.Net;
using LpRepl.Emulator.Tests.Conformance.Support;
using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;
using static LpRepl.Emulator.Tests.Support.ExConversationMatch;

namespace LpRepl.Emulator.Tests.Conformance;

/// <summary>The REST calls around the socket: the domain API, the agent's public profile, and the consumer's user profile on the socket.</summary>
public sealed class PeripheralApiTests : IClassFixture<EmulatorFixture>
{
    private const string DomainApi = "pages/Documents/APIGuidelines/domain-api.md";
    private const string AgentProfile = "pages/… permalink consumer-int-agent-profile.html (Agent Profile tutorial)";

    private readonly EmulatorFixture _emulator;

    public PeripheralApiTests(EmulatorFixture emulator) => _emulator = emulator;

    [Theory]
    [Documented("GET /api/account/{accountId}/service/{serviceName}/baseURI.json", DomainApi + " §Request")]
    [InlineData("asyncMessagingEnt")]
    [InlineData("idp")]
    [InlineData("acCdnDomain")]
    public async Task Should_answer_one_services_base_URI(string service)
    {
        var (status, body) = await _emulator.Http.SendAsync(HttpMethod.Get, $"api/account/{_emulator.Account}/service/{service}/baseURI.json?version=1.0");

        status.Should().Be(HttpStatusCode.OK);
        body.FieldNames().Should().Equal("service", "account", "baseURI");
        ((string?)body["service"]).Should().Be(service);
        ((string?)body["account"]).Should().Be(_emulator.Account);
        ((string?)body["baseURI"]).Should().Be(_emulator.Server.Authority, "a host (and port) with no scheme, as in the page's sample");
    }

    [Fact]
    [Documented("GET /api/account/{accountId}/service/baseURI.json", DomainApi + " §Response")]
    public async Task Should_list_every_services_base_URI_in_the_pages_shape()
    {
        var (status, body) = await _emulator.Http.SendAsync(HttpMethod.Get, $"api/account/{_emulator.Account}/service/baseURI.json?version=1.0");

        status.Should().Be(HttpStatusCode.OK);
        body.FieldNames().Should().Equal("baseURIs");
        var entries = (JArray)body["baseURIs"]!;
        entries.Should().NotBeEmpty().And.AllSatisfy(e => e.FieldNames().Should().Equal("service", "account", "baseURI"));
        entries.Select(e => (string?)e["service"]).Should().Contain(["idp", "asyncMessagingEnt", "acCdnDomain"]);
    }

    [Fact]
    [Documented("GET /api/account/{accountId}/configuration/le-users/users/{agentPid}", AgentProfile + " §Step 1, §Step 2")]
    [Documented("GET /api/account/{accountId}/configuration/le-users/users/{agentPid}", "pages/Documents/ClientSideConfiguration/MessagingWindowAPI/APIReference (get-agent-public-profile)")]
    public async Task Should_serve_the_assigned_agents_public_profile()
    {
        await using var client = await _emulator.NewConsumerAsync();
        await client.RequestAsync("cqm.SubscribeExConversations", Requests.SubscribeConversations("OPEN"));
        await client.OpenConversationAsync();
        var details = Details(await client.NextAsync(Change("UPSERT", HasAgent)));
        var agentPid = (string)((JArray)details["participants"]!).Single(p => (string?)p["role"] == "ASSIGNED_AGENT")["id"]!;

        // curl https://$LP_ACCDNDOMAIN/api/account/$LP_ACCOUNT/configuration/le-users/users/$LP_AGENT_PID
        var (status, profile) = await _emulator.Http.SendAsync(HttpMethod.Get, $"api/account/{_emulator.Account}/configuration/le-users/users/{agentPid}");

        status.Should().Be(HttpStatusCode.OK);
        profile.FieldNames().Should().Equal("pictureUrl", "employeeId", "nickname", "fullName");
        profile.Properties().Should().AllSatisfy(p => p.Value.Type.Should().Be(JTokenType.String));
    }

    [Fact]
    [Documented("userprofile.SetUserProfile", "assets/schema/connectorapi/setUserProfile.json")]
    public async Task Should_take_the_schemas_SetUserProfile_frame()
    {
        await using var client = await _emulator.NewConsumerAsync();
        var frame = new DocumentedFrame("assets/schema/connectorapi/setUserProfile.json",
            "{\n  \"kind\": \"req\",\n  \"id\": 1,\n  \"type\": \"userprofile.SetUserProfile\",\n  \"body\": {\n    \"firstName\": \"\",\n    \"lastName\": \"\",\n    \"userId\": \"\",\n    \"avatarUrl\": \"\",\n    \"role\": \"\",\n    \"backgndImgUri\": \"\",\n    \"description\": \"\",\n    \"authenticatedData\": {\n      \"lp_sdes\": [\n        {\n          \"type\": \"ctmrinfo\",\n          \"info\": {\n            \"socialId\": \"1234567890\"\n          }\n        },\n        {\n          \"type\": \"personal\",\n          \"personal\": {\n            \"firstname\": \"John\",\n            \"lastname\": \"Doe\",\n            \"gender\": \"MALE\"\n          }\n        }\n      ]\n    },\n    \"privateData\": {\n      \"mobileNum\": \"\",\n      \"mail\": \"\",\n      \"pushNotificationData\": {\n        \"serviceName\": \"\",\n        \"certName\": \"\",\n        \"token\": \"\"\n      }\n    }\n  }\n}\n");

        var response = await client.SendDocumentedAsync(frame);

        response.ShouldBeResponse("1", 200, "userprofile.SetUserProfileResponse").ToString(Newtonsoft.Json.Formatting.None).Should().Be("{\"msg\":\"OK User Profile set successfully\"}");
    }
}
