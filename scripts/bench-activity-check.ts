/**
 * npx ts-node --transpile-only scripts/bench-activity-check.ts [-- --runs 200000]
 * Microseconds to check one ordinary message activity (src/http/activityGuard.ts: the zod schema,
 * then the identity-code redaction), five rounds after a warm-up. `npm run bench:cpu` shows the
 * same cost as a share of a whole turn.
 */
import { checkActivity } from '../src/http/activityGuard';
import { flag } from './benchServers';

const activity = () => ({
  type: 'message',
  id: 'a1',
  channelId: 'webchat',
  serviceUrl: 'https://example.test/api/',
  conversation: { id: 'c1' },
  from: { id: 'u1', name: 'User' },
  recipient: { id: 'bot' },
  text: 'asun Juvalla, olen 27',
  locale: 'fi-FI',
  timestamp: '2021-02-17T10:00:00Z',
  deliveryMode: 'expectReplies',
  channelData: { clientActivityID: 'x' },
});

const runs = flag('--runs', 200_000);
for (let i = 0; i < 20_000; i++) checkActivity(activity(), 1000);
for (let round = 1; round <= 5; round++) {
  const started = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) checkActivity(activity(), 1000);
  const us = Number(process.hrtime.bigint() - started) / runs / 1000;
  console.log(`round ${round}: ${us.toFixed(2)} µs an activity`);
}
