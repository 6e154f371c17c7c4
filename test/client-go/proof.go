package main

import (
	"errors"
	"fmt"

	appsv1 "k8s.io/api/apps/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/client-go/kubernetes"
	appsv1client "k8s.io/client-go/kubernetes/typed/apps/v1"
)

// Names of what the proof creates in its namespace.
const (
	deploymentName = "proof"
	configMapName  = "proof-config"
	secretName     = "proof-secret"
	counterLabel   = "biz-version"
	appLabel       = "app"
)

// proof runs the steps with one clientset, carrying what a step made to the steps after it.
type proof struct {
	clientset   kubernetes.Interface
	namespace   string
	created     *appsv1.Deployment // as Create returned it
	listVersion string             // the list's resourceVersion, where the watch starts
}

func newProof(clientset kubernetes.Interface, namespace string) *proof {
	return &proof{clientset: clientset, namespace: namespace}
}

func (p *proof) deployments() appsv1client.DeploymentInterface {
	return p.clientset.AppsV1().Deployments(p.namespace)
}

// steps lists the proof in the order it runs.
func (p *proof) steps() []step {
	return []step{
		{name: "create-namespace", required: true, run: p.createNamespace},
		{name: "create-deployment", required: true, run: p.createDeployment},
		{name: "get-deployment", run: p.getDeployment},
		{name: "update-stale", run: p.updateStale},
		{name: "retry-on-conflict", run: p.retryOnConflict},
		{name: "update-status", run: p.updateStatus},
		{name: "get-scale", run: p.getScale},
		{name: "update-scale", run: p.updateScale},
		{name: "list", run: p.list},
		{name: "watch", run: p.watch},
		{name: "delete", run: p.delete},
		{name: "configmap", run: p.configMap},
		{name: "secret", run: p.secret},
	}
}

// statusFacts are what a client relies on in an error: the code, reason and exact message.
func statusFacts(err error) facts {
	var status apierrors.APIStatus
	if !errors.As(err, &status) {
		return facts{"notAnAPIStatus": err.Error()}
	}
	s := status.Status()
	f := facts{"code": s.Code, "reason": string(s.Reason), "message": s.Message}
	if d := s.Details; d != nil {
		f["details"] = facts{"name": d.Name, "group": d.Group, "kind": d.Kind}
	}
	return f
}

// expect returns an error naming what differs when got is not want.
func expect[T comparable](what string, got, want T) error {
	if got != want {
		return fmt.Errorf("%s: got %v, want %v", what, got, want)
	}
	return nil
}
