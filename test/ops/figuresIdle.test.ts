import { facts } from '../../knowledge';
import { t } from '../../dialogs/replies/texts';
import { METRIC, startTelemetry, type Telemetry } from '../../src/metrics';
import { BoundedMemoryStorage } from '../../src/storage';
import { makeBot, Talk } from '../bot/helpers';

// A conversation whose state the memory store forgets (idle for STATE_IDLE_MINUTES, or pushed
// out when the store is full) while a question is open was left at that question: it is counted
// once, with the question; a conversation that got its answer is not.

const IDLE_MS = 30 * 60_000;

async function leftCounts(telemetry: Telemetry): Promise<Record<string, number>> {
  const { resourceMetrics } = await telemetry.prometheus.collect();
  const out: Record<string, number> = {};
  for (const scope of resourceMetrics.scopeMetrics)
    for (const metric of scope.metrics)
      if (metric.descriptor.name === METRIC.left)
        for (const p of metric.dataPoints)
          out[`${String(p.attributes.slot)}/${String(p.attributes.reason)}`] = p.value as number;
  return out;
}

test('a conversation left idle with a question open counts as left at that question; an answered one does not', async () => {
  const telemetry = await startTelemetry();
  let now = 0;
  const storage = new BoundedMemoryStorage({
    idleMs: IDLE_MS,
    maxItems: 100,
    now: () => now,
    onForget: (json, why) => telemetry.figures.forgotten(json, why),
  });
  try {
    const { bot } = makeBot(undefined, storage);
    // One person is asked their age and leaves; another gets the answer and says thanks.
    await new Talk(bot, 'fi-FI', 'asked').say(facts.municipalities.juva.fi);
    const answered = new Talk(bot, 'fi-FI', 'answered');
    await answered.say(facts.municipalities.pieksamaki.fi);
    await answered.say(t('buttonYes', 'fi'));
    expect(storage.size).toBe(2);
    now += IDLE_MS - 1;
    storage.sweep();
    expect(await leftCounts(telemetry)).toEqual({});
    now += 2;
    storage.sweep();
    expect(storage.size).toBe(0);
    expect(await leftCounts(telemetry)).toEqual({ 'age/idle': 1 });
  } finally {
    await telemetry.shutdown();
  }
});

test('a conversation pushed out of a full store with a question open counts as left, reason full', async () => {
  const telemetry = await startTelemetry();
  const storage = new BoundedMemoryStorage({
    idleMs: IDLE_MS,
    maxItems: 1,
    onForget: (json, why) => telemetry.figures.forgotten(json, why),
  });
  try {
    const { bot } = makeBot(undefined, storage);
    await new Talk(bot, 'sv-FI', 'first').say(facts.municipalities.juva.fi);
    await new Talk(bot, 'sv-FI', 'second').say(facts.municipalities.juva.fi);
    expect(await leftCounts(telemetry)).toEqual({ 'age/full': 1 });
  } finally {
    await telemetry.shutdown();
  }
});
