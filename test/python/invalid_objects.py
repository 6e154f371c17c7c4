"""Bad input, refused with 422 Invalid and kube-apiserver's causes: mistakes run always, and
one spec mistake per kind (run with --with invalid-specs, as the embedded server does not
validate those yet)."""
from kubernetes import client

import object_builders as build
from step_lines import expect_refusal


def run_invalid_objects(namespace):
    """Mistakes both servers refuse alike: a Service port out of range; a dot in the name of
    a Namespace and of a Service (DNS-1123 labels, unlike other kinds' names)."""
    core = client.CoreV1Api()
    bad_port = build.service("python-bad-port", {}, port=70000)
    expect_refusal("services", "invalid-port", lambda: core.create_namespaced_service(namespace, bad_port))
    dotted = client.V1Namespace(metadata=build.meta("python.dotted", {}))
    expect_refusal("namespaces", "invalid-name", lambda: core.create_namespace(dotted))
    dotted_service = build.service("python.dotted", {})
    expect_refusal("services", "invalid-name", lambda: core.create_namespaced_service(namespace, dotted_service))


def spec_mistakes():
    """(kind, step, typed create method, object) for each mistake."""
    daemon_set = build.daemon_set("python-bad-selector", {})
    daemon_set.spec.selector.match_labels = {"app": "other"}
    job = build.job("python-bad-restart-policy", {})
    job.spec.template.spec.restart_policy = "Always"
    config_map = build.config_map("python-bad-key", {})
    config_map.data = {"bad key!": "x"}
    role = build.role("python-no-verbs", {})
    role.rules[0].verbs = []
    service = build.service("python-bad-protocol", {})
    service.spec.ports[0].protocol = "FOO"
    return [
        ("daemonsets", "invalid-selector", client.AppsV1Api().create_namespaced_daemon_set, daemon_set),
        ("jobs", "invalid-restart-policy", client.BatchV1Api().create_namespaced_job, job),
        ("configmaps", "invalid-data-key", client.CoreV1Api().create_namespaced_config_map, config_map),
        ("roles", "invalid-no-verbs", client.RbacAuthorizationV1Api().create_namespaced_role, role),
        ("services", "invalid-protocol", client.CoreV1Api().create_namespaced_service, service),
    ]


def run_invalid_specs(namespace):
    for kind, step, create, obj in spec_mistakes():
        expect_refusal(kind, step, lambda: create(namespace, obj))
