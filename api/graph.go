package api

import (
	"errors"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
)

// neighbours returns the edges into and out of a node ("land:BW",
// "topic:ki", "doc:<id>").
func (s *server) neighbours(c *gin.Context) {
	node, err := shortParam(c, "node")
	if err != nil {
		s.fail(c, err)
		return
	}
	if node == "" {
		s.fail(c, invalid("node is required, e.g. land:BW"))
		return
	}
	if code, ok := strings.CutPrefix(node, "land:"); ok {
		if l, ok := s.lookupLand(code); ok {
			node = "land:" + string(l)
		}
	}
	edges, err := s.g.Neighbours(c.Request.Context(), node)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"node": node, "edges": nonNil(edges)})
}

// firstWrite sets the status and headers of a streamed response when its
// first byte goes out, so that an error before that still gets an error
// response.
type firstWrite struct {
	c       *gin.Context
	header  func()
	started bool
}

func (w *firstWrite) Write(p []byte) (int, error) {
	if !w.started {
		w.started = true
		w.header()
	}
	return w.c.Writer.Write(p)
}

// exportGraph streams the whole graph as N-Quads.
func (s *server) exportGraph(c *gin.Context) {
	w := &firstWrite{c: c, header: func() {
		c.Header("Content-Type", "application/n-quads")
		c.Header("Content-Disposition", `attachment; filename="laendergraph.nq"`)
		c.Status(http.StatusOK)
	}}
	if err := s.g.WriteNQuads(c.Request.Context(), w); err != nil {
		if w.started {
			err = errors.Join(errors.New("export interrupted"), err)
		}
		s.fail(c, err)
		return
	}
	if !w.started {
		w.header()
		c.Writer.WriteHeaderNow()
	}
}
