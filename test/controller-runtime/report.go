package main

import (
	"encoding/json"
	"fmt"
	"os"
)

// line is one step's result, printed as one JSON line on stdout for the Node test to check.
type line map[string]any

// report prints a step's line and remembers whether any step failed.
type report struct{ failed bool }

func (r *report) step(name string, err error, facts line) bool {
	out := line{"step": name, "ok": err == nil}
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
