"""Bad input, refused with 422 Invalid and kube-apiserver's causes: a Service whose port is
out of range (run always), and one spec mistake per kind (run with --with invalid-specs,
as the embedded server does not validate those yet)."""
from kubernetes import client

import object_builders as build
from step_lines import expect_refusal


def run_invalid_service(namespace):
    bad = build.service("python-bad-port", {}, port=70000)
    create = client.CoreV1Api().create_namespaced_service
    expect_refusal("services", "invalid-port", lambda: create(namespace, bad))


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
