// Command go-peer answers questions with the Go code kube-apiserver runs, so that the
// embedded server's JavaScript mirrors of it can be compared with the original:
//
//	go-peer yaml      JSON values to YAML (encoding/json, then sigs.k8s.io/yaml JSONToYAML)
//	go-peer jsonpath  client-go's JSONPath over objects (as CRD printer columns)
//	go-peer quantity  apimachinery's resource.Quantity (decode, then String)
//
// It reads one JSON question per line on stdin and writes one JSON answer per line on
// stdout, in order, until stdin closes; one process answers any number of questions.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"os"
)

var answerers = map[string]func(line []byte) interface{}{
	"yaml":     yamlAnswer,
	"jsonpath": jsonPathAnswer,
	"quantity": quantityAnswer,
}

func main() {
	if len(os.Args) != 2 || answerers[os.Args[1]] == nil {
		os.Stderr.WriteString("usage: go-peer yaml|jsonpath|quantity\n")
		os.Exit(2)
	}
	answer := answerers[os.Args[1]]
	in := bufio.NewReaderSize(os.Stdin, 1<<20)
	out := bufio.NewWriterSize(os.Stdout, 1<<20)
	defer out.Flush()
	for {
		line, err := in.ReadBytes('\n')
		if trimmed := bytes.TrimSpace(line); len(trimmed) > 0 {
			encoded, marshalErr := json.Marshal(answer(trimmed))
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
		// Flush once the input waiting is answered, so a caller sending one question and
		// awaiting its answer is never stuck behind the buffer.
		if in.Buffered() == 0 {
			out.Flush()
		}
	}
}

func fail(err error) {
	os.Stderr.WriteString("go-peer: " + err.Error() + "\n")
	os.Exit(1)
}
