"""The official Python Kubernetes client against a server given by KUBECONFIG: create,
read, a stale replace refused with 409 Conflict, a fresh one accepted, a patch, a list by
label, a delete. Prints one line per step; exits non-zero on the first surprise."""
import sys

from kubernetes import client, config
from kubernetes.client.rest import ApiException

config.load_kube_config()
core = client.CoreV1Api()
name, namespace = "python-smoke", "default"
body = client.V1ConfigMap(metadata=client.V1ObjectMeta(name=name, labels={"biz-version": "101"}), data={"a": "1"})

created = core.create_namespaced_config_map(namespace, body)
print("created", created.metadata.name, created.metadata.labels["biz-version"])
read = core.read_namespaced_config_map(name, namespace)
read.metadata.labels["biz-version"] = "102"
core.replace_namespaced_config_map(name, namespace, read)
print("replaced", core.read_namespaced_config_map(name, namespace).metadata.labels["biz-version"])
created.metadata.labels["biz-version"] = "999"  # still carries the first resourceVersion
try:
    core.replace_namespaced_config_map(name, namespace, created)
    sys.exit("a stale replace was accepted")
except ApiException as error:
    print("stale replace refused", error.status, error.reason)
patched = core.patch_namespaced_config_map(name, namespace, {"data": {"b": "2"}})
print("patched", sorted(patched.data.items()))
listed = core.list_namespaced_config_map(namespace, label_selector="biz-version=102")
print("listed", [item.metadata.name for item in listed.items])
core.delete_namespaced_config_map(name, namespace)
try:
    core.read_namespaced_config_map(name, namespace)
    sys.exit("the deleted ConfigMap is still there")
except ApiException as error:
    print("deleted", error.status)
