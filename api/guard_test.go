package api

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/search"
)

func request(h http.Handler, method, path string, header map[string]string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(method, path, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	h.ServeHTTP(rec, req)
	return rec
}

func TestSecurityHeaders(t *testing.T) {
	env := newTestEnv(t)
	for _, path := range []string{"/", "/api/v1/laender", "/api/v1/search?q=x&format=csv", "/api/v1/nothing", "/openapi.json"} {
		t.Run(path, func(t *testing.T) {
			rec := request(env.h, http.MethodGet, path, nil)
			for k, want := range map[string]string{
				"X-Content-Type-Options": "nosniff",
				"X-Frame-Options":        "DENY",
				"Referrer-Policy":        "no-referrer",
			} {
				if got := rec.Header().Get(k); got != want {
					t.Errorf("%s: got %q, want %q", k, got, want)
				}
			}
			csp := rec.Header().Get("Content-Security-Policy")
			if !strings.Contains(csp, "frame-ancestors 'none'") || !strings.Contains(csp, "default-src 'none'") {
				t.Errorf("Content-Security-Policy: got %q, want default-src and frame-ancestors 'none'", csp)
			}
		})
	}
}

// TestPageCSP checks that the explorer's policy admits its own script, by
// hash, and that the page has nothing the policy would block: no inline
// event handlers, no javascript: URLs, no second script the hash misses.
func TestPageCSP(t *testing.T) {
	env := newTestEnv(t)
	rec := request(env.h, http.MethodGet, "/", nil)
	csp := rec.Header().Get("Content-Security-Policy")
	scripts := regexp.MustCompile(`(?is)<script[^>]*>(.*?)</script>`).FindAllStringSubmatch(rec.Body.String(), -1)
	if len(scripts) == 0 {
		t.Fatal("the explorer has no inline script")
	}
	for _, m := range scripts {
		sum := sha256.Sum256([]byte(m[1]))
		if h := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; !strings.Contains(csp, "script-src "+h) && !strings.Contains(csp, " "+h) {
			t.Errorf("Content-Security-Policy %q: the script's hash %s is missing", csp, h)
		}
	}
	if src := regexp.MustCompile(`script-src [^;]*`).FindString(csp); src == "" || strings.Contains(src, "unsafe") {
		t.Errorf("Content-Security-Policy %q: want a script-src without unsafe sources", csp)
	}
	if m := regexp.MustCompile(`(?i)\son[a-z]+\s*=\s*["']|javascript:`).FindString(string(indexHTML)); m != "" {
		t.Errorf("index.html has %q, which the policy blocks", m)
	}
	if !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("Content-Security-Policy %q: want frame-ancestors 'none'", csp)
	}
}

func TestMethodNotAllowed(t *testing.T) {
	env := newTestEnv(t)
	tests := []struct {
		method, path string
		status       int
		allow        string
	}{
		{http.MethodPost, "/api/v1/laender", 405, "GET"},
		{http.MethodDelete, "/api/v1/laender/BW", 405, "GET"},
		{http.MethodPut, "/api/v1/search?q=x", 405, "GET"},
		{http.MethodOptions, "/api/v1/ask?q=x", 405, "GET"},
		{http.MethodPost, "/", 405, "GET"},
		{http.MethodHead, "/api/v1/laender", 200, ""},
		{http.MethodHead, "/healthz", 200, ""},
		{http.MethodPost, "/api/v1/nothing-here", 404, ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			rec := request(env.h, tt.method, tt.path, nil)
			if rec.Code != tt.status {
				t.Fatalf("status: got %d, want %d (%s)", rec.Code, tt.status, rec.Body.String())
			}
			if got := rec.Header().Get("Allow"); got != tt.allow {
				t.Errorf("Allow: got %q, want %q", got, tt.allow)
			}
			if tt.status == 405 && !strings.Contains(rec.Body.String(), `"method_not_allowed"`) {
				t.Errorf("body: got %s, want the JSON error method_not_allowed", rec.Body.String())
			}
		})
	}
}

func TestCORS(t *testing.T) {
	exts := testExtractions(t)
	g, ix := &fakeGraph{exts: exts}, &fakeIndex{}
	closed := New(Config{Graph: g, Index: ix})
	open := New(Config{Graph: g, Index: ix, AllowOrigins: []string{"https://redaktion.example/"}})
	preflight := map[string]string{"Origin": "https://redaktion.example", "Access-Control-Request-Method": "GET"}
	tests := []struct {
		name       string
		h          http.Handler
		method     string
		header     map[string]string
		status     int
		allowOrig  string
		allowMeths string
	}{
		{"off by default", closed, http.MethodGet, map[string]string{"Origin": "https://redaktion.example"}, 200, "", ""},
		{"off by default, preflight", closed, http.MethodOptions, preflight, 405, "", ""},
		{"allowed origin", open, http.MethodGet, map[string]string{"Origin": "https://redaktion.example"}, 200, "https://redaktion.example", ""},
		{"allowed origin, preflight", open, http.MethodOptions, preflight, 204, "https://redaktion.example", "GET, HEAD, POST, DELETE"},
		{"other origin", open, http.MethodGet, map[string]string{"Origin": "https://boese.example"}, 200, "", ""},
		{"other origin, preflight", open, http.MethodOptions, map[string]string{"Origin": "https://boese.example", "Access-Control-Request-Method": "GET"}, 405, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := request(tt.h, tt.method, "/api/v1/laender", tt.header)
			if rec.Code != tt.status {
				t.Errorf("status: got %d, want %d", rec.Code, tt.status)
			}
			if got := rec.Header().Get("Access-Control-Allow-Origin"); got != tt.allowOrig {
				t.Errorf("Access-Control-Allow-Origin: got %q, want %q", got, tt.allowOrig)
			}
			if got := rec.Header().Get("Access-Control-Allow-Methods"); got != tt.allowMeths {
				t.Errorf("Access-Control-Allow-Methods: got %q, want %q", got, tt.allowMeths)
			}
		})
	}
}

// titledIndex is a fakeIndex whose Each yields documents with the given titles.
type titledIndex struct {
	fakeIndex
	titles []string
}

func (f *titledIndex) Each(_ context.Context, _ search.Request, fn func(search.Hit) error) error {
	for i, title := range f.titles {
		d := corpus.Document{ID: corpus.DocID(fmt.Sprintf("d%04d", i)), File: "docs/" + title + ".txt", Title: title, Kind: corpus.KindNews}
		if err := fn(search.Hit{Doc: d, Score: 1}); err != nil {
			return err
		}
	}
	return nil
}

func TestCSVFormulaCells(t *testing.T) {
	titles := []string{`=HYPERLINK("http://x.example","klick")`, "+49 30 1234", "-1+2", "@SUM(A1)", "\tTab", "\rCR", "Normaler Titel", "a=b"}
	want := []string{`'=HYPERLINK("http://x.example","klick")`, "'+49 30 1234", "'-1+2", "'@SUM(A1)", "'\tTab", "'\rCR", "Normaler Titel", "a=b"}
	h := New(Config{Graph: &fakeGraph{}, Index: &titledIndex{titles: titles}})
	rec := request(h, http.MethodGet, "/api/v1/search?q=x&format=csv", nil)
	rows, err := csv.NewReader(rec.Body).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(titles)+1 {
		t.Fatalf("got %d rows, want %d", len(rows), len(titles)+1)
	}
	for i, row := range rows[1:] {
		if got := row[2]; got != want[i] {
			t.Errorf("title cell %d: got %q, want %q", i, got, want[i])
		}
		if got := row[len(row)-1]; got != "1" {
			t.Errorf("score cell %d: got %q, want 1 (numbers stay numbers)", i, got)
		}
	}
}

// slowGraph blocks the documents list until the request's context ends and
// records how it ended; the export reports whether its context had a deadline.
type slowGraph struct {
	fakeGraph
	mu          sync.Mutex
	err         error
	exportLimit bool
}

func (g *slowGraph) Documents(ctx context.Context) ([]corpus.Document, error) {
	<-ctx.Done()
	g.mu.Lock()
	defer g.mu.Unlock()
	g.err = ctx.Err()
	return nil, ctx.Err()
}

func (g *slowGraph) WriteNQuads(ctx context.Context, w io.Writer) error {
	_, g.exportLimit = ctx.Deadline()
	return nil
}

func TestRequestDeadline(t *testing.T) {
	g := &slowGraph{}
	h := New(Config{Graph: g, Index: &fakeIndex{}, RequestTimeout: 10 * time.Millisecond})
	rec := request(h, http.MethodGet, "/api/v1/documents", nil)
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), `"unavailable"`) {
		t.Errorf("got %d %s, want 503 unavailable", rec.Code, rec.Body.String())
	}
	g.mu.Lock()
	if !errors.Is(g.err, context.DeadlineExceeded) {
		t.Errorf("the work behind the request: got %v, want it cancelled by the deadline", g.err)
	}
	g.mu.Unlock()
	if rec := request(h, http.MethodGet, "/api/v1/export/graph.nq", nil); rec.Code != 200 || g.exportLimit {
		t.Errorf("export: got %d, deadline %v; want 200 and no deadline (exports stream)", rec.Code, g.exportLimit)
	}
}
