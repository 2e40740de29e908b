package corpustest

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/laendergraph/laendergraph/corpus"
)

// HeldoutFiles returns the paths of every document of the project's own
// fictional held-out corpora, testdata/heldout*/docs/* below the repository
// root. They are part of the repository, so it never skips.
func HeldoutFiles(tb testing.TB) []string {
	tb.Helper()
	wd, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	root, err := repoRoot(wd)
	if err != nil {
		tb.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(root, "testdata", "heldout*", "docs", "*"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no held-out documents below %s: %v", root, err)
	}
	return files
}

// HeldoutText is one held-out document as the extractors see it.
type HeldoutText struct {
	Path, Text string
}

// HeldoutTexts returns the held-out documents that are valid UTF-8 after
// normalize (the extractors' text normalisation; the Windows-1252 fixture is
// left out, since the pipeline decodes it before extraction).
func HeldoutTexts(tb testing.TB, normalize func(string) string) []HeldoutText {
	tb.Helper()
	var out []HeldoutText
	for _, f := range HeldoutFiles(tb) {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		if s := normalize(string(b)); utf8.ValidString(s) {
			out = append(out, HeldoutText{Path: f, Text: s})
		}
	}
	return out
}

// CheckEvidence reports, as test errors, every evidence whose span does not
// hold its quote in text (spans count code points, end exclusive).
func CheckEvidence(tb testing.TB, name, text string, evs []corpus.Evidence) {
	tb.Helper()
	runes := []rune(text)
	for _, e := range evs {
		if e.Span[0] < 0 || e.Span[0] > e.Span[1] || e.Span[1] > len(runes) || string(runes[e.Span[0]:e.Span[1]]) != e.Quote {
			tb.Errorf("%s: evidence span %v does not hold its quote %.60q", name, e.Span, e.Quote)
		}
	}
}

// AddSeeds adds the contents of the files matching pattern to a fuzz
// target's seed corpus.
func AddSeeds(f *testing.F, pattern string) {
	f.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil {
		f.Fatal(err)
	}
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
}
