package search

import (
	"context"
	"fmt"
	"math/rand"
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
