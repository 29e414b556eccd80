// The getting-started tutorial's steps with the ws library, as a lean client would take them: sign up over
// https, connect, request a conversation, subscribe, publish, await the agent's answer, close the
// conversation. The yardstick for `lprepl run scripts/getting-started.lprepl`. Reads LP_IDP,
// LP_ASYNCMESSAGINGENT and LP_ACCOUNT (the emulator's exports; NODE_EXTRA_CA_CERTS trusts its CA).
'use strict';
const https = require('https');
const WebSocket = require('ws');

const { LP_IDP, LP_ASYNCMESSAGINGENT, LP_ACCOUNT } = process.env;

function signup() {
  return new Promise((resolve, reject) => {
    const request = https.request(`https://${LP_IDP}/api/account/${LP_ACCOUNT}/signup`, { method: 'POST' }, response => {
      let body = '';
      response.on('data', chunk => { body += chunk; });
      response.on('end', () => resolve(JSON.parse(body).jwt));
    });
    request.on('error', reject);
    request.end();
  });
}

async function main() {
  const jwt = await signup();
  const socket = new WebSocket(`wss://${LP_ASYNCMESSAGINGENT}/ws_api/account/${LP_ACCOUNT}/messaging/consumer?v=3`,
    { headers: { Authorization: `jwt ${jwt}` } });
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
