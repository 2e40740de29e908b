package api

import (
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

// ExportNQuads writes what WriteNQuads does: the fake has no namespace.
func (f *fakeGraph) ExportNQuads(ctx context.Context, w io.Writer) error {
	return f.WriteNQuads(ctx, w)
}

func TestNeighboursLabels(t *testing.T) {
	env := newTestEnv(t)
	for _, tc := range []struct {
		path   string
		status int
		labels map[string]string
	}{
		{"/api/v1/graph/neighbours?node=land:bw", 200, map[string]string{"land:BW": "Baden-Württemberg", "topic:cyberwehr": "Cyberwehr"}},
		{"/api/v1/graph/neighbours?node=topic:nichts", 404, nil},
		{"/api/v1/graph/neighbours?node=meeting:d16-2023", 404, nil},
	} {
		t.Run(tc.path, func(t *testing.T) {
			status, body, _ := get(t, env.h, tc.path)
			if status != tc.status {
				t.Fatalf("status: got %d, want %d", status, tc.status)
			}
			if status != 200 {
				if dig(body, "error", "code") != "not_found" {
					t.Errorf("error: got %v, want not_found", body)
				}
				return
			}
			for id, want := range tc.labels {
				if got := dig(body, "labels", id); got != want {
					t.Errorf("label of %s: got %v, want %q", id, got, want)
				}
			}
			if body["label"] != "Baden-Württemberg" {
				t.Errorf("label: got %v, want Baden-Württemberg", body["label"])
			}
		})
	}
}

func TestExportEntities(t *testing.T) {
	env := newTestEnv(t)
	for _, tc := range []struct {
		path, contentType, root string
		status                  int
		nodes                   int // at least
	}{
		{"/api/v1/export/graph.graphml", "application/graphml+xml", "graphml", 200, 5},
		{"/api/v1/export/graph.gexf", "application/gexf+xml", "gexf", 200, 5},
		{"/api/v1/export/graph.gexf?kind=land,topic&land=BW", "application/gexf+xml", "gexf", 200, 2},
		{"/api/v1/export/graph.graphml?from=2019&to=2019-06", "application/graphml+xml", "graphml", 200, 3},
		{"/api/v1/export/graph.graphml?from=2019-13", "", "", 400, 0},
		{"/api/v1/export/graph.graphml?kind=planet", "", "", 400, 0},
		{"/api/v1/export/graph.graphml?land=Atlantis", "", "", 400, 0},
	} {
		t.Run(tc.path, func(t *testing.T) {
			status, _, rec := get(t, env.h, tc.path)
			if status != tc.status {
				t.Fatalf("status: got %d, want %d: %s", status, tc.status, rec.Body.String())
			}
			if status != 200 {
				return
			}
			if got := rec.Header().Get("Content-Type"); got != tc.contentType {
				t.Errorf("content type: got %q, want %q", got, tc.contentType)
			}
			dec := xml.NewDecoder(bytes.NewReader(rec.Body.Bytes()))
			nodes, root := 0, ""
			for {
				tok, err := dec.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("parse: %v", err)
				}
				if se, ok := tok.(xml.StartElement); ok {
					if root == "" {
						root = se.Name.Local
					}
					if se.Name.Local == "node" {
						nodes++
					}
				}
			}
			if root != tc.root || nodes < tc.nodes {
				t.Errorf("got <%s> with %d nodes, want <%s> with at least %d", root, nodes, tc.root, tc.nodes)
			}
			if strings.Contains(tc.path, "land=BW") && strings.Contains(rec.Body.String(), "land/BB") {
				t.Errorf("filtered by BW: got Brandenburg")
			}
		})
	}
}
