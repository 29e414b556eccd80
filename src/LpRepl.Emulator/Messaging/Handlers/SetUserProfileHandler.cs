using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging.Handlers;

/// <summary><c>userprofile.SetUserProfile</c>: keeps the consumer's profile (e.g. authenticatedData.lp_sdes) as sent.</summary>
internal sealed class SetUserProfileHandler : IRequestHandler
{
    public IReadOnlyList<string> RequestTypes { get; } = ["userprofile.SetUserProfile"];

    // Undocumented on the socket; named like the other v3 responses, with the Send API's body.
    public string ResponseType => ResponseTypes.SetUserProfile;

    public Task HandleAsync(RequestContext context, CancellationToken ct)
    {
        var body = context.Request["body"];
        if (body is not (null or JObject) && body.Type != JTokenType.Null)
        {
            context.Fail(400, "Invalid body: expected an object");
            return Task.CompletedTask;
        }

        if (context.Body?["authenticatedData"] is { Type: not (JTokenType.Object or JTokenType.Null) })
        {
            context.Fail(400, "authenticatedData must be an object");
            return Task.CompletedTask;
        }

        var consumer = context.Consumer;
        lock (consumer.Gate)
        {
            consumer.Profile = (JObject?)context.Body?.DeepClone() ?? [];
        }

        context.Ok(new JObject { ["msg"] = "OK User Profile set successfully" });
        return Task.CompletedTask;
    }
}
