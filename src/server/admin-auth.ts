import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { sendError } from './http-errors.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Bearer-token guard for /admin. No token configured: the routes are off and
 * say how to turn them on. A wrong or missing token: 401, with no hint.
 */
export function requireAdminToken(token: string): RequestHandler {
  const expected = digest(token);
  return (req, res, next) => {
    if (token === '') {
      sendError(res, 403, 'ADMIN_DISABLED', 'The admin routes are disabled: set ADMIN_TOKEN on the server to enable them.');
      return;
    }
    const match = /^Bearer (.+)$/.exec(req.get('authorization') ?? '');
    if (!match || !timingSafeEqual(digest(match[1]), expected)) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      sendError(res, 401, 'UNAUTHORIZED', 'Authentication required.');
      return;
    }
    next();
  };
}
