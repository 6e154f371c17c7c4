// Command client-go-proof shows that the real k8s.io/client-go works unchanged against a
// server: the default typed clientset (protobuf bodies for built-in types, as client-go
// sends since v0.32) creates, reads, updates with conflicts, retries, writes the status and
// scale subresources, lists, watches and deletes a Deployment, and round-trips a ConfigMap
// and a Secret.
//
// Each step prints one JSON line on stdout, {"step":NAME,"ok":BOOL,...facts}. The facts
// hold no timestamps, uids or resourceVersions, so the output of two servers can be
// compared line by line. The exit status is 0 when every step is ok, 1 when one is not, and
// 2 when the flags are wrong or the kubeconfig cannot be loaded.
//
//	client-go-proof -kubeconfig PATH [-namespace client-go-proof] [-content-type application/json]
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/clientcmd"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	o, err := parseOptions(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		return 2
	}
	config, err := clientcmd.BuildConfigFromFlags("", o.kubeconfig)
	if err != nil {
		fmt.Fprintf(stderr, "client-go-proof: cannot load kubeconfig %s: %v\n", o.kubeconfig, err)
		return 2
	}
	// Empty keeps client-go's default: protobuf for built-in types, JSON for the rest.
	config.ContentType = o.contentType
	wire := recordWire(config, o.contentType)
	clientset, err := kubernetes.NewForConfig(config)
	if err != nil {
		fmt.Fprintf(stderr, "client-go-proof: cannot build a clientset from kubeconfig %s: %v\n", o.kubeconfig, err)
		return 2
	}
	ctx, cancel := context.WithTimeout(context.Background(), o.timeout)
	defer cancel()
	p := newProof(clientset, o.namespace)
	report := newReporter(stdout)
	failed := runSteps(ctx, p.steps(), report)
	// The wire step runs even after a required step failed: it shows what was sent.
	failed = append(failed, runSteps(ctx, []step{wire.step()}, report)...)
	if len(failed) > 0 {
		fmt.Fprintf(stderr, "client-go-proof: %d step(s) failed: %v\n", len(failed), failed)
		return 1
	}
	return 0
}
