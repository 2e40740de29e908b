package api

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/search"
)

// memWatches is a WatchStore in memory.
type memWatches struct {
	mu sync.Mutex
	ws []Watch
}

func (m *memWatches) Watches(context.Context) ([]Watch, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]Watch{}, m.ws...), nil
}

func (m *memWatches) AddWatch(_ context.Context, w Watch) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.ws = append(m.ws, w)
	return nil
}

func (m *memWatches) DeleteWatch(_ context.Context, id string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for i, w := range m.ws {
		if w.ID == id {
			m.ws = append(m.ws[:i], m.ws[i+1:]...)
			return nil
		}
	}
	return fmt.Errorf("watch %q: %w", id, corpus.ErrNotFound)
}

// feedIndex yields n documents for every query, ingested an hour apart in
// the order of their number (so the last is the newest).
type feedIndex struct {
	*fakeIndex
	n int
}

func (f feedIndex) Each(_ context.Context, req search.Request, fn func(search.Hit) error) error {
	t0 := time.Date(2025, 3, 1, 8, 0, 0, 0, time.UTC)
	for i := range f.n {
		d := corpus.Document{ID: corpus.DocID(fmt.Sprintf("d%04d", i)), File: fmt.Sprintf("pm/%04d.txt", i), Title: fmt.Sprintf("Meldung %d", i),
			Land: "BB", Kind: corpus.KindPressRelease, Date: "2025-03-01", Source: fmt.Sprintf("https://example.org/%d", i), IngestedAt: t0.Add(time.Duration(i) * time.Hour)}
		if err := fn(search.Hit{Doc: d}); err != nil {
			return err
		}
	}
	return nil
}

// TestWatches saves a search with a write token, lists it, reads its Atom
// feed (the newest matches first, at most feedEntries) and deletes it.
func TestWatches(t *testing.T) {
	toks, _ := ParseTokens(strings.NewReader(HashToken(jobToken)))
	h := New(Config{Graph: &fakeGraph{exts: testExtractions(t)}, Index: feedIndex{&fakeIndex{}, 120}, Tokens: toks, Watches: &memWatches{}})
	post := func(token, body string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodPost, "/api/v1/watches", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	if rec := post("", `{"query": "Cyberwehr"}`); rec.Code != http.StatusUnauthorized {
		t.Errorf("without a token: got %d, want 401", rec.Code)
	}
	for _, bad := range []string{`{"query": ""}`, `{"query": "(("}`, `kein JSON`} {
		if rec := post(jobToken, bad); rec.Code != http.StatusBadRequest {
			t.Errorf("POST %s: got %d, want 400", bad, rec.Code)
		}
	}
	rec := post(jobToken, `{"name": "Cyberwehr in Brandenburg", "query": "Cyberwehr land:BB"}`)
	var created struct {
		Watch Watch
		Feed  string
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &created); rec.Code != http.StatusOK || err != nil || created.Watch.ID == "" {
		t.Fatalf("POST: got %d %s, want 200 and the watch", rec.Code, rec.Body.String())
	}
	var list struct{ Watches []Watch }
	_, _, lrec := get(t, h, "/api/v1/watches")
	json.Unmarshal(lrec.Body.Bytes(), &list)
	if len(list.Watches) != 1 || list.Watches[0].Query != "Cyberwehr land:BB" {
		t.Errorf("GET /watches: got %s, want the one watch", lrec.Body.String())
	}

	code, _, frec := get(t, h, created.Feed)
	if code != http.StatusOK || !strings.HasPrefix(frec.Header().Get("Content-Type"), "application/atom+xml") {
		t.Fatalf("feed: got %d %q, want 200 and Atom", code, frec.Header().Get("Content-Type"))
	}
	var feed atomFeed
	if err := xml.NewDecoder(bytes.NewReader(frec.Body.Bytes())).Decode(&feed); err != nil {
		t.Fatalf("feed: %v\n%s", err, frec.Body.String())
	}
	if feed.Title != "laendergraph: Cyberwehr in Brandenburg" || len(feed.Entries) != feedEntries {
		t.Fatalf("feed: got %q with %d entries, want the watch's name and %d entries", feed.Title, len(feed.Entries), feedEntries)
	}
	if first := feed.Entries[0]; first.Title != "Meldung 119" || feed.Updated != first.Updated || !strings.Contains(first.Summary, "Brandenburg") {
		t.Errorf("first entry: got %+v (feed updated %s), want the newest document, Meldung 119, with its Land", first, feed.Updated)
	}
	for i := 1; i < len(feed.Entries); i++ {
		if feed.Entries[i].Updated > feed.Entries[i-1].Updated {
			t.Errorf("entry %d: updated %s after the one before it; want newest first", i, feed.Entries[i].Updated)
		}
	}

	del := httptest.NewRequest(http.MethodDelete, "/api/v1/watches/"+created.Watch.ID, nil)
	del.Header.Set("Authorization", "Bearer "+jobToken)
	drec := httptest.NewRecorder()
	h.ServeHTTP(drec, del)
	if drec.Code != http.StatusOK {
		t.Errorf("DELETE: got %d, want 200", drec.Code)
	}
	if code, _, _ := get(t, h, created.Feed); code != http.StatusNotFound {
		t.Errorf("feed after delete: got %d, want 404", code)
	}
}
