import { CardFactory, type Attachment } from '../sdk';
import {
  facts,
  formatAddress,
  formatDate,
  type Address,
  type Contact,
  type Guidance,
  type Lang,
  type ServicePoint,
} from '../../knowledge';
import { t } from './texts';

// The answer as an Adaptive Card. Version 1.5 at most: Teams renders up to 1.5.
// Everything factual comes from the Guidance (and facts.source); this file only lays it out.

export const CARD_VERSION = '1.5';

/** An OpenStreetMap search for the address (no API key, opens in any browser). */
export function mapUrl(a: Address): string {
  const query = [a.street, [a.postalCode, a.town].filter(Boolean).join(' '), 'Finland'].join(', ');
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`;
}

/** tel: wants the digits only ("012 345 678" → "012345678"), keeping a leading +. */
export function telUrl(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/** "Pekka Patama, pilot director" or just the line's role. */
export function contactName(c: Contact, lang: Lang): string {
  return c.name ? `${c.name}, ${c.role[lang]}` : c.role[lang];
}

/** "Lähde: tiedote ”<the announcement's headline>”, <its date>": the announcement as it names itself. */
export function sourceLine(lang: Lang): string {
  return t('cardSource', lang, { headline: facts.source.headline, date: formatDate(facts.dates.published.date, lang) });
}

/** "2021–2024": the years of the pilot period, from the knowledge's dates. */
export function pilotYears(): string {
  return `${facts.dates.pilotStart.date.slice(0, 4)}–${facts.dates.actualEnd.date.slice(0, 4)}`;
}

const text = (value: string, extra: Record<string, unknown> = {}) => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...extra,
});

/** A service point; told as history it is where the service was then, with no map to go there now. */
function pointBlock(p: ServicePoint, lang: Lang, history: boolean) {
  const audience =
    p.audience === 'youth'
      ? t('audienceYouth', lang)
      : p.audience === 'immigrants'
        ? t('audienceImmigrants', lang)
        : '';
  return {
    type: 'Container',
    spacing: 'Medium',
    items: [
      text(audience ? `**${p.name[lang]}** (${audience})` : `**${p.name[lang]}**`),
      text(formatAddress(p.address, lang), { spacing: 'None' }),
      ...(history
        ? []
        : [
            {
              type: 'ActionSet',
              actions: [
                { type: 'Action.OpenUrl', title: t('cardMap', lang, { name: p.name[lang] }), url: mapUrl(p.address) },
              ],
            },
          ]),
    ],
  };
}

/**
 * A contact; once its provider has ended, its number and e-mail are plain text (history), never a
 * tel: or mailto: link.
 */
function contactBlock(c: Contact, lang: Lang, closed: boolean) {
  const lines = [`**${contactName(c, lang)}**`];
  const ceasedOn = facts.providers[c.providerId].ceasedOn;
  const since = closed && ceasedOn ? formatDate(facts.dates[ceasedOn].date, lang) : '';
  if (c.phone && closed) lines.push(`${t('cardPhoneClosed', lang, { date: since })}: ${c.phone}`);
  else if (c.phone) lines.push(`${t('cardPhone', lang)}: [${c.phone}](${telUrl(c.phone)})`);
  if (c.email && closed) lines.push(`${t('cardEmailClosed', lang, { date: since })}: ${c.email}`);
  else if (c.email) lines.push(`${t('cardEmail', lang)}: [${c.email}](mailto:${c.email})`);
  return text(lines.join('\n\n'));
}

/** The Adaptive Card JSON of an answer (outcome 'provider' or 'outside'). */
export function answerCardJson(g: Guidance, lang: Lang, summary?: string): Record<string, unknown> {
  const after = g.history === true;
  const title = !g.provider
    ? t('cardTitleOutside', lang)
    : !after
      ? g.provider.name[lang]
      : g.period === 'beforePilot'
        ? t('cardTitleBeforePilotHistory', lang, { provider: g.provider.name[lang] })
        : t('cardTitlePilotPeriod', lang, { provider: g.provider.name[lang], years: pilotYears() });
  const body: unknown[] = [text(title, { style: 'heading', size: 'Large', weight: 'Bolder' })];

  // Notices first: "the pilot period has ended" must be read before the 2021 addresses.
  if (g.notices.length) {
    body.push({
      type: 'Container',
      style: 'warning',
      spacing: 'Medium',
      items: [text(t('cardNotices', lang), { weight: 'Bolder' }), ...g.notices.map((n) => text(n.text[lang]))],
    });
  }

  if (g.reasons.length) {
    body.push(text(t('cardWhy', lang), { weight: 'Bolder', spacing: 'Medium' }));
    body.push(...g.reasons.map((r) => text(r[lang], { spacing: 'Small' })));
  }
  if (g.servicePoints.length) {
    body.push(
      text(t(after ? 'cardServicePointsPilotPeriod' : 'cardServicePoints', lang), {
        weight: 'Bolder',
        spacing: 'Medium',
      }),
    );
    body.push(...g.servicePoints.map((p) => pointBlock(p, lang, after)));
  }
  if (g.contacts.length) {
    body.push(text(t(after ? 'cardContactPilotPeriod' : 'cardContact', lang), { weight: 'Bolder', spacing: 'Medium' }));
    body.push(...g.contacts.map((c) => contactBlock(c, lang, g.closedContactIds?.includes(c.id) ?? false)));
  }
  // The rules usually add "the authorities decide" as a notice; say it once either way.
  if (!g.notices.some((n) => n.id === 'authoritiesDecide'))
    body.push(text(t('finalDecision', lang), { spacing: 'Medium' }));
  body.push(text(sourceLine(lang), { isSubtle: true, size: 'Small', spacing: 'Medium' }));

  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    // For clients that cannot draw the card, and for voice: the answer's short text.
    ...(summary ? { fallbackText: summary, speak: summary } : {}),
    body,
  };
}

export function answerCard(g: Guidance, lang: Lang, summary?: string): Attachment {
  return CardFactory.adaptiveCard(answerCardJson(g, lang, summary));
}
