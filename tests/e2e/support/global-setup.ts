/**
 * Serves the production build (dist/, built by `npm run test:e2e` just before) on 127.0.0.1 for
 * the browser tests; 127.0.0.1 is a secure context, so WebCrypto and service workers work.
 */
import { preview, type PreviewServer } from 'vite'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
  }
}

let server: PreviewServer | undefined

export async function setup(project: TestProject): Promise<void> {
  server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' })
  const url = server.resolvedUrls?.local[0]
  if (!url) throw new Error('The preview server did not report its address.')
  project.provide('baseURL', url.replace(/\/$/, ''))
}

export async function teardown(): Promise<void> {
  await server?.close()
}
