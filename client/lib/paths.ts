export const paths = {
  signIn: "/sign-in",
  queue: "/queue",
  myClaims: "/queue?view=mine",
  claim: (number: string) => `/claims/${number}`,
  approvals: "/approvals",
  reports: "/reports",
  admin: "/admin",
  adminUsers: "/admin/users",
  adminAudit: "/admin/audit",
  adminTemplates: "/admin/templates",
  account: "/account",
  setPassword: "/set-password",
} as const;
