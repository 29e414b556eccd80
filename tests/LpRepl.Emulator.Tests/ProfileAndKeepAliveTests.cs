using LpRepl.Emulator.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests;

public sealed class ProfileAndKeepAliveTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public ProfileAndKeepAliveTests(EmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    public async Task Should_answer_KeepAlive_with_a_string()
    {
        await using var client = await _emulator.NewConsumerAsync();

        await client.SendAsync("{\"kind\":\"req\",\"id\":\"5\",\"type\":\"KeepAlive\"}");
        var response = await client.NextAsync(f => (string?)f["reqId"] == "5");

        response.ToString(Formatting.None).Should().Be("{\"kind\":\"resp\",\"reqId\":\"5\",\"code\":200,\"body\":\"OK\",\"type\":\"StringResponse\"}");
    }

    [Fact]
    public async Task Should_set_the_user_profile()
    {
        await using var client = await _emulator.NewConsumerAsync();
        var profile = JObject.Parse("{\"authenticatedData\":{\"lp_sdes\":[{\"type\":\"personal\",\"personal\":{\"firstname\":\"John\",\"lastname\":\"Doe\",\"gender\":\"MALE\"}}]}}");

        var full = await client.RequestAsync("userprofile.SetUserProfile", profile);
        var empty = await client.RequestAsync("userprofile.SetUserProfile", new { });

        ((int)full["code"]!).Should().Be(200);
        ((string?)full["type"]).Should().Be("userprofile.SetUserProfileResponse");
        full["body"]!.ToString(Formatting.None).Should().Be("{\"msg\":\"OK User Profile set successfully\"}");
        ((int)empty["code"]!).Should().Be(200);
    }

    [Theory]
    [InlineData("\"John\"", "body: expected an object, found a string")]
    [InlineData("{\"authenticatedData\":[1]}", "body.authenticatedData: expected an object, found an array")]
    public async Task Should_answer_400_to_a_bad_profile(string bodyJson, string expected)
    {
        await using var client = await _emulator.NewConsumerAsync();

        var response = await client.RequestAsync("userprofile.SetUserProfile", JToken.Parse(bodyJson));

        ((int)response["code"]!).Should().Be(400);
        ((string?)response["body"]).Should().Be(expected);
    }
}
