package api

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
)

func TestTokens(t *testing.T) {
	const a, b = "lg_erster-token-0123456789", "lg_zweiter-token-0123456789"
	file := "# Redaktion\n\n" + HashToken(a) + "\n" + b + "\n"
	toks, err := ParseTokens(strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(HashToken(a), a) {
		t.Errorf("HashToken: got %q, want no trace of the token", HashToken(a))
	}
	tests := []struct {
		token string
		want  bool
	}{
		{a, true}, {b, true}, {"", false}, {a + "x", false}, {HashToken(a), false}, {"lg_erster-token", false},
	}
	for _, tt := range tests {
		if got := toks.allows(tt.token); got != tt.want {
			t.Errorf("allows(%q): got %v, want %v", tt.token, got, tt.want)
		}
	}
	for _, bad := range []string{"", "# nur Kommentar\n", "sha256:abc\n", "kurz\n"} {
		if _, err := ParseTokens(strings.NewReader(bad)); !errors.Is(err, corpus.ErrInvalid) {
			t.Errorf("ParseTokens(%q): got %v, want ErrInvalid", bad, err)
		}
	}
	if n := NewToken(); len(n) < 20 || n == NewToken() {
		t.Errorf("NewToken: got %q, want a long random token", n)
	}
}

// TestWritesNeedToken checks the write routes without a Writer behind them:
// 401 without a token, 403 with a wrong one, and 403 with a right one when
// the server takes no writes.
func TestWritesNeedToken(t *testing.T) {
	toks, err := ParseTokens(strings.NewReader(HashToken("lg_richtiger-token-0123456789")))
	if err != nil {
		t.Fatal(err)
	}
	h := New(Config{Graph: &fakeGraph{exts: testExtractions(t)}, Index: &fakeIndex{}, Tokens: toks})
	tests := []struct {
		method, path, token string
		status              int
	}{
		{http.MethodPost, "/api/v1/documents", "", 401},
		{http.MethodPost, "/api/v1/documents", "lg_falscher-token-0123456789", 403},
		{http.MethodDelete, "/api/v1/documents/abc", "", 401},
		{http.MethodDelete, "/api/v1/documents/abc", "Basic x", 403},
		{http.MethodDelete, "/api/v1/documents/abc", "lg_richtiger-token-0123456789", 403}, // no Writer
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.token, func(t *testing.T) {
			hdr := map[string]string{}
			if tt.token != "" {
				hdr["Authorization"] = "Bearer " + tt.token
			}
			if rec := request(h, tt.method, tt.path, hdr); rec.Code != tt.status {
				t.Errorf("got %d %s, want %d", rec.Code, rec.Body.String(), tt.status)
			}
		})
	}
}

func TestReadTokens(t *testing.T) {
	const reader, writer = "lg_leser-token-0123456789", "lg_schreiber-token-0123456789"
	rt, _ := ParseTokens(strings.NewReader(HashToken(reader)))
	wt, _ := ParseTokens(strings.NewReader(HashToken(writer)))
	g, ix := &fakeGraph{exts: testExtractions(t)}, &fakeIndex{}
	tests := []struct {
		name   string
		h      http.Handler
		path   string
		token  string
		status int
	}{
		{"open by default", New(Config{Graph: g, Index: ix}), "/api/v1/laender", "", 200},
		{"closed without a token", New(Config{Graph: g, Index: ix, ReadTokens: rt, Tokens: wt}), "/api/v1/laender", "", 401},
		{"closed, wrong token", New(Config{Graph: g, Index: ix, ReadTokens: rt, Tokens: wt}), "/api/v1/laender", "lg_falsch-0123456789abc", 403},
		{"closed, read token", New(Config{Graph: g, Index: ix, ReadTokens: rt, Tokens: wt}), "/api/v1/laender", reader, 200},
		{"closed, write token reads too", New(Config{Graph: g, Index: ix, ReadTokens: rt, Tokens: wt}), "/api/v1/laender", writer, 200},
		{"closed, the explorer stays open", New(Config{Graph: g, Index: ix, ReadTokens: rt}), "/", "", 200},
		{"closed, healthz stays open", New(Config{Graph: g, Index: ix, ReadTokens: rt}), "/healthz", "", 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hdr := map[string]string{}
			if tt.token != "" {
				hdr["Authorization"] = "Bearer " + tt.token
			}
			if rec := request(tt.h, http.MethodGet, tt.path, hdr); rec.Code != tt.status {
				t.Errorf("got %d %s, want %d", rec.Code, rec.Body.String(), tt.status)
			}
		})
	}
	// A read token may not write.
	h := New(Config{Graph: g, Index: ix, ReadTokens: rt, Tokens: wt})
	if rec := request(h, http.MethodDelete, "/api/v1/documents/x", map[string]string{"Authorization": "Bearer " + reader}); rec.Code != 403 {
		t.Errorf("delete with a read token: got %d, want 403", rec.Code)
	}
}
