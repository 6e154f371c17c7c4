package main

import (
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime/schema"
)

// The Widget custom resource of crds/widgets.yaml, handled as unstructured objects so the
// program needs no generated Go types.
var widgetKind = schema.GroupVersionKind{Group: "envtest.kubeconflict.dev", Version: "v1", Kind: "Widget"}

func newWidget(namespace, name string) *unstructured.Unstructured {
	widget := &unstructured.Unstructured{}
	widget.SetGroupVersionKind(widgetKind)
	widget.SetNamespace(namespace)
	widget.SetName(name)
	return widget
}

func widgetSize(widget *unstructured.Unstructured) int64 {
	size, _, _ := unstructured.NestedInt64(widget.Object, "spec", "size")
	return size
}
