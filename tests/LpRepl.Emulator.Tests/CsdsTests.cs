using System.Net;
using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests;

public sealed class CsdsTests : IClassFixture<EmulatorFixture>
{
    private static readonly string[] RequiredServices =
    [
        "idp", "asyncMessagingEnt", "asyncMessaging", "acCdnDomain", "agentVep", "accountConfigReadOnly",
        "accountConfigReadWrite", "swift", "msgHist", "smt", "leDataReporting",
    ];

    private readonly EmulatorFixture _emulator;

    public CsdsTests(EmulatorFixture emulator) => _emulator = emulator;

    [Theory]
    [InlineData("csdr/account/{0}/service/baseURI.json?version=1.0")]
    [InlineData("api/account/{0}/service/baseURI.json?version=1.0")]
    public async Task Should_list_every_service_at_the_emulator(string pathFormat)
    {
        var json = await GetJsonAsync(string.Format(pathFormat, "my-acct_1"), HttpStatusCode.OK);

        var entries = ((JArray)json["baseURIs"]!).Cast<JObject>().ToList();
        entries.Select(e => (string?)e["service"]).Should().Contain(RequiredServices);
        entries.Should().OnlyContain(e => (string?)e["account"] == "my-acct_1" && (string?)e["baseURI"] == _emulator.Server.Authority);
        _emulator.Server.Authority.Should().MatchRegex(@"^127\.0\.0\.1:\d+$");
    }

    [Fact]
    public async Task Should_answer_one_service()
    {
        var json = await GetJsonAsync($"api/account/{_emulator.Account}/service/asyncMessagingEnt/baseURI.json?version=1.0", HttpStatusCode.OK);

        json.ToString(Newtonsoft.Json.Formatting.None).Should().Be(
            $"{{\"service\":\"asyncMessagingEnt\",\"account\":\"{_emulator.Account}\",\"baseURI\":\"{_emulator.Server.Authority}\"}}");
    }

    [Theory]
    [InlineData("noSuchService")]
    [InlineData("ASYNCMESSAGINGENT")] // service names are case sensitive
    public async Task Should_answer_404_for_an_unknown_service(string service)
    {
        var json = await GetJsonAsync($"api/account/{_emulator.Account}/service/{service}/baseURI.json?version=1.0", HttpStatusCode.NotFound);

        ((string?)json["error"]).Should().Contain(service);
    }

    [Theory]
    [InlineData("csdr/account/{0}/service/baseURI.json")]
    [InlineData("api/account/{0}/service/baseURI.json")]
    [InlineData("api/account/{0}/service/idp/baseURI.json")]
    public async Task Should_answer_400_for_a_bad_account(string pathFormat)
    {
        var badAccount = Uri.EscapeDataString("bad account!");

        await GetJsonAsync(string.Format(pathFormat, badAccount), HttpStatusCode.BadRequest);
        await GetJsonAsync(string.Format(pathFormat, new string('1', 65)), HttpStatusCode.BadRequest);
    }

    private async Task<JObject> GetJsonAsync(string path, HttpStatusCode expected)
    {
        using var response = await _emulator.Http.GetAsync(path);
        response.StatusCode.Should().Be(expected);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/json");
        return JObject.Parse(await response.Content.ReadAsStringAsync());
    }
}
