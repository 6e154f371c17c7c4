"""One kind's life through the typed API: create, read, replace with the object just read,
a stale replace refused with 409 Conflict, a strategic-merge patch, lists by label, delete,
then a delete-collection by label."""
from kubernetes.client.rest import ApiException

from collection_delete import run_collection_delete
from step_lines import expect_refusal, labels_of, step


def replace_fresh(kind, namespace, name, labels):
    """Reads the object and replaces it with new labels. A 409 here can only come from a
    writer of the server's own (kube-apiserver's APIService availability controller writes
    the status once), so it reads again, as a client's retry-on-conflict does."""
    for _ in range(5):
        fresh = kind.call("read", namespace, name)
        fresh.metadata.labels = dict(labels)
        try:
            return kind.call("replace", namespace, name, fresh)
        except ApiException as error:
            if error.status != 409:
                raise
    raise SystemExit(f"{kind.resource}: five replaces in a row were refused with 409")


def run_cycle(kind, namespace):
    name, r = kind.named("python"), kind.resource
    created = kind.call("create", namespace, kind.build(name, {"biz-version": "1"}))
    step(r, "create", created.metadata.name, labels_of(created))
    read = kind.call("read", namespace, name)
    step(r, "read", read.metadata.name, labels_of(read), kind.summary(read))
    replaced = replace_fresh(kind, namespace, name, {"biz-version": "2"})
    step(r, "replace", labels_of(replaced), kind.summary(replaced))
    created.metadata.labels["biz-version"] = "stale"  # still carries the first resourceVersion
    expect_refusal(r, "stale-replace", lambda: kind.call("replace", namespace, name, created))
    patched = kind.call("patch", namespace, name, {"metadata": {"labels": {"patched": "yes"}}})
    step(r, "patch", labels_of(patched))
    for selector in ("patched=yes,biz-version=2", "patched=no"):
        listed = kind.call("list", namespace, label_selector=selector)
        step(r, "list", selector, [item.metadata.name for item in listed.items])
    # Background: for v1 Jobs and ReplicationControllers the default is to orphan, which
    # leaves the object behind a finalizer for a garbage collector kube-apiserver lacks.
    kind.call("delete", namespace, name, propagation_policy="Background")
    step(r, "delete", name)
    expect_refusal(r, "read-deleted", lambda: kind.call("read", namespace, name))
    run_collection_delete(kind, namespace)
