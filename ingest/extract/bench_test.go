package extract

import (
	"fmt"
	"strings"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/ingest/text"
)

// syntheticText returns n sentences of made-up German press text mixing
// Länder, topics, strategies and people.
func syntheticText(n int) string {
	parts := []string{
		"Brandenburgs Digitalkoordinator Max Beispiel eröffnete die Konferenz im Brandenburg-Saal.",
		"Auf der Tagesordnung standen Länderberichte zu Cyberwehr, digitaler Verwaltung und Künstlicher Intelligenz.",
		"Baden-Württemberg baut eine Cyberwehr auf und die hessische Landesregierung fördert den Breitbandausbau.",
		"Die Landesregierung hat die Strategie „Digitales Land 2030“ am 3. Mai 2021 beschlossen.",
		"Die bayerische Digitalministerin Dr. Erika Muster (CSU) sprach über KI-Regulierung und das OZG.",
		"In der Hauptstadtregion wurden Smart-City-Projekte und die digitale Teilhabe vorgestellt.",
		"Niedersachsen hat keine Cybersicherheitsagentur, plant aber eine Landescyberwehr.",
	}
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(parts[i%len(parts)])
		if i%5 == 4 {
			b.WriteString("\n\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func BenchmarkExtract(b *testing.B) {
	x := New(testRegistry, testThesaurus)
	for _, n := range []int{10, 200} {
		b.Run(fmt.Sprintf("sentences=%d", n), func(b *testing.B) {
			doc := &corpus.Document{ID: "bench", File: "bench.txt", Title: "Digitalpolitik der Länder", Kind: corpus.KindNews, Date: "2023-01-01", Text: syntheticText(n)}
			sents := text.Sentences(doc.Text)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				d := *doc
				x.Extract(&d, sents)
			}
			b.ReportMetric(float64(len(sents)*b.N)/b.Elapsed().Seconds(), "sentences/s")
		})
	}
}

func BenchmarkFindTopics(b *testing.B) {
	x := New(testRegistry, testThesaurus)
	s := syntheticText(7)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		x.FindTopics(s)
	}
	b.ReportMetric(float64(len(s)*b.N)/b.Elapsed().Seconds()/1e6, "MB/s")
}
