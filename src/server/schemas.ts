import { z } from 'zod';
import { PASSAGES_CONSIDERED } from '../answer/index.js';
import { isCalendarDate } from '../ingest/index.js';

const isoDate = z.string().refine(isCalendarDate, 'must be a real calendar date written YYYY-MM-DD');

export const AskRequestSchema = z
  .object({
    question: z
      .string({ error: 'must be a string' })
      .transform((s) => s.trim())
      .pipe(z.string().min(1, 'must not be blank').max(2000, 'must be at most 2000 characters')),
    k: z.number({ error: 'must be a number' }).int('must be an integer').min(1, 'must be at least 1').max(20, 'must be at most 20').default(PASSAGES_CONSIDERED),
    history: z
      .array(
        z.object({
          role: z.enum(['user', 'assistant'], { error: 'must be "user" or "assistant"' }),
          content: z.string({ error: 'must be a string' }).max(4000, 'must be at most 4000 characters'),
          docIds: z.array(z.string().min(1).max(500)).max(20, 'must list at most 20 articles').optional(),
        }).strict(),
      )
      .max(20, 'must have at most 20 turns')
      .default([]),
    filters: z
      .object({
        docId: z.string().min(1).max(500).optional(),
        after: isoDate.optional(),
        before: isoDate.optional(),
      })
      .strict()
      .optional(),
    mode: z.enum(['extractive', 'generative'], { error: 'must be "extractive" or "generative"' }).optional(),
    stream: z.boolean({ error: 'must be true or false' }).default(false),
  })
  .strict();

export type AskRequest = z.infer<typeof AskRequestSchema>;

/** "question: must not be blank; k: must be at most 20" — every problem named with its field. */
export function describeIssues(error: z.ZodError): { message: string; fields: Array<{ field: string; problem: string }> } {
  const fields = error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : '(body)',
    problem: issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message,
  }));
  return { message: `Invalid request: ${fields.map((f) => `${f.field}: ${f.problem}`).join('; ')}`, fields };
}

const queryInt = (min: number, max: number, fallback: number) =>
  z
    .string({ error: 'must be a whole number' })
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
    .default(fallback);

/** GET /documents?q=&sort=date|title&offset=&limit= (query strings: numbers arrive as text). */
export const DocumentListQuerySchema = z
  .object({
    q: z.string({ error: 'must be given once, as text' }).max(200, 'must be at most 200 characters').optional(),
    sort: z.enum(['date', 'title'], { error: 'must be "date" or "title"' }).default('date'),
    offset: queryInt(0, 1_000_000, 0),
    limit: queryInt(1, 100, 20),
  })
  .strict();

export type DocumentListQuery = z.infer<typeof DocumentListQuerySchema>;
