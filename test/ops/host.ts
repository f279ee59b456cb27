import http from 'node:http';
import { start } from '../../src/index';
import { loadConfig } from '../../src/config';

// Test helpers: the real host (src/index.ts `start`) on 127.0.0.1 port 0, and a keep-alive client.

export type Host = Awaited<ReturnType<typeof start>>;

/** Starts the production wiring with these variables (pilot-period date pinned, port 0). */
export function startHost(env: Record<string, string> = {}): Promise<Host> {
  return start(loadConfig({ PORT: '0', HOST: '127.0.0.1', GUIDE_DATE: '2021-03-15', ...env } as NodeJS.ProcessEnv));
}

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json?: unknown;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });

/** One HTTP request with a raw body; resolves with status, headers and body text. */
export function request(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; timeoutMs?: number } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    // No answer in time counts as a failure the caller can see (status 0), not a hung test.
    if (options.timeoutMs)
      req.setTimeout(options.timeoutMs, () => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** A user of the channel "test" who talks to the bot with expectReplies (replies come in the body). */
export function user(conversationId: string, userId = `user-${conversationId}`, locale = 'fi-FI') {
  const activity = (extra: Record<string, unknown>) => ({
    channelId: 'test',
    serviceUrl: 'http://127.0.0.1:9/',
    conversation: { id: conversationId },
    from: { id: userId, name: 'Testi' },
    recipient: { id: 'bot' },
    locale,
    deliveryMode: 'expectReplies',
    ...extra,
  });
  return {
    activity,
    /** Posts `text` to `url`; returns the HTTP status and the replies' texts joined. */
    async say(
      url: string,
      text: string,
      headers: Record<string, string> = {},
    ): Promise<{ status: number; replies: string }> {
      const res = await request(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(activity({ type: 'message', text })),
      });
      return { status: res.status, replies: repliesText(res.json) };
    },
    async join(url: string): Promise<number> {
      const res = await request(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity({ type: 'conversationUpdate', membersAdded: [{ id: userId }] })),
      });
      return res.status;
    },
  };
}

/** Every text a user would see in an expectReplies body: message texts, speak, card texts. */
export function repliesText(body: unknown): string {
  const activities =
    (body as { activities?: { text?: string; attachments?: unknown[]; suggestedActions?: unknown }[] } | undefined)
      ?.activities ?? [];
  return activities
    .map((a) => JSON.stringify([a.text ?? '', a.attachments ?? [], a.suggestedActions ?? []]))
    .join('\n');
}
