package search

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/laendergraph/laendergraph/corpus"
)

// benchDocs returns n short synthetic German documents (about 80 words:
// listed words, compounds of them with linking elements, function words,
// Land names, now and then a negation), the same for every run.
func benchDocs(n int) []corpus.Document {
	r := rand.New(rand.NewSource(1))
	words := readList(wordsTxt)
	function := []string{"der", "die", "das", "und", "mit", "für", "von", "nicht", "keine", "im", "auf", "eine"}
	laender := corpus.Laender().All()
	title := func(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
	docs := make([]corpus.Document, n)
	for i := range docs {
		var b strings.Builder
		for j := 0; j < 80; j++ {
			switch k := r.Intn(10); {
			case k < 3:
				b.WriteString(function[r.Intn(len(function))])
			case k < 5:
				b.WriteString(title(words[r.Intn(len(words))]) + []string{"", "s", "en"}[r.Intn(3)] + words[r.Intn(len(words))])
			case k < 6:
				b.WriteString(laender[r.Intn(len(laender))].Name)
			default:
				b.WriteString(title(words[r.Intn(len(words))]))
			}
			if j%12 == 11 {
				b.WriteString(". ")
			} else {
				b.WriteByte(' ')
			}
		}
		l := laender[r.Intn(len(laender))]
		docs[i] = corpus.Document{
			ID: corpus.DocID(fmt.Sprintf("b%06d", i)), File: fmt.Sprintf("bench/%06d.txt", i),
			Title: title(words[r.Intn(len(words))]) + " in " + l.Name, Kind: corpus.Kinds[r.Intn(len(corpus.Kinds))],
			Date: corpus.Date(fmt.Sprintf("%d-%02d-%02d", 2017+r.Intn(9), 1+r.Intn(12), 1+r.Intn(28))),
			Land: l.Code, Laender: []corpus.LandCode{l.Code}, Text: b.String(),
		}
	}
	return docs
}

const benchCorpus = 2000

// BenchmarkIndex measures indexing speed (docs/s) of both analyses.
func BenchmarkIndex(b *testing.B) {
	docs := benchDocs(benchCorpus)
	for _, analysis := range []string{AnalysisDE, AnalysisLaendergraph} {
		b.Run(analysis, func(b *testing.B) {
			var spent time.Duration
			for i := 0; i < b.N; i++ {
				ix, err := NewMemory(Options{Analysis: analysis})
				if err != nil {
					b.Fatal(err)
				}
				start := time.Now()
				if err := ix.Put(context.Background(), docs); err != nil {
					b.Fatal(err)
				}
				spent += time.Since(start)
				b.StopTimer()
				ix.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(len(docs)*b.N)/spent.Seconds(), "docs/s")
		})
	}
}

// benchQueries is the query mix of BenchmarkSearch: words, compounds,
// abbreviations, phrases, negations, filters, OR, a typo, date order.
var benchQueries = []Request{
	{Query: "Strategie"},
	{Query: "Digitalisierungsstrategie"},
	{Query: "KI"},
	{Query: `"digitale Verwaltung"`},
	{Query: "keine Cyberwehr"},
	{Query: "Breitband land:BW"},
	{Query: "Verwaltung OR Bildung -Bayern"},
	{Query: "Cyberwher"},
	{Query: "Nordrhein-Westfalen Förderung", Sort: "date"},
	{Query: "Sicherheit year:2019..2022"},
}

// BenchmarkSearch measures search latency on both analyses: one op runs
// every query of the mix once, with highlights and facets as the API asks
// for them; ns/query is the mean latency of one search.
func BenchmarkSearch(b *testing.B) {
	docs := benchDocs(benchCorpus)
	for _, analysis := range []string{AnalysisDE, AnalysisLaendergraph} {
		b.Run(analysis, func(b *testing.B) {
			ix := memIndex(b, analysis, docs)
			ctx := context.Background()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				for _, req := range benchQueries {
					req.Highlight, req.Limit = true, 20
					if _, err := ix.Search(ctx, req); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(benchQueries)), "ns/query")
		})
	}
}

// mixQueries are the searches of cmd/lgbench's mix.
var mixQueries = []string{
	"Cyberwehr", "Strategie", "Verwaltung", `"digitale Teilhabe"`,
	"Breitband land:BW", "Digitalstrategie -Bayern", "KI year:2023",
}

// mixSentences are sentences with the words of mixQueries and the share of
// documents that get each, about the shares of lgbench's generated corpus
// (a common word in most documents, a compound in one in ten).
var mixSentences = []struct {
	text  string
	share float64
}{
	{"Die Verwaltung wird digitaler.", 0.8},
	{"Die Strategie des Landes setzt Ziele.", 0.45},
	{"Das Land stellt seine Digitalstrategie vor.", 0.08},
	{"Die Landesdigitalstrategie und die Digitalisierungsstrategie der Kommunen.", 0.05},
	{"Die Cyberwehr hilft Unternehmen bei Angriffen.", 0.15},
	{"Es geht um digitale Teilhabe für alle.", 0.05},
	{"Der Breitbandausbau und die Glasfaser kommen voran.", 0.1},
	{"Künstliche Intelligenz (KI) in der Verwaltung.", 0.1},
	{"Der Freistaat Bayern beteiligt sich.", 0.05},
}

// mixDocs returns benchDocs with the sentences of mixSentences added at
// their shares, the same for every run.
func mixDocs(n int) []corpus.Document {
	docs := benchDocs(n)
	r := rand.New(rand.NewSource(2))
	for i := range docs {
		for _, s := range mixSentences {
			if r.Float64() < s.share {
				docs[i].Text += " " + s.text
			}
		}
	}
	return docs
}

// BenchmarkSearchMix measures each search of lgbench's mix as
// /api/v1/search runs it (first page of 10, highlights, facets; not from the
// result cache) on a
// generated index of 10,000 documents (mixDocs), or on the index folder named by
// $LG_BENCH_INDEX (a data folder's index/, not held by a running server;
// Bleve merges segments in the background after opening, so use a copy).
// CPU profiles: add -cpuprofile cpu.out -run '^$' and look with go tool pprof.
func BenchmarkSearchMix(b *testing.B) {
	ctx := context.Background()
	var ix *Index
	if dir := os.Getenv("LG_BENCH_INDEX"); dir != "" {
		var err error
		if ix, err = Open(ctx, dir, Options{}); err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { ix.Close() })
	} else {
		ix = memIndex(b, AnalysisLaendergraph, mixDocs(10_000))
	}
	for _, q := range mixQueries {
		b.Run(q, func(b *testing.B) {
			var total uint64
			for i := 0; i < b.N; i++ {
				ix.results.invalidate() // measure the search, not the result cache
				res, err := ix.Search(ctx, Request{Query: q, Limit: 10, Highlight: true})
				if err != nil {
					b.Fatal(err)
				}
				total = res.Total
			}
			b.ReportMetric(float64(total), "hits")
		})
	}
}
