package api

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
)

// manyExtractions are n documents by Baden-Württemberg that each state the
// same strategy, person, topic and meeting, so every record has n pieces of
// evidence.
func manyExtractions(tb testing.TB, n int) []corpus.Extraction {
	tb.Helper()
	var out []corpus.Extraction
	for i := range n {
		d := doc(fmt.Sprintf("docs/%03d_bw.txt", i), "BW", corpus.Date(fmt.Sprintf("2020-01-%02d", 1+i%28)),
			fmt.Sprintf("Baden-Württemberg hat eine Cyberwehr, Meldung %d. Die Strategie digital@bw gilt seit 2017. Minister Karl Beispiel eröffnet die Konferenz in Stuttgart.", i))
		sent := func(q string) corpus.Evidence { return at(tb, d, q) }
		first := sent(fmt.Sprintf("Baden-Württemberg hat eine Cyberwehr, Meldung %d.", i))
		out = append(out, corpus.Extraction{
			Document:      d,
			Mentions:      []corpus.Mention{{Land: "BW", Evidence: first}},
			TopicMentions: []corpus.TopicMention{{Topic: "cyberwehr", Evidence: first}},
			LandTopics:    []corpus.LandTopic{{Land: "BW", Topic: "cyberwehr", Relation: corpus.RelHas, Evidence: first}},
			Strategies:    []corpus.Strategy{{ID: "BW-digital-bw", Land: "BW", Title: "digital@bw", Year: 2017, Evidence: sent("Die Strategie digital@bw gilt seit 2017.")}},
			People: []corpus.Person{{ID: "karl-beispiel", Name: "Karl Beispiel", Role: "Minister", Land: "BW", Date: d.Date,
				Evidence: sent("Minister Karl Beispiel eröffnet die Konferenz in Stuttgart.")}},
			Meetings: []corpus.MeetingMention{{Series: "dmk", Ordinal: 3, Start: "2020-02-01", Place: "Stuttgart", Hosts: []corpus.LandCode{"BW"},
				Evidence: sent("Minister Karl Beispiel eröffnet die Konferenz in Stuttgart.")}},
		})
	}
	return out
}

// pages follows the cursors of a list from path and returns every item, the
// number of pages and the total each page reported.
func pages(tb testing.TB, h http.Handler, path, name string) (items []any, n int, total float64) {
	tb.Helper()
	next := ""
	for n = 1; n < 100; n++ {
		p := path
		if next != "" {
			p += "&cursor=" + url.QueryEscape(next)
		}
		status, body, rec := get(tb, h, p)
		if status != http.StatusOK {
			tb.Fatalf("GET %s: status %d: %s", p, status, rec.Body)
		}
		page, _ := body[name].([]any)
		items = append(items, page...)
		total, _ = body["total"].(float64)
		if name == "documents" && body["document_count"] != nil {
			total = body["document_count"].(float64)
		}
		next, _ = body["next_cursor"].(string)
		if next == "" {
			return items, n, total
		}
	}
	tb.Fatalf("GET %s: no last page", path)
	return nil, 0, 0
}

func TestPagedLists(t *testing.T) {
	const n = 23
	g := &fakeGraph{exts: manyExtractions(t, n)}
	h := New(Config{Graph: g, Index: &fakeIndex{}, Logger: slog.New(slog.DiscardHandler)})
	tests := []struct {
		path, name string
		pages      int
		want       int // items over all pages
	}{
		{"/api/v1/documents?limit=5", "documents", 5, n},
		{"/api/v1/documents?limit=1000", "documents", 1, n},
		{"/api/v1/laender/BW?limit=10", "documents", 3, n},
		{"/api/v1/topics/cyberwehr?limit=7", "documents", 4, n},
		{"/api/v1/strategies/BW-digital-bw?limit=10", "documents", 3, n},
		{"/api/v1/graph/neighbours?node=land:BW&limit=4", "edges", 6, n},
		{"/api/v1/people?limit=1", "people", 1, 1},
		{"/api/v1/meetings?limit=1", "meetings", 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			items, pages, total := pages(t, h, tt.path, tt.name)
			if len(items) != tt.want || pages != tt.pages || int(total) != tt.want {
				t.Errorf("got %d items on %d pages, total %v; want %d on %d", len(items), pages, total, tt.want, tt.pages)
			}
			seen := map[string]bool{}
			for _, it := range items {
				k := fmt.Sprint(it)
				if seen[k] {
					t.Errorf("item on two pages: %v", k)
				}
				seen[k] = true
			}
		})
	}
}

func TestEvidenceCap(t *testing.T) {
	const n = 23
	g := &fakeGraph{exts: manyExtractions(t, n)}
	h := New(Config{Graph: g, Index: &fakeIndex{}, Logger: slog.New(slog.DiscardHandler)})
	tests := []struct {
		path string
		at   []any // the record whose evidence is capped
		want int   // pieces of evidence shown
	}{
		{"/api/v1/laender/BW", []any{"strategies", 0}, defaultEvidence},
		{"/api/v1/laender/BW?evidence=2", []any{"strategies", 0}, 2},
		{"/api/v1/laender/BW?evidence=3", []any{"people", 0}, 3},
		{"/api/v1/laender/BW?evidence=4", []any{"topics", 0}, 4},
		{"/api/v1/laender/BW?evidence=1000", []any{"topics", 0}, n},
		{"/api/v1/people", []any{"people", 0}, defaultListEvidence},
		{"/api/v1/meetings", []any{"meetings", 0}, defaultListEvidence},
		{"/api/v1/people?evidence=5", []any{"people", 0}, 5},
		{"/api/v1/people/karl-beispiel?evidence=5", nil, 5},
		{"/api/v1/meetings?evidence=6", []any{"meetings", 0}, 6},
		{"/api/v1/series/dmk?evidence=6", []any{"meetings", 0}, 6},
		{"/api/v1/topics/cyberwehr?evidence=7", []any{"laender", 0}, 7},
		{"/api/v1/strategies/BW-digital-bw?evidence=8", nil, 8},
		{"/api/v1/matrix", []any{"cells", 0}, defaultMatrixEvidence},
		{"/api/v1/matrix?evidence=0", []any{"cells", 0}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			status, body, rec := get(t, h, tt.path)
			if status != http.StatusOK {
				t.Fatalf("status %d: %s", status, rec.Body)
			}
			rec0 := dig(body, tt.at...)
			ev, ok := dig(rec0, "evidence").([]any)
			if !ok {
				t.Fatalf("no evidence at %v: %v", tt.at, rec0)
			}
			count := dig(rec0, "evidence_count")
			if count == nil {
				count = dig(rec0, "count") // a matrix cell
			}
			if len(ev) != tt.want || count != float64(n) {
				t.Errorf("got %d pieces of evidence of %v, want %d of %d", len(ev), count, tt.want, n)
			}
		})
	}
}

func TestBadPageParams(t *testing.T) {
	h := New(Config{Graph: &fakeGraph{exts: manyExtractions(t, 3)}, Index: &fakeIndex{}, Logger: slog.New(slog.DiscardHandler)})
	for _, p := range []string{
		"/api/v1/documents?cursor=nonsense",
		"/api/v1/documents?cursor=" + url.QueryEscape(cursorAt(-1)),
		"/api/v1/meetings?limit=0",
		"/api/v1/laender/BW?evidence=-1",
		"/api/v1/people?evidence=1001",
	} {
		if status, _, rec := get(t, h, p); status != http.StatusBadRequest {
			t.Errorf("GET %s: got %d (%s), want 400", p, status, rec.Body)
		}
	}
}
