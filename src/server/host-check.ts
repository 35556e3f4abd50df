import type { RequestHandler } from 'express';
import { sendError } from './http-errors.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
const WILDCARD = new Set(['0.0.0.0', '::', '[::]']);

/**
 * Refuses requests whose Host header is not this server's name: a web page
 * that rebinds its own DNS name to 127.0.0.1 reaches the server with its own
 * name in Host, and gets 421 instead of the API. Accepted: HOST:PORT (and,
 * when HOST is a loopback address, localhost / 127.0.0.1 / [::1] on PORT),
 * plus every ALLOWED_HOSTS entry ("name" or "name:port"; "*" accepts any).
 * A server bound to every interface (0.0.0.0, ::) accepts any Host unless
 * ALLOWED_HOSTS names them.
 */
export function hostCheck(host: string, port: () => number, allowedHosts: readonly string[]): RequestHandler {
  const bound = host.toLowerCase();
  const anyHost = allowedHosts.includes('*') || (WILDCARD.has(bound) && allowedHosts.length === 0);
  return (req, res, next) => {
    if (anyHost) return next();
    const header = (req.headers.host ?? '').trim().toLowerCase();
    if (header !== '' && isAllowed(header, bound, port(), allowedHosts)) return next();
    sendError(res, 421, 'HOST_NOT_ALLOWED', `This server answers requests for ${bound}:${port()}${allowedHosts.length ? ` and ${allowedHosts.join(', ')}` : ''}, not for Host "${header}". To reach it under another name, add the name to ALLOWED_HOSTS.`);
  };
}

function isAllowed(header: string, bound: string, port: number, allowedHosts: readonly string[]): boolean {
  const { name, port: given } = splitHost(header);
  const onOurPort = given === port;
  if (onOurPort && (name === bound || (name === `[${bound}]`) || (LOOPBACK.has(bound) && LOOPBACK.has(name)) || (bound === 'localhost' && LOOPBACK.has(name)))) return true;
  return allowedHosts.some((entry) => {
    const allowed = splitHost(entry);
    return allowed.name === name && (allowed.port === null ? given === null || onOurPort : allowed.port === given);
  });
}

function splitHost(value: string): { name: string; port: number | null } {
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(value);
  if (!match) return { name: value, port: null };
  return { name: match[1], port: match[2] === undefined ? null : Number(match[2]) };
}
