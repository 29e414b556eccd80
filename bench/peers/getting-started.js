// The getting-started tutorial's steps with the ws library, as a lean client would take them: sign up over
// https, connect, request a conversation, subscribe, publish, await the agent's answer, close the
// conversation. The yardstick for `lprepl run scripts/getting-started.lprepl`. Reads LP_IDP,
// LP_ASYNCMESSAGINGENT and LP_ACCOUNT (the emulator's exports; NODE_EXTRA_CA_CERTS trusts its CA).
'use strict';
const { signup, connect } = require('./consumer');

async function main() {
  const jwt = await signup();
  const socket = connect(jwt);
  const pending = new Map();
  let onAgentMessage = null;
  socket.on('message', data => {
    const frame = JSON.parse(data);
    if (frame.reqId !== undefined && pending.has(frame.reqId)) {
      pending.get(frame.reqId)(frame);
      pending.delete(frame.reqId);
    }
    for (const change of (frame.body && frame.body.changes) || []) {
      const agent = change.originatorMetadata && change.originatorMetadata.role === 'ASSIGNED_AGENT';
      if (agent && change.event && change.event.type === 'ContentEvent' && onAgentMessage) {
        onAgentMessage(change.event.message);
      }
    }
  });
  let id = 0;
  const request = (type, body) => new Promise(resolve => {
    const reqId = String(++id);
    pending.set(reqId, resolve);
    socket.send(JSON.stringify({ kind: 'req', id: reqId, type, body }));
  });
  await new Promise((resolve, reject) => { socket.on('open', resolve); socket.on('error', reject); });
  const conversationId = (await request('cm.ConsumerRequestConversation', {})).body.conversationId;
  await request('ms.SubscribeMessagingEvents', { dialogId: conversationId, fromSeq: 0 });
  const answered = new Promise(resolve => { onAgentMessage = resolve; });
  await request('ms.PublishEvent', { dialogId: conversationId, event: { type: 'ContentEvent', contentType: 'text/plain', message: 'hi there' } });
  await answered;
  await request('cm.UpdateConversationField',
    { conversationId, conversationField: [{ field: 'ConversationStateField', conversationState: 'CLOSE' }] });
  socket.close();
}

main().catch(error => { console.error(error); process.exit(1); });
