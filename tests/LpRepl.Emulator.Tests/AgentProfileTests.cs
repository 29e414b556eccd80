using System.Net;
using LpRepl.Emulator.Tests.Support;
using static LpRepl.Emulator.Tests.Support.ExConversationMatch;

namespace LpRepl.Emulator.Tests;

/// <summary>The Agent Profile tutorial: the ASSIGNED_AGENT id from conversation metadata, looked up on acCdnDomain.</summary>
public sealed class AgentProfileTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public AgentProfileTests(EmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    public async Task Should_serve_the_public_profile_of_the_agent_assigned_to_the_conversation()
    {
        await using var client = await _emulator.NewConsumerAsync();
        await client.RequestAsync("cqm.SubscribeExConversations", Requests.SubscribeConversations());
        await client.OpenConversationAsync();
        var assigned = await client.NextAsync(Change("UPSERT", HasAgent));
        var pid = Details(assigned)["participants"]!.Single(p => (string?)p["role"] == "ASSIGNED_AGENT")["id"]!.ToString();

        var (status, profile) = await _emulator.Http.SendAsync(HttpMethod.Get, $"api/account/{_emulator.Account}/configuration/le-users/users/{pid}");
        using var picture = await _emulator.Http.GetAsync(new Uri((string)profile["pictureUrl"]!));

        status.Should().Be(HttpStatusCode.OK);
        profile.Properties().Select(p => p.Name).Should().Equal("pictureUrl", "employeeId", "nickname", "fullName");
        ((string?)profile["nickname"]).Should().Be("Emma");
        ((string?)profile["fullName"]).Should().Be("Emma (emulated agent)");
        ((string?)profile["pictureUrl"]).Should().StartWith($"https://{_emulator.Server.Authority}/");
        picture.StatusCode.Should().Be(HttpStatusCode.OK);
        picture.Content.Headers.ContentType?.MediaType.Should().Be("image/svg+xml");
    }

    [Theory]
    [InlineData("someone-else")]
    [InlineData("734d9867-40e3-52b9-a401-07e877676d64")]
    public async Task Should_answer_404_for_anyone_else(string pid)
    {
        var (status, body) = await _emulator.Http.SendAsync(HttpMethod.Get, $"api/account/{_emulator.Account}/configuration/le-users/users/{pid}");

        status.Should().Be(HttpStatusCode.NotFound);
        body.Error().Should().Be("User not found");
    }
}
