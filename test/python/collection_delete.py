"""delete_collection_<kind> with a label selector: the selected objects go, the others stay."""
import json

from step_lines import step


def run_collection_delete(kind, namespace):
    for word, doomed in (("doomed-a", "yes"), ("doomed-b", "yes"), ("kept", "no")):
        labels = {"set": "collection", "doomed": doomed}
        kind.call("create", namespace, kind.build(kind.named(word), labels))
    # The answer is the list of what was deleted, which the typed V1Status return would
    # drop. Background, as for a single delete (see object_cycle).
    answer = kind.call(
        "delete_collection", namespace, label_selector="set=collection,doomed=yes",
        propagation_policy="Background", _preload_content=False,
    )
    deleted = json.loads(answer.data)
    step(kind.resource, "delete-collection", deleted["kind"], [item["metadata"]["name"] for item in deleted["items"]])
    remaining = kind.call("list", namespace, label_selector="set=collection")
    step(kind.resource, "delete-collection", "remaining", [item.metadata.name for item in remaining.items])
