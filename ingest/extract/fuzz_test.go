package extract

import (
	"os"
	"path/filepath"
	"regexp"
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

// nameTokenRE is the pattern nameToken reads by hand.
var nameTokenRE = regexp.MustCompile(`^(?:\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)*|\p{Lu}\.)`)

// FuzzNameParts checks the hand-written readers of a name's parts against
// the patterns they stand for: nameToken against nameTokenRE, and the
// shortcuts of address and honorific against addressRe and honorificRe.
func FuzzNameParts(f *testing.F) {
	for _, s := range []string{"Müller-Lüdenscheidt sagte", "O’Neill", "M. Muster", "Prof. Dr. h. c. Erika", "Dr.-Ing. Max", "Herrn Dr. X", "Frau\tY", "ÄÖÜ-Ä", "A-b", "Ab-Cd-", "h.c. X", "x\xffY"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := nameToken(s), nameTokenRE.FindString(s); got != want {
			t.Fatalf("nameToken(%q) = %q, want %q", s, got, want)
		}
		if got, want := address(s), addressRe.FindString(s); got != want {
			t.Fatalf("address(%q) = %q, want %q", s, got, want)
		}
		if got, want := honorific(s), honorificRe.FindString(s); got != want {
			t.Fatalf("honorific(%q) = %q, want %q", s, got, want)
		}
	})
}
