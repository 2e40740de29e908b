package api

import "testing"

func TestStrategyAndLawPages(t *testing.T) {
	env := newTestEnv(t)
	status, body, rec := get(t, env.h, "/api/v1/strategies/BW-digital-bw")
	if status != 200 {
		t.Fatalf("strategy: got %d, want 200: %s", status, rec.Body.String())
	}
	for _, c := range []struct {
		path []any
		want any
	}{
		{[]any{"title"}, "digital@bw"}, {[]any{"land_name"}, "Baden-Württemberg"}, {[]any{"year"}, 2017.0},
		{[]any{"documents", 0, "evidence", 0, "quote"}, "Die Strategie digital@bw gilt seit 2017."},
	} {
		if got := dig(body, c.path...); got != c.want {
			t.Errorf("strategy %v: got %v, want %v", c.path, got, c.want)
		}
	}
	for _, path := range []string{"/api/v1/strategies/nope", "/api/v1/laws/nope"} {
		status, body, _ := get(t, env.h, path)
		if msg, _ := dig(body, "error", "message").(string); status != 404 || msg == "" {
			t.Errorf("%s: got %d %q, want 404 with a message", path, status, msg)
		}
	}
}
