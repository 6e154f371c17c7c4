// Command go-jsonpath-peer evaluates JSONPath templates with client-go's util/jsonpath as
// kube-apiserver does for a custom resource's printer columns: missing keys allowed, the
// object decoded as unstructured content (int64 for integers, float64 for other numbers).
//
// It reads one JSON object {"template": "{.a}", "object": {...}} per line on stdin and
// writes one line per input: {"parseError": true}, {"findError": true}, or
// {"found": [[...]], "printed": "..."} where printed is PrintResults of the first value
// found (absent when nothing was found). It runs until stdin closes.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"reflect"

	utiljson "k8s.io/apimachinery/pkg/util/json"
	"k8s.io/client-go/util/jsonpath"
)

type question struct {
	Template string          `json:"template"`
	Object   json.RawMessage `json:"object"`
}

type answer struct {
	ParseError bool            `json:"parseError,omitempty"`
	FindError  bool            `json:"findError,omitempty"`
	Found      [][]interface{} `json:"found,omitempty"`
	Printed    *string         `json:"printed,omitempty"`
}

func main() {
	in := bufio.NewReaderSize(os.Stdin, 1<<20)
	out := bufio.NewWriterSize(os.Stdout, 1<<20)
	defer out.Flush()
	for {
		line, err := in.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			encoded, marshalErr := json.Marshal(evaluate(line))
			if marshalErr != nil {
				fail(marshalErr)
			}
			out.Write(append(encoded, '\n'))
		}
		if err == io.EOF {
			return
		}
		if err != nil {
			fail(err)
		}
		if in.Buffered() == 0 {
			out.Flush()
		}
	}
}

func fail(err error) {
	os.Stderr.WriteString("go-jsonpath-peer: " + err.Error() + "\n")
	os.Exit(1)
}

func evaluate(line []byte) answer {
	var q question
	if err := json.Unmarshal(line, &q); err != nil {
		fail(err)
	}
	var object interface{}
	if err := utiljson.Unmarshal(q.Object, &object); err != nil {
		fail(err)
	}
	path := jsonpath.New("column")
	if err := path.Parse(q.Template); err != nil {
		return answer{ParseError: true}
	}
	path.AllowMissingKeys(true)
	results, err := path.FindResults(object)
	if err != nil {
		return answer{FindError: true}
	}
	a := answer{Found: [][]interface{}{}}
	for _, values := range results {
		row := []interface{}{}
		for _, value := range values {
			row = append(row, value.Interface())
		}
		a.Found = append(a.Found, row)
	}
	if len(results) > 0 && len(results[0]) > 0 {
		// As the table convertor prints a string column: the first value, re-wrapped.
		var printed bytes.Buffer
		if err := path.PrintResults(&printed, []reflect.Value{reflect.ValueOf(results[0][0].Interface())}); err == nil {
			text := printed.String()
			a.Printed = &text
		}
	}
	return a
}
