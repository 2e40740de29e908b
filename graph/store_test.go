package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	ckv "github.com/cayleygraph/cayley/graph/kv"
	cleveldb "github.com/cayleygraph/cayley/graph/kv/leveldb"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/laendergraph/laendergraph/corpus"
)

// diff describes how got differs from want, or returns "" when they are equal.
func diff(got, want any) string {
	if reflect.DeepEqual(got, want) {
		return ""
	}
	g, _ := json.MarshalIndent(got, "", "  ")
	w, _ := json.MarshalIndent(want, "", "  ")
	gl, wl := strings.Split(string(g), "\n"), strings.Split(string(w), "\n")
	for i := 0; i < max(len(gl), len(wl)); i++ {
		var a, b string
		if i < len(gl) {
			a = gl[i]
		}
		if i < len(wl) {
			b = wl[i]
		}
		if a != b {
			return fmt.Sprintf("first difference at line %d:\ngot  %s\nwant %s", i+1, strings.TrimSpace(a), strings.TrimSpace(b))
		}
	}
	return fmt.Sprintf("got %+v,\nwant %+v", got, want)
}

// readers returns the results of every reader, for comparing whole stores.
func readers(tb testing.TB, s *Store) map[string]any {
	tb.Helper()
	ctx := context.Background()
	out := map[string]any{}
	add := func(name string, v any, err error) {
		if err != nil {
			tb.Fatalf("%s: %v", name, err)
		}
		out[name] = v
	}
	docs, err := s.Documents(ctx)
	add("Documents", docs, err)
	lt, err := s.LandTopics(ctx, FactFilter{})
	add("LandTopics", lt, err)
	m, err := s.Mentions(ctx, "")
	add("Mentions", m, err)
	tm, err := s.TopicMentions(ctx, "")
	add("TopicMentions", tm, err)
	mm, err := s.MeetingMentions(ctx)
	add("MeetingMentions", mm, err)
	ct, err := s.ChairTerms(ctx)
	add("ChairTerms", ct, err)
	ms, err := s.Meetings(ctx, MeetingFilter{})
	add("Meetings", ms, err)
	if d := diff(ms, corpus.MergeMeetings(mm, ct)); d != "" {
		tb.Errorf("Meetings against MergeMeetings: %s", d)
	}
	st, err := s.Strategies(ctx, "")
	add("Strategies", st, err)
	pp, err := s.People(ctx, "")
	add("People", pp, err)
	return out
}

// holds checks that s holds exactly the documents of want: every reader
// answers as a fresh store given just want does, from the cache and again
// after reloading it from the graph, and the quad count matches.
func holds(t *testing.T, s *Store, want ...corpus.Extraction) {
	t.Helper()
	fresh := openMemory(t)
	put(t, fresh, want...)
	w := readers(t, fresh)
	for _, pass := range []string{"cached", "reloaded"} {
		if pass == "reloaded" {
			s.cache.reset()
		}
		got := readers(t, s)
		for name := range w {
			if d := diff(got[name], w[name]); d != "" {
				t.Errorf("%s (%s): %s", name, pass, d)
			}
		}
	}
	for _, pass := range []string{"cached", "not loaded"} {
		if pass == "not loaded" {
			s.cache.reset()
		}
		st, err := s.Stats(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if ws := (Stats{Quads: quadCount(want...), Documents: len(want)}); st != ws {
			t.Errorf("%s: got stats %+v, want %+v", pass, st, ws)
		}
	}
}

// warm loads the cache of s when on is set, so that writes update it.
func warm(tb testing.TB, s *Store, on bool) {
	tb.Helper()
	if !on {
		return
	}
	if err := s.Warm(context.Background()); err != nil {
		tb.Fatal(err)
	}
}

// quadCount returns how many quads the extractions make.
func quadCount(exts ...corpus.Extraction) int {
	n := 0
	for i := range exts {
		n += len(encode(&exts[i]))
	}
	return n
}

func TestRoundTrip(t *testing.T) {
	eachBackend(t, func(t *testing.T, open func(testing.TB) *Store) {
		a, b := extractionA(t), extractionB(t)
		s := open(t)
		put(t, s, a, b)
		ctx := context.Background()
		tests := []struct {
			name string
			get  func() (any, error)
			want any
		}{
			{"Documents", func() (any, error) { return s.Documents(ctx) },
				[]corpus.Document{listed(a.Document), listed(b.Document)}},
			{"Catalogue", func() (any, error) { return s.Catalogue(ctx) },
				[]corpus.Document{stored(a.Document), stored(b.Document)}},
			{"Document", func() (any, error) { return s.Document(ctx, b.Document.ID) }, stored(b.Document)},
			{"LandTopics/all", func() (any, error) { return s.LandTopics(ctx, FactFilter{}) },
				slices.Concat(a.LandTopics, b.LandTopics)},
			{"LandTopics/land", func() (any, error) { return s.LandTopics(ctx, FactFilter{Land: "BW"}) },
				a.LandTopics[:2]},
			{"LandTopics/topic", func() (any, error) { return s.LandTopics(ctx, FactFilter{Topic: "ki"}) },
				a.LandTopics[2:3]},
			{"LandTopics/land in two documents", func() (any, error) { return s.LandTopics(ctx, FactFilter{Land: "HE"}) },
				[]corpus.LandTopic{a.LandTopics[2], b.LandTopics[0]}},
			{"LandTopics/land and topic", func() (any, error) {
				return s.LandTopics(ctx, FactFilter{Land: "HE", Topic: "cybersicherheit"})
			}, b.LandTopics},
			{"LandTopics/none", func() (any, error) { return s.LandTopics(ctx, FactFilter{Land: "SL"}) },
				[]corpus.LandTopic(nil)},
			{"LandTopics/unknown topic", func() (any, error) { return s.LandTopics(ctx, FactFilter{Topic: "nichts"}) },
				[]corpus.LandTopic(nil)},
			{"Mentions/all", func() (any, error) { return s.Mentions(ctx, "") },
				slices.Concat(a.Mentions, b.Mentions)},
			{"Mentions/land", func() (any, error) { return s.Mentions(ctx, "HE") },
				[]corpus.Mention{a.Mentions[4], b.Mentions[0]}},
			{"TopicMentions/all", func() (any, error) { return s.TopicMentions(ctx, "") }, a.TopicMentions},
			{"TopicMentions/topic", func() (any, error) { return s.TopicMentions(ctx, "ki") }, a.TopicMentions[2:]},
			{"MeetingMentions", func() (any, error) { return s.MeetingMentions(ctx) },
				slices.Concat(a.Meetings, b.Meetings)},
			{"ChairTerms", func() (any, error) { return s.ChairTerms(ctx) }, a.Chairs},
			{"Strategies/all", func() (any, error) { return s.Strategies(ctx, "") }, a.Strategies},
			{"Strategies/land", func() (any, error) { return s.Strategies(ctx, "BW") }, a.Strategies},
			{"Strategies/other land", func() (any, error) { return s.Strategies(ctx, "HE") }, []corpus.Strategy(nil)},
			{"People/all", func() (any, error) { return s.People(ctx, "") }, slices.Concat(a.People, b.People)},
			{"People/land", func() (any, error) { return s.People(ctx, "HE") }, b.People},
			{"Organisations/all", func() (any, error) { return s.Organisations(ctx, "") }, b.Organisations},
			{"Organisations/land", func() (any, error) { return s.Organisations(ctx, "HE") }, b.Organisations[:2]},
			{"Organisations/member land", func() (any, error) { return s.Organisations(ctx, "TH") }, b.Organisations[2:]},
			{"Organisations/none", func() (any, error) { return s.Organisations(ctx, "BW") }, []corpus.Organisation(nil)},
			{"Laws/all", func() (any, error) { return s.Laws(ctx, "") }, b.Laws},
			{"Laws/land", func() (any, error) { return s.Laws(ctx, "HE") }, b.Laws},
			{"Laws/none", func() (any, error) { return s.Laws(ctx, "BW") }, []corpus.Law(nil)},
			{"Stats", func() (any, error) { return s.Stats(ctx) }, Stats{Quads: quadCount(a, b), Documents: 2}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, err := tt.get()
				if err != nil {
					t.Fatalf("got error %v, want none", err)
				}
				if d := diff(got, tt.want); d != "" {
					t.Error(d)
				}
			})
		}
	})
}

func TestDocumentMetadata(t *testing.T) {
	eachBackend(t, func(t *testing.T, open func(testing.TB) *Store) {
		s := open(t)
		a, b := extractionA(t), extractionB(t)
		put(t, s, a, b)
		ctx := context.Background()
		tests := []struct {
			name string
			id   corpus.DocID
			want corpus.Document
		}{
			{"fingerprint and hash", a.Document.ID, stored(a.Document)},
			{"duplicate", b.Document.ID, stored(b.Document)},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, err := s.Document(ctx, tt.id)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got.Fingerprint, tt.want.Fingerprint) {
					t.Errorf("got fingerprint %v, want %v", got.Fingerprint, tt.want.Fingerprint)
				}
				if got.ContentHash != tt.want.ContentHash || got.DuplicateOf != tt.want.DuplicateOf {
					t.Errorf("got hash %q duplicate of %q, want %q and %q", got.ContentHash, got.DuplicateOf, tt.want.ContentHash, tt.want.DuplicateOf)
				}
				if !got.IngestedAt.Equal(tt.want.IngestedAt) {
					t.Errorf("got ingested at %v, want %v", got.IngestedAt, tt.want.IngestedAt)
				}
			})
		}
		t.Run("missing", func(t *testing.T) {
			_, err := s.Document(ctx, "d000000000000")
			if !errors.Is(err, corpus.ErrNotFound) {
				t.Errorf("got error %v, want corpus.ErrNotFound", err)
			}
		})
		t.Run("only referenced", func(t *testing.T) {
			// b names a as its original; after deleting a, the node doc:a
			// still has an edge but is no document.
			if err := s.Delete(ctx, []corpus.DocID{a.Document.ID}); err != nil {
				t.Fatal(err)
			}
			_, err := s.Document(ctx, a.Document.ID)
			if !errors.Is(err, corpus.ErrNotFound) {
				t.Errorf("got error %v, want corpus.ErrNotFound", err)
			}
		})
	})
}

// changed returns a with other facts: one Land–topic fact dropped, one
// changed, a person renamed, the meeting gone and the title new.
func changed(tb testing.TB) corpus.Extraction {
	a := extractionA(tb)
	a.Document.Title = "Neuer Titel"
	a.LandTopics = []corpus.LandTopic{
		{Land: "BW", Topic: "cybersicherheit", Relation: corpus.RelHas, Evidence: a.LandTopics[0].Evidence},
		a.LandTopics[2],
	}
	a.Meetings = nil
	a.People[0].Name = "Erika Anders"
	a.People[0].ID = "erika-anders"
	for _, f := range []*corpus.Evidence{&a.LandTopics[0].Evidence, &a.LandTopics[1].Evidence, &a.People[0].Evidence} {
		f.Title = a.Document.Title
	}
	for i := range a.Mentions {
		a.Mentions[i].Evidence.Title = a.Document.Title
	}
	for i := range a.TopicMentions {
		a.TopicMentions[i].Evidence.Title = a.Document.Title
	}
	for i := range a.Chairs {
		a.Chairs[i].Evidence.Title = a.Document.Title
	}
	for i := range a.Strategies {
		a.Strategies[i].Evidence.Title = a.Document.Title
	}
	return a
}

func TestReplace(t *testing.T) {
	eachBackend(t, func(t *testing.T, open func(testing.TB) *Store) {
		a, b, a2 := extractionA(t), extractionB(t), changed(t)
		tests := []struct {
			name  string
			steps [][]corpus.Extraction
			want  []corpus.Extraction // what a fresh store holding just these shows
		}{
			{"changed facts", [][]corpus.Extraction{{a, b}, {a2}}, []corpus.Extraction{a2, b}},
			{"same call twice", [][]corpus.Extraction{{a, a, b}}, []corpus.Extraction{a, b}},
			{"same extraction twice", [][]corpus.Extraction{{a, b}, {a, b}}, []corpus.Extraction{a, b}},
			{"last of a call wins", [][]corpus.Extraction{{a, b, a2}}, []corpus.Extraction{a2, b}},
			{"back and forth", [][]corpus.Extraction{{a}, {a2}, {b}, {a}}, []corpus.Extraction{a, b}},
		}
		for _, tt := range tests {
			for _, cached := range []bool{false, true} {
				t.Run(fmt.Sprintf("%s/cached=%v", tt.name, cached), func(t *testing.T) {
					s := open(t)
					for _, step := range tt.steps {
						warm(t, s, cached)
						put(t, s, step...)
					}
					holds(t, s, tt.want...)
				})
			}
		}
	})
}

func TestDelete(t *testing.T) {
	eachBackend(t, func(t *testing.T, open func(testing.TB) *Store) {
		ctx := context.Background()
		a, b := extractionA(t), extractionB(t)
		tests := []struct {
			name string
			ids  []corpus.DocID
			want []corpus.Extraction
		}{
			{"first", []corpus.DocID{a.Document.ID}, []corpus.Extraction{b}},
			{"second", []corpus.DocID{b.Document.ID}, []corpus.Extraction{a}},
			{"both", []corpus.DocID{a.Document.ID, b.Document.ID}, nil},
			{"unknown", []corpus.DocID{"d123456789abc"}, []corpus.Extraction{a, b}},
			{"none", nil, []corpus.Extraction{a, b}},
		}
		for _, tt := range tests {
			for _, cached := range []bool{false, true} {
				t.Run(fmt.Sprintf("%s/cached=%v", tt.name, cached), func(t *testing.T) {
					s := open(t)
					put(t, s, a, b)
					warm(t, s, cached)
					if err := s.Delete(ctx, tt.ids); err != nil {
						t.Fatalf("Delete: %v", err)
					}
					holds(t, s, tt.want...)
					var buf bytes.Buffer
					if err := s.WriteNQuads(ctx, &buf); err != nil {
						t.Fatal(err)
					}
					for _, id := range tt.ids {
						if bytes.Contains(buf.Bytes(), []byte(`<doc:`+id+`> .`)) {
							t.Errorf("got quads labelled %s after deleting it, want none", id)
						}
					}
				})
			}
		}
	})
}

func TestEvidence(t *testing.T) {
	base := func(tb testing.TB) corpus.Extraction {
		a := extractionA(tb)
		a.Mentions, a.TopicMentions, a.Meetings, a.Chairs, a.People, a.Strategies = nil, nil, nil, nil, nil, nil
		a.LandTopics = a.LandTopics[:1]
		return a
	}
	other := extractionB(t)
	tests := []struct {
		name   string
		edit   func(ev *corpus.Evidence)
		others []corpus.Extraction
		want   func(ev corpus.Evidence) corpus.Evidence
	}{
		{"as the document says", func(*corpus.Evidence) {}, nil, nil},
		{"own date", func(ev *corpus.Evidence) { ev.Date = "2019-06" }, nil, nil},
		{"own title and source", func(ev *corpus.Evidence) { ev.Title, ev.Source = "Anderer Titel", "Pressestelle" }, nil, nil},
		{"empty fields are filled", func(ev *corpus.Evidence) { *ev = corpus.Evidence{Quote: ev.Quote, Span: ev.Span} }, nil,
			func(ev corpus.Evidence) corpus.Evidence {
				want := base(t).LandTopics[0].Evidence
				return want
			}},
		{"cites another document", func(ev *corpus.Evidence) {
			ev.Doc, ev.File, ev.Title = other.Document.ID, other.Document.File, ""
		}, []corpus.Extraction{other}, func(ev corpus.Evidence) corpus.Evidence {
			ev.Title = other.Document.Title
			ev.Source, ev.Date = "https://example.org/docs/01_bw.txt", "2019-06-19"
			return ev
		}},
	}
	eachBackend(t, func(t *testing.T, open func(testing.TB) *Store) {
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				s := open(t)
				a := base(t)
				tt.edit(&a.LandTopics[0].Evidence)
				put(t, s, append(tt.others, a)...)
				got, err := s.LandTopics(context.Background(), FactFilter{Land: "BW"})
				if err != nil {
					t.Fatal(err)
				}
				want := a.LandTopics[0].Evidence
				if tt.want != nil {
					want = tt.want(want)
				}
				if len(got) != 1 {
					t.Fatalf("got %d facts, want 1", len(got))
				}
				if d := diff(got[0].Evidence, want); d != "" {
					t.Error(d)
				}
			})
		}
	})
}

func TestReopen(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	a, b, a2 := extractionA(t), extractionB(t), changed(t)
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	put(t, s, a, b)
	want := readers(t, s)
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if _, err := s.Documents(ctx); err == nil {
		t.Error("got no error reading a closed store, want one")
	}

	s, err = Open(ctx, dir)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	got := readers(t, s)
	for name := range want {
		if d := diff(got[name], want[name]); d != "" {
			t.Errorf("%s after reopening: %s", name, d)
		}
	}
	// Replacing a document after reopening needs the label index.
	put(t, s, a2)
	holds(t, s, a2, b)
}

func TestLabelIndex(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	for _, step := range []string{"created", "reopened"} {
		t.Run(step, func(t *testing.T) {
			s, err := Open(ctx, dir)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			put(t, s, extractionA(t))
			it := s.qs.QuadIterator(quad.Label, s.qs.ValueOf(docIRI(extractionA(t).Document.ID)))
			defer it.Close()
			if _, ok := it.(*ckv.QuadIterator); !ok {
				t.Errorf("got label iterator %T, want *kv.QuadIterator (an index scan)", it)
			}
		})
	}
}

func TestNeighbours(t *testing.T) {
	eachBackend(t, func(t *testing.T, open func(testing.TB) *Store) {
		s := open(t)
		a, b := extractionA(t), extractionB(t)
		put(t, s, a, b)
		da, db := a.Document.ID, b.Document.ID
		tests := []struct {
			node     string
			contains []corpus.Edge
			count    int
		}{
			{"land:BW", []corpus.Edge{
				{Subject: "land:BW", Predicate: "lg:has", Object: "topic:cyberwehr", Doc: da},
				{Subject: "land:BW", Predicate: "lg:adopted", Object: "topic:digitalstrategie", Doc: da},
				{Subject: "strategy:BW-digital-bw", Predicate: "lg:ofLand", Object: "land:BW", Doc: da},
				{Subject: "doc:" + string(da), Predicate: "lg:publishedBy", Object: "land:BW", Doc: da},
			}, -1},
			{"person:max-muster", []corpus.Edge{
				{Subject: "person:max-muster", Predicate: "lg:memberOf", Object: "land:HE", Doc: db},
				{Subject: "person:max-muster", Predicate: "lg:name", Object: "Max Muster", Doc: db},
				{Subject: "person:max-muster", Predicate: "lg:heads", Object: "org:HE-lagezentrum-fuer-cybersicherheit", Doc: db},
			}, 5},
			{"doc:" + string(da), []corpus.Edge{
				{Subject: "doc:" + string(db), Predicate: "lg:duplicateOf", Object: "doc:" + string(da), Doc: db},
				{Subject: "doc:" + string(da), Predicate: "lg:title", Object: a.Document.Title, Doc: da},
			}, -1},
			{"series:d16", []corpus.Edge{
				{Subject: "land:BY", Predicate: "lg:chairs", Object: "series:d16", Doc: da},
			}, -1},
			{"land:XX", nil, 0},
		}
		for _, tt := range tests {
			t.Run(tt.node, func(t *testing.T) {
				got, err := s.Neighbours(context.Background(), tt.node)
				if err != nil {
					t.Fatal(err)
				}
				for _, e := range tt.contains {
					if !slices.Contains(got, e) {
						t.Errorf("got no edge %+v, want it", e)
					}
				}
				if tt.count >= 0 && len(got) != tt.count {
					t.Errorf("got %d edges %+v, want %d", len(got), got, tt.count)
				}
				if !slices.IsSortedFunc(got, func(x, y corpus.Edge) int {
					return strings.Compare(x.Subject+"\x00"+x.Predicate+"\x00"+x.Object, y.Subject+"\x00"+y.Predicate+"\x00"+y.Object)
				}) {
					t.Error("got edges out of order, want them sorted")
				}
			})
		}
	})
}

func TestWriteNQuads(t *testing.T) {
	eachBackend(t, func(t *testing.T, open func(testing.TB) *Store) {
		a, b, a2 := extractionA(t), extractionB(t), changed(t)
		tests := []struct {
			name  string
			steps [][]corpus.Extraction
			want  []corpus.Extraction
		}{
			{"empty", nil, nil},
			{"two documents", [][]corpus.Extraction{{a, b}}, []corpus.Extraction{a, b}},
			{"after replacing", [][]corpus.Extraction{{a, b}, {a2}}, []corpus.Extraction{a2, b}},
			{"many", [][]corpus.Extraction{syntheticBatch(0, 30)}, syntheticBatch(0, 30)},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				s := open(t)
				for _, step := range tt.steps {
					put(t, s, step...)
				}
				var buf bytes.Buffer
				if err := s.WriteNQuads(context.Background(), &buf); err != nil {
					t.Fatal(err)
				}
				var got []string
				r := nquads.NewReader(&buf, false)
				for {
					q, err := r.ReadQuad()
					if err == io.EOF {
						break
					}
					if err != nil {
						t.Fatalf("parse output: %v", err)
					}
					got = append(got, q.NQuad())
				}
				var want []string
				for i := range tt.want {
					for _, q := range encode(&tt.want[i]) {
						want = append(want, q.NQuad())
					}
				}
				slices.Sort(got)
				slices.Sort(want)
				if len(got) != len(want) {
					t.Fatalf("got %d quads, want %d", len(got), len(want))
				}
				if d := diff(got, want); d != "" {
					t.Error(d)
				}
			})
		}
	})
}

// countdown is a context that reports cancellation after its Err method has
// been called n times: it finds out whether long loops check their context.
type countdown struct {
	context.Context
	n atomic.Int64
}

func newCountdown(n int64) *countdown {
	c := &countdown{Context: context.Background()}
	c.n.Store(n)
	return c
}

func (c *countdown) Err() error {
	if c.n.Add(-1) < 0 {
		return context.Canceled
	}
	return nil
}

func TestContext(t *testing.T) {
	calls := map[string]func(ctx context.Context, s *Store) error{
		"Put": func(ctx context.Context, s *Store) error {
			return s.Put(ctx, syntheticBatch(1000, 20))
		},
		"Delete": func(ctx context.Context, s *Store) error {
			return s.Delete(ctx, []corpus.DocID{synthetic(0).Document.ID, synthetic(1).Document.ID})
		},
		"Documents": func(ctx context.Context, s *Store) error { _, err := s.Documents(ctx); return err },
		"Document": func(ctx context.Context, s *Store) error {
			_, err := s.Document(ctx, synthetic(0).Document.ID)
			return err
		},
		"LandTopics":      func(ctx context.Context, s *Store) error { _, err := s.LandTopics(ctx, FactFilter{}); return err },
		"Mentions":        func(ctx context.Context, s *Store) error { _, err := s.Mentions(ctx, ""); return err },
		"TopicMentions":   func(ctx context.Context, s *Store) error { _, err := s.TopicMentions(ctx, ""); return err },
		"MeetingMentions": func(ctx context.Context, s *Store) error { _, err := s.MeetingMentions(ctx); return err },
		"ChairTerms":      func(ctx context.Context, s *Store) error { _, err := s.ChairTerms(ctx); return err },
		"Strategies":      func(ctx context.Context, s *Store) error { _, err := s.Strategies(ctx, ""); return err },
		"People":          func(ctx context.Context, s *Store) error { _, err := s.People(ctx, ""); return err },
		"Neighbours":      func(ctx context.Context, s *Store) error { _, err := s.Neighbours(ctx, "land:BW"); return err },
		"WriteNQuads":     func(ctx context.Context, s *Store) error { return s.WriteNQuads(ctx, io.Discard) },
		"Stats":           func(ctx context.Context, s *Store) error { _, err := s.Stats(ctx); return err },
		"Warm":            func(ctx context.Context, s *Store) error { return s.Warm(ctx) },
	}
	// long is the calls that loop over the whole graph (or a big batch);
	// they must notice a cancellation that happens while they run.
	long := []string{"Put", "Documents", "LandTopics", "Mentions", "TopicMentions", "MeetingMentions", "People", "WriteNQuads", "Warm"}
	eachBackend(t, func(t *testing.T, open func(testing.TB) *Store) {
		s := open(t)
		put(t, s, syntheticBatch(0, 60)...) // more than 2×exportBatch quads
		cancelled, cancel := context.WithCancel(context.Background())
		cancel()
		for name, call := range calls {
			t.Run(name+"/cancelled before", func(t *testing.T) {
				if err := call(cancelled, s); !errors.Is(err, context.Canceled) {
					t.Errorf("got error %v, want context.Canceled", err)
				}
			})
		}
		for _, name := range long {
			t.Run(name+"/cancelled while running", func(t *testing.T) {
				s.cache.reset() // reading from the graph is the long loop
				if err := calls[name](newCountdown(3), s); !errors.Is(err, context.Canceled) {
					t.Errorf("got error %v, want context.Canceled", err)
				}
			})
		}
		// The store still holds exactly the first batch.
		st, err := s.Stats(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if want := (Stats{Quads: quadCount(syntheticBatch(0, 60)...), Documents: 60}); st != want {
			t.Errorf("got stats %+v, want %+v", st, want)
		}
	})
}

func TestPutInvalid(t *testing.T) {
	s := openMemory(t)
	err := s.Put(context.Background(), []corpus.Extraction{{}})
	if !errors.Is(err, corpus.ErrInvalid) {
		t.Errorf("got error %v, want corpus.ErrInvalid", err)
	}
}

func TestChunkedPut(t *testing.T) {
	batch := syntheticBatch(0, 20)
	n := quadCount(batch...)
	tests := []struct {
		name    string
		chunk   int
		applied int // calls of ApplyDeltas
	}{
		{"one transaction", txQuads, 1},
		{"a document each", 1, 20},
		{"several documents each", n / 4, 5}, // documents differ in size: five chunks
	}
	eachBackend(t, func(t *testing.T, open func(testing.TB) *Store) {
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				s := open(t)
				s.batch = tt.chunk
				put(t, s, batch...)
				// New documents need no removals: one call per chunk.
				if s.applied != tt.applied {
					t.Errorf("got %d calls of ApplyDeltas, want %d", s.applied, tt.applied)
				}
				holds(t, s, batch...)
			})
		}
	})
}

func TestEscapeID(t *testing.T) {
	tests := []string{"", "BW", "thomas-kralinski", "mit Leerzeichen", "100%", "a<b>\"c\"{d}|e^f`g\\h", "Jürgen-Öztürk", "tab\there", "%41"}
	for _, id := range tests {
		t.Run(id, func(t *testing.T) {
			e := escapeID(id)
			if strings.ContainsFunc(e, func(r rune) bool { return r < 0x80 && needsEscape(r) && r != '%' }) {
				t.Errorf("got %q, want no characters an IRI may not hold", e)
			}
			if got := unescapeID(e); got != id {
				t.Errorf("got %q back, want %q", got, id)
			}
		})
	}
}

func TestConcurrent(t *testing.T) {
	eachBackend(t, func(t *testing.T, open func(testing.TB) *Store) {
		s := open(t)
		ctx := context.Background()
		batches := [][]corpus.Extraction{syntheticBatch(0, 20), syntheticBatch(20, 20), syntheticBatch(40, 20)}
		errs := make(chan error, 32)
		var wg sync.WaitGroup
		for _, b := range batches {
			wg.Go(func() { errs <- s.Put(ctx, b) })
		}
		for range 3 {
			wg.Go(func() {
				_, err := s.LandTopics(ctx, FactFilter{Land: "BW"})
				errs <- err
			})
			wg.Go(func() {
				_, err := s.Documents(ctx)
				errs <- err
			})
			wg.Go(func() {
				_, err := s.Neighbours(ctx, "land:BW")
				errs <- err
			})
			wg.Go(func() {
				_, err := s.Meetings(ctx, MeetingFilter{Land: "BW"})
				errs <- err
			})
			wg.Go(func() {
				_, err := s.Catalogue(ctx) // and the fingerprint journal
				errs <- err
			})
		}
		wg.Go(func() { errs <- s.Delete(ctx, []corpus.DocID{synthetic(3).Document.ID}) })
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Errorf("got error %v, want none", err)
			}
		}
		// Deleting before or after the Put of document 3 are both fine.
		want := slices.Concat(batches...)
		if _, err := s.Document(ctx, synthetic(3).Document.ID); err != nil {
			if !errors.Is(err, corpus.ErrNotFound) {
				t.Fatal(err)
			}
			want = slices.Delete(want, 3, 4)
		}
		holds(t, s, want...)
		cat, err := s.Catalogue(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var wantCat []corpus.Document
		for _, x := range want {
			wantCat = append(wantCat, stored(x.Document))
		}
		if d := diff(cat, wantCat); d != "" {
			t.Errorf("Catalogue: %s", d)
		}
	})
}

func TestOpen(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name    string
		prepare func(t *testing.T, dir string) string // returns the path to open
		ok      bool
	}{
		{"missing directory", func(t *testing.T, dir string) string { return filepath.Join(dir, "a", "b") }, true},
		{"empty directory", func(t *testing.T, dir string) string { return dir }, true},
		{"creation stopped before initialising", func(t *testing.T, dir string) string {
			db, err := cleveldb.Create(dir, nil)
			if err != nil {
				t.Fatal(err)
			}
			db.Close()
			return dir
		}, true},
		{"a file", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "f")
			if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
				t.Fatal(err)
			}
			return p
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Open(ctx, tt.prepare(t, t.TempDir()))
			if (err == nil) != tt.ok {
				t.Fatalf("got error %v, want error: %v", err, !tt.ok)
			}
			if err != nil {
				return
			}
			defer s.Close()
			put(t, s, extractionA(t))
			holds(t, s, extractionA(t))
		})
	}
	t.Run("locked by another store", func(t *testing.T) {
		dir := t.TempDir()
		s, err := Open(ctx, dir)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if s2, err := Open(ctx, dir); err == nil {
			s2.Close()
			t.Error("got no error opening an open graph, want one")
		}
	})
}

func TestMeetings(t *testing.T) {
	ctx := context.Background()
	s := openMemory(t)
	warm(t, s, true)
	check := func(t *testing.T) {
		t.Helper()
		mm, err := s.MeetingMentions(ctx)
		if err != nil {
			t.Fatal(err)
		}
		ct, err := s.ChairTerms(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want := corpus.MergeMeetings(mm, ct)
		got, err := s.Meetings(ctx, MeetingFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if d := diff(got, want); d != "" {
			t.Fatalf("all meetings: %s", d)
		}
		for _, f := range []MeetingFilter{{Series: "d16"}, {Series: "dmk"}, {Land: "BW"}, {Land: "SH", Year: 2019}, {Year: 2021}} {
			sel := []corpus.Meeting{}
			for _, m := range want {
				if (f.Series == "" || m.Series == f.Series) && (f.Year == 0 || m.Start.Year() == f.Year) &&
					(f.Land == "" || slices.Contains(m.Hosts, f.Land) || slices.Contains(m.Chairs, f.Land) || slices.Contains(m.Participants, f.Land)) {
					sel = append(sel, m)
				}
			}
			got, err := s.Meetings(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if d := diff(got, sel); d != "" {
				t.Errorf("filter %+v: %s", f, d)
			}
		}
	}
	steps := []struct {
		name string
		do   func() error
	}{
		{"put 30", func() error { return s.Put(ctx, syntheticBatch(0, 30)) }},
		{"put 30 more", func() error { return s.Put(ctx, syntheticBatch(30, 30)) }},
		{"change one", func() error {
			x := synthetic(7)
			x.Meetings[0].Place = "Stadt 8"
			x.Chairs = []corpus.ChairTerm{{Series: "dmk", Lands: []corpus.LandCode{"BW"}, From: "2016", Evidence: x.Meetings[0].Evidence}}
			return s.Put(ctx, []corpus.Extraction{x})
		}},
		{"delete some", func() error {
			return s.Delete(ctx, []corpus.DocID{synthetic(0).Document.ID, synthetic(5).Document.ID, synthetic(40).Document.ID})
		}},
		{"retitle a file", func() error {
			x := synthetic(12)
			x.Document.File = "docs/a-first.txt"
			return s.Put(ctx, []corpus.Extraction{x})
		}},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			if err := st.do(); err != nil {
				t.Fatal(err)
			}
			check(t)
		})
	}
}

// TestCatalogue checks that Catalogue lists what Documents lists, and that
// before the cache is loaded it leaves it unloaded, so that the writes of an
// ingest run do not fill it.
func TestCatalogue(t *testing.T) {
	eachBackend(t, func(t *testing.T, open func(testing.TB) *Store) {
		ctx := context.Background()
		a, b := extractionA(t), extractionB(t)
		s := open(t)
		put(t, s, a)
		got, err := s.Catalogue(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if want := []corpus.Document{stored(a.Document)}; !reflect.DeepEqual(got, want) {
			t.Errorf("Catalogue: got %+v, want %+v", got, want)
		}
		put(t, s, b)
		if s.cache.loaded {
			t.Errorf("Catalogue loaded the cache")
		}
		docs, err := s.Documents(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if want := []corpus.Document{listed(a.Document), listed(b.Document)}; !reflect.DeepEqual(docs, want) {
			t.Errorf("Documents after Catalogue: got %+v, want %+v", docs, want)
		}
		want := []corpus.Document{stored(a.Document), stored(b.Document)}
		if got, err = s.Catalogue(ctx); err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("Catalogue with the cache loaded: got %+v, %v, want %+v", got, err, want)
		}
		if d, err := s.Document(ctx, a.Document.ID); err != nil || !reflect.DeepEqual(d, want[0]) {
			t.Errorf("Document with the cache loaded: got %+v, %v, want %+v", d, err, want[0])
		}
	})
}

// TestScanPair checks the subject–predicate lookup against a scan of the
// subject's quads, on every backend, after a document was replaced (its old
// quads are dead in LevelDB's indexes) and another deleted.
func TestScanPair(t *testing.T) {
	eachBackend(t, func(t *testing.T, open func(testing.TB) *Store) {
		ctx := context.Background()
		a, b := extractionA(t), extractionB(t)
		s := open(t)
		put(t, s, a, b)
		a2 := a
		a2.Document.Title = "Ein anderer Titel"
		put(t, s, a2)
		if err := s.Delete(ctx, []corpus.DocID{b.Document.ID}); err != nil {
			t.Fatal(err)
		}
		if _, ok := s.qs.(*ckv.QuadStore); !ok && t.Name() == "TestScanPair/leveldb" {
			t.Fatalf("the LevelDB graph is a %T: scanPair would not use the index", s.qs)
		}
		err := s.read(ctx, func(v *view) error {
			for _, id := range []corpus.DocID{a.Document.ID, b.Document.ID} {
				for _, p := range []quad.IRI{predTitle, predFingerprint, predKind, predMentionsLand} {
					var pair, all []link
					if err := v.scanPair(v.ref(docIRI(id)), v.ref(p), func(l link) error {
						pair = append(pair, l)
						return nil
					}); err != nil {
						return err
					}
					if err := v.scan(quad.Subject, v.ref(docIRI(id)), func(l link) error {
						all = append(all, l)
						return nil
					}); err != nil {
						return err
					}
					for _, l := range append(pair, all...) {
						if err := v.resolve(l.s, l.p, l.o, l.l); err != nil {
							return err
						}
					}
					key := func(l link) string {
						return fmt.Sprint(v.value(l.s), v.value(l.p), v.value(l.o), v.value(l.l))
					}
					var got, want []string
					for _, l := range pair {
						got = append(got, key(l))
					}
					for _, l := range all {
						if v.value(l.p) == p {
							want = append(want, key(l))
						}
					}
					slices.Sort(got)
					slices.Sort(want)
					if !slices.Equal(got, want) {
						t.Errorf("%s %s: scanPair %q, scan %q", id, p, got, want)
					}
					if id == a.Document.ID && p == predTitle && (len(got) != 1 || !strings.Contains(got[0], "Ein anderer Titel")) {
						t.Errorf("title of the replaced document: %q", got)
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

// TestSettle checks that Settle returns once LevelDB has merged the tables
// of level 0 that a run of writes left (each write is a transaction and
// leaves one), and that a memory graph has nothing to wait for.
func TestSettle(t *testing.T) {
	ctx := context.Background()
	s := openLevelDB(t)
	a := extractionA(t)
	for i := range 2 * levelL0Trigger {
		x := a
		x.Document.File = fmt.Sprintf("settle-%d.txt", i)
		x.Document.ID = corpus.NewDocID(x.Document.File)
		put(t, s, x)
	}
	n0, err := s.Settle(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("level 0 held %d tables when Settle was called", n0)
	v, err := s.level.GetProperty("leveldb.num-files-at-level0")
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := strconv.Atoi(v); n >= levelL0Trigger {
		t.Errorf("after Settle level 0 holds %d tables, want fewer than %d", n, levelL0Trigger)
	}
	if n := s.staleTables(); n != 0 {
		t.Errorf("after Settle the folder holds %d tables that no level uses", n)
	}
	if n, err := openMemory(t).Settle(ctx); n != 0 || err != nil {
		t.Errorf("memory graph: Settle = %d, %v", n, err)
	}
}
