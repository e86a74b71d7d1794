import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { BuildEnvironmentOptions } from 'vite';

// zod ships /*@__PURE__*/ comments in places Rollup cannot use; they are harmless, so not worth a warning each build.
const quietAnnotations: NonNullable<BuildEnvironmentOptions['rollupOptions']>['onwarn'] = (warning, warn) => {
  if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
};

// The layout is main/ preload/ renderer/ at the top level (not src/), so every entry is named here.
const version = JSON.stringify(process.env.npm_package_version ?? '0.1.0');

export default defineConfig({
  main: {
    define: { __APP_VERSION__: version },
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          // Electron main process.
          index: resolve(__dirname, 'main/index.ts'),
          // The same service registry behind a loopback HTTP bridge, run by plain Node (`npm run serve`).
          serve: resolve(__dirname, 'main/serve.ts'),
          // Worker-thread entry for long jobs (integrity checks, imports, large reports).
          worker: resolve(__dirname, 'main/core/jobs/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'preload/index.ts') },
        onwarn: quietAnnotations,
        // A sandboxed preload cannot require() anything but electron: emit one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
      externalizeDeps: { exclude: ['zod'] },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') }, onwarn: quietAnnotations },
      chunkSizeWarningLimit: 4000,
    },
  },
});
