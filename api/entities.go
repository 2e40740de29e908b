package api

import (
	"context"
	"errors"
	"io"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/graph"
)

// entities returns the entity graph, filtered by the parameters kind (a
// comma-separated list of node kinds), land, and from and to (dates of the
// evidence).
func (s *server) entities(c *gin.Context) (*graph.Entities, error) {
	return s.entitiesDated(c, "from", "to")
}

// entitiesDated is entities with the date range in the parameters named
// from and to.
func (s *server) entitiesDated(c *gin.Context, from, to string) (*graph.Entities, error) {
	f := graph.EntityFilter{Registry: s.reg, Thesaurus: s.th}
	v, err := shortParam(c, "kind")
	if err != nil {
		return nil, err
	}
	if f.Kinds, err = graph.ParseNodeKinds(v); err != nil {
		return nil, err
	}
	if v, err = shortParam(c, "land"); err != nil {
		return nil, err
	}
	if v != "" {
		code, ok := s.lookupLand(v)
		if !ok {
			return nil, invalid("Unbekanntes Land „%s“", clip(v))
		}
		f.Land = code
	}
	for _, p := range []struct {
		name string
		dst  *corpus.Date
	}{{from, &f.From}, {to, &f.To}} {
		v, err := shortParam(c, p.name)
		if err != nil {
			return nil, err
		}
		d := corpus.Date(v)
		if !d.Valid() {
			return nil, invalid("%s ist ein Datum wie 2023, 2023-06 oder 2023-06-21, nicht „%s“", p.name, clip(v))
		}
		*p.dst = d
	}
	return graph.BuildEntities(c.Request.Context(), s.g, f)
}

// nodeLabels names every entity node: Länder, topics, series, people,
// strategies and documents.
func (s *server) nodeLabels(ctx context.Context) (map[string]string, error) {
	g, err := graph.BuildEntities(ctx, s.g, graph.EntityFilter{Registry: s.reg, Thesaurus: s.th})
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(g.Nodes))
	for _, n := range g.Nodes {
		out[n.ID] = n.Label
	}
	return out, nil
}

// exportGraphML serves the entity graph as GraphML.
func (s *server) exportGraphML(c *gin.Context) {
	s.exportEntities(c, "application/graphml+xml", "laendergraph.graphml", graph.WriteGraphML)
}

// exportGEXF serves the entity graph as GEXF.
func (s *server) exportGEXF(c *gin.Context) {
	s.exportEntities(c, "application/gexf+xml", "laendergraph.gexf", graph.WriteGEXF)
}

func (s *server) exportEntities(c *gin.Context, contentType, file string, write func(io.Writer, *graph.Entities) error) {
	g, err := s.entities(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	w := &firstWrite{c: c, header: func() {
		c.Header("Content-Type", contentType)
		c.Header("Content-Disposition", `attachment; filename="`+file+`"`)
		c.Status(http.StatusOK)
	}}
	if err := write(w, g); err != nil {
		if w.started {
			err = errors.Join(errors.New("export interrupted"), err)
		}
		s.fail(c, err)
	}
}
