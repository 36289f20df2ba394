/** Points on a score sheet, for a NumberStepper: whole or half, from 0 to 100. */
export const POINTS_FIELD = { min: 0, max: 100, step: 0.5 } as const
