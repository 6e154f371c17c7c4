// Command client-go-peer is the benchmark's reference client: the real k8s.io/client-go
// (typed AppsV1 clientset) incrementing an integer label of one existing Deployment
// from concurrent goroutines, with client-go's own retry.RetryOnConflict, a custom
// wait.Backoff, one naive try, or sequential uncontended cycles (the serial bound).
//
// It speaks JSON unless --content-type protobuf asks for client-go's own default for
// built-in types (protobuf bodies, Accept protobuf then JSON).
//
// It prints exactly one JSON line on stdout. The exit status is 0 whatever the outcome of
// the increments (failures are counted in the JSON), and 2 when the flags are wrong or the
// kubeconfig cannot be loaded.
//
//	client-go-peer --kubeconfig PATH --name NAME [--workers 5] [--strategy default-retry] ...
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"time"

	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/clientcmd"
)

// clientGoModule is the version go.mod pins; the build info is preferred when present.
const clientGoModule = "v0.36.3"

// result is the one JSON line on stdout.
type result struct {
	Client          string    `json:"client"`
	ClientGoVersion string    `json:"clientGoVersion"`
	GoVersion       string    `json:"goVersion"`
	Strategy        string    `json:"strategy"`
	RateLimit       string    `json:"rateLimit"`
	ContentType     string    `json:"contentType"`
	Workers         int       `json:"workers"`
	Succeeded       int       `json:"succeeded"`
	Failed          int       `json:"failed"`
	Attempts        int64     `json:"attempts"`
	Conflicts       int64     `json:"conflicts"`
	Requests        int64     `json:"requests"`
	LatenciesMs     []float64 `json:"latenciesMs"`
	WallMs          float64   `json:"wallMs"`
	CyclesMs        []float64 `json:"cyclesMs,omitzero"`
	Errors          []string  `json:"errors"`
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	o, err := parseOptions(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		if usage, ok := errors.AsType[usageError](err); !ok || !usage.printed {
			fmt.Fprintf(stderr, "client-go-peer: %v\n", err)
		}
		return 2
	}
	config, err := clientcmd.BuildConfigFromFlags("", o.kubeconfig)
	if err != nil {
		fmt.Fprintf(stderr, "client-go-peer: cannot load kubeconfig %s: %v\n", o.kubeconfig, err)
		return 2
	}
	if o.rateLimit == "off" {
		// A negative QPS makes rest.RESTClientFor skip the token bucket (rate limiter stays nil).
		config.QPS = -1
	} // "default": QPS and Burst stay zero, so client-go uses DefaultQPS 5 and DefaultBurst 10.
	if o.contentType == "json" {
		// Without it, client-go's typed clients for built-in types (Deployments included) send
		// protobuf bodies and ask for protobuf first (gentype.PrefersProtobuf).
		config.ContentType = "application/json"
	}
	p, err := newPeer(o, config)
	if err != nil {
		fmt.Fprintf(stderr, "client-go-peer: cannot build a client from kubeconfig %s: %v\n", o.kubeconfig, err)
		return 2
	}
	out := p.run(stderr)
	encoder := json.NewEncoder(stdout)
	encoder.SetEscapeHTML(false)
	if err := encoder.Encode(out); err != nil {
		fmt.Fprintf(stderr, "client-go-peer: cannot write the result: %v\n", err)
		return 1
	}
	return 0
}

// newPeer builds one http.Client (one connection pool) and two clientsets on it: one for
// the warm-up and one for the workers, so the warm-up GETs do not spend the workers'
// client-side rate-limit tokens (each typed client has its own token bucket).
func newPeer(o options, config *rest.Config) (*peer, error) {
	httpClient, err := rest.HTTPClientFor(config)
	if err != nil {
		return nil, err
	}
	warm, err := kubernetes.NewForConfigAndClient(config, httpClient)
	if err != nil {
		return nil, err
	}
	work, err := kubernetes.NewForConfigAndClient(config, httpClient)
	if err != nil {
		return nil, err
	}
	return &peer{
		options: o,
		warm:    warm.AppsV1().Deployments(o.namespace),
		work:    work.AppsV1().Deployments(o.namespace),
	}, nil
}

func clientGoVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, dep := range info.Deps {
			if dep.Path == "k8s.io/client-go" {
				if dep.Replace != nil {
					return dep.Replace.Version
				}
				return dep.Version
			}
		}
	}
	return clientGoModule
}

func newResult(o options) result {
	workers := o.workers
	if o.strategy == strategyCycle {
		workers = 1 // cycles run one after another on one goroutine
	}
	return result{
		Client:          "client-go",
		ClientGoVersion: clientGoVersion(),
		GoVersion:       runtime.Version(),
		Strategy:        o.strategy,
		RateLimit:       o.rateLimit,
		ContentType:     o.contentType,
		Workers:         workers,
		LatenciesMs:     []float64{},
		Errors:          []string{},
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
