package graph

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

// benchBackends are the stores as Open and NewMemory make them.
var benchBackends = []struct {
	name string
	open func(tb testing.TB) *Store
}{
	{"memory", openMemory},
	{"leveldb", func(tb testing.TB) *Store {
		tb.Helper()
		s, err := Open(context.Background(), tb.TempDir())
		if err != nil {
			tb.Fatalf("Open: %v", err)
		}
		tb.Cleanup(func() { s.Close() })
		return s
	}},
	// A schema of its own in the PostgreSQL of $LG_TEST_POSTGRES; skipped
	// without one.
	{"postgres", openPostgres},
}

// benchDocs is the size of the graph the read benchmarks query.
const benchDocs = 1000

// BenchmarkPut stores batches of 250 new synthetic documents (about 22,000
// quads) per operation, with the read cache empty and loaded (a loaded cache
// decodes what Put writes).
func BenchmarkPut(b *testing.B) {
	const batch = 250
	for _, be := range benchBackends {
		for _, cached := range []bool{false, true} {
			b.Run(fmt.Sprintf("%s/cached=%v", be.name, cached), func(b *testing.B) {
				s := be.open(b)
				ctx := context.Background()
				warm(b, s, cached)
				quads := 0
				var spent time.Duration
				for i := 0; b.Loop(); i++ {
					exts := syntheticBatch(i*batch, batch)
					n := quadCount(exts...)
					start := time.Now()
					if err := s.Put(ctx, exts); err != nil {
						b.Fatal(err)
					}
					spent += time.Since(start)
					quads += n
				}
				b.ReportMetric(float64(quads)/spent.Seconds(), "quads/s")
			})
		}
	}
}

// BenchmarkReplace stores a changed version of 250 stored documents per
// operation.
func BenchmarkReplace(b *testing.B) {
	const batch = 250
	for _, be := range benchBackends {
		b.Run(be.name, func(b *testing.B) {
			s := be.open(b)
			ctx := context.Background()
			exts := syntheticBatch(0, batch)
			if err := s.Put(ctx, exts); err != nil {
				b.Fatal(err)
			}
			for i := 0; b.Loop(); i++ {
				for j := range exts {
					exts[j].Document.Title = fmt.Sprintf("Fassung %d", i)
					exts[j].LandTopics[0].Evidence.Title = exts[j].Document.Title
				}
				if err := s.Put(ctx, exts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// benchStore returns a store of each backend holding benchDocs documents.
func benchStore(b *testing.B, open func(testing.TB) *Store) *Store {
	b.Helper()
	s := open(b)
	for i := 0; i < benchDocs; i += 250 {
		if err := s.Put(context.Background(), syntheticBatch(i, min(250, benchDocs-i))); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := s.Documents(context.Background()); err != nil { // load the cache
		b.Fatal(err)
	}
	return s
}

// BenchmarkLandTopics queries a graph of benchDocs documents. "cold" is the
// first read after opening or a failed write: it loads every document from
// the graph into the cache.
func BenchmarkLandTopics(b *testing.B) {
	filters := []struct {
		name string
		f    FactFilter
		cold bool
	}{
		{"cold", FactFilter{}, true},
		{"all", FactFilter{}, false},
		{"land", FactFilter{Land: "BW"}, false},
		{"topic", FactFilter{Topic: "cyberwehr"}, false},
		{"land+topic", FactFilter{Land: "BW", Topic: "cyberwehr"}, false},
	}
	for _, be := range benchBackends {
		b.Run(be.name, func(b *testing.B) {
			s := benchStore(b, be.open)
			for _, f := range filters {
				b.Run(f.name, func(b *testing.B) {
					n := 0
					for b.Loop() {
						if f.cold {
							s.cache.reset()
						}
						lt, err := s.LandTopics(context.Background(), f.f)
						if err != nil {
							b.Fatal(err)
						}
						n = len(lt)
					}
					b.ReportMetric(float64(n), "facts")
				})
			}
		})
	}
}

// BenchmarkDocuments lists a graph of benchDocs documents, from the cache
// ("warm") and after emptying it ("cold").
func BenchmarkDocuments(b *testing.B) {
	for _, be := range benchBackends {
		b.Run(be.name, func(b *testing.B) {
			s := benchStore(b, be.open)
			for _, cold := range []bool{false, true} {
				b.Run(map[bool]string{false: "warm", true: "cold"}[cold], func(b *testing.B) {
					n := 0
					for b.Loop() {
						if cold {
							s.cache.reset()
						}
						docs, err := s.Documents(context.Background())
						if err != nil {
							b.Fatal(err)
						}
						n = len(docs)
					}
					b.ReportMetric(float64(n), "docs")
				})
			}
		})
	}
}

// BenchmarkReaders measures the other readers over the whole graph.
func BenchmarkReaders(b *testing.B) {
	ctx := context.Background()
	readers := []struct {
		name string
		read func(s *Store) (int, error)
	}{
		{"Mentions", func(s *Store) (int, error) { x, err := s.Mentions(ctx, ""); return len(x), err }},
		{"Mentions/land", func(s *Store) (int, error) { x, err := s.Mentions(ctx, "BW"); return len(x), err }},
		{"TopicMentions", func(s *Store) (int, error) { x, err := s.TopicMentions(ctx, ""); return len(x), err }},
		{"MeetingMentions", func(s *Store) (int, error) { x, err := s.MeetingMentions(ctx); return len(x), err }},
		{"ChairTerms", func(s *Store) (int, error) { x, err := s.ChairTerms(ctx); return len(x), err }},
		{"Strategies/land", func(s *Store) (int, error) { x, err := s.Strategies(ctx, "BW"); return len(x), err }},
		{"People/land", func(s *Store) (int, error) { x, err := s.People(ctx, "BW"); return len(x), err }},
		{"Document", func(s *Store) (int, error) { _, err := s.Document(ctx, synthetic(17).Document.ID); return 1, err }},
		{"Neighbours", func(s *Store) (int, error) { x, err := s.Neighbours(ctx, "land:BW"); return len(x), err }},
		{"Stats", func(s *Store) (int, error) { x, err := s.Stats(ctx); return x.Documents, err }},
	}
	for _, be := range benchBackends {
		b.Run(be.name, func(b *testing.B) {
			s := benchStore(b, be.open)
			for _, r := range readers {
				b.Run(r.name, func(b *testing.B) {
					n := 0
					for b.Loop() {
						var err error
						if n, err = r.read(s); err != nil {
							b.Fatal(err)
						}
					}
					b.ReportMetric(float64(n), "results")
				})
			}
		})
	}
}

// BenchmarkQuery answers graph queries over the entity graph of 1,000
// synthetic documents (built once): a narrow one, a two-step one and the
// broadest the limits allow to three steps. It reports the links looked at.
func BenchmarkQuery(b *testing.B) {
	s := openMemory(b)
	put(b, s, syntheticBatch(0, 1000)...)
	g, err := BuildEntities(context.Background(), s, EntityFilter{})
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("entity graph: %d nodes, %d links", len(g.Nodes), len(g.Links))
	for _, tc := range []struct{ name, q string }{
		{"narrow", "land:BW -hat-> thema"},
		{"two-steps", "thema:ki <-hat- land -vorsitz-> reihe"},
		{"broad", "* -*1..3- *"},
	} {
		q, err := ParseQuery(tc.q)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(tc.name, func(b *testing.B) {
			var work int
			for b.Loop() {
				res, err := q.Run(context.Background(), g, QueryLimits{})
				if err != nil {
					b.Fatal(err)
				}
				work = res.Work
			}
			b.ReportMetric(float64(work), "links")
		})
	}
}

// BenchmarkCatalogue lists a LevelDB graph of catalogueDocs documents with
// their fingerprints, as an ingest and an upload do: with the cache loaded
// and from the snapshot (an ingest, which does not load the cache), with
// the fingerprint journal and without it (reading them from the graph).
func BenchmarkCatalogue(b *testing.B) {
	const catalogueDocs = 4000
	ctx := context.Background()
	dir := filepath.Join(b.TempDir(), "graph")
	s, err := Open(ctx, dir)
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < catalogueDocs; i += 250 {
		if err := s.Put(ctx, syntheticBatch(i, min(250, catalogueDocs-i))); err != nil {
			b.Fatal(err)
		}
	}
	if err := s.Warm(ctx); err != nil { // writes the snapshot
		b.Fatal(err)
	}
	s.Close()
	for _, cached := range []bool{true, false} {
		for _, journal := range []bool{true, false} {
			b.Run(fmt.Sprintf("cache=%v/journal=%v", cached, journal), func(b *testing.B) {
				s, err := Open(ctx, dir)
				if err != nil {
					b.Fatal(err)
				}
				defer s.Close()
				warm(b, s, cached)
				if !journal {
					s.journal.path = ""
				}
				n := 0
				for b.Loop() {
					docs, err := s.Catalogue(ctx)
					if err != nil {
						b.Fatal(err)
					}
					n = len(docs)
				}
				if journal && s.journal.fromGraph > 0 {
					b.Errorf("read the fingerprints %d times from the graph", s.journal.fromGraph)
				}
				b.ReportMetric(float64(n), "docs")
			})
		}
	}
}
