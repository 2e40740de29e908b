package api

import (
	"testing"
)

func TestGraphView(t *testing.T) {
	env := newTestEnv(t)
	for _, tc := range []struct {
		path   string
		status int
		nodes  []string // must be drawn
	}{
		{"/api/v1/graph/view?node=land:bw", 200, []string{"land:BW", "topic:cyberwehr", "strategy:BW-digital-bw"}},
		{"/api/v1/graph/view?node=topic:cyberwehr&expand=land:BB", 200, []string{"topic:cyberwehr", "land:BW", "land:BB", "person:max-muster"}},
		{"/api/v1/graph/view?node=land:BW&kind=land,topic", 200, []string{"land:BW", "topic:cyberwehr"}},
		{"/api/v1/graph/view?node=land:HH", 404, nil},
		{"/api/v1/graph/view?node=fact:x/1", 400, nil},
		{"/api/v1/graph/view", 400, nil},
		{"/api/v1/graph/view?node=land:BW&limit=0", 400, nil},
	} {
		t.Run(tc.path, func(t *testing.T) {
			status, body, rec := get(t, env.h, tc.path)
			if status != tc.status {
				t.Fatalf("status: got %d, want %d: %s", status, tc.status, rec.Body.String())
			}
			if status != 200 {
				return
			}
			drawn := map[string]bool{}
			for _, n := range body["nodes"].([]any) {
				n := n.(map[string]any)
				drawn[n["id"].(string)] = true
				if n["label"] == "" || n["x"] == nil || n["y"] == nil || n["kind"] == "" {
					t.Errorf("node %v: want label, kind, x and y", n)
				}
			}
			for _, id := range tc.nodes {
				if !drawn[id] {
					t.Errorf("got nodes %v, want %s", drawn, id)
				}
			}
			links, _ := body["links"].([]any)
			if len(links) == 0 {
				t.Fatalf("got no links")
			}
			for _, l := range links {
				l := l.(map[string]any)
				if !drawn[l["source"].(string)] || !drawn[l["target"].(string)] || l["count"].(float64) < 1 {
					t.Errorf("link %v: want drawn ends and a count", l)
				}
			}
		})
	}
}
