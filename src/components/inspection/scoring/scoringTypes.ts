import type { CapturedPhoto } from '@/components/inspection/capture/usePhotoCapture'

/** Stores a photo taken for the visit and gives its attachment id. */
export type AttachPhoto = (photo: CapturedPhoto) => Promise<string>

/** A section of the sheet in the scorer's navigation, with how many of its items are checked. */
export interface SectionEntry {
  code: string
  label: string
  answered: number
  total: number
}
