/** Test setup for journeys that start from an empty business day rather than the demo's morning. */
import type { Page } from 'playwright-core'

/**
 * Deletes today's lobby records (visits, tickets, their events, duty sessions) from the page's
 * IndexedDB: the demo branch comes with this morning's lobby, clients waiting and tellers on duty.
 * Raw IndexedDB writes bypass Dexie's change feed: reload open pages afterwards.
 */
export async function clearTodaysLobby(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('lobbydesk')
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    const businessDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())
    const stores = ['visits', 'tickets', 'visitEvents', 'dutySessions']
    const tx = db.transaction(stores, 'readwrite')
    for (const store of stores) {
      const rows = await new Promise<{ id: string; businessDate: string }[]>((resolve, reject) => {
        const request = tx.objectStore(store).getAll()
        request.onsuccess = () => resolve(request.result as { id: string; businessDate: string }[])
        request.onerror = () => reject(request.error)
      })
      for (const row of rows) if (row.businessDate === businessDate) tx.objectStore(store).delete(row.id)
    }
    await new Promise<void>((resolve, reject) => ((tx.oncomplete = () => resolve()), (tx.onerror = () => reject(tx.error))))
    db.close()
  })
}
