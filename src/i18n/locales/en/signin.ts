import type zh from '../zh-CN/signin'

export default {
  title: 'Staff sign-in',
  staffNo: 'Staff number',
  staffNoPlaceholder: 'Enter your staff number',
  pin: 'PIN',
  pinPlaceholder: 'Enter your PIN',
  pinEntered: '{n} digits entered',
  keypad: 'Number keypad',
  clear: 'Clear',
  backspace: 'Delete one digit',
  next: 'Next',
  submit: 'Sign in',
  error: {
    unknown: 'There is no staff number {staffNo}. Check it and enter it again.',
    inactive: 'Staff number {staffNo} has been deactivated. Ask your administrator.',
    no_pin: 'Staff number {staffNo} has no PIN yet. Ask your administrator to set one.',
    wrong_pin: 'Wrong PIN. You can try {n} more times.',
    locked: 'Too many wrong PINs: staff number {staffNo} is locked. Try again after {time}, or ask your administrator to reset the PIN.',
  },
} satisfies typeof zh
