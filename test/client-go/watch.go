package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/watch"
)

// watchTimeout bounds the wait for the watch event; the event follows an update at once.
const watchTimeout = 30 * time.Second

var proofSelector = appLabel + "=" + deploymentName

// list lists by label selector, once matching the Deployment and once matching nothing.
func (p *proof) list(ctx context.Context) (facts, error) {
	matching, err := p.deployments().List(ctx, metav1.ListOptions{LabelSelector: proofSelector})
	if err != nil {
		return statusFacts(err), err
	}
	p.listVersion = matching.ResourceVersion
	names := make([]string, 0, len(matching.Items))
	for _, d := range matching.Items {
		names = append(names, d.Name)
	}
	none, err := p.deployments().List(ctx, metav1.ListOptions{LabelSelector: counterLabel + "=101"})
	if err != nil {
		return statusFacts(err), err
	}
	f := facts{"selector": proofSelector, "names": names, "staleSelectorItems": len(none.Items)}
	return f, errors.Join(
		expect("items matching "+proofSelector, len(names), 1),
		expect("items matching "+counterLabel+"=101", len(none.Items), 0),
		expect("list resourceVersion set", matching.ResourceVersion != "", true),
	)
}

// watch starts from the list's resourceVersion, annotates the Deployment and expects
// exactly that change as the first event.
func (p *proof) watch(ctx context.Context) (facts, error) {
	if p.listVersion == "" {
		return facts{}, errors.New("no list resourceVersion to watch from (the list step failed)")
	}
	ctx, cancel := context.WithTimeout(ctx, watchTimeout)
	defer cancel()
	w, err := p.deployments().Watch(ctx, metav1.ListOptions{LabelSelector: proofSelector, ResourceVersion: p.listVersion})
	if err != nil {
		return statusFacts(err), err
	}
	defer w.Stop()
	current, err := p.deployments().Get(ctx, deploymentName, metav1.GetOptions{})
	if err != nil {
		return statusFacts(err), err
	}
	if current.Annotations == nil {
		current.Annotations = map[string]string{}
	}
	current.Annotations["proof/watched"] = "yes"
	updated, err := p.deployments().Update(ctx, current, metav1.UpdateOptions{})
	if err != nil {
		return statusFacts(err), err
	}
	event, err := nextEvent(ctx, w)
	if err != nil {
		return facts{}, err
	}
	if status, ok := event.Object.(*metav1.Status); ok {
		f := statusFacts(apierrors.FromObject(status))
		f["type"] = string(event.Type)
		return f, fmt.Errorf("watch event %s: %s", event.Type, status.Message)
	}
	d, ok := event.Object.(*appsv1.Deployment)
	if !ok {
		return facts{"type": string(event.Type)}, fmt.Errorf("event object is a %T, not a Deployment", event.Object)
	}
	f := deploymentFacts(d)
	f["type"] = string(event.Type)
	f["resourceVersionOfUpdate"] = d.ResourceVersion == updated.ResourceVersion
	return f, errors.Join(
		expect("event type", event.Type, watch.Modified),
		expect("annotation proof/watched", d.Annotations["proof/watched"], "yes"),
		expect("event resourceVersion is the update's", d.ResourceVersion, updated.ResourceVersion),
	)
}

func nextEvent(ctx context.Context, w watch.Interface) (watch.Event, error) {
	select {
	case event, open := <-w.ResultChan():
		if !open {
			return event, errors.New("the watch closed before any event")
		}
		return event, nil
	case <-ctx.Done():
		return watch.Event{}, fmt.Errorf("no watch event within %v", watchTimeout)
	}
}

// delete deletes the Deployment; a Get after it must be 404 NotFound.
func (p *proof) delete(ctx context.Context) (facts, error) {
	if err := p.deployments().Delete(ctx, deploymentName, metav1.DeleteOptions{}); err != nil {
		return statusFacts(err), err
	}
	_, err := p.deployments().Get(ctx, deploymentName, metav1.GetOptions{})
	if err == nil {
		return facts{}, errors.New("the Deployment is still there after Delete")
	}
	f := statusFacts(err)
	f["isNotFound"] = apierrors.IsNotFound(err)
	return f, expect("errors.IsNotFound", apierrors.IsNotFound(err), true)
}
