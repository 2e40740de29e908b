package answer

import (
	"context"
	"sync"

	"github.com/laendergraph/laendergraph/corpus"
)

// Generational is Knowledge that tells when it changes: Generation returns a
// number that changes with every write (graph.Store's, through the API's
// adapter).
type Generational interface {
	Generation() uint64
}

// memo keeps what meeting and chair questions derive from the whole graph,
// for one generation of the knowledge: the merged meetings and chair terms
// (each a copy of every record), the chair calendar of each series (the
// periods of its lineage's terms), and the Länder each quoted sentence
// names. Questions share them read-only; a write moves the generation on and
// the next question derives them again. Knowledge that is not Generational
// is read for every question.
type memo struct {
	mu        sync.Mutex
	gen       uint64
	ok        bool
	ms        []corpus.Meeting
	terms     []corpus.ChairTerm
	calendars map[corpus.SeriesID]*corpus.ChairCalendar
	lands     map[string][]corpus.LandCode
}

// meetingData is the memo of one generation, or what one question read.
type meetingData struct {
	ms    []corpus.Meeting
	terms []corpus.ChairTerm
	m     *memo // nil: not kept
	gen   uint64
}

// meetingData returns the merged meetings and chair terms, from the memo
// when it holds the knowledge's generation.
func (e *Engine) meetingData(ctx context.Context) (meetingData, error) {
	g, ok := e.k.(Generational)
	if !ok {
		ms, terms, err := e.meetings(ctx)
		return meetingData{ms: ms, terms: terms}, err
	}
	gen := g.Generation()
	m := &e.memo
	m.mu.Lock()
	if m.ok && m.gen == gen {
		d := meetingData{ms: m.ms, terms: m.terms, m: m, gen: gen}
		m.mu.Unlock()
		return d, nil
	}
	m.mu.Unlock()
	ms, terms, err := e.meetings(ctx)
	if err != nil {
		return meetingData{}, err
	}
	if g.Generation() != gen {
		return meetingData{ms: ms, terms: terms}, nil // a write came between: not kept
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.ok || m.gen != gen {
		m.ok, m.gen, m.ms, m.terms = true, gen, ms, terms
		m.calendars, m.lands = map[corpus.SeriesID]*corpus.ChairCalendar{}, map[string][]corpus.LandCode{}
	}
	return meetingData{ms: m.ms, terms: m.terms, m: m, gen: gen}, nil
}

// calendar returns the chair calendar of series s, built once per
// generation (per question when not kept).
func (d *meetingData) calendar(s corpus.SeriesID, local map[corpus.SeriesID]*corpus.ChairCalendar) *corpus.ChairCalendar {
	if d.m != nil {
		d.m.mu.Lock()
		defer d.m.mu.Unlock()
		if d.m.ok && d.m.gen == d.gen {
			local = d.m.calendars
		}
	}
	c := local[s]
	if c == nil {
		c = corpus.NewChairCalendar(d.terms, s)
		local[s] = c
	}
	return c
}

// landsIn returns the Länder a quote names, read once per generation (per
// question when not kept, through local).
func (d *meetingData) landsIn(p *parser, quote string, local map[string][]corpus.LandCode) []corpus.LandCode {
	if d.m != nil {
		d.m.mu.Lock()
		if d.m.ok && d.m.gen == d.gen {
			lands, ok := d.m.lands[quote]
			d.m.mu.Unlock()
			if !ok {
				lands = p.landsIn(quote)
				d.m.mu.Lock()
				if d.m.ok && d.m.gen == d.gen {
					d.m.lands[quote] = lands
				}
				d.m.mu.Unlock()
			}
			return lands
		}
		d.m.mu.Unlock()
	}
	lands, ok := local[quote]
	if !ok {
		lands = p.landsIn(quote)
		local[quote] = lands
	}
	return lands
}

// Prepare derives what meeting and chair questions share for the
// knowledge's current generation (merged meetings, chair terms, the
// calendar of every registered series), so that the first question after a
// write does not; the API runs it in the background after each write.
func (e *Engine) Prepare(ctx context.Context) error {
	d, err := e.meetingData(ctx)
	if err != nil {
		return err
	}
	local := map[corpus.SeriesID]*corpus.ChairCalendar{}
	for _, s := range corpus.AllSeries() {
		d.calendar(s.ID, local)
	}
	return nil
}
