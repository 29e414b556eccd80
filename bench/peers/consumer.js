// What the node peers share: the tutorial's signup over https and the consumer socket it opens, from the
// emulator's exports (LP_IDP, LP_ASYNCMESSAGINGENT, LP_ACCOUNT; NODE_EXTRA_CA_CERTS trusts its CA).
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

const connect = jwt => new WebSocket(`wss://${LP_ASYNCMESSAGINGENT}/ws_api/account/${LP_ACCOUNT}/messaging/consumer?v=3`,
  { headers: { Authorization: `jwt ${jwt}` } });

module.exports = { signup, connect };
