package main

import (
	"context"
	"errors"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/equality"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/utils/ptr"
)

// conditionTime is a fixed condition time, so the output stays the same from run to run.
var conditionTime = metav1.NewTime(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))

// writtenStatus is what updateStatus writes, as a controller would.
func writtenStatus(generation int64) appsv1.DeploymentStatus {
	return appsv1.DeploymentStatus{
		ObservedGeneration: generation,
		Replicas:           1,
		UpdatedReplicas:    1,
		ReadyReplicas:      1,
		AvailableReplicas:  1,
		Conditions: []appsv1.DeploymentCondition{{
			Type:               appsv1.DeploymentAvailable,
			Status:             corev1.ConditionTrue,
			Reason:             "MinimumReplicasAvailable",
			Message:            "written by client-go-proof",
			LastUpdateTime:     conditionTime,
			LastTransitionTime: conditionTime,
		}},
	}
}

func statusFactsOf(s appsv1.DeploymentStatus) facts {
	conditions := make([]facts, 0, len(s.Conditions))
	for _, c := range s.Conditions {
		conditions = append(conditions, facts{
			"type": string(c.Type), "status": string(c.Status), "reason": c.Reason, "message": c.Message,
			"lastUpdateTime": c.LastUpdateTime.UTC().Format(time.RFC3339), "lastTransitionTime": c.LastTransitionTime.UTC().Format(time.RFC3339),
		})
	}
	return facts{
		"observedGeneration": s.ObservedGeneration,
		"replicas":           s.Replicas,
		"updatedReplicas":    s.UpdatedReplicas,
		"readyReplicas":      s.ReadyReplicas,
		"availableReplicas":  s.AvailableReplicas,
		"conditions":         conditions,
	}
}

// updateStatus writes the status through /status, sending a changed spec and label too:
// the status subresource must take the status and leave spec and labels alone.
func (p *proof) updateStatus(ctx context.Context) (facts, error) {
	before, err := p.deployments().Get(ctx, deploymentName, metav1.GetOptions{})
	if err != nil {
		return statusFacts(err), err
	}
	sent := before.DeepCopy()
	sent.Status = writtenStatus(before.Generation)
	sent.Spec.Replicas = ptr.To[int32](9)
	sent.Labels[counterLabel] = "999"
	written, err := p.deployments().UpdateStatus(ctx, sent, metav1.UpdateOptions{})
	if err != nil {
		return statusFacts(err), err
	}
	stored, err := p.deployments().Get(ctx, deploymentName, metav1.GetOptions{})
	if err != nil {
		return statusFacts(err), err
	}
	f := deploymentFacts(written)
	f["status"] = statusFactsOf(written.Status)
	f["storedAsReturned"] = equality.Semantic.DeepEqual(stored, written)
	return f, errors.Join(
		expect("spec left alone", equality.Semantic.DeepEqual(written.Spec, before.Spec), true),
		expect("labels left alone", equality.Semantic.DeepEqual(written.Labels, before.Labels), true),
		expect("status written", equality.Semantic.DeepEqual(written.Status, sent.Status), true),
		expect("generation", written.Generation, before.Generation),
		expect("stored as returned", equality.Semantic.DeepEqual(stored, written), true),
	)
}

func (p *proof) getScale(ctx context.Context) (facts, error) {
	scale, err := p.deployments().GetScale(ctx, deploymentName, metav1.GetOptions{})
	if err != nil {
		return statusFacts(err), err
	}
	f := facts{
		"name":           scale.Name,
		"specReplicas":   scale.Spec.Replicas,
		"statusReplicas": scale.Status.Replicas,
		"selector":       scale.Status.Selector,
	}
	return f, expect("spec.replicas", scale.Spec.Replicas, 1)
}

// updateScale sets three replicas through /scale, then reads the Deployment back.
func (p *proof) updateScale(ctx context.Context) (facts, error) {
	scale, err := p.deployments().GetScale(ctx, deploymentName, metav1.GetOptions{})
	if err != nil {
		return statusFacts(err), err
	}
	scale.Spec.Replicas = 3
	updated, err := p.deployments().UpdateScale(ctx, deploymentName, scale, metav1.UpdateOptions{})
	if err != nil {
		return statusFacts(err), err
	}
	after, err := p.deployments().Get(ctx, deploymentName, metav1.GetOptions{})
	if err != nil {
		return statusFacts(err), err
	}
	f := deploymentFacts(after)
	f["scaleSpecReplicas"] = updated.Spec.Replicas
	f["statusReplicas"] = after.Status.Replicas
	return f, errors.Join(
		expect("scale spec.replicas", updated.Spec.Replicas, 3),
		expect("deployment spec.replicas", ptr.Deref(after.Spec.Replicas, -1), 3),
	)
}
