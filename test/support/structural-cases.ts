// One CRD schema and the custom resources that exercise src/testing/server/structural
// against kube-apiserver: invalid objects (the 422's causes), unknown fields (Strict's
// `unknown field` list) and defaults (the created object).

export const widgetGroup = 'structural.kubeconflict.dev';
export const widgetPath = `/apis/${widgetGroup}/v1/namespaces/default/widgets`;

const stringType = { type: 'string' };

export const widgetSchema = {
  type: 'object',
  properties: {
    apiVersion: stringType,
    kind: stringType,
    metadata: { type: 'object' },
    spec: {
      type: 'object',
      required: ['name'],
      properties: {
        name: { type: 'string', pattern: '^[a-z]+$', maxLength: 10 },
        replicas: { type: 'integer', minimum: 0, maximum: 10 },
        size: { type: 'string', enum: ['small', 'large'] },
        level: { type: 'integer', enum: [1, 2] },
        weight: { type: 'number', enum: [1, 2.5] },
        tags: { type: 'array', maxItems: 3, minItems: 1, items: stringType, 'x-kubernetes-list-type': 'set' },
        ratio: { type: 'number', maximum: 1.5, exclusiveMaximum: true, minimum: 0, multipleOf: 0.5 },
        big: { type: 'number', maximum: 1000000 },
        scaled: { type: 'number', minimum: -1.5, multipleOf: 2.5 },
        whole: { type: 'integer', maximum: 2.5 },
        labels: { type: 'object', maxProperties: 2, additionalProperties: { type: 'string', minLength: 2 } },
        mode: { type: 'string', default: 'fast' },
        limits: { type: 'object', default: {}, properties: { cpu: { type: 'integer', default: 2 } } },
        ports: {
          type: 'array',
          'x-kubernetes-list-type': 'map',
          'x-kubernetes-list-map-keys': ['name'],
          items: {
            type: 'object',
            required: ['name'],
            properties: { name: stringType, port: { 'x-kubernetes-int-or-string': true } },
          },
        },
        extra: {
          type: 'object',
          'x-kubernetes-preserve-unknown-fields': true,
          properties: { known: { type: 'object', properties: { a: stringType } } },
        },
        template: {
          type: 'object',
          'x-kubernetes-embedded-resource': true,
          'x-kubernetes-preserve-unknown-fields': true,
        },
        optional: { type: 'string', nullable: true },
        plain: stringType,
        flags: { type: 'array', items: { type: 'string', default: 'on' } },
        nested: {
          type: 'object',
          properties: { inner: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } } },
        },
        settings: {
          type: 'object',
          additionalProperties: { type: 'object', properties: { level: { type: 'integer', default: 1 } } },
        },
        entries: {
          type: 'array',
          items: { type: 'object', properties: { kind: { type: 'string', default: 'basic' } } },
        },
        maybe: { type: 'object', nullable: true, properties: { x: { type: 'string', default: 'y' } } },
        id: { type: 'string', format: 'uuid' },
        day: { type: 'string', format: 'date' },
        at: { type: 'string', format: 'date-time' },
        host: { type: 'string', format: 'hostname' },
        address: { type: 'string', format: 'ipv4' },
        address6: { type: 'string', format: 'ipv6' },
        network: { type: 'string', format: 'cidr' },
        hardware: { type: 'string', format: 'mac' },
        color: { type: 'string', format: 'hexcolor' },
        free: { type: 'string', format: 'no-such-format' },
        count32: { type: 'integer', format: 'int32' },
        either: {
          type: 'object',
          properties: { x: stringType, y: stringType },
          anyOf: [{ required: ['x'] }, { required: ['y'] }],
        },
        choice: {
          type: 'object',
          properties: { a: { type: 'integer' }, b: { type: 'integer' } },
          oneOf: [{ required: ['a'] }, { required: ['b'] }],
        },
        between: { type: 'integer', allOf: [{ minimum: 1 }, { maximum: 5 }] },
        nonZero: { type: 'integer', not: { enum: [0] } },
        portOrName: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] },
      },
    },
    status: {
      type: 'object',
      properties: {
        ready: { type: 'integer', maximum: 3 },
        phase: { type: 'string', enum: ['Up', 'Down'] },
        either: { type: 'object', properties: { x: stringType }, anyOf: [{ required: ['x'] }] },
        flags: { type: 'array', items: stringType, 'x-kubernetes-list-type': 'set' },
      },
    },
  },
};

export const widgetCrd = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: `widgets.${widgetGroup}` },
  spec: {
    group: widgetGroup,
    scope: 'Namespaced',
    names: { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList' },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: { openAPIV3Schema: widgetSchema },
        subresources: { status: {} },
      },
    ],
  },
};

/** A Widget named `name` with `spec` and any other top-level fields. */
export const widget = (name: string, spec: unknown, rest: Record<string, unknown> = {}) => ({
  apiVersion: `${widgetGroup}/v1`,
  kind: 'Widget',
  ...rest,
  metadata: { name, ...(rest.metadata as object | undefined) },
  spec,
});

/** Objects kube-apiserver refuses with 422, each named by what is wrong. */
export const invalidCases: readonly { readonly name: string; readonly spec: unknown }[] = [
  { name: 'wrong-type', spec: { name: 'a', replicas: 'string' } },
  { name: 'not-in-enum', spec: { name: 'a', size: 'huge' } },
  { name: 'integer-enum', spec: { name: 'a', level: 3 } },
  { name: 'float-enum', spec: { name: 'a', weight: 2 } },
  { name: 'above-maximum', spec: { name: 'a', replicas: 11 } },
  { name: 'below-minimum', spec: { name: 'a', replicas: -1 } },
  { name: 'pattern', spec: { name: 'X' } },
  { name: 'too-long', spec: { name: 'abcdefghijk' } },
  { name: 'too-many-items', spec: { name: 'a', tags: ['a', 'b', 'c', 'd'] } },
  { name: 'too-few-items', spec: { name: 'a', tags: [] } },
  { name: 'required', spec: { replicas: 1 } },
  { name: 'duplicate-in-set', spec: { name: 'a', tags: ['a', 'b', 'a'] } },
  { name: 'exclusive-maximum', spec: { name: 'a', ratio: 1.5 } },
  { name: 'multiple-of', spec: { name: 'a', ratio: 0.7 } },
  { name: 'maximum-shown-by-go', spec: { name: 'a', big: 1000001.5 } },
  { name: 'map-value-too-short', spec: { name: 'a', labels: { x: 'a' } } },
  { name: 'too-many-properties', spec: { name: 'a', labels: { x: 'aa', y: 'bb', z: 'cc' } } },
  { name: 'duplicate-map-key', spec: { name: 'a', ports: [{ name: 'http' }, { name: 'http' }] } },
  { name: 'item-required', spec: { name: 'a', ports: [{ port: 80 }] } },
  { name: 'int-or-string', spec: { name: 'a', ports: [{ name: 'http', port: true }] } },
  { name: 'null-item', spec: { name: 'a', tags: [null] } },
  { name: 'spec-not-object', spec: 'text' },
  { name: 'nested-required', spec: { name: 'a', nested: { inner: {} } } },
  { name: 'several', spec: { name: 'X', replicas: 'many', size: 'huge' } },
  { name: 'format-uuid', spec: { name: 'a', id: 'not-a-uuid' } },
  { name: 'format-date', spec: { name: 'a', day: '2024-02-30' } },
  { name: 'format-date-time-hour', spec: { name: 'a', at: '2024-02-01T24:00:00Z' } },
  { name: 'format-date-time-zone', spec: { name: 'a', at: '2024-02-01T10:00:00' } },
  { name: 'format-hostname', spec: { name: 'a', host: '-bad-.example' } },
  { name: 'format-ipv4', spec: { name: 'a', address: '1.2.3.256' } },
  { name: 'format-ipv6', spec: { name: 'a', address6: 'fe80::1%eth0' } },
  { name: 'format-ipv6-not-v4', spec: { name: 'a', address6: '10.0.0.1' } },
  { name: 'format-cidr', spec: { name: 'a', network: '10.0.0.0/33' } },
  { name: 'format-mac', spec: { name: 'a', hardware: '00:11:22:33:44' } },
  { name: 'format-hexcolor', spec: { name: 'a', color: 'blue', free: 'anything' } },
  { name: 'format-int32-of-boolean', spec: { name: 'a', count32: true } },
  { name: 'any-of-none', spec: { name: 'a', either: {} } },
  { name: 'one-of-none', spec: { name: 'a', choice: {} } },
  { name: 'one-of-both', spec: { name: 'a', choice: { a: 1, b: 2 } } },
  { name: 'all-of', spec: { name: 'a', between: 9 } },
  { name: 'all-of-none', spec: { name: 'a', between: 'x' } },
  { name: 'not', spec: { name: 'a', nonZero: 0 } },
  { name: 'int-or-string-any-of', spec: { name: 'a', portOrName: 1.5 } },
  { name: 'int32-range', spec: { name: 'a', count32: 2147483648 } },
  { name: 'integer-against-fractional-bounds', spec: { name: 'a', ratio: 1 } },
  { name: 'integer-below-fractional-minimum', spec: { name: 'a', scaled: -2 } },
  { name: 'integer-bound-of-fraction', spec: { name: 'a', whole: 3 } },
  { name: 'embedded-without-type', spec: { name: 'a', template: { metadata: { name: 'p' } } } },
  {
    name: 'embedded-invalid',
    spec: {
      name: 'a',
      template: {
        apiVersion: 'a/b/c',
        kind: 'Bad_Kind',
        metadata: {
          name: 'x/y',
          namespace: 'No',
          generateName: 'a%',
          labels: { 'bad key': 'v' },
          annotations: { '/x': '' },
        },
      },
    },
  },
];

/** Status writes (through `/status`) kube-apiserver refuses with 422. */
export const invalidStatusCases: readonly { readonly name: string; readonly status: unknown }[] = [
  { name: 'status-maximum', status: { ready: 4 } },
  { name: 'status-enum-and-type', status: { ready: 'x', phase: 'Sideways' } },
  { name: 'status-any-of', status: { either: {} } },
  { name: 'status-set-duplicates', status: { ready: 9, flags: ['a', 'b', 'a'] } },
];

/** Objects with fields the schema does not declare, sent with fieldValidation=Strict. */
export const unknownFieldCases: readonly { readonly name: string; readonly object: Record<string, unknown> }[] = [
  { name: 'spec-field', object: widget('spec-field', { name: 'a', foo: 1, bar: { x: 1 } }) },
  { name: 'root-field', object: widget('root-field', { name: 'a' }, { other: 1, another: { x: 1 } }) },
  { name: 'metadata-field', object: widget('metadata-field', { name: 'a' }, { metadata: { color: 'red' } }) },
  {
    name: 'owner-reference-field',
    object: widget(
      'owner-reference-field',
      { name: 'a' },
      { metadata: { ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'c', uid: 'u1', extra: 1 }] } },
    ),
  },
  {
    name: 'in-list-and-preserved',
    object: widget('in-list-and-preserved', {
      name: 'a',
      ports: [{ name: 'http', bad: 1 }],
      extra: { anything: 1, known: { a: 'x', b: 2 } },
    }),
  },
  {
    name: 'under-additional-properties',
    object: widget('under-additional-properties', {
      name: 'a',
      settings: { a: { level: 2, junk: 1 } },
      entries: [{ kind: 'x' }, { junk: true }],
    }),
  },
  {
    name: 'embedded-metadata',
    object: widget('embedded-metadata', {
      name: 'a',
      template: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', color: 'red' }, spec: { any: 1 } },
    }),
  },
];

/** Objects kube-apiserver cannot decode (400): metadata and embedded resources of wrong types. */
export const undecodableCases: readonly { readonly name: string; readonly object: Record<string, unknown> }[] = [
  { name: 'embedded-kind-number', object: widget('k1', { name: 'a', template: { apiVersion: 'v1', kind: 1 } }) },
  { name: 'embedded-metadata-string', object: widget('k2', { name: 'a', template: { kind: 'Pod', metadata: 'x' } }) },
  {
    name: 'embedded-labels-string',
    object: widget('k3', { name: 'a', template: { apiVersion: 'v1', kind: 'Pod', metadata: { labels: 'x' } } }),
  },
  { name: 'root-label-number', object: widget('k4', { name: 'a' }, { metadata: { labels: { a: 1 } } }) },
];

/** Valid objects whose stored form shows defaulting and the dropping of nulls. */
export const defaultCases: readonly { readonly name: string; readonly spec: Record<string, unknown> }[] = [
  { name: 'missing-fields', spec: { name: 'a' } },
  { name: 'null-fields', spec: { name: 'a', mode: null, plain: null, optional: null, limits: null } },
  { name: 'null-items', spec: { name: 'a', flags: ['x', null] } },
  { name: 'given-fields', spec: { name: 'a', mode: 'slow', limits: { cpu: 8 } } },
  { name: 'float-multiple-within-epsilon', spec: { name: 'a', ratio: 1.0000000001 } },
  { name: 'map-and-list-defaults', spec: { name: 'a', settings: { a: {}, b: null }, entries: [{}, { kind: 'x' }] } },
  { name: 'nullable-object', spec: { name: 'a', maybe: null, optional: null } },
  { name: 'enum-members', spec: { name: 'a', level: 2, weight: 2.5, size: 'small' } },
  {
    name: 'formats-met',
    spec: {
      name: 'a',
      at: '2024-02-29T23:59:59.123+02:00',
      host: 'web-1.example.com',
      day: '2024-02-29',
      address: '010.0.0.1',
    },
  },
  // kube-apiserver truncates 1.5 to the int64 of the enum's 1 before comparing them.
  { name: 'float-truncated-to-enum-member', spec: { name: 'a', weight: 1.5 } },
];
