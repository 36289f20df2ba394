import type { RouteRecordRaw } from 'vue-router'

/** The visits: the list to start or resume one (the area's landing page), scoring, signing, acknowledging and amending; children of /inspection. */
export const visitRoutes: RouteRecordRaw[] = []
