/** The role the setup script gives inspectors' tablets; only they may write an amendment. */
export const INSPECTOR_ROLE: string

export const DESIGN_DOC_ID: '_design/lobbydesk'

/** The design document as the hub should hold it (without `_rev`): its validation as CouchDB source text. */
export function designDocument(): { _id: typeof DESIGN_DOC_ID; language: 'javascript'; validate_doc_update: string }
