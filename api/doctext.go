package api

import (
	"cmp"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/laendergraph/laendergraph/corpus"
)

// spanFact is one fact drawn from an evidence span, described in German.
type spanFact struct {
	// Kind is "land", "topic", "land_topic", "meeting", "chair",
	// "strategy" or "person".
	Kind string `json:"kind"`
	// Label describes the fact: "Baden-Württemberg – Cyberwehr (hat)".
	Label string `json:"label"`
	// Nodes are the graph nodes the fact ties ("land:BW", "topic:ki").
	Nodes []string `json:"nodes"`
}

// evidenceSpan is a sentence of the text with the facts drawn from it.
type evidenceSpan struct {
	// Span is the start and end in code points of the text, end exclusive.
	Span  [2]int     `json:"span"`
	Quote string     `json:"quote"`
	Facts []spanFact `json:"facts"`
}

// documentText is the JSON of /api/v1/documents/{id}/text.
type documentText struct {
	Document docView `json:"document"`
	Text     string  `json:"text"`
	// Evidence lists the spans facts were drawn from, in text order.
	Evidence []evidenceSpan `json:"evidence"`
	// Marks are the spans the query q matches (code points), empty without q.
	Marks [][2]int      `json:"marks"`
	Facts documentFacts `json:"facts"`
}

// relationLabels names the relations of Land–topic facts in German.
var relationLabels = map[corpus.Relation]string{
	corpus.RelHas:      "hat",
	corpus.RelAdopted:  "beschlossen",
	corpus.RelStrategy: "in der Strategie",
}

// documentText returns the stored text of a document, the evidence spans of
// its facts and the places the optional query q matches.
func (s *server) documentText(c *gin.Context) {
	ctx := c.Request.Context()
	id := corpus.DocID(c.Param("id"))
	q, err := queryParam(c, "q")
	if err != nil {
		s.fail(c, err)
		return
	}
	d, err := s.g.Document(ctx, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	t, err := s.ix.Text(ctx, id, q)
	if err != nil {
		s.fail(c, fmt.Errorf("document %s: %w", id, err))
		return
	}
	facts, err := s.factsOf(ctx, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	out := documentText{Document: viewDoc(d), Text: t.Text, Marks: nonNil(t.Marks), Facts: facts}
	out.Evidence = s.evidenceSpans(facts, len([]rune(t.Text)))
	c.JSON(http.StatusOK, out)
}

// evidenceSpans groups the facts of a document by their evidence span, in
// text order; spans outside a text of n code points are left out.
func (s *server) evidenceSpans(f documentFacts, n int) []evidenceSpan {
	bySpan := map[[2]int]*evidenceSpan{}
	add := func(e corpus.Evidence, fact spanFact) {
		if e.Span[0] < 0 || e.Span[1] > n || e.Span[0] >= e.Span[1] {
			return
		}
		es := bySpan[e.Span]
		if es == nil {
			es = &evidenceSpan{Span: e.Span, Quote: e.Quote}
			bySpan[e.Span] = es
		}
		for _, x := range es.Facts {
			if x.Label == fact.Label {
				return
			}
		}
		es.Facts = append(es.Facts, fact)
	}
	land := func(c corpus.LandCode) string { return s.views.LandRef(c).Name }
	topic := func(t corpus.TopicID) string { return s.views.TopicRef(t).Label }
	for _, m := range f.Mentions {
		add(m.Evidence, spanFact{Kind: "land", Label: "nennt " + land(m.Land), Nodes: []string{"land:" + string(m.Land)}})
	}
	for _, m := range f.TopicMentions {
		add(m.Evidence, spanFact{Kind: "topic", Label: "Thema " + topic(m.Topic), Nodes: []string{"topic:" + string(m.Topic)}})
	}
	for _, lt := range f.LandTopics {
		rel := cmp.Or(relationLabels[lt.Relation], string(lt.Relation))
		add(lt.Evidence, spanFact{Kind: "land_topic", Label: fmt.Sprintf("%s – %s (%s)", land(lt.Land), topic(lt.Topic), rel),
			Nodes: []string{"land:" + string(lt.Land), "topic:" + string(lt.Topic)}})
	}
	for _, m := range f.Meetings {
		parts := []string{seriesLabel(m.Series)}
		if m.Ordinal > 0 {
			parts[0] = fmt.Sprintf("%d. %s", m.Ordinal, parts[0])
		}
		if m.Start != "" {
			parts = append(parts, string(m.Start))
		}
		if m.Place != "" {
			parts = append(parts, m.Place)
		}
		add(m.Evidence, spanFact{Kind: "meeting", Label: "Treffen: " + strings.Join(parts, ", "), Nodes: []string{"series:" + string(m.Series)}})
	}
	for _, ct := range f.Chairs {
		var names []string
		nodes := []string{"series:" + string(ct.Series)}
		for _, l := range ct.Lands {
			names = append(names, land(l))
			nodes = append(nodes, "land:"+string(l))
		}
		label := fmt.Sprintf("Vorsitz %s: %s", seriesLabel(ct.Series), strings.Join(names, ", "))
		if ct.From != "" || ct.To != "" {
			label += fmt.Sprintf(" (%s – %s)", cmp.Or(string(ct.From), "?"), cmp.Or(string(ct.To), "?"))
		}
		add(ct.Evidence, spanFact{Kind: "chair", Label: label, Nodes: nodes})
	}
	for _, st := range f.Strategies {
		label := "Strategie: " + st.Title
		if st.Year > 0 {
			label += fmt.Sprintf(" (%d)", st.Year)
		}
		add(st.Evidence, spanFact{Kind: "strategy", Label: label, Nodes: []string{"strategy:" + string(st.ID), "land:" + string(st.Land)}})
	}
	for _, p := range f.People {
		label := "Person: " + p.Name
		if p.Role != "" {
			label += ", " + p.Role
		}
		nodes := []string{"person:" + string(p.ID)}
		if p.Land != "" {
			nodes = append(nodes, "land:"+string(p.Land))
		}
		add(p.Evidence, spanFact{Kind: "person", Label: label, Nodes: nodes})
	}
	for _, o := range f.Organisations {
		label := "Organisation: " + o.Name
		if r := orgRelationLabels[o.Relation]; r != "" {
			label += ", " + r
		}
		if o.Person != "" {
			label += " " + o.Person
		}
		if o.By != "" && o.Relation != corpus.OrgNamed {
			label += " (" + land(o.By) + ")"
		}
		if o.Date != "" {
			label += " " + string(o.Date)
		}
		nodes := []string{"org:" + string(o.ID)}
		for _, l := range []corpus.LandCode{o.Land, o.By} {
			if l != "" && !slices.Contains(nodes, "land:"+string(l)) {
				nodes = append(nodes, "land:"+string(l))
			}
		}
		add(o.Evidence, spanFact{Kind: "organisation", Label: label, Nodes: nodes})
	}
	for _, l := range f.Laws {
		label := "Gesetz: " + l.Title
		if r := lawRelationLabels[l.Relation]; r != "" {
			label += ", " + r
		}
		if l.Date != "" {
			label += " " + string(l.Date)
		}
		nodes := []string{"law:" + string(l.ID)}
		if l.Land != "" {
			nodes = append(nodes, "land:"+string(l.Land))
		}
		add(l.Evidence, spanFact{Kind: "law", Label: label, Nodes: nodes})
	}
	out := make([]evidenceSpan, 0, len(bySpan))
	for _, es := range bySpan {
		out = append(out, *es)
	}
	slices.SortFunc(out, func(a, b evidenceSpan) int {
		return cmp.Or(cmp.Compare(a.Span[0], b.Span[0]), cmp.Compare(a.Span[1], b.Span[1]))
	})
	return out
}

// orgRelationLabels and lawRelationLabels say the relations in German.
var (
	orgRelationLabels = map[corpus.OrgRelation]string{
		corpus.OrgFounded: "gegründet", corpus.OrgHeaded: "geleitet von", corpus.OrgMember: "Mitglied",
		corpus.OrgFunds: "gefördert", corpus.OrgRuns: "betrieben",
	}
	lawRelationLabels = map[corpus.LawRelation]string{
		corpus.LawPassed: "beschlossen", corpus.LawInForce: "in Kraft", corpus.LawDrafted: "Entwurf", corpus.LawAmended: "geändert",
	}
)

// seriesLabel names a meeting series by the registry, or by its id.
func seriesLabel(id corpus.SeriesID) string { return corpus.SeriesLabel(id) }
