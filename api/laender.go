package api

import (
	"cmp"
	"context"
	"net/http"
	"slices"
	"sync"

	"github.com/gin-gonic/gin"

	"github.com/laendergraph/laendergraph/answer"
	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/graph"
)

// landSummary is a Land in the list of Länder.
type landSummary struct {
	Code      corpus.LandCode `json:"code"`
	Name      string          `json:"name"`
	Documents int             `json:"documents"`
	Facts     int             `json:"facts"`
}

// laender lists the 16 Länder with the number of documents naming each and
// the number of facts about each.
func (s *server) laender(c *gin.Context) {
	ctx := c.Request.Context()
	docs, err := s.g.Documents(ctx)
	if err != nil {
		s.fail(c, err)
		return
	}
	lts, err := s.g.LandTopics(ctx, graph.FactFilter{})
	if err != nil {
		s.fail(c, err)
		return
	}
	ss, err := s.g.Strategies(ctx, "")
	if err != nil {
		s.fail(c, err)
		return
	}
	ps, err := s.g.People(ctx, "")
	if err != nil {
		s.fail(c, err)
		return
	}
	facts := map[corpus.LandCode]int{}
	for _, x := range lts {
		facts[x.Land]++
	}
	for _, x := range ss {
		facts[x.Land]++
	}
	for _, x := range ps {
		facts[x.Land]++
	}
	docCount := map[corpus.LandCode]int{}
	for _, d := range docs {
		for _, code := range landsOf(d) {
			docCount[code]++
		}
	}
	out := make([]landSummary, 0, 16)
	for _, l := range s.reg.All() {
		out = append(out, landSummary{Code: l.Code, Name: l.Name, Documents: docCount[l.Code], Facts: facts[l.Code]})
	}
	c.JSON(http.StatusOK, gin.H{"laender": out})
}

// landsOf returns the Länder a document is by or names.
func landsOf(d corpus.Document) []corpus.LandCode {
	out := slices.Clone(d.Laender)
	if d.Land != "" && !slices.Contains(out, d.Land) {
		out = append(out, d.Land)
	}
	return out
}

// landProfile is the JSON of /api/v1/laender/{code}.
type landProfile struct {
	Code       corpus.LandCode    `json:"code"`
	Name       string             `json:"name"`
	Strategies []answer.Strategy  `json:"strategies"`
	People     []answer.Person    `json:"people"`
	Topics     []answer.Topic     `json:"topics"`
	Meetings   []landMeeting      `json:"meetings"`
	Chairs     []answer.ChairTerm `json:"chairs"`
	// Organisations are the Land's own and those it founded, joined,
	// funds or runs; Laws are the Land's.
	Organisations []organisationView `json:"organisations"`
	Laws          []lawView          `json:"laws"`
	DocumentCount int                `json:"document_count"`
	// Documents is a page of the documents naming the Land (limit, cursor);
	// NextCursor asks for the next one.
	Documents  []docRef `json:"documents"`
	NextCursor string   `json:"next_cursor,omitempty"`
}

// landMeeting is a meeting in a Land's profile with the Land's part in it:
// "host", "chair" or "participant" (the first that applies); Roles lists all.
type landMeeting struct {
	answer.Meeting
	As    string   `json:"as"`
	Roles []string `json:"roles"`
}

// docRef names a document and where it speaks of the thing at hand.
type docRef struct {
	ID       corpus.DocID      `json:"id"`
	File     string            `json:"file"`
	Title    string            `json:"title"`
	Source   string            `json:"source"`
	Date     corpus.Date       `json:"date"`
	Evidence []corpus.Evidence `json:"evidence"`
	// EvidenceCount: see answer.Land.
	EvidenceCount int `json:"evidence_count,omitempty"`
}

// land returns the profile of one Land, named by code or name.
func (s *server) land(c *gin.Context) {
	ctx := c.Request.Context()
	code, ok := s.lookupLand(c.Param("code"))
	if !ok {
		s.fail(c, notFound("Unbekanntes Land „%s“", clip(c.Param("code"))))
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
	p, err := s.profiles.get(ctx, code, s.g, func() (*landProfile, error) { return s.landProfile(ctx, code) })
	if err != nil {
		s.fail(c, err)
		return
	}
	out := p.capped(w, nev)
	c.JSON(http.StatusOK, out)
}

// landProfile computes the whole profile of a Land: every document naming
// it, and all evidence of each record; the handler pages and caps a copy.
func (s *server) landProfile(ctx context.Context, code corpus.LandCode) (*landProfile, error) {
	l, _ := s.reg.Get(code)
	out := &landProfile{Code: code, Name: l.Name}

	ss, err := s.g.Strategies(ctx, code)
	if err != nil {
		return nil, err
	}
	out.Strategies = s.strategyViews(ss, code)

	// Every person and organisation statement, merged once for all
	// Länder: a person statement that names no Land joins the profile of
	// the Land its person belongs to.
	merged, err := s.mergedMemo.get(ctx, s.g)
	if err != nil {
		return nil, err
	}
	out.People = s.personViewsOf(merged.people, code)

	lts, err := s.g.LandTopics(ctx, graph.FactFilter{Land: code})
	if err != nil {
		return nil, err
	}
	out.Topics = s.landTopicViews(lts)

	ms, terms, err := s.mergedMeetings(ctx, graph.MeetingFilter{Land: code})
	if err != nil {
		return nil, err
	}
	out.Meetings = []landMeeting{}
	for _, m := range ms {
		var roles []string
		for _, r := range []struct {
			name  string
			lands []corpus.LandCode
		}{{"host", m.Hosts}, {"chair", m.Chairs}, {"participant", m.Participants}} {
			if slices.Contains(r.lands, code) {
				roles = append(roles, r.name)
			}
		}
		if len(roles) > 0 {
			out.Meetings = append(out.Meetings, landMeeting{Meeting: s.views.Meeting(m), As: roles[0], Roles: roles})
		}
	}
	var mine []corpus.ChairTerm
	for _, t := range terms {
		if slices.Contains(t.Lands, code) {
			mine = append(mine, t)
		}
	}
	out.Chairs = s.views.ChairTerms(mine)

	out.Organisations = s.organisationViewsOf(merged.organisations, code)
	laws, err := s.g.Laws(ctx, code)
	if err != nil {
		return nil, err
	}
	out.Laws = s.lawViews(laws, code)

	mentions, err := s.g.Mentions(ctx, code)
	if err != nil {
		return nil, err
	}
	out.Documents = docRefs(mentions, func(m corpus.Mention) corpus.Evidence { return m.Evidence })
	out.DocumentCount = len(out.Documents)
	return out, nil
}

// capped returns a copy of p with a page of its documents and the evidence
// of every record capped to nev; p stays unchanged.
func (p *landProfile) capped(w window, nev int) landProfile {
	out := *p
	out.Strategies = slices.Clone(p.Strategies)
	out.People = slices.Clone(p.People)
	out.Topics = slices.Clone(p.Topics)
	out.Meetings = slices.Clone(p.Meetings)
	for i := range out.Meetings {
		out.Meetings[i].Conflicts = slices.Clone(out.Meetings[i].Conflicts)
	}
	out.Chairs = slices.Clone(p.Chairs)
	out.Organisations = slices.Clone(p.Organisations)
	for i := range out.Organisations {
		out.Organisations[i].Statements = slices.Clone(out.Organisations[i].Statements)
	}
	out.Laws = slices.Clone(p.Laws)
	for i := range out.Laws {
		out.Laws[i].Statements = slices.Clone(out.Laws[i].Statements)
	}
	page, next := pageOf(p.Documents, w)
	out.Documents, out.NextCursor = slices.Clone(page), next
	capStrategies(out.Strategies, nev)
	capPeople(out.People, nev)
	capTopics(out.Topics, nev)
	for i := range out.Meetings {
		capMeeting(&out.Meetings[i].Meeting, nev)
	}
	capChairTerms(out.Chairs, nev)
	capOrganisations(out.Organisations, nev)
	capLaws(out.Laws, nev)
	capDocRefs(out.Documents, nev)
	return out
}

// Generational is a Graph that tells when it changes (graph.Store does):
// Generation returns a number that changes with every write.
type Generational interface {
	Generation() uint64
}

// profileCache keeps the Land profiles computed from one generation of the
// graph, so that a profile costs one pass over the Land's facts per change
// of the graph, not one per request. A graph that is not Generational is
// read on every request.
type profileCache struct {
	mu     sync.Mutex
	gen    uint64
	byCode map[corpus.LandCode]*landProfile
	// computing holds a channel per Land being computed; it is closed when
	// the computation ends, so that concurrent requests wait for one
	// computation instead of each doing it.
	computing map[corpus.LandCode]chan struct{}
}

// get returns the profile of code for the graph's current generation,
// computing it with compute when it has none. Concurrent requests for one
// Land wait for one computation, or until ctx ends.
func (pc *profileCache) get(ctx context.Context, code corpus.LandCode, g Graph, compute func() (*landProfile, error)) (*landProfile, error) {
	gg, ok := g.(Generational)
	if !ok {
		return compute()
	}
	for {
		gen := gg.Generation()
		pc.mu.Lock()
		if pc.gen != gen || pc.byCode == nil {
			pc.gen, pc.byCode = gen, map[corpus.LandCode]*landProfile{}
		}
		if p := pc.byCode[code]; p != nil {
			pc.mu.Unlock()
			return p, nil
		}
		if wait := pc.computing[code]; wait != nil {
			pc.mu.Unlock()
			select {
			case <-wait:
			case <-ctx.Done():
				return nil, ctx.Err()
			}
			continue
		}
		if pc.computing == nil {
			pc.computing = map[corpus.LandCode]chan struct{}{}
		}
		done := make(chan struct{})
		pc.computing[code] = done
		pc.mu.Unlock()

		p, err := compute()
		pc.mu.Lock()
		delete(pc.computing, code)
		close(done)
		if err == nil && pc.gen == gen {
			pc.byCode[code] = p
		}
		pc.mu.Unlock()
		return p, err
	}
}

// strategyViews merges the strategies of a Land, latest first.
func (s *server) strategyViews(ss []corpus.Strategy, code corpus.LandCode) []answer.Strategy {
	var mine []corpus.Strategy
	for _, x := range ss {
		if code == "" || x.Land == code {
			mine = append(mine, x)
		}
	}
	out := []answer.Strategy{}
	for _, p := range corpus.MergeStrategies(mine) {
		out = append(out, s.views.Strategy(p))
	}
	slices.SortStableFunc(out, func(a, b answer.Strategy) int {
		return cmp.Or(cmp.Compare(b.Year, a.Year), cmp.Compare(a.Title, b.Title))
	})
	return out
}

// personViews merges person statements and returns the profiles of a Land
// (every Land for code ""), by name. Merge them all first: a statement that
// names no Land joins the profile of the Land its person belongs to.
func (s *server) personViews(ps []corpus.Person, code corpus.LandCode) []answer.Person {
	return s.personViewsOf(corpus.MergePeople(ps), code)
}

// personViewsOf returns the merged profiles of a Land (every Land for code
// ""), by name.
func (s *server) personViewsOf(merged []corpus.PersonProfile, code corpus.LandCode) []answer.Person {
	out := []answer.Person{}
	for _, p := range merged {
		if code == "" || p.Land == code {
			out = append(out, s.views.Person(p))
		}
	}
	slices.SortStableFunc(out, func(a, b answer.Person) int { return cmp.Compare(a.Name, b.Name) })
	return out
}

// landTopicViews groups a Land's topic facts by topic and relation.
func (s *server) landTopicViews(lts []corpus.LandTopic) []answer.Topic {
	type key struct {
		t corpus.TopicID
		r corpus.Relation
	}
	by := map[key]*answer.Topic{}
	var keys []key
	for _, x := range lts {
		k := key{x.Topic, x.Relation}
		if by[k] == nil {
			by[k] = &answer.Topic{ID: x.Topic, Label: s.views.TopicRef(x.Topic).Label, Relation: x.Relation}
			keys = append(keys, k)
		}
		by[k].Evidence = append(by[k].Evidence, x.Evidence)
	}
	out := make([]answer.Topic, 0, len(keys))
	for _, k := range keys {
		t := *by[k]
		t.Evidence = answer.Evidence(t.Evidence)
		out = append(out, t)
	}
	slices.SortFunc(out, func(a, b answer.Topic) int {
		return cmp.Or(cmp.Compare(a.Label, b.Label), cmp.Compare(a.Relation, b.Relation))
	})
	return out
}

// docRefs groups evidence by document, ordered by file.
func docRefs[T any](xs []T, evidence func(T) corpus.Evidence) []docRef {
	by := map[corpus.DocID]*docRef{}
	for _, x := range xs {
		e := evidence(x)
		d := by[e.Doc]
		if d == nil {
			d = &docRef{ID: e.Doc, File: e.File, Title: e.Title, Source: e.Source, Date: e.Date}
			by[e.Doc] = d
		}
		d.Evidence = append(d.Evidence, e)
	}
	out := make([]docRef, 0, len(by))
	for _, d := range by {
		d.Evidence = answer.Evidence(d.Evidence)
		out = append(out, *d)
	}
	slices.SortFunc(out, func(a, b docRef) int { return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.ID, b.ID)) })
	return out
}

// merged is every person and organisation statement of the graph, merged
// by person and by organisation.
type merged struct {
	people        []corpus.PersonProfile
	organisations []corpus.OrganisationProfile
}

// mergedMemo keeps merged for one generation of a Generational graph: each
// of the 16 Land profiles picks its part from it, and merging all
// statements once instead of once a Land saves most of their cost.
type mergedMemo struct {
	mu  sync.Mutex
	gen uint64
	m   *merged
}

// get returns the merged statements of the graph as it is, merging them
// when it has none for its generation. It never returns those of an older
// generation: what is merged while a write lands is not kept.
func (mm *mergedMemo) get(ctx context.Context, g Graph) (*merged, error) {
	gg, ok := g.(Generational)
	var gen uint64
	if ok {
		gen = gg.Generation()
		mm.mu.Lock()
		m := mm.m
		if mm.gen != gen {
			m = nil
		}
		mm.mu.Unlock()
		if m != nil {
			return m, nil
		}
	}
	ps, err := g.People(ctx, "")
	if err != nil {
		return nil, err
	}
	stmts, err := g.Organisations(ctx, "")
	if err != nil {
		return nil, err
	}
	m := &merged{people: corpus.MergePeople(ps), organisations: corpus.MergeOrganisations(stmts)}
	if ok && gg.Generation() == gen {
		mm.mu.Lock()
		mm.gen, mm.m = gen, m
		mm.mu.Unlock()
	}
	return m, nil
}
