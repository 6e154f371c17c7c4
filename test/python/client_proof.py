"""The official Python Kubernetes client against the server of KUBECONFIG: every kind in
resource_kinds.SERVED through create, read, replace, a stale replace refused with 409,
patch, list by label, delete and a delete-collection by label; invalid objects refused
with 422; then the OPTIONAL steps named by --with. One line per step, the same on every
run; exits non-zero on the first surprise."""
import argparse

from kubernetes import client, config

from invalid_objects import run_invalid_objects, run_invalid_specs
from object_cycle import run_cycle
from resource_kinds import PENDING, SERVED
from step_lines import step

# Steps kube-apiserver passes and the embedded server does not yet; run on request (--with).
OPTIONAL = {name: (lambda namespace, kind=kind: run_cycle(kind, namespace)) for name, kind in PENDING.items()}
OPTIONAL["invalid-specs"] = run_invalid_specs


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kubeconfig", help="the server's kubeconfig (default: $KUBECONFIG, then ~/.kube/config)")
    parser.add_argument("--namespace", default="python-client", help="created by the proof")
    parser.add_argument(
        "--with", dest="extra", action="append", default=[], choices=sorted(OPTIONAL), help="also run this (repeatable)"
    )
    parser.add_argument("--only-with", action="store_true", help="run only the steps named by --with")
    return parser.parse_args()


def main():
    arguments = parse_arguments()
    config.load_kube_config(config_file=arguments.kubeconfig)
    namespace = arguments.namespace
    client.CoreV1Api().create_namespace(client.V1Namespace(metadata=client.V1ObjectMeta(name=namespace)))
    step("namespaces", "create", namespace)
    if not arguments.only_with:
        for kind in SERVED.values():
            run_cycle(kind, namespace)
        run_invalid_objects(namespace)
    for name in arguments.extra:
        OPTIONAL[name](namespace)


if __name__ == "__main__":
    main()
