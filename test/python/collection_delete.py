"""delete_collection_namespaced_config_map with a label selector: the selected ConfigMaps go,
the others stay."""
import json

from kubernetes import client

from step_lines import step


def run_collection_delete(namespace):
    core = client.CoreV1Api()
    for name, doomed in (("python-doomed-a", "yes"), ("python-doomed-b", "yes"), ("python-kept", "no")):
        labels = {"set": "collection", "doomed": doomed}
        config_map = client.V1ConfigMap(metadata=client.V1ObjectMeta(name=name, labels=labels))
        core.create_namespaced_config_map(namespace, config_map)
    # The answer is the list of what was deleted, which the typed V1Status return would drop.
    answer = core.delete_collection_namespaced_config_map(
        namespace, label_selector="set=collection,doomed=yes", _preload_content=False
    )
    deleted = json.loads(answer.data)
    step("configmaps", "delete-collection", deleted["kind"], [item["metadata"]["name"] for item in deleted["items"]])
    remaining = core.list_namespaced_config_map(namespace, label_selector="set=collection")
    step("configmaps", "delete-collection", "remaining", [item.metadata.name for item in remaining.items])
