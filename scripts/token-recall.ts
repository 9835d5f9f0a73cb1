// Recall and false alarms on the planted-token classes (test/fixtures/tokens/classes): every
// credential shape in every syntax, and the look-alikes. Called by `npm run bench:scan`; kept
// apart from the throughput bench so the two evolve separately. Figures only, no pass/fail.
import { extname } from 'node:path';
import { detectInText } from '../src/core/tokens/detect';
import { keyStoreFinding } from '../src/core/tokens/key-files';
import { type TokenFinding, UNKNOWN_SCOPE } from '../src/core/tokens/types';
import { FORMATS, type Planted, plantedNegatives, plantedPositives, SYNTAXES } from '../test/fixtures/tokens/classes/planted-classes';

export interface ClassFigures {
  positives: number;
  found: number;
  /** Found and naming the provider the value or its name says (Kubernetes counts for a Secret's opaque values). */
  named: number;
  /** Found by a provider's prefix or name, yet still "scope unknown". */
  unknownScope: number;
  negatives: number;
  flagged: number;
  missed: Planted[];
  misnamed: Array<{ planted: Planted; finding: TokenFinding }>;
  falseAlarms: Array<{ id: string; finding: TokenFinding }>;
  bySyntax: Map<string, { found: number; total: number }>;
  byFormat: Map<string, { found: number; total: number }>;
}

export function findingAt(planted: Planted, findings: TokenFinding[]): TokenFinding | undefined {
  return findings.find((f) => f.line === planted.line);
}

export function namesProvider(planted: Planted, finding: TokenFinding): boolean {
  if (finding.provider === planted.provider) return true;
  return planted.syntax.startsWith('k8s-') && finding.provider === 'Kubernetes';
}

export function classFigures(): ClassFigures {
  const figures: ClassFigures = {
    positives: 0,
    found: 0,
    named: 0,
    unknownScope: 0,
    negatives: 0,
    flagged: 0,
    missed: [],
    misnamed: [],
    falseAlarms: [],
    bySyntax: new Map(),
    byFormat: new Map(),
  };
  const bump = (map: Map<string, { found: number; total: number }>, key: string, found: boolean) => {
    const row = map.get(key) ?? { found: 0, total: 0 };
    row.total++;
    if (found) row.found++;
    map.set(key, row);
  };
  for (const planted of plantedPositives()) {
    figures.positives++;
    const finding = findingAt(planted, detectInText(planted.text, { fileName: planted.fileName }));
    bump(figures.bySyntax, planted.syntax, finding !== undefined);
    bump(figures.byFormat, planted.format, finding !== undefined);
    if (!finding) {
      figures.missed.push(planted);
      continue;
    }
    figures.found++;
    if (namesProvider(planted, finding)) figures.named++;
    else figures.misnamed.push({ planted, finding });
    if (planted.provider !== 'Unknown' && finding.scope === UNKNOWN_SCOPE) figures.unknownScope++;
  }
  // A key store on disk is binary: found by its name.
  for (const file of ['certs/client.p12', 'deploy/signing.pfx']) {
    figures.positives++;
    const found = keyStoreFinding(file) !== undefined;
    bump(figures.bySyntax, `file ${extname(file)}`, found);
    bump(figures.byFormat, 'pkcs12-file', found);
    if (found) {
      figures.found++;
      figures.named++;
    }
  }
  for (const negative of plantedNegatives()) {
    figures.negatives++;
    const findings = detectInText(negative.text, { fileName: negative.fileName });
    if (findings.length > 0) figures.flagged++;
    for (const finding of findings) figures.falseAlarms.push({ id: negative.id, finding });
  }
  return figures;
}

type Lint = (file: string, content: string) => Promise<number[]>;

async function loadSecretlint(): Promise<Lint | undefined> {
  try {
    const { lintSource } = await import('@secretlint/core');
    const { creator } = await import('@secretlint/secretlint-rule-preset-recommend');
    return async (file, content) => {
      const config = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: creator }] };
      const result = await lintSource({
        source: { content, filePath: file, ext: extname(file), contentType: 'text' },
        options: { config: config as never, maskSecrets: true },
      });
      return result.messages.map((m) => m.loc.start.line);
    };
  } catch {
    return undefined;
  }
}

const pct = (n: number, d: number) => `${n}/${d} (${d === 0 ? '0' : ((100 * n) / d).toFixed(1)}%)`;

/** Prints the figures beside secretlint's on the same planted texts. */
export async function printTokenRecall(): Promise<void> {
  const f = classFigures();
  const lint = await loadSecretlint();
  let slFound = 0;
  let slFlagged = 0;
  if (lint) {
    for (const p of plantedPositives()) if ((await lint(p.fileName, p.text)).includes(p.line)) slFound++;
    for (const n of plantedNegatives()) if ((await lint(n.fileName, n.text)).length > 0) slFlagged++;
  }
  console.log('');
  console.log(
    `Planted classes (test/fixtures/tokens/classes): ${f.positives} positives (${FORMATS.length} formats x ${SYNTAXES.length} syntaxes, plus 2 .p12/.pfx files), ${f.negatives} look-alikes`,
  );
  console.log(`  ${'tool'.padEnd(12)} ${'recall'.padStart(18)} ${'provider named'.padStart(18)} ${'look-alikes flagged'.padStart(20)}`);
  console.log(
    `  ${'airlock'.padEnd(12)} ${pct(f.found, f.positives).padStart(18)} ${pct(f.named, f.found).padStart(18)} ${pct(f.flagged, f.negatives).padStart(20)}`,
  );
  if (lint)
    console.log(`  ${'secretlint'.padEnd(12)} ${pct(slFound, f.positives - 2).padStart(18)} ${'-'.padStart(18)} ${pct(slFlagged, f.negatives).padStart(20)}`);
  console.log(`  provider-named findings still "scope unknown": ${f.unknownScope}`);
  const weak = [...f.bySyntax].filter(([, r]) => r.found < r.total).map(([k, r]) => `${k} ${r.found}/${r.total}`);
  if (weak.length > 0) console.log(`  syntaxes below 100%: ${weak.join(', ')}`);
  const weakFormats = [...f.byFormat].filter(([, r]) => r.found < r.total).map(([k, r]) => `${k} ${r.found}/${r.total}`);
  if (weakFormats.length > 0) console.log(`  formats below 100%: ${weakFormats.join(', ')}`);
  if (f.falseAlarms.length > 0) console.log(`  look-alikes flagged: ${[...new Set(f.falseAlarms.map((a) => `${a.id} (${a.finding.type})`))].join(', ')}`);
}

if (require.main === module)
  printTokenRecall().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
