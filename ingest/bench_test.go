package ingest

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

var (
	benchLaender = []string{"Bayern", "Berlin", "Brandenburg", "Hessen", "Sachsen", "Thüringen", "Niedersachsen", "Baden-Württemberg"}
	benchTopics  = []string{"Cyberwehr", "Künstliche Intelligenz", "Breitbandausbau", "Open Data", "E-Government", "digitale Schule"}
)

// syntheticText returns a German press-release-like text that differs by i.
func syntheticText(i int) string {
	land := benchLaender[i%len(benchLaender)]
	topic := benchTopics[(i/len(benchLaender))%len(benchTopics)]
	var b strings.Builder
	fmt.Fprintf(&b, "%s stärkt %s – Meldung Nr. %d\n\n", land, topic, i)
	fmt.Fprintf(&b, "Potsdam, %d.%d.20%02d\n\n", 1+i%28, 1+i%12, 18+i%7)
	fmt.Fprintf(&b, "Die Landesregierung von %s hat am %d. Juni ein Programm für %s beschlossen. ", land, 1+i%28, topic)
	fmt.Fprintf(&b, "Nach Angaben des Ministeriums stehen dafür ca. %d Mio. Euro bereit, u. a. für Personal und Technik. ", 3+i%40)
	fmt.Fprintf(&b, "Die %d. Sitzung des Lenkungskreises findet im Herbst statt.\n\n", 2+i%9)
	fmt.Fprintf(&b, "„Wir wollen bei %s vorankommen“, sagte die Ministerin. Projekt %d umfasst Pilotvorhaben in %d Kommunen, ", topic, i, 5+i%17)
	fmt.Fprintf(&b, "die Ergebnisse werden z. B. im Landtag vorgestellt. Weitere Informationen gibt es unter Vorgang %d-%d.\n", i*7, i*13)
	return b.String()
}

func BenchmarkPipeline(b *testing.B) {
	const n = 500
	files := map[string]string{}
	for i := range n {
		files[fmt.Sprintf("docs/%04d.txt", i)] = syntheticText(i)
	}
	fsys := mapFS(files)
	opts := testOptions(b)
	docs := 0
	for b.Loop() {
		store := newMemStore()
		if _, err := New(store, opts).Run(context.Background(), []Input{{FS: fsys, Root: "docs", Name: "docs"}}); err != nil {
			b.Fatal(err)
		}
		docs += n
	}
	b.ReportMetric(float64(docs)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkLargeDocument ingests one long document of several sizes; the
// throughput (MB/s) stays about the same when the work is linear in the
// length of the text.
func BenchmarkLargeDocument(b *testing.B) {
	for _, size := range []int{250 << 10, 1 << 20, 4 << 20} {
		var t strings.Builder
		for i := 0; t.Len() < size; i++ {
			t.WriteString(syntheticText(i))
			t.WriteString("\n\n")
		}
		fsys := mapFS(map[string]string{"gross.txt": t.String()})
		opts := testOptions(b)
		b.Run(fmt.Sprintf("%dkB", size>>10), func(b *testing.B) {
			b.SetBytes(int64(t.Len()))
			for b.Loop() {
				if _, err := New(newMemStore(), opts).Run(context.Background(), []Input{{FS: fsys, Root: ".", Name: "gross"}}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
