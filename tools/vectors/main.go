// Command vectors drives client-go's own retry code with scripted outcomes and writes
// what it did as JSON test vectors. kubeconflict's TypeScript tests replay them, so the
// TS retry loop is checked against the real k8s.io/client-go and k8s.io/apimachinery,
// not against our reading of them.
//
// Jitter is zero everywhere: client-go's random source is not injectable, so only
// deterministic behaviour can be recorded. Sleeps are real (client-go calls time.Sleep),
// which is why durations stay in the tens of milliseconds.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/util/wait"
	"k8s.io/client-go/util/retry"
)

// backoffJSON is wait.Backoff with durations in milliseconds, as kubeconflict takes them.
type backoffJSON struct {
	DurationMs float64 `json:"durationMs"`
	Factor     float64 `json:"factor"`
	Jitter     float64 `json:"jitter"`
	Steps      int     `json:"steps"`
	CapMs      float64 `json:"capMs"`
}

func (b backoffJSON) toWait() wait.Backoff {
	return wait.Backoff{
		Duration: time.Duration(b.DurationMs * float64(time.Millisecond)),
		Factor:   b.Factor,
		Jitter:   b.Jitter,
		Steps:    b.Steps,
		Cap:      time.Duration(b.CapMs * float64(time.Millisecond)),
	}
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

type stepResult struct {
	SleepMs    float64 `json:"sleepMs"`
	DurationMs float64 `json:"durationMs"`
	Steps      int     `json:"steps"`
}

type stepVector struct {
	Name    string       `json:"name"`
	Backoff backoffJSON  `json:"backoff"`
	Results []stepResult `json:"results"`
}

type retryResult struct {
	// "ok", or "error" with the 1-based call whose error was returned.
	Kind     string `json:"kind"`
	FromCall int    `json:"fromCall,omitempty"`
}

type retryVector struct {
	Name     string      `json:"name"`
	Function string      `json:"function"`
	Backoff  backoffJSON `json:"backoff"`
	// One outcome per call: "ok", "conflict" (a 409 Conflict StatusError) or
	// "notFound" (a 404, not retriable by RetryOnConflict).
	Outcomes []string    `json:"outcomes"`
	Calls    int         `json:"calls"`
	SleepsMs []float64   `json:"sleepsMs"`
	Result   retryResult `json:"result"`
}

type conflictVector struct {
	Reason      string   `json:"reason"`
	Code        int32    `json:"code"`
	CauseTypes  []string `json:"causeTypes"`
	IsConflict  bool     `json:"isConflict"`
	IsTooMany   bool     `json:"isTooManyRequests"`
	IsNotFound  bool     `json:"isNotFound"`
	IsAlreadyEx bool     `json:"isAlreadyExists"`
}

type vectors struct {
	GeneratedBy string           `json:"generatedBy"`
	Step        []stepVector     `json:"step"`
	Retry       []retryVector    `json:"retry"`
	Classify    []conflictVector `json:"classify"`
}

var deployments = schema.GroupResource{Group: "apps", Resource: "deployments"}

// callError is an error that remembers which call returned it.
type callError struct {
	error
	call int
}

func (e callError) Unwrap() error { return e.error }

func outcomeError(outcome string, call int) error {
	switch outcome {
	case "ok":
		return nil
	case "conflict":
		return callError{apierrors.NewConflict(deployments, "demo-deployment", errors.New("the object has been modified")), call}
	case "notFound":
		return callError{apierrors.NewNotFound(deployments, "demo-deployment"), call}
	}
	panic("unknown outcome " + outcome)
}

func recordSteps(name string, b backoffJSON, n int) stepVector {
	w := b.toWait()
	v := stepVector{Name: name, Backoff: b}
	for i := 0; i < n; i++ {
		sleep := w.Step()
		v.Results = append(v.Results, stepResult{SleepMs: ms(sleep), DurationMs: ms(w.Duration), Steps: w.Steps})
	}
	return v
}

// recordRetry runs the real retry function. client-go sleeps with time.Sleep, which
// cannot be intercepted, so sleeps are recognised by time: a gap between two calls (or
// after the last call) that lasted at least the backoff's next Step() value was that
// sleep, since time.Sleep never returns early; a gap without a sleep takes microseconds.
func recordRetry(name, function string, b backoffJSON, outcomes []string) retryVector {
	v := retryVector{Name: name, Function: function, Backoff: b, Outcomes: outcomes, SleepsMs: []float64{}}
	predicted := b.toWait()
	var gaps []time.Duration
	last := time.Now()
	fn := func() error {
		gaps = append(gaps, time.Since(last))
		v.Calls++
		if v.Calls > len(outcomes) {
			panic(fmt.Sprintf("%s: more calls than scripted outcomes", name))
		}
		err := outcomeError(outcomes[v.Calls-1], v.Calls)
		last = time.Now()
		return err
	}
	var err error
	switch function {
	case "RetryOnConflict":
		err = retry.RetryOnConflict(b.toWait(), fn)
	case "OnErrorAlways":
		err = retry.OnError(b.toWait(), func(error) bool { return true }, fn)
	default:
		panic("unknown function " + function)
	}
	gaps = append(gaps, time.Since(last))
	for _, gap := range gaps[1:] {
		next := predicted
		sleep := next.Step()
		if gap >= sleep && sleep > 0 {
			v.SleepsMs = append(v.SleepsMs, ms(sleep))
			predicted = next
		}
	}
	var ce callError
	switch {
	case err == nil:
		v.Result = retryResult{Kind: "ok"}
	case errors.As(err, &ce):
		v.Result = retryResult{Kind: "error", FromCall: ce.call}
	default:
		panic(fmt.Sprintf("%s: unexpected error %v", name, err))
	}
	return v
}

func classify(reason metav1.StatusReason, code int32, causes ...metav1.CauseType) conflictVector {
	status := metav1.Status{Status: metav1.StatusFailure, Reason: reason, Code: code}
	causeTypes := []string{}
	if len(causes) > 0 {
		status.Details = &metav1.StatusDetails{}
		for _, c := range causes {
			status.Details.Causes = append(status.Details.Causes, metav1.StatusCause{Type: c})
			causeTypes = append(causeTypes, string(c))
		}
	}
	// Wrapped once, as callers often do: client-go's predicates unwrap.
	err := fmt.Errorf("update failed: %w", &apierrors.StatusError{ErrStatus: status})
	return conflictVector{
		Reason: string(reason), Code: code, CauseTypes: causeTypes,
		IsConflict:  apierrors.IsConflict(err),
		IsTooMany:   apierrors.IsTooManyRequests(err),
		IsNotFound:  apierrors.IsNotFound(err),
		IsAlreadyEx: apierrors.IsAlreadyExists(err),
	}
}

func main() {
	defaultRetry := backoffJSON{DurationMs: ms(retry.DefaultRetry.Duration), Factor: retry.DefaultRetry.Factor, Steps: retry.DefaultRetry.Steps}
	defaultBackoff := backoffJSON{DurationMs: ms(retry.DefaultBackoff.Duration), Factor: retry.DefaultBackoff.Factor, Steps: retry.DefaultBackoff.Steps}
	capped := backoffJSON{DurationMs: 10, Factor: 2, Steps: 10, CapMs: 50}
	c := "conflict"

	out := vectors{
		GeneratedBy: "tools/vectors with k8s.io/client-go v0.36.3 and k8s.io/apimachinery v0.36.3; do not edit, run `npm run vectors`",
		Step: []stepVector{
			recordSteps("DefaultRetry without jitter", defaultRetry, 7),
			recordSteps("DefaultBackoff without jitter", defaultBackoff, 6),
			recordSteps("cap reached sets steps to zero", capped, 5),
			recordSteps("factor 1.1 truncates to whole nanoseconds", backoffJSON{DurationMs: 10, Factor: 1.1, Steps: 8}, 9),
			recordSteps("factor 0 keeps the duration", backoffJSON{DurationMs: 7, Factor: 0, Steps: 3}, 4),
			recordSteps("steps 0 never changes the duration", backoffJSON{DurationMs: 5, Factor: 3, Steps: 0}, 3),
			recordSteps("cap below the initial duration", backoffJSON{DurationMs: 100, Factor: 2, Steps: 4, CapMs: 30}, 4),
			recordSteps("fractional milliseconds", backoffJSON{DurationMs: 0.25, Factor: 1.5, Steps: 6, CapMs: 1}, 7),
		},
		Retry: []retryVector{
			recordRetry("DefaultRetry: success at once", "RetryOnConflict", defaultRetry, []string{"ok"}),
			recordRetry("DefaultRetry: two conflicts then success", "RetryOnConflict", defaultRetry, []string{c, c, "ok"}),
			recordRetry("DefaultRetry: five conflicts exhaust it", "RetryOnConflict", defaultRetry, []string{c, c, c, c, c}),
			recordRetry("DefaultRetry: success on the last call", "RetryOnConflict", defaultRetry, []string{c, c, c, c, "ok"}),
			recordRetry("DefaultRetry: a non-conflict error stops at once", "RetryOnConflict", defaultRetry, []string{c, "notFound"}),
			recordRetry("DefaultBackoff: exponential sleeps", "RetryOnConflict", defaultBackoff, []string{c, c, c, c}),
			recordRetry("cap example makes three calls", "RetryOnConflict", capped, []string{c, c, c}),
			recordRetry("steps 1 makes one call and no sleep", "RetryOnConflict", backoffJSON{DurationMs: 10, Factor: 1, Steps: 1}, []string{c}),
			recordRetry("steps 0 calls nothing and reports success", "RetryOnConflict", backoffJSON{DurationMs: 10, Factor: 1, Steps: 0}, []string{}),
			recordRetry("OnError retries whatever the predicate accepts", "OnErrorAlways", backoffJSON{DurationMs: 10, Factor: 1.5, Steps: 3}, []string{"notFound", "notFound", "ok"}),
		},
		Classify: []conflictVector{
			classify(metav1.StatusReasonConflict, 409),
			classify(metav1.StatusReasonConflict, 409, "FieldManagerConflict"),
			classify(metav1.StatusReasonAlreadyExists, 409),
			classify(metav1.StatusReasonUnknown, 409),
			classify("SomethingNew", 409),
			classify(metav1.StatusReasonConflict, 0),
			classify(metav1.StatusReasonInvalid, 409),
			classify(metav1.StatusReasonNotFound, 404),
			classify(metav1.StatusReasonUnknown, 404),
			classify(metav1.StatusReasonTooManyRequests, 429),
			classify(metav1.StatusReasonUnknown, 429),
			classify(metav1.StatusReasonInternalError, 429),
			classify(metav1.StatusReasonTimeout, 504),
			classify(metav1.StatusReasonUnknown, 504),
			classify(metav1.StatusReasonServerTimeout, 500),
			classify(metav1.StatusReasonInternalError, 500),
		},
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
