namespace LpRepl.Tests.Protocol;

/// <summary>
/// Request frames quoted verbatim from LivePerson's documentation (LivePersonInc/developer-center),
/// each with the page it is on (its permalink under developers.liveperson.com) and the step. The
/// protocol model must find nothing wrong with any of them.
/// </summary>
public static class DocumentedFrames
{
    private const string Pcs = "messaging-window-api-tutorials-post-conversation-survey-pcs.html";

    public static IReadOnlyList<(string Source, string Frame)> All { get; } =
    [
        ("consumer-int-getting-started.html §Step 4", """{"kind":"req","id":1,"type":"cm.ConsumerRequestConversation"}"""),
        ("consumer-int-getting-started.html §Step 5", """{"kind":"req","id":2,"type":"ms.PublishEvent","body":{"dialogId":"__YOUR_CONVERSATION_ID__","event":{"type":"ContentEvent","contentType":"text/plain","message":"hi there"}}}"""),
        ("messaging-window-api-api-reference-publishing-text-content.html", """{"type":"ms.PublishEvent","id":"A3FA","body":{"dialogId":"__YOUR_CONVERSATION_ID__","event":{"type":"ContentEvent","contentType":"text/plain","message":"hi there"}}}"""),
        ("messaging-window-api-api-reference-close-conversation.html", """{"kind":"req","id":"0","type":"cm.UpdateConversationField","body":{"conversationId":"id","conversationField":[{"field":"ConversationStateField","conversationState":"CLOSE"}]}}"""),
        ("messaging-window-api-api-reference-send-consumer-satisfaction-csat.html", """{"id":"0","type":"cm.UpdateConversationField","body":{"conversationId":"id","conversationField":[{"field":"CSATRate","csatRate":1,"csatResolutionConfirmation":false,"status":"FILLED"}]}}"""),
        ("consumer-int-msg-conv-ttr.html (API reference, urgent TTR)", """{"id":"0","type":"cm.UpdateConversationField","body":{"conversationId":"hello","conversationField":[{"field":"TTRField","ttrType":"URGENT","value":300}]}}"""),
        ("messaging-window-api-api-reference-subscribe-to-messaging-events.html", """{"type":"ms.SubscribeMessagingEvents","id":"2SA2","body":{"fromSeq":0,"dialogId":"__YOUR_CONVERSATION_ID__"}}"""),
        // The page writes "type" twice (LpRepl's strict JSON check refuses that before the model sees it); read, the last one counts.
        ("messaging-window-api-api-reference-subscribe-to-conversation-metadata.html", """{"type":"cqm.SubscribeExConversations","id":"33","body":{"minLastUpdatedTime":1478089679,"convState":["OPEN"]},"type":"cqm.SubscribeExConversations" }"""),
        ("messaging-window-api-api-reference-unsubscribe-from-conversation-metadata.html", """{"id":"0","type":"cqm.UnsubscribeExConversations","body":{"subscriptionId":"id"}}"""),
        ("messaging-window-api-api-reference-init-connection.html", """{"type": "InitConnection","headers":[{"type":".ams.headers.ClientProperties","deviceFamily":"DESKTOP","os":"WINDOWS"},{"type":".ams.headers.ConsumerAuthentication","jwt":"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWV9.TJVA95OrM7E2cBab30RMHrHDcEfxjoYZgeFONFh7HgQ"}]}"""),
        ("messaging-window-api-tutorials-avoid-websocket-headers.html", """{"kind":"req","id":"0","type":"InitConnection","headers":[{"type":".ams.headers.ClientProperties","deviceFamily":"MOBILE","os":"ANDROID"},{"type":".ams.headers.ConsumerAuthentication","jwt":"__YOUR_JWT__"}]}"""),
        ("messaging-window-api-api-reference-generate-upload-url.html", """{"kind":"req","id":"0","type":"ms.GenerateURLForUploadFile","body":{"fileSize":"1024","fileType":"JPG"}}"""),
        ("consumer-int-file-sharing.html §Step 3 (using bash)", """{"kind":"req","id":"3","body":{"fileSize":1000,"fileType":"PNG"},"type":"ms.GenerateURLForUploadFile"    }"""),
        ("consumer-int-file-sharing.html §Step 3", """
            {
                "kind": "req",
                "id": 1,
                "body": {
                "fileSize": "1000",
                "fileType": "JPG"
                },
                "type": "ms.GenerateURLForUploadFile"
            }
            """),
        ("consumer-int-file-sharing.html §Step 5", """
            {
              "kind": "req",
              "id": 1,
              "body": {
                "dialogId": "",
                "event": {
                  "type": "ContentEvent",
                  "contentType": "hosted/file",
                  "message": {
                    "caption": "Hello Kitten",
                    "relativePath": "",
                    "fileType": "JPG",
                    "preview": ""
                  }
                }
              },
              "type": "ms.PublishEvent"
            }
            """),
        ("consumer-int-file-sharing.html §Step 5 (using bash)", """{"kind":"req","id":"22","body":{"dialogId":"__CONVERSATION_ID__","event":{"type":"ContentEvent","message":{"caption":"LivePerson logo","relativePath":"__relative_path__","fileType":"PNG","preview":"data:image/png;base64,<Base64Image>"},"contentType":"hosted/file"}},"type":"ms.PublishEvent"}"""),
        ("consumer-int-file-sharing.html §Step 6", """
            {
              "kind": "req",
              "id": 1,
              "body": {
                "relativePath": "1234.JPG"
              },
              "type": "ms.GenerateURLForDownloadFile"
            }
            """),
        ("consumer-int-file-sharing.html §Step 6 (using bash)", """{"kind":"req","id":"33","body":{"relativePath":"__relative_path__"},"type":"ms.GenerateURLForDownloadFile"}"""),
        // __SEQUENCE__ is the page's placeholder for a number it says to substitute.
        ("messaging-window-api-tutorials-read-and-accept-events.html §Step 3", """{"kind":"req","id":2,"type":"ms.PublishEvent","body":{"dialogId":"__DIALOG_ID__","event":{"type" : "AcceptStatusEvent" , "status" : "ACCEPT", "sequenceList" : [ 3 ]}}}"""),
        ("messaging-window-api-tutorials-read-and-accept-events.html §Step 3 (read)", """{"kind":"req","id":2,"type":"ms.PublishEvent","body":{"dialogId":"__DIALOG_ID__","event":{"type" : "AcceptStatusEvent" , "status" : "READ", "sequenceList" : [ 3 ]}}}"""),
        (Pcs + " §Step 4", """{"kind":"req","id":"3","type":"cqm.SubscribeExConversations","body":{"stage":["OPEN","CLOSE"],"convState":["OPEN","CLOSE"]}}"""),
        (Pcs + " §Step 5", """{"kind":"req","id":"0","type":"cm.ConsumerRequestConversation","body":{"channelType":"MESSAGING","ttrDefName":null,"campaignInfo":{"campaignId":418732213,"engagementId":425842913},"conversationContext":{"visitorId":"NmNDQ5OWU1MjM1NjBlZTAz","sessionId":"DHE_fICSTZ2gx5IsljFcwQ","interactionContextId":"1","type":"SharkContext","lang":"en-US"}}}"""),
        (Pcs + " §Step 7", """{"kind":"req","id":"2","type":"ms.SubscribeMessagingEvents","body":{"dialogId":"__YOUR_CONVERSATION_ID__","conversationId":"__YOUR_CONVERSATION_ID__","fromSeq":0}}"""),
        (Pcs + " §Step 8", """{"kind":"req","id":"4","type":"ms.PublishEvent","body":{"dialogId":"__YOUR_CONVERSATION_ID__","conversationId":"__YOUR_CONVERSATION_ID__","event":{"type":"ContentEvent","contentType":"text/plain","message":"Hello from the consumer"}}}"""),
        (Pcs + " §Step 9 (typing)", """{"kind":"req","id":"2","type":"ms.PublishEvent","body":{"dialogId":"__YOUR_CONVERSATION_ID__","conversationId":"__YOUR_CONVERSATION_ID__","event":{"type":"ChatStateEvent","chatState":"ACTIVE"}}}"""),
        (Pcs + " §Step 9 (close the main dialog)", """{"kind":"req","id":"2","type":"cm.UpdateConversationField","body":{"conversationId":"__YOUR_CONVERSATION_ID__","conversationField":{"field":"DialogChange","type":"UPDATE","dialog":{"dialogId":"__YOUR_CONVERSATION_ID__","state":"CLOSE","closedCause":"Closed by consumer"}}}}"""),
        (Pcs + " §Step 10", """{"kind":"req","id":"2","type":"ms.SubscribeMessagingEvents","body":{"dialogId":"__YOUR_POST_SURVEY_DIALOG_ID__","conversationId":"__YOUR_CONVERSATION_ID__","fromSeq":0}}"""),
        (Pcs + " §Step 12 (ACTION)", """
            {
              "kind": "req",
              "id": "22",
              "type": "ms.PublishEvent",
              "body": {
                "dialogId": "__YOUR_POST_SURVEY_DIALOG_ID__",
                "conversationId": "__YOUR_CONVERSATION_ID__",
                "event": {
                  "type": "AcceptStatusEvent",
                  "status": "ACTION",
                  "sequenceList": [
                    1
                  ]
                }
              },
              "metadata": [
                {
                  "type": "Answer",
                  "questionId": "3e70da9b-76de-4c2a-911e-a41aee698b82",
                  "id": "4f7c6a7b-033b-4171-a361-abf99e0ea493",
                  "provider": "AC"
                }
              ]
            }
            """),
        (Pcs + " §Step 12 (the answer's text)", """
            {
              "kind": "req",
              "id": "3",
              "type": "ms.PublishEvent",
              "body": {
                "dialogId": "__YOUR_POST_SURVEY_DIALOG_ID__",
                "conversationId": "__YOUR_CONVERSATION_ID__",
                "event": {
                  "type": "ContentEvent",
                  "contentType": "text/plain",
                  "message": "1"
                }
              },
              "metadata": [
                {
                  "type": "Answer",
                  "questionId": "3e70da9b-76de-4c2a-911e-a41aee698b82",
                  "id": "4f7c6a7b-033b-4171-a361-abf99e0ea493",
                  "provider": "AC"
                }
              ]
            }
            """),
        (Pcs + " §Additional Notes", """{"kind":"req","id":"11","body":{"conversationId":"__YOUR_CONVERSATION_ID__","conversationField":{"field":"Stage","conversationState":"CLOSE"}},"type":"cm.UpdateConversationField"}"""),
        ("consumer-int-protocol-overview.html §Keep Alive", """{"kind":"req","id":"1","type":".GetClock"}"""),
        ("assets/schema/connectorapi/setUserProfile.json", """
            {
              "kind": "req",
              "id": 1,
              "type": "userprofile.SetUserProfile",
              "body": {
                "firstName": "",
                "lastName": "",
                "userId": "",
                "avatarUrl": "",
                "role": "",
                "backgndImgUri": "",
                "description": "",
                "authenticatedData": {
                  "lp_sdes": [
                    {
                      "type": "ctmrinfo",
                      "info": {
                        "socialId": "1234567890"
                      }
                    },
                    {
                      "type": "personal",
                      "personal": {
                        "firstname": "John",
                        "lastname": "Doe",
                        "gender": "MALE"
                      }
                    }
                  ]
                },
                "privateData": {
                  "mobileNum": "",
                  "mail": "",
                  "pushNotificationData": {
                    "serviceName": "",
                    "certName": "",
                    "token": ""
                  }
                }
              }
            }
            """),
    ];
}
