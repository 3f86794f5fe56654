// Bundles the three pages (and nothing else) into wwwroot/dist. `npm run build` from the repo root.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const watch = process.argv.includes('--watch');

const options = {
  absWorkingDir: here,
  entryPoints: {
    bill: 'src/pages/bill-page.ts',
    index: 'src/pages/index-page.ts',
    join: 'src/pages/join-page.ts',
    console: 'src/pages/console-page.ts',
    projector: 'src/pages/projector-page.ts',
    versions: 'src/pages/versions-page.ts',
  },
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2022'],
  sourcemap: true,
  minify: true,
  legalComments: 'linked',
  logLevel: 'info',
};

if (watch) {
  const { context } = await import('esbuild');
  const ctx = await context(options);
  await ctx.watch();
} else {
  await build(options);
}
