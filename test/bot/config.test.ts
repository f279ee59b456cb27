import { ConfigError, loadConfig } from '../../src/config';

// Configuration is checked at start: a bad value stops the bot with a message naming the variable.

const fails = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected the configuration to be refused');
};

test('defaults: port 3978, local mode, the real date', () => {
  const c = loadConfig({});
  expect(c.PORT).toBe(3978);
  expect(c.localMode).toBe(true);
  expect(Math.abs(c.today().getTime() - Date.now())).toBeLessThan(60_000);
});

test('empty values (copied from .env.example) mean "not set"', () => {
  const c = loadConfig({ PORT: '', MicrosoftAppId: '', MicrosoftAppType: '', GUIDE_DATE: '' });
  expect(c.PORT).toBe(3978);
  expect(c.localMode).toBe(true);
});

test('GUIDE_DATE pins today', () => {
  expect(loadConfig({ GUIDE_DATE: '2022-06-15' }).today().toISOString().slice(0, 10)).toBe('2022-06-15');
});

test.each([
  [{ PORT: 'abc' }, 'PORT'],
  [{ PORT: '70000' }, 'PORT'],
  [{ GUIDE_DATE: '15.6.2022' }, 'GUIDE_DATE'],
  [{ GUIDE_DATE: '2022-13-45' }, 'GUIDE_DATE'],
  [{ GUIDE_DATE: '2021-02-30' }, 'GUIDE_DATE'],
  [{ MicrosoftAppType: 'Everyone' }, 'MicrosoftAppType'],
  [{ MicrosoftAppId: 'abc' }, 'MicrosoftAppPassword'],
  [{ MicrosoftAppId: 'abc', MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant' }, 'MicrosoftAppTenantId'],
  [{ MicrosoftAppType: 'UserAssignedMSI' }, 'MicrosoftAppId'],
  [{ MAX_BODY_BYTES: '10' }, 'MAX_BODY_BYTES'],
])('%j is refused, naming %s', (env, variable) => {
  expect(fails(env as Record<string, string>)).toContain(variable);
});

test('a full Azure configuration is accepted and is not local mode', () => {
  const c = loadConfig({
    MicrosoftAppType: 'SingleTenant',
    MicrosoftAppId: 'id',
    MicrosoftAppPassword: 'pw',
    MicrosoftAppTenantId: 'tenant',
    DIRECT_LINE_SECRET: 'dl',
  });
  expect(c.localMode).toBe(false);
});
