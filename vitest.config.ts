import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'shared') } },
  test: {
    include: [
      'electron/**/*.test.ts',
      'shared/**/*.test.ts',
      'sandbox/**/*.test.ts',
      'renderer/src/**/*.test.ts',
      'tests/unit/**/*.test.ts',
      'tests/contract/**/*.test.ts',
      'tests/desktop/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
