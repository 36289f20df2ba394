/** The demo branch's sign-in accounts, as listed in the README. */
export const DEMO = {
  branchHead: { staffNo: '9001', pin: '900101' },
  administrator: { staffNo: '9002', pin: '900201' },
  lobbyManager: { staffNo: '9003', pin: '900301' },
  lowCounter: { staffNo: '9005', pin: '900501' },
  customerManager: { staffNo: '9007', pin: '900701' },
  wealthManager: { staffNo: '9009', pin: '900901' },
  highCounter: { staffNo: '9011', pin: '901101' },
  inspector: { staffNo: '9014', pin: '901401' },
  secondInspector: { staffNo: '9015', pin: '901501' },
} as const
