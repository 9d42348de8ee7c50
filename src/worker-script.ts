// How to start a worker thread whose entry file sits beside the module starting it: the compiled
// `NAME.js`, or, when that module runs from its TypeScript source (vitest, tsx), `NAME.ts`
// through tsx. Node 20 ignores ESM loaders (`--import tsx`) given in a worker's execArgv
// (nodejs/node#47747), so the source is loaded by a small CommonJS script that registers tsx
// first: its require hook, or with `esm` its import hooks, for an entry whose packages use
// top-level await (Vega), which a required module cannot.
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

export function workerScript(self: string, name: string, loading: 'require' | 'esm' = 'require'): { script: URL | string; eval: boolean } {
  if (!self.endsWith('.ts')) return { script: new URL(`./${name}.js`, self), eval: false };
  const entry = new URL(`./${name}.ts`, self);
  // tsx is a dev dependency, found from this file rather than the working directory.
  if (loading === 'esm') {
    const api = pathToFileURL(createRequire(self).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
    return { script: `import(${JSON.stringify(api)}).then((tsx) => tsx.register()).then(() => import(${JSON.stringify(entry.href)}));`, eval: true };
  }
  const tsx = createRequire(self).resolve('tsx/cjs/api');
  return { script: `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(fileURLToPath(entry))});`, eval: true };
}
