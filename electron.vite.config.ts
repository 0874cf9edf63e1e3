import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './electron/main/page/csp';

const alias = { '@shared': resolve(__dirname, 'shared') };

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // index: the Electron main process. web: the same registry and services in plain Node over HTTP.
        input: {
          index: resolve(__dirname, 'electron/main/hosts/electron/index.ts'),
          web: resolve(__dirname, 'electron/main/hosts/web/cli.ts'),
          // The embedded sandbox identity platform, started by Deskside when no connection is configured.
          sandbox: resolve(__dirname, 'sandbox/cli.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can only require('electron'): bundle zod and the contracts into it.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    resolve: { alias },
    // Absolute asset paths: both hosts serve the renderer at the root of its origin (app://deskside/, the web host),
    // and routes such as /account/<store>/<id> must still find /assets/. (electron-vite forces './' for file://.)
    plugins: [
      react(),
      { name: 'deskside:absolute-base', config: () => ({ base: '/' }) },
      // The built page carries the CSP itself too (both hosts also send it as a header): defence in depth, and
      // a policy scanners can see. frame-ancestors only works as a header, so the meta leaves it out.
      {
        name: 'deskside:csp-meta',
        apply: 'build',
        transformIndexHtml: () => [
          {
            tag: 'meta',
            attrs: {
              'http-equiv': 'Content-Security-Policy',
              content: contentSecurityPolicy()
                .split('; ')
                .filter((directive) => !directive.startsWith('frame-ancestors'))
                .join('; '),
            },
            injectTo: 'head-prepend',
          },
        ],
      },
    ],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      // The renderer is loaded from the local disk or loopback, never a network: one chunk budget is enough.
      chunkSizeWarningLimit: 1500,
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
