// Evaluates every case of a consensus case file with the browser's rule (wwwroot/src/consensus-rule.ts,
// bundled on the fly by esbuild, nothing written to disk) and prints { "<case name>": "<state>" } as JSON.
// Driven by ConsensusConformanceTests (C#), which checks the same file against ConsensusMatrix.
// Usage: node consensus-conformance.mjs <cases.json>
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..', '..');
const bundle = await build({
  entryPoints: [path.join(root, 'wwwroot', 'src', 'consensus-rule.ts')],
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'es2022',
  write: false,
  logLevel: 'error',
});
const rule = await import('data:text/javascript;base64,' + Buffer.from(bundle.outputFiles[0].text).toString('base64'));

const file = JSON.parse(await readFile(process.argv[2], 'utf8'));
const defaultRule = { blockPrevents: true, agreeShare: 0.5, reservationsCountAsAgree: true, minStancesPerGroup: 1 };
const results = {};
for (const c of file.cases) {
  const markers = c.markers.map((m, i) => ({
    targetId: 'c0000000001',
    participantId: 'p' + i,
    displayName: m.who,
    role: m.group === null ? 'facilitator' : 'citizen',
    group: m.group,
    stance: m.stance,
    reason: null,
    textHash: m.text === 'current' ? 'hash-now' : 'hash-before',
    givenAt: '2025-03-01T10:00:00Z',
  }));
  results[c.name] = rule.computeMatrix(markers, 'hash-now', c.rule ?? defaultRule).state;
}
process.stdout.write(JSON.stringify(results));
