package main

import (
	"flag"
	"fmt"
	"io"
	"time"
)

// contentTypes are the values -content-type accepts; empty is client-go's default.
var contentTypes = map[string]bool{
	"":                                    true,
	"application/json":                    true,
	"application/vnd.kubernetes.protobuf": true,
}

// options are the command-line flags, validated.
type options struct {
	kubeconfig  string
	namespace   string
	contentType string
	timeout     time.Duration
}

// parseOptions reads the flags; flag.ErrHelp for -h. Problems are printed to stderr.
func parseOptions(args []string, stderr io.Writer) (options, error) {
	var o options
	flags := flag.NewFlagSet("client-go-proof", flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.Usage = func() {
		fmt.Fprintln(stderr, "usage: client-go-proof -kubeconfig PATH [flags]")
		fmt.Fprintln(stderr, "Runs client-go's default clientset through create, get, conflicts, retries, status, scale,")
		fmt.Fprintln(stderr, "list, watch and delete, printing one JSON line per step.")
		flags.PrintDefaults()
	}
	flags.StringVar(&o.kubeconfig, "kubeconfig", "", "kubeconfig file (required)")
	flags.StringVar(&o.namespace, "namespace", "client-go-proof", "namespace to create and work in (must not exist)")
	flags.StringVar(&o.contentType, "content-type", "",
		"rest.Config ContentType: empty for client-go's default (protobuf), or application/json")
	flags.DurationVar(&o.timeout, "timeout", 2*time.Minute, "give up on the whole run after this long")
	if err := flags.Parse(args); err != nil {
		return o, err
	}
	var problem string
	switch {
	case flags.NArg() > 0:
		problem = fmt.Sprintf("unexpected argument %q", flags.Arg(0))
	case o.kubeconfig == "":
		problem = "-kubeconfig is required"
	case o.namespace == "":
		problem = "-namespace must not be empty"
	case !contentTypes[o.contentType]:
		problem = fmt.Sprintf("-content-type %q is not one of \"\", application/json, application/vnd.kubernetes.protobuf", o.contentType)
	case o.timeout <= 0:
		problem = fmt.Sprintf("-timeout %v must be positive", o.timeout)
	}
	if problem != "" {
		fmt.Fprintf(stderr, "client-go-proof: %s\n", problem)
		return o, fmt.Errorf("%s", problem)
	}
	return o, nil
}
