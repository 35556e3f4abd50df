import { Router, type NextFunction, type Request, type Response } from 'express';
import { GenerativeDisabledError, InvalidRequestError, NewsdeskError, OverloadedError } from '../../errors.js';
import { methodNotAllowed } from '../http-errors.js';
import type { IndexHolder } from '../index-holder.js';
import { noteAskOutcome } from '../request-outcome.js';
import { AskRequestSchema, describeIssues, type AskRequest } from '../schemas.js';

export function askRouter(holder: IndexHolder, maxInFlight = Infinity): Router {
  const router = Router();
  router
    .route('/ask')
    .post(shedLoad(maxInFlight), async (req, res) => {
      if (!req.is('application/json')) {
        throw new NewsdeskError('UNSUPPORTED_MEDIA_TYPE', 'POST /ask takes a JSON body: send Content-Type: application/json.', 415);
      }
      const parsed = AskRequestSchema.safeParse(req.body);
      if (!parsed.success) {
        const { message, fields } = describeIssues(parsed.error);
        throw new InvalidRequestError(message, { fields });
      }
      const { stream, mode, ...query } = parsed.data;
      if (stream || wantsEventStream(req)) return streamAnswer(holder, parsed.data, res);
      const engine = holder.current();
      // A client that goes away stops the generation it was waiting for.
      const abort = new AbortController();
      res.on('close', () => abort.abort());
      const { evidence: _evidence, ...response } = await engine.ask(query, { mode, signal: abort.signal });
      noteAskOutcome(res, response);
      res.json(response);
    })
    .all(methodNotAllowed(['POST']));
  return router;
}

/**
 * Beyond `maxInFlight` questions at once, a new one is refused at once with 503 and Retry-After:
 * a client can retry, where a queue would make every request wait past its patience.
 */
function shedLoad(maxInFlight: number): (req: Request, res: Response, next: NextFunction) => void {
  let inFlight = 0;
  return (_req, res, next) => {
    if (inFlight >= maxInFlight) {
      res.set('Retry-After', '1');
      throw new OverloadedError(maxInFlight);
    }
    inFlight++;
    res.once('close', () => inFlight--);
    next();
  };
}

function wantsEventStream(req: Request): boolean {
  return (req.get('accept') ?? '').split(',').some((type) => type.trim().split(';')[0] === 'text/event-stream');
}

/**
 * Server-sent events: `token` events ({ "text" }) carry the generated text as it comes (unchecked),
 * then one `answer` event carries the checked response (the same JSON as without streaming),
 * or one `error` event ({ "error": { code, message } }).
 */
async function streamAnswer(holder: IndexHolder, request: AskRequest, res: Response): Promise<void> {
  const { stream: _stream, mode, ...query } = request;
  const engine = holder.current();
  // Refused before the stream starts, as an ordinary JSON error.
  if (mode === 'generative' && !engine.generative) throw new GenerativeDisabledError();
  const abort = new AbortController();
  res.on('close', () => abort.abort());
  res.status(200).set({ 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
  res.flushHeaders();
  const send = (event: string, data: unknown) => {
    if (!res.writableEnded) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  try {
    const { evidence: _evidence, ...response } = await engine.ask(query, { mode, signal: abort.signal, onToken: (text) => send('token', { text }) });
    noteAskOutcome(res, response);
    send('answer', response);
  } catch (error) {
    const e = error instanceof NewsdeskError ? error : new NewsdeskError('INTERNAL_ERROR', 'Something went wrong on the server. The error was logged.', 500);
    if (!(error instanceof NewsdeskError)) res.locals.error = error; // logged on the request's line
    send('error', { error: { code: e.code, message: e.message } });
  }
  res.end();
}
