package main

import (
	"bytes"
	"encoding/json"
	"reflect"

	utiljson "k8s.io/apimachinery/pkg/util/json"
	"k8s.io/client-go/util/jsonpath"
)

type jsonPathQuestion struct {
	Template string          `json:"template"`
	Object   json.RawMessage `json:"object"`
}

type jsonPathReply struct {
	ParseError bool            `json:"parseError,omitempty"`
	FindError  bool            `json:"findError,omitempty"`
	Found      [][]interface{} `json:"found,omitempty"`
	Printed    *string         `json:"printed,omitempty"`
}

// jsonPathAnswer evaluates {"template": "{.a}", "object": {...}} with client-go's
// util/jsonpath as kube-apiserver does for a custom resource's printer columns: missing
// keys allowed, the object decoded as unstructured content (int64 for integers, float64
// for other numbers). It answers {"parseError": true}, {"findError": true}, or
// {"found": [[...]], "printed": "..."}, printed being PrintResults of the first value
// found (absent when nothing was found), as a string column shows it.
func jsonPathAnswer(line []byte) interface{} {
	var q jsonPathQuestion
	if err := json.Unmarshal(line, &q); err != nil {
		fail(err)
	}
	var object interface{}
	if err := utiljson.Unmarshal(q.Object, &object); err != nil {
		fail(err)
	}
	path := jsonpath.New("column")
	if err := path.Parse(q.Template); err != nil {
		return jsonPathReply{ParseError: true}
	}
	path.AllowMissingKeys(true)
	results, err := path.FindResults(object)
	if err != nil {
		return jsonPathReply{FindError: true}
	}
	reply := jsonPathReply{Found: [][]interface{}{}}
	for _, values := range results {
		row := []interface{}{}
		for _, value := range values {
			row = append(row, value.Interface())
		}
		reply.Found = append(reply.Found, row)
	}
	if len(results) > 0 && len(results[0]) > 0 {
		var printed bytes.Buffer
		if err := path.PrintResults(&printed, []reflect.Value{reflect.ValueOf(results[0][0].Interface())}); err == nil {
			text := printed.String()
			reply.Printed = &text
		}
	}
	return reply
}
