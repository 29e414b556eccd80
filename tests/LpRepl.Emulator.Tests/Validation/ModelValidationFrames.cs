namespace LpRepl.Emulator.Tests.Validation;

/// <summary>
/// Requests the protocol model refuses (with the path its 400 names) and requests it lets through,
/// including every documented variant; <c>__DIALOG__</c> is an open conversation of the sender's.
/// The emulator and the model are both held to this one table, so they cannot drift apart.
/// </summary>
internal static class ModelValidationFrames
{
    /// <summary>The frame, and the path of the first thing the server cannot honour (null: none).</summary>
    public static readonly (string Frame, string? Path)[] All =
    [
        // A missing required field, also when misspelt.
        ("""{"kind":"req","id":"b1","type":"ms.PublishEvent","body":{"event":{"type":"ContentEvent","contentType":"text/plain","message":"hi"}}}""", "body.dialogId"),
        ("""{"kind":"req","id":"b2","type":"ms.PublishEvent","body":{"dialogID":"__DIALOG__","event":{"type":"ContentEvent","contentType":"text/plain","message":"hi"}}}""", "body.dialogID"),
        ("""{"kind":"req","id":"b3","type":"cqm.UnsubscribeExConversations","body":{}}""", "body.subscriptionId"),
        ("""{"kind":"req","id":"b4","type":"ms.PublishEvent","body":{"dialogId":"__DIALOG__","event":{"type":"AcceptStatusEvent","status":"READ"}}}""", "body.event.sequenceList"),
        ("""{"kind":"req","id":"b5","type":"ms.PublishEvent","body":{"dialogId":"__DIALOG__","event":{"type":"ContentEvent","contentType":"text/plain","message":"hi"}},"metadata":[{"id":"x"}]}""", "metadata[0].type"),
        // A value of the wrong type.
        ("""{"kind":"req","id":"b6","type":"ms.PublishEvent","body":{"dialogId":"__DIALOG__","event":{"type":"ContentEvent","contentType":"text/plain","message":{"text":"hi"}}}}""", "body.event.message"),
        ("""{"kind":"req","id":"b7","type":"ms.SubscribeMessagingEvents","body":{"dialogId":"__DIALOG__","fromSeq":"0"}}""", "body.fromSeq"),
        ("""{"kind":"req","id":"b8","type":"cqm.SubscribeExConversations","body":null}""", "body"),
        ("""{"kind":"req","id":1.5,"type":"KeepAlive"}""", "id"),
        // A value outside its enumeration.
        ("""{"kind":"request","id":"b10","type":"KeepAlive"}""", "kind"),
        ("""{"kind":"req","id":"b11","type":"ms.PublishEvent","body":{"dialogId":"__DIALOG__","event":{"type":"ChatStateEvent","chatState":"TYPING"}}}""", "body.event.chatState"),
        ("""{"kind":"req","id":"b12","type":"ms.GenerateURLForUploadFile","body":{"fileSize":"1024","fileType":"PDF"}}""", "body.fileType"),
        ("""{"kind":"req","id":"b13","type":"cm.UpdateConversationField","body":{"conversationId":"__DIALOG__","conversationField":[{"field":"CSATRate","csatRate":7,"csatResolutionConfirmation":true,"status":"FILLED"}]}}""", "body.conversationField[0].csatRate"),
        ("""{"kind":"req","id":"b14","type":"cqm.SubscribeExConversations","body":{"convState":"PENDING"}}""", "body.convState"),
        ("""{"kind":"req","id":"b15","type":"InitConnection","headers":[{"type":"ams.headers.ConsumerAuthentication","jwt":"x.y.z"}]}""", "headers[0].type"),
        // A value outside its documented range.
        ("""{"kind":"req","id":"b16","type":"ms.GenerateURLForUploadFile","body":{"fileSize":0,"fileType":"PNG"}}""", "body.fileSize"),
        ("""{"kind":"req","id":"b17","type":"ms.GenerateURLForUploadFile","body":{"fileSize":4000000,"fileType":"PNG"}}""", "body.fileSize"),
        ("""{"kind":"req","id":"b18","type":"ms.GenerateURLForUploadFile","body":{"fileSize":"1e3","fileType":"PNG"}}""", "body.fileSize"),
        ("""{"kind":"req","id":"b19","type":"ms.PublishEvent","body":{"dialogId":"__DIALOG__","event":{"type":"AcceptStatusEvent","status":"READ","sequenceList":-1}}}""", "body.event.sequenceList"),
        ("""{"kind":"req","id":"b20","type":"cm.UpdateConversationField","body":{"conversationId":"__DIALOG__","conversationField":{"field":"TTRField","ttrType":"URGENT","value":-5}}}""", "body.conversationField.value"),
        ("""{"kind":"req","id":"b21","type":"cm.UpdateConversationField","body":{"conversationId":"__DIALOG__","conversationField":[]}}""", "body.conversationField"),
        ("""{"kind":"req","id":"b22","type":"cqm.SubscribeExConversations","body":{"minLastUpdatedTime":-1}}""", "body.minLastUpdatedTime"),

        // Fitting requests, each documented variant among them.
        ("""{"kind":"req","id":"g1","type":"ms.PublishEvent","body":{"dialogId":"__DIALOG__","event":{"type":"ContentEvent","contentType":"text/plain","message":"hi"}}}""", null),
        ("""{"id":2,"type":"ms.PublishEvent","body":{"dialogId":"__DIALOG__","event":{"type":"ContentEvent","contentType":"text/plain","message":"hi"}}}""", null),
        ("""{"kind":"req","id":"g3","type":"ms.SubscribeMessagingEvents","body":{"dialogId":"__DIALOG__","fromSeq":-1}}""", null),
        ("""{"kind":"req","id":"g4","type":"ms.SubscribeMessagingEvents","body":{"dialogId":"__DIALOG__","fromSeq":1.0}}""", null),
        ("""{"kind":"req","id":"g5","type":"ms.GenerateURLForUploadFile","body":{"fileSize":"1024","fileType":"JPG"}}""", null),
        ("""{"kind":"req","id":"g6","type":"ms.GenerateURLForUploadFile","body":{"fileSize":1000,"fileType":"JPEG"}}""", null),
        ("""{"kind":"req","id":"g7","type":"ms.PublishEvent","body":{"dialogId":"__DIALOG__","event":{"type":"AcceptStatusEvent","status":"READ","sequenceList":0}}}""", null),
        ("""{"kind":"req","id":"g8","type":"ms.PublishEvent","body":{"dialogId":"__DIALOG__","event":{"type":"AcceptStatusEvent","status":"ACCEPT","sequenceList":[0.0]}}}""", null),
        ("""{"kind":"req","id":"g9","type":"cm.UpdateConversationField","body":{"conversationId":"__DIALOG__","conversationField":{"field":"TTRField","ttrType":"URGENT","value":300}}}""", null),
        ("""{"kind":"req","id":"g10","type":"cqm.SubscribeExConversations","body":{"convState":"OPEN","minLastUpdatedTime":0}}""", null),
        ("""{"kind":"req","id":"g11","type":"ms.PublishEvent","body":{"dialogId":"__DIALOG__","event":{"type":"ContentEvent","contentType":"hosted/file","message":{"relativePath":"/v1/AUTH_async-images/1/x.PNG","fileType":"PNG"}}}}""", null),
        ("""{"kind":"req","id":"g12","type":"ms.PublishEvent","body":{"dialogId":"__DIALOG__","event":{"type":"RichContentEvent","message":{"type":"vertical","elements":[]}}}}""", null),
        ("""{"kind":"req","id":"g13","type":"userprofile.SetUserProfile"}""", null),
        ("""{"kind":"req","id":"g14","type":"ms.PublishEvent","body":{"dialogId":"__DIALOG__","event":{"type":"ContentEvent","contentType":"text/plain","message":"hi"}},"metadata":{"type":"ExternalId","id":"x"}}""", null),
        // Unknown fields are let through: the documentation says nothing of them in requests.
        ("""{"kind":"req","id":"g15","type":"ms.PublishEvent","body":{"dialogId":"__DIALOG__","event":{"type":"ContentEvent","contentType":"text/plain","message":"hi"},"colour":"red"}}""", null),
        ("""{"kind":"req","id":"g16","type":"GetClock","extra":true}""", null),
        ("""{"kind":"req","id":"g17","type":"cm.ConsumerRequestConversation","body":{"somethingNew":1}}""", null),
    ];
}
