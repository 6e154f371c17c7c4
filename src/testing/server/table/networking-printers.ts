// Printers of networking.k8s.io/v1 Ingresses and NetworkPolicies (k8s.io/kubernetes
// pkg/printers/internalversion printIngress, printNetworkPolicy): columns and
// descriptions as kube-apiserver v1.36.3 sends them, cells as those functions compute
// them with the wide options the server's table convertor passes.
import type { KubeObject } from '../../../core/object.ts';
import { ageColumn, column, nameColumn, type Printer } from './column-definitions.ts';
import { age } from './human-duration.ts';
import { selectorString } from './selector-string.ts';
import { type Json, objectAt, text } from './json-access.ts';

const listAt = (parent: Json, key: string): Json[] => (Array.isArray(parent[key]) ? (parent[key] as Json[]) : []);
const name = (object: KubeObject) => object.metadata?.name ?? '';
const created = (object: KubeObject, now: Date) => age(object.metadata?.creationTimestamp, now);

/**
 * formatHosts: the first three hosts the rules name, `*` when none does; a rule met once
 * three are taken adds `+ N more...`, N counting every rule past the third, as Go does.
 */
function formatHosts(rules: readonly Json[]): string {
  const max = 3;
  const hosts: string[] = [];
  let more = false;
  for (const rule of rules) {
    if (hosts.length === max) more = true;
    if (!more && text(rule.host) !== '') hosts.push(text(rule.host));
  }
  if (hosts.length === 0) return '*';
  const joined = hosts.join(',');
  return more ? `${joined} + ${String(rules.length - max)} more...` : joined;
}

/** ingressLoadBalancerStatusStringer, wide: each ingress point's IP, else hostname, sorted and unique. */
function loadBalancerAddresses(status: Json): string {
  const addresses = new Set<string>();
  for (const point of listAt(objectAt(status, 'loadBalancer'), 'ingress')) {
    const address = text(point.ip) || text(point.hostname);
    if (address !== '') addresses.add(address);
  }
  return [...addresses].sort().join(',');
}

export const ingressPrinter: Printer = {
  columns: [
    nameColumn,
    column('Class', 'The name of the IngressClass resource that should be used for additional configuration'),
    column('Hosts', 'Hosts that incoming requests are matched against before the ingress rule'),
    column('Address', 'Address is a list containing ingress points for the load-balancer'),
    column('Ports', 'Ports of TLS configurations that open'),
    ageColumn,
  ],
  cells: (object, now) => {
    const spec = objectAt(object, 'spec');
    const className = typeof spec.ingressClassName === 'string' ? spec.ingressClassName : '<none>';
    return [
      name(object),
      className,
      formatHosts(listAt(spec, 'rules')),
      loadBalancerAddresses(objectAt(object, 'status')),
      listAt(spec, 'tls').length > 0 ? '80, 443' : '80',
      created(object, now),
    ];
  },
};

export const networkPolicyPrinter: Printer = {
  columns: [
    nameColumn,
    column(
      'Pod-Selector',
      "podSelector selects the pods to which this NetworkPolicy object applies. The array of rules is applied to any pods selected by this field. An empty selector matches all pods in the policy's namespace. Multiple network policies can select the same set of pods. In this case, the ingress rules for each are combined additively. This field is optional. If it is not specified, it defaults to an empty selector.",
    ),
    ageColumn,
  ],
  cells: (object, now) => {
    // metav1.FormatLabelSelector: `<none>` for an empty selector, `<error>` for one Go cannot convert.
    const selector = selectorString(objectAt(object, 'spec').podSelector as Parameters<typeof selectorString>[0]);
    return [
      name(object),
      selector === '' ? '<none>' : selector === '<invalid>' ? '<error>' : selector,
      created(object, now),
    ];
  },
};
