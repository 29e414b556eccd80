using System.Net;
using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests;

/// <summary>The file-sharing tutorial's agent steps: login on agentVep, then set_site_property on accountConfigReadWrite.</summary>
public sealed class AgentLoginTests : IClassFixture<EmulatorFixture>
{
    private const string FileSharing = "messaging.file.sharing.enabled";

    private readonly EmulatorFixture _emulator;

    public AgentLoginTests(EmulatorFixture emulator) => _emulator = emulator;

    private string PropertyPath(string id = FileSharing, string? account = null) =>
        $"api/account/{account ?? _emulator.Account}/configuration/setting/properties/{id}?v=3.0";

    [Fact]
    public async Task Should_log_in_any_agent_as_the_simulated_agent()
    {
        var (status, body) = await LoginAsync("1.3");
        var (profileStatus, _) = await _emulator.Http.SendAsync(
            HttpMethod.Get, $"api/account/{_emulator.Account}/configuration/le-users/users/{body["config"]!["userId"]}");

        status.Should().Be(HttpStatusCode.OK);
        ((string?)body["bearer"]).Should().MatchRegex("^[0-9a-f]{64}$");
        ((string?)body["config"]!["loginName"]).Should().Be("agent@brand.example");
        ((string?)body["config"]!["accountId"]).Should().Be(_emulator.Account);
        profileStatus.Should().Be(HttpStatusCode.OK, "userId is the simulated agent's id");
    }

    [Fact]
    public async Task Should_set_and_read_a_site_property_with_the_bearer()
    {
        var bearer = (string)(await LoginAsync("1.2")).Body["bearer"]!;
        var property = new JObject { ["id"] = FileSharing, ["type"] = 1, ["propertyValue"] = new JObject { ["value"] = true }, ["deleted"] = "false" };

        var (putStatus, put) = await _emulator.Http.SendAsync(HttpMethod.Put, PropertyPath(), property.ToString(), bearer);
        var (getStatus, got) = await _emulator.Http.SendAsync(HttpMethod.Get, PropertyPath(), bearer: bearer);
        var (unknownStatus, unknown) = await _emulator.Http.SendAsync(HttpMethod.Get, PropertyPath("messaging.never.set"), bearer: bearer);

        putStatus.Should().Be(HttpStatusCode.OK);
        JToken.DeepEquals(put, property).Should().BeTrue(put.ToString());
        getStatus.Should().Be(HttpStatusCode.OK);
        JToken.DeepEquals(got, property).Should().BeTrue(got.ToString());
        unknownStatus.Should().Be(HttpStatusCode.NotFound);
        unknown.Error().Should().Be("Property not found");
    }

    [Fact]
    public async Task Should_answer_401_without_a_bearer_of_this_account()
    {
        var bearer = (string)(await LoginAsync("1.3")).Body["bearer"]!;
        const string Body = "{\"propertyValue\":{\"value\":true}}";

        var missing = await _emulator.Http.SendAsync(HttpMethod.Put, PropertyPath(), Body);
        var unknown = await _emulator.Http.SendAsync(HttpMethod.Get, PropertyPath(), bearer: new string('0', 64));
        var otherAccount = await _emulator.Http.SendAsync(HttpMethod.Put, PropertyPath(account: "87654321"), Body, bearer);

        foreach (var (status, body) in new[] { missing, unknown, otherAccount })
        {
            status.Should().Be(HttpStatusCode.Unauthorized);
            body.Error().Should().Be("Missing or unknown bearer token");
        }
    }

    [Fact]
    public async Task Should_answer_400_to_a_property_body_naming_another_property()
    {
        var bearer = (string)(await LoginAsync("1.3")).Body["bearer"]!;

        var (status, body) = await _emulator.Http.SendAsync(HttpMethod.Put, PropertyPath(), "{\"id\":\"other.property\"}", bearer);

        status.Should().Be(HttpStatusCode.BadRequest);
        body.Error().Should().Be("id must match the property id in the path");
    }

    [Theory]
    [InlineData("1.3", null, "username and password must be non-empty strings")]
    [InlineData("1.3", "{\"username\":\"a\"}", "username and password must be non-empty strings")]
    [InlineData("1.3", "{\"username\":\"\",\"password\":\"p\"}", "username and password must be non-empty strings")]
    [InlineData("1.3", "not json", "Body must be a JSON object")]
    [InlineData("2.0", "{\"username\":\"a\",\"password\":\"p\"}", "v must be 1.x")]
    public async Task Should_answer_400_to_a_bad_login(string version, string? json, string expected)
    {
        var (status, body) = await _emulator.Http.SendAsync(HttpMethod.Post, $"api/account/{_emulator.Account}/login?v={version}", json);

        status.Should().Be(HttpStatusCode.BadRequest);
        body.Error().Should().Be(expected);
    }

    private Task<(HttpStatusCode Status, JObject Body)> LoginAsync(string version) =>
        _emulator.Http.SendAsync(
            HttpMethod.Post, $"api/account/{_emulator.Account}/login?v={version}", "{\"username\":\"agent@brand.example\",\"password\":\"secret\"}");
}
