import type { Server, Request, Response, Next } from 'restify';
import type { Storage } from 'botbuilder';
import type { Logger } from 'pino';
import { probeStorage } from './storage';

/**
 * Requests in flight, draining and the health answer: what a graceful stop (SIGTERM from App
 * Service, Kubernetes or Ctrl-C) and a load balancer's health probe need.
 */
export class Lifecycle {
  private active = 0;
  private idleWaiters: Array<() => void> = [];
  draining = false;

  constructor(private readonly storage: Storage) {}

  /** server.pre plugin: counts every request until its response is finished or aborted. */
  readonly track = (server: Server): void => {
    server.pre((req: Request, res: Response, next: Next) => {
      this.active++;
      let done = false;
      const end = () => {
        if (done) return;
        done = true;
        this.active--;
        if (this.active === 0) for (const wake of this.idleWaiters.splice(0)) wake();
      };
      res.once('finish', end);
      res.once('close', end);
      if (this.draining) res.header('Connection', 'close');
      return next();
    });
  };

  get inFlight(): number {
    return this.active;
  }

  /** Resolves when no request is in flight (or after `ms`, whichever is first); true = all finished. */
  async idle(ms: number): Promise<boolean> {
    if (this.active === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      new Promise<boolean>((resolve) => this.idleWaiters.push(() => resolve(true))),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), ms);
      }),
    ]);
    clearTimeout(timer);
    return finished;
  }

  /** What the other dependencies last did (e.g. Azure Direct Line's token service): ok or error. */
  private readonly reported = new Map<string, 'ok' | 'error'>();

  /** Records how a call to a dependency went; /healthz names each one that last failed. */
  report(dependency: string, ok: boolean): void {
    this.reported.set(dependency, ok ? 'ok' : 'error');
  }

  /**
   * GET /healthz: each dependency and its state, `storage` probed now, the others as their last
   * call went. 503 when the store does not answer (no turn can run) or we are stopping; a failing
   * Direct Line token service leaves the bot serving Teams and other channels, so it stays 200
   * with status `degraded`.
   */
  async health(): Promise<{
    status: number;
    body: { status: 'ok' | 'degraded' | 'error' | 'draining'; storage: 'ok' | 'error'; [dependency: string]: string };
  }> {
    const storageOk = await probeStorage(this.storage);
    const others = Object.fromEntries(this.reported);
    const degraded = [...this.reported.values()].includes('error');
    const status = this.draining ? 'draining' : !storageOk ? 'error' : degraded ? 'degraded' : 'ok';
    return {
      status: status === 'ok' || status === 'degraded' ? 200 : 503,
      body: { status, storage: storageOk ? 'ok' : 'error', ...others },
    };
  }
}

export interface ShutdownOptions {
  lifecycle: Lifecycle;
  /** Stops accepting connections; resolves when the server is closed. */
  close: () => Promise<void>;
  /** Ends connections still open after the grace period (keep-alive, WebSockets). */
  closeAll?: () => void;
  graceMs: number;
  log: Logger;
}

/**
 * On SIGTERM or SIGINT: stop accepting, let the turns in flight finish (at most `graceMs`), exit 0.
 * A second signal during the drain exits at once.
 */
export function installGracefulShutdown(options: ShutdownOptions): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    if (stopping) return stopping;
    const { lifecycle, log } = options;
    lifecycle.draining = true;
    log.info({ inFlight: lifecycle.inFlight }, 'shutting down: finishing requests in flight');
    stopping = (async () => {
      const closed = options.close();
      const finished = await lifecycle.idle(options.graceMs);
      options.closeAll?.();
      await Promise.race([closed, new Promise((r) => setTimeout(r, 1000))]);
      log.info({ finished, inFlight: lifecycle.inFlight }, 'stopped');
      process.exit(0);
    })();
    return stopping;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      options.log.warn({ signal }, 'second signal: exiting now');
      process.exit(0);
      return;
    }
    void stop();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return stop;
}
