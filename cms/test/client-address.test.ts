import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientAddress, defaultTrustedProxies, isTrustedPeer, parseTrustedProxies } from '../lib/client-address';

const loopback = parseTrustedProxies(defaultTrustedProxies);

test('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
  assert.equal(clientAddress('198.51.100.7', '203.0.113.9', loopback), '198.51.100.7');
  assert.equal(clientAddress('198.51.100.7', undefined, loopback), '198.51.100.7');
  assert.equal(clientAddress('127.0.0.1', '203.0.113.9', parseTrustedProxies('')), '127.0.0.1', 'an empty list trusts nobody');
});

test('takes the client from X-Forwarded-For when a trusted proxy sends it, IPv4 or IPv6 peer', () => {
  assert.equal(clientAddress('127.0.0.1', '203.0.113.9', loopback), '203.0.113.9');
  assert.equal(clientAddress('::1', '2001:db8::5', loopback), '2001:db8::5');
  assert.equal(clientAddress('::ffff:127.0.0.1', '203.0.113.9', loopback), '203.0.113.9');
});

test('walks the chain from the right and stops at the first address that is not a trusted proxy', () => {
  const proxies = parseTrustedProxies('10.0.0.0/8,127.0.0.1');
  // The client wrote 1.2.3.4 itself; 203.0.113.9 is what the outer proxy 10.0.0.2 saw.
  assert.equal(clientAddress('127.0.0.1', '1.2.3.4, 203.0.113.9, 10.0.0.2', proxies), '203.0.113.9');
  assert.equal(clientAddress('127.0.0.1', ['1.2.3.4', '10.0.0.2'], proxies), '1.2.3.4', 'repeated headers are one list');
});

test('gives an IPv4 client on a dual-stack socket in plain form', () => {
  assert.equal(clientAddress('::ffff:198.51.100.7', undefined, loopback), '198.51.100.7');
});

test('parses TRUSTED_PROXIES: addresses and CIDR ranges, and names what is not one', () => {
  const proxies = parseTrustedProxies(' 10.0.0.0/8 , 2001:db8::/32,192.0.2.7 ');
  assert.deepEqual(proxies.entries, ['10.0.0.0/8', '2001:db8::/32', '192.0.2.7']);
  assert.ok(isTrustedPeer('10.20.30.40', proxies));
  assert.ok(isTrustedPeer('2001:db8::1', proxies));
  assert.ok(!isTrustedPeer('192.0.2.8', proxies));
  assert.throws(() => parseTrustedProxies('10.0.0.0/8,proxy.local,10.0.0.0/99'), /proxy\.local, 10\.0\.0\.0\/99/);
});
