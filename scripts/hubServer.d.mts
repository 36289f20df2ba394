export interface HubServer {
  /** The hub's base address, e.g. `http://127.0.0.1:5984`. */
  readonly url: string
  /** Closes the server and every open connection (waiting long-polls included). */
  stop(): Promise<void>
}

/** Starts an in-memory CouchDB-compatible hub; port 0 picks a free one. */
export function startHubServer(options?: { host?: string; port?: number }): Promise<HubServer>
