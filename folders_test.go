package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/laendergraph/laendergraph/api"
	"github.com/laendergraph/laendergraph/corpus"
)

// storedFiles lists the files of the documents in data.
func storedFiles(tb testing.TB, data string) []string {
	tb.Helper()
	code, out, errs := cli(tb, "search", "--data", data, "--json", "--limit", "100", "")
	if code != 0 {
		tb.Fatalf("search: exit %d %s", code, errs)
	}
	var res struct {
		Hits []struct {
			Doc struct {
				File string `json:"file"`
			} `json:"doc"`
		} `json:"hits"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		tb.Fatalf("search: %v %s", err, out)
	}
	var files []string
	for _, h := range res.Hits {
		files = append(files, h.Doc.File)
	}
	slices.Sort(files)
	return files
}

// TestIngestParentFolder ingests a folder and then its parent, and the other
// way round: the documents are found again under the names they have (no
// document twice), a file named alone is named the same way, and a file of
// the parent whose name a document of the inner folder has fails instead of
// replacing it.
func TestIngestParentFolder(t *testing.T) {
	in := t.TempDir()
	writeFiles(t, in, map[string][]byte{
		"docs/a.txt":    []byte("Das Land Brandenburg eröffnet ein Digitallabor für Kommunen in Cottbus.\n"),
		"docs/sub/b.md": []byte("# Hessen\n\nDas Land Hessen startet ein Bürgerportal für digitale Verwaltungsleistungen.\n"),
		"top.txt":       []byte("Bayern baut eine Cyberwehr für kleine Unternehmen auf.\n"),
	})
	docs := filepath.Join(in, "docs")
	ingest := func(data string, args ...string) string {
		t.Helper()
		code, out, errs := cli(t, append([]string{"ingest", "--quiet", "--data", data}, args...)...)
		if code != 0 {
			t.Fatalf("ingest %v: exit %d %s %s", args, code, out, errs)
		}
		return out
	}
	tests := []struct {
		name  string
		steps [][]string
		want  []string // the summary of the last step
		files []string
	}{
		{"folder, then its parent", [][]string{{docs}, {in}}, []string{"1 added", "2 unchanged", "0 duplicate"}, []string{"a.txt", "sub/b.md", "top.txt"}},
		{"parent, then the folder", [][]string{{in}, {docs}}, []string{"0 added", "2 unchanged"}, []string{"docs/a.txt", "docs/sub/b.md", "top.txt"}},
		{"parent, then a file in it", [][]string{{in}, {filepath.Join(docs, "sub", "b.md")}}, []string{"0 added", "1 unchanged"}, []string{"docs/a.txt", "docs/sub/b.md", "top.txt"}},
		{"a folder and its parent at once", [][]string{{docs, in}}, []string{"3 added", "0 duplicate", "0 failed"}, []string{"docs/a.txt", "docs/sub/b.md", "top.txt"}},
		{"inner folders, then the parent", [][]string{{filepath.Join(docs, "sub")}, {docs}, {in}}, []string{"1 added", "2 unchanged"}, []string{"a.txt", "b.md", "top.txt"}},
		{"folder, parent, then prune", [][]string{{docs}, {in}, {"--prune", in}}, []string{"3 unchanged", "pruned 0"}, []string{"a.txt", "sub/b.md", "top.txt"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := t.TempDir()
			var out string
			for _, s := range tt.steps {
				out = ingest(data, s...)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("last ingest: got %q, want %q", out, w)
				}
			}
			if got := storedFiles(t, data); !slices.Equal(got, tt.files) {
				t.Errorf("stored: got %q, want %q", got, tt.files)
			}
		})
	}

	// The parent has a file of the same name as one of the inner folder's.
	data := t.TempDir()
	ingest(data, docs)
	writeFiles(t, in, map[string][]byte{"a.txt": []byte("Sachsen fördert Künstliche Intelligenz in der Verwaltung.\n")})
	defer os.Remove(filepath.Join(in, "a.txt"))
	code, out, errs := cli(t, "ingest", "--quiet", "--data", data, in)
	if code != 1 || !strings.Contains(errs, "same relative path") || !strings.Contains(errs, filepath.Join(in, "a.txt")) {
		t.Errorf("same name in the parent: got exit %d %q %q, want the parent's a.txt failed", code, out, errs)
	}
	if _, out, _ := cli(t, "search", "--data", data, "--json", "Digitallabor"); !strings.Contains(out, `"file":"a.txt"`) {
		t.Errorf("the inner folder's a.txt: got %s, want it kept", out)
	}
}

// TestServeWatch runs serve with --watch: a file put into the folder becomes
// a document (named by its path below the folder), a changed file is
// re-ingested, a removed file's document is deleted, and a document of
// another folder stays.
func TestServeWatch(t *testing.T) {
	dir, data, other := t.TempDir(), t.TempDir(), t.TempDir()
	writeFiles(t, other, map[string][]byte{"anders.txt": []byte("Thüringen startet ein Netz für digitale Teilhabe im ländlichen Raum.\n")})
	if code, out, errs := cli(t, "ingest", "--quiet", "--data", data, other); code != 0 {
		t.Fatalf("ingest: exit %d %s %s", code, out, errs)
	}
	writeFiles(t, dir, map[string][]byte{"vorher.txt": []byte("Das Saarland eröffnet ein Rechenzentrum für die Landesverwaltung.\n")})
	s := serve(t, data, "--watch", dir, "--watch-interval", "20ms")
	// eventually polls until cond holds; the watch needs a few turns.
	eventually := func(what string, cond func() bool) {
		t.Helper()
		for range 1000 {
			if cond() {
				return
			}
			time.Sleep(10 * time.Millisecond)
		}
		t.Fatalf("%s: did not happen", what)
	}
	hits := func(q string) int {
		var r struct{ Total int }
		s.get(t, "/api/v1/search", url.Values{"q": {q}}, &r)
		return r.Total
	}
	doc := func(file string) int { return s.get(t, "/api/v1/documents/"+string(corpus.NewDocID(file)), nil, nil) }
	eventually("a file there at the start is ingested", func() bool { return doc("vorher.txt") == 200 })
	writeFiles(t, dir, map[string][]byte{"presse/neu.md": []byte("# Bremen\n\nDas Land Bremen prüft ein Open-Data-Portal für die Verwaltung.\n")})
	eventually("a new file is ingested", func() bool { return doc("presse/neu.md") == 200 })
	writeFiles(t, dir, map[string][]byte{"presse/neu.md": []byte("# Bremen\n\nDas Land Bremen startet ein Glasfaserprogramm für Schulen.\n")})
	eventually("a changed file is ingested again", func() bool { return hits("Glasfaserprogramm") == 1 && hits("Open-Data-Portal") == 0 })
	if err := os.Remove(filepath.Join(dir, "presse", "neu.md")); err != nil {
		t.Fatal(err)
	}
	eventually("a removed file's document is deleted", func() bool { return doc("presse/neu.md") == http.StatusNotFound })
	if doc("anders.txt") != 200 || doc("vorher.txt") != 200 {
		t.Errorf("the other documents: got %d and %d, want both kept", doc("anders.txt"), doc("vorher.txt"))
	}
}

// TestServeWatchFeed saves a search on a running serve and reads its Atom
// feed: a document uploaded afterwards that matches is in it, one that does
// not match is not; the saved search outlives a restart.
func TestServeWatchFeed(t *testing.T) {
	const token = "lg_feed-token-0123456789"
	tokens := filepath.Join(t.TempDir(), "tokens")
	if err := os.WriteFile(tokens, []byte(api.HashToken(token)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	data := t.TempDir()
	s := serve(t, data, "--token-file", tokens)
	req, _ := http.NewRequest(http.MethodPost, s.base+"/api/v1/watches", strings.NewReader(`{"name": "Cyberwehr Brandenburg", "query": "Cyberwehr land:BB"}`))
	code, body := s.do(t, req, token)
	var created struct {
		Feed string `json:"feed"`
	}
	if err := json.Unmarshal([]byte(body), &created); code != 200 || err != nil || created.Feed == "" {
		t.Fatalf("save search: got %d %s", code, body)
	}
	if code, body := s.upload(t, token, map[string]string{
		"bb.txt": "Brandenburg baut eine Cyberwehr auf\n\nDas Land Brandenburg baut eine Cyberwehr für Kommunen auf.",
		"he.txt": "Hessen startet Bürgerportal\n\nDas Land Hessen startet ein Bürgerportal für die Kommunen.",
	}, nil); code != 200 {
		t.Fatalf("upload: got %d %s", code, body)
	}
	feed := func(base string) string {
		t.Helper()
		resp, err := http.Get(base + created.Feed)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("feed: got %d %s", resp.StatusCode, b)
		}
		return string(b)
	}
	if f := feed(s.base); !strings.Contains(f, "<title>Brandenburg baut eine Cyberwehr auf</title>") || strings.Contains(f, "Bürgerportal") {
		t.Errorf("feed: got %s, want the Brandenburg document only", f)
	}
	s.stop()
	s = serve(t, data, "--token-file", tokens)
	if f := feed(s.base); !strings.Contains(f, "Cyberwehr Brandenburg") {
		t.Errorf("feed after a restart: got %s, want the saved search", f)
	}
}

// TestResumeUploads starts serve on a folder whose last upload was cut off
// (its files saved in uploads/ with their fields, the mark still there, the
// ingest not done): serve ingests them when it starts.
func TestResumeUploads(t *testing.T) {
	const token = "lg_resume-token-0123456789"
	tokens := filepath.Join(t.TempDir(), "tokens")
	if err := os.WriteFile(tokens, []byte(api.HashToken(token)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	data := t.TempDir()
	s := serve(t, data, "--token-file", tokens)
	if code, body := s.upload(t, token, map[string]string{"alt.txt": "Das Saarland eröffnet ein Rechenzentrum für die Landesverwaltung."}, map[string]string{"title": "Rechenzentrum Saar"}); code != 200 {
		t.Fatalf("upload: got %d %s", code, body)
	}
	s.stop()
	if _, err := os.Stat(filepath.Join(data, "uploads", uploadsPending)); err == nil {
		t.Fatal("the mark of an upload stays after its ingest ended")
	}
	// What a crash in the middle of the next upload leaves.
	writeFiles(t, filepath.Join(data, "uploads"), map[string][]byte{
		"presse/neu.txt":   []byte("Das Land Bremen prüft ein Open-Data-Portal für die Verwaltung."),
		uploadsPending:     nil,
		".presse.txt.part": []byte("halb"),
		uploadsManifest:    []byte(`{"file": "alt.txt", "title": "Rechenzentrum Saar"}` + "\n" + `{"file": "presse/neu.txt", "title": "Offene Daten in Bremen", "kind": "news"}` + "\n"),
	})
	s = serve(t, data, "--token-file", tokens)
	var d struct {
		Title string `json:"title"`
		Kind  string `json:"kind"`
	}
	for i := 0; s.get(t, "/api/v1/documents/"+string(corpus.NewDocID("presse/neu.txt")), nil, &d) != 200; i++ {
		if i > 1000 {
			t.Fatal("the cut-off upload was not ingested")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if d.Title != "Offene Daten in Bremen" || d.Kind != "news" {
		t.Errorf("resumed document: got %+v, want the fields sent with it", d)
	}
	var docs struct{ Total int }
	s.get(t, "/api/v1/documents", nil, &docs)
	if docs.Total != 2 {
		t.Errorf("documents: got %d, want 2 (the temporary file is no document)", docs.Total)
	}
}
