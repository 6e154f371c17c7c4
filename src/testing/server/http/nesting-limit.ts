/**
 * How deep the embedded server lets a JSON or YAML body nest. kube-apiserver's decoders
 * stop at 10000 levels (Go's encoding/json, go-yaml), with errors the embedded server
 * reproduces word for word; but its own work on a body (patches, field sets, copies,
 * JSON.stringify, the yaml package) recurses, and exhausts the JavaScript stack somewhere
 * between 800 and 1500 levels (field ownership also takes time quadratic in the depth).
 * So it refuses bodies nested deeper than this with the same errors, as if Go's limit
 * were this one: no Kubernetes object comes close.
 */
export const maxNestingDepth = 500;
