package main

import (
	"encoding/json"
	"fmt"
	"os"
	"time"
)

// line is one step's result, printed as one JSON line on stdout for the Node test to check.
type line map[string]any

// report prints a step's line, with the milliseconds since the previous line, and
// remembers whether any step failed.
type report struct {
	failed bool
	last   time.Time
}

func (r *report) step(name string, err error, facts line) bool {
	now := time.Now()
	out := line{"step": name, "ok": err == nil, "ms": now.Sub(r.last).Milliseconds()}
	r.last = now
	for key, value := range facts {
		out[key] = value
	}
	if err != nil {
		out["error"] = err.Error()
		r.failed = true
	}
	encoded, _ := json.Marshal(out)
	fmt.Fprintln(os.Stdout, string(encoded))
	return err == nil
}
