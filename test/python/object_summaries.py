"""What the proof prints of an object besides its name and labels: the fields the server
defaults (both servers must default them alike), never anything that changes per run."""


def config_map(c):
    return sorted(c.data.items())


def service(s):
    ports = [(p.name, p.protocol, p.port, str(p.target_port)) for p in s.spec.ports]
    return s.spec.type, s.spec.session_affinity, ports


def pod_template(obj):
    spec = obj.spec.template.spec
    return spec.restart_policy, spec.dns_policy, spec.termination_grace_period_seconds


def daemon_set(d):
    rolling = d.spec.update_strategy.rolling_update
    strategy = (d.spec.update_strategy.type, str(rolling.max_unavailable), str(rolling.max_surge))
    return strategy, d.spec.revision_history_limit, pod_template(d)


def job(j):
    s = j.spec
    return (s.completions, s.parallelism, s.backoff_limit, s.completion_mode, s.suspend), pod_template(j)


def role(r):
    return [(rule.api_groups, rule.resources, rule.verbs) for rule in r.rules]


def replication_controller(rc):
    return rc.spec.replicas, rc.spec.min_ready_seconds, pod_template(rc)


def node(n):
    return n.spec.unschedulable


def api_service(a):
    s = a.spec
    return s.group, s.version, s.group_priority_minimum, s.version_priority, s.service
