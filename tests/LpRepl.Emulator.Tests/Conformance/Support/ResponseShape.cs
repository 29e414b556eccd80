using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Tests.Conformance.Support;

/// <summary>Field-by-field checks of the envelope every response and notification shares (infra/resp.json, infra/notification.json).</summary>
public static class ResponseShape
{
    /// <summary>The response fields, in the order of the documentation's samples.</summary>
    public static readonly string[] ResponseFields = ["kind", "reqId", "code", "body", "type"];

    public static readonly string[] NotificationFields = ["kind", "body", "type"];

    /// <summary>Checks kind, a string reqId, an integer code, a body and the type, in order; returns the body.</summary>
    public static JToken ShouldBeResponse(this JObject frame, string reqId, int code, string type)
    {
        frame.Properties().Select(p => p.Name).Should().Equal(ResponseFields, frame.ToString());
        ((string?)frame["kind"]).Should().Be("resp");
        frame["reqId"]!.Type.Should().Be(JTokenType.String);
        ((string?)frame["reqId"]).Should().Be(reqId);
        frame["code"]!.Type.Should().Be(JTokenType.Integer);
        ((int)frame["code"]!).Should().Be(code, frame.ToString());
        ((string?)frame["type"]).Should().Be(type);
        return frame["body"]!;
    }

    /// <summary>A StringResponse (infra/stringResp.json): its body is a string of at most 128 characters; returns it.</summary>
    public static string ShouldBeStringResponse(this JObject frame, string reqId, int code)
    {
        var body = frame.ShouldBeResponse(reqId, code, "StringResponse");
        body.Type.Should().Be(JTokenType.String);
        var text = (string)body!;
        text.Length.Should().BeLessThanOrEqualTo(128, "infra/stringRespBody.json: maxLength 128");
        return text;
    }

    /// <summary>Checks kind, body and type, in order; returns the body.</summary>
    public static JObject ShouldBeNotification(this JObject frame, string type)
    {
        frame.Properties().Select(p => p.Name).Should().Equal(NotificationFields, frame.ToString());
        ((string?)frame["kind"]).Should().Be("notification");
        ((string?)frame["type"]).Should().Be(type);
        return (JObject)frame["body"]!;
    }

    /// <summary>The names of an object's fields, in order.</summary>
    public static IEnumerable<string> FieldNames(this JToken token) => ((JObject)token).Properties().Select(p => p.Name);
}
