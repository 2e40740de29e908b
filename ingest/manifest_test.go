package ingest

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
)

func TestReadManifest(t *testing.T) {
	in := strings.Join([]string{
		`{"file": "docs/18_a.txt", "source": "https://example.org/a", "title": "A", "date": "2019-06-21", "kind": "press-release"}`,
		``,
		`{"file": "docs/b.txt", "date": "unknown", "kind": "blog"}`,
		`{"file": "docs/c.txt", "date": "21.06.2019"`,
		`{"file": "other/c.txt", "date": "2019-13"}`,
		`{"source": "no file"}`,
		`{"file": "./x/c.txt", "date": "2020-02", "kind": "Strategy"}`,
		`{"file": "docs/sub/d.txt"}`,
		`{"file": "d.txt"}`,
		`{"file": "docs/b.txt", "title": "B, later"}`,
	}, "\n")
	m, bad, err := ReadManifest(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	var lines []int
	for _, e := range bad {
		var le *LineError
		if !errors.As(e, &le) {
			t.Fatalf("got %T %v, want *LineError", e, e)
		}
		lines = append(lines, le.Line)
	}
	if got, want := lines, []int{4, 5, 6, 10}; !equalInts(got, want) {
		t.Errorf("bad lines: got %v (%v), want %v", got, bad, want)
	}
	if !strings.Contains(bad[0].Error(), "manifest line 4") {
		t.Errorf("got %q, want the line number in the message", bad[0])
	}
	if dup := bad[3]; !errors.Is(dup, ErrDuplicateEntry) || !strings.Contains(dup.Error(), "line 3") {
		t.Errorf("duplicate line: got %v, want ErrDuplicateEntry naming line 3", dup)
	}
	if got := len(m.Entries()); got != 6 {
		t.Errorf("got %d entries, want 6", got)
	}

	tests := []struct {
		file string
		ok   bool
		want ManifestEntry
	}{
		{"18_a.txt", true, ManifestEntry{File: "docs/18_a.txt", Source: "https://example.org/a", Title: "A", Date: "2019-06-21", Kind: corpus.KindPressRelease, Line: 1}},
		{"docs/18_a.txt", true, ManifestEntry{File: "docs/18_a.txt", Source: "https://example.org/a", Title: "A", Date: "2019-06-21", Kind: corpus.KindPressRelease, Line: 1}},
		{"corpus/docs/18_a.txt", true, ManifestEntry{File: "docs/18_a.txt", Source: "https://example.org/a", Title: "A", Date: "2019-06-21", Kind: corpus.KindPressRelease, Line: 1}},
		{"b.txt", true, ManifestEntry{File: "docs/b.txt", Title: "B, later", Line: 10}}, // line 10 replaces line 3
		{"c.txt", false, ManifestEntry{}}, // other/c.txt and x/c.txt tie
		{"x/c.txt", true, ManifestEntry{File: "x/c.txt", Date: "2020-02", Kind: corpus.KindStrategy, Line: 7}},
		{"other/c.txt", true, ManifestEntry{File: "other/c.txt", Line: 5}}, // kept without its bad date
		{"docs/c.txt", false, ManifestEntry{}},                             // its line is not JSON
		{"d.txt", false, ManifestEntry{}},                                  // d.txt and docs/sub/d.txt tie
		{"sub/d.txt", true, ManifestEntry{File: "docs/sub/d.txt", Line: 8}},
		{"elsewhere/d.txt", true, ManifestEntry{File: "d.txt", Line: 9}},
		{"a.txt", false, ManifestEntry{}}, // "18_a.txt" is no match in whole segments
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got, ok := m.Lookup(tt.file)
			if ok != tt.ok || got != tt.want {
				t.Errorf("got %+v, %v, want %+v, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
	var none *Manifest
	if _, ok := none.Lookup("a.txt"); ok {
		t.Error("nil manifest: got a match, want none")
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func FuzzManifest(f *testing.F) {
	fixtureSeeds(f, ".jsonl")
	f.Add([]byte("{\"file\": \"a/b.txt\", \"date\": \"2019-02\"}\n{bad\n\n{\"file\": \"../c.txt\", \"kind\": \"x\"}"))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, bad, err := ReadManifest(bytes.NewReader(b))
		if err != nil {
			return
		}
		for _, e := range bad {
			var le *LineError
			if !errors.As(e, &le) || le.Line < 1 {
				t.Fatalf("got %v, want a *LineError with a line number", e)
			}
		}
		for _, e := range m.Entries() {
			if !e.Date.Valid() || (e.Kind != "" && !e.Kind.Valid()) {
				t.Fatalf("got date %q kind %q, want valid ones", e.Date, e.Kind)
			}
			if got, ok := m.Lookup(e.File); ok && got.File != e.File {
				t.Fatalf("Lookup(%q): got %q, want the entry itself", e.File, got.File)
			}
		}
	})
}
