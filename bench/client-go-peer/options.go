package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"time"
)

// Strategies the peer runs: client-go's own retry helpers, one try, or uncontended cycles.
const (
	strategyDefaultRetry  = "default-retry"
	strategyCustomBackoff = "custom-backoff"
	strategyNaive         = "naive"
	strategyCycle         = "cycle"
)

// options are the command-line flags, validated.
type options struct {
	kubeconfig  string
	namespace   string
	name        string
	label       string
	workers     int
	strategy    string
	steps       int
	duration    time.Duration
	factor      float64
	jitter      float64
	rateLimit   string
	contentType string
	startAt     time.Time // zero: release as soon as the warm-up is done
	cycles      int
}

// usageError is a problem with the flags: the peer prints it and exits 2.
type usageError struct {
	message string
	printed bool // the flag package has already printed it, with the usage
}

func (e usageError) Error() string { return e.message }

func usagef(format string, args ...any) error {
	return usageError{message: fmt.Sprintf(format, args...)}
}

// parseOptions reads the flags; flag.ErrHelp for -h, a usageError for anything wrong.
func parseOptions(args []string, stderr io.Writer) (options, error) {
	var o options
	flags := flag.NewFlagSet("client-go-peer", flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.Usage = func() {
		fmt.Fprintln(stderr, "usage: client-go-peer --kubeconfig PATH --name NAME [flags]")
		fmt.Fprintln(stderr, "Increments an integer label of one Deployment from concurrent goroutines with client-go,")
		fmt.Fprintln(stderr, "and prints one JSON line of counts and latencies.")
		flags.PrintDefaults()
	}
	flags.StringVar(&o.kubeconfig, "kubeconfig", "", "kubeconfig file (required); used as is, TLS verification on")
	flags.StringVar(&o.namespace, "namespace", "default", "namespace of the Deployment")
	flags.StringVar(&o.name, "name", "", "name of the Deployment (required); it must exist")
	flags.StringVar(&o.label, "label", "biz-version", "the integer label to increment")
	flags.IntVar(&o.workers, "workers", 5, "goroutines, each making one increment")
	flags.StringVar(&o.strategy, "strategy", strategyDefaultRetry, "default-retry | custom-backoff | naive | cycle")
	flags.IntVar(&o.steps, "steps", 30, "custom-backoff: wait.Backoff Steps")
	flags.DurationVar(&o.duration, "duration", 10*time.Millisecond, "custom-backoff: wait.Backoff Duration")
	flags.Float64Var(&o.factor, "factor", 1.5, "custom-backoff: wait.Backoff Factor")
	flags.Float64Var(&o.jitter, "jitter", 1.0, "custom-backoff: wait.Backoff Jitter")
	flags.StringVar(&o.rateLimit, "rate-limit", "default", "default (client-go's QPS 5, burst 10) | off")
	flags.StringVar(&o.contentType, "content-type", "json",
		"json (rest.Config ContentType application/json) | protobuf (client-go's own default for built-in types)")
	startAtMs := flags.Int64("start-at", 0, "wall-clock release time in Unix milliseconds (default: right after the warm-up)")
	flags.IntVar(&o.cycles, "cycles", 5, "cycle: sequential uncontended increments")
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return o, err
		}
		// The flag package has already printed the problem and the usage.
		return o, usageError{message: err.Error(), printed: true}
	}
	if flags.NArg() > 0 {
		return o, usagef("unexpected argument %q (all options are flags)", flags.Arg(0))
	}
	startAtSet := false
	flags.Visit(func(f *flag.Flag) { startAtSet = startAtSet || f.Name == "start-at" })
	switch {
	case o.kubeconfig == "":
		return o, usagef("--kubeconfig is required: the kubeconfig file to connect with")
	case o.name == "":
		return o, usagef("--name is required: the Deployment whose label is incremented")
	case o.namespace == "":
		return o, usagef("--namespace must not be empty")
	case o.label == "":
		return o, usagef("--label must not be empty")
	case o.workers < 1:
		return o, usagef("--workers must be at least 1; got %d", o.workers)
	case o.strategy != strategyDefaultRetry && o.strategy != strategyCustomBackoff &&
		o.strategy != strategyNaive && o.strategy != strategyCycle:
		return o, usagef("--strategy must be default-retry, custom-backoff, naive or cycle; got %q", o.strategy)
	case o.rateLimit != "default" && o.rateLimit != "off":
		return o, usagef("--rate-limit must be default or off; got %q", o.rateLimit)
	case o.contentType != "json" && o.contentType != "protobuf":
		return o, usagef("--content-type must be json or protobuf; got %q", o.contentType)
	case o.steps < 1:
		return o, usagef("--steps must be at least 1; got %d", o.steps)
	case o.duration < 0:
		return o, usagef("--duration must not be negative; got %s", o.duration)
	case o.factor < 0:
		return o, usagef("--factor must not be negative; got %g", o.factor)
	case o.jitter < 0:
		return o, usagef("--jitter must not be negative; got %g", o.jitter)
	case o.cycles < 1:
		return o, usagef("--cycles must be at least 1; got %d", o.cycles)
	case startAtSet && *startAtMs <= 0:
		return o, usagef("--start-at must be a positive Unix time in milliseconds; got %d", *startAtMs)
	}
	if startAtSet {
		o.startAt = time.UnixMilli(*startAtMs)
	}
	return o, nil
}
