package search

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/laendergraph/laendergraph/corpus"
)

// fixtures are short documents written for these tests.
func fixtures() []corpus.Document {
	return []corpus.Document{
		{ID: "cyberwehr-bw", File: "docs/cyberwehr-bw.txt", Title: "Land baut Cyberwehr auf", Date: "2017-11-14",
			Kind: corpus.KindPressRelease, Land: "BW", Laender: []corpus.LandCode{"BW"},
			Topics: []corpus.TopicID{"cyberwehr", "cybersicherheit"}, Source: "https://example.org/bw", Format: "txt",
			Text: "Baden-Württemberg baut eine Cyberwehr auf. Sie berät kleine Firmen nach Hackerangriffen rund um die Uhr."},
		{ID: "lsi-by", File: "docs/lsi-by.txt", Title: "Neues Landesamt für IT-Sicherheit", Date: "2018-01-31",
			Kind: corpus.KindNews, Land: "BY", Laender: []corpus.LandCode{"BY"}, Topics: []corpus.TopicID{"cybersicherheit"},
			Text: "Der Freistaat Bayern eröffnet ein Landesamt, das Behörden vor Angriffen schützt. Das Land hat keine eigene Cyberwehr."},
		{ID: "dmk-2024", File: "docs/dmk-2024.txt", Title: "Erste Digitalministerkonferenz in Potsdam", Date: "2024-04-19",
			Kind: corpus.KindPressRelease, Land: "BB", Laender: []corpus.LandCode{"BB", "BE"},
			Topics: []corpus.TopicID{"ki", "breitband"}, Series: []corpus.SeriesID{"dmk"},
			Text: "Die Digitalministerkonferenz der Länder tagt zum ersten Mal. Auf der Tagesordnung stehen Künstliche Intelligenz und der Breitbandausbau."},
		{ID: "nrw-strategie", File: "docs/nrw-strategie.txt", Title: "NRW stellt Digitalstrategie vor", Date: "2019-04-11",
			Kind: corpus.KindNews, Land: "NW", Laender: []corpus.LandCode{"NW"},
			Topics: []corpus.TopicID{"digitalstrategie", "breitband", "teilhabe"},
			Text:   "Nordrhein-Westfalen hat eine neue Digitalisierungsstrategie beschlossen. Sie setzt auf Gigabit-Netze und digitale Teilhabe."},
		{ID: "rat-berlin", File: "docs/rat-berlin.txt", Title: "Senat legt Vorlage vor", Date: "2022-12-20",
			Kind: corpus.KindPressRelease, Land: "BE", Laender: []corpus.LandCode{"BE"}, Topics: []corpus.TopicID{"digitalstrategie"},
			Text: "Der Rat der Bürgermeister berät die neue Strategie für die Stadt."},
		{ID: "digitalrat", File: "docs/digitalrat.txt", Title: "Fachleute beraten die Regierung", Date: "2021",
			Kind: corpus.KindWebPage, Land: "HE", Laender: []corpus.LandCode{"HE"},
			Text: "Ein Digitalrat aus Fachleuten soll die Landesregierung beraten. Der Digitalrat trifft sich viermal im Jahr."},
		{ID: "ozg-hessen", File: "docs/ozg-hessen.txt", Title: "Onlinezugangsgesetz umsetzen",
			Kind: corpus.KindWebPage, Land: "HE", Laender: []corpus.LandCode{"HE"}, Topics: []corpus.TopicID{"verwaltung"},
			Text: "Die Umsetzung des Onlinezugangsgesetzes bindet viele Kräfte in den Kommunen."},
		{ID: "teilhabe-bw", File: "docs/teilhabe-bw.txt", Title: "Erklärung zur digitalen Teilhabe", Date: "2022-06",
			Kind: corpus.KindPressRelease, Land: "BW", Laender: []corpus.LandCode{"BW", "BY"},
			Topics: []corpus.TopicID{"teilhabe"}, Series: []corpus.SeriesID{"d16"},
			Text: "Die Länder verabschieden eine Erklärung zur digitalen Teilhabe. Niemand soll vom digitalen Wandel abgehängt werden."},
	}
}

func fixtureIndex(tb testing.TB, analysis string) *Index {
	tb.Helper()
	return memIndex(tb, analysis, fixtures())
}

func hitIDs(res *Result) []string {
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, string(h.Doc.ID))
	}
	return ids
}

func sorted(ids []string) []string {
	out := append([]string(nil), ids...)
	sort.Strings(out)
	return out
}

func TestSearch(t *testing.T) {
	ix := fixtureIndex(t, AnalysisLaendergraph)
	tests := []struct {
		name  string
		req   Request
		want  []string // in any order
		first string   // the top hit, when it matters
	}{
		{"word", Request{Query: "Cyberwehr"}, []string{"cyberwehr-bw", "lsi-by"}, "cyberwehr-bw"},
		{"negation binds to the next word", Request{Query: "keine Cyberwehr"}, []string{"lsi-by"}, ""},
		{"part of a compound", Request{Query: "Strategie"}, []string{"rat-berlin", "nrw-strategie"}, "rat-berlin"},
		{"whole word above part", Request{Query: "Rat"}, []string{"rat-berlin", "digitalrat"}, "rat-berlin"},
		{"compound query matches inflected compound", Request{Query: "Digitalisierungsstrategien"}, []string{"nrw-strategie"}, ""},
		{"abbreviation KI", Request{Query: "KI"}, []string{"dmk-2024"}, ""},
		{"abbreviation OZG", Request{Query: "OZG"}, []string{"ozg-hessen"}, ""},
		{"Land alias", Request{Query: "NRW"}, []string{"nrw-strategie"}, ""},
		{"Land code", Request{Query: "BW Cyberwehr"}, []string{"cyberwehr-bw"}, ""},
		{"series alias", Request{Query: "DMK"}, []string{"dmk-2024"}, ""},
		{"related term at low weight", Request{Query: "Breitband"}, []string{"dmk-2024", "nrw-strategie"}, "dmk-2024"},
		{"phrase", Request{Query: `"digitale Teilhabe"`}, []string{"nrw-strategie", "teilhabe-bw"}, ""},
		{"german quotes", Request{Query: "„digitalen Wandel“"}, []string{"teilhabe-bw"}, ""},
		{"exclude filter", Request{Query: "Cyberwehr -land:BY"}, []string{"cyberwehr-bw"}, ""},
		{"land by name", Request{Query: "Cyberwehr land:Bayern"}, []string{"lsi-by"}, ""},
		{"land counts mentions", Request{Query: "Teilhabe land:BY"}, []string{"teilhabe-bw"}, ""},
		{"kind filter", Request{Query: "Breitband kind:news"}, []string{"nrw-strategie"}, ""},
		{"topic filter", Request{Query: "Konferenz topic:ki"}, []string{"dmk-2024"}, ""},
		{"series filter", Request{Query: "Potsdam series:dmk"}, []string{"dmk-2024"}, ""},
		{"year filter", Request{Query: "Strategie OR Teilhabe year:2022"}, []string{"rat-berlin", "teilhabe-bw"}, ""},
		{"year range", Request{Query: "Cyberwehr year:2017..2018"}, []string{"cyberwehr-bw", "lsi-by"}, ""},
		{"undated", Request{Query: "year:undatiert"}, []string{"ozg-hessen"}, ""},
		{"undated or 2021", Request{Query: "Kommunen OR Digitalrat year:undatiert"}, []string{"ozg-hessen"}, ""},
		{"or", Request{Query: "Landesamt OR Digitalrat"}, []string{"lsi-by", "digitalrat"}, ""},
		{"group and exclusion", Request{Query: "(Cyberwehr OR Digitalrat) -Bayern"}, []string{"cyberwehr-bw", "digitalrat"}, ""},
		{"request land", Request{Query: "Erklärung", Land: "bw"}, []string{"teilhabe-bw"}, ""},
		{"request kind", Request{Query: "Digitalrat OR Onlinezugangsgesetz", Kind: corpus.KindWebPage}, []string{"digitalrat", "ozg-hessen"}, ""},
		{"request topic, empty query", Request{Topic: "verwaltung"}, []string{"ozg-hessen"}, ""},
		{"request series", Request{Series: "d16"}, []string{"teilhabe-bw"}, ""},
		{"date range", Request{Query: "Strategie OR Digitalrat OR Teilhabe", From: "2020", To: "2022-12-31"}, []string{"rat-berlin", "digitalrat", "teilhabe-bw"}, ""},
		{"date range, partial date overlaps", Request{From: "2022-06-15", To: "2022-06-30"}, []string{"teilhabe-bw"}, ""},
		{"everything", Request{}, []string{"cyberwehr-bw", "lsi-by", "dmk-2024", "nrw-strategie", "rat-berlin", "digitalrat", "ozg-hessen", "teilhabe-bw"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ix.Search(context.Background(), tt.req)
			if err != nil {
				t.Fatalf("search %+v: %v", tt.req, err)
			}
			got := hitIDs(res)
			if want := sorted(tt.want); !reflect.DeepEqual(sorted(got), want) && !(len(got) == 0 && len(want) == 0) {
				t.Errorf("search %q: got %v, want %v (read as: %s)", tt.req.Query, got, want, res.Interpretation)
			}
			if res.Total != uint64(len(got)) {
				t.Errorf("search %q: got total %d, want %d", tt.req.Query, res.Total, len(got))
			}
			if tt.first != "" && (len(got) == 0 || got[0] != tt.first) {
				t.Errorf("search %q: got order %v, want %s first", tt.req.Query, got, tt.first)
			}
		})
	}
}

// TestNoBroaderTopic checks that a query term is not widened to its broader
// topic: a text on cyber security without the word Cyberwehr is no hit for
// Cyberwehr.
func TestNoBroaderTopic(t *testing.T) {
	ix := fixtureIndex(t, AnalysisLaendergraph)
	sec := corpus.Document{ID: "sicherheit-sh", File: "sh.txt", Title: "Mehr Cybersicherheit", Kind: corpus.KindNews,
		Topics: []corpus.TopicID{"cybersicherheit"},
		Text:   "Schleswig-Holstein stärkt die Cybersicherheit, die IT-Sicherheit und die Abwehr von Cyberangriffen."}
	if err := ix.Put(context.Background(), []corpus.Document{sec}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"Cyberwehr", "Cyberwehren", "Cyber-Wehr"} {
		res, err := ix.Search(context.Background(), Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		if got := sorted(hitIDs(res)); !reflect.DeepEqual(got, []string{"cyberwehr-bw", "lsi-by"}) {
			t.Errorf("%q: got %v, want only the documents that name a Cyberwehr", q, got)
		}
	}
	res, err := ix.Search(context.Background(), Request{Query: "Cybersicherheit"})
	if err != nil {
		t.Fatal(err)
	}
	if ids := hitIDs(res); len(ids) == 0 || ids[0] != "sicherheit-sh" {
		t.Errorf("Cybersicherheit: got %v, want sicherheit-sh first", ids)
	}
}

// TestSearchDE documents the baseline: Bleve's German analysis drops
// negations and does not split compounds.
func TestSearchDE(t *testing.T) {
	ix := fixtureIndex(t, AnalysisDE)
	tests := []struct {
		q    string
		want []string
	}{
		{"keine Cyberwehr", []string{"cyberwehr-bw", "lsi-by"}},
		{"Strategie", []string{"rat-berlin"}},
		{"KI", nil},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			res, err := ix.Search(context.Background(), Request{Query: tt.q})
			if err != nil {
				t.Fatal(err)
			}
			if got := sorted(hitIDs(res)); !reflect.DeepEqual(got, sorted(tt.want)) && len(got)+len(tt.want) > 0 {
				t.Errorf("de %q: got %v, want %v", tt.q, got, tt.want)
			}
		})
	}
}

// A query of only filters or only exclusions browses the documents they let
// through.
func TestSearchOnlyFiltersOrExclusions(t *testing.T) {
	ix := fixtureIndex(t, AnalysisLaendergraph)
	tests := []struct {
		q    string
		want []string
	}{
		{"land:HE", []string{"digitalrat", "ozg-hessen"}},
		{"kind:news year:2019", []string{"nrw-strategie"}},
		{"-Cyberwehr -Teilhabe -Strategie", []string{"dmk-2024", "digitalrat", "ozg-hessen"}},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			res, err := ix.Search(context.Background(), Request{Query: tt.q, Limit: 100})
			if err != nil {
				t.Fatal(err)
			}
			if got := sorted(hitIDs(res)); !reflect.DeepEqual(got, sorted(tt.want)) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSearchErrors(t *testing.T) {
	ix := fixtureIndex(t, AnalysisLaendergraph)
	cur := func() string {
		res, err := ix.Search(context.Background(), Request{Query: "Cyberwehr", Limit: 1})
		if err != nil || res.Next == "" {
			t.Fatalf("want a cursor: %v", err)
		}
		return res.Next
	}()
	tests := []struct {
		name     string
		req      Request
		queryErr bool // a *QueryError, not only corpus.ErrInvalid
	}{
		{"only stop words", Request{Query: "der die das"}, true},
		{"unclosed quote", Request{Query: `"Cyberwehr`}, true},
		{"unknown sort", Request{Query: "Cyberwehr", Sort: "title"}, false},
		{"negative limit", Request{Query: "Cyberwehr", Limit: -1}, false},
		{"unknown land", Request{Query: "Cyberwehr", Land: "XX"}, false},
		{"unknown kind", Request{Query: "Cyberwehr", Kind: "blog"}, false},
		{"bad date", Request{Query: "Cyberwehr", From: "2020-13"}, false},
		{"malformed cursor", Request{Query: "Cyberwehr", Cursor: "%%%"}, false},
		{"cursor of another query", Request{Query: "Teilhabe", Cursor: cur}, false},
		{"cursor of another sort", Request{Query: "Cyberwehr", Sort: "date", Cursor: cur}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ix.Search(context.Background(), tt.req)
			if !errors.Is(err, corpus.ErrInvalid) {
				t.Fatalf("search %+v: got error %v, want corpus.ErrInvalid", tt.req, err)
			}
			var qe *QueryError
			if got := errors.As(err, &qe); got != tt.queryErr {
				t.Errorf("search %+v: got QueryError %v, want %v (%v)", tt.req, got, tt.queryErr, err)
			}
			if err := ix.Each(context.Background(), tt.req, func(Hit) error { return nil }); !errors.Is(err, corpus.ErrInvalid) {
				t.Errorf("each %+v: got error %v, want corpus.ErrInvalid", tt.req, err)
			}
		})
	}
}

func TestHighlights(t *testing.T) {
	ix := fixtureIndex(t, AnalysisLaendergraph)
	long := corpus.Document{ID: "long", File: "long.txt", Title: "Ein langer Text", Kind: corpus.KindOther,
		Text: strings.Repeat("Vorne steht viel Text über Straßen und Wege. ", 10) + "Hier wird die Glasfaserleitung verlegt. " +
			strings.Repeat("Hinten steht noch mehr Text über Häuser & Gärten <und> Plätze. ", 10)}
	titleOnly := corpus.Document{ID: "title", File: "title.txt", Title: "Gigabitausbau im Land", Kind: corpus.KindOther,
		Text: "Der Text nennt das Thema nicht."}
	if err := ix.Put(context.Background(), []corpus.Document{long, titleOnly}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		q, id string
		want  []string // substrings of the first highlight
	}{
		{"Strategie", "rat-berlin", []string{"die neue <mark>Strategie</mark> für"}},
		{"Strategie", "nrw-strategie", []string{"<mark>Digitalisierungsstrategie</mark>"}}, // the whole compound
		{`"digitale Teilhabe"`, "nrw-strategie", []string{"und <mark>digitale Teilhabe</mark>."}},
		{"KI", "dmk-2024", []string{"<mark>Künstliche Intelligenz</mark>"}},
		{"Cyberwehr", "cyberwehr-bw", []string{"Baden-Württemberg baut eine <mark>Cyberwehr</mark> auf."}},
		{"keine Cyberwehr", "lsi-by", []string{"hat <mark>keine</mark> eigene <mark>Cyberwehr</mark>"}},
		{"Glasfaser", "long", []string{"<mark>Glasfaserleitung</mark>", "…", "&amp;"}},
		{"Gigabitausbau", "title", []string{"<mark>Gigabitausbau</mark> im Land"}},
	}
	for _, tt := range tests {
		t.Run(tt.q+"/"+tt.id, func(t *testing.T) {
			res, err := ix.Search(context.Background(), Request{Query: tt.q, Highlight: true, Limit: 100})
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range res.Hits {
				if string(h.Doc.ID) != tt.id {
					continue
				}
				if len(h.Highlights) == 0 {
					t.Fatalf("%q: %s has no highlights", tt.q, tt.id)
				}
				for _, w := range tt.want {
					if !strings.Contains(h.Highlights[0], w) {
						t.Errorf("%q: got highlight %q, want it to contain %q", tt.q, h.Highlights[0], w)
					}
				}
				if h.Doc.Text != "" {
					t.Errorf("%q: hit carries the text", tt.q)
				}
				return
			}
			t.Fatalf("%q: got hits %v, want %s", tt.q, hitIDs(res), tt.id)
		})
	}
	t.Run("no highlights unless asked", func(t *testing.T) {
		res, err := ix.Search(context.Background(), Request{Query: "Cyberwehr"})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			if h.Highlights != nil {
				t.Errorf("got highlights %q, want none", h.Highlights)
			}
		}
	})
}

func TestSnippets(t *testing.T) {
	words := strings.Fields(strings.Repeat("alpha beta gamma delta epsilon ", 40))
	text := strings.Join(words, " ")
	at := strings.Index(text, "gamma delta epsilon alpha beta gamma") + len("gamma delta epsilon alpha beta ") + 300
	at = strings.Index(text[at:], "gamma") + at
	got := snippets(text, []span{{at, at + len("gamma"), true}})
	if len(got) != 1 {
		t.Fatalf("got %d snippets, want 1", len(got))
	}
	s := got[0]
	if !strings.HasPrefix(s, "…") || !strings.HasSuffix(s, "…") {
		t.Errorf("got %q, want … at both ends", s)
	}
	plain := strings.NewReplacer("<mark>", "", "</mark>", "", "…", "").Replace(s)
	for _, w := range strings.Fields(plain) {
		switch w {
		case "alpha", "beta", "gamma", "delta", "epsilon":
		default:
			t.Errorf("got %q: word %q is cut", s, w)
		}
	}
	if n := len([]rune(plain)); n < snippetLen-snapSlack || n > snippetLen+2*snapSlack {
		t.Errorf("got a snippet of %d characters, want about %d", n, snippetLen)
	}
	if strings.Count(s, "<mark>gamma</mark>") != 1 {
		t.Errorf("got %q, want one marked gamma", s)
	}
	short := "Kurzer Text mit Treffer."
	if got := snippets(short, []span{{16, 23, true}}); len(got) != 1 || got[0] != "Kurzer Text mit <mark>Treffer</mark>." {
		t.Errorf("got %q, want the whole short text", got)
	}
}

func TestFacets(t *testing.T) {
	ix := fixtureIndex(t, AnalysisLaendergraph)
	res, err := ix.Search(context.Background(), Request{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]FacetValue{
		"land":   {{"BW", 2}, {"BY", 2}, {"BE", 2}, {"HE", 2}, {"BB", 1}, {"NW", 1}},
		"kind":   {{"press-release", 4}, {"news", 2}, {"web-page", 2}},
		"topic":  {{"breitband", 2}, {"cybersicherheit", 2}, {"digitalstrategie", 2}, {"teilhabe", 2}, {"cyberwehr", 1}, {"ki", 1}, {"verwaltung", 1}},
		"year":   {{"2022", 2}, {"2017", 1}, {"2018", 1}, {"2019", 1}, {"2021", 1}, {"2024", 1}},
		"series": {{"d16", 1}, {"dmk", 1}},
	}
	// equal counts sort by value
	sort.SliceStable(want["land"], func(i, j int) bool {
		a, b := want["land"][i], want["land"][j]
		return a.Count > b.Count || a.Count == b.Count && a.Value < b.Value
	})
	for name, w := range want {
		if got := res.Facets[name]; !reflect.DeepEqual(got, w) {
			t.Errorf("facet %s: got %v, want %v", name, got, w)
		}
	}
	res, err = ix.Search(context.Background(), Request{Query: "Cyberwehr"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := res.Facets["land"], []FacetValue{{"BW", 1}, {"BY", 1}}; !reflect.DeepEqual(got, want) {
		t.Errorf("facet land of Cyberwehr: got %v, want %v", got, want)
	}
}

func TestSortDate(t *testing.T) {
	ix := fixtureIndex(t, AnalysisLaendergraph)
	res, err := ix.Search(context.Background(), Request{Sort: "date"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"dmk-2024", "rat-berlin", "teilhabe-bw", "digitalrat", "nrw-strategie", "lsi-by", "cyberwehr-bw", "ozg-hessen"}
	if got := hitIDs(res); !reflect.DeepEqual(got, want) {
		t.Errorf("sort by date: got %v, want %v (undated last)", got, want)
	}
}

// syntheticDocs returns n documents with varied text, dates (some missing)
// and Länder.
func syntheticDocs(n int) []corpus.Document {
	words := readList(wordsTxt)
	codes := corpus.Laender().Codes()
	docs := make([]corpus.Document, n)
	for i := range docs {
		var b strings.Builder
		for j := 0; j < 40; j++ {
			b.WriteString(words[(i*7+j*13)%len(words)])
			b.WriteByte(' ')
		}
		for j := 0; j < i%5+1; j++ {
			b.WriteString("Glasfaser ")
		}
		d := corpus.Document{
			ID: corpus.DocID(fmt.Sprintf("doc-%03d", i)), File: fmt.Sprintf("docs/%03d.txt", i),
			Title: fmt.Sprintf("Dokument %d", i), Kind: corpus.Kinds[i%len(corpus.Kinds)],
			Land: codes[i%len(codes)], Text: b.String(),
		}
		if i%9 != 0 {
			d.Date = corpus.Date(fmt.Sprintf("%d-%02d-%02d", 2015+i%10, i%12+1, i%28+1))
		}
		docs[i] = d
	}
	return docs
}

func TestCursorPaging(t *testing.T) {
	docs := syntheticDocs(250)
	ix := memIndex(t, AnalysisLaendergraph, docs)
	for _, sortBy := range []string{"relevance", "date"} {
		t.Run(sortBy, func(t *testing.T) {
			req := Request{Query: "Glasfaser", Sort: sortBy, Limit: 7}
			seen := map[string]int{}
			var order []string
			pages := 0
			for {
				res, err := ix.Search(context.Background(), req)
				if err != nil {
					t.Fatal(err)
				}
				if res.Total != 250 {
					t.Fatalf("page %d: got total %d, want 250", pages, res.Total)
				}
				pages++
				for _, h := range res.Hits {
					seen[string(h.Doc.ID)]++
					order = append(order, string(h.Doc.ID))
				}
				if res.Next == "" {
					break
				}
				if pages > 100 {
					t.Fatal("paging does not end")
				}
				req.Cursor = res.Next
			}
			if pages != 36 {
				t.Errorf("got %d pages, want 36", pages)
			}
			if len(seen) != 250 {
				t.Errorf("got %d distinct documents, want 250", len(seen))
			}
			for id, n := range seen {
				if n != 1 {
					t.Errorf("document %s: got %d times, want once", id, n)
				}
			}
			var each []string
			err := ix.Each(context.Background(), Request{Query: "Glasfaser", Sort: sortBy}, func(h Hit) error {
				each = append(each, string(h.Doc.ID))
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(each, order) {
				t.Errorf("Each: got %d hits in another order than the pages", len(each))
			}
		})
	}
}

func TestEach(t *testing.T) {
	docs := syntheticDocs(1203) // more than two internal pages
	ix := memIndex(t, AnalysisLaendergraph, docs)
	n := 0
	err := ix.Each(context.Background(), Request{Query: "Glasfaser", Highlight: true}, func(h Hit) error {
		n++
		if len(h.Highlights) == 0 {
			return fmt.Errorf("hit %s without highlights", h.Doc.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != len(docs) {
		t.Errorf("Each: got %d hits, want %d", n, len(docs))
	}
	stop := errors.New("stop")
	n = 0
	err = ix.Each(context.Background(), Request{Query: "Glasfaser"}, func(Hit) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 3 {
		t.Errorf("Each stopping: got %v after %d hits, want stop after 3", err, n)
	}
}

func TestLimit(t *testing.T) {
	ix := memIndex(t, AnalysisLaendergraph, syntheticDocs(150))
	for _, tt := range []struct{ limit, want int }{{0, 10}, {7, 7}, {100, 100}, {1000, MaxLimit}} {
		res, err := ix.Search(context.Background(), Request{Query: "Glasfaser", Limit: tt.limit})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) != tt.want {
			t.Errorf("limit %d: got %d hits, want %d", tt.limit, len(res.Hits), tt.want)
		}
	}
}

func TestDidYouMean(t *testing.T) {
	ix := fixtureIndex(t, AnalysisLaendergraph)
	tests := []struct{ q, want, hit string }{
		{"Cyberwher", "Cyberwehr", "cyberwehr-bw"},
		{"Digitalministerkonferens Potsdam", "Digitalministerkonferenz Potsdam", "dmk-2024"},
		{"onlinezugangsgesetzs", "onlinezugangsgesetzes", "ozg-hessen"},
		{"Digitalrat", "", "digitalrat"}, // spelt right: no suggestion
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			res, err := ix.Search(context.Background(), Request{Query: tt.q, Highlight: true})
			if err != nil {
				t.Fatal(err)
			}
			if res.DidYouMean != tt.want {
				t.Errorf("%q: got did-you-mean %q, want %q", tt.q, res.DidYouMean, tt.want)
			}
			if ids := hitIDs(res); len(ids) == 0 || ids[0] != tt.hit {
				t.Errorf("%q: got hits %v, want %s first", tt.q, ids, tt.hit)
			}
			if tt.want != "" && !strings.Contains(res.Interpretation, "typo") {
				t.Errorf("%q: got interpretation %q, want it to mention typo tolerance", tt.q, res.Interpretation)
			}
			if len(res.Hits) > 0 && len(res.Hits[0].Highlights) == 0 {
				t.Errorf("%q: fuzzy hit without highlights", tt.q)
			}
		})
	}
	t.Run("paging keeps typo tolerance", func(t *testing.T) {
		res, err := ix.Search(context.Background(), Request{Query: "Cyberwher", Limit: 1})
		if err != nil || res.Next == "" {
			t.Fatalf("got %v, %v, want a first page with a cursor", res, err)
		}
		res2, err := ix.Search(context.Background(), Request{Query: "Cyberwher", Limit: 1, Cursor: res.Next})
		if err != nil {
			t.Fatal(err)
		}
		if len(res2.Hits) != 1 || res2.Hits[0].Doc.ID == res.Hits[0].Doc.ID {
			t.Errorf("page 2: got %v, want the other Cyberwehr document", hitIDs(res2))
		}
	})
}

func TestInterpretation(t *testing.T) {
	ix := fixtureIndex(t, AnalysisLaendergraph)
	tests := []struct{ q, want string }{
		{"KI", "Künstliche Intelligenz"},
		{"NRW", "Nordrhein-Westfalen"},
		{"DMK", "Digitalministerkonferenz"},
		{"keine Cyberwehr", "negation"},
		{"Cyberwehr land:BW", "land=BW"},
		{"Cyberwehr -Bayern", "NOT Bayern"},
	}
	for _, tt := range tests {
		res, err := ix.Search(context.Background(), Request{Query: tt.q})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(res.Interpretation, tt.want) {
			t.Errorf("%q: got interpretation %q, want it to contain %q", tt.q, res.Interpretation, tt.want)
		}
	}
	res, err := ix.Search(context.Background(), Request{Query: "Cyberwehr"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(res.Interpretation, "Cybersicherheit") {
		t.Errorf("Cyberwehr: got interpretation %q, want no broader topic", res.Interpretation)
	}
}

func TestHitDocument(t *testing.T) {
	ix, err := NewMemory(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	in := fixtures()[2]
	in.DuplicateOf = "d-other"
	in.ContentHash = "abc123"
	in.IngestedAt = time.Date(2025, 3, 1, 12, 30, 0, 0, time.UTC)
	if err := ix.Put(context.Background(), []corpus.Document{in}); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(context.Background(), Request{Query: "Potsdam"})
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("got %v, %v, want one hit", res, err)
	}
	want := in
	want.Text = ""
	if got := res.Hits[0].Doc; !reflect.DeepEqual(got, want) {
		t.Errorf("hit document:\ngot  %+v\nwant %+v", got, want)
	}
}

func TestUpsertAndDelete(t *testing.T) {
	ctx := context.Background()
	ix, err := NewMemory(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	count := func(q string) uint64 {
		t.Helper()
		res, err := ix.Search(ctx, Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		return res.Total
	}
	doc := corpus.Document{ID: "a", File: "a.txt", Title: "Dorf", Kind: corpus.KindOther, Text: "Glasfaser im Dorf"}
	if err := ix.Put(ctx, []corpus.Document{doc, {File: "b.txt", Title: "Dorf", Kind: corpus.KindOther, Text: "Mobilfunk auf dem Land"}}); err != nil {
		t.Fatal(err)
	}
	doc.Text = "Funkmast im Dorf"
	if err := ix.Put(ctx, []corpus.Document{doc}); err != nil {
		t.Fatal(err)
	}
	if n := count("Glasfaser"); n != 0 {
		t.Errorf("old text: got %d hits, want 0", n)
	}
	if n := count("Funkmast"); n != 1 {
		t.Errorf("new text: got %d hits, want 1", n)
	}
	if n, err := ix.Count(ctx); err != nil || n != 2 {
		t.Errorf("count: got %d, %v, want 2", n, err)
	}
	if err := ix.Delete(ctx, []corpus.DocID{corpus.NewDocID("b.txt"), "unknown"}); err != nil {
		t.Fatal(err)
	}
	if n := count("Mobilfunk"); n != 0 {
		t.Errorf("deleted document: got %d hits, want 0", n)
	}
	if n, err := ix.Count(ctx); err != nil || n != 1 {
		t.Errorf("count after delete: got %d, %v, want 1", n, err)
	}
	if err := ix.Put(ctx, []corpus.Document{{Title: "ohne ID"}}); !errors.Is(err, corpus.ErrInvalid) {
		t.Errorf("document without id or file: got %v, want corpus.ErrInvalid", err)
	}
}

func TestReopen(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Put(ctx, fixtures()); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ix, err = Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := ix.Count(ctx); err != nil || n != uint64(len(fixtures())) {
		t.Errorf("count after reopen: got %d, %v, want %d", n, err, len(fixtures()))
	}
	res, err := ix.Search(ctx, Request{Query: "Strategie", Highlight: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := sorted(hitIDs(res)); !reflect.DeepEqual(got, []string{"nrw-strategie", "rat-berlin"}) {
		t.Errorf("search after reopen: got %v, want the compound split as before", got)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(ctx, dir, Options{Analysis: AnalysisDE}); !errors.Is(err, corpus.ErrInvalid) {
		t.Errorf("reopen with another analysis: got %v, want corpus.ErrInvalid", err)
	}
	empty := t.TempDir() // an existing empty directory is fine
	ix, err = Open(ctx, empty, Options{Analysis: AnalysisDE})
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	if _, err := NewMemory(Options{Analysis: "english"}); !errors.Is(err, corpus.ErrInvalid) {
		t.Errorf("unknown analysis: got %v, want corpus.ErrInvalid", err)
	}
}

func TestCanceled(t *testing.T) {
	ix := fixtureIndex(t, AnalysisLaendergraph)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ix.Search(ctx, Request{Query: "Cyberwehr"}); !errors.Is(err, context.Canceled) {
		t.Errorf("search: got %v, want context.Canceled", err)
	}
	if err := ix.Put(ctx, fixtures()); !errors.Is(err, context.Canceled) {
		t.Errorf("put: got %v, want context.Canceled", err)
	}
	if _, err := Open(ctx, t.TempDir(), Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("open: got %v, want context.Canceled", err)
	}
}

// TestConcurrent searches while documents are written (run with -race).
func TestConcurrent(t *testing.T) {
	ix := fixtureIndex(t, AnalysisLaendergraph)
	docs := syntheticDocs(60)
	ctx := context.Background()
	errc := make(chan error, 5)
	for g := 0; g < 4; g++ {
		go func(g int) {
			for i := 0; i < 20; i++ {
				q := []string{"Cyberwehr", "Strategie", "KI", "Glasfaser", "Cyberwher"}[(g+i)%5]
				if _, err := ix.Search(ctx, Request{Query: q, Highlight: true}); err != nil {
					errc <- err
					return
				}
			}
			errc <- nil
		}(g)
	}
	go func() {
		for i := 0; i < len(docs); i += 10 {
			if err := ix.Put(ctx, docs[i:i+10]); err != nil {
				errc <- err
				return
			}
		}
		errc <- nil
	}()
	for i := 0; i < 5; i++ {
		if err := <-errc; err != nil {
			t.Error(err)
		}
	}
	if n, err := ix.Count(ctx); err != nil || n != uint64(len(fixtures())+len(docs)) {
		t.Errorf("count: got %d, %v, want %d", n, err, len(fixtures())+len(docs))
	}
}
