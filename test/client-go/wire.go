package main

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"sync"

	"k8s.io/client-go/rest"
)

// protobuf is the media type of Kubernetes protobuf bodies.
const protobuf = "application/vnd.kubernetes.protobuf"

// wire records the Content-Type and Accept headers client-go put on the wire, and the
// Content-Type of the answers, so a run shows which encoding really was used.
type wire struct {
	expected string // the Content-Type every request body must have

	mu          sync.Mutex
	sent        map[string]bool
	accepted    map[string]bool
	answered    map[string]bool
	wrongBodies int
}

// recordWire wraps the config's transport with a recorder. contentType is the -content-type
// flag: empty means client-go's default, which is protobuf for every request this proof makes.
func recordWire(config *rest.Config, contentType string) *wire {
	w := &wire{expected: contentType, sent: map[string]bool{}, accepted: map[string]bool{}, answered: map[string]bool{}}
	if w.expected == "" {
		w.expected = protobuf
	}
	config.Wrap(func(next http.RoundTripper) http.RoundTripper {
		return roundTripFunc(func(request *http.Request) (*http.Response, error) {
			response, err := next.RoundTrip(request)
			w.record(request, response)
			return response, err
		})
	})
	return w
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(request *http.Request) (*http.Response, error) { return f(request) }

func (w *wire) record(request *http.Request, response *http.Response) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if request.Body != nil && request.Body != http.NoBody {
		contentType := request.Header.Get("Content-Type")
		w.sent[contentType] = true
		if contentType != w.expected {
			w.wrongBodies++
		}
	}
	w.accepted[request.Header.Get("Accept")] = true
	if response != nil {
		w.answered[response.Header.Get("Content-Type")] = true
	}
}

// step reports what went over the wire; it fails when a request body was not in the
// expected encoding (a client that silently fell back to JSON would prove nothing).
func (w *wire) step() step {
	return step{name: "wire", run: func(context.Context) (facts, error) {
		w.mu.Lock()
		defer w.mu.Unlock()
		f := facts{
			"requestContentTypes":  sortedKeys(w.sent),
			"acceptHeaders":        sortedKeys(w.accepted),
			"responseContentTypes": sortedKeys(w.answered),
		}
		if w.wrongBodies > 0 {
			return f, fmt.Errorf("%d request bodies were not %s", w.wrongBodies, w.expected)
		}
		if len(w.sent) == 0 {
			return f, fmt.Errorf("no request carried a body")
		}
		return f, nil
	}}
}

func sortedKeys(set map[string]bool) []string {
	keys := make([]string, 0, len(set))
	for key := range set {
		keys = append(keys, key)
	}
	slices.Sort(keys)
	return keys
}
