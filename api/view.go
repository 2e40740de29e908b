package api

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/laendergraph/laendergraph/graph"
)

// graphView returns the neighbourhood of an entity node laid out for
// drawing: nodes with x and y in [0, 1], links with their count and
// evidence. expand names further nodes whose neighbours to add; kind and
// land filter the entity graph first.
func (s *server) graphView(c *gin.Context) {
	node, err := shortParam(c, "node")
	if err != nil {
		s.fail(c, err)
		return
	}
	if node == "" {
		s.fail(c, invalid("Parameter node fehlt: ein Knoten wie land:BW"))
		return
	}
	if code, ok := strings.CutPrefix(node, "land:"); ok {
		if l, ok := s.lookupLand(code); ok {
			node = "land:" + string(l)
		}
	}
	if graph.KindOf(node) == "" {
		s.fail(c, invalid("„%s“ ist kein Knoten; Knoten beginnen mit land:, topic:, series:, person:, strategy: oder doc:", clip(node)))
		return
	}
	limit, err := intParam(c, "limit", graph.DefaultViewNodes, 1, graph.MaxViewNodes)
	if err != nil {
		s.fail(c, err)
		return
	}
	v := c.Query("expand")
	if len(v) > 20*maxParamLen {
		s.fail(c, invalid("expand ist länger als %d Bytes", 20*maxParamLen))
		return
	}
	var expand []string
	for _, e := range strings.Split(v, ",") {
		if e = strings.TrimSpace(e); e != "" {
			expand = append(expand, e)
		}
	}
	g, err := s.entities(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	view, err := graph.Neighbourhood(g, node, expand, limit)
	if err != nil {
		s.fail(c, fmt.Errorf("graph view: %w", err))
		return
	}
	c.JSON(http.StatusOK, view)
}
