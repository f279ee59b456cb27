// Reading the YAML files of knowledge/data, and naming the entry a validation fault is in.
import * as fs from 'fs';
import * as path from 'path';
import YAML from 'yaml';
import type { ZodIssue } from 'zod';

/** Files of knowledge/data that other modules read (municipalities.ts reads the names list). */
const READ_ELSEWHERE = new Set(['municipalities.yaml']);

/**
 * Reads every .yaml file of a folder into one object; a key defined in two files is an error.
 * Subfolders are not read: knowledge/data/understanding holds the vocabulary, which
 * knowledge/understand/vocabulary.ts reads with this same function.
 */
export function readDataFiles(dir: string): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  const origin: Record<string, string> = {};
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && !READ_ELSEWHERE.has(f))
    .sort()) {
    let doc: unknown;
    try {
      doc = YAML.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    } catch (err) {
      throw new Error(`knowledge data ${file}: ${(err as Error).message}`, { cause: err });
    }
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc))
      throw new Error(`knowledge data ${file}: expected keys at the top level`);
    for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
      if (key in merged) throw new Error(`knowledge data: "${key}" is defined in both ${origin[key]} and ${file}`);
      merged[key] = value;
      origin[key] = file;
    }
  }
  return merged;
}

/** "servicePoints[3] (id "juva"): address.street" for a list entry, "dates.pilotStart.date" otherwise. */
function entryName(raw: unknown, pathParts: (string | number)[]): string {
  const dotted = (parts: (string | number)[]) =>
    parts.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
  const index = pathParts.findIndex((p) => typeof p === 'number');
  if (index < 0) return dotted(pathParts);
  const entry = pathParts
    .slice(0, index + 1)
    .reduce<unknown>(
      (node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined),
      raw,
    );
  const entryId = entry && typeof entry === 'object' ? (entry as { id?: unknown }).id : undefined;
  const label = typeof entryId === 'string' ? ` (id "${entryId}")` : '';
  const rest = pathParts.slice(index + 1);
  return `${dotted(pathParts.slice(0, index + 1))}${label}${rest.length ? `: ${dotted(rest)}` : ''}`;
}

export function describeIssue(raw: unknown, issue: ZodIssue): string {
  const where = issue.path.length ? entryName(raw, issue.path) : 'knowledge data';
  const message = issue.code === 'invalid_type' && issue.received === 'undefined' ? 'is missing' : issue.message;
  return `${where}: ${message}`;
}

export class Problems {
  readonly list: string[] = [];
  add(message: string) {
    this.list.push(message);
  }
  throwIfAny() {
    if (this.list.length) throw new Error(`knowledge data is invalid:\n  ${this.list.join('\n  ')}`);
  }
}
