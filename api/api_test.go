package api

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/graph"
	"github.com/laendergraph/laendergraph/search"
)

// fakeGraph serves the facts of a few extractions.
type fakeGraph struct {
	exts  []corpus.Extraction
	err   error // returned by every method
	panic bool  // Stats panics
}

func (f *fakeGraph) each(fn func(x *corpus.Extraction)) error {
	for i := range f.exts {
		fn(&f.exts[i])
	}
	return f.err
}

func (f *fakeGraph) Documents(context.Context) ([]corpus.Document, error) {
	var out []corpus.Document
	err := f.each(func(x *corpus.Extraction) { d := x.Document; d.Text = ""; out = append(out, d) })
	return out, err
}

func (f *fakeGraph) Document(_ context.Context, id corpus.DocID) (corpus.Document, error) {
	for _, x := range f.exts {
		if x.Document.ID == id {
			return x.Document, f.err
		}
	}
	if f.err != nil {
		return corpus.Document{}, f.err
	}
	return corpus.Document{}, fmt.Errorf("document %s: %w", id, corpus.ErrNotFound)
}

func (f *fakeGraph) LandTopics(_ context.Context, ff graph.FactFilter) ([]corpus.LandTopic, error) {
	var out []corpus.LandTopic
	err := f.each(func(x *corpus.Extraction) {
		for _, lt := range x.LandTopics {
			if (ff.Land == "" || lt.Land == ff.Land) && (ff.Topic == "" || lt.Topic == ff.Topic) {
				out = append(out, lt)
			}
		}
	})
	return out, err
}

func (f *fakeGraph) Mentions(_ context.Context, land corpus.LandCode) ([]corpus.Mention, error) {
	var out []corpus.Mention
	err := f.each(func(x *corpus.Extraction) {
		for _, m := range x.Mentions {
			if land == "" || m.Land == land {
				out = append(out, m)
			}
		}
	})
	return out, err
}

func (f *fakeGraph) TopicMentions(_ context.Context, topic corpus.TopicID) ([]corpus.TopicMention, error) {
	var out []corpus.TopicMention
	err := f.each(func(x *corpus.Extraction) {
		for _, m := range x.TopicMentions {
			if topic == "" || m.Topic == topic {
				out = append(out, m)
			}
		}
	})
	return out, err
}

func (f *fakeGraph) MeetingMentions(context.Context) ([]corpus.MeetingMention, error) {
	var out []corpus.MeetingMention
	err := f.each(func(x *corpus.Extraction) { out = append(out, x.Meetings...) })
	return out, err
}

func (f *fakeGraph) Meetings(ctx context.Context, mf graph.MeetingFilter) ([]corpus.Meeting, error) {
	ms, err := f.MeetingMentions(ctx)
	if err != nil {
		return nil, err
	}
	ts, err := f.ChairTerms(ctx)
	if err != nil {
		return nil, err
	}
	out := []corpus.Meeting{}
	for _, m := range corpus.MergeMeetings(ms, ts) {
		if (mf.Series == "" || m.Series == mf.Series) && (mf.Year == 0 || m.Start.Year() == mf.Year) &&
			(mf.Land == "" || slices.Contains(m.Hosts, mf.Land) || slices.Contains(m.Chairs, mf.Land) || slices.Contains(m.Participants, mf.Land)) {
			out = append(out, m)
		}
	}
	return out, nil
}

func (f *fakeGraph) ChairTerms(context.Context) ([]corpus.ChairTerm, error) {
	var out []corpus.ChairTerm
	err := f.each(func(x *corpus.Extraction) { out = append(out, x.Chairs...) })
	return out, err
}

func (f *fakeGraph) Strategies(_ context.Context, land corpus.LandCode) ([]corpus.Strategy, error) {
	var out []corpus.Strategy
	err := f.each(func(x *corpus.Extraction) {
		for _, s := range x.Strategies {
			if land == "" || s.Land == land {
				out = append(out, s)
			}
		}
	})
	return out, err
}

func (f *fakeGraph) People(_ context.Context, land corpus.LandCode) ([]corpus.Person, error) {
	var out []corpus.Person
	err := f.each(func(x *corpus.Extraction) {
		for _, p := range x.People {
			if land == "" || p.Land == land {
				out = append(out, p)
			}
		}
	})
	return out, err
}

func (f *fakeGraph) Organisations(_ context.Context, land corpus.LandCode) ([]corpus.Organisation, error) {
	var out []corpus.Organisation
	err := f.each(func(x *corpus.Extraction) {
		for _, o := range x.Organisations {
			if land == "" || o.Land == land || o.By == land {
				out = append(out, o)
			}
		}
	})
	return out, err
}

func (f *fakeGraph) Laws(_ context.Context, land corpus.LandCode) ([]corpus.Law, error) {
	var out []corpus.Law
	err := f.each(func(x *corpus.Extraction) {
		for _, l := range x.Laws {
			if land == "" || l.Land == land {
				out = append(out, l)
			}
		}
	})
	return out, err
}

func (f *fakeGraph) Neighbours(_ context.Context, node string) ([]corpus.Edge, error) {
	var out []corpus.Edge
	err := f.each(func(x *corpus.Extraction) {
		for _, lt := range x.LandTopics {
			e := corpus.Edge{Subject: "land:" + string(lt.Land), Predicate: "has_topic", Object: "topic:" + string(lt.Topic), Doc: x.Document.ID}
			if e.Subject == node || e.Object == node {
				out = append(out, e)
			}
		}
	})
	return out, err
}

func (f *fakeGraph) WriteNQuads(_ context.Context, w io.Writer) error {
	if f.err != nil {
		return f.err
	}
	for _, x := range f.exts {
		if _, err := fmt.Fprintf(w, "<doc:%s> <title> %q <doc:%s> .\n", x.Document.ID, x.Document.Title, x.Document.ID); err != nil {
			return err
		}
	}
	return nil
}

func (f *fakeGraph) Stats(context.Context) (graph.Stats, error) {
	if f.panic {
		panic("stats exploded")
	}
	return graph.Stats{Quads: 10 * len(f.exts), Documents: len(f.exts)}, f.err
}

// fakeIndex returns every document for every query, n hits for Each.
type fakeIndex struct {
	docs  []corpus.Document
	n     int // hits Each yields
	err   error
	reqs  []search.Request
	eachN int // hits Each yields before failing with err
}

func (f *fakeIndex) Search(_ context.Context, req search.Request) (*search.Result, error) {
	f.reqs = append(f.reqs, req)
	if req.Cursor == "bad" {
		return nil, fmt.Errorf("decode cursor: %w", corpus.ErrInvalid)
	}
	if strings.Contains(req.Query, "((") {
		return nil, fmt.Errorf("search: %w", &search.QueryError{Pos: 3, Msg: "unmatched ("})
	}
	if f.err != nil {
		return nil, f.err
	}
	res := &search.Result{Total: uint64(len(f.docs)), Facets: map[string][]search.FacetValue{"land": {{Value: "BW", Count: 1}}}}
	for _, d := range f.docs[:min(req.Limit, len(f.docs))] {
		res.Hits = append(res.Hits, search.Hit{Doc: d, Score: 1, Highlights: []string{"eine <mark>Cyberwehr</mark>"}})
	}
	return res, nil
}

func (f *fakeIndex) Each(ctx context.Context, req search.Request, fn func(search.Hit) error) error {
	for i := range f.n {
		if f.err != nil && i == f.eachN {
			return f.err
		}
		d := corpus.Document{ID: corpus.DocID(fmt.Sprintf("d%04d", i)), File: fmt.Sprintf("docs/%04d.txt", i), Title: "Titel, mit Komma", Kind: corpus.KindNews}
		if err := fn(search.Hit{Doc: d, Score: float64(i)}); err != nil {
			return err
		}
	}
	return f.err
}

func (f *fakeIndex) Count(context.Context) (uint64, error) { return uint64(len(f.docs)), f.err }

// doc returns a synthetic document with the given text.
func doc(file string, land corpus.LandCode, date corpus.Date, text string) corpus.Document {
	return corpus.Document{ID: corpus.NewDocID(file), File: file, Title: "Titel " + file, Source: "https://example.org/" + file,
		Date: date, Kind: corpus.KindPressRelease, Land: land, Text: text, Laender: []corpus.LandCode{land}}
}

// at returns the evidence of the first occurrence of quote in d.
func at(tb testing.TB, d corpus.Document, quote string) corpus.Evidence {
	tb.Helper()
	i := strings.Index(d.Text, quote)
	if i < 0 {
		tb.Fatalf("quote %q not in %s", quote, d.File)
	}
	return corpus.EvidenceAt(&d, i, i+len(quote))
}

// testExtractions are short synthetic documents and their facts.
func testExtractions(tb testing.TB) []corpus.Extraction {
	tb.Helper()
	a := doc("docs/a_bw-cyberwehr.txt", "BW", "2018-01-10", "Baden-Württemberg stellt eine Cyberwehr auf. Die Strategie digital@bw gilt seit 2017. Die Cyberagentur Baden-Württemberg (CABW) wurde 2017 gegründet; ihre Grundlage ist das Cybergesetz, das der Landtag 2016 beschlossen hat.")
	b := doc("docs/b_bb-treffen.txt", "BB", "2019-06-19", "Brandenburg lädt die Digitalkoordinatoren am 21.6.2019 nach Potsdam ein. Auf der Tagesordnung stehen Berichte zur Cyberwehr. Staatssekretär Max Muster leitet das Treffen. Brandenburg ist dem IT-Dienstleister Datenhafen beigetreten.")
	c := doc("docs/c_bb-treffen-kopie.txt", "BB", "2019-06-21", b.Text)
	c.DuplicateOf = b.ID
	return []corpus.Extraction{
		{
			Document:      a,
			Mentions:      []corpus.Mention{{Land: "BW", Evidence: at(tb, a, "Baden-Württemberg stellt eine Cyberwehr auf.")}},
			TopicMentions: []corpus.TopicMention{{Topic: "cyberwehr", Evidence: at(tb, a, "Baden-Württemberg stellt eine Cyberwehr auf.")}},
			LandTopics:    []corpus.LandTopic{{Land: "BW", Topic: "cyberwehr", Relation: corpus.RelHas, Evidence: at(tb, a, "Baden-Württemberg stellt eine Cyberwehr auf.")}},
			Strategies:    []corpus.Strategy{{ID: "BW-digital-bw", Land: "BW", Title: "digital@bw", Year: 2017, Evidence: at(tb, a, "Die Strategie digital@bw gilt seit 2017.")}},
			Organisations: []corpus.Organisation{{ID: "BW-cyberagentur", Name: "Cyberagentur Baden-Württemberg", Abbrev: "CABW", Kind: "agency", Land: "BW",
				Relation: corpus.OrgFounded, Date: "2017", Evidence: at(tb, a, "Die Cyberagentur Baden-Württemberg (CABW) wurde 2017 gegründet; ihre Grundlage ist das Cybergesetz, das der Landtag 2016 beschlossen hat.")}},
			Laws: []corpus.Law{{ID: "BW-cybergesetz", Title: "Cybergesetz", Kind: "law", Land: "BW", Relation: corpus.LawPassed, Date: "2016",
				Evidence: at(tb, a, "Die Cyberagentur Baden-Württemberg (CABW) wurde 2017 gegründet; ihre Grundlage ist das Cybergesetz, das der Landtag 2016 beschlossen hat.")}},
		},
		{
			Document:      b,
			Mentions:      []corpus.Mention{{Land: "BB", Evidence: at(tb, b, "Brandenburg lädt die Digitalkoordinatoren am 21.6.2019 nach Potsdam ein.")}},
			TopicMentions: []corpus.TopicMention{{Topic: "cyberwehr", Evidence: at(tb, b, "Auf der Tagesordnung stehen Berichte zur Cyberwehr.")}},
			Meetings: []corpus.MeetingMention{{
				Series: "digitalkoordinatoren", Ordinal: 1, Start: "2019-06-21", Place: "Potsdam", Hosts: []corpus.LandCode{"BB"},
				Topics: []corpus.TopicID{"cyberwehr"}, Evidence: at(tb, b, "Brandenburg lädt die Digitalkoordinatoren am 21.6.2019 nach Potsdam ein."),
			}},
			People: []corpus.Person{{ID: "max-muster", Name: "Max Muster", Role: "Staatssekretär", Land: "BB", Date: "2019-06-19", Evidence: at(tb, b, "Staatssekretär Max Muster leitet das Treffen.")}},
			Organisations: []corpus.Organisation{
				{ID: "datenhafen", Name: "Datenhafen", Kind: "provider", Relation: corpus.OrgMember, By: "BB", Evidence: at(tb, b, "Brandenburg ist dem IT-Dienstleister Datenhafen beigetreten.")},
				{ID: "BW-cyberagentur", Name: "Cyberagentur Baden-Württemberg", Kind: "agency", Land: "BW", Evidence: at(tb, b, "Staatssekretär Max Muster leitet das Treffen.")},
			},
		},
		{Document: c},
	}
}

type testEnv struct {
	g   *fakeGraph
	ix  *fakeIndex
	log *bytes.Buffer
	h   http.Handler
}

func newTestEnv(tb testing.TB) *testEnv {
	tb.Helper()
	exts := testExtractions(tb)
	env := &testEnv{g: &fakeGraph{exts: exts}, ix: &fakeIndex{n: 3}, log: &bytes.Buffer{}}
	for _, x := range exts {
		env.ix.docs = append(env.ix.docs, x.Document)
	}
	env.h = New(Config{Graph: env.g, Index: env.ix, Logger: slog.New(slog.NewJSONHandler(env.log, nil)), Version: "test"})
	return env
}

// get requests path and returns the status, the body decoded as JSON (nil
// when it is not JSON) and the raw response.
func get(tb testing.TB, h http.Handler, path string) (int, map[string]any, *httptest.ResponseRecorder) {
	tb.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	var body map[string]any
	if strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
			tb.Fatalf("GET %s: decode %q: %v", path, rec.Body.String(), err)
		}
	}
	return rec.Code, body, rec
}

// dig follows a path of keys and indexes ("answer", "laender", 0, "code").
func dig(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				return nil
			}
			v = m[k]
		case int:
			a, ok := v.([]any)
			if !ok || k >= len(a) {
				return nil
			}
			v = a[k]
		}
	}
	return v
}

// absent in a check means the value must not exist.
const absent = "<absent>"

func TestEndpoints(t *testing.T) {
	env := newTestEnv(t)
	a := env.g.exts[0].Document
	b := env.g.exts[1].Document
	type check struct {
		path []any
		want any // nil: the value must exist and not be null
	}
	tests := []struct {
		url    string
		checks []check
	}{
		{"/healthz", []check{{[]any{"status"}, "ok"}, {[]any{"documents"}, 3.0}, {[]any{"quads"}, 30.0}}},
		{"/api/v1/search?q=Cyberwehr&limit=2", []check{
			{[]any{"query"}, "Cyberwehr"}, {[]any{"total"}, 3.0}, {[]any{"hits", 0, "doc", "file"}, a.File},
			{[]any{"hits", 0, "doc", "duplicate_of"}, nil}, {[]any{"hits", 0, "highlights", 0}, "eine <mark>Cyberwehr</mark>"},
			{[]any{"hits", 1, "doc", "id"}, string(b.ID)}, {[]any{"facets", "land", 0, "value"}, "BW"}, {[]any{"facets", "land", 0, "label"}, "Baden-Württemberg"}, {[]any{"next"}, ""},
		}},
		{"/api/v1/ask?q=Welche+L%C3%A4nder+haben+eine+Cyberwehr%3F", []check{
			{[]any{"question"}, "Welche Länder haben eine Cyberwehr?"}, {[]any{"interpretation", "intent"}, "laender_with_topic"},
			{[]any{"answer", "laender", 0, "code"}, "BW"}, {[]any{"answer", "laender", 0, "evidence", 0, "file"}, a.File},
			{[]any{"answer", "meetings"}, []any{}},
		}},
		{"/api/v1/ask?q=Wo+und+wann+fand+die+erste+Konferenz+der+Digitalkoordinatoren+statt%3F", []check{
			{[]any{"answer", "meetings", 0, "start"}, "2019-06-21"}, {[]any{"answer", "meetings", 0, "place"}, "Potsdam"},
			{[]any{"answer", "meetings", 0, "hosts", 0, "code"}, "BB"},
		}},
		{"/api/v1/ask?q=Welche+Themen+standen+beim+ersten+Treffen+der+Digitalkoordinatoren+auf+der+Tagesordnung%3F", []check{
			{[]any{"answer", "topics", 0, "label"}, "Cyberwehr"},
		}},
		{"/api/v1/laender", []check{{[]any{"laender", 0, "code"}, "BW"}, {[]any{"laender", 0, "documents"}, 1.0}, {[]any{"laender", 0, "facts"}, 2.0}, {[]any{"laender", 15, "code"}, "TH"}}},
		{"/api/v1/laender/bw", []check{
			{[]any{"code"}, "BW"}, {[]any{"name"}, "Baden-Württemberg"}, {[]any{"strategies", 0, "title"}, "digital@bw"},
			{[]any{"strategies", 0, "year"}, 2017.0}, {[]any{"strategies", 0, "evidence", 0, "quote"}, "Die Strategie digital@bw gilt seit 2017."},
			{[]any{"topics", 0, "id"}, "cyberwehr"}, {[]any{"topics", 0, "relation"}, "has"}, {[]any{"document_count"}, 1.0},
		}},
		{"/api/v1/laender/Brandenburg", []check{
			{[]any{"code"}, "BB"}, {[]any{"people", 0, "name"}, "Max Muster"}, {[]any{"people", 0, "role"}, "Staatssekretär"},
			{[]any{"people", 0, "evidence", 0, "file"}, b.File}, {[]any{"meetings", 0, "as"}, "host"}, {[]any{"meetings", 0, "start"}, "2019-06-21"},
		}},
		{"/api/v1/topics", []check{{[]any{"topics", 0, "id"}, nil}}},
		{"/api/v1/topics/Cyberwehren", []check{
			{[]any{"id"}, "cyberwehr"}, {[]any{"broader", "id"}, "cybersicherheit"}, {[]any{"laender", 0, "code"}, "BW"},
			{[]any{"laender", 1}, absent}, {[]any{"documents", 1, "file"}, b.File},
		}},
		{"/api/v1/documents?limit=1000", []check{
			{[]any{"total"}, 3.0}, {[]any{"documents", 0, "file"}, a.File}, {[]any{"documents", 0, "duplicate_of"}, nil},
			{[]any{"documents", 2, "duplicate_of"}, string(b.ID)},
		}},
		{"/api/v1/documents?limit=1&offset=1", []check{{[]any{"documents", 0, "file"}, b.File}, {[]any{"documents", 1}, absent}}},
		{"/api/v1/documents/" + string(b.ID), []check{
			{[]any{"id"}, string(b.ID)}, {[]any{"duplicated_by", 0}, string(env.g.exts[2].Document.ID)},
			{[]any{"facts", "meetings", 0, "place"}, "Potsdam"}, {[]any{"facts", "people", 0, "name"}, "Max Muster"},
			{[]any{"facts", "land_topics"}, []any{}},
		}},
		{"/api/v1/meetings?limit=1000", []check{
			{[]any{"total"}, 1.0}, {[]any{"meetings", 0, "start"}, "2019-06-21"}, {[]any{"meetings", 0, "place"}, "Potsdam"},
			{[]any{"meetings", 0, "hosts", 0, "code"}, "BB"}, {[]any{"meetings", 0, "chairs"}, nil}, {[]any{"meetings", 0, "conflicts"}, nil},
			{[]any{"meetings", 0, "topics", 0, "label"}, "Cyberwehr"}, {[]any{"meetings", 0, "evidence", 0, "span", 1}, nil},
		}},
		{"/api/v1/meetings?series=DMK", []check{{[]any{"total"}, 0.0}, {[]any{"meetings"}, []any{}}}},
		{"/api/v1/meetings?year=2019&series=Digitalkoordinatoren+der+L%C3%A4nder", []check{{[]any{"total"}, 1.0}}},
		{"/api/v1/series", []check{{[]any{"series", 0, "id"}, nil}}},
		{"/api/v1/series/DMK", []check{{[]any{"id"}, "dmk"}, {[]any{"continues"}, "d16"}, {[]any{"meetings"}, []any{}}}},
		{"/api/v1/series/digitalkoordinatoren", []check{{[]any{"continued_by", 0}, "d16"}, {[]any{"meetings", 0, "place"}, "Potsdam"}, {[]any{"continues"}, nil}}},
		{"/api/v1/people", []check{{[]any{"total"}, 1.0}, {[]any{"people", 0, "id"}, "max-muster"}}},
		{"/api/v1/people?land=BW", []check{{[]any{"total"}, 0.0}}},
		{"/api/v1/people/max-muster", []check{{[]any{"name"}, "Max Muster"}, {[]any{"land"}, "BB"}}},
		{"/api/v1/organisations", []check{
			{[]any{"total"}, 2.0}, {[]any{"organisations", 1, "id"}, "BW-cyberagentur"}, {[]any{"organisations", 1, "land", "code"}, "BW"},
			{[]any{"organisations", 1, "abbrev"}, "CABW"}, {[]any{"organisations", 1, "founded"}, "2017"}, {[]any{"organisations", 1, "document_count"}, 2.0},
			{[]any{"organisations", 1, "statements", 0, "relation"}, "founded"}, {[]any{"organisations", 1, "statements", 1, "relation"}, "named"},
			{[]any{"organisations", 0, "id"}, "datenhafen"}, {[]any{"organisations", 0, "land"}, absent}, {[]any{"organisations", 0, "members", 0, "code"}, "BB"},
		}},
		{"/api/v1/organisations?limit=1&offset=1", []check{{[]any{"organisations", 0, "id"}, "BW-cyberagentur"}, {[]any{"organisations", 1}, absent}, {[]any{"total"}, 2.0}}},
		{"/api/v1/organisations?land=Brandenburg", []check{{[]any{"total"}, 1.0}, {[]any{"organisations", 0, "id"}, "datenhafen"}}},
		{"/api/v1/organisations/BW-cyberagentur", []check{
			{[]any{"name"}, "Cyberagentur Baden-Württemberg"}, {[]any{"statements", 0, "evidence", 0, "quote"}, "Die Cyberagentur Baden-Württemberg (CABW) wurde 2017 gegründet; ihre Grundlage ist das Cybergesetz, das der Landtag 2016 beschlossen hat."},
		}},
		{"/api/v1/laws", []check{{[]any{"total"}, 1.0}, {[]any{"laws", 0, "title"}, "Cybergesetz"}, {[]any{"laws", 0, "passed"}, "2016"}, {[]any{"laws", 0, "land", "code"}, "BW"}}},
		{"/api/v1/laws?land=BB", []check{{[]any{"total"}, 0.0}, {[]any{"laws"}, []any{}}}},
		{"/api/v1/laender/BB", []check{{[]any{"organisations", 0, "id"}, "datenhafen"}, {[]any{"organisations", 0, "statements", 0, "by", "code"}, "BB"}, {[]any{"laws"}, []any{}}}},
		{"/api/v1/laender/BW", []check{{[]any{"organisations", 0, "id"}, "BW-cyberagentur"}, {[]any{"laws", 0, "id"}, "BW-cybergesetz"}}},
		{"/api/v1/graph/neighbours?node=land:bw", []check{{[]any{"node"}, "land:BW"}, {[]any{"edges", 0, "object"}, "topic:cyberwehr"}}},
	}
	for _, tc := range tests {
		t.Run(tc.url, func(t *testing.T) {
			status, body, rec := get(t, env.h, tc.url)
			if status != http.StatusOK {
				t.Fatalf("status: got %d, want 200 (%s)", status, rec.Body.String())
			}
			for _, c := range tc.checks {
				got := dig(body, c.path...)
				if c.want == absent {
					if got != nil {
						t.Errorf("%v: got %v, want nothing", c.path, got)
					}
					continue
				}
				if c.want == nil {
					if c.path[len(c.path)-1] == "duplicate_of" || c.path[len(c.path)-1] == "continues" {
						m := dig(body, c.path[:len(c.path)-1]...).(map[string]any)
						if v, ok := m[c.path[len(c.path)-1].(string)]; !ok || v != nil {
							t.Errorf("%v: got %v, want null", c.path, v)
						}
						continue
					}
					if got == nil {
						t.Errorf("%v: got nothing, want a value", c.path)
					}
					continue
				}
				if fmt.Sprint(got) != fmt.Sprint(c.want) {
					t.Errorf("%v: got %v, want %v", c.path, got, c.want)
				}
			}
		})
	}
}

func TestErrors(t *testing.T) {
	env := newTestEnv(t)
	long := strings.Repeat("ä", search.MaxQueryLen+1)
	tests := []struct {
		url    string
		status int
		code   string
		pos    any
	}{
		{"/api/v1/laender/XX", 404, "not_found", nil},
		{"/api/v1/laender/Atlantis", 404, "not_found", nil},
		{"/api/v1/topics/nichts", 404, "not_found", nil},
		{"/api/v1/documents/d000000000000", 404, "not_found", nil},
		{"/api/v1/meetings/nope", 404, "not_found", nil},
		{"/api/v1/series/d99", 404, "not_found", nil},
		{"/api/v1/people/nobody", 404, "not_found", nil},
		{"/api/v1/nothing-here", 404, "not_found", nil},
		{"/api/v1/documents?limit=0", 400, "bad_request", nil},
		{"/api/v1/documents?limit=1001", 400, "bad_request", nil},
		{"/api/v1/documents?limit=x", 400, "bad_request", nil},
		{"/api/v1/documents?offset=-1", 400, "bad_request", nil},
		{"/api/v1/meetings?limit=5000", 400, "bad_request", nil},
		{"/api/v1/meetings?year=20x", 400, "bad_request", nil},
		{"/api/v1/meetings?series=nope", 400, "bad_request", nil},
		{"/api/v1/people?limit=0", 400, "bad_request", nil},
		{"/api/v1/people?land=Atlantis", 400, "bad_request", nil},
		{"/api/v1/organisations/nothing", 404, "not_found", nil},
		{"/api/v1/organisations?land=Atlantis", 400, "bad_request", nil},
		{"/api/v1/laws?offset=-1", 400, "bad_request", nil},
		{"/api/v1/search?q=x&limit=101", 400, "bad_request", nil},
		{"/api/v1/search?q=x&limit=0", 400, "bad_request", nil},
		{"/api/v1/search?q=" + long, 400, "bad_request", nil},
		{"/api/v1/search?q=x&cursor=bad", 400, "bad_request", nil},
		{"/api/v1/search?q=a+((b", 400, "bad_request", 3.0},
		{"/api/v1/search?q=x&land=Atlantis", 400, "bad_request", nil},
		{"/api/v1/search?q=x&kind=poem", 400, "bad_request", nil},
		{"/api/v1/search?q=x&topic=nichts", 400, "bad_request", nil},
		{"/api/v1/search?q=x&series=nope", 400, "bad_request", nil},
		{"/api/v1/search?q=x&from=2019-13", 400, "bad_request", nil},
		{"/api/v1/search?q=x&format=xml", 400, "bad_request", nil},
		{"/api/v1/ask", 400, "bad_request", nil},
		{"/api/v1/ask?q=" + long, 400, "bad_request", nil},
		{"/api/v1/graph/neighbours", 400, "bad_request", nil},
		{"/api/v1/graph/neighbours?node=land:XX", 404, "not_found", nil},
		{"/api/v1/organisations/nope", 404, "not_found", nil},
		{"/api/v1/organisations?land=Atlantis", 400, "bad_request", nil},
		{"/api/v1/laws?land=Atlantis", 400, "bad_request", nil},
		{"/api/v1/graph/query?q=land:BW+-kennt->+thema", 400, "bad_request", 9.0},
		{"/api/v1/graph/view?node=land:XX", 404, "not_found", nil},
		{"/api/v1/graph/view?node=fact:x", 400, "bad_request", nil},
		{"/api/v1/graph/path?from=land:BW&to=land:XX", 404, "not_found", nil},
		{"/api/v1/graph/path?from=land:BW&to=land:BW", 400, "bad_request", nil},
		{"/api/v1/export/graph.graphml?kind=banana", 400, "bad_request", nil},
		{"/api/v1/export/graph.gexf?from=20x", 400, "bad_request", nil},
		{"/api/v1/documents/d000000000000/text", 404, "not_found", nil},
	}
	for _, tc := range tests {
		t.Run(tc.url[:min(len(tc.url), 60)], func(t *testing.T) {
			status, body, rec := get(t, env.h, tc.url)
			if status != tc.status {
				t.Fatalf("status: got %d, want %d (%s)", status, tc.status, rec.Body.String())
			}
			if got := dig(body, "error", "code"); got != tc.code {
				t.Errorf("error.code: got %v, want %s", got, tc.code)
			}
			msg, _ := dig(body, "error", "message").(string)
			if msg == "" {
				t.Errorf("error.message: got none")
			}
			// Messages are German: none of the English of Go's errors or of
			// the code's wrapping context.
			for _, en := range []string{"invalid input", "not found", "required", "unknown", "must be", " is ", "query", "error", "want", "got"} {
				if strings.Contains(strings.ToLower(msg), en) {
					t.Errorf("error.message %q: English %q in it, want German", msg, en)
				}
			}
			if got := dig(body, "error", "position"); fmt.Sprint(got) != fmt.Sprint(tc.pos) && tc.pos != nil {
				t.Errorf("error.position: got %v, want %v", got, tc.pos)
			}
		})
	}
}

func TestInternalError(t *testing.T) {
	secret := "disk on fire at /var/secret"
	for _, path := range []string{"/healthz", "/api/v1/laender", "/api/v1/laender/BW", "/api/v1/topics", "/api/v1/topics/ki",
		"/api/v1/documents", "/api/v1/meetings", "/api/v1/series", "/api/v1/series/dmk", "/api/v1/people",
		"/api/v1/graph/neighbours?node=land:BW", "/api/v1/export/graph.nq", "/api/v1/ask?q=Welche+L%C3%A4nder+haben+KI%3F",
		"/api/v1/search?q=x", "/api/v1/search?q=x&format=csv"} {
		t.Run(path, func(t *testing.T) {
			env := newTestEnv(t)
			env.g.err = errors.New(secret)
			env.ix.err = errors.New(secret)
			status, body, rec := get(t, env.h, path)
			if status != http.StatusInternalServerError {
				t.Fatalf("status: got %d, want 500 (%s)", status, rec.Body.String())
			}
			if got := dig(body, "error", "message"); got != "Interner Fehler." {
				t.Errorf("message: got %v, want Interner Fehler.", got)
			}
			if strings.Contains(rec.Body.String(), "disk") {
				t.Errorf("body %s: leaks the error", rec.Body.String())
			}
			if n := strings.Count(env.log.String(), "disk on fire"); n != 1 {
				t.Errorf("log: got the error %d times, want once:\n%s", n, env.log.String())
			}
		})
	}
}

func TestPanic(t *testing.T) {
	env := newTestEnv(t)
	env.g.panic = true
	status, body, _ := get(t, env.h, "/healthz")
	if status != http.StatusInternalServerError || dig(body, "error", "message") != "Interner Fehler." {
		t.Errorf("got %d %v, want 500 internal error", status, body)
	}
	var line map[string]any
	if err := json.Unmarshal(env.log.Bytes(), &line); err != nil {
		t.Fatalf("log %q: want one JSON line: %v", env.log.String(), err)
	}
	if !strings.Contains(fmt.Sprint(line["error"]), "stats exploded") || line["stack"] == nil {
		t.Errorf("log line %v: want the panic and its stack", line)
	}
}

func TestRequestLog(t *testing.T) {
	env := newTestEnv(t)
	get(t, env.h, "/api/v1/laender/BW")
	get(t, env.h, "/api/v1/laender/XX")
	lines := strings.Split(strings.TrimSpace(env.log.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("log: got %d lines, want 2:\n%s", len(lines), env.log.String())
	}
	for i, want := range []float64{200, 404} {
		var m map[string]any
		if err := json.Unmarshal([]byte(lines[i]), &m); err != nil {
			t.Fatal(err)
		}
		if m["msg"] != "request" || m["status"] != want || m["route"] != "/api/v1/laender/:code" || m["duration_ms"] == nil || m["method"] != "GET" {
			t.Errorf("line %d: got %v, want msg=request status=%v route, method, duration_ms", i, m, want)
		}
		for k := range m {
			if k != strings.ToLower(k) || strings.Contains(k, "-") {
				t.Errorf("line %d: attribute %q is not snake_case", i, k)
			}
		}
	}
}

func TestExport(t *testing.T) {
	n := 3*search.MaxLimit + 7
	tests := []struct {
		format, ctype string
		lines         int
	}{
		{"csv", "text/csv; charset=utf-8", n + 1},
		{"jsonl", "application/x-ndjson", n},
	}
	for _, tc := range tests {
		t.Run(tc.format, func(t *testing.T) {
			env := newTestEnv(t)
			env.ix.n = n
			status, _, rec := get(t, env.h, "/api/v1/search?q=Cyberwehr&land=BW&format="+tc.format)
			if status != http.StatusOK {
				t.Fatalf("status: got %d, want 200: %s", status, rec.Body.String())
			}
			if got := rec.Header().Get("Content-Type"); got != tc.ctype {
				t.Errorf("Content-Type: got %q, want %q", got, tc.ctype)
			}
			if got := rec.Header().Get("Content-Disposition"); !strings.HasPrefix(got, "attachment") {
				t.Errorf("Content-Disposition: got %q, want an attachment", got)
			}
			if got := strings.Count(rec.Body.String(), "\n"); got != tc.lines {
				t.Errorf("lines: got %d, want %d", got, tc.lines)
			}
			if len(env.ix.reqs) != 0 {
				t.Errorf("got %d Search calls, want the export to use Each only", len(env.ix.reqs))
			}
			if tc.format == "csv" {
				rows, err := csv.NewReader(strings.NewReader(rec.Body.String())).ReadAll()
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(rows[0], csvHeader) || rows[1][2] != "Titel, mit Komma" {
					t.Errorf("csv: got header %v and row %v", rows[0], rows[1])
				}
			} else {
				var h struct {
					Doc struct{ File string } `json:"doc"`
				}
				first, _, _ := strings.Cut(rec.Body.String(), "\n")
				if err := json.Unmarshal([]byte(first), &h); err != nil || h.Doc.File != "docs/0000.txt" {
					t.Errorf("jsonl: first line %q: got file %q (%v)", first, h.Doc.File, err)
				}
			}
		})
	}
}

func TestExportErrors(t *testing.T) {
	// An error before the first hit is an error response.
	env := newTestEnv(t)
	env.ix.n, env.ix.err, env.ix.eachN = 5, fmt.Errorf("bad filter: %w", corpus.ErrInvalid), 0
	if status, body, _ := get(t, env.h, "/api/v1/search?q=x&format=jsonl"); status != 400 || dig(body, "error", "code") != "bad_request" {
		t.Errorf("got %d %v, want 400 bad_request", status, body)
	}
	// An error after hits went out cuts the stream and is logged.
	env = newTestEnv(t)
	env.ix.n, env.ix.err, env.ix.eachN = 5, errors.New("index broke"), 3
	status, _, rec := get(t, env.h, "/api/v1/search?q=x&format=jsonl")
	if status != 200 || strings.Count(rec.Body.String(), "\n") != 3 {
		t.Errorf("got %d with %q, want 200 with the 3 hits before the error", status, rec.Body.String())
	}
	if !strings.Contains(env.log.String(), "index broke") {
		t.Errorf("log %q: want the error", env.log.String())
	}
	// No hits: an empty export with its header.
	env = newTestEnv(t)
	env.ix.n = 0
	status, _, rec = get(t, env.h, "/api/v1/search?q=x&format=csv")
	if status != 200 || rec.Body.String() != strings.Join(csvHeader, ",")+"\n" {
		t.Errorf("got %d %q, want 200 with the header only", status, rec.Body.String())
	}
}

func TestExportGraph(t *testing.T) {
	env := newTestEnv(t)
	status, _, rec := get(t, env.h, "/api/v1/export/graph.nq")
	if status != 200 || rec.Header().Get("Content-Type") != "application/n-quads" {
		t.Fatalf("got %d %q, want 200 application/n-quads", status, rec.Header().Get("Content-Type"))
	}
	if got := strings.Count(rec.Body.String(), " .\n"); got != 3 {
		t.Errorf("quads: got %d, want 3", got)
	}
}

func TestPage(t *testing.T) {
	env := newTestEnv(t)
	status, _, rec := get(t, env.h, "/")
	if status != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
		t.Fatalf("got %d %q, want 200 text/html", status, rec.Header().Get("Content-Type"))
	}
	// The favicon is the one link, an inline data: image.
	page := strings.Replace(rec.Body.String(), `<link rel="icon" href="data:image/svg+xml,`, "", 1)
	for _, bad := range []string{"<script src", "<link", "@import", "//cdn", "http://"} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q: want no external assets", bad)
		}
	}
	for _, want := range []string{"api/v1/search", "api/v1/ask", "api/v1/laender", "api/v1/graph/neighbours"} {
		if !strings.Contains(page, want) {
			t.Errorf("page: want it to use %s", want)
		}
	}
}

func TestOpenAPI(t *testing.T) {
	env := newTestEnv(t)
	status, body, _ := get(t, env.h, "/openapi.json")
	if status != 200 {
		t.Fatalf("status: got %d, want 200", status)
	}
	if body["openapi"] != "3.1.0" {
		t.Errorf("openapi: got %v, want 3.1.0", body["openapi"])
	}
	paths, _ := body["paths"].(map[string]any)
	routes := map[string]bool{}
	for _, r := range env.h.(interface{ Routes() gin.RoutesInfo }).Routes() {
		p := r.Path
		for _, seg := range strings.Split(p, "/") {
			if strings.HasPrefix(seg, ":") {
				p = strings.Replace(p, seg, "{"+seg[1:]+"}", 1)
			}
		}
		routes[p] = true
		op := dig(paths, p, strings.ToLower(r.Method))
		if op == nil {
			t.Errorf("route %s %s: not in openapi.json", r.Method, p)
			continue
		}
		if dig(op, "responses", "200") == nil {
			t.Errorf("route %s %s: no 200 response", r.Method, p)
		}
		for _, seg := range strings.Split(p, "/") {
			if strings.HasPrefix(seg, "{") {
				if !hasParam(op, strings.Trim(seg, "{}"), "path") {
					t.Errorf("route %s: path parameter %s not described", p, seg)
				}
			}
		}
	}
	for p := range paths {
		if !routes[p] {
			t.Errorf("openapi.json path %s: no such route", p)
		}
	}
	// The query parameters the handlers read are described.
	for p, params := range map[string][]string{
		"/api/v1/search":           {"q", "land", "kind", "topic", "series", "from", "to", "sort", "limit", "cursor", "format"},
		"/api/v1/ask":              {"q", "evidence"},
		"/api/v1/documents":        {"limit", "offset", "cursor"},
		"/api/v1/meetings":         {"limit", "cursor", "evidence", "series", "year"},
		"/api/v1/people":           {"limit", "cursor", "evidence", "land"},
		"/api/v1/organisations":    {"limit", "offset", "evidence", "land"},
		"/api/v1/laws":             {"limit", "offset", "evidence", "land"},
		"/api/v1/laender/{code}":   {"limit", "cursor", "evidence"},
		"/api/v1/topics/{id}":      {"limit", "cursor", "evidence"},
		"/api/v1/series/{id}":      {"evidence"},
		"/api/v1/matrix":           {"evidence"},
		"/api/v1/graph/neighbours": {"node", "limit", "cursor"},
	} {
		for _, name := range params {
			if !hasParam(dig(paths, p, "get"), name, "query") {
				t.Errorf("%s: query parameter %s not described", p, name)
			}
		}
	}
}

// openAPIDoc is openapi.json decoded, for resolving references.
var openAPIDoc = func() (v map[string]any) {
	if err := json.Unmarshal(openAPIJSON, &v); err != nil {
		panic(err)
	}
	return v
}()

func hasParam(op any, name, in string) bool {
	ps, _ := dig(op, "parameters").([]any)
	for _, p := range ps {
		if ref, ok := dig(p, "$ref").(string); ok {
			p = dig(openAPIDoc, "components", "parameters", strings.TrimPrefix(ref, "#/components/parameters/"))
		}
		if dig(p, "name") == name && dig(p, "in") == in {
			return true
		}
	}
	return false
}

func TestMeetingByID(t *testing.T) {
	env := newTestEnv(t)
	_, list, _ := get(t, env.h, "/api/v1/meetings")
	id, _ := dig(list, "meetings", 0, "id").(string)
	if id == "" {
		t.Fatalf("meetings: got %v, want one with an id", list)
	}
	status, body, rec := get(t, env.h, "/api/v1/meetings/"+id)
	if status != http.StatusOK || dig(body, "id") != id || dig(body, "place") != "Potsdam" {
		t.Errorf("meeting %s: got %d %s, want it", id, status, rec.Body.String())
	}
}

func TestErrorResponseStatus(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want int
		code string
	}{
		{"not found", fmt.Errorf("land XX: %w", corpus.ErrNotFound), http.StatusNotFound, codeNotFound},
		{"invalid", fmt.Errorf("limit: %w", corpus.ErrInvalid), http.StatusBadRequest, codeBadRequest},
		{"query syntax", fmt.Errorf("search: %w", &search.QueryError{Pos: 3, Msg: "unclosed quote"}), http.StatusBadRequest, codeBadRequest},
		{"client went away", fmt.Errorf("search: %w", context.Canceled), statusClientClosed, codeCanceled},
		{"too slow", fmt.Errorf("graph: %w", context.DeadlineExceeded), http.StatusServiceUnavailable, codeUnavailable},
		{"anything else", errors.New("disk on fire"), http.StatusInternalServerError, codeInternal},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, body := errorResponse(tt.err)
			if got != tt.want || body.Error.Code != tt.code {
				t.Errorf("got %d %q, want %d %q", got, body.Error.Code, tt.want, tt.code)
			}
			if got == http.StatusInternalServerError && strings.Contains(body.Error.Message, "disk") {
				t.Errorf("a 500 leaks its detail: %q", body.Error.Message)
			}
		})
	}
}
