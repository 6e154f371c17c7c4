const meta = 'k8s.io.apimachinery.pkg.apis.meta.v1';

/**
 * The messages whose Go types write their own JSON (a MarshalJSON of their own), so that
 * their protobuf and JSON forms differ; the codec maps each by hand. Every other message
 * is a plain struct whose JSON field names are its protobuf field names.
 */
export const ownJsonMessages = {
  time: `${meta}.Time`,
  microTime: `${meta}.MicroTime`,
  duration: `${meta}.Duration`,
  fieldsV1: `${meta}.FieldsV1`,
  quantity: 'k8s.io.apimachinery.pkg.api.resource.Quantity',
  intOrString: 'k8s.io.apimachinery.pkg.util.intstr.IntOrString',
  rawExtension: 'k8s.io.apimachinery.pkg.runtime.RawExtension',
} as const;

export const ownJsonMessageNames: ReadonlySet<string> = new Set(Object.values(ownJsonMessages));
