// What the templates deploy is what the guide needs on Azure: an Azure Bot without the retired
// MultiTenant type, Teams and Direct Line channels, Node on Linux with WebSockets, blob state that
// is deleted after a day, and app settings that are exactly variables the server reads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configVariables, loadConfig } from '../../src/config';
import { ATTRIBUTE_VALUES, METRIC, MIN_SHOWN } from '../../src/metrics';
import { EXISTING_RG_DIR as EXISTING_RG, WORKBOOK_FILE, withWorkbookInlined } from '../../scripts/deploy-templates';
import { allResources, readJson, templatePairs, type Json } from './arm';
import { createRawStorage } from '../../src/storage';
import { CreateOnlyBlobsStorage } from '../../src/storage/createOnlyBlobsStorage';

const templates = templatePairs().map((p) => ({ ...p, template: readJson(p.templateFile) }));
const botApps = templates.filter((t) => t.templateFile.includes('BotApp'));
const azureBots = templates.filter((t) => t.templateFile.includes('AzureBot'));

/** App Service's own settings (read by the platform's build, not by our server). */
const PLATFORM_SETTINGS = ['SCM_DO_BUILD_DURING_DEPLOYMENT'];

function only<T>(items: T[], what: string): T {
  if (items.length !== 1) throw new Error(`expected exactly one ${what}, found ${items.length}`);
  return items[0];
}

/** The template (outer or nested) that declares the resource's parameters. */
function innermost(template: Json): Json {
  const nested = (template.resources as { type: string; properties?: { template?: object } }[]).find(
    (r) => r.type === 'Microsoft.Resources/deployments',
  );
  return nested?.properties?.template ? innermost(nested.properties.template) : template;
}

describe.each(botApps.map((t) => [t.templateFile.split('/').slice(-2).join('/'), t]))('%s', (_, { template }) => {
  const resources = allResources(template);
  const site = only(
    resources.filter((r) => r.type === 'Microsoft.Web/sites'),
    'web app',
  );
  const params = innermost(template).parameters;
  const settings: { name: string; value: unknown }[] = site.properties.siteConfig.appSettings;

  it('runs on Linux with a supported Node LTS and WebSockets on', () => {
    expect(site.kind).toContain('linux');
    expect(site.properties.siteConfig.linuxFxVersion).toBe("[parameters('linuxFxVersion')]");
    const runtimes: string[] = params.linuxFxVersion.allowedValues;
    expect(runtimes).toContain(params.linuxFxVersion.defaultValue);
    for (const runtime of runtimes) {
      const major = Number(/^NODE\|(\d+)-lts$/.exec(runtime)?.[1]);
      // Node 20 ended April 2026; restify 11 does not start on Node 24 (http_parser binding removed).
      expect([22]).toContain(major);
    }
    expect(site.properties.siteConfig.webSocketsEnabled).toBe(true);
    expect(site.properties.httpsOnly).toBe(true);
    const plan = only(
      resources.filter((r) => r.type === 'Microsoft.Web/serverfarms'),
      'plan',
    );
    expect(plan.kind).toBe('linux');
    expect(plan.properties.reserved).toBe(true);
  });

  it('sets only app settings that the server reads (src/config.ts) or the platform needs', () => {
    const unknown = settings
      .map((s) => s.name)
      .filter((n) => !configVariables.includes(n) && !PLATFORM_SETTINGS.includes(n));
    expect(unknown).toEqual([]);
  });

  it('sets the bot identity and blob state settings', () => {
    expect(settings.map((s) => s.name)).toEqual(
      expect.arrayContaining([
        'MicrosoftAppType',
        'MicrosoftAppId',
        'MicrosoftAppPassword',
        'MicrosoftAppTenantId',
        'STORAGE',
        'BLOB_ACCOUNT_URL',
        'BLOB_CONTAINER',
        'DIRECT_LINE_SECRET',
      ]),
    );
  });

  it('gives literal values that the server accepts', () => {
    const literal = Object.fromEntries(
      settings
        .filter((s) => typeof s.value === 'string' && !s.value.startsWith('['))
        .map((s) => [s.name, s.value as string]),
    );
    expect(literal.STORAGE).toBe('blob');
    // With stand-ins for the values only Azure knows, the server's own validation passes.
    const config = loadConfig({
      ...literal,
      MicrosoftAppType: params.appType.defaultValue,
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'stand-in',
      MicrosoftAppTenantId: '00000000-0000-0000-0000-000000000002',
      BLOB_CONTAINER: params.stateContainerName.defaultValue,
      DIRECT_LINE_SECRET: 'stand-in',
    });
    expect(config.STORAGE).toBe('blob');
    expect(config.localMode).toBe(false);
  });

  it('keeps state in a private blob container that a lifecycle rule empties of state older than a day', () => {
    const account = only(
      resources.filter((r) => r.type === 'Microsoft.Storage/storageAccounts'),
      'storage account',
    );
    expect(account.properties.allowBlobPublicAccess).toBe(false);
    const container = only(
      resources.filter((r) => r.type === 'Microsoft.Storage/storageAccounts/blobServices/containers'),
      'container',
    );
    expect(container.name).toContain("parameters('stateContainerName')");
    expect(container.properties.publicAccess).toBe('None');
    expect(settings.find((s) => s.name === 'BLOB_CONTAINER')?.value).toBe("[parameters('stateContainerName')]");
    const policy = only(
      resources.filter((r) => r.type === 'Microsoft.Storage/storageAccounts/managementPolicies'),
      'lifecycle policy',
    );
    expect(policy.name).toMatch(/\/default'\)\]$/);
    const rule = only(policy.properties.policy.rules as { enabled: boolean; type: string; definition: Json }[], 'rule');
    expect(rule.enabled).toBe(true);
    expect(rule.type).toBe('Lifecycle');
    expect(rule.definition.filters.prefixMatch).toEqual(["[concat(parameters('stateContainerName'), '/')]"]);
    expect(rule.definition.actions.baseBlob.delete.daysAfterModificationGreaterThan).toBe(
      "[parameters('stateRetentionDays')]",
    );
    expect(params.stateRetentionDays.defaultValue).toBe(1);
  });
});

describe.each(azureBots.map((t) => [t.templateFile.split('/').slice(-2).join('/'), t]))('%s', (_, { template }) => {
  const resources = allResources(template);
  const bot = only(
    resources.filter((r) => r.type === 'Microsoft.BotService/botServices'),
    'bot',
  );
  const params = innermost(template).parameters;

  it('is an Azure Bot that offers SingleTenant and user-assigned managed identity, never MultiTenant', () => {
    expect(bot.kind).toBe('azurebot');
    expect(bot.properties.msaAppType).toBe("[parameters('appType')]");
    expect([...params.appType.allowedValues].sort()).toEqual(['SingleTenant', 'UserAssignedMSI']);
    // The managed identity's resource id is given exactly when the type is UserAssignedMSI.
    expect(innermost(template).variables.useMSI).toBe("[equals(parameters('appType'), 'UserAssignedMSI')]");
    expect(bot.properties.msaAppMSIResourceId).toBe("[if(variables('useMSI'), variables('msiResourceId'), '')]");
  });

  it('enables the Teams and Direct Line channels on that bot', () => {
    const channels = resources.filter((r) => r.type === 'Microsoft.BotService/botServices/channels');
    expect(channels.map((c) => c.properties.channelName).sort()).toEqual(['DirectLineChannel', 'MsTeamsChannel']);
    for (const channel of channels) {
      expect(channel.name).toBe(`[concat(parameters('azureBotId'), '/${channel.properties.channelName}')]`);
      expect(channel.dependsOn).toEqual(["[variables('botId')]"]);
    }
    const teams = channels.find((c) => c.properties.channelName === 'MsTeamsChannel')!;
    expect(teams.properties.properties.isEnabled).toBe(true);
    const directLine = channels.find((c) => c.properties.channelName === 'DirectLineChannel')!;
    const site = directLine.properties.properties.sites[0];
    expect(site).toMatchObject({ isEnabled: true, isV3Enabled: true, isV1Enabled: false });
    // Enhanced authentication: tokens only from the bot's own site (and sites the operator names).
    expect(site.isSecureSiteEnabled).toBe(true);
    expect(site.trustedOrigins).toBe(
      "[concat(createArray(replace(parameters('botEndpoint'), '/api/messages', '')), parameters('webChatOrigins'))]",
    );
  });
});

describe('the two templates of a flavour agree', () => {
  it.each(['deployUseExistResourceGroup', 'deployUseNewResourceGroup'])(
    '%s: same app types for the web app and the bot',
    (flavour) => {
      const app = innermost(botApps.find((t) => t.flavour === flavour)!.template).parameters.appType;
      const bot = innermost(azureBots.find((t) => t.flavour === flavour)!.template).parameters.appType;
      expect(app.allowedValues).toEqual(bot.allowedValues);
      expect(app.defaultValue).toEqual(bot.defaultValue);
    },
  );
});

describe.each(botApps.map((t) => [t.templateFile.split('/').slice(-2).join('/'), t]))(
  '%s on the public internet',
  (_, { template }) => {
    const resources = allResources(template);
    const site = only(
      resources.filter((r) => r.type === 'Microsoft.Web/sites'),
      'web app',
    );
    const account = only(
      resources.filter((r) => r.type === 'Microsoft.Storage/storageAccounts'),
      'storage account',
    );
    const settings: { name: string; value: string }[] = site.properties.siteConfig.appSettings;

    it('turns basic-auth publishing off for SCM and FTP, and keeps SCM on TLS 1.2', () => {
      const policies = resources.filter((r) => r.type === 'Microsoft.Web/sites/basicPublishingCredentialsPolicies');
      expect(policies.map((p) => /\/(scm|ftp)'\)\]$/.exec(p.name)?.[1]).sort()).toEqual(['ftp', 'scm']);
      for (const p of policies) expect(p.properties.allow).toBe(false);
      expect(site.properties.siteConfig.scmMinTlsVersion).toBe('1.2');
    });

    it('reaches storage with the managed identity: no account key in any setting, shared keys off', () => {
      expect(JSON.stringify(settings)).not.toMatch(/listKeys|AccountKey/);
      expect(settings.find((s) => s.name === 'BLOB_ACCOUNT_URL')?.value).toMatch(/^\[concat\('https:\/\/'/);
      expect(account.properties.allowSharedKeyAccess).toBe(false);
      const role = only(
        resources.filter((r) => r.type === 'Microsoft.Authorization/roleAssignments'),
        'role assignment',
      );
      expect(JSON.stringify(role.properties)).toContain('identity.principalId');
      expect(site.identity).toContain("'SystemAssigned'");
    });

    it("lets only the app's subnet reach the storage account", () => {
      expect(account.properties.networkAcls.defaultAction).toBe('Deny');
      expect(account.properties.networkAcls.virtualNetworkRules).toHaveLength(1);
      expect(site.properties.virtualNetworkSubnetId).toBe(account.properties.networkAcls.virtualNetworkRules[0].id);
    });

    it('reads the Direct Line secret through a Key Vault reference, never a plain value', () => {
      expect(settings.find((s) => s.name === 'DIRECT_LINE_SECRET')?.value).toContain('@Microsoft.KeyVault(SecretUri=');
    });
  },
);

test('BLOB_ACCOUNT_URL makes a blob store that signs in with a managed identity (no key needed)', () => {
  const store = createRawStorage({
    storage: 'blob',
    blobAccountUrl: 'https://guideaccount.blob.core.windows.net',
    blobContainer: 'botstate',
    stateIdleMinutes: 30,
    stateMaxItems: 100,
  });
  expect(store).toBeInstanceOf(CreateOnlyBlobsStorage);
});

describe.each(botApps.map((t) => [t.templateFile.split('/').slice(-2).join('/'), t]))(
  '%s: the figures on Azure',
  (_, { template }) => {
    const resources = allResources(template);
    const site = only(
      resources.filter((r) => r.type === 'Microsoft.Web/sites'),
      'web app',
    );
    const settings: { name: string; value: string }[] = site.properties.siteConfig.appSettings;
    const workspace = only(
      resources.filter((r) => r.type === 'Microsoft.OperationalInsights/workspaces'),
      'Log Analytics workspace',
    );
    const insights = only(
      resources.filter((r) => r.type === 'Microsoft.Insights/components'),
      'Application Insights',
    );
    const workbook = only(
      resources.filter((r) => r.type === 'Microsoft.Insights/workbooks'),
      'workbook',
    );
    const variables = innermost(template).variables;

    it('creates a workspace-based Application Insights resource and gives the app its connection string', () => {
      expect(insights.properties.IngestionMode).toBe('LogAnalytics');
      expect(variables.workspaceId).toContain(workspace.type);
      expect(insights.properties.WorkspaceResourceId).toBe("[variables('workspaceId')]");
      expect(insights.properties.DisableIpMasking).toBe(false);
      const connection = settings.find((s) => s.name === 'APPLICATIONINSIGHTS_CONNECTION_STRING');
      expect(connection?.value).toMatch(/^\[reference\(variables\('componentId'\).*\)\.ConnectionString\]$/);
      expect(variables.componentId).toContain(insights.type);
      expect(site.dependsOn).toContain("[variables('componentId')]");
    });

    it('takes STATS_KEY as a secure parameter, empty by default (then /metrics and /stats answer 404)', () => {
      const params = innermost(template).parameters;
      expect(settings.find((s) => s.name === 'STATS_KEY')?.value).toBe("[parameters('statsKey')]");
      expect(params.statsKey).toMatchObject({ type: 'securestring', defaultValue: '' });
    });

    it('ships the workbook from deploymentTemplates/workbook, on that resource (npm run deploy:templates)', () => {
      expect(workbook.kind).toBe('shared');
      expect(workbook.properties.sourceId).toBe("[variables('componentId')]");
      expect(JSON.parse(workbook.properties.serializedData)).toEqual(readJson(WORKBOOK_FILE));
    });

    it("charts only the guide's own figures, and leaves out every cell under 5", () => {
      const queries = (readJson(WORKBOOK_FILE).items as Json[])
        .filter((i) => i.type === 3)
        .map((i) => i.content.query as string);
      expect(queries.length).toBeGreaterThanOrEqual(6);
      const names = Object.values(METRIC) as string[];
      for (const query of queries) {
        for (const m of query.matchAll(/name == "([^"]+)"/g)) expect(names).toContain(m[1]);
        for (const m of query.matchAll(/customDimensions\.(\w+)/g))
          expect(Object.keys(ATTRIBUTE_VALUES)).toContain(m[1]);
        expect(query).toContain(`>= ${MIN_SHOWN}`);
      }
      // Answers per day, where people give up, not understood per question, helpfulness.
      for (const metric of [METRIC.answers, METRIC.left, METRIC.notUnderstood, METRIC.feedback])
        expect(queries.some((q) => q.includes(`"${metric}"`))).toBe(true);
    });
  },
);

test('the with-rg BotApp template holds the workbook as deploymentTemplates/workbook has it', () => {
  expect(readFileSync(join(EXISTING_RG, 'template-BotApp-with-rg.json'), 'utf8')).toBe(withWorkbookInlined());
});
