package main

import (
	"io"
	"strings"
	"testing"
)

func TestParseOptionsNamesWhatIsWrong(t *testing.T) {
	cases := map[string][]string{
		"-kubeconfig is required":           {},
		`-content-type "text/plain" is not`: {"-kubeconfig", "k", "-content-type", "text/plain"},
		`unexpected argument "extra"`:       {"-kubeconfig", "k", "extra"},
		"-namespace must not be empty":      {"-kubeconfig", "k", "-namespace", ""},
	}
	for want, args := range cases {
		var stderr strings.Builder
		if _, err := parseOptions(args, &stderr); err == nil || !strings.Contains(stderr.String(), want) {
			t.Errorf("%v: err %v, stderr %q; want it to say %q", args, err, stderr.String(), want)
		}
	}
}

func TestParseOptionsDefaultsToClientGosContentType(t *testing.T) {
	o, err := parseOptions([]string{"-kubeconfig", "k"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if o.contentType != "" || o.namespace != "client-go-proof" {
		t.Errorf("got content type %q, namespace %q", o.contentType, o.namespace)
	}
}
