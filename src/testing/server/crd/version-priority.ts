// apimachinery's CompareKubeAwareVersionStrings: how discovery orders a CRD's versions
// (the first is the group's preferredVersion). GA before beta before alpha, higher major
// first, then higher minor; names that are not Kubernetes versions last, alphabetically.
const kubeVersion = /^v(\d+)(?:(alpha|beta)(\d+))?$/;
const stability = { ga: 2, beta: 1, alpha: 0 } as const;

/** Negative when `a` comes first in discovery. */
export function compareKubeVersions(a: string, b: string): number {
  const [x, y] = [kubeVersion.exec(a), kubeVersion.exec(b)];
  if (!x || !y) {
    if (x) return -1;
    if (y) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  const rank = (match: RegExpExecArray) => stability[(match[2] ?? 'ga') as keyof typeof stability];
  if (rank(x) !== rank(y)) return rank(y) - rank(x);
  if (x[1] !== y[1]) return Number(y[1]) - Number(x[1]);
  return Number(y[3] ?? 0) - Number(x[3] ?? 0);
}
