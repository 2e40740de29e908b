package search

import (
	"bufio"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/laendergraph/laendergraph/corpus"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// parseCases are the TestParse cases: name → query. Each has a golden file
// testdata/TestParse/<name>.golden holding the query and the parsed tree or
// the error.
var parseCases = []struct{ name, q string }{
	{"word", "Strategie"},
	{"words", "digitale Strategie"},
	{"phrase", `"digitale Teilhabe"`},
	{"german_quotes", "„digitale Teilhabe“ Länder"},
	{"exclude", "Cyberwehr -Bayern"},
	{"exclude_phrase", `KI -"Künstliche Intelligenz"`},
	{"or", "KI OR AI"},
	{"oder", "KI ODER AI Verwaltung"},
	{"and", "KI AND Verwaltung UND Bund"},
	{"group", "(KI OR AI) -(Bayern OR Hessen)"},
	{"nested_group", "((KI OR AI) Verwaltung) OR Breitband"},
	{"filters", "Breitband land:BW kind:strategy topic:ki series:dmk year:2023"},
	{"land_name", "land:Bayern Strategie"},
	{"land_quoted", `land:"Freistaat Bayern" KI`},
	{"land_lower", "land:nrw KI"},
	{"year_range", "Strategie year:2019..2023"},
	{"filter_or", "Strategie land:BW OR land:BY"},
	{"exclude_filter", "Strategie -kind:news"},
	{"german_fields", "Strategie jahr:2022 thema:breitband serie:D16"},
	{"topic_label", `topic:"Künstliche Intelligenz" Regulierung`},
	{"url_word", "https://dmk.rlp.de"},
	{"time_word", "10:30 Uhr"},
	{"hyphen_words", "Baden-Württemberg Cyber-Wehr"},
	{"dash_alone", "Digitalministerinnen - Digitalminister"},
	{"plus", "+KI Verwaltung"},
	{"negation", "keine Cyberwehr"},
	{"lowercase_or", "KI or AI"},
	{"empty", ""},
	{"blank", "   "},
	{"unclosed_quote", `KI "digitale Teilhabe`},
	{"unclosed_paren", "(KI OR AI"},
	{"unmatched_paren", "KI) Verwaltung"},
	{"empty_parens", "KI ()"},
	{"empty_quotes", `KI ""`},
	{"dangling_or", "KI OR"},
	{"leading_or", "OR KI"},
	{"double_or", "KI OR OR AI"},
	{"dangling_and", "KI AND"},
	{"unknown_field", "Strategie foo:bar"},
	{"missing_value", "land: Bayern"},
	{"unknown_land", "land:XX"},
	{"unknown_kind", "kind:blog"},
	{"bad_year", "year:20"},
	{"year_backwards", "year:2023..2019"},
	{"unknown_topic", "topic:quantenmagie"},
	{"unknown_series", "series:g7"},
	{"exclusion_in_or", "KI OR -AI"},
	{"umlaut_position", `Länderübergreifend "offen`},
	{"too_long", strings.Repeat("a", MaxQueryLen+1)},
	{"too_deep", strings.Repeat("(", maxDepth+1) + "KI" + strings.Repeat(")", maxDepth+1)},
}

// parseResult renders the result of parsing q for a golden file.
func parseResult(q string) string {
	n, err := parse(q, corpus.Laender(), corpus.DefaultThesaurus())
	if err != nil {
		return "error: " + err.Error()
	}
	return "tree: " + n.String()
}

func TestParse(t *testing.T) {
	for _, tc := range parseCases {
		t.Run(tc.name, func(t *testing.T) {
			got := "query: " + tc.q + "\n" + parseResult(tc.q) + "\n"
			file := filepath.Join("testdata", "TestParse", tc.name+".golden")
			if *update {
				if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("parse %q:\ngot  %s\nwant %s", tc.q, got, want)
			}
		})
	}
}

func TestQueryError(t *testing.T) {
	tests := []struct {
		q   string
		pos int
	}{
		{`KI "digitale Teilhabe`, 3},
		{`Länderübergreifend "offen`, 19}, // characters, not bytes
		{"(KI OR AI", 0},
		{"KI) Verwaltung", 2},
		{"Strategie foo:bar", 10},
		{"land:XX", 5},
		{"KI OR", 3},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			_, err := parse(tt.q, corpus.Laender(), corpus.DefaultThesaurus())
			var qe *QueryError
			if !errors.As(err, &qe) {
				t.Fatalf("parse %q: got error %v, want a *QueryError", tt.q, err)
			}
			if qe.Pos != tt.pos {
				t.Errorf("parse %q: got position %d, want %d", tt.q, qe.Pos, tt.pos)
			}
			if !errors.Is(err, corpus.ErrInvalid) {
				t.Errorf("parse %q: got %v, want it to match corpus.ErrInvalid", tt.q, err)
			}
		})
	}
}

// goldenQueries returns the queries of the TestParse golden files.
func goldenQueries(tb testing.TB) []string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "TestParse", "*.golden"))
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			tb.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(nil, 1<<20)
		if sc.Scan() {
			out = append(out, strings.TrimPrefix(sc.Text(), "query: "))
		}
		fh.Close()
	}
	return out
}

var (
	fuzzIndexOnce sync.Once
	fuzzIndex     *Index
)

// sharedTestIndex is one small index reused by fuzz targets.
func sharedTestIndex(tb testing.TB) *Index {
	tb.Helper()
	fuzzIndexOnce.Do(func() {
		ix, err := NewMemory(Options{})
		if err != nil {
			tb.Fatal(err)
		}
		fuzzIndex = ix
	})
	return fuzzIndex
}

func FuzzParse(f *testing.F) {
	for _, q := range goldenQueries(f) {
		f.Add(q)
	}
	ix := sharedTestIndex(f)
	f.Fuzz(func(t *testing.T, q string) {
		n, err := parse(q, corpus.Laender(), corpus.DefaultThesaurus())
		if err != nil {
			var qe *QueryError
			if !errors.As(err, &qe) {
				t.Fatalf("parse %q: got %T %v, want a *QueryError", q, err, err)
			}
			if qe.Pos < 0 || qe.Pos > utf8.RuneCountInString(q) && qe.Pos != MaxQueryLen {
				t.Fatalf("parse %q: error position %d outside the query", q, qe.Pos)
			}
			return
		}
		var check func(*node)
		check = func(n *node) {
			if n.pos < 0 || n.end > len(q) || n.pos > n.end {
				t.Fatalf("parse %q: node %s has span [%d,%d)", q, n, n.pos, n.end)
			}
			for _, k := range n.kids {
				check(k)
			}
		}
		check(n)
		_ = n.String()
		// Compiling must not fail other than with a QueryError.
		p := &plan{req: Request{Query: q}, root: n, matchAll: len(n.kids) == 0}
		if _, _, err := ix.build(p, nil); err != nil {
			var qe *QueryError
			if !errors.As(err, &qe) {
				t.Fatalf("build %q: got %v, want nil or a *QueryError", q, err)
			}
		}
	})
}
