package extract

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/laendergraph/laendergraph/ingest/text"
)

// seedFuzz adds the texts of testdata/TestExtract to f.
func seedFuzz(f *testing.F) {
	f.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "TestExtract", "*.txt"))
	if err != nil {
		f.Fatal(err)
	}
	more, err := filepath.Glob(filepath.Join("testdata", "TestInstitutionsGolden", "*.txt"))
	if err != nil {
		f.Fatal(err)
	}
	files = append(files, more...)
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add("Brandenburg-Saal Rheinland-Pfalz' „Cyberwehr Baden-Württemberg“ KI-")
	f.Add("Dr. Prof. Dr. A. B (CDU), Ministerin für , und des Landes")
	f.Add("Präsidentin des Amtes für (X) der Senatskanzlei, A B; die Gründung einer eG (Y) im Saarland (Z")
}

func FuzzFindLaender(f *testing.F) {
	seedFuzz(f)
	x := New(testRegistry, testThesaurus)
	f.Fuzz(func(t *testing.T, s string) {
		for _, h := range x.FindLaender(s) {
			if h.Start < 0 || h.End > len(s) || h.Start >= h.End {
				t.Fatalf("hit %+v out of range 0..%d", h, len(s))
			}
			if s[h.Start:h.End] != h.Form {
				t.Fatalf("hit form: got %q, want %q", h.Form, s[h.Start:h.End])
			}
		}
	})
}

func FuzzFindTopics(f *testing.F) {
	seedFuzz(f)
	x := New(testRegistry, testThesaurus)
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, h := range x.FindTopics(s) {
			if h.Start < prev || h.End > len(s) || h.Start >= h.End {
				t.Fatalf("hit %+v out of range %d..%d or overlapping", h, prev, len(s))
			}
			if s[h.Start:h.End] != h.Form {
				t.Fatalf("hit form: got %q, want %q", h.Form, s[h.Start:h.End])
			}
			prev = h.End
		}
	})
}

func FuzzExtract(f *testing.F) {
	seedFuzz(f)
	x := New(testRegistry, testThesaurus)
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip("ingest hands the extractor valid UTF-8 only")
		}
		doc := parseCase(s, "fuzz.txt")
		ex := x.Extract(doc, text.Sentences(doc.Text))
		checkExtraction(t, doc, ex)
	})
}
