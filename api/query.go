package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/graph"
)

// DefaultGraphQueryTimeout bounds a graph query, the entity graph it reads
// included, unless Config says otherwise.
const DefaultGraphQueryTimeout = 2 * time.Second

// errQueryTime reports a graph query stopped at its time limit.
var errQueryTime = errors.New("graph query took too long")

// graphQuery answers a path query over the entity graph (graph.Query
// describes the language): the nodes it reaches, each with the first path
// that reaches it and that path's evidence. It is read-only and bounded: at
// most graph.MaxQueryHops links deep, limit rows, a number of links looked
// at (422 past it) and a time (503 past it). kind, land, since and until
// filter the entity graph first.
func (s *server) graphQuery(c *gin.Context) {
	text, err := queryParam(c, "q")
	if err != nil {
		s.fail(c, err)
		return
	}
	if text == "" {
		s.fail(c, invalid("Parameter q fehlt: eine Abfrage wie land:BW -hat-> thema"))
		return
	}
	q, err := graph.ParseQuery(text)
	if err != nil {
		s.fail(c, err)
		return
	}
	limit, err := intParam(c, "limit", graph.DefaultQueryResults, 1, graph.MaxQueryResults)
	if err != nil {
		s.fail(c, err)
		return
	}
	ctx, cancel := context.WithTimeout(c.Request.Context(), s.queryTimeout)
	defer cancel()
	c.Request = c.Request.WithContext(ctx)
	g, err := s.entitiesDated(c, "since", "until")
	if err == nil {
		err = ctx.Err() // building the entity graph may have used the time up
	}
	var res *graph.QueryResult
	if err == nil {
		res, err = q.Run(ctx, g, graph.QueryLimits{Results: limit, Work: s.queryWork})
	}
	const narrow = "Beginnen Sie bei einem bestimmten Knoten (land:BW statt land), nennen Sie Beziehungen (-hat-> statt -->) oder gehen Sie weniger Schritte."
	switch {
	case errors.Is(err, graph.ErrQueryTooBroad):
		err = fmt.Errorf("graph query: %w: %w", err, &corpus.Refusal{Kind: graph.ErrQueryTooBroad, Message: fmt.Sprintf("Die Abfrage ist zu breit: sie müsste mehr als %s Kanten ansehen. %s", groupDigits(s.queryWork), narrow)})
	case errors.Is(err, context.DeadlineExceeded):
		err = fmt.Errorf("graph query: %w: %w", err, &corpus.Refusal{Kind: errQueryTime, Message: fmt.Sprintf("Die Abfrage lief länger als %s s und wurde abgebrochen. %s", strings.Replace(strconv.FormatFloat(s.queryTimeout.Seconds(), 'f', -1, 64), ".", ",", 1), narrow)})
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"query": text, "rows": res.Rows, "total": res.Total, "truncated": res.Truncated, "work": res.Work})
}

// groupDigits writes n with German thousands separators (2.000.000).
func groupDigits(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}
