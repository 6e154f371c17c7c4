package main

import (
	"context"
	"errors"
	"maps"
	"slices"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/equality"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// binary holds bytes that are not UTF-8, which a text-only encoding would mangle.
var binary = []byte{0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff}

// configMap creates a ConfigMap with text and binary data and reads it back unchanged.
func (p *proof) configMap(ctx context.Context) (facts, error) {
	configMaps := p.clientset.CoreV1().ConfigMaps(p.namespace)
	sent := &corev1.ConfigMap{
		ObjectMeta: metav1.ObjectMeta{Name: configMapName},
		Data:       map[string]string{"greeting": "hello", "lines": "one\ntwo\n", "unicode": "größe ✓"},
		BinaryData: map[string][]byte{"blob": binary},
	}
	if _, err := configMaps.Create(ctx, sent, metav1.CreateOptions{}); err != nil {
		return statusFacts(err), err
	}
	got, err := configMaps.Get(ctx, configMapName, metav1.GetOptions{})
	if err != nil {
		return statusFacts(err), err
	}
	// []byte values print as base64.
	f := facts{"data": got.Data, "binaryData": got.BinaryData}
	return f, errors.Join(
		expect("data round trip", equality.Semantic.DeepEqual(got.Data, sent.Data), true),
		expect("binaryData round trip", equality.Semantic.DeepEqual(got.BinaryData, sent.BinaryData), true),
	)
}

// secret creates a Secret with binary data and stringData, and reads back both as data.
// Only key names and sizes are printed, as a client should treat a Secret.
func (p *proof) secret(ctx context.Context) (facts, error) {
	secrets := p.clientset.CoreV1().Secrets(p.namespace)
	sent := &corev1.Secret{
		ObjectMeta: metav1.ObjectMeta{Name: secretName},
		Type:       corev1.SecretTypeOpaque,
		Data:       map[string][]byte{"key": binary},
		StringData: map[string]string{"password": "not-a-real-one"},
	}
	if _, err := secrets.Create(ctx, sent, metav1.CreateOptions{}); err != nil {
		return statusFacts(err), err
	}
	got, err := secrets.Get(ctx, secretName, metav1.GetOptions{})
	if err != nil {
		return statusFacts(err), err
	}
	sizes := map[string]int{}
	for key, value := range got.Data {
		sizes[key] = len(value)
	}
	want := map[string][]byte{"key": binary, "password": []byte("not-a-real-one")}
	f := facts{
		"type":           string(got.Type),
		"dataSizes":      sizes,
		"stringDataKeys": slices.Sorted(maps.Keys(got.StringData)),
	}
	return f, errors.Join(
		expect("type", got.Type, corev1.SecretTypeOpaque),
		expect("data round trip (stringData merged in)", equality.Semantic.DeepEqual(got.Data, want), true),
		expect("stringData on read", len(got.StringData), 0),
	)
}
