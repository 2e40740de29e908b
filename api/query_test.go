package api

import (
	"log/slog"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestGraphQuery(t *testing.T) {
	env := newTestEnv(t)
	for _, tc := range []struct {
		q      string
		extra  string
		status int
		want   []string // end nodes, or a part of the error message
	}{
		{"land:BW -hat-> thema", "", 200, []string{"topic:cyberwehr"}},
		{"thema:Cyberwehr <-hat- land", "", 200, []string{"land:BW"}},
		{"land:Brandenburg -gastgeber-> reihe -berät-> thema", "", 200, []string{"topic:cyberwehr"}},
		{"person~muster -gehört-> land", "", 200, []string{"land:BB"}},
		{"land -hat-> thema", "&until=2017", 200, nil},
		{"land:BB <-* *", "", 400, []string{"„<-*“ ist kein Schritt"}},
		{"land:BW -kennt-> thema", "", 400, []string{"Zeichen 10", "unbekannte Beziehung „kennt“"}},
		{"", "", 400, []string{"Parameter q fehlt"}},
		{"land:BW -hat-> thema", "&limit=0", 400, []string{"limit"}},
	} {
		t.Run(tc.q+tc.extra, func(t *testing.T) {
			status, body, rec := get(t, env.h, "/api/v1/graph/query?q="+url.QueryEscape(tc.q)+tc.extra)
			if status != tc.status {
				t.Fatalf("status: got %d, want %d: %s", status, tc.status, rec.Body.String())
			}
			if status != 200 {
				msg, _ := dig(body, "error", "message").(string)
				for _, w := range tc.want {
					if !strings.Contains(msg, w) {
						t.Errorf("message: got %q, want it to contain %q", msg, w)
					}
				}
				return
			}
			rows, _ := body["rows"].([]any)
			var got []string
			for i := range rows {
				got = append(got, dig(rows, i, "node", "id").(string))
				if dig(rows, i, "path", "steps", 0, "links", 0, "evidence") == nil && !strings.Contains(tc.q, "gastgeber") {
					t.Errorf("row %d: no evidence on the first link: %v", i, rows[i])
				}
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestGraphQueryLimits(t *testing.T) {
	for _, tc := range []struct {
		name   string
		cfg    func(*Config)
		status int
		code   string
		want   string
	}{
		{"work", func(c *Config) { c.GraphQueryWork = 3 }, 422, "too_broad", "zu breit: sie müsste mehr als 3 Kanten ansehen"},
		{"time", func(c *Config) { c.GraphQueryTimeout = time.Nanosecond }, 503, "unavailable", "länger als 0,000000001 s"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := newTestEnv(t)
			cfg := Config{Graph: env.g, Index: env.ix, Logger: slog.New(slog.DiscardHandler)}
			tc.cfg(&cfg)
			h := New(cfg)
			status, body, rec := get(t, h, "/api/v1/graph/query?q="+url.QueryEscape("* -*1..3- *"))
			if status != tc.status {
				t.Fatalf("status: got %d, want %d: %s", status, tc.status, rec.Body.String())
			}
			if got := dig(body, "error", "code"); got != tc.code {
				t.Errorf("code: got %v, want %s", got, tc.code)
			}
			if msg, _ := dig(body, "error", "message").(string); !strings.Contains(msg, tc.want) {
				t.Errorf("message: got %q, want it to contain %q", msg, tc.want)
			}
		})
	}
}
