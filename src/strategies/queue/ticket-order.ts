import { compareResourceVersions, isComparableResourceVersion } from '../../core/resource-version.ts';

/**
 * Orders two resourceVersions of objects of one resource. Kubernetes 1.35 made them
 * comparable (KEP-5504, client-go's `resourceversion.CompareResourceVersion`): decimal
 * integers without leading zeros, a later write's always greater. The queue's tickets are
 * its Leases' resourceVersions, so their order is the order the writers joined in.
 */
export function compareTickets(a: string, b: string): number {
  checkTicket(a);
  checkTicket(b);
  return compareResourceVersions(a, b) ?? 0;
}

/** Throws when `ticket` is not a resourceVersion that Kubernetes 1.35+ lets clients compare. */
export function checkTicket(ticket: string): void {
  if (!isComparableResourceVersion(ticket)) {
    throw new TypeError(
      `queuedUpdate orders writers by their Leases' resourceVersions, which Kubernetes 1.35 and later make comparable (positive integers); this server gave ${JSON.stringify(ticket)}: use another strategy with it`,
    );
  }
}

/** Tickets in the order they were drawn. */
export const inTicketOrder = (tickets: Iterable<string>): string[] => [...tickets].sort(compareTickets);
