package api

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/graph"
	"github.com/laendergraph/laendergraph/search"
)

// newRealHandler serves the test extractions, plus extra short documents,
// from the real in-memory graph and index.
func newRealHandler(tb testing.TB, extra int) http.Handler {
	tb.Helper()
	ctx := context.Background()
	exts := testExtractions(tb)
	for i := range extra {
		d := doc(fmt.Sprintf("docs/x%03d.txt", i), "HE", "2020-01-01", fmt.Sprintf("Notiz %d über Breitband im Land Hessen.", i))
		exts = append(exts, corpus.Extraction{Document: d})
	}
	g, err := graph.NewMemory()
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { g.Close() })
	if err := g.Put(ctx, exts); err != nil {
		tb.Fatal(err)
	}
	ix, err := search.NewMemory(search.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ix.Close() })
	docs := make([]corpus.Document, len(exts))
	for i, x := range exts {
		docs[i] = x.Document
	}
	if err := ix.Put(ctx, docs); err != nil {
		tb.Fatal(err)
	}
	return New(Config{Graph: g, Index: ix, Version: "test"})
}

func TestIntegration(t *testing.T) {
	h := newRealHandler(t, 0)
	exts := testExtractions(t)
	a, b, c := exts[0].Document, exts[1].Document, exts[2].Document

	status, body, _ := get(t, h, "/healthz")
	if status != 200 || dig(body, "documents") != 3.0 || dig(body, "indexed") != 3.0 {
		t.Errorf("healthz: got %d %v, want 3 documents stored and indexed", status, body)
	}

	_, body, _ = get(t, h, "/api/v1/search?q=Cyberwehr&limit=100")
	files := map[string]bool{}
	for i := range 3 {
		if f, ok := dig(body, "hits", i, "doc", "file").(string); ok {
			files[f] = true
			if hl, _ := dig(body, "hits", i, "highlights").([]any); len(hl) == 0 {
				t.Errorf("search hit %s: got no highlights", f)
			}
		}
	}
	if !files[a.File] || !files[b.File] {
		t.Errorf("search Cyberwehr: got files %v, want %s and %s", files, a.File, b.File)
	}

	_, body, _ = get(t, h, "/api/v1/ask?q=Welche+L%C3%A4nder+haben+eine+Cyberwehr%3F")
	if got := dig(body, "answer", "laender"); len(got.([]any)) != 1 || dig(got, 0, "code") != "BW" || dig(got, 0, "evidence", 0, "file") != a.File {
		t.Errorf("ask Cyberwehr: got %v, want BW alone with evidence from %s", got, a.File)
	}
	_, body, _ = get(t, h, "/api/v1/ask?q=Wo+und+wann+fand+die+erste+Konferenz+der+Digitalkoordinatoren+der+L%C3%A4nder+statt%3F")
	if m := dig(body, "answer", "meetings", 0); dig(m, "start") != "2019-06-21" || dig(m, "place") != "Potsdam" {
		t.Errorf("ask first meeting: got %v, want 2019-06-21 in Potsdam", m)
	}
	_, body, _ = get(t, h, "/api/v1/ask?q=Gibt+es+Breitband%3F")
	if dig(body, "interpretation", "intent") != "laender_with_topic" || dig(body, "text") != "Dazu steht nichts im Korpus." {
		t.Errorf("ask without facts: got %v, want the nothing-found text", body)
	}
	_, body, _ = get(t, h, "/api/v1/ask?q=Tell+me+about+Max+Muster")
	if dig(body, "answer", "documents", 0, "doc", "file") == nil {
		t.Errorf("ask fallback: got %v, want documents", body)
	}

	_, body, _ = get(t, h, "/api/v1/laender/BW")
	if dig(body, "strategies", 0, "title") != "digital@bw" || dig(body, "strategies", 0, "year") != 2017.0 || dig(body, "strategies", 0, "evidence", 0, "file") != a.File {
		t.Errorf("Land BW: got strategies %v", dig(body, "strategies"))
	}
	_, body, _ = get(t, h, "/api/v1/laender/brandenburg")
	if dig(body, "people", 0, "name") != "Max Muster" || dig(body, "people", 0, "role") != "Staatssekretär" || dig(body, "meetings", 0, "as") != "host" {
		t.Errorf("Land BB: got people %v meetings %v", dig(body, "people"), dig(body, "meetings"))
	}

	_, body, _ = get(t, h, "/api/v1/documents?limit=1000")
	byFile := map[string]any{}
	for i := range 3 {
		byFile[fmt.Sprint(dig(body, "documents", i, "file"))] = dig(body, "documents", i)
	}
	if dig(byFile[c.File], "duplicate_of") != string(b.ID) || dig(byFile[b.File], "duplicate_of") != nil {
		t.Errorf("documents: got %v, want %s duplicate_of %s", body, c.File, b.ID)
	}
	_, body, _ = get(t, h, "/api/v1/documents/"+string(b.ID))
	if dig(body, "file") != b.File || dig(body, "facts", "meetings", 0, "place") != "Potsdam" {
		t.Errorf("document %s: got %v", b.ID, body)
	}

	_, body, _ = get(t, h, "/api/v1/meetings?limit=1000")
	if m := dig(body, "meetings", 0); dig(m, "start") != "2019-06-21" || dig(m, "hosts", 0, "code") != "BB" || dig(m, "conflicts") == nil {
		t.Errorf("meetings: got %v", body)
	}
	_, body, _ = get(t, h, "/api/v1/topics/cyberwehr")
	if dig(body, "laender", 0, "code") != "BW" || dig(body, "documents", 1) == nil {
		t.Errorf("topic cyberwehr: got %v", body)
	}
	_, body, _ = get(t, h, "/api/v1/graph/neighbours?node=land:BW")
	if edges, _ := dig(body, "edges").([]any); len(edges) == 0 {
		t.Errorf("neighbours of land:BW: got none")
	}
	status, _, rec := get(t, h, "/api/v1/export/graph.nq")
	if status != 200 || !strings.Contains(rec.Body.String(), "<"+graph.Namespace+"land/BW>") {
		t.Errorf("export: got %d, want N-Quads naming %sland/BW", status, graph.Namespace)
	}

	for _, tc := range []struct {
		url  string
		want int
	}{
		{"/api/v1/search?q=%22Cyberwehr", 400},
		{"/api/v1/search?q=x&cursor=garbage", 400},
		{"/api/v1/documents/d000000000000", 404},
		{"/api/v1/search?q=x&sort=sideways", 400},
	} {
		status, body, rec := get(t, h, tc.url)
		if status != tc.want || dig(body, "error", "code") == nil {
			t.Errorf("%s: got %d %s, want %d with an error code", tc.url, status, rec.Body.String(), tc.want)
		}
	}
	_, body, _ = get(t, h, "/api/v1/search?q=%22Cyberwehr")
	if dig(body, "error", "position") == nil {
		t.Errorf("query error: got %v, want a position", body)
	}
}

func TestIntegrationExport(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes a few hundred documents")
	}
	n := search.MaxLimit + 50
	h := newRealHandler(t, n)
	for _, f := range []string{"csv", "jsonl"} {
		status, _, rec := get(t, h, "/api/v1/search?q=Breitband&format="+f)
		lines := strings.Count(rec.Body.String(), "\n")
		if f == "csv" {
			lines-- // header
		}
		if status != 200 || lines != n {
			t.Errorf("export %s: got %d with %d hits, want 200 with %d", f, status, lines, n)
		}
	}
}

// TestLandProfileFollowsWrites checks that the profile of a Land, kept
// between requests, shows what a write adds and no longer what it removes,
// and that paging and capping one response leaves the next one whole: with
// the profiles computed on request, and computed in the background after
// every write (Prepare), where a request right after a write must not see the
// profile of before it, and /healthz says ready once they are computed.
func TestLandProfileFollowsWrites(t *testing.T) {
	for _, prepare := range []bool{false, true} {
		t.Run(fmt.Sprintf("prepare=%v", prepare), func(t *testing.T) { landProfileFollowsWrites(t, prepare) })
	}
}

func landProfileFollowsWrites(t *testing.T, prepare bool) {
	ctx, cancel := context.WithCancel(context.Background())
	g, err := graph.NewMemory()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { g.Close() })
	if err := g.Put(ctx, testExtractions(t)); err != nil {
		t.Fatal(err)
	}
	ix, err := search.NewMemory(search.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	t.Cleanup(cancel) // first: the background work stops before the stores close
	h := New(Config{Graph: g, Index: ix, Context: ctx, Prepare: prepare})
	titles := func(path string) []string {
		t.Helper()
		status, body, _ := get(t, h, path)
		if status != http.StatusOK {
			t.Fatalf("%s: status %d", path, status)
		}
		var out []string
		for _, s := range dig(body, "strategies").([]any) {
			out = append(out, dig(s, "title").(string))
		}
		return out
	}
	// waitReady waits until /healthz says ready (at once without Prepare).
	waitReady := func(step string) {
		t.Helper()
		for i := 0; ; i++ {
			_, body, _ := get(t, h, "/healthz")
			if dig(body, "ready") == true {
				return
			}
			if i == 1000 {
				t.Fatalf("%s: /healthz not ready after 1,000 polls: %v", step, body)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	waitReady("start")
	if got := titles("/api/v1/laender/BW"); len(got) != 1 || got[0] != "digital@bw" {
		t.Fatalf("before: got strategies %v, want digital@bw", got)
	}
	d := doc("docs/z_bw-neu.txt", "BW", "2024-03-01", "Das Land Baden-Württemberg beschließt die Strategie KI@bw.")
	ev := at(t, d, "Das Land Baden-Württemberg beschließt die Strategie KI@bw.")
	x := corpus.Extraction{Document: d, Mentions: []corpus.Mention{{Land: "BW", Evidence: ev}},
		Strategies: []corpus.Strategy{{ID: "BW-ki-bw", Land: "BW", Title: "KI@bw", Year: 2024, Evidence: ev}},
		People:     []corpus.Person{{ID: "ida-neumeister", Name: "Ida Neumeister", Role: "Ministerin", Land: "BW", Evidence: ev}}}
	// people reports whether the profile of BW names Ida Neumeister (the
	// people of all Länder are merged once per generation).
	people := func() bool {
		t.Helper()
		_, body, _ := get(t, h, "/api/v1/laender/BW")
		for _, p := range dig(body, "people").([]any) {
			if dig(p, "name") == "Ida Neumeister" {
				return true
			}
		}
		return false
	}
	if people() {
		t.Fatal("before: Ida Neumeister in the profile")
	}
	if err := g.Put(ctx, []corpus.Extraction{x}); err != nil {
		t.Fatal(err)
	}
	if got := titles("/api/v1/laender/BW?evidence=0&limit=1"); len(got) != 2 || got[0] != "KI@bw" {
		t.Errorf("after put: got strategies %v, want KI@bw first of two", got)
	}
	if !people() {
		t.Error("after put: Ida Neumeister not in the profile")
	}
	waitReady("after put")
	_, body, _ := get(t, h, "/api/v1/laender/BW")
	if ev := dig(body, "strategies", 0, "evidence").([]any); len(ev) != 1 {
		t.Errorf("after a capped request: got %d pieces of evidence, want 1", len(ev))
	}
	if docs := dig(body, "documents").([]any); len(docs) != 2 {
		t.Errorf("after a paged request: got %d documents, want 2", len(docs))
	}
	if err := g.Delete(ctx, []corpus.DocID{d.ID}); err != nil {
		t.Fatal(err)
	}
	if got := titles("/api/v1/laender/BW"); len(got) != 1 || got[0] != "digital@bw" {
		t.Errorf("after delete: got strategies %v, want digital@bw alone", got)
	}
	if people() {
		t.Error("after delete: Ida Neumeister still in the profile")
	}
	waitReady("after delete")
	if got := titles("/api/v1/laender/BW"); len(got) != 1 || got[0] != "digital@bw" {
		t.Errorf("after delete, ready: got strategies %v, want digital@bw alone", got)
	}

	// The meetings, kept per generation too, lose a deleted document's.
	meetings := func(step string, want float64) {
		t.Helper()
		for _, path := range []string{"/api/v1/meetings", "/api/v1/meetings?series=digitalkoordinatoren"} {
			if _, body, _ := get(t, h, path); dig(body, "total") != want {
				t.Errorf("%s: %s: got total %v, want %v", step, path, dig(body, "total"), want)
			}
		}
		if _, body, _ := get(t, h, "/api/v1/series/digitalkoordinatoren"); dig(body, "meeting_count") != want || float64(len(dig(body, "meetings").([]any))) != want {
			t.Errorf("%s: /series/digitalkoordinatoren: got %v meetings (%d listed), want %v", step, dig(body, "meeting_count"), len(dig(body, "meetings").([]any)), want)
		}
	}
	meetings("before deleting the meeting's document", 1)
	if err := g.Delete(ctx, []corpus.DocID{testExtractions(t)[1].Document.ID}); err != nil {
		t.Fatal(err)
	}
	meetings("after deleting the meeting's document", 0)
}
