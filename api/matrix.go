package api

import (
	"net/http"
	"slices"

	"github.com/gin-gonic/gin"

	"github.com/laendergraph/laendergraph/answer"
	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/graph"
)

// matrixCell is what the corpus says of one Land and one topic.
type matrixCell struct {
	Land      corpus.LandCode   `json:"land"`
	Topic     corpus.TopicID    `json:"topic"`
	Relations []corpus.Relation `json:"relations"`
	// Count is the number of distinct evidence sentences, of which
	// Evidence holds the first (the evidence parameter, default 3).
	Count    int               `json:"count"`
	Evidence []corpus.Evidence `json:"evidence"`
}

// defaultMatrixEvidence is how many pieces of evidence a matrix cell cites
// unless asked for more: 16 Länder by every topic make hundreds of cells.
const defaultMatrixEvidence = 3

// matrix is the JSON of /api/v1/matrix.
type matrix struct {
	Laender []answer.LandRef  `json:"laender"`
	Topics  []answer.TopicRef `json:"topics"`
	Cells   []matrixCell      `json:"cells"`
}

// matrix returns the Land × topic matrix: every Land, every topic some Land
// is tied to, and a cell with the relations and evidence of each pair the
// corpus ties.
func (s *server) matrix(c *gin.Context) {
	nev, err := intParam(c, "evidence", defaultMatrixEvidence, 0, maxEvidence)
	if err != nil {
		s.fail(c, err)
		return
	}
	lts, err := s.g.LandTopics(c.Request.Context(), graph.FactFilter{})
	if err != nil {
		s.fail(c, err)
		return
	}
	type key struct {
		l corpus.LandCode
		t corpus.TopicID
	}
	cells := map[key]*matrixCell{}
	seen := map[key]map[[2]int]map[corpus.DocID]bool{}
	topics := map[corpus.TopicID]bool{}
	for _, lt := range lts {
		k := key{lt.Land, lt.Topic}
		cell := cells[k]
		if cell == nil {
			cell = &matrixCell{Land: lt.Land, Topic: lt.Topic, Relations: []corpus.Relation{}, Evidence: []corpus.Evidence{}}
			cells[k] = cell
			seen[k] = map[[2]int]map[corpus.DocID]bool{}
		}
		topics[lt.Topic] = true
		if !slices.Contains(cell.Relations, lt.Relation) {
			cell.Relations = append(cell.Relations, lt.Relation)
		}
		if seen[k][lt.Evidence.Span] == nil {
			seen[k][lt.Evidence.Span] = map[corpus.DocID]bool{}
		}
		if !seen[k][lt.Evidence.Span][lt.Evidence.Doc] {
			seen[k][lt.Evidence.Span][lt.Evidence.Doc] = true
			if len(cell.Evidence) < nev {
				cell.Evidence = append(cell.Evidence, lt.Evidence)
			}
			cell.Count++
		}
	}
	out := matrix{Laender: s.views.LandRefs(s.reg.Codes()), Topics: []answer.TopicRef{}, Cells: []matrixCell{}}
	for _, t := range s.th.All() {
		if topics[t.ID] {
			out.Topics = append(out.Topics, s.views.TopicRef(t.ID))
		}
	}
	for _, l := range s.reg.Codes() {
		for _, t := range out.Topics {
			if cell := cells[key{l, t.ID}]; cell != nil {
				slices.Sort(cell.Relations)
				out.Cells = append(out.Cells, *cell)
			}
		}
	}
	c.JSON(http.StatusOK, out)
}
