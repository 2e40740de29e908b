package graph

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestSchema pins the quads that extractions become: a change to the schema
// shows up as a change to testdata/TestSchema/*.golden (refresh with -update).
func TestSchema(t *testing.T) {
	tests := []struct {
		name string
		ext  func(testing.TB) corpus.Extraction
	}{
		{"every_fact", extractionA},
		{"planned_meeting_duplicate", extractionB},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openMemory(t)
			put(t, s, tt.ext(t))
			var got bytes.Buffer
			if err := s.WriteNQuads(context.Background(), &got); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "TestSchema", tt.name+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("read golden file (run with -update to create it): %v", err)
			}
			if d := diff(lines(got.Bytes()), lines(want)); d != "" {
				t.Errorf("quads differ from %s: %s", path, d)
			}
		})
	}
}

func lines(b []byte) []string {
	var out []string
	for _, l := range bytes.Split(bytes.TrimSpace(b), []byte("\n")) {
		out = append(out, string(l))
	}
	return out
}
