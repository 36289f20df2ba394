import { fileURLToPath, URL } from 'node:url'
import { defineConfig, mergeConfig } from 'vite'
import baseConfig from './vite.config.ts'

// The benchmark page: the same code, plugins and production build as the app, its own entry.
export default mergeConfig(
  baseConfig,
  defineConfig({
    root: fileURLToPath(new URL('./bench', import.meta.url)),
    publicDir: fileURLToPath(new URL('./public', import.meta.url)),
    build: { outDir: fileURLToPath(new URL('./dist-bench', import.meta.url)), emptyOutDir: true },
  }),
)
