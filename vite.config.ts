import { fileURLToPath, URL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

const SERVER = process.env.CITYOPS_DEV_SERVER ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [vue()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  // `npm run dev` serves the app with hot reload and forwards the API and socket to a running server.
  server: {
    port: 5173,
    proxy: { '/api': SERVER, '/socket.io': { target: SERVER, ws: true } },
  },
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 2000 },
  test: {
    projects: [
      {
        extends: true,
        // Some unit tests build a whole city (1-6 s on an idle 2-core machine); the bound only catches a hang, never speed.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', setupFiles: ['tests/support/noNetwork.ts'], testTimeout: 30_000 },
      },
      {
        extends: true,
        test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], environment: 'node', testTimeout: 30_000 },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One Chromium at a time: software WebGL saturates both cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
