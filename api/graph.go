package api

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
)

// defaultNeighbours is the page size of a node's edges: a Land has an edge
// for every statement that names it.
const defaultNeighbours = 500

// neighbours returns the edges into and out of a node ("land:BW",
// "topic:ki", "doc:<id>"), a page at a time.
func (s *server) neighbours(c *gin.Context) {
	node, err := shortParam(c, "node")
	if err != nil {
		s.fail(c, err)
		return
	}
	if node == "" {
		s.fail(c, invalid("Parameter node fehlt: ein Knoten wie land:BW"))
		return
	}
	w, err := pageParams(c, defaultNeighbours)
	if err != nil {
		s.fail(c, err)
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
	if len(edges) == 0 {
		// Every node of the graph is in some statement.
		s.fail(c, notFound("Den Knoten „%s“ gibt es im Graphen nicht", clip(node)))
		return
	}
	labels, err := s.nodeLabels(c.Request.Context())
	if err != nil {
		s.fail(c, err)
		return
	}
	total := len(edges)
	edges, next := pageOf(edges, w)
	named := map[string]string{}
	for _, e := range edges {
		for _, x := range []string{e.Subject, e.Object, "doc:" + string(e.Doc)} {
			if l, ok := labels[x]; ok {
				named[x] = l
			}
		}
	}
	res := listPage("edges", edges, total, next)
	res["node"], res["label"], res["labels"] = node, labels[node], named
	c.JSON(http.StatusOK, res)
}

// firstWrite sets the status and headers of a streamed response when its
// first byte goes out, so that an error before that still gets an error
// response.
//
// Each write may wait up to timeout for the client: the deadline moves on
// while the client keeps reading, so a long export to a reader that keeps up
// goes on past the server's write timeout and one that stalls is cut off.
type firstWrite struct {
	c        *gin.Context
	header   func()
	started  bool
	timeout  time.Duration
	extended time.Time // when the write deadline was last moved
}

func (w *firstWrite) Write(p []byte) (int, error) {
	if !w.started {
		w.started = true
		w.header()
	}
	if now := time.Now(); w.timeout > 0 && now.Sub(w.extended) > time.Second {
		// Not every writer has a deadline (httptest); then there is none to move.
		_ = http.NewResponseController(w.c.Writer).SetWriteDeadline(now.Add(w.timeout))
		w.extended = now
	}
	return w.c.Writer.Write(p)
}

// exportGraph streams the whole graph as N-Quads.
func (s *server) exportGraph(c *gin.Context) {
	w := &firstWrite{c: c, timeout: s.streamTimeout, header: func() {
		c.Header("Content-Type", "application/n-quads")
		c.Header("Content-Disposition", `attachment; filename="laendergraph.nq"`)
		c.Status(http.StatusOK)
	}}
	if err := s.g.ExportNQuads(c.Request.Context(), w); err != nil {
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
