import { z } from 'zod';
import { lazyPackage } from './lazy-package.js';
import { NOTHING_STATED, statedMetadata, type StatedMetadata } from './stated-metadata.js';

const yaml = lazyPackage<typeof import('yaml')>('yaml');

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** A YAML scalar as text: a date written unquoted may be read as a Date, a year as a number. */
const Scalar = z
  .union([z.string(), z.number(), z.date().transform((d) => d.toISOString())])
  .transform(String)
  .optional()
  .catch(undefined);

const FrontMatterSchema = z.object({ title: Scalar, date: Scalar, published: Scalar, source: Scalar, url: Scalar });

/** The YAML front matter of a Markdown article (title, date or published, source, url), and the text without it. */
export function readFrontMatter(markdown: string): { stated: StatedMetadata; body: string } {
  const match = FRONT_MATTER.exec(markdown);
  if (!match) return { stated: NOTHING_STATED, body: markdown };
  const body = markdown.slice(match[0].length);
  const fields = FrontMatterSchema.safeParse(parseYaml(match[1]));
  if (!fields.success) return { stated: NOTHING_STATED, body };
  const { title, date, published, source, url } = fields.data;
  return { stated: statedMetadata({ title, date: date ?? published, source, url }), body };
}

/** Front matter that is not valid YAML states nothing; the article itself is still read. */
function parseYaml(text: string): unknown {
  try {
    return yaml().parse(text);
  } catch {
    return null;
  }
}
