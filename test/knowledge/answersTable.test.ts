// docs/answers.md is the guide's answers as the data gives them: a data change that is not
// written into it (npm run answers:table) fails here, so review sees every change of answers.
import * as fs from 'fs';
import { answersTable, TABLE_FILE } from '../../scripts/answers-table';
import { facts } from '../../knowledge';

test('docs/answers.md is what the data gives (run `npm run answers:table` after a data change)', () => {
  expect(fs.readFileSync(TABLE_FILE, 'utf8')).toBe(answersTable());
});

test('the table covers every Etelä-Savo municipality and each of its former names, on both days', () => {
  const table = answersTable();
  const [today, pilot] = table.split('## During the pilot period');
  for (const p of Object.values(facts.providers))
    for (const id of p.municipalityIds) {
      expect(today).toContain(`| ${facts.municipalities[id].fi} | area |`);
      expect(pilot).toContain(`| ${facts.municipalities[id].fi} |`);
    }
  expect(today).toContain('| Ristiina, Kristina | Mikkeli');
  // No pilot-period contact in today's half; every area there has its sources' status.
  for (const c of Object.values(facts.contacts)) if (c.phone) expect(today).not.toContain(c.phone);
});
