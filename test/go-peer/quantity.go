package main

import (
	"encoding/json"

	"k8s.io/apimachinery/pkg/api/resource"
)

type quantityReply struct {
	Text  *string `json:"text,omitempty"`
	Error string  `json:"error,omitempty"`
}

// quantityAnswer decodes the JSON value on line as a typed field of kind Quantity does
// (UnmarshalJSON) and writes it back (String): {"text": "<canonical>"} or {"error": "..."}.
func quantityAnswer(line []byte) interface{} {
	var q resource.Quantity
	if err := json.Unmarshal(line, &q); err != nil {
		return quantityReply{Error: err.Error()}
	}
	text := q.String()
	return quantityReply{Text: &text}
}
