/** The oldest Node.js kubeconflict runs on; package.json's `engines` says the same. */
export const requiredNode = { major: 22, minor: 19 } as const;

/**
 * One line naming the Node.js needed and the one found (`process.version`, e.g. `v20.19.2`),
 * or undefined when `found` is new enough. Older Nodes fail deep inside dependencies
 * (undici on Node 20) with errors that do not say why.
 */
export function unsupportedNodeMessage(found: string): string | undefined {
  const [major = 0, minor = 0] = found.replace(/^v/, '').split('.').map(Number);
  if (major > requiredNode.major || (major === requiredNode.major && minor >= requiredNode.minor)) return undefined;
  return `kubeconflict needs Node.js >= ${String(requiredNode.major)}.${String(requiredNode.minor)}; this is ${found}`;
}
