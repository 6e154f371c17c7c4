package main

import (
	"context"
	"fmt"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/client-go/rest"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/cache"
	"sigs.k8s.io/controller-runtime/pkg/controller"
	metricsserver "sigs.k8s.io/controller-runtime/pkg/metrics/server"
)

// runManager starts a manager whose cache watches one namespace, with the Widget
// controller, and returns a function that stops it and waits until it has stopped.
func runManager(ctx context.Context, config *rest.Config, scheme *runtime.Scheme, namespace string, r *widgetReconciler) (func(), error) {
	mgr, err := ctrl.NewManager(config, ctrl.Options{
		Scheme:                 scheme,
		Metrics:                metricsserver.Options{BindAddress: "0"},
		HealthProbeBindAddress: "0",
		Cache:                  cache.Options{DefaultNamespaces: map[string]cache.Config{namespace: {}}},
	})
	if err != nil {
		return nil, fmt.Errorf("creating the manager: %w", err)
	}
	r.client = mgr.GetClient()
	skip := true
	err = ctrl.NewControllerManagedBy(mgr).
		For(newWidget("", "")).
		Owns(&corev1.ConfigMap{}).
		Named("widget").
		WithOptions(controller.Options{SkipNameValidation: &skip}).
		Complete(r)
	if err != nil {
		return nil, fmt.Errorf("building the controller: %w", err)
	}
	managerCtx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- mgr.Start(managerCtx) }()
	return func() { cancel(); <-done }, nil
}

func unstructuredInt(object map[string]any, fields ...string) (int64, bool, error) {
	return unstructured.NestedInt64(object, fields...)
}
