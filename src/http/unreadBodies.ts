import type { IncomingMessage, Server, ServerResponse } from 'node:http';

// What becomes of a request body nobody read: one the server refused (413, 415) or one its route
// never reads (a body on GET /healthz). Closing the socket at once while the client still sends
// makes its TCP stack answer with a reset, and many clients (Node's fetch among them) then report
// the reset instead of the status they were sent (RFC 9112 §9.6). So after the answer the server
// reads and drops what follows, up to `maxBytes` and for at most `lingerMs`; a body that ends
// within that leaves the connection as HTTP would (kept alive, or closed). Past either bound it
// closes its side (the client reads the answer and an orderly end), stops reading, and destroys
// the socket `lingerMs` later. What one request can make the server read is thus bounded.

export interface UnreadBodyOptions {
  /** Bytes of an unread body the server still reads (and drops) after answering. */
  maxBytes: number;
  /** How long it keeps reading, and then how long it waits for the client to close. */
  lingerMs: number;
}

function drain(req: IncomingMessage, options: UnreadBodyOptions, closeWhenDone: boolean): void {
  const socket = req.socket;
  let read = 0;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    req.off('data', onData);
    req.pause();
    socket.end();
    setTimeout(() => socket.destroy(), options.lingerMs).unref();
  };
  const onData = (chunk: Buffer) => {
    read += chunk.length;
    if (read > options.maxBytes) stop();
  };
  const timer = setTimeout(stop, options.lingerMs);
  timer.unref();
  req.on('data', onData);
  req.once('end', () => {
    clearTimeout(timer);
    req.off('data', onData);
    if (!closeWhenDone) return;
    socket.end();
    setTimeout(() => socket.destroy(), options.lingerMs).unref();
  });
  req.resume();
}

/** Installs the drain on every request of `server` (before it listens). */
export function drainUnreadBodies(server: Server, options: UnreadBodyOptions): void {
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    // Marks the body as read by code (it buffers at most one chunk meanwhile): left alone, Node
    // would discard an unread body after the answer itself, all of it, without a bound.
    req.read(0);
    res.once('finish', () => {
      if (req.complete || req.socket.destroyed) return;
      // Node closes a connection marked `Connection: close` as soon as the answer is out (its
      // destroySoon waits for the socket's 'finish' and then destroys it, unread bytes and all).
      // That close is taken over here: the same end, after the body is read or the bounds pass.
      const closing = req.socket.listeners('finish').includes(req.socket.destroy);
      if (closing) req.socket.removeListener('finish', req.socket.destroy);
      drain(req, options, closing);
    });
  });
}
