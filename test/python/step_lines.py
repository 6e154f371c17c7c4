"""How the proof prints: one line per step, with only what is the same on every run (no
uids, timestamps or resourceVersions), so that two servers' transcripts compare equal."""
import json

from kubernetes.client.rest import ApiException


def step(kind, name, *words):
    """Prints `<kind> <step> <words...>`, each word as str() of it."""
    print(kind, name, *words)


def labels_of(obj):
    """The object's labels as a sorted list of (key, value) pairs."""
    return sorted((obj.metadata.labels or {}).items())


def expect_refusal(kind, name, request):
    """Runs `request`, which must be refused; prints its HTTP status and reason, the Status
    body's reason, message and details (causes included), then the body's exact text,
    trailing newline included."""
    try:
        request()
    except ApiException as error:
        status = json.loads(error.body)
        step(kind, name, error.status, error.reason)
        step(kind, name, "status", status.get("reason"), repr(status.get("message")))
        step(kind, name, "details", json.dumps(status.get("details"), sort_keys=True))
        step(kind, name, "body", repr(error.body))
        return
    raise SystemExit(f"{kind} {name}: the request was accepted")
