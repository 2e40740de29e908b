package graph

import (
	"context"
	"fmt"
	"math"

	ggraph "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/path"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/laendergraph/laendergraph/corpus"
)

// Path limits.
const (
	// MaxPaths is the most paths Paths returns.
	MaxPaths = 10
	// pathEvidence is the most evidence a link of a path carries.
	pathEvidence = 5
)

// Step is one hop of a path: the links between two neighbouring nodes, in
// either direction.
type Step struct {
	From  string `json:"from"`
	To    string `json:"to"`
	Links []Link `json:"links"`
}

// Path is a chain of entities from one node to another.
type Path struct {
	Nodes []Node `json:"nodes"`
	Steps []Step `json:"steps"`
}

// Paths returns up to k shortest loopless paths between the nodes from and to
// of g, links taken in either direction, shortest first (gonum's Yen
// k-shortest paths over nodes iterated by id, so ties come out the same way
// every time). An unknown node is corpus.ErrNotFound; the search stops with
// ctx's error when ctx ends first.
func Paths(ctx context.Context, g *Entities, from, to string, k int) ([]Path, error) {
	if k <= 0 || k > MaxPaths {
		return nil, fmt.Errorf("paths: %w", corpus.Invalid("k ist eine Zahl von 1 bis %d, nicht %d", MaxPaths, k))
	}
	index := make(map[string]int64, len(g.Nodes))
	for i, n := range g.Nodes {
		index[n.ID] = int64(i)
	}
	for _, id := range []string{from, to} {
		if _, ok := index[id]; !ok {
			return nil, fmt.Errorf("paths: %w", corpus.NotFound("Den Knoten „%s“ gibt es im Graphen nicht", id))
		}
	}
	if from == to {
		return nil, fmt.Errorf("paths: %w", corpus.Invalid("Anfang und Ende sind derselbe Knoten „%s“", from))
	}
	ug := simple.NewUndirectedGraph()
	for i := range g.Nodes {
		ug.AddNode(simple.Node(i))
	}
	between := map[[2]int64][]Link{}
	for _, l := range g.Links {
		u, v := index[l.Source], index[l.Target]
		if u == v {
			continue
		}
		if !ug.HasEdgeBetween(u, v) {
			ug.SetEdge(ug.NewEdge(simple.Node(u), simple.Node(v)))
		}
		key := [2]int64{min(u, v), max(u, v)}
		if len(l.Evidence) > pathEvidence {
			l.Evidence = l.Evidence[:pathEvidence]
		}
		between[key] = append(between[key], l)
	}
	done := make(chan [][]int64, 1)
	go func() {
		var out [][]int64
		for _, p := range path.YenKShortestPaths(stoppable{ordered{ug}, ctx}, k, math.Inf(1), simple.Node(index[from]), simple.Node(index[to])) {
			ids := make([]int64, len(p))
			for i, n := range p {
				ids[i] = n.ID()
			}
			out = append(out, ids)
		}
		done <- out
	}()
	var found [][]int64
	select {
	case found = <-done:
	case <-ctx.Done():
		return nil, fmt.Errorf("paths from %s to %s: %w", from, to, ctx.Err())
	}
	out := []Path{}
	for _, ids := range found {
		p := Path{Nodes: []Node{}, Steps: []Step{}}
		for i, id := range ids {
			p.Nodes = append(p.Nodes, g.Nodes[id])
			if i > 0 {
				prev := ids[i-1]
				p.Steps = append(p.Steps, Step{From: g.Nodes[prev].ID, To: g.Nodes[id].ID, Links: between[[2]int64{min(prev, id), max(prev, id)}]})
			}
		}
		out = append(out, p)
	}
	return out, nil
}

// stoppable is a graph that has no neighbours once ctx has ended: gonum's
// k-shortest-paths search takes no context, so when the request has been
// answered at its time limit, the search left running finds every node a
// dead end and ends at once instead of working on unseen.
type stoppable struct {
	ordered
	ctx context.Context
}

func (g stoppable) From(id int64) ggraph.Nodes {
	if g.ctx.Err() != nil {
		return ggraph.Empty
	}
	return g.ordered.From(id)
}
