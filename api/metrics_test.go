package api

import (
	"bufio"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// metricValue returns the value of the sample "name{labels}" (labels as
// Prometheus writes them, sorted by name; "" for none) in a text scrape.
func metricValue(tb testing.TB, scrape, series string) (float64, bool) {
	tb.Helper()
	sc := bufio.NewScanner(strings.NewReader(scrape))
	for sc.Scan() {
		line := sc.Text()
		if v, ok := strings.CutPrefix(line, series+" "); ok {
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil {
				tb.Fatalf("sample %q: %v", line, err)
			}
			return f, true
		}
	}
	return 0, false
}

func TestMetrics(t *testing.T) {
	env := newTestEnv(t)
	for _, p := range []string{"/api/v1/laender", "/api/v1/laender", "/api/v1/laender/BW", "/api/v1/laender/XX", "/gibt-es-nicht"} {
		get(t, env.h, p)
	}
	code, _, rec := get(t, env.h, "/metrics")
	if code != http.StatusOK {
		t.Fatalf("GET /metrics: got %d, want 200", code)
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
		t.Errorf("Content-Type: got %q, want the Prometheus text format", ct)
	}
	scrape := rec.Body.String()
	tests := []struct {
		series string
		want   float64
	}{
		{`laendergraph_http_requests_total{method="GET",route="/api/v1/laender",status="200"}`, 2},
		{`laendergraph_http_requests_total{method="GET",route="/api/v1/laender/:code",status="200"}`, 1},
		{`laendergraph_http_requests_total{method="GET",route="/api/v1/laender/:code",status="404"}`, 1},
		{`laendergraph_http_requests_total{method="GET",route="unmatched",status="404"}`, 1},
		{`laendergraph_http_request_duration_seconds_count{method="GET",route="/api/v1/laender"}`, 2},
		{`laendergraph_graph_documents`, float64(len(env.g.exts))},
		{`laendergraph_graph_quads`, float64(10 * len(env.g.exts))},
		{`laendergraph_index_documents`, float64(len(env.ix.docs))},
	}
	for _, tt := range tests {
		got, ok := metricValue(t, scrape, tt.series)
		if !ok || got != tt.want {
			t.Errorf("%s: got %v (found %v), want %v", tt.series, got, ok, tt.want)
		}
	}
	for _, name := range []string{"go_goroutines", "process_resident_memory_bytes"} {
		if !strings.Contains(scrape, "\n"+name+" ") {
			t.Errorf("scrape: no %s", name)
		}
	}
	if strings.Contains(scrape, "gibt-es-nicht") {
		t.Errorf("scrape names an unknown path; want it counted as unmatched")
	}
}

// TestMetricsReadToken: /metrics is closed with the reads.
func TestMetricsReadToken(t *testing.T) {
	const reader = "lg_leser-token-0123456789"
	rt, err := ParseTokens(strings.NewReader(HashToken(reader)))
	if err != nil {
		t.Fatal(err)
	}
	h := New(Config{Graph: &fakeGraph{exts: testExtractions(t)}, Index: &fakeIndex{}, ReadTokens: rt})
	if rec := request(h, http.MethodGet, "/metrics", nil); rec.Code != http.StatusUnauthorized {
		t.Errorf("without token: got %d, want 401", rec.Code)
	}
	if rec := request(h, http.MethodGet, "/metrics", map[string]string{"Authorization": "Bearer " + reader}); rec.Code != http.StatusOK {
		t.Errorf("with read token: got %d, want 200", rec.Code)
	}
}
