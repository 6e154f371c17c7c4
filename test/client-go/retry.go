package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/util/retry"
)

// workers is how many goroutines add one to the counter label at once.
const workers = 5

// retryOnConflict releases the workers together; each reads the Deployment, adds one to
// the counter label and updates, under retry.RetryOnConflict(retry.DefaultRetry). None may
// be lost: every failed try met a write made after its read, so the last worker needs at
// most `workers` tries, within DefaultRetry's five steps.
func (p *proof) retryOnConflict(ctx context.Context) (facts, error) {
	before, err := p.deployments().Get(ctx, deploymentName, metav1.GetOptions{})
	if err != nil {
		return statusFacts(err), err
	}
	start, err := strconv.Atoi(before.Labels[counterLabel])
	if err != nil {
		return facts{}, fmt.Errorf("label %s is not an integer: %w", counterLabel, err)
	}
	errs := p.incrementTogether(ctx)
	after, err := p.deployments().Get(ctx, deploymentName, metav1.GetOptions{})
	if err != nil {
		return statusFacts(err), err
	}
	f := facts{
		"workers":    workers,
		"failed":     len(errs),
		"startLabel": before.Labels[counterLabel],
		"finalLabel": after.Labels[counterLabel],
	}
	return f, errors.Join(append(errs, expect("final label", after.Labels[counterLabel], strconv.Itoa(start+workers)))...)
}

// incrementTogether runs the workers behind a barrier and returns their errors.
func (p *proof) incrementTogether(ctx context.Context) []error {
	var ready, done sync.WaitGroup
	release := make(chan struct{})
	errs := make([]error, workers)
	for i := range workers {
		ready.Add(1)
		done.Go(func() {
			ready.Done()
			<-release
			errs[i] = retry.RetryOnConflict(retry.DefaultRetry, func() error { return p.increment(ctx) })
		})
	}
	ready.Wait()
	close(release)
	done.Wait()
	return nonNil(errs)
}

// increment is one try: read, add one to the counter label, update.
func (p *proof) increment(ctx context.Context) error {
	d, err := p.deployments().Get(ctx, deploymentName, metav1.GetOptions{})
	if err != nil {
		return err
	}
	n, err := strconv.Atoi(d.Labels[counterLabel])
	if err != nil {
		return fmt.Errorf("label %s is not an integer: %w", counterLabel, err)
	}
	d.Labels[counterLabel] = strconv.Itoa(n + 1)
	_, err = p.deployments().Update(ctx, d, metav1.UpdateOptions{})
	return err
}

func nonNil(errs []error) []error {
	var kept []error
	for _, err := range errs {
		if err != nil {
			kept = append(kept, err)
		}
	}
	return kept
}
