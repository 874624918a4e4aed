// URLs of the policy pages; routes and links share them so they never drift.
export const policyPaths = {
  index: "/policies",
  store: (storeId: string, version?: number) => `/policies/${storeId}${version ? `?version=${version}` : ""}`,
  edit: (storeId: string) => `/admin/policies/${storeId}`,
} as const;
