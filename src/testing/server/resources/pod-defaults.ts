// Defaults kube-apiserver fills into a pod spec (pods and every pod template), as
// observed on v1.36.3: compare with test/conformance's recorded Deployment.
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function defaultPodSpec(spec: Json): void {
  for (const list of ['initContainers', 'containers']) {
    const containers = spec[list];
    if (Array.isArray(containers))
      for (const container of containers) if (isObject(container)) defaultContainer(container);
  }
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.securityContext ??= {};
  spec.schedulerName ??= 'default-scheduler';
  const volumes = spec.volumes;
  if (Array.isArray(volumes)) for (const volume of volumes) if (isObject(volume)) defaultVolume(volume);
}

function defaultContainer(container: Json): void {
  const ports = container.ports;
  if (Array.isArray(ports)) for (const port of ports) if (isObject(port)) port.protocol ??= 'TCP';
  container.resources ??= {};
  container.terminationMessagePath ??= '/dev/termination-log';
  container.terminationMessagePolicy ??= 'File';
  container.imagePullPolicy ??= pullPolicyFor(container.image);
}

/** `Always` for an untagged or `:latest` image, `IfNotPresent` otherwise. */
function pullPolicyFor(image: unknown): string {
  if (typeof image !== 'string') return 'IfNotPresent';
  if (image.includes('@')) return 'IfNotPresent';
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const tag = lastSegment.includes(':') ? lastSegment.slice(lastSegment.indexOf(':') + 1) : '';
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultVolume(volume: Json): void {
  for (const source of ['configMap', 'secret']) {
    const value = volume[source];
    if (isObject(value)) value.defaultMode ??= 420;
  }
  if (isObject(volume.emptyDir)) return;
}
