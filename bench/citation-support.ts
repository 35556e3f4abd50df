/**
 * npm run bench:citations
 * Measures the citation check's support rule (src/answer/citation-check.ts) on the labelled set
 * bench/citations/support-set.jsonl: precision and recall of "supported", per kind of sentence,
 * and the same at other content-coverage thresholds; then the hold-out set
 * bench/citations/holdout-set.jsonl, written after the rules were fixed and scored with the defaults only.
 */
import { join } from 'node:path';
import { DEFAULT_SUPPORT } from '../src/answer/index.js';
import { loadConfig } from '../src/config.js';
import { corpusPassages, loadSupportSet, scoreSupport, type SupportScore } from './citations/support-set.js';

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

async function main(): Promise<void> {
  const config = loadConfig();
  const items = await loadSupportSet();
  const passages = await corpusPassages(config.corpusDir, config.chunking);
  const score = scoreSupport(items, passages);
  const supported = items.filter((i) => i.supported).length;
  console.log(`Labelled set: ${items.length} sentences (${supported} supported, ${items.length - supported} not) over ${new Set(items.map((i) => i.chunk)).size} seed passages.`);
  console.log(`Default settings (content coverage >= ${DEFAULT_SUPPORT.minContentCoverage}):`);
  report(score);
  console.log('\n| min content coverage | precision | recall | unsupported caught |\n|---|---|---|---|');
  for (const minContentCoverage of [0, 0.4, 0.5, 0.6, 0.7, 0.8, 1]) {
    const s = scoreSupport(items, passages, { ...DEFAULT_SUPPORT, minContentCoverage });
    console.log(`| ${minContentCoverage}${minContentCoverage === DEFAULT_SUPPORT.minContentCoverage ? ' (default)' : ''} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.caught)} |`);
  }
  const holdout = await loadSupportSet(join(import.meta.dirname, 'citations', 'holdout-set.jsonl'));
  const held = scoreSupport(holdout, passages);
  console.log(`\nHold-out set: ${holdout.length} sentences (${holdout.filter((i) => i.supported).length} supported), default settings:`);
  report(held);
}

function report(score: SupportScore): void {
  console.log(`  precision ${pct(score.precision)}  recall ${pct(score.recall)}  unsupported caught ${pct(score.caught)}  (TP ${score.truePositives}, FP ${score.falsePositives}, FN ${score.falseNegatives}, TN ${score.trueNegatives})`);
  console.log('\n| kind | sentences | check agrees |\n|---|---|---|');
  for (const [kind, k] of Object.entries(score.byKind).sort()) console.log(`| ${kind} | ${k.items} | ${k.agree} |`);
  console.log('\nDisagreements:');
  for (const e of score.errors) console.log(`  [${e.item.supported ? 'supported' : 'unsupported'} → check says ${e.verdict ? 'supported' : 'unsupported'}] ${e.item.sentence} (${e.item.chunk}) ${e.problems.join(' ')}`);
}

await main();
