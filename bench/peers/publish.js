// The throughput rows' node peer, with the ws library wscat is built on: sign up, connect, request a
// conversation (untimed), then send N ms.PublishEvent frames at once and wait for every answer, matched by
// its reqId (pipelined). Prints "bench START_NS END_NS" (epoch nanoseconds around the N) on stdout.
// Reads LP_IDP, LP_ASYNCMESSAGINGENT and LP_ACCOUNT (the emulator's exports; NODE_EXTRA_CA_CERTS trusts its CA).
// Usage: node publish.js [N] (default 20000).
'use strict';
const { signup, connect } = require('./consumer');

const count = Number(process.argv[2] || 20000);
const nowNs = () => BigInt(Date.now()) * 1000000n;

async function main() {
  const jwt = await signup();
  const socket = connect(jwt);
  const pending = new Map();
  socket.on('message', data => {
    const frame = JSON.parse(data);
    const resolve = pending.get(frame.reqId);
    if (resolve !== undefined) {
      pending.delete(frame.reqId);
      resolve(frame);
    }
  });
  const request = (id, type, body) => new Promise(resolve => {
    pending.set(id, resolve);
    socket.send(JSON.stringify({ kind: 'req', id, type, body }));
  });
  await new Promise((resolve, reject) => { socket.on('open', resolve); socket.on('error', reject); });
  const conversationId = (await request('c', 'cm.ConsumerRequestConversation', {})).body.conversationId;
  const start = nowNs();
  const answers = [];
  for (let i = 1; i <= count; i++) {
    answers.push(request(String(i), 'ms.PublishEvent',
      { dialogId: conversationId, event: { type: 'ContentEvent', contentType: 'text/plain', message: `m${i}` } }));
  }
  const refused = (await Promise.all(answers)).filter(frame => frame.code !== 200).length;
  const end = nowNs();
  if (refused > 0) throw new Error(`${refused} of ${count} publishes were refused`);
  console.log(`bench ${start} ${end}`);
  socket.close();
}

main().catch(error => { console.error(error); process.exit(1); });
