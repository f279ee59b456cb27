// Benchmark of the guidance core: understand a realistic message, merge it into what is known of
// the person, and decide, many thousands of times after a warm-up. Prints the average and the 99th
// percentile in microseconds per message. Target: under 100 µs (0.1 ms) on average.
//
//   npm run bench:core                 (default 20 000 messages)
//   npm run bench:core -- 100000       (more)
import { performance } from 'perf_hooks';
import { applyUnderstanding, decide, understand } from '../knowledge';
import type { Person, Slot } from '../knowledge';

/** A mix like a real conversation's: answers, sentences, typos, other languages, commands. */
const MESSAGES: Array<[string, Slot?]> = [
  ['asun Juvalla, olen 27 ja saan työmarkkinatukea'],
  ['Mikkelissä', 'municipality'],
  ['27', 'age'],
  ['saan ansiopäivärahaa', 'benefit'],
  ['kyllä', 'immigrant'],
  ['Savonlina', 'municipality'],
  ['Pieksämäkki'],
  ['olen 35-vuotias ja asun Mikkelissä, saan ansiopäivärahaa'],
  ['I live in Mantyharju, I am twenty-seven and I get money from the fund'],
  ['jag bor i Nyslott, är 27 år och får arbetsmarknadsstöd'],
  ['en tiedä', 'benefit'],
  ['I live in Stockholm'],
  ['in English please'],
  ['apua'],
  ['milloin kokeilu alkoi?'],
  ['mikä on omavalmentaja'],
  ['hetuni on 131052-308T'],
  ['äidinkieleni on arabia ja asun Savonlinnassa'],
  ['olen töissä', 'benefit'],
  ['Kangasniemellä asun, 31 v, peruspäiväraha'],
  ['ei', 'immigrant'],
  ['Tampereella', 'municipality'],
  ['asun nykyään Heinävedellä ja olen työtön'],
  ['kuinka monta asiakasta Savonlinnan kokeilussa on'],
  ['poista tietoni'],
  ['Moskova', 'municipality'],
  ['tjugosju', 'age'],
  ['no joo, olen 29 ja asun Puumalassa'],
];

/** Times of the whole step, and of its understanding part alone, in ms. */
function run(count: number, on: Date): { total: number[]; understanding: number[] } {
  const total = new Array<number>(count);
  const understanding = new Array<number>(count);
  let person: Person = {};
  let sink = 0;
  for (let i = 0; i < count; i++) {
    const [text, expecting] = MESSAGES[i % MESSAGES.length];
    if (i % MESSAGES.length === 0) person = {};
    const start = performance.now();
    const u = understand(text, expecting);
    const understood = performance.now();
    person = applyUnderstanding(person, u, expecting).person; // what the dialog does with it
    const guidance = decide(person, on);
    const end = performance.now();
    total[i] = end - start;
    understanding[i] = understood - start;
    sink += guidance.missing.length;
  }
  if (sink < 0) console.log(sink); // keeps the work from being optimised away
  return { total, understanding };
}

function summary(times: number[]): { avgUs: number; p99Us: number; maxUs: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    avgUs: (times.reduce((a, b) => a + b, 0) / times.length) * 1000,
    p99Us: sorted[Math.floor(sorted.length * 0.99)] * 1000,
    maxUs: sorted[sorted.length - 1] * 1000,
  };
}

const count = Number(process.argv[2] ?? 20000);
const on = new Date('2022-05-01T12:00:00+03:00');
run(Math.min(5000, count), on); // warm-up: JIT, lazy regexes
const cpuBefore = process.cpuUsage();
const times = run(count, on);
const cpu = process.cpuUsage(cpuBefore);
// CPU time of this process: on a machine shared with other work, wall-clock times include the time
// the process waited for a core; CPU time does not.
const cpuUsPerMessage = (cpu.user + cpu.system) / count;
const all = summary(times.total);
const part = summary(times.understanding);
console.log(`understand + decide: ${count} messages (${MESSAGES.length} different), after a warm-up`);
console.log(
  `average ${all.avgUs.toFixed(1)} µs per message, p99 ${all.p99Us.toFixed(1)} µs, max ${all.maxUs.toFixed(1)} µs`,
);
console.log(`  of which understand: average ${part.avgUs.toFixed(1)} µs, p99 ${part.p99Us.toFixed(1)} µs`);
console.log(
  `CPU time: ${cpuUsPerMessage.toFixed(1)} µs per message (wall clock includes waiting for a core on a busy machine)`,
);
console.log(all.avgUs < 100 ? 'within the target (< 100 µs on average)' : 'OVER the target of 100 µs on average');
