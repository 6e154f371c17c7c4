"""A minimal valid object of each kind, named and labelled, built from the client's models."""
from kubernetes import client


def meta(name, labels):
    return client.V1ObjectMeta(name=name, labels=dict(labels))


def pod_template(name, restart_policy):
    container = client.V1Container(name="main", image="registry.k8s.io/pause:3.10")
    spec = client.V1PodSpec(containers=[container], restart_policy=restart_policy)
    return client.V1PodTemplateSpec(metadata=meta(None, {"app": name}), spec=spec)


def config_map(name, labels):
    return client.V1ConfigMap(metadata=meta(name, labels), data={"a": "1"})


def service(name, labels, port=80):
    ports = [client.V1ServicePort(name="http", port=port)]
    spec = client.V1ServiceSpec(ports=ports, selector={"app": name})
    return client.V1Service(metadata=meta(name, labels), spec=spec)


def daemon_set(name, labels):
    selector = client.V1LabelSelector(match_labels={"app": name})
    spec = client.V1DaemonSetSpec(selector=selector, template=pod_template(name, "Always"))
    return client.V1DaemonSet(metadata=meta(name, labels), spec=spec)


def job(name, labels):
    spec = client.V1JobSpec(template=pod_template(name, "Never"))
    return client.V1Job(metadata=meta(name, labels), spec=spec)


def role(name, labels):
    rule = client.V1PolicyRule(api_groups=[""], resources=["configmaps"], verbs=["get", "list"])
    return client.V1Role(metadata=meta(name, labels), rules=[rule])


def replication_controller(name, labels):
    template = pod_template(name, "Always")
    spec = client.V1ReplicationControllerSpec(replicas=0, selector={"app": name}, template=template)
    return client.V1ReplicationController(metadata=meta(name, labels), spec=spec)


def node(name, labels):
    return client.V1Node(metadata=meta(name, labels), spec=client.V1NodeSpec(unschedulable=True))


def api_service(name, labels):
    """`name` is <version>.<group>. A local APIService (no service): nothing is proxied."""
    version, group = name.split(".", 1)
    spec = client.V1APIServiceSpec(group=group, version=version, group_priority_minimum=1000,
                                   version_priority=15)
    return client.V1APIService(metadata=meta(name, labels), spec=spec)
