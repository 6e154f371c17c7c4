package main

import (
	"context"
	"fmt"
	"time"

	corev1 "k8s.io/api/core/v1"
	apiextensionsv1 "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/util/wait"
	clientgoscheme "k8s.io/client-go/kubernetes/scheme"
	"k8s.io/client-go/rest"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

const (
	crdName    = "widgets.envtest.kubeconflict.dev"
	widgetName = "sprocket"
	widgetSz   = 3
)

func newScheme() *runtime.Scheme {
	scheme := runtime.NewScheme()
	_ = clientgoscheme.AddToScheme(scheme)
	_ = apiextensionsv1.AddToScheme(scheme)
	return scheme
}

// runSteps runs the steps in order; a step whose prerequisite failed is not run.
func runSteps(ctx context.Context, r *report, config *rest.Config, o options) {
	scheme := newScheme()
	// The test's own client: its polling must not hold up the reconciler's requests in one
	// client-side rate limiter (client-go's default: 5 requests a second, bursts of 10).
	tester, err := client.New(config, client.Options{Scheme: scheme})
	if !r.step("client", err, nil) {
		return
	}
	env, err := startEnvironment(config, o.crdDir)
	if err == nil {
		err = waitEstablished(ctx, tester, crdName)
	}
	if !r.step("install-crd", err, line{"crd": crdName, "established": err == nil}) {
		return
	}
	defer func() { r.step("stop-environment", env.Stop(), nil) }()
	namespace := &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: o.namespace}}
	if !r.step("create-namespace", tester.Create(ctx, namespace), nil) {
		return
	}
	widget := newWidget(o.namespace, widgetName)
	widget.Object["spec"] = map[string]any{"size": int64(widgetSz)}
	if !r.step("create-widget", tester.Create(ctx, widget), nil) {
		return
	}
	if !reconcileSteps(ctx, r, config, scheme, tester, o.namespace) {
		return
	}
	r.step("delete-widget", tester.Delete(ctx, widget), nil)
	collected, err := waitGone(ctx, tester, o.namespace, o.gcWait)
	r.step("garbage-collection", err, line{"collected": collected})
}

// reconcileSteps runs the manager until the Widget is reconciled, and checks its work.
func reconcileSteps(ctx context.Context, r *report, config *rest.Config, scheme *runtime.Scheme, tester client.Client, namespace string) bool {
	direct, err := client.New(config, client.Options{Scheme: scheme})
	if err != nil {
		return r.step("reconcile", err, nil)
	}
	other, err := client.New(config, client.Options{Scheme: scheme})
	if err != nil {
		return r.step("reconcile", err, nil)
	}
	reconciler := &widgetReconciler{direct: direct, other: other, scheme: scheme, interfere: true}
	stop, err := runManager(ctx, config, scheme, namespace, reconciler)
	if err != nil {
		return r.step("reconcile", err, nil)
	}
	defer stop()
	facts, err := waitReconciled(ctx, tester, namespace)
	if !r.step("reconcile", err, facts) {
		return false
	}
	attempts, conflicts := reconciler.statusWrites()
	err = nil
	if conflicts < 1 || attempts != conflicts+1 {
		err = fmt.Errorf("status writes: %d attempts, %d conflicts; want one 409 absorbed by the retry", attempts, conflicts)
	}
	return r.step("status-retry-on-conflict", err, line{"attempts": attempts, "conflicts": conflicts})
}

// waitReconciled waits until the Widget's status names its ConfigMap, then checks that
// the ConfigMap holds the size and names the Widget as its controller.
func waitReconciled(ctx context.Context, c client.Client, namespace string) (line, error) {
	widget := newWidget(namespace, widgetName)
	err := wait.PollUntilContextTimeout(ctx, 50*time.Millisecond, 30*time.Second, true, func(ctx context.Context) (bool, error) {
		if err := c.Get(ctx, client.ObjectKeyFromObject(widget), widget); err != nil {
			return false, err
		}
		observed, _, _ := unstructuredInt(widget.Object, "status", "observedSize")
		return observed == widgetSz, nil
	})
	if err != nil {
		return nil, fmt.Errorf("the Widget's status was not written: %w", err)
	}
	configMap := &corev1.ConfigMap{}
	if err := c.Get(ctx, client.ObjectKey{Namespace: namespace, Name: widgetName}, configMap); err != nil {
		return nil, err
	}
	owner := metav1.GetControllerOf(configMap)
	if owner == nil || owner.UID != widget.GetUID() || owner.Kind != widgetKind.Kind {
		return nil, fmt.Errorf("the ConfigMap's controller is %v, want the Widget %s", owner, widget.GetUID())
	}
	facts := line{"configMapSize": configMap.Data["size"], "controllerKind": owner.Kind}
	facts["blockOwnerDeletion"] = owner.BlockOwnerDeletion != nil && *owner.BlockOwnerDeletion
	return facts, nil
}

// waitGone waits up to `limit` for the owned ConfigMap to be deleted by the garbage
// collector. Not collected is reported as an error with collected=false.
func waitGone(ctx context.Context, c client.Client, namespace string, limit time.Duration) (bool, error) {
	key := client.ObjectKey{Namespace: namespace, Name: widgetName}
	// A plain deadline, not a context one: the client's rate limiter would answer a context
	// deadline with an error of its own instead of the NotFound this waits for.
	for deadline := time.Now().Add(limit); ; time.Sleep(50 * time.Millisecond) {
		err := c.Get(ctx, key, &corev1.ConfigMap{})
		if apierrors.IsNotFound(err) {
			return true, nil
		}
		if err != nil {
			return false, err
		}
		if time.Now().After(deadline) {
			return false, fmt.Errorf("the owned ConfigMap was not garbage-collected within %s", limit)
		}
	}
}
