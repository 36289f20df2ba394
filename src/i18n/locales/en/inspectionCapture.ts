import type zh from '../zh-CN/inspectionCapture'

export default {
  photo: {
    take: 'Take photo',
    pick: 'Choose from gallery',
    busy: 'Preparing the photo…',
    problem: {
      not_an_image: 'The file chosen is not a photo. Take the photo again, or choose one from the gallery.',
      unreadable_image: 'This photo cannot be read (unsupported format, damaged or too large). Take it again with the camera, or choose a JPG or PNG photo.',
      processing_failed: 'The photo could not be prepared; the tablet may be short of memory. Close other apps and take the photo again.',
    },
  },
  signature: {
    area: 'Signature area: sign inside the box with a finger or the mouse',
    placeholder: 'Sign here',
    signer: 'Signed by',
    clear: 'Clear',
    confirm: 'Confirm signature',
    failed: 'The signature could not be saved. Tap “Confirm signature” again; if it still fails, clear and sign again.',
  },
} satisfies typeof zh
