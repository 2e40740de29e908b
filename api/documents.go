package api

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/laendergraph/laendergraph/answer"
	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/graph"
	"github.com/laendergraph/laendergraph/search"
)

// documents lists the documents' metadata, ordered by file, a page at a time.
func (s *server) documents(c *gin.Context) {
	w, err := pageParams(c, defaultListLimit)
	if err != nil {
		s.fail(c, err)
		return
	}
	docs, err := s.g.Documents(c.Request.Context())
	if err != nil {
		s.fail(c, err)
		return
	}
	page, next := pageOf(docs, w)
	out := make([]docView, 0, len(page))
	for _, d := range page {
		out = append(out, viewDoc(d))
	}
	res := listPage("documents", out, len(docs), next)
	res["limit"], res["offset"] = w.limit, w.offset
	c.JSON(http.StatusOK, res)
}

// documentFacts is everything the graph holds from one document.
type documentFacts struct {
	Mentions      []corpus.Mention        `json:"mentions"`
	TopicMentions []corpus.TopicMention   `json:"topic_mentions"`
	LandTopics    []corpus.LandTopic      `json:"land_topics"`
	Meetings      []corpus.MeetingMention `json:"meetings"`
	Chairs        []corpus.ChairTerm      `json:"chairs"`
	Strategies    []corpus.Strategy       `json:"strategies"`
	People        []corpus.Person         `json:"people"`
	Organisations []corpus.Organisation   `json:"organisations"`
	Laws          []corpus.Law            `json:"laws"`
}

// documentDetail is the JSON of /api/v1/documents/{id}.
type documentDetail struct {
	docView
	// DuplicatedBy lists the documents that repeat this one.
	DuplicatedBy []corpus.DocID `json:"duplicated_by"`
	Facts        documentFacts  `json:"facts"`
}

// document returns the metadata of one document and every fact drawn from it.
func (s *server) document(c *gin.Context) {
	ctx := c.Request.Context()
	id := corpus.DocID(c.Param("id"))
	d, err := s.g.Document(ctx, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	out := documentDetail{docView: viewDoc(d), DuplicatedBy: []corpus.DocID{}}
	docs, err := s.g.Documents(ctx)
	if err != nil {
		s.fail(c, err)
		return
	}
	for _, x := range docs {
		if x.DuplicateOf == id {
			out.DuplicatedBy = append(out.DuplicatedBy, x.ID)
		}
	}
	if out.Facts, err = s.factsOf(ctx, id); err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, out)
}

// factsOf returns the facts drawn from document id.
func (s *server) factsOf(ctx context.Context, id corpus.DocID) (documentFacts, error) {
	var f documentFacts
	mentions, err := s.g.Mentions(ctx, "")
	if err != nil {
		return f, err
	}
	f.Mentions = fromDoc(mentions, id, func(x corpus.Mention) corpus.Evidence { return x.Evidence })
	tms, err := s.g.TopicMentions(ctx, "")
	if err != nil {
		return f, err
	}
	f.TopicMentions = fromDoc(tms, id, func(x corpus.TopicMention) corpus.Evidence { return x.Evidence })
	lts, err := s.g.LandTopics(ctx, graph.FactFilter{})
	if err != nil {
		return f, err
	}
	f.LandTopics = fromDoc(lts, id, func(x corpus.LandTopic) corpus.Evidence { return x.Evidence })
	ms, err := s.g.MeetingMentions(ctx)
	if err != nil {
		return f, err
	}
	f.Meetings = fromDoc(ms, id, func(x corpus.MeetingMention) corpus.Evidence { return x.Evidence })
	cts, err := s.g.ChairTerms(ctx)
	if err != nil {
		return f, err
	}
	f.Chairs = fromDoc(cts, id, func(x corpus.ChairTerm) corpus.Evidence { return x.Evidence })
	ss, err := s.g.Strategies(ctx, "")
	if err != nil {
		return f, err
	}
	f.Strategies = fromDoc(ss, id, func(x corpus.Strategy) corpus.Evidence { return x.Evidence })
	ps, err := s.g.People(ctx, "")
	if err != nil {
		return f, err
	}
	f.People = fromDoc(ps, id, func(x corpus.Person) corpus.Evidence { return x.Evidence })
	stmts, err := s.g.Organisations(ctx, "")
	if err != nil {
		return f, err
	}
	f.Organisations = fromDoc(stmts, id, func(x corpus.Organisation) corpus.Evidence { return x.Evidence })
	ls, err := s.g.Laws(ctx, "")
	if err != nil {
		return f, err
	}
	f.Laws = fromDoc(ls, id, func(x corpus.Law) corpus.Evidence { return x.Evidence })
	return f, nil
}

// fromDoc returns the facts whose evidence is in document id, never nil.
func fromDoc[T any](xs []T, id corpus.DocID, evidence func(T) corpus.Evidence) []T {
	out := []T{}
	for _, x := range xs {
		if evidence(x).Doc == id {
			out = append(out, x)
		}
	}
	return out
}

// docView is a document's metadata as the API shows it: answer.Doc, and
// "demo": true for a document of the embedded demo corpus.
type docView struct {
	answer.Doc
	Demo bool `json:"demo,omitempty"`
}

func viewDoc(d corpus.Document) docView { return docView{Doc: answer.DocOf(d), Demo: d.Demo} }

// hitView is a search hit as the API shows it.
type hitView struct {
	Doc        docView  `json:"doc"`
	Score      float64  `json:"score"`
	Highlights []string `json:"highlights"`
}

func viewHit(h search.Hit) hitView {
	v := answer.HitOf(h)
	return hitView{Doc: docView{Doc: v.Doc, Demo: h.Doc.Demo}, Score: v.Score, Highlights: v.Highlights}
}
