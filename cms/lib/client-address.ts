/**
 * Who is asking: the client's address, taken from `X-Forwarded-For` only when the TCP peer is a
 * proxy we trust (TRUSTED_PROXIES). Walks the chain from the right as `proxy-addr` does: each hop
 * vouches for the next one to its left only while the hop itself is trusted, so a client cannot
 * choose its own address by sending the header. Pure functions, no HTTP framework: the CMS, the site
 * server and the assistant all resolve addresses with them.
 */
import proxyaddr from 'proxy-addr';

/** Loopback only: under `npm start` the site server, on the same machine, is the one proxy. */
export const defaultTrustedProxies = '127.0.0.0/8,::1';

export type TrustedProxies = {
  /** The entries as configured (IPs, CIDR ranges, or proxy-addr's names such as `loopback`). */
  readonly entries: readonly string[];
  /** Whether `address` (the hop at `index` from the right) may vouch for the address before it. */
  readonly trusts: (address: string, index: number) => boolean;
};

/**
 * Parses a TRUSTED_PROXIES value: comma-separated IP addresses and CIDR ranges (`10.0.0.0/8`,
 * `::1`). An empty value trusts nobody. Throws an Error naming every entry that is not an address.
 */
export function parseTrustedProxies(value: string): TrustedProxies {
  const entries = value.split(',').map((entry) => entry.trim()).filter(Boolean);
  const bad = entries.filter((entry) => {
    try {
      proxyaddr.compile(entry);
      return false;
    } catch {
      return true;
    }
  });
  if (bad.length > 0) throw new Error(`not an IP address or CIDR range: ${bad.join(', ')}`);
  return { entries, trusts: proxyaddr.compile(entries) };
}

/** `::ffff:203.0.113.9` (an IPv4 client on a dual-stack socket) is `203.0.113.9`. */
const plain = (address: string): string => address.replace(/^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i, '$1');

/**
 * The client's address for a connection from `socketAddress` that carried `forwardedFor` (the raw
 * X-Forwarded-For header, or its repeated values). The header is ignored unless the peer is trusted.
 * @example clientAddress('127.0.0.1', '203.0.113.9', parseTrustedProxies('127.0.0.1')) // '203.0.113.9'
 * @example clientAddress('198.51.100.7', '203.0.113.9', parseTrustedProxies('127.0.0.1')) // '198.51.100.7'
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | readonly string[] | undefined, trusted: TrustedProxies): string {
  if (!socketAddress) return '';
  const header = typeof forwardedFor === 'string' ? forwardedFor : forwardedFor?.join(',');
  const request = { socket: { remoteAddress: socketAddress }, headers: header ? { 'x-forwarded-for': header } : {} };
  // proxy-addr reads only the socket's address and the header from its request argument; a whole IncomingMessage is not needed.
  return plain(proxyaddr(request as unknown as Parameters<typeof proxyaddr>[0], trusted.trusts));
}

/** Whether the TCP peer itself is a trusted proxy (so its other forwarded headers may be believed too). */
export const isTrustedPeer = (socketAddress: string | undefined, trusted: TrustedProxies): boolean =>
  Boolean(socketAddress) && trusted.trusts(socketAddress!, 0);
