// The loader refuses broken data with a message that names the faulty entry.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DATA_DIR, facts, loadFacts, readDataFiles } from '../../knowledge/facts';
import { municipalityNames } from '../../knowledge/municipalities';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw YAML that each test breaks on purpose (deleting required keys, wrong ids)
type Data = Record<string, any>;
const fresh = (): Data => structuredClone(readDataFiles(DATA_DIR)) as Data;
const indexOf = (list: { id: string }[], id: string) => list.findIndex((e) => e.id === id);

function loadError(mutate: (d: Data) => void): string {
  const data = fresh();
  mutate(data);
  try {
    loadFacts(data);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('loadFacts accepted broken data');
}

test('the real data loads', () => {
  expect(() => loadFacts(fresh())).not.toThrow();
  expect(Object.keys(facts.servicePoints).length).toBeGreaterThan(0);
});

test('a missing field names the entry and the field', () => {
  const message = loadError((d) => {
    delete d.servicePoints[indexOf(d.servicePoints, 'juva')].address.street;
  });
  const i = indexOf(fresh().servicePoints, 'juva');
  expect(message).toContain(`servicePoints[${i}] (id "juva"): address.street: is missing`);
});

test('a missing date names it', () => {
  expect(loadError((d) => delete d.dates.pilotStart)).toContain('dates.pilotStart: is missing');
});

test('a missing language in a text names the text', () => {
  expect(loadError((d) => delete d.reasons.outside.sv)).toContain('reasons.outside.sv: is missing');
});

test('a duplicate id names both the list and the id', () => {
  const message = loadError((d) => d.contacts.push(structuredClone(d.contacts[0])));
  const data = fresh();
  expect(message).toContain(`contacts[${data.contacts.length}] (id "${data.contacts[0].id}"): duplicate id`);
});

test('a service point whose provider does not exist', () => {
  const i = indexOf(fresh().servicePoints, 'juva');
  const message = loadError((d) => (d.servicePoints[i].providerId = 'mikkeliPilott'));
  expect(message).toContain(`servicePoints[${i}] (id "juva"): providerId "mikkeliPilott" points nowhere`);
});

test('a provider contact that does not exist', () => {
  const i = indexOf(fresh().providers, 'mikkeliPilot');
  const message = loadError((d) => (d.providers[i].contacts = ['patamaa']));
  expect(message).toContain(`providers[${i}] (id "mikkeliPilot"): contacts[0]: contact "patamaa" points nowhere`);
});

test('a municipality point that does not exist', () => {
  const i = indexOf(fresh().providers, 'teOffice');
  const message = loadError((d) => (d.providers[i].municipalities[0].servicePoint = 'tePieksamakii'));
  expect(message).toContain(`servicePoint "tePieksamakii" points nowhere`);
  expect(message).toContain(`providers[${i}] (id "teOffice"): municipalities[0]`);
});

test('a municipality id that is not in the municipality list', () => {
  const i = indexOf(fresh().providers, 'savonlinnaPilot');
  const message = loadError((d) => d.providers[i].municipalities.push({ id: 'narnia' }));
  expect(message).toContain(`(id "narnia"): municipality id "narnia" points nowhere`);
});

test('a municipality listed under two providers', () => {
  const mikkeli = indexOf(fresh().providers, 'mikkeliPilot');
  const te = indexOf(fresh().providers, 'teOffice');
  const message = loadError((d) => d.providers[te].municipalities.push({ id: 'juva', servicePoint: 'teMikkeli' }));
  expect(message).toContain('(id "juva"): municipality is already listed under provider "mikkeliPilot"');
  expect(mikkeli).toBeGreaterThanOrEqual(0);
});

test('the info session invitation contact must exist', () => {
  expect(loadError((d) => (d.infoSession.invitationContactId = 'nobody'))).toContain(
    'infoSession: invitationContactId "nobody" points nowhere',
  );
});

test('a text must use the same placeholders in every language', () => {
  const message = loadError((d) => (d.reasons.outside.en = 'Not here: {municipalty}.'));
  expect(message).toContain('reasons.outside.en: uses other {placeholders} than the Finnish text');
});

test('a TE office municipality needs its nearest point', () => {
  const i = indexOf(fresh().providers, 'teOffice');
  expect(loadError((d) => delete d.providers[i].municipalities[1].servicePoint)).toContain(
    'a TE office municipality needs its nearest servicePoint',
  );
});

test('a duplicate municipality in the names list is refused', () => {
  const names = [...municipalityNames, municipalityNames[0]];
  expect(() => loadFacts(fresh(), names)).toThrow(`(id "${municipalityNames[0].id}"): duplicate id`);
});

test('all faults are reported at once', () => {
  const message = loadError((d) => {
    d.infoSession.invitationContactId = 'nobody';
    d.contacts.push(structuredClone(d.contacts[0]));
  });
  expect(message).toContain('invitationContactId "nobody"');
  expect(message).toContain('duplicate id');
});

describe('reading the files', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'knowledge-data-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a key defined in two files names both files', () => {
    fs.writeFileSync(path.join(dir, 'a.yaml'), 'figures: {}\n');
    fs.writeFileSync(path.join(dir, 'b.yaml'), 'figures: {}\n');
    expect(() => readDataFiles(dir)).toThrow('"figures" is defined in both a.yaml and b.yaml');
  });

  test('a YAML syntax error names the file', () => {
    fs.writeFileSync(path.join(dir, 'broken.yaml'), 'contacts: [\n');
    expect(() => readDataFiles(dir)).toThrow('knowledge data broken.yaml');
  });
});

test('every reason must rest on a statement with a source', () => {
  const message = loadError((d) => {
    for (const st of Object.values(d.statements) as { reasons?: string[] }[]) {
      if (st.reasons) st.reasons = st.reasons.filter((r) => r !== 'teEmployed');
    }
  });
  expect(message).toContain('reasons.teEmployed: rests on no statement');
});

test('a statement naming a reason that does not exist is refused', () => {
  const message = loadError((d) => (d.statements.teThreePoints.reasons = ['nearestTePointt']));
  expect(message).toContain('statements.teThreePoints.reasons[0]');
});
