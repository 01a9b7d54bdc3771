import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The app lives under web/; the build goes straight into the jar's classes, served at /console/.
export default defineConfig({
  root: fileURLToPath(new URL('./web', import.meta.url)),
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./target/classes/ops-console-web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    // `npm run dev` against a running stack: the gateway answers /ops and the console server /console/api.
    proxy: {
      '/ops': process.env.LENDFLOW_GATEWAY ?? 'http://localhost:8080',
      '/console/api': process.env.LENDFLOW_GATEWAY ?? 'http://localhost:8080',
    },
  },
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['web/src/**/*.test.ts', 'web/src/**/*.test.tsx'],
    environment: 'node',
  },
});
