// One address cannot push everyone else's conversations out of the built-in Direct Line: it is
// capped per address, only idle conversations are evicted, and a full channel answers 503.
import * as http from 'node:http';
import * as restify from 'restify';
import type { AddressInfo } from 'node:net';
import { mountDirectLine, type LocalDirectLine } from '../../src/directline';

let server: restify.Server;
let channel: LocalDirectLine;
let base = '';
beforeAll(async () => {
  server = restify.createServer();
  channel = mountDirectLine(server, { maxConversations: 4, maxConversationsPerAddress: 3, upgradesPerMinute: 1000 });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3/directline`;
});
afterAll(async () => {
  channel.close();
  await new Promise<void>((r) => server.close(() => r()));
});

/** A request from a chosen loopback source address (another visitor). */
function from(
  localAddress: string,
  method: string,
  path: string,
  token?: string,
): Promise<{ status: number; json?: { conversationId: string; token: string } }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}${path}`,
      { method, localAddress, agent: false, headers: token ? { authorization: `Bearer ${token}` } : {} },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : undefined }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

test('an address that starts conversations beyond its cap gets 429; a full channel 503; nobody else is evicted', async () => {
  const victim = await from('127.0.0.2', 'POST', '/conversations');
  expect(victim.status).toBe(201);
  const attacker: number[] = [];
  for (let i = 0; i < 10; i++) attacker.push((await from('127.0.0.1', 'POST', '/conversations')).status);
  expect(attacker.slice(0, 3)).toEqual([201, 201, 201]);
  expect(attacker.slice(3).every((s) => s === 429)).toBe(true);
  // A third visitor finds the channel full of active conversations: 503, nothing evicted.
  expect((await from('127.0.0.3', 'POST', '/conversations')).status).toBe(503);
  const still = await from(
    '127.0.0.2',
    'GET',
    `/conversations/${victim.json!.conversationId}/activities`,
    victim.json!.token,
  );
  expect(still.status).toBe(200);
});
