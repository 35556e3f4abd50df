import type { QaItem } from './dataset.js';
import { score, type Scores, type SystemOutput } from './metrics.js';

export interface SystemReport {
  system: string;
  overall: Scores;
  byKind: Record<string, Scores>;
}

export function buildReport(system: string, items: QaItem[], outputs: SystemOutput[]): SystemReport {
  const kinds = [...new Set(items.map((i) => i.kind))];
  const byKind = Object.fromEntries(
    kinds.map((kind) => {
      const idx = items.map((item, i) => (item.kind === kind ? i : -1)).filter((i) => i >= 0);
      return [kind, score(idx.map((i) => items[i]), idx.map((i) => outputs[i]))];
    }),
  );
  return { system, overall: score(items, outputs), byKind };
}

const pct = (x: number | null) => (x === null ? '   -  ' : `${(x * 100).toFixed(1).padStart(5)}%`);

/** A markdown table: one row per system (overall), then one per kind for the first system. */
export function formatTable(reports: SystemReport[], perKind = true): string {
  const header = '| system | R@1 | R@5 | MRR | correct | support | abstain acc | false abstain | span EM | span F1 | p50 ms | p95 ms |';
  const rule = '|---|---|---|---|---|---|---|---|---|---|---|---|';
  const row = (name: string, s: Scores) =>
    `| ${name} | ${pct(s.recallAt1)} | ${pct(s.recallAt5)} | ${s.mrr.toFixed(3)} | ${pct(s.correctness)} | ${pct(s.support)} | ${pct(s.abstentionAccuracy)} | ${pct(s.falseAbstention)} | ${pct(s.spanExact)} | ${pct(s.spanF1)} | ${s.latencyP50.toFixed(1)} | ${s.latencyP95.toFixed(1)} |`;
  const lines = [header, rule, ...reports.map((r) => row(r.system, r.overall))];
  const first = reports[0];
  if (first && perKind) {
    lines.push('', `Per kind (${first.system}, answerable metrics over the answerable questions of that kind):`, '', header.replace('system', 'kind'), rule);
    for (const [kind, s] of Object.entries(first.byKind)) lines.push(row(`${kind} (${s.questions})`, s));
  }
  return lines.join('\n');
}
