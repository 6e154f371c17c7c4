"""Bad input: a Service whose port is out of range, refused with 422 Invalid."""
from kubernetes import client

from object_builders import service
from step_lines import expect_refusal


def run_invalid_service(namespace):
    bad = service("python-bad-port", {}, port=70000)
    create = client.CoreV1Api().create_namespaced_service
    expect_refusal("services", "invalid-port", lambda: create(namespace, bad))
