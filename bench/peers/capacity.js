// The emulator's capacity row: N consumers at once, each as a separate client would be (its own TLS
// connections, no session reuse): sign up over https, open the consumer WebSocket with
// `Authorization: jwt …`, request a conversation, publish a text, close the conversation, disconnect.
// Prints one line: `consumers N errors E p50 S p99 S max S wall S client_cpu S` (each consumer's whole
// time, seconds; this client's own CPU) and on stderr the stages' medians and the first few errors.
// Reads LP_IDP, LP_ASYNCMESSAGINGENT and LP_ACCOUNT (the emulator's exports); the emulator's CA is trusted through NODE_EXTRA_CA_CERTS, which those exports set.
// Usage: node capacity.js [CONSUMERS] (default 1000).
'use strict';
const https = require('https');
const WebSocket = require('ws');

const { LP_IDP, LP_ASYNCMESSAGINGENT, LP_ACCOUNT } = process.env;
const consumers = Number(process.argv[2] || 1000);
// Generous: a consumer still waiting after this counts as an error, not as a hung bench.
const timeoutMs = 60000;

function signup() {
  return new Promise((resolve, reject) => {
    // agent: false — a new connection and a full handshake, as a new client makes.
    const request = https.request(`https://${LP_IDP}/api/account/${LP_ACCOUNT}/signup`, { method: 'POST', agent: false }, response => {
      let body = '';
      response.on('data', chunk => { body += chunk; });
      response.on('end', () => {
        if (response.statusCode !== 200) {
          reject(new Error(`signup: HTTP ${response.statusCode}`));
          return;
        }
        try {
          resolve(JSON.parse(body).jwt);
        } catch (error) {
          reject(new Error(`signup: not JSON: ${body.slice(0, 80)}`));
        }
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

// Each consumer's stages (signup, open, the three requests, close), to see where a slow burst waits.
const stageNames = ['signup', 'open', 'requests', 'close'];
const stageTotals = stageNames.map(() => []);

async function consumer() {
  let mark = process.hrtime.bigint();
  const stage = index => {
    const now = process.hrtime.bigint();
    stageTotals[index].push(Number(now - mark) / 1e9);
    mark = now;
  };
  const jwt = await signup();
  stage(0);
  const socket = new WebSocket(`wss://${LP_ASYNCMESSAGINGENT}/ws_api/account/${LP_ACCOUNT}/messaging/consumer?v=3`,
    { headers: { Authorization: `jwt ${jwt}` } });
  const pending = new Map();
  let failed = null;
  const fail = error => {
    failed = failed || error;
    for (const [, { reject }] of pending) reject(failed);
    pending.clear();
  };
  socket.on('message', data => {
    let frame;
    try {
      frame = JSON.parse(data);
    } catch (error) {
      fail(new Error(`not a JSON frame: ${String(data).slice(0, 80)}`));
      return;
    }
    const waiter = frame.reqId !== undefined && pending.get(frame.reqId);
    if (waiter) {
      pending.delete(frame.reqId);
      if (frame.code >= 200 && frame.code < 300) waiter.resolve(frame);
      else waiter.reject(new Error(`${frame.type}: code ${frame.code} ${JSON.stringify(frame.body)}`));
    }
  });
  socket.on('close', (code, reason) => fail(new Error(`socket closed ${code} ${reason}`)));
  socket.on('error', fail);
  let id = 0;
  const request = (type, body) => new Promise((resolve, reject) => {
    if (failed) { reject(failed); return; }
    const reqId = String(++id);
    pending.set(reqId, { resolve, reject });
    socket.send(JSON.stringify({ kind: 'req', id: reqId, type, body }));
  });
  await new Promise((resolve, reject) => { socket.once('open', resolve); socket.once('error', reject); socket.once('close', reject); });
  stage(1);
  const conversationId = (await request('cm.ConsumerRequestConversation', {})).body.conversationId;
  await request('ms.PublishEvent', { dialogId: conversationId, event: { type: 'ContentEvent', contentType: 'text/plain', message: 'hi there' } });
  await request('cm.UpdateConversationField',
    { conversationId, conversationField: [{ field: 'ConversationStateField', conversationState: 'CLOSE' }] });
  stage(2);
  socket.removeAllListeners('close');
  await new Promise(resolve => { socket.once('close', resolve); socket.close(1000); });
  stage(3);
}

function timed() {
  const start = process.hrtime.bigint();
  let timer;
  const limit = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`not done after ${timeoutMs / 1000} s`)), timeoutMs); });
  return Promise.race([consumer(), limit])
    .then(() => ({ seconds: Number(process.hrtime.bigint() - start) / 1e9 }))
    .catch(error => ({ seconds: Number(process.hrtime.bigint() - start) / 1e9, error }))
    .finally(() => clearTimeout(timer));
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

async function main() {
  const start = process.hrtime.bigint();
  const results = await Promise.all(Array.from({ length: consumers }, timed));
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const errors = results.filter(r => r.error);
  for (const { error } of errors.slice(0, 5)) console.error(`error: ${error.message}`);
  const times = results.map(r => r.seconds).sort((a, b) => a - b);
  const cpu = process.cpuUsage();
  console.log(`consumers ${consumers} errors ${errors.length} p50 ${percentile(times, 0.5).toFixed(3)} p99 ${percentile(times, 0.99).toFixed(3)} max ${times[times.length - 1].toFixed(3)} wall ${wall.toFixed(3)} client_cpu ${((cpu.user + cpu.system) / 1e6).toFixed(3)}`);
  const p50s = stageTotals.map((values, index) => {
    const sorted = values.sort((a, b) => a - b);
    return `${stageNames[index]} ${sorted.length ? percentile(sorted, 0.5).toFixed(3) : '-'}`;
  });
  console.error(`stage p50 (s): ${p50s.join(', ')}`);
}

main().catch(error => { console.error(error); process.exit(1); });
