package api

import (
	"net/http"
	"slices"

	"github.com/gin-gonic/gin"

	"github.com/laendergraph/laendergraph/answer"
	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/graph"
)

// topicSummary is a topic in the list of topics.
type topicSummary struct {
	ID        corpus.TopicID `json:"id"`
	Label     string         `json:"label"`
	Synonyms  []string       `json:"synonyms"`
	Broader   corpus.TopicID `json:"broader,omitempty"`
	Laender   int            `json:"laender"`
	Documents int            `json:"documents"`
}

// topics lists the thesaurus with the number of Länder tied to each topic
// and the number of documents naming it.
func (s *server) topics(c *gin.Context) {
	ctx := c.Request.Context()
	lts, err := s.g.LandTopics(ctx, graph.FactFilter{})
	if err != nil {
		s.fail(c, err)
		return
	}
	tms, err := s.g.TopicMentions(ctx, "")
	if err != nil {
		s.fail(c, err)
		return
	}
	laender := map[corpus.TopicID]map[corpus.LandCode]bool{}
	for _, x := range lts {
		if laender[x.Topic] == nil {
			laender[x.Topic] = map[corpus.LandCode]bool{}
		}
		laender[x.Topic][x.Land] = true
	}
	docs := map[corpus.TopicID]map[corpus.DocID]bool{}
	for _, x := range tms {
		if docs[x.Topic] == nil {
			docs[x.Topic] = map[corpus.DocID]bool{}
		}
		docs[x.Topic][x.Evidence.Doc] = true
	}
	out := []topicSummary{}
	for _, t := range s.th.All() {
		out = append(out, topicSummary{
			ID: t.ID, Label: t.Label, Synonyms: nonNil(t.Synonyms), Broader: t.Broader,
			Laender: len(laender[t.ID]), Documents: len(docs[t.ID]),
		})
	}
	c.JSON(http.StatusOK, gin.H{"topics": out})
}

// topicProfile is the JSON of /api/v1/topics/{id}.
type topicProfile struct {
	ID       corpus.TopicID    `json:"id"`
	Label    string            `json:"label"`
	Synonyms []string          `json:"synonyms"`
	Broader  *answer.TopicRef  `json:"broader"`
	Narrower []answer.TopicRef `json:"narrower"`
	Laender  []answer.Land     `json:"laender"`
	// Documents is a page of the documents naming the topic (limit,
	// cursor) of DocumentCount; NextCursor asks for the next one.
	DocumentCount int      `json:"document_count"`
	Documents     []docRef `json:"documents"`
	NextCursor    string   `json:"next_cursor,omitempty"`
}

// topic returns a topic with the Länder tied to it and the documents naming it.
func (s *server) topic(c *gin.Context) {
	ctx := c.Request.Context()
	id, ok := s.lookupTopic(c.Param("id"))
	if !ok {
		s.fail(c, notFound("Unbekanntes Thema „%s“", clip(c.Param("id"))))
		return
	}
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
	t, _ := s.th.Get(id)
	out := topicProfile{ID: t.ID, Label: t.Label, Synonyms: nonNil(t.Synonyms), Narrower: []answer.TopicRef{}, Laender: []answer.Land{}}
	if t.Broader != "" {
		b := s.views.TopicRef(t.Broader)
		out.Broader = &b
	}
	for _, n := range s.th.Narrower(id) {
		out.Narrower = append(out.Narrower, s.views.TopicRef(n))
	}
	lts, err := s.g.LandTopics(ctx, graph.FactFilter{Topic: id})
	if err != nil {
		s.fail(c, err)
		return
	}
	by := map[corpus.LandCode]*answer.Land{}
	for _, x := range lts {
		l := by[x.Land]
		if l == nil {
			ref := s.views.LandRef(x.Land)
			l = &answer.Land{Code: ref.Code, Name: ref.Name}
			by[x.Land] = l
		}
		if !slices.Contains(l.Relations, string(x.Relation)) {
			l.Relations = append(l.Relations, string(x.Relation))
		}
		l.Evidence = append(l.Evidence, x.Evidence)
	}
	codes := make([]corpus.LandCode, 0, len(by))
	for code := range by {
		codes = append(codes, code)
	}
	for _, code := range s.reg.SortCodes(codes) {
		l := *by[code]
		l.Evidence = answer.Evidence(l.Evidence)
		out.Laender = append(out.Laender, l)
	}
	tms, err := s.g.TopicMentions(ctx, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	docs := docRefs(tms, func(m corpus.TopicMention) corpus.Evidence { return m.Evidence })
	out.DocumentCount = len(docs)
	out.Documents, out.NextCursor = pageOf(docs, w)
	capLands(out.Laender, nev)
	capDocRefs(out.Documents, nev)
	c.JSON(http.StatusOK, out)
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}
