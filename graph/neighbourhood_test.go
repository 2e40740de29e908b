package graph

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
)

func TestNeighbourhood(t *testing.T) {
	s := openMemory(t)
	put(t, s, extractionA(t), extractionB(t))
	g, err := BuildEntities(context.Background(), s, EntityFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name      string
		center    string
		expand    []string
		limit     int
		has       []string // nodes that must be drawn
		hasNot    []string
		truncated bool
	}{
		{"land", "land:BW", nil, 0, []string{"land:BW", "topic:cyberwehr", "strategy:BW-digital-bw"}, []string{"land:TH"}, false},
		{"expanded", "land:BW", []string{"topic:ki"}, 0, []string{"land:HE", "series:digitalkoordinatoren"}, nil, false},
		{"limit", "land:BB", nil, 3, []string{"land:BB"}, nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, err := Neighbourhood(g, tc.center, tc.expand, tc.limit)
			if err != nil {
				t.Fatal(err)
			}
			drawn := map[string]bool{}
			for _, n := range v.Nodes {
				drawn[n.ID] = true
				if n.X < 0 || n.X > 1 || n.Y < 0 || n.Y > 1 {
					t.Errorf("node %s at (%v, %v), want it in the unit square", n.ID, n.X, n.Y)
				}
				if n.Label == "" {
					t.Errorf("node %s: no label", n.ID)
				}
			}
			if v.Nodes[0].ID != tc.center {
				t.Errorf("first node: got %s, want the center %s", v.Nodes[0].ID, tc.center)
			}
			for _, id := range tc.has {
				if !drawn[id] {
					t.Errorf("got nodes %v, want %s", drawn, id)
				}
			}
			for _, id := range tc.hasNot {
				if drawn[id] {
					t.Errorf("got %s, want it left out", id)
				}
			}
			if tc.limit > 0 && len(v.Nodes) > tc.limit {
				t.Errorf("got %d nodes, want at most %d", len(v.Nodes), tc.limit)
			}
			if v.Truncated != tc.truncated {
				t.Errorf("truncated: got %v, want %v", v.Truncated, tc.truncated)
			}
			for _, l := range v.Links {
				if !drawn[l.Source] || !drawn[l.Target] {
					t.Errorf("link %s–%s: an end is not drawn", l.Source, l.Target)
				}
			}
			again, err := Neighbourhood(g, tc.center, tc.expand, tc.limit)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(v, again) {
				t.Errorf("two layouts of the same graph differ")
			}
		})
	}
	if _, err := Neighbourhood(g, "land:XX", nil, 0); !errors.Is(err, corpus.ErrNotFound) {
		t.Errorf("unknown center: got %v, want ErrNotFound", err)
	}
}

// TestPlaceSpreads checks that a star with a few cross links, whose layout
// can collapse into a heap with an unlucky start, comes out spread.
func TestPlaceSpreads(t *testing.T) {
	for _, n := range []int{2, 5, 16, 40} {
		ids := []string{"hub"}
		var links []Link
		for i := 1; i < n; i++ {
			id := fmt.Sprintf("leaf%d", i)
			ids = append(ids, id)
			links = append(links, Link{Source: "hub", Target: id})
			if i%3 == 0 {
				links = append(links, Link{Source: id, Target: ids[i-1]})
			}
		}
		pos := place(ids, links)
		if s := spread(pos); s < 0.05 {
			t.Errorf("%d nodes: median nearest-neighbour distance %.3f, want them spread (≥ 0.05): %v", n, s, pos)
		}
	}
}
