"""The kinds the proof exercises, each as the typed API methods of the official client, a
minimal object (object_builders) and what to print of it (object_summaries)."""
from dataclasses import dataclass
from typing import Any, Callable

from kubernetes import client

import object_builders as build
import object_summaries as summary


@dataclass(frozen=True)
class ResourceKind:
    resource: str  # the plural, as the API path and a Status's details name it
    api: Callable[[], Any]  # the client's typed API class
    suffix: str  # of the method names: create_<suffix>, read_<suffix>, ...
    namespaced: bool
    build: Callable[[str, dict], Any]  # (name, labels) -> a new object
    summary: Callable[[Any], Any]  # object -> what to print of it
    named: Callable[[str], str]  # a word -> the name of an object of this kind

    def call(self, verb, namespace, *args, **options):
        """Calls `<verb>_<suffix>`, with the namespace in its place for namespaced kinds."""
        method = getattr(self.api(), f"{verb}_{self.suffix}")
        scope = (namespace,) if self.namespaced else ()
        if verb in ("create", "list", "delete_collection"):
            return method(*scope, *args, **options)
        name, *rest = args
        return method(name, *scope, *rest, **options)


def kind(resource, api, suffix, namespaced, shape, named=None):
    builder, summarize = getattr(build, shape), getattr(summary, shape)
    named = named or (lambda word: f"{word}-{resource}")
    return ResourceKind(resource, api, suffix, namespaced, builder, summarize, named)


# Served by the embedded server today.
SERVED = {
    k.resource: k
    for k in (
        kind("configmaps", client.CoreV1Api, "namespaced_config_map", True, "config_map"),
        kind("services", client.CoreV1Api, "namespaced_service", True, "service"),
        kind("daemonsets", client.AppsV1Api, "namespaced_daemon_set", True, "daemon_set"),
        kind("jobs", client.BatchV1Api, "namespaced_job", True, "job"),
        kind("roles", client.RbacAuthorizationV1Api, "namespaced_role", True, "role"),
    )
}

# Served by kube-apiserver, being added to the embedded server: run on request (--with).
PENDING = {
    k.resource: k
    for k in (
        kind("replicationcontrollers", client.CoreV1Api, "namespaced_replication_controller", True,
             "replication_controller"),
        kind("nodes", client.CoreV1Api, "node", False, "node"),
        kind("apiservices", client.ApiregistrationV1Api, "api_service", False, "api_service",
             lambda word: f"v1.{word}.example.com"),  # an APIService is named <version>.<group>
    )
}
