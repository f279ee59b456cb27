import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';

// The HTTP server's one `upgrade` listener. restify registers a listener of its own (it re-emits
// the event on its server), so Node hands every Upgrade request's socket over and never answers
// it: a socket nobody claims would stay open for ever. Here every Upgrade is offered to the
// handlers that claim paths (the built-in channel's stream); what none claims gets an HTTP error
// and a closed socket, in every mode.

/** Takes the request and returns true when it is this handler's (answered or refused by it). */
export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => boolean;

const handlersOf = new WeakMap<Server, UpgradeHandler[]>();

/** How long a refused socket may stay open for the client to read the answer and close it first. */
const LINGER_MS = 1000;

/** Answers an Upgrade with a bodiless HTTP error and closes the socket (destroyed if the peer lingers). */
export function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  socket.on('error', () => socket.destroy());
  // Whatever the client still sends is read and dropped, so it cannot fill a buffer.
  socket.resume();
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
}

/** Installs the one listener; called once per server, before it listens. */
export function dispatchUpgrades(server: Server): void {
  if (handlersOf.has(server)) return;
  const handlers: UpgradeHandler[] = [];
  handlersOf.set(server, handlers);
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    try {
      for (const handler of handlers) if (handler(req, socket, head)) return;
    } catch {
      if (!socket.destroyed) refuseUpgrade(socket, 500, 'Internal Server Error');
      return;
    }
    refuseUpgrade(socket, 404, 'Not Found');
  });
}

/** Adds a handler to the server's dispatch; returns the function that removes it. */
export function claimUpgrades(server: Server, handler: UpgradeHandler): () => void {
  dispatchUpgrades(server);
  const handlers = handlersOf.get(server)!;
  handlers.push(handler);
  return () => {
    const i = handlers.indexOf(handler);
    if (i >= 0) handlers.splice(i, 1);
  };
}
