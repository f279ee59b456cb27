// The ARM templates and their parameter files hang together: every file parses, every parameter
// and variable a template uses is declared (and every declared one used), every parameter file
// matches its template, and the new-resource-group flavour is what the generator writes.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { NEW_RG_DIR, generatedFiles } from '../../scripts/deploy-templates';
import { DEPLOY_DIR, FLAVOURS, parameterFileProblems, readJson, referenced, scopes, templatePairs } from './arm';

const pairs = templatePairs();

describe('deployment template files', () => {
  it('has a BotApp and an AzureBot template in both flavours', () => {
    expect(pairs.map((p) => `${p.flavour}/${basename(p.templateFile)}`).sort()).toEqual([
      'deployUseExistResourceGroup/template-AzureBot-with-rg.json',
      'deployUseExistResourceGroup/template-BotApp-with-rg.json',
      'deployUseNewResourceGroup/template-AzureBot-new-rg.json',
      'deployUseNewResourceGroup/template-BotApp-new-rg.json',
    ]);
  });

  it.each(
    FLAVOURS.flatMap((f) =>
      readdirSync(join(DEPLOY_DIR, f))
        .filter((n) => n.endsWith('.json'))
        .map((n) => [`${f}/${n}`]),
    ),
  )('%s parses as JSON with an ARM $schema', (file) => {
    const json = readJson(join(DEPLOY_DIR, file));
    expect(json.$schema).toMatch(
      /^https:\/\/schema\.management\.azure\.com\/schemas\/[\d-]+\/(deploymentTemplate|subscriptionDeploymentTemplate|deploymentParameters)\.json#$/,
    );
    expect(json.contentVersion).toBe('1.0.0.0');
  });

  it.each(pairs.map((p) => [basename(p.templateFile), p]))('%s has its parameter file', (_, pair) => {
    expect(existsSync(pair.parametersFile)).toBe(true);
  });
});

describe.each(pairs.map((p) => [basename(p.templateFile), p]))('%s', (_, pair) => {
  const template = readJson(pair.templateFile);

  it.each(scopes(template).map((s) => [s.path, s]))(
    '%s declares every parameter and variable it uses, and uses every one it declares',
    (_, scope) => {
      const usedParameters = referenced(scope.body, 'parameters');
      const declaredParameters = Object.keys(scope.template.parameters ?? {});
      expect([...usedParameters].filter((n) => !declaredParameters.includes(n))).toEqual([]);
      expect(declaredParameters.filter((n) => !usedParameters.has(n))).toEqual([]);
      const usedVariables = referenced(scope.body, 'variables');
      const declaredVariables = Object.keys(scope.template.variables ?? {});
      expect([...usedVariables].filter((n) => !declaredVariables.includes(n))).toEqual([]);
      expect(declaredVariables.filter((n) => !usedVariables.has(n))).toEqual([]);
    },
  );

  it('has a parameter file with no unknown, no missing required and no ill-typed parameter', () => {
    expect(parameterFileProblems(template, readJson(pair.parametersFile))).toEqual([]);
  });

  it('keeps secrets out of its parameter file', () => {
    const secrets = Object.entries<{ type: string }>(template.parameters)
      .filter(([, d]) => d.type.toLowerCase() === 'securestring')
      .map(([n]) => n);
    const given = Object.keys(readJson(pair.parametersFile).parameters);
    expect(given.filter((n) => secrets.includes(n))).toEqual([]);
  });
});

describe('parameter file checks can fail', () => {
  const template = readJson(pairs[0].templateFile);
  it('flags an unknown, a missing required, a wrongly typed and a disallowed value', () => {
    const required = Object.entries<object>(template.parameters).find(([, d]) => !('defaultValue' in d))![0];
    const withAllowed = Object.entries<{ allowedValues?: unknown[] }>(template.parameters).find(
      ([, d]) => d.allowedValues,
    )![0];
    const problems = parameterFileProblems(template, {
      parameters: { nonsense: { value: 1 }, [withAllowed]: { value: 'MultiTenant' } },
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        `unknown parameter nonsense`,
        `missing required parameter ${required}`,
        expect.stringMatching(/is not allowed/),
      ]),
    );
  });
});

describe('new resource group flavour', () => {
  it('is exactly what scripts/deploy-templates.ts generates from the existing-group templates (npm run deploy:templates)', () => {
    const expected = generatedFiles();
    expect(readdirSync(NEW_RG_DIR).sort()).toEqual(Object.keys(expected).sort());
    for (const [name, text] of Object.entries(expected))
      expect(readFileSync(join(NEW_RG_DIR, name), 'utf8')).toBe(text);
  });

  it('creates the resource group and never uses resourceGroup() at subscription scope', () => {
    for (const pair of pairs.filter((p) => p.flavour === 'deployUseNewResourceGroup')) {
      const template = readJson(pair.templateFile);
      expect(template.resources.map((r: { type: string }) => r.type)).toEqual([
        'Microsoft.Resources/resourceGroups',
        'Microsoft.Resources/deployments',
      ]);
      const outer = scopes(template)[0].body;
      expect(JSON.stringify(outer)).not.toContain('resourceGroup()');
    }
  });
});
