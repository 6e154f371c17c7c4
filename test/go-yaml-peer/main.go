// Command go-yaml-peer converts JSON values to YAML exactly as kube-apiserver does for
// `Accept: application/yaml`: the value is marshalled by encoding/json, then converted by
// sigs.k8s.io/yaml's JSONToYAML.
//
// It reads one JSON value per line on stdin and writes, per value, one line on stdout: a
// JSON object {"yaml": "..."} with the YAML text, or {"error": "..."} when either step
// fails. It runs until stdin closes, so a test can send thousands of values cheaply.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"os"

	"sigs.k8s.io/yaml"
)

type answer struct {
	YAML  *string `json:"yaml,omitempty"`
	Error string  `json:"error,omitempty"`
}

func main() {
	in := bufio.NewReaderSize(os.Stdin, 1<<20)
	out := bufio.NewWriterSize(os.Stdout, 1<<20)
	defer out.Flush()
	for {
		line, err := in.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			writeAnswer(out, convert(line))
		}
		if err == io.EOF {
			return
		}
		if err != nil {
			os.Stderr.WriteString("go-yaml-peer: " + err.Error() + "\n")
			os.Exit(1)
		}
		// Flush once the input waiting is answered, so a caller sending one value and
		// awaiting its answer is never stuck behind the buffer.
		if in.Buffered() == 0 {
			out.Flush()
		}
	}
}

// convert is JSONToYAML(json.Marshal(value)) for the JSON value on line; numbers keep
// their text (json.Number), as Go's typed fields would print them.
func convert(line []byte) answer {
	decoder := json.NewDecoder(bytes.NewReader(line))
	decoder.UseNumber()
	var value interface{}
	if err := decoder.Decode(&value); err != nil {
		return answer{Error: "decoding the input: " + err.Error()}
	}
	encoded, err := json.Marshal(value)
	if err != nil {
		return answer{Error: "json.Marshal: " + err.Error()}
	}
	converted, err := yaml.JSONToYAML(encoded)
	if err != nil {
		return answer{Error: err.Error()}
	}
	text := string(converted)
	return answer{YAML: &text}
}

func writeAnswer(out *bufio.Writer, a answer) {
	encoded, err := json.Marshal(a)
	if err != nil {
		panic(err) // an answer always marshals: a string and an error message
	}
	out.Write(encoded)
	out.WriteByte('\n')
}
