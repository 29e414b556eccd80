namespace LpRepl.Emulator.Tests.Support;

/// <summary>Request bodies the tests send often.</summary>
public static class Requests
{
    public static object Text(string dialogId, string text) =>
        new { dialogId, @event = new { type = "ContentEvent", contentType = "text/plain", message = text } };

    public static object Close(string conversationId) =>
        new { conversationId, conversationField = new { field = "ConversationStateField", conversationState = "CLOSE" } };

    public static object InitConnection(string jwt) => new object[]
    {
        new { type = ".ams.headers.ClientProperties", deviceFamily = "DESKTOP", os = "LINUX" },
        new { type = ".ams.headers.ConsumerAuthentication", jwt },
    };

    public static object Field(string conversationId, object field) => new { conversationId, conversationField = field };

    public static object Csat(int rate = 5) => new { field = "CSATRate", csatRate = rate, csatResolutionConfirmation = true, status = "FILLED" };

    public static object SubscribeConversations(params string[] convState) => new { minLastUpdatedTime = 0, convState };

    public static object Subscribe(string dialogId, int fromSeq = 0) => new { dialogId, fromSeq };

    public static async Task<string> OpenConversationAsync(this ConsumerClient client)
    {
        var response = await client.RequestAsync("cm.ConsumerRequestConversation");
        ((int)response["code"]!).Should().Be(200);
        return (string)response["body"]!["conversationId"]!;
    }
}
