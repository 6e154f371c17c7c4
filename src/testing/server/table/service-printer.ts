// The printer of v1 Services (k8s.io/kubernetes pkg/printers/internalversion printService):
// columns and descriptions as kube-apiserver v1.36.3 sends them, cells as that function
// computes them with the wide options the server's table convertor passes.
import { byCodePoint } from '../selectors/code-point-order.ts';
import { ageColumn, column, nameColumn, type Printer } from './column-definitions.ts';
import { age } from './human-duration.ts';
import { type Json, listAt, objectAt, text } from './json-access.ts';

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item : '')) : [];

/** loadBalancerStatusStringer, wide: each ingress point's IP, else hostname, sorted and unique. */
function loadBalancerAddresses(status: Json): string[] {
  const addresses = new Set<string>();
  for (const point of listAt(objectAt(status, 'loadBalancer'), 'ingress')) {
    const address = text(point.ip) || text(point.hostname);
    if (address !== '') addresses.add(address);
  }
  return [...addresses].sort(byCodePoint);
}

/** getServiceExternalIP: the external IPs, a load balancer's addresses first, by type. */
function externalIP(spec: Json, status: Json): string {
  const externalIPs = strings(spec.externalIPs);
  switch (spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const addresses = [...loadBalancerAddresses(status), ...externalIPs];
      return addresses.length > 0 ? addresses.join(',') : '<pending>';
    }
    case 'ExternalName':
      return text(spec.externalName);
    default:
      return '<unknown>';
  }
}

/** makePortString: `port/protocol`, `port:nodePort/protocol` once a node port is set. */
function portsString(ports: readonly Json[]): string {
  const number = (value: unknown) => (typeof value === 'number' ? value : 0);
  const pieces = ports.map((port) => {
    const nodePort = number(port.nodePort);
    const through = nodePort > 0 ? `:${String(nodePort)}` : '';
    return `${String(number(port.port))}${through}/${text(port.protocol)}`;
  });
  return pieces.length > 0 ? pieces.join(',') : '<none>';
}

/** labels.FormatLabels: `key=value` sorted by key, `<none>` for no labels. */
function labelsString(labels: Json): string {
  const keys = Object.keys(labels).sort(byCodePoint);
  return keys.length > 0 ? keys.map((key) => `${key}=${text(labels[key])}`).join(',') : '<none>';
}

export const servicePrinter: Printer = {
  columns: [
    nameColumn,
    column(
      'Type',
      'type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer. "ClusterIP" allocates a cluster-internal IP address for load-balancing to endpoints. Endpoints are determined by the selector or if that is not specified, by manual construction of an Endpoints object or EndpointSlice objects. If clusterIP is "None", no virtual IP is allocated and the endpoints are published as a set of endpoints rather than a virtual IP. "NodePort" builds on ClusterIP and allocates a port on every node which routes to the same endpoints as the clusterIP. "LoadBalancer" builds on NodePort and creates an external load-balancer (if supported in the current cloud) which routes to the same endpoints as the clusterIP. "ExternalName" aliases this service to the specified externalName. Several other fields do not apply to ExternalName services. More info: https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types',
    ),
    column(
      'Cluster-IP',
      'clusterIP is the IP address of the service and is usually assigned randomly. If an address is specified manually, is in-range (as per system configuration), and is not in use, it will be allocated to the service; otherwise creation of the service will fail. This field may not be changed through updates unless the type field is also being changed to ExternalName (which requires this field to be blank) or the type field is being changed from ExternalName (in which case this field may optionally be specified, as describe above).  Valid values are "None", empty string (""), or a valid IP address. Setting this to "None" makes a "headless service" (no virtual IP), which is useful when direct endpoint connections are preferred and proxying is not required.  Only applies to types ClusterIP, NodePort, and LoadBalancer. If this field is specified when creating a Service of type ExternalName, creation will fail. This field will be wiped when updating a Service to type ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies',
    ),
    column(
      'External-IP',
      'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.  These IPs are not managed by Kubernetes.  The user is responsible for ensuring that traffic arrives at a node with this IP.  A common example is external load-balancers that are not part of the Kubernetes system.',
    ),
    column(
      'Port(s)',
      'The list of ports that are exposed by this service. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies',
    ),
    ageColumn,
    column(
      'Selector',
      'Route service traffic to pods with label keys and values matching this selector. If empty or not present, the service is assumed to have an external process managing its endpoints, which Kubernetes will not modify. Only applies to types ClusterIP, NodePort, and LoadBalancer. Ignored if type is ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/',
      { priority: 1 },
    ),
  ],
  cells: (object, now) => {
    const spec = objectAt(object, 'spec');
    const clusterIPs = strings(spec.clusterIPs);
    return [
      object.metadata?.name ?? '',
      text(spec.type),
      clusterIPs[0] ?? '<none>',
      externalIP(spec, objectAt(object, 'status')),
      portsString(listAt(spec, 'ports')),
      age(object.metadata?.creationTimestamp, now),
      labelsString(objectAt(spec, 'selector')),
    ];
  },
};
