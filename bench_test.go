package main

import (
	"context"
	"fmt"
	"io"
	"math/rand"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// syntheticDocs writes n German press releases with varied Länder, topics,
// dates and filler below dir, distinct enough not to count as duplicates.
func syntheticDocs(tb testing.TB, dir string, n int) {
	tb.Helper()
	laender := []string{"Baden-Württemberg", "Bayern", "Berlin", "Brandenburg", "Bremen", "Hamburg", "Hessen",
		"Mecklenburg-Vorpommern", "Niedersachsen", "Nordrhein-Westfalen", "Rheinland-Pfalz", "Saarland",
		"Sachsen", "Sachsen-Anhalt", "Schleswig-Holstein", "Thüringen"}
	topics := []string{"eine Cyberwehr", "eine Digitalstrategie", "ein Programm für Künstliche Intelligenz",
		"den Breitbandausbau", "ein Portal für die digitale Verwaltung", "ein Netz für digitale Teilhabe"}
	words := strings.Fields("Verwaltung Kommunen Förderung Projekt Netz Daten Bürgerinnen Bürger Unternehmen Schulen " +
		"Plattform Sicherheit Beratung Ausbau Landkreis Gemeinde Ministerium Haushalt Millionen Euro Jahr Quartal " +
		"Umsetzung Ziel Maßnahme Konzept Zusammenarbeit Forschung Hochschule Wirtschaft Infrastruktur Angebot")
	r := rand.New(rand.NewSource(1))
	for i := range n {
		land, topic := laender[i%len(laender)], topics[(i/len(laender))%len(topics)]
		var b strings.Builder
		fmt.Fprintf(&b, "%s startet Vorhaben Nummer %d\n\n", land, i)
		fmt.Fprintf(&b, "Potsdam, %d.%d.20%02d – %s baut %s auf. ", 1+i%28, 1+i%12, 18+i%8, land, topic)
		for s := 0; s < 12; s++ {
			for w := 0; w < 10; w++ {
				b.WriteString(words[r.Intn(len(words))])
				b.WriteByte(' ')
			}
			b.WriteString("sagte die Staatssekretärin. ")
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("doc%05d.txt", i)), []byte(b.String()), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// BenchmarkIngestCommand measures the whole ingest command — read, extract,
// index and store in the graph on disk — in documents per second.
func BenchmarkIngestCommand(b *testing.B) {
	const n = 500
	in := b.TempDir()
	syntheticDocs(b, in, n)
	b.ResetTimer()
	for range b.N {
		data := b.TempDir()
		code := runEnv(context.Background(), []string{"ingest", "--quiet", "--data", data, in},
			env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, getenv: noEnv})
		if code != 0 {
			b.Fatalf("ingest: exit %d", code)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "docs/s")
}

// demoHandler returns the HTTP handler of an app over the demo corpus in a
// fresh data folder, closed when the benchmark ends.
func demoHandler(b *testing.B) http.Handler {
	b.Helper()
	ctx := context.Background()
	c := common{data: b.TempDir()}
	e := env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, getenv: noEnv}
	a, err := openApp(ctx, &c, e)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { a.Close() })
	if _, err := a.ingestDemo(ctx); err != nil {
		b.Fatal(err)
	}
	return a.handler()
}

// BenchmarkAPI measures request latency through the whole HTTP stack on the
// demo corpus: search with highlights and facets, and questions.
func BenchmarkAPI(b *testing.B) {
	h := demoHandler(b)
	for _, bc := range []struct{ name, path, q string }{
		{"search", "/api/v1/search", "Strategie"},
		{"search-phrase", "/api/v1/search", `"digitale Teilhabe"`},
		{"ask-laender", "/api/v1/ask", "Welche Länder haben eine Cyberwehr?"},
		{"ask-meeting", "/api/v1/ask", "Wo und wann fand die erste Digitalministerkonferenz statt?"},
		{"meetings", "/api/v1/meetings", ""},
	} {
		b.Run(bc.name, func(b *testing.B) {
			target := bc.path + "?" + url.Values{"q": {bc.q}}.Encode()
			for range b.N {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
				if rec.Code != http.StatusOK {
					b.Fatalf("%s: status %d: %s", target, rec.Code, rec.Body)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N), "µs/req")
		})
	}
}

// askMix is the fixed question mix of BenchmarkAsk: graph intents and
// questions only passages answer, German and English.
var askMix = []string{
	"Welche Länder haben eine Cyberwehr?",
	"Wer hatte 2023 den Vorsitz der D16?",
	"Wo und wann fand die erste Digitalministerkonferenz statt?",
	"Welches Land hat eine Cybersicherheitsagentur gegründet?",
	"In welchem Bundesland wurde ein Landesamt für Sicherheit in der Informationstechnik in Nürnberg errichtet?",
	"Welche Landesregierung hat 2022 eine Digitalstrategie beschlossen?",
	"Which state set up a cyber security agency?",
	"Welches Land hat eine Behörde für Wetterdaten aufgebaut?",
}

// BenchmarkAsk measures /api/v1/ask over askMix on the demo corpus and
// reports the median and 99th percentile latency of one question.
func BenchmarkAsk(b *testing.B) {
	h := demoHandler(b)
	var lat []time.Duration
	b.ResetTimer()
	for i := range b.N {
		for _, q := range askMix {
			target := "/api/v1/ask?" + url.Values{"q": {q}}.Encode()
			start := time.Now()
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
			if rec.Code != http.StatusOK {
				b.Fatalf("%s: status %d: %s", target, rec.Code, rec.Body)
			}
			lat = append(lat, time.Since(start))
		}
		_ = i
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
}
