// Where deliveries may go. In production: https only, no credentials in the URL, and never to the
// office's own network: a host name such as 'localhost' or '*.internal', or an address that is
// loopback, private (RFC 1918, unique-local), link-local, carrier-grade NAT, multicast or reserved is
// refused when the subscription is made, and again at each delivery after the name is resolved (the
// connection goes to the address that was checked). In demo and test mode http and local receivers are
// allowed, so a docketing system on the same machine can be tried out.
import { lookup as dnsLookup } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { DomainError } from '../../kernel/errors.ts';

const blocked = new BlockList();
for (const [net, bits] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4]] as const) {
  blocked.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32], ['64:ff9b::', 96], ['100::', 64]] as const) {
  blocked.addSubnet(net, bits, 'ipv6');
}

/** Whether an IP address is one the office's deliveries never go to in production. */
export function isInternalAddress(ip: string): boolean {
  const v = isIP(ip);
  if (v === 4) return blocked.check(ip, 'ipv4');
  if (v === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
    return mapped ? blocked.check(mapped[1], 'ipv4') : blocked.check(ip, 'ipv6');
  }
  return true;
}

const INTERNAL_NAMES = /(^|\.)(localhost|local|internal|intranet|lan|home\.arpa)$/i;

/** Checks a subscriber's URL; returns it normalised. */
export function checkWebhookUrl(raw: string, production: boolean): string {
  let url: URL;
  try { url = new URL(raw); } catch { throw new DomainError('WEBHOOK_URL_INVALID', 'The URL is not a valid absolute URL', 400, { url: raw }); }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && !production)) {
    throw new DomainError('WEBHOOK_URL_INVALID', production ? 'Deliveries go to https:// URLs only' : 'Deliveries go to http:// or https:// URLs', 400, { url: raw });
  }
  if (url.username || url.password) throw new DomainError('WEBHOOK_URL_INVALID', 'A webhook URL carries no user name or password: the signature authenticates the office', 400);
  if (production) {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (INTERNAL_NAMES.test(host) || !host.includes('.') && !isIP(host) || (isIP(host) && isInternalAddress(host))) {
      throw new DomainError('WEBHOOK_URL_NOT_ALLOWED', `Deliveries do not go to ${host}: an internal or reserved address`, 400, { host });
    }
  }
  url.hash = '';
  return url.toString();
}

/** A DNS lookup for delivery connections that refuses internal addresses (production). */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return (callback as any)(err);
    const list = addresses as unknown as { address: string; family: number }[];
    const bad = list.find((a) => isInternalAddress(a.address));
    if (bad || list.length === 0) {
      const e: NodeJS.ErrnoException = new Error(`${hostname} resolves to an internal address (${bad?.address ?? 'none'}): not delivered`);
      e.code = 'ENOTALLOWED';
      return (callback as any)(e);
    }
    if ((options as any)?.all) return (callback as any)(null, list);
    return (callback as any)(null, list[0].address, list[0].family);
  });
};
