/** `#/households?filter={"status":"CLUE"}`: a list opened on a filter (the dashboard's drill-down). */
export function listLink(resource: string, filter?: Record<string, unknown>): string {
  return filter
    ? `#/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`
    : `#/${resource}?filter=${encodeURIComponent('{}')}`;
}
