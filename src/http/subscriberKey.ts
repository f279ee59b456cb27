import { isIPv4, isIPv6 } from 'node:net';

// What a per-address limit counts by: the block of addresses one subscriber holds. An ISP hands
// each IPv6 customer at least a /64 (RFC 6177), and a host picks any of its 2^64 addresses at will
// (privacy extensions do so every day), so an IPv6 address is counted by its /64. An IPv4 address
// is one subscriber, also when written IPv4-mapped (::ffff:192.0.2.1, as a dual-stack socket
// reports it). Anything else (a name, garbage from a header) is counted as written.

/** The eight 16-bit groups of an IPv6 address (a trailing dotted IPv4 part included), or undefined. */
function groupsOf(address: string): number[] | undefined {
  if (!isIPv6(address)) return undefined;
  let text = address.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1].split('.').map(Number);
    text = `${text.slice(0, -dotted[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const part = (s: string | undefined) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const front = part(head);
  const back = part(tail);
  return [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
}

/** The limit key of a client address: IPv4 whole (mapped or not), IPv6 by its /64. */
export function subscriberKey(address: string): string {
  const bare = address.replace(/%.*$/, ''); // a zone index (fe80::1%eth0) names no other host
  if (isIPv4(bare)) return bare;
  const groups = groupsOf(bare);
  if (!groups) return address;
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (mapped) return [groups[6] >> 8, groups[6] & 255, groups[7] >> 8, groups[7] & 255].join('.');
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}
