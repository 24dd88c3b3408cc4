// A preload (`node --require`, through NODE_OPTIONS) that makes one host name fail to resolve, as
// a DNS failure does (getaddrinfo ENOTFOUND), without asking any resolver: the name is answered here,
// inside the process, so no query leaves the machine. Every other name resolves as usual.
// FAIL_DNS_HOST names the host; it is read once, at start-up, because twilio-run replaces
// process.env with the project's .env before it serves. Each refusal is announced on stderr, so a
// test can check that the lookup was answered here and not by a resolver.
'use strict';
const dns = require('node:dns');

const host = process.env.FAIL_DNS_HOST;
const lookup = dns.lookup;

if (host) {
  dns.lookup = function failingLookup(hostname, options, callback) {
    if (String(hostname).toLowerCase() !== host.toLowerCase()) return lookup.apply(this, arguments);
    const done = typeof options === 'function' ? options : callback;
    const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
      errno: -3008,
      code: 'ENOTFOUND',
      syscall: 'getaddrinfo',
      hostname,
    });
    process.stderr.write(`fail-dns: answered ENOTFOUND for ${hostname}\n`);
    process.nextTick(done, error);
    return {};
  };
}
