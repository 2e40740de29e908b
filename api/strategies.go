package api

import (
	"cmp"
	"net/http"
	"slices"

	"github.com/gin-gonic/gin"

	"github.com/laendergraph/laendergraph/answer"
	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/graph"
)

// strategyProfile is the JSON of /api/v1/strategies/{id}: a strategy merged
// from every sentence about it, the topics its Land ties to it in the
// documents that name it, and those documents.
type strategyProfile struct {
	answer.Strategy
	LandName string         `json:"land_name,omitempty"`
	Topics   []answer.Topic `json:"topics"`
	// Documents is a page of the documents naming it (limit, cursor) of
	// DocumentCount; NextCursor asks for the next one.
	DocumentCount int      `json:"document_count"`
	Documents     []docRef `json:"documents"`
	NextCursor    string   `json:"next_cursor,omitempty"`
}

// strategy returns one strategy. The id is that of the merged strategy or
// of any mention merged into it (the entity graph names mentions).
func (s *server) strategy(c *gin.Context) {
	ctx := c.Request.Context()
	w, err := pageParams(c, defaultListLimit)
	if err != nil {
		s.fail(c, err)
		return
	}
	nev, err := evidenceParam(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	id := corpus.StrategyID(c.Param("id"))
	all, err := s.g.Strategies(ctx, "")
	if err != nil {
		s.fail(c, err)
		return
	}
	var mention *corpus.Strategy
	for i := range all {
		if all[i].ID == id {
			mention = &all[i]
			break
		}
	}
	var found *corpus.StrategyProfile
	for _, p := range corpus.MergeStrategies(all) {
		if p.ID == id || mention != nil && p.Land == mention.Land && slices.ContainsFunc(p.Evidence, func(e corpus.Evidence) bool {
			return e.Doc == mention.Evidence.Doc && e.Span == mention.Evidence.Span
		}) {
			found = &p
			break
		}
	}
	if found == nil {
		s.fail(c, notFound("Die Strategie „%s“ gibt es nicht", clip(string(id))))
		return
	}
	out := strategyProfile{Strategy: s.views.Strategy(*found), Topics: []answer.Topic{}}
	if found.Land != "" {
		out.LandName = s.views.LandRef(found.Land).Name
		docs := map[corpus.DocID]bool{}
		for _, e := range found.Evidence {
			docs[e.Doc] = true
		}
		lts, err := s.g.LandTopics(ctx, graph.FactFilter{Land: found.Land})
		if err != nil {
			s.fail(c, err)
			return
		}
		byTopic := map[corpus.TopicID]*answer.Topic{}
		var order []corpus.TopicID
		for _, lt := range lts {
			if lt.Relation == corpus.RelHas || !docs[lt.Evidence.Doc] {
				continue // only what the documents naming the strategy adopt or plan
			}
			t := byTopic[lt.Topic]
			if t == nil {
				ref := s.views.TopicRef(lt.Topic)
				t = &answer.Topic{ID: lt.Topic, Label: ref.Label, Relation: lt.Relation}
				byTopic[lt.Topic] = t
				order = append(order, lt.Topic)
			}
			t.Evidence = append(t.Evidence, lt.Evidence)
		}
		for _, id := range order {
			t := byTopic[id]
			t.Evidence = answer.Evidence(t.Evidence)
			out.Topics = append(out.Topics, *t)
		}
		slices.SortFunc(out.Topics, func(a, b answer.Topic) int { return cmp.Compare(corpus.Fold(a.Label), corpus.Fold(b.Label)) })
	}
	docs := docRefs(found.Evidence, func(e corpus.Evidence) corpus.Evidence { return e })
	out.DocumentCount = len(docs)
	out.Documents, out.NextCursor = pageOf(docs, w)
	out.Evidence, out.EvidenceCount = capEvidence(out.Evidence, nev)
	capTopics(out.Topics, nev)
	capDocRefs(out.Documents, nev)
	c.JSON(http.StatusOK, out)
}

// law returns one law merged from every sentence about it.
func (s *server) law(c *gin.Context) {
	nev, err := evidenceParam(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	ls, err := s.g.Laws(c.Request.Context(), "")
	if err != nil {
		s.fail(c, err)
		return
	}
	id := corpus.LawID(c.Param("id"))
	for _, p := range corpus.MergeLaws(ls) {
		if p.ID == id {
			one := []lawView{s.lawView(p)}
			capLaws(one, nev)
			c.JSON(http.StatusOK, one[0])
			return
		}
	}
	s.fail(c, notFound("Das Gesetz „%s“ gibt es nicht", clip(string(id))))
}
