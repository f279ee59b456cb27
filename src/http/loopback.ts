// What counts as this machine's loopback interface, for every check that asks: the serviceUrl of
// an activity in local mode (no app id, no tokens: only the built-in channel and local tools such
// as the Emulator live there, so any other host is refused), the built-in channel's bot-side
// routes, and who may read the figures in local mode.

const IPV4_LOOPBACK = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** A host name or address on the loopback interface: localhost, 127.0.0.0/8, ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === 'localhost' || IPV4_LOOPBACK.test(host) || host === '[::1]' || host === '::1';
}

/** A socket's peer address on the loopback interface, also written IPv4-mapped (::ffff:127.0.0.1). */
export function isLoopbackAddress(address: string | undefined): boolean {
  return isLoopbackHost((address ?? '').replace(/^::ffff:/i, ''));
}

/** True for an http(s) URL whose host is a loopback address (WHATWG parsing: 0x7f.1, 2130706433 are normalised first). */
export function isLoopbackUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && isLoopbackHost(parsed.hostname);
  } catch {
    return false;
  }
}
