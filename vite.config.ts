import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Writes every script and style sheet also as .br and .gz beside it. The server sends those to a
 * browser that accepts them (http/app.ts, serveStatic `precompressed`): the first page is about a
 * quarter of its size on the wire, and no request spends the server's time compressing.
 */
function precompress(): Plugin {
  return {
    name: 'bolignu-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const file of Object.keys(bundle)) {
        if (!/\.(js|css|svg)$/.test(file)) continue;
        const path = join(options.dir!, file);
        const data = readFileSync(path);
        if (data.length < 1024) continue;
        writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
        writeFileSync(`${path}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 10 } }));
      }
    },
  };
}

// The web app lives in src/platform/ui (shell) and src/features/*/ui (pages); the build goes to dist/web,
// which the server serves. Vitest has its own config (vitest.config.ts).
export default defineConfig({
  root: 'src/platform/ui',
  plugins: [react(), precompress()],
  // The manifest tells the server which chunks the home page (the board) needs (http/web-shell.ts).
  build: { outDir: '../../../dist/web', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 800, manifest: true },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
