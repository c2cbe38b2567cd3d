import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web app lives in src/platform/ui (shell) and src/features/*/ui (pages); the build goes to dist/web,
// which the server serves. Vitest has its own config (vitest.config.ts).
export default defineConfig({
  root: 'src/platform/ui',
  plugins: [react()],
  build: { outDir: '../../../dist/web', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 800 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
