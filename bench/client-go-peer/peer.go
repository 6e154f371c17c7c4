package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/wait"
	appsv1client "k8s.io/client-go/kubernetes/typed/apps/v1"
	"k8s.io/client-go/util/retry"
)

// maxErrors bounds the non-conflict error messages kept for the result.
const maxErrors = 10

// maxWarmupConcurrency matches client-go's idle connections per host (transport/cache.go),
// so the warm-up leaves that many connections open and no more.
const maxWarmupConcurrency = 25

type peer struct {
	options options
	warm    appsv1client.DeploymentInterface
	work    appsv1client.DeploymentInterface

	attempts  atomic.Int64
	conflicts atomic.Int64
	requests  atomic.Int64

	mu     sync.Mutex
	result result
}

// run warms the connections up, releases the workers together and returns the counts.
func (p *peer) run(stderr io.Writer) result {
	p.result = newResult(p.options)
	ctx := context.Background()
	if p.options.strategy == strategyCycle {
		p.warmUp(ctx, 1, stderr)
		p.waitForStart(stderr)
		p.runCycles(ctx)
	} else {
		p.runWorkers(ctx, stderr)
	}
	p.result.Attempts = p.attempts.Load()
	p.result.Conflicts = p.conflicts.Load()
	p.result.Requests = p.requests.Load()
	return p.result
}

// warmUp makes one GET per worker, at most 25 at a time, so the connections exist before
// the release. Its errors go to stderr only: the workers meet the same problem and count it.
func (p *peer) warmUp(ctx context.Context, gets int, stderr io.Writer) {
	slots := make(chan struct{}, maxWarmupConcurrency)
	var wg sync.WaitGroup
	var once sync.Once
	for range gets {
		slots <- struct{}{}
		wg.Go(func() {
			defer func() { <-slots }()
			if _, err := p.warm.Get(ctx, p.options.name, metav1.GetOptions{}); err != nil {
				once.Do(func() { fmt.Fprintf(stderr, "client-go-peer: warm-up GET failed: %v\n", err) })
			}
		})
	}
	wg.Wait()
}

func (p *peer) waitForStart(stderr io.Writer) {
	if p.options.startAt.IsZero() {
		return
	}
	wait := time.Until(p.options.startAt)
	if wait < 0 {
		fmt.Fprintf(stderr, "client-go-peer: --start-at was %s ago (after the warm-up); starting now\n", -wait)
		return
	}
	time.Sleep(wait)
}

func (p *peer) runWorkers(ctx context.Context, stderr io.Writer) {
	release := make(chan struct{})
	var releasedAt time.Time
	var lastDone time.Duration
	var wg sync.WaitGroup
	for range p.options.workers {
		wg.Go(func() {
			<-release
			err := p.increment(ctx)
			elapsed := time.Since(releasedAt)
			p.mu.Lock()
			defer p.mu.Unlock()
			lastDone = max(lastDone, elapsed)
			if err == nil {
				p.result.Succeeded++
				p.result.LatenciesMs = append(p.result.LatenciesMs, ms(elapsed))
			} else {
				p.fail(err)
			}
		})
	}
	p.warmUp(ctx, p.options.workers, stderr)
	p.waitForStart(stderr)
	releasedAt = time.Now() // written before close(release): every worker sees it
	close(release)
	wg.Wait()
	p.result.WallMs = ms(lastDone)
}

// increment is one worker's increment under the chosen strategy.
func (p *peer) increment(ctx context.Context) error {
	attempt := func() error { return p.attempt(ctx) }
	switch p.options.strategy {
	case strategyDefaultRetry:
		return retry.RetryOnConflict(retry.DefaultRetry, attempt)
	case strategyCustomBackoff:
		return retry.RetryOnConflict(wait.Backoff{
			Steps:    p.options.steps,
			Duration: p.options.duration,
			Factor:   p.options.factor,
			Jitter:   p.options.jitter,
		}, attempt)
	default: // naive: one try, a conflict fails
		return attempt()
	}
}

// runCycles makes the increments one after another, uncontended: each cycle's time is one
// Get+Update round trip pair, and their median is the serial bound.
func (p *peer) runCycles(ctx context.Context) {
	p.result.CyclesMs = []float64{}
	started := time.Now()
	for range p.options.cycles {
		cycleStart := time.Now()
		err := p.attempt(ctx)
		elapsed := ms(time.Since(cycleStart))
		p.result.CyclesMs = append(p.result.CyclesMs, elapsed)
		if err == nil {
			p.result.Succeeded++
			p.result.LatenciesMs = append(p.result.LatenciesMs, elapsed)
		} else {
			p.fail(err)
		}
	}
	p.result.WallMs = ms(time.Since(started))
}

// fail counts a failed increment; non-conflict errors are kept (the first few).
func (p *peer) fail(err error) {
	p.result.Failed++
	if !apierrors.IsConflict(err) && len(p.result.Errors) < maxErrors {
		p.result.Errors = append(p.result.Errors, err.Error())
	}
}

// attempt is one Get (no resourceVersion: the latest) and one Update of the label + 1. The
// Update carries the resourceVersion the Get returned, so a concurrent write is a 409.
func (p *peer) attempt(ctx context.Context) error {
	p.attempts.Add(1)
	p.requests.Add(1)
	deployment, err := p.work.Get(ctx, p.options.name, metav1.GetOptions{})
	if err != nil {
		p.countConflict(err)
		return err
	}
	label := p.options.label
	text, ok := deployment.Labels[label]
	if !ok {
		return fmt.Errorf("label %s of deployment %s/%s is missing; it must hold an integer",
			label, p.options.namespace, p.options.name)
	}
	value, err := strconv.ParseInt(text, 10, 64)
	if err != nil {
		return fmt.Errorf("label %s of deployment %s/%s is not an integer: %q",
			label, p.options.namespace, p.options.name, text)
	}
	deployment.Labels[label] = strconv.FormatInt(value+1, 10)
	p.requests.Add(1)
	_, err = p.work.Update(ctx, deployment, metav1.UpdateOptions{})
	p.countConflict(err)
	return err
}

func (p *peer) countConflict(err error) {
	if apierrors.IsConflict(err) {
		p.conflicts.Add(1)
	}
}
