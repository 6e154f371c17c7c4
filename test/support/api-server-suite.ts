/**
 * Options for a `describe` block that needs the real kube-apiserver. Such suites always
 * run, and fail when the server cannot start; only an explicit
 * KUBECONFLICT_SKIP_APISERVER=1 skips them (for a fast local run), and never in CI.
 */
export function apiServerSuite(): { skip: string } | { timeout: number } {
  const skip = process.env.KUBECONFLICT_SKIP_APISERVER === '1' && process.env.CI !== 'true';
  return skip
    ? { skip: 'KUBECONFLICT_SKIP_APISERVER=1 asks to skip tests against the real kube-apiserver' }
    : { timeout: 180_000 };
}

/**
 * kube-apiserver flags that stop its own periodic writes (its identity Lease, renewed every
 * 10 s, and the `kubernetes` Service's endpoints), so that in a differential test the
 * resourceVersion moves only with the test's own writes, as on the embedded server.
 */
export const quietApiServerArgs = [
  '--endpoint-reconciler-type=none',
  '--feature-gates=APIServerIdentity=false,UnknownVersionInteroperabilityProxy=false',
] as const;
