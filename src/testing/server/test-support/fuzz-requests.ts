// fast-check arbitraries for hostile requests to the embedded server: methods, paths,
// queries, headers and selectors, from plausible to absurd (bodies: fuzz-bodies.ts).
import fc from 'fast-check';

export const namespace = 'fuzz';
export const configMapsPath = `/api/v1/namespaces/${namespace}/configmaps`;
export const deploymentsPath = `/apis/apps/v1/namespaces/${namespace}/deployments`;
export const widgetsPath = `/apis/fuzz.kubeconflict.dev/v1/namespaces/${namespace}/widgets`;

export const validConfigMap = (name: string) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, labels: { app: 'fuzz' } },
  data: { key: 'value' },
});

export const validDeployment = (name: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, labels: { app: 'fuzz' } },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'fuzz' } },
    template: {
      metadata: { labels: { app: 'fuzz' } },
      spec: { containers: [{ name: 'main', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] },
    },
  },
});

/** Strings with what breaks parsers: escapes, controls, quotes, non-ASCII, surrogates. */
export const nasty = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('', ' ', '%', '%zz', '%E0%A4%A', '%00', '..', '.', '~', '"', "'", '\\', '<>&', '\u2028', '\uD800'),
  fc.constantFrom('a'.repeat(64), 'a'.repeat(254), 'b'.repeat(5_000)),
);

/** Percent-encodes every UTF-8 byte outside the unreserved characters (lone surrogates as U+FFFD). */
export const percentEncode = (text: string) =>
  [...Buffer.from(text, 'utf8')]
    .map((byte) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
/** A path or query piece: escaped properly, or with its own `%` sent raw (possibly malformed). */
const urlPiece = fc.oneof(
  nasty.map(percentEncode),
  nasty.map((text) => percentEncode(text).replaceAll('%25', '%')),
);

const resourceRoots = [
  '/api/v1',
  '/api/v1/namespaces/fuzz',
  '/apis/apps/v1',
  '/apis/apps/v1/namespaces/fuzz',
  '/apis/coordination.k8s.io/v1/namespaces/fuzz',
  '/apis/fuzz.kubeconflict.dev/v1/namespaces/fuzz',
];
const plurals = ['configmaps', 'secrets', 'pods', 'namespaces', 'deployments', 'leases', 'widgets'];

/** Valid resource paths, then segments replaced, added or dropped. */
export const paths = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(...resourceRoots),
      fc.constantFrom(...plurals),
      fc.option(fc.oneof(fc.constantFrom('fuzz-cm', 'fuzz-deploy', 'absent'), urlPiece), { nil: undefined }),
      fc.option(fc.oneof(fc.constantFrom('status', 'scale', 'log'), urlPiece), { nil: undefined }),
    )
    .map(([root, plural, name, sub]) => [root, plural, name, sub].filter((part) => part !== undefined).join('/')),
  fc
    .tuple(
      fc.constantFrom(...resourceRoots, '/api', '/apis', '/openapi/v3', '/version', '/'),
      fc.array(urlPiece, { maxLength: 4 }),
    )
    .map(([root, extra]) => [root, ...extra].join('/')),
  fc
    .array(fc.oneof(urlPiece, fc.constantFrom('api', 'apis', 'v1', 'namespaces', 'fuzz', '', '..')), {
      maxLength: 8,
    })
    .map((parts) => `/${parts.join('/')}`),
);

const queryKeys = [
  'labelSelector',
  'fieldSelector',
  'resourceVersion',
  'resourceVersionMatch',
  'limit',
  'continue',
  'watch',
  'timeoutSeconds',
  'dryRun',
  'fieldManager',
  'fieldValidation',
  'force',
  'pretty',
  'allowWatchBookmarks',
];
const queryValues = fc.oneof(
  urlPiece,
  fc.constantFrom('true', 'false', '1', '0', '-1', '1e3', '99999999999999999999', 'All', 'Strict', 'Warn', 'Ignore'),
  fc
    .constantFrom('a=b', 'a!=b', 'a in (b,c)', '!a', 'metadata.name=x', 'a==b,c', 'a in (', '=', ',,')
    .map(encodeURIComponent),
);
export const queries = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...queryKeys), urlPiece), queryValues), { maxLength: 4 })
  .map((pairs) => (pairs.length === 0 ? '' : `?${pairs.map(([key, value]) => `${key}=${value}`).join('&')}`));

export const methods = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE');

const mediaTypes = [
  'application/json',
  'application/yaml',
  'application/vnd.kubernetes.protobuf',
  'application/cbor',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
  'application/json-patch+json',
  'application/apply-patch+yaml',
  'application/apply-patch+cbor',
  'application/json;as=Table;v=v1;g=meta.k8s.io',
  'text/plain',
  '*/*',
  ';;;',
  'application/json; charset=latin1',
];
/** Header values a client may send: printable ASCII only. */
const headerText = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 40,
});
export const headers = fc.record(
  {
    'content-type': fc.oneof(fc.constantFrom(...mediaTypes), headerText),
    accept: fc.oneof(fc.constantFrom(...mediaTypes), headerText),
    'user-agent': headerText,
    'x-fuzz': headerText,
  },
  { requiredKeys: [] },
);

/** Label and field selector strings: grammar pieces shuffled, and random text. */
const selectorPieces = fc.constantFrom(
  'a',
  'b',
  'app',
  'fuzz',
  'example.com/x',
  'metadata.name',
  'metadata.namespace',
  'spec.x',
  '=',
  '==',
  '!=',
  ',',
  ' ',
  '!',
  'in',
  'notin',
  '(',
  ')',
  'exists',
  '\\',
  '\\,',
  '\\=',
  '-',
  '_',
  '.',
  'x'.repeat(70),
  '"',
  '%',
);
export const selectors = fc.oneof(
  fc.array(selectorPieces, { maxLength: 10 }).map((pieces) => pieces.join('')),
  nasty,
);
