import { LANGS, type Lang } from '../../knowledge';
import { escapeHtml } from '../web/pages';
import type { StatsView, Table } from './statsModel';
import { word } from './statsTexts';

// The /stats page: rendered on the server in the reader's language, every chart with the same
// numbers as a table beside it (screen readers, and anyone who wants the exact figures). The
// charts are drawn by /stats/stats.js with Chart.js, both served by this server; the numbers
// travel in the page itself (a JSON block), so the page makes no request of its own.

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const LANG_NAMES: Record<Lang, string> = { fi: 'Suomeksi', sv: 'På svenska', en: 'In English' };

/** JSON inside <script type="application/json">: no `<` can close the element. */
const safeJson = (v: unknown): string => JSON.stringify(v).replace(/</g, '\\u003c');

interface Section {
  id: keyof StatsView;
  heading: string;
  /** How the script draws it. */
  chart: 'stackedDays' | 'days' | 'bars' | 'stackedBars' | 'percent';
  /** The first column's heading in the table. */
  rowHeading: string;
  note?: string;
  /** Column of the table the chart draws, for 'bars' and 'percent' (default all). */
  column?: number;
}

function table(t: Table, rowHeading: string, lang: Lang): string {
  const cell = (c: number | null) => (c === null ? escapeHtml(word('suppressed', lang)) : String(c));
  const head = `<tr><th scope="col">${escapeHtml(rowHeading)}</th>${t.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr>`;
  const rows = t.rows
    .map(
      (r) =>
        `<tr><th scope="row">${escapeHtml(r.label)}</th>${r.cells.map((c) => `<td>${cell(c)}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<div class="table-scroll" tabindex="0" role="region" aria-label="${escapeHtml(word('showTable', lang))}"><table>\n<thead>${head}</thead>\n<tbody>${rows}</tbody>\n</table></div>`;
}

function section(s: Section, view: StatsView, lang: Lang): string {
  const t = view[s.id];
  const headingId = `h-${s.id}`;
  const notes = [t.qualifier ? capitalised(t.qualifier) : undefined, s.note].filter(Boolean) as string[];
  const note = notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('');
  if (t.rows.length === 0)
    return `<section class="card" aria-labelledby="${headingId}"><h2 id="${headingId}">${escapeHtml(s.heading)}</h2>${note}<p class="empty">${escapeHtml(word('noData', lang))}</p></section>`;
  // A chart of hidden cells only would be an empty frame: say why instead, and keep the table.
  const anyShown = t.rows.some((r) => r.cells.some((c) => c !== null && c > 0));
  if (!anyShown)
    return `<section class="card" aria-labelledby="${headingId}"><h2 id="${headingId}">${escapeHtml(s.heading)}</h2>${note}<p class="empty">${escapeHtml(word('allSuppressed', lang))}</p>
<details><summary>${escapeHtml(word('showTable', lang))}</summary>
${table(t, s.rowHeading, lang)}
</details>
</section>`;
  return `<section class="card" aria-labelledby="${headingId}">
<h2 id="${headingId}">${escapeHtml(s.heading)}</h2>${note}
<div class="chart"><canvas data-chart="${s.id}" data-kind="${s.chart}"${s.column === undefined ? '' : ` data-column="${s.column}"`} role="img" aria-label="${escapeHtml(s.heading)}"></canvas></div>
<details><summary>${escapeHtml(word('showTable', lang))}</summary>
${table(t, s.rowHeading, lang)}
</details>
</section>`;
}

export function statsPage(view: StatsView, lang: Lang, days: number): string {
  const w = (key: string, values?: Record<string, string | number>) => word(key, lang, values);
  const sections: Section[] = [
    { id: 'answers', heading: w('answersHeading'), chart: 'stackedDays', rowHeading: w('service') },
    { id: 'leftBySlot', heading: w('leftHeading'), chart: 'bars', rowHeading: w('question'), note: w('leftNote') },
    {
      id: 'questions',
      heading: w('notUnderstoodHeading'),
      chart: 'percent',
      column: 2,
      rowHeading: w('question'),
    },
    { id: 'feedback', heading: w('helpfulHeading'), chart: 'stackedBars', rowHeading: w('service') },
    { id: 'startedPerDay', heading: w('startedHeading'), chart: 'days', rowHeading: w('day') },
    {
      id: 'startedBy',
      heading: `${w('startedHeading')}: ${w('channelsHeading').toLowerCase()}, ${w('languages').toLowerCase()}`,
      chart: 'bars',
      rowHeading: `${w('channelsHeading')} / ${w('languages')}`,
    },
    { id: 'leftByReason', heading: w('leftReasonHeading'), chart: 'bars', rowHeading: w('reason') },
    { id: 'topics', heading: w('topicsHeading'), chart: 'bars', rowHeading: w('question') },
  ];
  const nav = LANGS.map((l) =>
    l === lang
      ? `<li><a href="/stats?lang=${l}" lang="${l}" hreflang="${l}" aria-current="true">${LANG_NAMES[l]}</a></li>`
      : `<li><a href="/stats?lang=${l}" lang="${l}" hreflang="${l}">${LANG_NAMES[l]}</a></li>`,
  ).join('');
  const data = { suppressed: w('suppressed'), view };
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(w('title'))}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/stats/stats.css">
<script src="/stats/chart.js" defer></script>
<script src="/stats/stats.js" defer></script>
</head>
<body>
<header class="page-header">
<h1>${escapeHtml(w('title'))}</h1>
<nav aria-label="${escapeHtml(w('languages'))}"><ul class="languages">${nav}</ul></nav>
</header>
<main>
<p class="lead">${escapeHtml(w('lead', { days }))}</p>
<p class="privacy">${escapeHtml(w('privacy'))}</p>
<div class="grid">
${sections.map((s) => section(s, view, lang)).join('\n')}
</div>
</main>
<script type="application/json" id="stats-data">${safeJson(data)}</script>
</body>
</html>`;
}
