package graph

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"

	ggraph "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/layout"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/laendergraph/laendergraph/corpus"
)

// Neighbourhood limits.
const (
	// DefaultViewNodes is the number of nodes a view shows when not told.
	DefaultViewNodes = 40
	// MaxViewNodes is the most nodes a view shows.
	MaxViewNodes = 150
	// viewEvidence is the most evidence a view link carries; Count still
	// counts all of it.
	viewEvidence = 20
	// layoutUpdates is the number of steps of the force-directed layout.
	layoutUpdates = 300
)

// ViewNode is a node of a drawn neighbourhood: X and Y lie in [0, 1].
type ViewNode struct {
	Node
	X float64 `json:"x"`
	Y float64 `json:"y"`
	// Weight is the sum of the counts of the node's links in the whole
	// entity graph.
	Weight int `json:"weight"`
}

// View is the neighbourhood of a node, laid out for drawing.
type View struct {
	Center string     `json:"center"`
	Nodes  []ViewNode `json:"nodes"`
	Links  []Link     `json:"links"`
	// Truncated is true when neighbours were left out to keep within the
	// node limit (the most strongly linked are kept).
	Truncated bool `json:"truncated"`
}

// Neighbourhood returns the node center of g with its neighbours, and the
// neighbours of the nodes in expand, at most limit nodes (0 means
// DefaultViewNodes), with every link among them, laid out in the unit square
// by gonum's Eades force-directed layout (seeded, so the same graph is drawn
// the same way). An unknown center is corpus.ErrNotFound.
func Neighbourhood(g *Entities, center string, expand []string, limit int) (*View, error) {
	if limit <= 0 {
		limit = DefaultViewNodes
	}
	limit = min(limit, MaxViewNodes)
	byID := make(map[string]Node, len(g.Nodes))
	for _, n := range g.Nodes {
		byID[n.ID] = n
	}
	if _, ok := byID[center]; !ok {
		return nil, corpus.NotFound("Den Knoten „%s“ gibt es im Graphen nicht", center)
	}
	weight := map[string]int{}
	adj := map[string][]string{}
	for _, l := range g.Links {
		weight[l.Source] += l.Count
		weight[l.Target] += l.Count
		adj[l.Source] = append(adj[l.Source], l.Target)
		adj[l.Target] = append(adj[l.Target], l.Source)
	}
	// Pick the center, the expanded nodes, then their neighbours, most
	// strongly linked first, up to the limit.
	picked := map[string]bool{center: true}
	order := []string{center}
	v := &View{Center: center, Nodes: []ViewNode{}, Links: []Link{}}
	roots := []string{center}
	for _, e := range expand {
		if _, ok := byID[e]; ok && !picked[e] && len(order) < limit {
			picked[e] = true
			order = append(order, e)
			roots = append(roots, e)
		}
	}
	for _, r := range roots {
		ns := slices.Clone(adj[r])
		slices.SortFunc(ns, func(a, b string) int { return cmp.Or(cmp.Compare(weight[b], weight[a]), cmp.Compare(a, b)) })
		for _, n := range slices.Compact(ns) {
			if picked[n] {
				continue
			}
			if len(order) >= limit {
				v.Truncated = true
				break
			}
			picked[n] = true
			order = append(order, n)
		}
	}
	for _, l := range g.Links {
		if picked[l.Source] && picked[l.Target] {
			if len(l.Evidence) > viewEvidence {
				l.Evidence = l.Evidence[:viewEvidence]
			}
			v.Links = append(v.Links, l)
		}
	}
	pos := place(order, v.Links)
	for i, id := range order {
		v.Nodes = append(v.Nodes, ViewNode{Node: byID[id], X: pos[i][0], Y: pos[i][1], Weight: weight[id]})
	}
	return v, nil
}

// layoutSeeds is how many seeded runs of the layout place picks the best of.
const layoutSeeds = 8

// place lays out the nodes with gonum's EadesR2 and scales the result into
// the unit square; a single node sits in the middle. A run can still fling a
// node far off and leave the rest in a heap once scaled (Eades' forces grow
// without bound between nodes that start close), so place runs the layout
// with a few fixed seeds and keeps the run whose nodes lie furthest apart.
func place(ids []string, links []Link) [][2]float64 {
	g := simple.NewUndirectedGraph()
	index := make(map[string]int64, len(ids))
	for i, id := range ids {
		index[id] = int64(i)
		g.AddNode(simple.Node(i))
	}
	for _, l := range links {
		u, v := index[l.Source], index[l.Target]
		if u != v && !g.HasEdgeBetween(u, v) {
			g.SetEdge(g.NewEdge(simple.Node(u), simple.Node(v)))
		}
	}
	// A node with many links sums many spring forces: a step rate that
	// shrinks with the highest degree keeps the hub from overshooting.
	deg := 1
	for i := range ids {
		deg = max(deg, g.From(int64(i)).Len())
	}
	rate := min(0.05, 0.2/float64(deg))
	var best [][2]float64
	bestSpread := -1.0
	for seed := range uint64(layoutSeeds) {
		eades := layout.EadesR2{Repulsion: 1, Rate: rate, Updates: layoutUpdates, Theta: 0.2, Src: rand.NewPCG(seed+1, 2)}
		o := layout.NewOptimizerR2(ordered{g}, eades.Update)
		for o.Update() {
		}
		pos := make([][2]float64, len(ids))
		for i := range ids {
			c := o.Coord2(int64(i))
			pos[i] = [2]float64{c.X, c.Y}
		}
		pos = unitSquare(pos)
		if s := spread(pos); s > bestSpread {
			best, bestSpread = pos, s
		}
	}
	return best
}

// unitSquare scales points into [0, 1]² (each axis on its own); points that
// do not spread along an axis sit in its middle.
func unitSquare(pos [][2]float64) [][2]float64 {
	lo := [2]float64{math.Inf(1), math.Inf(1)}
	hi := [2]float64{math.Inf(-1), math.Inf(-1)}
	for _, p := range pos {
		for a := range 2 {
			lo[a], hi[a] = math.Min(lo[a], p[a]), math.Max(hi[a], p[a])
		}
	}
	out := make([][2]float64, len(pos))
	for i, p := range pos {
		for a := range 2 {
			if hi[a]-lo[a] < 1e-9 || math.IsNaN(p[a]) {
				out[i][a] = 0.5
			} else {
				out[i][a] = (p[a] - lo[a]) / (hi[a] - lo[a])
			}
		}
	}
	return out
}

// spread is the median distance from each point to its nearest neighbour:
// large when the points are evenly spread, near zero when most sit in a heap.
func spread(pos [][2]float64) float64 {
	if len(pos) < 2 {
		return 0
	}
	nearest := make([]float64, len(pos))
	for i, p := range pos {
		nearest[i] = math.Inf(1)
		for j, q := range pos {
			if i != j {
				nearest[i] = math.Min(nearest[i], math.Hypot(p[0]-q[0], p[1]-q[1]))
			}
		}
	}
	slices.Sort(nearest)
	return nearest[len(nearest)/2]
}

// ordered is a graph whose nodes and neighbours iterate by ID, so that the
// seeded layout places the same graph the same way every time (gonum's
// simple graphs iterate in map order).
type ordered struct{ *simple.UndirectedGraph }

func (g ordered) Nodes() ggraph.Nodes { return sortedNodes(g.UndirectedGraph.Nodes()) }

func (g ordered) From(id int64) ggraph.Nodes { return sortedNodes(g.UndirectedGraph.From(id)) }

func sortedNodes(it ggraph.Nodes) ggraph.Nodes {
	ns := ggraph.NodesOf(it)
	slices.SortFunc(ns, func(a, b ggraph.Node) int { return cmp.Compare(a.ID(), b.ID()) })
	return iterator.NewOrderedNodes(ns)
}
