package main

import (
	"context"
	"errors"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/utils/ptr"
)

// newDeployment is the proof's Deployment: one replica, the counter label at 101.
func newDeployment() *appsv1.Deployment {
	selector := map[string]string{appLabel: deploymentName}
	return &appsv1.Deployment{
		ObjectMeta: metav1.ObjectMeta{
			Name:   deploymentName,
			Labels: map[string]string{appLabel: deploymentName, counterLabel: "101"},
		},
		Spec: appsv1.DeploymentSpec{
			Replicas: ptr.To[int32](1),
			Selector: &metav1.LabelSelector{MatchLabels: selector},
			Template: corev1.PodTemplateSpec{
				ObjectMeta: metav1.ObjectMeta{Labels: selector},
				Spec: corev1.PodSpec{
					Containers: []corev1.Container{{Name: "app", Image: "registry.k8s.io/pause:3.10"}},
				},
			},
		},
	}
}

// deploymentFacts are the fields the steps change or rely on.
func deploymentFacts(d *appsv1.Deployment) facts {
	return facts{
		"name":        d.Name,
		"labels":      d.Labels,
		"annotations": d.Annotations,
		"replicas":    ptr.Deref(d.Spec.Replicas, -1),
		"generation":  d.Generation,
	}
}

// defaultsFacts are fields the server fills in on create: a client reads them back.
func defaultsFacts(d *appsv1.Deployment) facts {
	pod := d.Spec.Template.Spec
	f := facts{
		"strategy":                string(d.Spec.Strategy.Type),
		"revisionHistoryLimit":    ptr.Deref(d.Spec.RevisionHistoryLimit, -1),
		"progressDeadlineSeconds": ptr.Deref(d.Spec.ProgressDeadlineSeconds, -1),
		"restartPolicy":           string(pod.RestartPolicy),
		"dnsPolicy":               string(pod.DNSPolicy),
		"schedulerName":           pod.SchedulerName,
	}
	if rolling := d.Spec.Strategy.RollingUpdate; rolling != nil {
		f["maxSurge"] = rolling.MaxSurge.String()
		f["maxUnavailable"] = rolling.MaxUnavailable.String()
	}
	if len(pod.Containers) > 0 {
		f["imagePullPolicy"] = string(pod.Containers[0].ImagePullPolicy)
		f["terminationMessagePath"] = pod.Containers[0].TerminationMessagePath
	}
	return f
}

func (p *proof) createNamespace(ctx context.Context) (facts, error) {
	namespace := &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: p.namespace}}
	created, err := p.clientset.CoreV1().Namespaces().Create(ctx, namespace, metav1.CreateOptions{})
	if err != nil {
		return statusFacts(err), err
	}
	return facts{"phase": string(created.Status.Phase)}, nil
}

func (p *proof) createDeployment(ctx context.Context) (facts, error) {
	created, err := p.deployments().Create(ctx, newDeployment(), metav1.CreateOptions{})
	if err != nil {
		return statusFacts(err), err
	}
	p.created = created
	f := deploymentFacts(created)
	f["defaults"] = defaultsFacts(created)
	f["hasUID"] = created.UID != ""
	f["hasResourceVersion"] = created.ResourceVersion != ""
	f["hasCreationTimestamp"] = !created.CreationTimestamp.IsZero()
	return f, errors.Join(
		expect("label "+counterLabel, created.Labels[counterLabel], "101"),
		expect("spec.replicas", ptr.Deref(created.Spec.Replicas, -1), 1),
	)
}

func (p *proof) getDeployment(ctx context.Context) (facts, error) {
	got, err := p.deployments().Get(ctx, deploymentName, metav1.GetOptions{})
	if err != nil {
		return statusFacts(err), err
	}
	f := deploymentFacts(got)
	f["sameUID"] = got.UID == p.created.UID
	f["sameResourceVersion"] = got.ResourceVersion == p.created.ResourceVersion
	return f, errors.Join(
		expect("uid", got.UID, p.created.UID),
		expect("resourceVersion", got.ResourceVersion, p.created.ResourceVersion),
	)
}

// updateStale writes an annotation, then sends the copy read before that write: the
// server must refuse it with 409 Conflict, as optimistic concurrency promises.
func (p *proof) updateStale(ctx context.Context) (facts, error) {
	fresh, err := p.deployments().Get(ctx, deploymentName, metav1.GetOptions{})
	if err != nil {
		return statusFacts(err), err
	}
	stale := fresh.DeepCopy()
	fresh.Annotations = map[string]string{"proof/touched": "yes"}
	touched, err := p.deployments().Update(ctx, fresh, metav1.UpdateOptions{})
	if err != nil {
		return statusFacts(err), err
	}
	stale.Labels[counterLabel] = "999"
	_, err = p.deployments().Update(ctx, stale, metav1.UpdateOptions{})
	if err == nil {
		return facts{}, errors.New("an update with a stale resourceVersion succeeded")
	}
	f := statusFacts(err)
	f["isConflict"] = apierrors.IsConflict(err)
	f["freshUpdate"] = deploymentFacts(touched)
	return f, expect("errors.IsConflict", apierrors.IsConflict(err), true)
}
