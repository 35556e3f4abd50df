import { readFile } from 'node:fs/promises';
import { z } from 'zod';

export const QaItemSchema = z.object({
  id: z.string(),
  q: z.string().min(1),
  a: z.array(z.string()),
  gold: z.string().nullable().optional(),
  doc: z.string().nullable().optional(),
  kind: z.string().default('factoid'),
});
export type QaItem = z.infer<typeof QaItemSchema>;

/** Reads a JSONL question set; a bad line is reported with its number. */
export async function loadQaSet(path: string): Promise<QaItem[]> {
  const lines = (await readFile(path, 'utf8')).split('\n');
  const items: QaItem[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const parsed = QaItemSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    items.push(parsed.data);
  });
  return items;
}

export const isAnswerable = (item: QaItem): boolean => item.a.length > 0 && !!item.gold;
