package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io/fs"
	"path"
	"strings"
	"testing"
	"unicode/utf8"
)

// demoEntry is one line of the demo manifest "sources.jsonl".
type demoEntry struct {
	File   string `json:"file"`
	Source string `json:"source"`
	Title  string `json:"title"`
	Date   string `json:"date"`
	Kind   Kind   `json:"kind"`
}

// Bounds of a demo document's length in code points (title, body and
// "Quelle:" line together).
const (
	demoMinChars  = 600
	demoMaxChars  = 1500
	demoMinDocs   = 12
	demoQuelle    = "Quelle:"
	demoManifest  = "sources.jsonl"
	demoDocsDir   = "docs"
	demoUnknownAt = "unknown"
)

// readDemoManifest parses the demo manifest strictly, one JSON object a line,
// and fails the test on any line that does not parse.
func readDemoManifest(tb testing.TB, fsys fs.FS) []demoEntry {
	tb.Helper()
	b, err := fs.ReadFile(fsys, demoManifest)
	if err != nil {
		tb.Fatalf("read %s: %v", demoManifest, err)
	}
	var out []demoEntry
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			tb.Errorf("%s line %d: got an empty line, want a JSON object", demoManifest, n)
			continue
		}
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		var e demoEntry
		if err := dec.Decode(&e); err != nil {
			tb.Errorf("%s line %d: got parse error %v, want a manifest entry", demoManifest, n, err)
			continue
		}
		if dec.More() {
			tb.Errorf("%s line %d: got trailing data after the object, want one object a line", demoManifest, n)
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("scan %s: %v", demoManifest, err)
	}
	return out
}

// demoDocFiles lists the regular files below docs/ as paths relative to the
// demo root ("docs/01_x.txt").
func demoDocFiles(tb testing.TB, fsys fs.FS) []string {
	tb.Helper()
	var files []string
	err := fs.WalkDir(fsys, demoDocsDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		tb.Fatalf("walk %s: %v", demoDocsDir, err)
	}
	return files
}

// combiningMark returns the first combining diacritical mark
// (U+0300–U+036F) in s and its byte offset. Texts written precomposed (NFC)
// carry none: every German letter with an umlaut or accent has a
// precomposed form.
func combiningMark(s string) (rune, int, bool) {
	for i, r := range s {
		if r >= 0x0300 && r <= 0x036F {
			return r, i, true
		}
	}
	return 0, 0, false
}

func TestCombiningMark(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"precomposed umlauts", "Länder, Thüringen, Größe", false},
		{"decomposed a umlaut", "La\u0308nder", true},
		{"decomposed acute", "Cafe\u0301", true},
		{"boundary below range", "x\u02FFy", false},
		{"boundary above range", "x\u0370y", false},
		{"last mark of range", "x\u036Fy", true},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, _, got := combiningMark(tt.in); got != tt.want {
				t.Errorf("combiningMark(%q): got %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestDemoHasDocuments(t *testing.T) {
	files := demoDocFiles(t, Demo())
	if got := len(files); got < demoMinDocs {
		t.Errorf("documents under %s: got %d, want at least %d", demoDocsDir, got, demoMinDocs)
	}
	if _, err := fs.Stat(Demo(), "README.md"); err != nil {
		t.Errorf("README.md: got %v, want it present", err)
	}
}

func TestDemoManifest(t *testing.T) {
	fsys := Demo()
	entries := readDemoManifest(t, fsys)
	if len(entries) == 0 {
		t.Fatalf("%s: got 0 entries, want one per document", demoManifest)
	}
	seen := map[string]bool{}
	for _, e := range entries {
		t.Run(e.File, func(t *testing.T) {
			if e.File == "" || path.Clean(e.File) != e.File || !strings.HasPrefix(e.File, demoDocsDir+"/") {
				t.Fatalf("file: got %q, want a clean path below %s/", e.File, demoDocsDir)
			}
			if seen[e.File] {
				t.Errorf("file %q: got a second entry, want one", e.File)
			}
			seen[e.File] = true
			if fi, err := fs.Stat(fsys, e.File); err != nil || !fi.Mode().IsRegular() {
				t.Errorf("file %q: got stat error %v, want an existing regular file", e.File, err)
			}
			if !e.Kind.Valid() {
				t.Errorf("kind: got %q, want one of %v", e.Kind, Kinds)
			}
			if e.Date != demoUnknownAt && !Date(e.Date).Known() {
				t.Errorf("date: got %q, want YYYY-MM-DD, YYYY-MM, YYYY or %q", e.Date, demoUnknownAt)
			}
			if strings.TrimSpace(e.Title) == "" {
				t.Errorf("title: got empty, want a title")
			}
			if strings.TrimSpace(e.Source) == "" {
				t.Errorf("source: got empty, want a URL or an %q note", demoUnknownAt)
			}
		})
	}
	for _, f := range demoDocFiles(t, fsys) {
		if !seen[f] {
			t.Errorf("document %q: got no manifest entry, want one", f)
		}
	}
}

func TestDemoDocuments(t *testing.T) {
	fsys := Demo()
	for _, e := range readDemoManifest(t, fsys) {
		t.Run(e.File, func(t *testing.T) {
			b, err := fs.ReadFile(fsys, e.File)
			if err != nil {
				t.Fatalf("read: %v", err)
			}
			if !utf8.Valid(b) {
				t.Fatalf("utf-8: got invalid bytes, want valid UTF-8")
			}
			s := string(b)
			if strings.HasPrefix(s, "\uFEFF") {
				t.Errorf("byte-order mark: got one, want none")
			}
			if strings.ContainsRune(s, utf8.RuneError) {
				t.Errorf("text: got U+FFFD, want no replacement characters")
			}
			if r, i, ok := combiningMark(s); ok {
				t.Errorf("NFC: got combining mark %U at byte %d, want precomposed letters only", r, i)
			}
			if n := utf8.RuneCountInString(s); n < demoMinChars || n > demoMaxChars {
				t.Errorf("length: got %d characters, want %d–%d", n, demoMinChars, demoMaxChars)
			}
			lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
			if got := strings.TrimSpace(lines[0]); got != e.Title {
				t.Errorf("first line: got %q, want the manifest title %q", got, e.Title)
			}
			last := lines[len(lines)-1]
			if !strings.HasPrefix(last, demoQuelle) {
				t.Errorf("last line: got %q, want it to start with %q", last, demoQuelle)
			}
			if !strings.Contains(last, e.Source) {
				t.Errorf("last line: got %q, want it to cite the manifest source %q", last, e.Source)
			}
		})
	}
}
