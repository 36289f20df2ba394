#!/usr/bin/env node
/**
 * `npm run bench [-- --only lobby|wealth|counter|inspection|sync]`: builds the benchmark page (production build of the app's own
 * code), opens it in Debian's Chromium with a persistent profile (.bench-profile, seeded once at bank
 * scale and reused), and prints one JSON line per figure: {"metric","value","unit","n"}, the value
 * being the median of n runs. Not part of `npm test`.
 */
import { execSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { preview } from 'vite'
import { chromium } from 'playwright-core'
import { startHubServer } from './hubServer.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const onlyIndex = process.argv.indexOf('--only')
const only = onlyIndex > 0 ? process.argv[onlyIndex + 1] : null
const wants = (area) => !only || only === area

execSync('node scripts/ensure-chromium.mjs', { cwd: root, stdio: 'inherit' })
execSync('npx vite build --config vite.bench.config.ts --logLevel warn', { cwd: root, stdio: 'inherit' })

const server = await preview({
  configFile: `${root}/vite.bench.config.ts`,
  // A fixed port: the origin (and so the seeded IndexedDB in the profile) must be the same every run.
  preview: { host: '127.0.0.1', port: 4179, strictPort: true },
  logLevel: 'warn',
})
const url = server.resolvedUrls.local[0]
const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
}
const context = await chromium.launchPersistentContext(`${root}/.bench-profile`, {
  ...CHROMIUM,
  serviceWorkers: 'block',
})
const page = context.pages()[0] ?? (await context.newPage())
page.on('console', (message) => {
  if (message.text().startsWith('seed ')) process.stderr.write(`${message.text()}\n`)
})

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
function report(metric, times) {
  console.log(JSON.stringify({ metric, value: Math.round(median(times) * 100) / 100, unit: 'ms', n: times.length }))
}

try {
  await page.goto(url)
  await page.waitForFunction(() => 'lobbyDeskBench' in window)
  if (wants('lobby')) {
    await page.evaluate(() => window.lobbyDeskBench.ensureSeeded(100_000, 250_000), undefined, { timeout: 0 })
    // A first pass warms the caches, as a terminal in use has them.
    await page.evaluate(() => window.lobbyDeskBench.clientSearch(16))
    report('lobby.client_search_100k', await page.evaluate(() => window.lobbyDeskBench.clientSearch(64)))
    report('lobby.client_search_100k_raw_idb', await page.evaluate(() => window.lobbyDeskBench.clientSearchRaw(64)))
    report('lobby.issue_ticket', await page.evaluate(() => window.lobbyDeskBench.issueTicket(30)))
    report('lobby.queue_board_200', await page.evaluate(() => window.lobbyDeskBench.queueBoard(20), undefined, { timeout: 0 }))
  }
  if (wants('wealth')) {
    await page.evaluate(() => window.lobbyDeskBench.ensureSeeded(100_000, 250_000), undefined, { timeout: 0 })
    await page.evaluate(() => window.lobbyDeskBench.ensureWealthSeeded(5_000, 200_000), undefined, { timeout: 0 })
    // A first pass warms the caches, as a terminal in use has them.
    await page.evaluate(() => window.lobbyDeskBench.wealthDueList(5))
    const { times, clients } = await page.evaluate(() => window.lobbyDeskBench.wealthDueList(30))
    process.stderr.write(`wealth.due_list_5k_vips: ${clients} clients on the list\n`)
    report('wealth.due_list_5k_vips', times)
  }
  if (wants('counter')) {
    await page.evaluate(() => window.lobbyDeskBench.ensureSeeded(100_000, 250_000), undefined, { timeout: 0 })
    await page.evaluate(() => window.lobbyDeskBench.ensureCounterSeeded(50_000), undefined, { timeout: 0 })
    await page.evaluate(() => window.lobbyDeskBench.quarterRanking(5))
    const { times, people } = await page.evaluate(() => window.lobbyDeskBench.quarterRanking(30))
    process.stderr.write(`counter.quarter_ranking_50k_offers: ${people} places in the region's rankings\n`)
    report('counter.quarter_ranking_50k_offers', times)
  }
  if (wants('inspection')) {
    await page.evaluate(() => window.lobbyDeskBench.ensureSeeded(100_000, 250_000), undefined, { timeout: 0 })
    await page.evaluate(() => window.lobbyDeskBench.ensureInspectionsSeeded(2_000), undefined, { timeout: 0 })
    await page.evaluate(() => window.lobbyDeskBench.inspectionRanking(5))
    const { times, branches } = await page.evaluate(() => window.lobbyDeskBench.inspectionRanking(30))
    process.stderr.write(`inspection.quarter_ranking_2k: ${branches} outlets ranked\n`)
    report('inspection.quarter_ranking_2k', times)
  }
  if (wants('sync')) await benchSync()
} finally {
  await context.close()
  await server.close()
}

/**
 * Terminals as separate browser contexts (each its own IndexedDB) on one in-memory hub: a write's
 * trip from one to another, catching up 10,000 changes made while away, onboarding onto 100,000 clients,
 * and an inspector's visit with its photos reaching a branch terminal through the region's database.
 */
async function benchSync() {
  const hub = await startHubServer({ port: 0 })
  const browser = await chromium.launch(CHROMIUM)
  const terminal = async () => {
    const page = await (await browser.newContext({ serviceWorkers: 'block' })).newPage()
    await page.goto(url)
    await page.waitForFunction(() => 'lobbyDeskBench' in window)
    return page
  }
  try {
    /** A new database on the hub, as its connection. */
    const createDatabase = async (name) => {
      await fetch(`${hub.url}/${name}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' } })
      return { url: hub.url, database: name }
    }
    const connection = await createDatabase('branch-sy001')
    const [a, b] = [await terminal(), await terminal()]
    await a.evaluate((hubDb) => window.lobbyDeskBench.sync.found(hubDb), connection)
    await b.evaluate((hubDb) => window.lobbyDeskBench.sync.join(hubDb), connection)

    const trips = []
    for (let i = 0; i < 30; i++) {
      const mark = `trip-${i}`
      const writtenAt = await a.evaluate((m) => window.lobbyDeskBench.sync.touch(m), mark)
      const arrived = await b.waitForFunction((m) => window.lobbyDeskBench.sync.arrived(m), mark, { polling: 5, timeout: 30_000 })
      trips.push((await arrived.jsonValue()) - writtenAt)
    }
    report('sync.propagation', trips)

    await b.evaluate(() => window.lobbyDeskBench.sync.leave())
    await a.evaluate(() => window.lobbyDeskBench.sync.addClients(10_000), undefined, { timeout: 0 })
    report('sync.catch_up_10k', [await b.evaluate(() => window.lobbyDeskBench.sync.catchUp(), undefined, { timeout: 0 })])

    const have = await a.evaluate(() => window.lobbyDeskBench.sync.clientCount())
    await a.evaluate((n) => window.lobbyDeskBench.sync.addClients(n), 100_000 - have, { timeout: 0 })
    const fresh = await terminal()
    const onboarding = await fresh.evaluate((hubDb) => window.lobbyDeskBench.sync.join(hubDb), connection, { timeout: 0 })
    process.stderr.write(`sync.initial_100k: ${await fresh.evaluate(() => window.lobbyDeskBench.sync.clientCount())} clients taken in\n`)
    report('sync.initial_100k', [onboarding])

    // The region: an inspector's tablet records whole visits with four photos of a compressed
    // camera's weight; the time until the branch head's terminal holds the submitted visit with
    // every picture (photos and signature), from the visit's start.
    const region = await createDatabase('region-sy')
    const [inspector, branchHead] = [await terminal(), await terminal()]
    await inspector.evaluate((hubDb) => window.lobbyDeskBench.sync.joinRegion(hubDb), region)
    await branchHead.evaluate((hubDb) => window.lobbyDeskBench.sync.joinRegion(hubDb), region)
    const visits = []
    for (let i = 0; i < 10; i++) {
      const { id, startedAt } = await inspector.evaluate(() => window.lobbyDeskBench.sync.recordVisit(4, 200_000))
      const arrived = await branchHead.waitForFunction(({ visit, pictures }) => window.lobbyDeskBench.sync.visitArrived(visit, pictures), { visit: id, pictures: 5 }, { polling: 5, timeout: 60_000 })
      visits.push((await arrived.jsonValue()) - startedAt)
    }
    report('sync.region_visit_4_photos', visits)
  } finally {
    await browser.close()
    await hub.stop()
  }
}
