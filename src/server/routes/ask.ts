import { Router } from 'express';
import { InvalidRequestError, NewsdeskError } from '../../errors.js';
import { methodNotAllowed } from '../http-errors.js';
import type { IndexHolder } from '../index-holder.js';
import { AskRequestSchema, describeIssues } from '../schemas.js';

export function askRouter(holder: IndexHolder): Router {
  const router = Router();
  router
    .route('/ask')
    .post(async (req, res) => {
      if (!req.is('application/json')) {
        throw new NewsdeskError('UNSUPPORTED_MEDIA_TYPE', 'POST /ask takes a JSON body: send Content-Type: application/json.', 415);
      }
      const parsed = AskRequestSchema.safeParse(req.body);
      if (!parsed.success) {
        const { message, fields } = describeIssues(parsed.error);
        throw new InvalidRequestError(message, { fields });
      }
      const engine = holder.current();
      const { evidence: _evidence, ...response } = await engine.ask(parsed.data);
      res.json(response);
    })
    .all(methodNotAllowed(['POST']));
  return router;
}
