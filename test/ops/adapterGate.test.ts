// The gate's decisions when the adapter misbehaves in ways the real one does without internet:
// verification that never finishes, or fails with a plain error (not AuthenticationError).
import pino from 'pino';
import type { Request, Response } from 'restify';
import type { TurnContext } from 'botbuilder';
import { gateAdapter, type TurnProcessor } from '../../src/http/adapterGate';

const APP = 'the-app-id';
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const token = `Bearer ${b64({ alg: 'RS256' })}.${b64({ aud: APP, exp: Date.now() / 1000 + 600 })}.c2ln`;

function fakeReq(): Request {
  return {
    headers: { authorization: token },
    body: { type: 'message', channelId: 'test', conversation: { id: 'c' }, from: { id: 'u' } },
  } as unknown as Request;
}

function fakeRes() {
  const out: { status?: number; body?: unknown; headers: Record<string, string>; headersSent: boolean } = {
    headers: {},
    headersSent: false,
  };
  const res = {
    get headersSent() {
      return out.headersSent;
    },
    header: (k: string, v: string) => (out.headers[k] = v),
    send: (status: number, body?: unknown) => {
      out.status = status;
      out.body = body;
      out.headersSent = true;
    },
  };
  return { res: res as unknown as Response, out };
}

const silent = pino({ level: 'silent' });
const gate = (adapter: TurnProcessor) =>
  gateAdapter(adapter, { appId: APP, authTimeoutMs: 100, conversationsPerMinute: 100, log: silent });
const logic = async () => {};

test('verification that never finishes (signing keys unreachable, no DNS answer) → 401 after the auth timeout', async () => {
  const { res, out } = fakeRes();
  await gate({ process: () => new Promise(() => {}) }).process(fakeReq(), res, logic);
  expect(out.status).toBe(401);
});

test('verification that throws a plain error → 401, not 500', async () => {
  const { res, out } = fakeRes();
  await gate({ process: async () => Promise.reject(new Error('getaddrinfo ENOTFOUND')) }).process(
    fakeReq(),
    res,
    logic,
  );
  expect(out.status).toBe(401);
});

test('the adapter answering 500 before the turn started → 401', async () => {
  const { res, out } = fakeRes();
  const adapter: TurnProcessor = {
    process: async (_q: Request, r: { status(n: number): void; end(): void }) => {
      r.status(500);
      r.end();
    },
  };
  await gate(adapter).process(fakeReq(), res, logic);
  expect(out.status).toBe(401);
});

test('a turn that is slower than the auth timeout is not cut off: its answer arrives', async () => {
  const { res, out } = fakeRes();
  const adapter: TurnProcessor = {
    process: async (
      _q: Request,
      r: { status(n: number): void; send(b: unknown): void; end(): void },
      l: (c: TurnContext) => Promise<void>,
    ) => {
      await l({} as TurnContext);
      await new Promise((ok) => setTimeout(ok, 300));
      r.status(200);
      r.send({ activities: [] });
      r.end();
    },
  };
  await gate(adapter).process(fakeReq(), res, async () => {});
  expect(out).toMatchObject({ status: 200, body: { activities: [] } });
});

test('a turn that fails after verification is a 500 (a real server error), not hidden as 401', async () => {
  const { res, out } = fakeRes();
  const adapter: TurnProcessor = {
    process: async (_q: Request, _r: unknown, l: (c: TurnContext) => Promise<void>) => {
      await l({} as TurnContext);
      throw new Error('bug in the turn');
    },
  };
  await gate(adapter).process(fakeReq(), res, logic);
  expect(out.status).toBe(500);
});
