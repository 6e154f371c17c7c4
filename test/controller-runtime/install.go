package main

import (
	"context"
	"fmt"
	"time"

	apiextensionsv1 "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1"
	"k8s.io/apimachinery/pkg/util/wait"
	"k8s.io/client-go/rest"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/envtest"
)

// startEnvironment is what a controller author's suite does, pointed at an existing
// server: envtest installs the CRDs of crdDir and waits until they are served.
func startEnvironment(config *rest.Config, crdDir string) (*envtest.Environment, error) {
	useExisting := true
	env := &envtest.Environment{
		UseExistingCluster:    &useExisting,
		Config:                config,
		CRDDirectoryPaths:     []string{crdDir},
		ErrorIfCRDPathMissing: true,
	}
	if _, err := env.Start(); err != nil {
		return nil, err
	}
	if len(env.CRDs) != 1 {
		return env, fmt.Errorf("envtest installed %d CRDs, want 1", len(env.CRDs))
	}
	return env, nil
}

// waitEstablished waits for the CRD's Established condition, as kubectl wait would.
func waitEstablished(ctx context.Context, c client.Client, name string) error {
	return wait.PollUntilContextTimeout(ctx, 50*time.Millisecond, 30*time.Second, true, func(ctx context.Context) (bool, error) {
		crd := &apiextensionsv1.CustomResourceDefinition{}
		if err := c.Get(ctx, client.ObjectKey{Name: name}, crd); err != nil {
			return false, err
		}
		for _, condition := range crd.Status.Conditions {
			if condition.Type == apiextensionsv1.Established && condition.Status == apiextensionsv1.ConditionTrue {
				return true, nil
			}
		}
		return false, nil
	})
}
