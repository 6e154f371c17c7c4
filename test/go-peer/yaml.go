package main

import (
	"bytes"
	"encoding/json"

	"sigs.k8s.io/yaml"
)

type yamlReply struct {
	YAML  *string `json:"yaml,omitempty"`
	Error string  `json:"error,omitempty"`
}

// yamlAnswer is JSONToYAML(json.Marshal(value)) for the JSON value on line, as
// kube-apiserver writes `Accept: application/yaml`; numbers keep their text
// (json.Number), as Go's typed fields would print them.
func yamlAnswer(line []byte) interface{} {
	decoder := json.NewDecoder(bytes.NewReader(line))
	decoder.UseNumber()
	var value interface{}
	if err := decoder.Decode(&value); err != nil {
		return yamlReply{Error: "decoding the input: " + err.Error()}
	}
	encoded, err := json.Marshal(value)
	if err != nil {
		return yamlReply{Error: "json.Marshal: " + err.Error()}
	}
	converted, err := yaml.JSONToYAML(encoded)
	if err != nil {
		return yamlReply{Error: err.Error()}
	}
	text := string(converted)
	return yamlReply{YAML: &text}
}
