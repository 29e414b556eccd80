// The inbound rows' server: a plain WebSocket server on loopback that, when a client connects, sends what the
// path asks for, then a `bench.Done` frame, then closes (1000; with ?linger the client closes):
//   /flood/N    N small ms.MessagingEventNotification frames, one change each (a busy conversation)
//   /history/N  one ms.MessagingEventNotification carrying N changes (a long history from fromSeq 0)
// A client sees every frame and the close; the last frame lets a script `wait` for the end. The frames are
// built once per path, before the first send, so the server spends its time writing, not building.
// Prints "listening PORT" on stdout once it accepts connections. Usage: node flood-server.js [PORT] (0: any).
'use strict';
const WebSocket = require('ws');

const conversationId = '4a1b7c2e-9d3f-4e8a-b6c5-1f2e3d4c5b6a';
const consumerId = 'd7e8f9a0-1b2c-4d3e-8f4a-5b6c7d8e9f0a';
// One change as the emulator and LivePerson send it, a consumer's text (~380 bytes: 20,000 make a 7.3 MiB frame).
function change(sequence) {
  return {
    sequence,
    originatorId: consumerId,
    originatorMetadata: { id: consumerId, role: 'CONSUMER' },
    serverTimestamp: 1764640000000 + sequence,
    event: { type: 'ContentEvent', message: `message ${sequence}`, contentType: 'text/plain' },
    conversationId,
    dialogId: conversationId,
  };
}
const notification = changes => JSON.stringify({
  kind: 'notification',
  body: { changes },
  type: 'ms.MessagingEventNotification',
});
const done = JSON.stringify({ kind: 'notification', type: 'bench.Done', body: {} });

const built = new Map();
function frames(path) {
  if (built.has(path)) return built.get(path);
  const match = /^\/(flood|history)\/(\d+)$/.exec(path.split('?')[0]);
  if (!match) return null;
  const n = Number(match[2]);
  const list = match[1] === 'flood'
    ? Array.from({ length: n }, (_, i) => notification([change(i)]))
    : [notification(Array.from({ length: n }, (_, i) => change(i)))];
  built.set(path, list);
  return list;
}

const server = new WebSocket.Server({ host: '127.0.0.1', port: Number(process.argv[2] || 0), perMessageDeflate: false });
server.on('listening', () => console.log(`listening ${server.address().port}`));
server.on('connection', (socket, request) => {
  const list = frames(request.url);
  if (list === null) {
    socket.close(1008, `unknown path ${request.url}: /flood/N or /history/N`);
    return;
  }
  for (const frame of list) socket.send(frame);
  socket.send(done);
  // ?linger: the client, whose script ends on the last frame, closes (a close of ours would race its end);
  // otherwise the close is the end, as wscat needs.
  if (/[?&]linger\b/.test(request.url)) {
    setTimeout(() => socket.close(1000, 'bench done'), 60000).unref();
  } else {
    socket.close(1000, 'bench done');
  }
});
