// Command go-quantity-peer decodes quantities as kube-apiserver does (apimachinery's
// resource.Quantity UnmarshalJSON) and writes them back (MarshalJSON).
//
// It reads one JSON string per line on stdin and writes one line per input: the JSON
// object {"text": "<canonical>"} or {"error": "<ParseQuantity's error>"}. It runs until
// stdin closes.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"os"

	"k8s.io/apimachinery/pkg/api/resource"
)

type answer struct {
	Text  *string `json:"text,omitempty"`
	Error string  `json:"error,omitempty"`
}

func main() {
	in := bufio.NewReaderSize(os.Stdin, 1<<20)
	out := bufio.NewWriterSize(os.Stdout, 1<<20)
	defer out.Flush()
	for {
		line, err := in.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			encoded, marshalErr := json.Marshal(decode(bytes.TrimSpace(line)))
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
	os.Stderr.WriteString("go-quantity-peer: " + err.Error() + "\n")
	os.Exit(1)
}

// decode is what a typed field of kind Quantity makes of the JSON value on line.
func decode(line []byte) answer {
	var q resource.Quantity
	if err := json.Unmarshal(line, &q); err != nil {
		return answer{Error: err.Error()}
	}
	text := q.String()
	return answer{Text: &text}
}
