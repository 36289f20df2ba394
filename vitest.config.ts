import { defineConfig, mergeConfig } from 'vitest/config'
import viteConfig from './vite.config.ts'

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.ts'],
            environment: 'jsdom',
            setupFiles: ['tests/support/setup-unit.ts'],
            // element-plus ships .css side imports that Node cannot load unless Vite transforms them
            server: { deps: { inline: ['element-plus'] } },
            // A file's first mount compiles element-plus and loads every area's messages: seconds on
            // a busy CI machine, so the default 5 s would fail tests for the machine, not the code.
            testTimeout: 20_000,
          },
        },
        {
          test: {
            name: 'e2e',
            include: ['tests/e2e/**/*.e2e.ts'],
            environment: 'node',
            globalSetup: ['tests/e2e/support/global-setup.ts'],
            testTimeout: 120_000,
            hookTimeout: 120_000,
            fileParallelism: false,
          },
        },
      ],
    },
  }),
)
