package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
)

// facts are what a step observed. encoding/json writes map keys sorted, so a line is the
// same whenever the observations are; values never hold timestamps, uids or versions.
type facts map[string]any

// step is one check of the proof. A required step's failure stops the run: the steps
// after it need what it made.
type step struct {
	name     string
	required bool
	run      func(ctx context.Context) (facts, error)
}

// reporter writes one JSON line per step: {"step":NAME,"ok":BOOL,"error":...,...facts}.
type reporter struct {
	out io.Writer
}

func newReporter(out io.Writer) reporter { return reporter{out: out} }

func (r reporter) report(name string, f facts, err error) {
	head := struct {
		Step  string `json:"step"`
		OK    bool   `json:"ok"`
		Error string `json:"error,omitempty"`
	}{Step: name, OK: err == nil}
	if err != nil {
		head.Error = err.Error()
	}
	line := encode(head)
	if body := encode(f); len(f) > 0 {
		// Splice the facts into the head object, after step, ok and error.
		line = append(append(line[:len(line)-1], ','), body[1:]...)
	}
	fmt.Fprintf(r.out, "%s\n", line)
}

// encode is json.Marshal without HTML escaping, so messages print as the server wrote them.
func encode(v any) []byte {
	var buf bytes.Buffer
	encoder := json.NewEncoder(&buf)
	encoder.SetEscapeHTML(false)
	if err := encoder.Encode(v); err != nil {
		return fmt.Appendf(nil, "%q", "cannot encode: "+err.Error())
	}
	return bytes.TrimRight(buf.Bytes(), "\n")
}

// runSteps runs the steps in order, reports each and returns the names of those that failed.
func runSteps(ctx context.Context, steps []step, r reporter) []string {
	var failed []string
	for _, s := range steps {
		f, err := s.run(ctx)
		r.report(s.name, f, err)
		if err == nil {
			continue
		}
		failed = append(failed, s.name)
		if s.required {
			break
		}
	}
	return failed
}
