package main

import (
	"context"
	"strconv"
	"sync"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/client-go/util/retry"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/controller/controllerutil"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

// widgetReconciler keeps a ConfigMap owned by each Widget (data.size = spec.size) and
// records it in the Widget's status. The first status write meets a concurrent writer, so
// it gets a 409 that retry.RetryOnConflict must absorb.
type widgetReconciler struct {
	client client.Client // the manager's client: reads from its cache
	direct client.Client // reads from the server, for the read-modify-write of status
	other  client.Client // a second writer, as another controller would be
	scheme *runtime.Scheme

	mu        sync.Mutex
	interfere bool // true until the concurrent writer has written once
	attempts  int  // status write attempts of the reconcile that met the writer
	conflicts int
}

func (r *widgetReconciler) Reconcile(ctx context.Context, request reconcile.Request) (reconcile.Result, error) {
	widget := newWidget(request.Namespace, request.Name)
	if err := r.client.Get(ctx, request.NamespacedName, widget); err != nil {
		return reconcile.Result{}, client.IgnoreNotFound(err)
	}
	if !widget.GetDeletionTimestamp().IsZero() {
		return reconcile.Result{}, nil
	}
	configMap := &corev1.ConfigMap{}
	configMap.Namespace, configMap.Name = widget.GetNamespace(), widget.GetName()
	size := widgetSize(widget)
	_, err := controllerutil.CreateOrUpdate(ctx, r.client, configMap, func() error {
		configMap.Data = map[string]string{"size": strconv.FormatInt(size, 10)}
		return controllerutil.SetControllerReference(widget, configMap, r.scheme)
	})
	if err != nil {
		return reconcile.Result{}, err
	}
	return reconcile.Result{}, r.writeStatus(ctx, request, configMap.Name, size)
}

func (r *widgetReconciler) writeStatus(ctx context.Context, request reconcile.Request, configMap string, size int64) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	counting := r.interfere
	return retry.RetryOnConflict(retry.DefaultRetry, func() error {
		fresh := newWidget(request.Namespace, request.Name)
		if err := r.direct.Get(ctx, request.NamespacedName, fresh); err != nil {
			return err
		}
		if r.interfere {
			r.interfere = false
			if err := r.touch(ctx, fresh); err != nil {
				return err
			}
		}
		status := map[string]any{"configMap": configMap, "observedSize": size}
		if err := unstructured.SetNestedMap(fresh.Object, status, "status"); err != nil {
			return err
		}
		err := r.direct.Status().Update(ctx, fresh)
		if counting {
			r.attempts++
			if apierrors.IsConflict(err) {
				r.conflicts++
			}
		}
		return err
	})
}

// touch writes the Widget from the second client after fresh was read, so fresh is stale.
func (r *widgetReconciler) touch(ctx context.Context, fresh *unstructured.Unstructured) error {
	other := fresh.DeepCopy()
	annotations := other.GetAnnotations()
	if annotations == nil {
		annotations = map[string]string{}
	}
	annotations["envtest.kubeconflict.dev/touched-by"] = "another-writer"
	other.SetAnnotations(annotations)
	return r.other.Update(ctx, other)
}

func (r *widgetReconciler) statusWrites() (attempts, conflicts int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.attempts, r.conflicts
}
