// Which URLs point at this machine's loopback interface. In local mode (no app id, no tokens) an
// activity's serviceUrl is where the bot sends its replies: only the built-in channel and local
// tools such as the Emulator live there, so any other host is refused.

const IPV4_LOOPBACK = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === 'localhost' || IPV4_LOOPBACK.test(host) || host === '[::1]' || host === '::1';
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
