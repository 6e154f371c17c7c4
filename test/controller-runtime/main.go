// controller-runtime-proof: a controller author's envtest suite, pointed at an existing
// server (the embedded server or kube-apiserver) through its kubeconfig. It installs a CRD
// with envtest, reconciles a custom resource with a manager, and checks that deleting the
// resource garbage-collects the ConfigMap it owns. One JSON line per step on stdout.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/go-logr/logr"
	"k8s.io/client-go/tools/clientcmd"
	ctrl "sigs.k8s.io/controller-runtime"
)

type options struct {
	kubeconfig string
	crdDir     string
	namespace  string
	gcWait     time.Duration
}

func parseOptions() options {
	var o options
	// controller-runtime registers its own -kubeconfig on flag.CommandLine, so a set of our own.
	flags := flag.NewFlagSet("controller-runtime-proof", flag.ExitOnError)
	flags.StringVar(&o.kubeconfig, "kubeconfig", "", "kubeconfig of the server to run against (required)")
	flags.StringVar(&o.crdDir, "crd-dir", "", "directory of the CRD manifests envtest installs (required)")
	flags.StringVar(&o.namespace, "namespace", "", "namespace to create and work in (required)")
	flags.DurationVar(&o.gcWait, "gc-wait", 5*time.Second, "how long to wait for the owned ConfigMap to be garbage-collected")
	_ = flags.Parse(os.Args[1:])
	for name, value := range map[string]string{"kubeconfig": o.kubeconfig, "crd-dir": o.crdDir, "namespace": o.namespace} {
		if value == "" {
			fmt.Fprintf(os.Stderr, "controller-runtime-proof: -%s is required\n", name)
			os.Exit(2)
		}
	}
	return o
}

func main() {
	o := parseOptions()
	ctrl.SetLogger(logr.Discard()) // controller-runtime complains on stderr without a logger
	config, err := clientcmd.BuildConfigFromFlags("", o.kubeconfig)
	if err != nil {
		fmt.Fprintf(os.Stderr, "controller-runtime-proof: reading -kubeconfig: %v\n", err)
		os.Exit(2)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	r := &report{last: time.Now()}
	runSteps(ctx, r, config, o)
	if r.failed {
		os.Exit(1)
	}
}
