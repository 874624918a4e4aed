export const paths = {
  signIn: "/sign-in",
  queue: "/queue",
  myClaims: "/queue?view=mine",
  claim: (number: string) => `/claims/${number}`,
  approvals: "/approvals",
  reports: "/reports",
  admin: "/admin",
} as const;
