import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db/test-database.ts';
import type { Database } from '../db/client.ts';
import { createApp } from './app.ts';
import { silentLog, testEnv } from './test-context.ts';
import { chunksOf } from './web-shell.ts';

// The page shell (issue #9: the board interactive within 1 s on a cold load): the home page names the
// board's chunks for preloading, assets go out precompressed and cached for good, the build's
// manifest is not served.

// A build's manifest as Vite writes it: the entry, a shared chunk, the board's chunk and its imports.
const manifest = {
  'main.tsx': { file: 'assets/index-aaa.js', isEntry: true, imports: ['_Feedback-bbb.js'], css: ['assets/index-ccc.css'] },
  '_Feedback-bbb.js': { file: 'assets/Feedback-bbb.js' },
  '../../features/stays/ui/BoardPage.tsx': {
    file: 'assets/BoardPage-ddd.js',
    isDynamicEntry: true,
    imports: ['_Feedback-bbb.js', '_schemas-eee.js'],
    css: ['assets/stays-fff.css'],
  },
  '_schemas-eee.js': { file: 'assets/schemas-eee.js', imports: ['_Feedback-bbb.js'] },
  '../../features/people/ui/PersonPage.tsx': { file: 'assets/PersonPage-ggg.js', isDynamicEntry: true, imports: ['_Feedback-bbb.js'] },
};

describe('chunksOf', () => {
  it('lists the board chunk and what it imports, without what the entry already loads', () => {
    expect(chunksOf(manifest, '../../features/stays/ui/BoardPage.tsx')).toEqual({
      scripts: ['/assets/BoardPage-ddd.js', '/assets/schemas-eee.js'],
      styles: ['/assets/stays-fff.css'],
    });
  });

  it('lists nothing for a module the build does not have', () => {
    expect(chunksOf(manifest, 'gone.tsx')).toEqual({ scripts: [], styles: [] });
  });
});

describe('the web shell served by the app', () => {
  let database: Database;
  let webRoot: string;
  const script = 'export const board = "tavle";\n'.repeat(100);

  beforeAll(async () => {
    database = await createTestDatabase();
    webRoot = mkdtempSync(join(tmpdir(), 'bn-shell-'));
    mkdirSync(join(webRoot, 'assets'));
    mkdirSync(join(webRoot, '.vite'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html>\n<html lang="nb">\n  <head>\n    <title>Bolig Nu</title>\n  </head>\n  <body></body>\n</html>\n');
    writeFileSync(join(webRoot, '.vite', 'manifest.json'), JSON.stringify(manifest));
    writeFileSync(join(webRoot, 'assets', 'BoardPage-ddd.js'), script);
    writeFileSync(join(webRoot, 'assets', 'BoardPage-ddd.js.gz'), gzipSync(script));
  });
  afterAll(() => database.close());

  const app = () => createApp({ database, env: testEnv, log: silentLog, webRoot });

  it("names the board's chunks and styles on the home page, and only there", async () => {
    const home = await (await app().request('/')).text();
    expect(home).toContain('<link rel="modulepreload" crossorigin href="/assets/BoardPage-ddd.js">');
    expect(home).toContain('<link rel="modulepreload" crossorigin href="/assets/schemas-eee.js">');
    expect(home).toContain('<link rel="stylesheet" crossorigin href="/assets/stays-fff.css">');
    expect(home).not.toContain('Feedback-bbb.js');
    expect(home.indexOf('modulepreload')).toBeLessThan(home.indexOf('</head>'));

    const other = await (await app().request('/personer/finnes-ikke')).text();
    expect(other).toContain('<title>Bolig Nu</title>');
    expect(other).not.toContain('modulepreload');
  });

  it('sends a script gzipped to a browser that takes gzip, and as is to one that does not, with a cache that lasts', async () => {
    const zipped = await app().request('/assets/BoardPage-ddd.js', { headers: { 'accept-encoding': 'gzip, deflate' } });
    expect(zipped.status).toBe(200);
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('content-type')).toMatch(/javascript/);
    expect(zipped.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(Number(zipped.headers.get('content-length'))).toBeLessThan(script.length / 10);

    const plain = await app().request('/assets/BoardPage-ddd.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
  });

  it("does not serve the build's manifest", async () => {
    const res = await app().request('/.vite/manifest.json');
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('BoardPage');
  });
});
