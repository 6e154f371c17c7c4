// The Go type name of a schema file's export name. Kept apart from component-names.ts so
// that tools/schemas/generate.ts, which names the exports, does not load the files it writes.

// Go spells these initialisms in capitals, which lower camel case cannot show.
export const initialisms: readonly [string, string][] = [
  ['aws', 'AWS'],
  ['csi', 'CSI'],
  ['fc', 'FC'],
  ['gce', 'GCE'],
  ['grpc', 'GRPC'],
  ['http', 'HTTP'],
  ['iscsi', 'ISCSI'],
  ['nfs', 'NFS'],
  ['rbd', 'RBD'],
  ['seLinux', 'SELinux'],
  ['tcp', 'TCP'],
];

/** `httpGetAction` → `HTTPGetAction`, `podSpec` → `PodSpec`. */
export function goTypeName(exportName: string): string {
  for (const [prefix, spelled] of initialisms) {
    const rest = exportName.slice(prefix.length);
    if (exportName.startsWith(prefix) && /^[A-Z]/.test(rest)) return spelled + rest;
  }
  return exportName.charAt(0).toUpperCase() + exportName.slice(1);
}
