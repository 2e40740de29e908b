package graph

import (
	"context"
	"errors"
	"math"
	"testing"

	"gonum.org/v1/gonum/graph/path"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/laendergraph/laendergraph/corpus"
)

func TestPaths(t *testing.T) {
	s := openMemory(t)
	put(t, s, extractionA(t), extractionB(t))
	g, err := BuildEntities(context.Background(), s, EntityFilter{Kinds: []NodeKind{KindLand, KindTopic, KindSeries, KindPerson, KindStrategy}})
	if err != nil {
		t.Fatal(err)
	}
	ps, err := Paths(context.Background(), g, "land:BW", "land:HE", 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) == 0 || len(ps) > 3 {
		t.Fatalf("got %d paths, want 1 to 3", len(ps))
	}
	for i, p := range ps {
		if p.Nodes[0].ID != "land:BW" || p.Nodes[len(p.Nodes)-1].ID != "land:HE" {
			t.Errorf("path %d: runs %s → %s, want land:BW → land:HE", i, p.Nodes[0].ID, p.Nodes[len(p.Nodes)-1].ID)
		}
		if len(p.Steps) != len(p.Nodes)-1 {
			t.Errorf("path %d: %d steps for %d nodes", i, len(p.Steps), len(p.Nodes))
		}
		for _, st := range p.Steps {
			if len(st.Links) == 0 {
				t.Errorf("path %d: step %s–%s has no link", i, st.From, st.To)
			}
		}
		if i > 0 && len(p.Nodes) < len(ps[i-1].Nodes) {
			t.Errorf("path %d is shorter than path %d", i, i-1)
		}
	}
	// BW and HE both take part in a meeting of the Digitalkoordinatoren
	// series: one node between them.
	if got := len(ps[0].Nodes); got != 3 {
		t.Errorf("shortest path: got %d nodes, want 3", got)
	}
	for _, tc := range []struct {
		from, to string
		k        int
		want     error
	}{
		{"land:BW", "land:XX", 3, corpus.ErrNotFound},
		{"land:BW", "land:BW", 3, corpus.ErrInvalid},
		{"land:BW", "land:HE", 0, corpus.ErrInvalid},
		{"land:BW", "land:HE", MaxPaths + 1, corpus.ErrInvalid},
	} {
		if _, err := Paths(context.Background(), g, tc.from, tc.to, tc.k); !errors.Is(err, tc.want) {
			t.Errorf("Paths(%s, %s, %d): got %v, want %v", tc.from, tc.to, tc.k, err, tc.want)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Paths(ctx, g, "land:BW", "land:HE", 3); !errors.Is(err, context.Canceled) {
		// The search may finish before the select sees the context; either
		// is right, but an error must be the context's.
		if err != nil {
			t.Errorf("canceled: got %v", err)
		}
	}
}

// Once its context has ended, the graph the path search walks has no
// neighbours, so a search left running after a timeout ends at once.
func TestStoppable(t *testing.T) {
	ug := simple.NewUndirectedGraph()
	for i := range 3 {
		ug.AddNode(simple.Node(i))
	}
	ug.SetEdge(ug.NewEdge(simple.Node(0), simple.Node(1)))
	ug.SetEdge(ug.NewEdge(simple.Node(0), simple.Node(2)))
	ctx, cancel := context.WithCancel(context.Background())
	sg := stoppable{ordered{ug}, ctx}
	if n := sg.From(0).Len(); n != 2 {
		t.Fatalf("before the end: got %d neighbours, want 2", n)
	}
	cancel()
	if n := sg.From(0).Len(); n != 0 {
		t.Errorf("after the end: got %d neighbours, want none", n)
	}
	if ps := path.YenKShortestPaths(sg, 3, math.Inf(1), simple.Node(1), simple.Node(2)); len(ps) != 0 {
		t.Errorf("search after the end: got %d paths, want none", len(ps))
	}
}
