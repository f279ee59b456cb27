// Small readers for ARM templates and parameter files, enough to check them offline.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- ARM template JSON, walked key by key

export const DEPLOY_DIR = join(__dirname, '..', '..', 'deploymentTemplates');
export const FLAVOURS = ['deployUseExistResourceGroup', 'deployUseNewResourceGroup'] as const;

export function readJson(path: string): Json {
  return JSON.parse(readFileSync(path, 'utf8')) as Json;
}

export interface TemplatePair {
  flavour: string;
  templateFile: string;
  parametersFile: string;
}

/** Every template-X.json of a flavour with its parameters-for-template-X.json. */
export function templatePairs(): TemplatePair[] {
  return FLAVOURS.flatMap((flavour) =>
    readdirSync(join(DEPLOY_DIR, flavour))
      .filter((name) => name.startsWith('template-') && name.endsWith('.json'))
      .map((name) => ({
        flavour,
        templateFile: join(DEPLOY_DIR, flavour, name),
        parametersFile: join(DEPLOY_DIR, flavour, `parameters-for-${name}`),
      })),
  );
}

/**
 * A template and every template nested in it with inner expression scope: each has its own
 * parameters and variables, so each is checked on its own.
 */
export function scopes(template: Json, path = 'template'): { path: string; template: Json; body: unknown }[] {
  const nested: { path: string; template: Json; body: unknown }[] = [];
  const resources = (template.resources ?? []) as Json[];
  const ownResources = resources.map((resource, i) => {
    const inner =
      resource.type === 'Microsoft.Resources/deployments' &&
      resource.properties?.expressionEvaluationOptions?.scope === 'inner';
    if (!inner) return resource;
    nested.push(...scopes(resource.properties.template, `${path}.resources[${i}]`));
    // The nested deployment's own `parameters` block is evaluated in the outer scope.
    return { ...resource, properties: { ...resource.properties, template: undefined } };
  });
  const body = {
    parameters: template.parameters,
    variables: template.variables,
    resources: ownResources,
    outputs: template.outputs,
  };
  return [{ path, template, body }, ...nested];
}

/** Names used as parameters('x') / variables('x') in every string of a JSON value. */
export function referenced(value: unknown, fn: 'parameters' | 'variables'): Set<string> {
  const names = new Set<string>();
  const pattern = new RegExp(`${fn}\\('([^']+)'\\)`, 'g');
  const walk = (v: unknown): void => {
    if (typeof v === 'string') for (const m of v.matchAll(pattern)) names.add(m[1]);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.entries(v).forEach(([k, x]) => (walk(k), walk(x)));
  };
  walk(value);
  return names;
}

/** Every resource of a template, nested deployments' templates included. */
export function allResources(template: Json): Json[] {
  return ((template.resources ?? []) as Json[]).flatMap((r) =>
    r.type === 'Microsoft.Resources/deployments' && r.properties?.template
      ? [r, ...allResources(r.properties.template)]
      : [r],
  );
}

/** Problems of a parameter file against its template: unknown, missing, of the wrong type, not allowed. */
export function parameterFileProblems(template: Json, parameterFile: Json): string[] {
  const declared: Json = template.parameters ?? {};
  const given: Json = parameterFile.parameters ?? {};
  const problems: string[] = [];
  for (const name of Object.keys(given)) if (!(name in declared)) problems.push(`unknown parameter ${name}`);
  for (const [name, definition] of Object.entries<Json>(declared)) {
    if (!('defaultValue' in definition) && !(name in given)) problems.push(`missing required parameter ${name}`);
  }
  for (const [name, entry] of Object.entries<Json>(given)) {
    const definition = declared[name];
    if (!definition) continue;
    if (!('value' in entry)) {
      problems.push(`${name} has no value`);
      continue;
    }
    const value = entry.value;
    const type = String(definition.type).toLowerCase();
    const ok =
      (type === 'string' && typeof value === 'string') ||
      (type === 'securestring' && typeof value === 'string') ||
      (type === 'int' && Number.isInteger(value)) ||
      (type === 'bool' && typeof value === 'boolean') ||
      (type === 'object' && value !== null && typeof value === 'object' && !Array.isArray(value)) ||
      (type === 'array' && Array.isArray(value));
    if (!ok) problems.push(`${name} should be ${type}, is ${JSON.stringify(value)}`);
    if (definition.allowedValues && !definition.allowedValues.includes(value))
      problems.push(`${name}=${JSON.stringify(value)} is not allowed`);
    if (typeof value === 'string' && definition.minLength !== undefined && value.length < definition.minLength)
      problems.push(`${name} is too short`);
    if (typeof value === 'string' && definition.maxLength !== undefined && value.length > definition.maxLength)
      problems.push(`${name} is too long`);
    if (typeof value === 'number' && definition.minValue !== undefined && value < definition.minValue)
      problems.push(`${name} is below minValue`);
    if (typeof value === 'number' && definition.maxValue !== undefined && value > definition.maxValue)
      problems.push(`${name} is above maxValue`);
  }
  return problems;
}
