package main

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestReportPutsStepOkAndErrorFirstThenSortedFacts(t *testing.T) {
	var out bytes.Buffer
	r := newReporter(&out)
	r.report("one", facts{"zeta": 1, "alpha": "a<b"}, nil)
	r.report("two", nil, errors.New("boom"))
	want := `{"step":"one","ok":true,"alpha":"a<b","zeta":1}` + "\n" + `{"step":"two","ok":false,"error":"boom"}` + "\n"
	if got := out.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestRunStepsStopsAfterARequiredFailureOnly(t *testing.T) {
	ran := []string{}
	stepNamed := func(name string, required bool, err error) step {
		return step{name: name, required: required, run: func(context.Context) (facts, error) {
			ran = append(ran, name)
			return nil, err
		}}
	}
	var out bytes.Buffer
	failed := runSteps(context.Background(), []step{
		stepNamed("optional-fails", false, errors.New("no")),
		stepNamed("required-fails", true, errors.New("no")),
		stepNamed("never-runs", false, nil),
	}, newReporter(&out))
	if want := []string{"optional-fails", "required-fails"}; !slices.Equal(ran, want) || !slices.Equal(failed, want) {
		t.Errorf("ran %v, failed %v; want both %v", ran, failed, want)
	}
	if lines := strings.Count(out.String(), "\n"); lines != 2 {
		t.Errorf("%d lines printed, want 2:\n%s", lines, out.String())
	}
}
