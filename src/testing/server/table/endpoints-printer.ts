// The printer of core/v1 Endpoints (k8s.io/kubernetes pkg/printers/internalversion
// printEndpoints, formatEndpoints): columns and descriptions as kube-apiserver v1.36.3
// sends them, cells as those functions compute them.
import { ageColumn, column, nameColumn, type Printer } from './column-definitions.ts';
import { age } from './human-duration.ts';

type Json = Record<string, unknown>;
const objectsIn = (value: unknown): Json[] =>
  Array.isArray(value)
    ? (value as unknown[]).filter((item): item is Json => typeof item === 'object' && item !== null)
    : [];
const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** net.JoinHostPort: an IPv6 address in brackets. */
const hostPort = (ip: string, port: unknown) =>
  `${ip.includes(':') ? `[${ip}]` : ip}:${String(typeof port === 'number' ? port : 0)}`;

/** Every address of a subset, once per port (alone when it has none), the first three shown. */
function formatEndpoints(subsets: readonly Json[]): string {
  if (subsets.length === 0) return '<none>';
  const entries = subsets.flatMap((subset) => {
    const ips = objectsIn(subset.addresses).map((address) => text(address.ip));
    const ports = objectsIn(subset.ports);
    return ports.length === 0 ? ips : ports.flatMap((port) => ips.map((ip) => hostPort(ip, port.port)));
  });
  const max = 3;
  const shown = entries.slice(0, max).join(',');
  return entries.length > max ? `${shown} + ${String(entries.length - max)} more...` : shown;
}

export const endpointsPrinter: Printer = {
  columns: [
    nameColumn,
    column(
      'Endpoints',
      'The set of all endpoints is the union of all subsets. Addresses are placed into subsets according to the IPs they share. A single address with multiple ports, some of which are ready and some of which are not (because they come from different containers) will result in the address being displayed in different subsets for the different ports. No address will appear in both Addresses and NotReadyAddresses in the same subset. Sets of addresses and ports that comprise a service.',
    ),
    ageColumn,
  ],
  cells: (object, now) => [
    object.metadata?.name ?? '',
    formatEndpoints(objectsIn(object.subsets)),
    age(object.metadata?.creationTimestamp, now),
  ],
};
