package search

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/laendergraph/laendergraph/corpus"
)

func testSplitter(tb testing.TB) *splitter {
	tb.Helper()
	return newSplitter(compoundWords(corpus.DefaultThesaurus(), corpus.Laender()))
}

func TestSplit(t *testing.T) {
	sp := testSplitter(t)
	tests := []struct {
		word string
		want []string
	}{
		{"digitalisierungsstrategien", []string{"digitalisierung", "strategien"}}, // -s- link, plural ending
		{"breitbandausbau", []string{"breitband", "ausbau"}},                      // longest match, not breit+band+aus+bau
		{"cyberwehr", []string{"cyber", "wehr"}},
		{"landesregierung", []string{"land", "regierung"}},     // -es- link
		{"spitzengruppe", []string{"spitze", "gruppe"}},        // -n- link
		{"hochschulbildung", []string{"hochschul", "bildung"}}, // dropped e of Hochschule
		{"onlinezugangsgesetzes", []string{"online", "zugang", "gesetzes"}},
		{"laenderberichte", []string{"laender", "berichte"}}, // umlaut spelt out
		{"länderberichte", []string{"länder", "berichte"}},
		{"digitalministerinnen", []string{"digital", "ministerinnen"}},
		{"digitalrat", []string{"digital", "rat"}},
		{"feuerwehr", nil},                // listed whole
		{"strategie", nil},                // a single word
		{"strategien", nil},               // a single word with an ending
		{"beratung", nil},                 // "be" is no part
		{"brandenburgs", nil},             // a Land name is never split (not Brand+en+Burg)
		{"kralinski", nil},                // unknown word
		{"rat", nil},                      // too short
		{"d16", nil},                      // not only letters
		{"cyberwehrabc", nil},             // not fully covered by listed words
		{strings.Repeat("haus", 13), nil}, // too long to be a word
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got := sp.split(tt.word); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("split(%q): got %q, want %q", tt.word, got, tt.want)
			}
		})
	}
}

// tokens renders the token stream of analyzer over s as "term@position",
// without the pair tokens (see TestPairs).
func tokens(tb testing.TB, ix *Index, analyzer, s string) []string {
	tb.Helper()
	return tokensPairs(tb, ix, analyzer, s, false)
}

func tokensPairs(tb testing.TB, ix *Index, analyzer, s string, pairs bool) []string {
	tb.Helper()
	a := ix.b.Mapping().AnalyzerNamed(analyzer)
	if a == nil {
		tb.Fatalf("no analyzer %s", analyzer)
	}
	var out []string
	for _, t := range a.Analyze([]byte(s)) {
		if !pairs && isPair(string(t.Term)) {
			continue
		}
		out = append(out, fmt.Sprintf("%s@%d", t.Term, t.Position))
	}
	return out
}

// TestPairs checks the pair tokens of the laendergraph analyzers: one for
// every two terms at consecutive positions (none across a stop word), at
// the first one's position and spanning both words.
func TestPairs(t *testing.T) {
	ix, err := NewMemory(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	tests := []struct {
		analyzer, in string
		want         []string
	}{
		{analyzerParts, "Digitalisierungsstrategien", []string{"digitalisierung@1", "digitalisierung strategi@1", "strategi@2"}},
		{analyzerParts, "Breitbandausbau im Land", []string{"breitband@1", "breitband ausbau@1", "ausbau@2", "land@4"}},
		{analyzerParts, "digitale Strategie", []string{"digital@1", "digital strategi@1", "strategi@2"}},
		{analyzerWord, "keine eigene Cyberwehr", []string{"kein@1", "kein eig@1", "eig@2", "eig cyberwehr@2", "cyberwehr@3"}},
		{analyzerWord, "der Plan und die Zeit", []string{"plan@2", "zeit@5"}},
		{analyzerSpell, "digitale Teilhabe", []string{"digitale@1", "teilhabe@2"}},
	}
	for _, tt := range tests {
		if got := tokensPairs(t, ix, tt.analyzer, tt.in, true); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s(%q): got %q, want %q", tt.analyzer, tt.in, got, tt.want)
		}
	}
	in := "Der Breitbandausbau läuft."
	for _, tok := range ix.b.Mapping().AnalyzerNamed(analyzerParts).Analyze([]byte(in)) {
		if !isPair(string(tok.Term)) {
			continue
		}
		if got := in[tok.Start:tok.End]; got != "Breitbandausbau" && got != "Breitbandausbau läuft" {
			t.Errorf("pair %s: got span %q, want its words", tok.Term, got)
		}
	}
}

func TestAnalyzer(t *testing.T) {
	lg, err := NewMemory(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer lg.Close()
	de, err := NewMemory(Options{Analysis: AnalysisDE})
	if err != nil {
		t.Fatal(err)
	}
	defer de.Close()
	tests := []struct {
		name     string
		ix       *Index
		analyzer string
		in       string
		want     []string
	}{
		{"compound whole", lg, analyzerWord, "Digitalisierungsstrategien", []string{"digitalisierungsstrategi@1"}},
		{"compound parts", lg, analyzerParts, "Digitalisierungsstrategien", []string{"digitalisierung@1", "strategi@2"}},
		{"singular and plural meet", lg, analyzerParts, "Strategie Strategien", []string{"strategi@1", "strategi@2"}},
		{"positions shift after a compound", lg, analyzerParts, "Breitbandausbau im Land", []string{"breitband@1", "ausbau@2", "land@4"}},
		{"negation kept", lg, analyzerWord, "keine eigene Cyberwehr", []string{"kein@1", "eig@2", "cyberwehr@3"}},
		{"negation dropped by de", de, "de", "keine eigene Cyberwehr", []string{"eig@2", "cyberwehr@3"}},
		{"nicht and ohne kept", lg, analyzerWord, "nicht ohne Plan", []string{"nicht@1", "ohn@2", "plan@3"}},
		{"stop words dropped", lg, analyzerWord, "der Plan und die Zeit", []string{"plan@2", "zeit@5"}},
		{"umlauts folded", lg, analyzerWord, "Württemberg Wuerttemberg", []string{"wurttemberg@1", "wurttemberg@2"}},
		{"sharp s folded", lg, analyzerWord, "Straße Strasse", []string{"strass@1", "strass@2"}},
		{"feminine plural", lg, analyzerWord, "Ministerinnen Ministerin", []string{"ministerin@1", "ministerin@2"}},
		{"feminine plural in compound", lg, analyzerParts, "Digitalministerinnen", []string{"digital@1", "ministerin@2"}},
		{"hyphenated", lg, analyzerParts, "Cyber-Wehr", []string{"cyb@1", "wehr@2"}},
		{"genitive after r", lg, analyzerWord, "Labor Labors Sektors Servers", []string{"labor@1", "labor@2", "sektor@3", "serv@4"}},
		{"genitive after r in compound", lg, analyzerParts, "Prüflabors", []string{"pruf@1", "labor@2"}},
		{"short word and consonant before rs kept", lg, analyzerWord, "Kurs Konzerts", []string{"kurs@1", "konzert@2"}},
		{"a word's own s after ur kept", lg, analyzerWord, "Sprachkurs Sprachkurse", []string{"sprachkurs@1", "sprachkurs@2"}},
		{"abbreviation", lg, analyzerWord, "KI-Regulierung", []string{"ki@1", "regulierung@2"}},
		{"spell keeps surface forms", lg, analyzerSpell, "Künstlicher Intelligenz", []string{"künstlicher@1", "intelligenz@2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tokens(t, tt.ix, tt.analyzer, tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%s(%q): got %q, want %q", tt.analyzer, tt.in, got, tt.want)
			}
		})
	}
}

// TestAnalyzerSpans checks that every part of a compound carries the span
// of the whole word, so highlights mark the word.
func TestAnalyzerSpans(t *testing.T) {
	ix, err := NewMemory(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	in := "Der Breitbandausbau läuft."
	for _, tok := range ix.b.Mapping().AnalyzerNamed(analyzerParts).Analyze([]byte(in)) {
		if isPair(string(tok.Term)) {
			continue // see TestPairs
		}
		if got := in[tok.Start:tok.End]; got != "Breitbandausbau" && got != "läuft" {
			t.Errorf("token %s: got span %q, want the whole word", tok.Term, got)
		}
	}
}

// checkTokens checks the invariants of a token stream over in.
func checkTokens(tb testing.TB, ix *Index, analyzer, in string) {
	tb.Helper()
	last := 0
	for _, tok := range ix.b.Mapping().AnalyzerNamed(analyzer).Analyze([]byte(in)) {
		if tok.Start < 0 || tok.End > len(in) || tok.Start > tok.End {
			tb.Fatalf("%s(%q): token %q has span [%d,%d), text is %d bytes", analyzer, in, tok.Term, tok.Start, tok.End, len(in))
		}
		if !utf8.ValidString(in[:tok.Start]) && utf8.ValidString(in) {
			tb.Fatalf("%s(%q): token %q starts inside a character", analyzer, in, tok.Term)
		}
		if len(tok.Term) == 0 {
			tb.Fatalf("%s(%q): empty term", analyzer, in)
		}
		if tok.Position < last {
			tb.Fatalf("%s(%q): position %d after %d", analyzer, in, tok.Position, last)
		}
		last = tok.Position
	}
}

func FuzzAnalyze(f *testing.F) {
	for _, q := range readJudgments(f) {
		f.Add(q.Q)
	}
	for _, s := range []string{
		"Die Landesregierung baut keine Cyberwehr auf.",
		"Digi-\ntalisierungsstrategie der Länder, 21.6.2019",
		"Staatssekretärinnen und -sekretäre, „Breitbandausbau“",
	} {
		f.Add(s)
	}
	ix, err := NewMemory(Options{})
	if err != nil {
		f.Fatal(err)
	}
	defer ix.Close()
	sp := testSplitter(f)
	f.Fuzz(func(t *testing.T, in string) {
		for _, a := range []string{analyzerWord, analyzerParts, analyzerSpell} {
			checkTokens(t, ix, a, in)
		}
		w := strings.ToLower(in)
		parts := sp.split(w)
		rest := w
		for _, p := range parts { // parts are substrings of the word, in order
			i := strings.Index(rest, p)
			if i < 0 || p == "" {
				t.Fatalf("split(%q): part %q not in order in the word (parts %q)", w, p, parts)
			}
			rest = rest[i+len(p):]
		}
	})
}

// TestVersion1Index checks that an index built before pair tokens (analysis
// version 1) still opens and finds what an index of version 2 finds,
// searching phrases as phrases.
func TestVersion1Index(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "index")
	old := version1Index(t, dir)
	defer old.Close()
	docs := speedDocs()
	if err := old.Put(ctx, docs); err != nil {
		t.Fatal(err)
	}
	cur := memIndex(t, AnalysisLaendergraph, docs)
	sameHits(t, old, cur)
}

// sameHits checks that got finds what want finds for every query of
// speedQueries.
func sameHits(tb testing.TB, got, want *Index) {
	tb.Helper()
	ctx := context.Background()
	for _, req := range speedQueries {
		req.Limit = MaxLimit
		w, err := want.Search(ctx, req)
		if err != nil {
			tb.Fatal(err)
		}
		g, err := got.Search(ctx, req)
		if err != nil {
			tb.Fatal(err)
		}
		if g.Total != w.Total {
			tb.Errorf("%q: got %d hits, want %d", req.Query, g.Total, w.Total)
			continue
		}
		if w.Total <= MaxLimit {
			if gs, ws := sorted(hitIDs(g)), sorted(hitIDs(w)); !reflect.DeepEqual(gs, ws) {
				tb.Errorf("%q: got hits %v, want %v", req.Query, gs, ws)
			}
		}
	}
}

// olderIndex creates an index in dir as an older analysis version built
// it — the analysis chains without the filters named — and opens it.
func olderIndex(tb testing.TB, dir, version string, without ...string) *Index {
	tb.Helper()
	opts := Options{}
	opts.setDefaults()
	m, err := newMapping(AnalysisLaendergraph, compoundWords(opts.Thesaurus, opts.Registry))
	if err != nil {
		tb.Fatal(err)
	}
	for _, name := range []string{analyzerWord, analyzerParts} {
		a := m.CustomAnalysis.Analyzers[name]
		var fs []interface{}
		for _, f := range a["token_filters"].([]interface{}) {
			if !slices.Contains(without, f.(string)) {
				fs = append(fs, f)
			}
		}
		if len(fs) == len(a["token_filters"].([]interface{})) {
			tb.Fatalf("%s: none of the filters %v to leave out", name, without)
		}
		a["token_filters"] = fs
	}
	b, err := bleve.NewUsing(dir, m, scorch.Name, scorch.Name, nil)
	if err != nil {
		tb.Fatal(err)
	}
	if err := b.SetInternal(analysisKey, []byte(AnalysisLaendergraph+"/"+version)); err != nil {
		tb.Fatal(err)
	}
	if err := b.Close(); err != nil {
		tb.Fatal(err)
	}
	old, err := Open(context.Background(), dir, Options{})
	if err != nil {
		tb.Fatalf("open a version %s index: %v", version, err)
	}
	return old
}

// version1Index creates an index in dir as analysis version 1 built it
// (no pair tokens, no genitive filter) and opens it.
func version1Index(tb testing.TB, dir string) *Index {
	tb.Helper()
	old := olderIndex(tb, dir, "1", pairFilterName, genitiveFilterName)
	if old.fields.pairs {
		tb.Fatal("a version 1 index is searched with pairs")
	}
	if got := tokensPairs(tb, old, analyzerParts, "Digitalstrategie", true); !reflect.DeepEqual(got, []string{"digital@1", "strategi@2"}) {
		tb.Errorf("version 1 parts: got %q, want no pair", got)
	}
	return old
}

// TestVersion2Index opens an index built before the genitive filter: it is
// read with the analysis its mapping names, so a word indexed with its
// genitive -s is found by the same word, and the current analysis finds it
// by the word without it.
func TestVersion2Index(t *testing.T) {
	ctx := context.Background()
	old := olderIndex(t, filepath.Join(t.TempDir(), "index"), "2", genitiveFilterName)
	defer old.Close()
	if !old.fields.pairs {
		t.Error("a version 2 index is searched without pairs")
	}
	if got := tokens(t, old, analyzerWord, "Labors"); !reflect.DeepEqual(got, []string{"labors@1"}) {
		t.Errorf("version 2 words: got %q, want the genitive kept", got)
	}
	docs := []corpus.Document{{ID: "lab", File: "lab.txt", Title: "Aufbau des Prüflabors", Text: "Die Länder berichten über den Aufbau des Prüflabors."}}
	if err := old.Put(ctx, docs); err != nil {
		t.Fatal(err)
	}
	cur := memIndex(t, AnalysisLaendergraph, docs)
	for ix, q := range map[*Index]string{old: "Prüflabors", cur: "Prüflabor"} {
		res, err := ix.Search(ctx, Request{Query: q, Limit: 5})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 1 {
			t.Errorf("search %q: %d hits, want the document", q, res.Total)
		}
	}
}
