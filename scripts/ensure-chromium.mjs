#!/usr/bin/env node
// Browser tests run in Debian's Chromium with a CJK font (without one, Chinese renders as empty
// boxes). As root this installs both with apt-get when missing; otherwise it says what to install.
import { execSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

function hasCjkFont() {
  const result = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' })
  return result.status === 0 && result.stdout.trim().length > 0
}

const missing = []
if (!existsSync(chromium)) missing.push('chromium')
if (!hasCjkFont()) missing.push('fonts-wqy-microhei')

if (missing.length === 0) process.exit(0)

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
if (!isRoot) {
  console.error(`Browser tests need Debian packages that are missing: ${missing.join(' ')}.\nInstall them with:\n  sudo apt-get update && sudo apt-get install -y chromium fonts-wqy-microhei\n(or point CHROMIUM_PATH at a Chromium binary).`)
  process.exit(1)
}

console.log(`Installing ${missing.join(' ')} with apt-get…`)
execSync('apt-get update', { stdio: 'inherit' })
execSync('apt-get install -y --no-install-recommends chromium fonts-wqy-microhei', { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
if (!existsSync(chromium)) {
  console.error(`apt-get finished but ${chromium} is still missing.`)
  process.exit(1)
}
