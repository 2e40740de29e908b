package api

import (
	"cmp"
	"context"
	"net/http"
	"slices"
	"strings"
	"sync"

	"github.com/gin-gonic/gin"

	"github.com/laendergraph/laendergraph/answer"
	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/graph"
)

// mergedMeetings returns the graph's merged meetings that f selects, ordered
// by date (undated last), with the chair terms. They are read and sorted
// once per generation of a Generational graph; callers must not change
// them.
func (s *server) mergedMeetings(ctx context.Context, f graph.MeetingFilter) ([]corpus.Meeting, []corpus.ChairTerm, error) {
	all, terms, err := s.meetingsMemo.get(ctx, s.g)
	if err != nil {
		return nil, nil, err
	}
	if f == (graph.MeetingFilter{}) {
		return all, terms, nil
	}
	// Filtering the sorted list gives what sorting the filtered one would:
	// the sort is stable.
	ms := []corpus.Meeting{}
	for _, m := range all {
		if (f.Series == "" || m.Series == f.Series) && (f.Year == 0 || m.Start.Year() == f.Year) &&
			(f.Land == "" || slices.Contains(m.Hosts, f.Land) || slices.Contains(m.Chairs, f.Land) || slices.Contains(m.Participants, f.Land)) {
			ms = append(ms, m)
		}
	}
	return ms, terms, nil
}

// meetingsMemo keeps the merged meetings, sorted by date, and the chair
// terms of one generation of the graph.
type meetingsMemo struct {
	mu    sync.Mutex
	gen   uint64
	ok    bool
	ms    []corpus.Meeting
	terms []corpus.ChairTerm
}

// get returns the sorted meetings and the chair terms of g as it is.
func (mm *meetingsMemo) get(ctx context.Context, g Graph) ([]corpus.Meeting, []corpus.ChairTerm, error) {
	gg, generational := g.(Generational)
	var gen uint64
	if generational {
		gen = gg.Generation()
		mm.mu.Lock()
		if mm.ok && mm.gen == gen {
			ms, terms := mm.ms, mm.terms
			mm.mu.Unlock()
			return ms, terms, nil
		}
		mm.mu.Unlock()
	}
	ms, err := g.Meetings(ctx, graph.MeetingFilter{})
	if err != nil {
		return nil, nil, err
	}
	terms, err := g.ChairTerms(ctx)
	if err != nil {
		return nil, nil, err
	}
	slices.SortStableFunc(ms, func(a, b corpus.Meeting) int {
		return cmp.Or(cmp.Compare(undated(a), undated(b)), cmp.Compare(a.Start, b.Start), cmp.Compare(a.ID, b.ID))
	})
	if generational && gg.Generation() == gen {
		mm.mu.Lock()
		mm.ok, mm.gen, mm.ms, mm.terms = true, gen, ms, terms
		mm.mu.Unlock()
	}
	return ms, terms, nil
}

// undated is 1 for a meeting without a known start, so that it sorts last.
func undated(m corpus.Meeting) int {
	if m.Start.Known() {
		return 0
	}
	return 1
}

// meetings lists the merged meetings by date, optionally of one series (by
// id or name) and one year.
func (s *server) meetings(c *gin.Context) {
	w, err := pageParams(c, defaultListLimit)
	if err != nil {
		s.fail(c, err)
		return
	}
	nev, err := listEvidenceParam(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	year, err := intParam(c, "year", 0, 1900, 2100)
	if err != nil {
		s.fail(c, err)
		return
	}
	var series corpus.SeriesID
	if v, err := shortParam(c, "series"); err != nil {
		s.fail(c, err)
		return
	} else if v != "" {
		id, ok := lookupSeries(v)
		if !ok {
			s.fail(c, invalid("Unbekannte Treffenreihe „%s“", clip(v)))
			return
		}
		series = id
	}
	sel, _, err := s.mergedMeetings(c.Request.Context(), graph.MeetingFilter{Series: series, Year: year})
	if err != nil {
		s.fail(c, err)
		return
	}
	page, next := pageOf(sel, w)
	views := s.views.Meetings(page)
	capMeetings(views, nev)
	c.JSON(http.StatusOK, listPage("meetings", views, len(sel), next))
}

// meeting returns one merged meeting.
func (s *server) meeting(c *gin.Context) {
	nev, err := evidenceParam(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	ms, _, err := s.mergedMeetings(c.Request.Context(), graph.MeetingFilter{})
	if err != nil {
		s.fail(c, err)
		return
	}
	id := corpus.MeetingID(c.Param("id"))
	for _, m := range ms {
		if m.ID == id {
			v := s.views.Meeting(m)
			capMeeting(&v, nev)
			c.JSON(http.StatusOK, v)
			return
		}
	}
	s.fail(c, notFound("Das Treffen „%s“ gibt es nicht", clip(string(id))))
}

// seriesSummary is a series in the list of series.
type seriesSummary struct {
	ID          corpus.SeriesID   `json:"id"`
	Label       string            `json:"label"`
	Aliases     []string          `json:"aliases"`
	Since       int               `json:"since,omitempty"`
	Description string            `json:"description,omitempty"`
	Continues   *corpus.SeriesID  `json:"continues"`
	ContinuedBy []corpus.SeriesID `json:"continued_by"`
	Meetings    int               `json:"meeting_count"`
	ChairTerms  int               `json:"chair_term_count"`
}

// seriesProfile is the JSON of /api/v1/series/{id}.
type seriesProfile struct {
	seriesSummary
	// Chairs are the chair terms of the series over time, earliest first.
	Chairs      []answer.ChairTerm `json:"chairs"`
	MeetingList []answer.Meeting   `json:"meetings"`
}

func summarizeSeries(sr corpus.Series, ms []corpus.Meeting, terms []corpus.ChairTerm) seriesSummary {
	out := seriesSummary{ID: sr.ID, Label: sr.Label, Aliases: nonNil(sr.Aliases), Since: sr.Since, Description: sr.Description, ContinuedBy: []corpus.SeriesID{}}
	if sr.Continues != "" {
		c := sr.Continues
		out.Continues = &c
	}
	for _, o := range corpus.AllSeries() {
		if o.Continues == sr.ID {
			out.ContinuedBy = append(out.ContinuedBy, o.ID)
		}
	}
	for _, m := range ms {
		if m.Series == sr.ID {
			out.Meetings++
		}
	}
	for _, t := range terms {
		if t.Series == sr.ID {
			out.ChairTerms++
		}
	}
	return out
}

// seriesList lists the meeting series.
func (s *server) seriesList(c *gin.Context) {
	ms, terms, err := s.mergedMeetings(c.Request.Context(), graph.MeetingFilter{})
	if err != nil {
		s.fail(c, err)
		return
	}
	out := []seriesSummary{}
	for _, sr := range corpus.AllSeries() {
		out = append(out, summarizeSeries(sr, ms, terms))
	}
	// bodies found by the form of their name: listed once they have a
	// meeting or a chair term
	seen := map[corpus.SeriesID]bool{}
	var found []corpus.SeriesID
	add := func(id corpus.SeriesID) {
		if _, builtin := corpus.SeriesByID(id); !builtin && id != "" && !seen[id] {
			seen[id] = true
			found = append(found, id)
		}
	}
	for _, m := range ms {
		add(m.Series)
	}
	for _, t := range terms {
		add(t.Series)
	}
	slices.Sort(found)
	for _, id := range found {
		out = append(out, summarizeSeries(corpus.Series{ID: id, Label: corpus.SeriesLabel(id)}, ms, terms))
	}
	c.JSON(http.StatusOK, gin.H{"series": out})
}

// series returns a series with its chairs over time and its meetings.
func (s *server) series(c *gin.Context) {
	id, builtin := lookupSeries(c.Param("id"))
	if !builtin {
		id = corpus.SeriesID(strings.ToLower(c.Param("id"))) // a body found by its form
	}
	sr, ok := corpus.SeriesByID(id)
	if !ok {
		sr = corpus.Series{ID: id, Label: corpus.SeriesLabel(id)}
	}
	nev, err := evidenceParam(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	p, err := s.seriesMemo.get(c.Request.Context(), s.g, id, func() (*seriesProfile, error) {
		ms, terms, err := s.mergedMeetings(c.Request.Context(), graph.MeetingFilter{Series: id})
		if err != nil {
			return nil, err
		}
		if !builtin && !slices.ContainsFunc(ms, func(m corpus.Meeting) bool { return m.Series == id }) &&
			!slices.ContainsFunc(terms, func(t corpus.ChairTerm) bool { return t.Series == id }) {
			return nil, nil
		}
		out := seriesProfile{seriesSummary: summarizeSeries(sr, ms, terms), MeetingList: []answer.Meeting{}}
		var mine []corpus.ChairTerm
		for _, t := range terms {
			if t.Series == id {
				mine = append(mine, t)
			}
		}
		out.Chairs = s.views.ChairTerms(mine)
		for _, m := range ms {
			if m.Series == id {
				out.MeetingList = append(out.MeetingList, s.views.Meeting(m))
			}
		}
		return &out, nil
	})
	if err != nil {
		s.fail(c, err)
		return
	}
	if p == nil {
		s.fail(c, notFound("Unbekannte Treffenreihe „%s“", clip(c.Param("id"))))
		return
	}
	// A copy, capped: the profile is kept for the generation.
	out := *p
	out.Chairs = slices.Clone(p.Chairs)
	out.MeetingList = slices.Clone(p.MeetingList)
	for i := range out.MeetingList {
		out.MeetingList[i].Conflicts = slices.Clone(out.MeetingList[i].Conflicts)
	}
	capChairTerms(out.Chairs, nev)
	capMeetings(out.MeetingList, nev)
	c.JSON(http.StatusOK, out)
}

// seriesMemo keeps the uncapped profiles of the series asked for (nil for
// an unknown body), for one generation of a Generational graph.
type seriesMemo struct {
	mu   sync.Mutex
	gen  uint64
	byID map[corpus.SeriesID]*seriesProfile
}

// get returns the profile of series id for the graph as it is, computing
// it with compute when it has none.
func (sm *seriesMemo) get(ctx context.Context, g Graph, id corpus.SeriesID, compute func() (*seriesProfile, error)) (*seriesProfile, error) {
	gg, ok := g.(Generational)
	if !ok {
		return compute()
	}
	gen := gg.Generation()
	sm.mu.Lock()
	if p, ok := sm.byID[id]; ok && sm.gen == gen {
		sm.mu.Unlock()
		return p, nil
	}
	sm.mu.Unlock()
	p, err := compute()
	if err != nil || gg.Generation() != gen {
		return p, err
	}
	sm.mu.Lock()
	if sm.gen != gen || sm.byID == nil {
		sm.gen, sm.byID = gen, map[corpus.SeriesID]*seriesProfile{}
	}
	if len(sm.byID) < maxSeriesKept {
		sm.byID[id] = p
	}
	sm.mu.Unlock()
	return p, ctx.Err()
}

// maxSeriesKept bounds the series profiles kept per generation (bodies
// found by their form are many).
const maxSeriesKept = 64
