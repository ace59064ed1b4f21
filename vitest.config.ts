import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts', 'taxonomy/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 30000,
  },
});
