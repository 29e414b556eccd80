using LpRepl.Emulator.State;
using Newtonsoft.Json.Linq;

namespace LpRepl.Emulator.Messaging;

/// <summary>One request being handled: who sent it, on which connection, and how to answer.</summary>
internal sealed class RequestContext
{
    private readonly ConsumerConnection _connection;

    public RequestContext(JObject request, string reqId, string responseType, ConsumerConnection connection)
    {
        Request = request;
        ReqId = reqId;
        ResponseType = responseType;
        _connection = connection;
    }

    public JObject Request { get; }

    /// <summary>The request id, always as a string.</summary>
    public string ReqId { get; }

    public string ResponseType { get; }

    /// <summary>The request body if it is an object, null otherwise.</summary>
    public JObject? Body => Request["body"] as JObject;

    public AccountState Account => _connection.Account;

    public ConsumerState Consumer => _connection.Consumer;

    public ConsumerConnection Connection => _connection;

    public void Respond(int code, JToken body, string? type = null) =>
        _connection.Send(Frames.Response(ReqId, code, body, type ?? ResponseType));

    public void Ok(JToken body, string? type = null) => Respond(200, body, type);

    public void Fail(int code, string message, string? type = null) => Respond(code, message, type);
}
