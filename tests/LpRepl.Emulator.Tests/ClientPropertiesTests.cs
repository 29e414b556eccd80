using LpRepl.Emulator.Messaging;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests;

public sealed class ClientPropertiesTests
{
    [Theory]
    [InlineData("""{"type":".ams.headers.ClientProperties","features":["MULTI_DIALOG","QUICK_REPLIES"]}""")]
    [InlineData("""{"type":".ams.headers.ClientProperties","features":"MULTI_DIALOG"}""")]
    public void Should_read_a_single_feature_sent_as_the_element_itself(string header)
    {
        // "An array containing a single element may be sent using the element itself" (protocol overview), as the model allows.
        ClientProperties.From(JObject.Parse(header)).Features.Should().Contain("MULTI_DIALOG");
    }
}
