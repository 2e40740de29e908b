package api

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/laendergraph/laendergraph/graph"
)

// pathTimeout bounds the search for paths; past it the request answers 503.
const pathTimeout = 2 * time.Second

// graphPath returns the shortest paths between two entity nodes of the
// entity graph, with the evidence of every step. k (1–10, default 3) bounds
// the number of paths; kind, land, since and until filter the entity graph
// first.
func (s *server) graphPath(c *gin.Context) {
	var ends [2]string
	for i, name := range []string{"from", "to"} {
		v, err := shortParam(c, name)
		if err != nil {
			s.fail(c, err)
			return
		}
		if v == "" {
			s.fail(c, invalid("Parameter %s fehlt: ein Knoten wie land:BW", name))
			return
		}
		if code, ok := strings.CutPrefix(v, "land:"); ok {
			if l, ok := s.lookupLand(code); ok {
				v = "land:" + string(l)
			}
		}
		if graph.KindOf(v) == "" {
			s.fail(c, invalid("%s: „%s“ ist kein Knoten; Knoten beginnen mit land:, topic:, series:, person:, strategy: oder doc:", name, clip(v)))
			return
		}
		ends[i] = v
	}
	k, err := intParam(c, "k", 3, 1, graph.MaxPaths)
	if err != nil {
		s.fail(c, err)
		return
	}
	g, err := s.entitiesDated(c, "since", "until")
	if err != nil {
		s.fail(c, err)
		return
	}
	ctx, cancel := context.WithTimeout(c.Request.Context(), pathTimeout)
	defer cancel()
	paths, err := graph.Paths(ctx, g, ends[0], ends[1], k)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"from": ends[0], "to": ends[1], "paths": paths})
}
