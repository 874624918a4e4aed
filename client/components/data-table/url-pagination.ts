import type { OnChangeFn, PaginationState } from "@tanstack/react-table";

export type PageSize = 25 | 50 | 100;

/**
 * The table's pagination state for a page kept in the URL (1-based `page`). A new page size starts again at
 * page 1, or the person could land beyond the last page.
 */
export function urlPagination(
  page: number,
  pageSize: number,
  onChange: (next: { page: number } | { pageSize: PageSize; page: 1 }) => void,
): { pagination: PaginationState; onPaginationChange: OnChangeFn<PaginationState> } {
  const pagination = { pageIndex: page - 1, pageSize };
  return {
    pagination,
    onPaginationChange: (updater) => {
      const next = typeof updater === "function" ? updater(pagination) : updater;
      onChange(next.pageSize !== pageSize ? { pageSize: next.pageSize as PageSize, page: 1 } : { page: next.pageIndex + 1 });
    },
  };
}
