import * as fs from 'fs';
import * as path from 'path';
import { facts, formatDate } from '../../knowledge';

// A fact lives in exactly one place, the knowledge data. The bot's own code (dialogs, replies,
// host) must not restate a phone number, an e-mail address, a street, a postal code or a date,
// not even in a comment, so a change in the data can never leave a stale copy behind.

const ROOT = path.join(__dirname, '..', '..');
/** Every code file under `dir` (relative to the project root), sub-folders included. */
const files = (dir: string): string[] =>
  fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? files(path.join(dir, e.name)) : /\.(ts|js)$/.test(e.name) ? [path.join(dir, e.name)] : [],
    );
const FILES = [...files('dialogs'), ...files('src')];

const factStrings: string[] = [
  ...Object.values(facts.contacts).flatMap((c) => [c.phone, c.email]),
  ...Object.values(facts.servicePoints).flatMap((p) => [p.address.street, p.address.postalCode]),
  ...Object.values(facts.dates).flatMap((d) => [d.date, formatDate(d.date, 'fi')]),
].filter((s): s is string => typeof s === 'string' && s.length >= 5);

test.each(FILES)('%s restates no fact of the knowledge', (file) => {
  const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const found = factStrings.filter((f) => source.includes(f));
  expect(found).toEqual([]);
});

test("the scan looks at the bot's files and knows the facts", () => {
  expect(FILES.length).toBeGreaterThan(10);
  expect(factStrings).toContain(facts.contacts.tePersonalCustomers.phone);
});
