package api

import "testing"

func TestGraphPath(t *testing.T) {
	env := newTestEnv(t)
	for _, tc := range []struct {
		path   string
		status int
		hops   int // nodes of the first path
	}{
		{"/api/v1/graph/path?from=land:bw&to=topic:cyberwehr", 200, 2},
		{"/api/v1/graph/path?from=land:BW&to=land:BB", 200, 4},
		{"/api/v1/graph/path?from=land:BW&to=land:BB&kind=land,topic", 200, 0}, // no path without documents
		{"/api/v1/graph/path?from=land:BW&to=land:HH", 404, 0},
		{"/api/v1/graph/path?from=land:BW", 400, 0},
		{"/api/v1/graph/path?from=land:BW&to=fact:x", 400, 0},
		{"/api/v1/graph/path?from=land:BW&to=land:BB&k=11", 400, 0},
	} {
		t.Run(tc.path, func(t *testing.T) {
			status, body, rec := get(t, env.h, tc.path)
			if status != tc.status {
				t.Fatalf("status: got %d, want %d: %s", status, tc.status, rec.Body.String())
			}
			if status != 200 {
				return
			}
			if tc.hops == 0 {
				if ps, _ := body["paths"].([]any); ps == nil || len(ps) != 0 {
					t.Errorf("paths: got %v, want []", body["paths"])
				}
				return
			}
			nodes, _ := dig(body, "paths", 0, "nodes").([]any)
			if len(nodes) != tc.hops {
				t.Errorf("first path: got %d nodes, want %d: %v", len(nodes), tc.hops, body)
			}
			if dig(body, "paths", 0, "steps", 0, "links", 0, "relation") == nil {
				t.Errorf("first step: no link: %v", body)
			}
		})
	}
}
