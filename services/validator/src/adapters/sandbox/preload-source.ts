/**
 * The sandbox preload, written out by MGE and loaded with `--import` before any generated module
 * (layer B of docs/SECURITY.md, and defence in depth on top of the network namespace).
 */
export const PRELOAD_SOURCE = `// MGE's sandbox preload (docs/SECURITY.md): loaded with --import before any generated module. It keeps
// the process off the network except its own servers on loopback: a server may listen on 127.0.0.1 or
// ::1 only, a socket may connect only to a loopback port this process listens on, and UDP, DNS and
// Node's internal bindings are refused. Primordials are captured first so generated code cannot
// change what the checks call.
import { createRequire, syncBuiltinESMExports } from 'node:module';

const require = createRequire(import.meta.url);
const apply = Reflect.apply;
const toNumber = Number;
const isArray = Array.isArray;
const ErrorClass = Error;
const nextTick = process.nextTick;
const defineProperty = Object.defineProperty;
const ownKeys = Reflect.ownKeys;
const LOOPBACK = { __proto__: null, '127.0.0.1': '127.0.0.1', localhost: '127.0.0.1', '::1': '::1', '[::1]': '::1' };
const ANY_HOST = { __proto__: null, '': true, '0.0.0.0': true, '::': true };
const own = { __proto__: null };

const refusal = (what) => {
  const error = new ErrorClass('the sandbox refuses network access: ' + what);
  defineProperty(error, 'code', { value: 'ERR_MGE_SANDBOX_NETWORK' });
  return error;
};
const refuse = (what) => () => {
  throw refusal(what);
};
const asPort = (value) => {
  if (typeof value !== 'number' && typeof value !== 'string') return false;
  const port = toNumber(value);
  return port >= 0 && port < 65536 && port === (port | 0) ? port : false;
};

const net = require('node:net');
const events = require('node:events');
const connect = net.Socket.prototype.connect;
const listen = net.Server.prototype.listen;
const address = net.Server.prototype.address;
const once = events.EventEmitter.prototype.once;
const destroy = net.Socket.prototype.destroy;

/** The options of a connect or listen call, copied once so nothing can change them after the check. */
function optionsOf(args) {
  let first = args[0];
  if (isArray(first)) first = first[0];
  if (first !== null && typeof first === 'object') return { ...first };
  if (typeof first === 'string' && asPort(first) === false) return { path: first };
  if (first === undefined || typeof first === 'function') return {};
  return { port: first, host: typeof args[1] === 'string' ? args[1] : undefined };
}
const callbackOf = (args) => {
  const first = args[0];
  if (isArray(first)) return typeof first[1] === 'function' ? first[1] : undefined;
  const last = args[args.length - 1];
  return typeof last === 'function' ? last : undefined;
};

/** The loopback address of this process's own server a connect may reach, or why not. */
function ownAddress(options) {
  if (options.path !== undefined) return 'a local socket (' + options.path + ')';
  const host = options.host === undefined || options.host === null ? 'localhost' : options.host;
  const port = asPort(options.port);
  if (typeof host !== 'string' || port === false) return 'connect to an unusual target';
  const loopback = LOOPBACK[host];
  if (loopback === undefined) return 'connect to ' + host + ':' + port;
  if (own[loopback + ' ' + port] === true) return { host: loopback, port };
  if (host === 'localhost' && own['::1 ' + port] === true) return { host: '::1', port };
  return 'connect to ' + host + ':' + port + ', which is not a server of this process';
}

net.Socket.prototype.connect = function (...args) {
  const options = optionsOf(args);
  const callback = callbackOf(args);
  const target = ownAddress(options);
  if (typeof target === 'string') {
    const socket = this;
    apply(nextTick, process, [() => apply(destroy, socket, [refusal(target)])]);
    return this;
  }
  const safe = { ...options, host: target.host, port: target.port };
  delete safe.path;
  delete safe.lookup;
  return apply(connect, this, callback === undefined ? [safe] : [safe, callback]);
};

net.Server.prototype.listen = function (...args) {
  const options = optionsOf(args);
  const callback = callbackOf(args);
  if (options.path !== undefined || options.handle !== undefined || options.fd !== undefined || options._handle !== undefined)
    throw refusal('listen on anything but a loopback port');
  const host = options.host === undefined || options.host === null || ANY_HOST[options.host] === true ? '127.0.0.1' : options.host;
  const loopback = typeof host === 'string' ? LOOPBACK[host] : undefined;
  if (loopback === undefined) throw refusal('listen on ' + host);
  const port = options.port === undefined || options.port === null ? 0 : asPort(options.port);
  if (port === false) throw refusal('listen on an unusual port');
  const safe = { ...options, host: loopback, port };
  delete safe.path;
  const server = this;
  apply(once, server, ['listening', () => {
    const bound = apply(address, server, []);
    if (bound === null || typeof bound !== 'object') return;
    const key = bound.address + ' ' + bound.port;
    own[key] = true;
    apply(once, server, ['close', () => delete own[key]]);
  }]);
  return apply(listen, this, callback === undefined ? [safe] : [safe, callback]);
};

/** Replaces every function of a module object by one that refuses. */
function refuseAll(module, name) {
  for (const key of ownKeys(module)) {
    if (typeof module[key] === 'function') module[key] = refuse(name + '.' + String(key));
  }
}
// Node's own listen looks its (loopback literal) host up: only those lookups are answered.
const dns = require('node:dns');
const lookups = [dns.lookup, dns.promises.lookup];
const literalOnly = (original, name) =>
  function (hostname, ...rest) {
    if (hostname !== '127.0.0.1' && hostname !== '::1') throw refusal(name + ' ' + String(hostname));
    return apply(original, this, [hostname, ...rest]);
  };
refuseAll(dns.promises, 'dns.promises');
refuseAll(dns, 'dns');
dns.lookup = literalOnly(lookups[0], 'dns.lookup');
dns.promises.lookup = literalOnly(lookups[1], 'dns.promises.lookup');
refuseAll(require('node:dgram'), 'dgram');
syncBuiltinESMExports();

for (const name of ['WebSocket', 'EventSource', 'XMLHttpRequest'])
  defineProperty(globalThis, name, { value: undefined, writable: false, configurable: false });
for (const name of ['binding', '_linkedBinding', 'dlopen'])
  defineProperty(process, name, { value: refuse('process.' + name), writable: false, configurable: false });
`;
