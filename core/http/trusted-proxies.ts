import proxyAddr from 'proxy-addr';

type Trust = (address: string) => boolean;

/** Compiled lists, by list: the configuration's array lives as long as the process. */
const compiled = new WeakMap<readonly string[], Trust>();

/** An entry TRUSTED_PROXIES accepts: an address, a CIDR range, or one of proxy-addr's names. */
export function isTrustedProxyEntry(entry: string): boolean {
  try {
    proxyAddr.compile(entry);
    return true;
  } catch {
    return false;
  }
}

/**
 * True when a socket address belongs to one of the trusted proxies (TRUSTED_PROXIES). proxy-addr
 * (Express's own) parses the ranges and matches IPv4-mapped IPv6 addresses against IPv4 ranges, so
 * `::ffff:127.0.0.1` is loopback too.
 */
export function isTrustedProxy(address: string | undefined, trustedProxies: readonly string[]): boolean {
  if (!address || trustedProxies.length === 0) return false;
  let trust = compiled.get(trustedProxies);
  if (!trust) {
    const check = proxyAddr.compile([...trustedProxies]);
    trust = (a) => check(a, 0);
    compiled.set(trustedProxies, trust);
  }
  return trust(address);
}
