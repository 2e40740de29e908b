package answer

import (
	"context"
	"slices"
	"sync"

	"github.com/laendergraph/laendergraph/corpus"
)

// Generational is Knowledge that tells when it changes: Generation returns a
// number that changes with every write (graph.Store's, through the API's
// adapter).
type Generational interface {
	Generation() uint64
}

// memo keeps what questions derive from the whole graph, for one generation
// of the knowledge: the merged meetings and chair terms (each a copy of every
// record), the chair calendar of each series (the periods of its lineage's
// terms), the Länder each quoted sentence names, and the Länder tied to each
// topic asked about. Questions share them read-only; a write moves the
// generation on and the next question (or Prepare) derives them again.
// Knowledge that is not Generational is read for every question.
type memo struct {
	mu  sync.Mutex
	gen uint64
	set bool // gen is set and the maps below are made
	// meetings is set when ms and terms hold the generation's.
	meetings  bool
	ms        []corpus.Meeting
	terms     []corpus.ChairTerm
	calendars map[corpus.SeriesID]*corpus.ChairCalendar
	lands     map[string][]corpus.LandCode
	stems     map[corpus.MeetingID][]string
	topics    map[topicKey][]Land
	// asked lists the topic keys asked about most recently (at most
	// memoTopics, latest last), across generations: Prepare derives them
	// again after a write.
	asked []topicKey
}

// memoTopics is the number of topic answers kept and prepared again.
const memoTopics = 32

// topicKey names the Länder-with-a-topic answer of one question.
type topicKey struct {
	topic corpus.TopicID
	land  corpus.LandCode
	term  string
}

// at makes the memo hold generation gen, emptying it when it held another.
// The caller holds m.mu.
func (m *memo) at(gen uint64) {
	if m.set && m.gen == gen {
		return
	}
	m.set, m.gen, m.meetings, m.ms, m.terms = true, gen, false, nil, nil
	m.calendars, m.lands = map[corpus.SeriesID]*corpus.ChairCalendar{}, map[string][]corpus.LandCode{}
	m.stems = map[corpus.MeetingID][]string{}
	m.topics = map[topicKey][]Land{}
}

// meetingData is what meeting and chair questions read: from the memo of
// one generation, or read for one question.
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
	if m.set && m.gen == gen && m.meetings {
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
	m.at(gen)
	if !m.meetings {
		m.meetings, m.ms, m.terms = true, ms, terms
	}
	return meetingData{ms: m.ms, terms: m.terms, m: m, gen: gen}, nil
}

// calendar returns the chair calendar of series s, built once per
// generation (per question, in local, when not kept).
func (d *meetingData) calendar(s corpus.SeriesID, local map[corpus.SeriesID]*corpus.ChairCalendar) *corpus.ChairCalendar {
	if d.m != nil {
		d.m.mu.Lock()
		defer d.m.mu.Unlock()
		if d.m.set && d.m.gen == d.gen {
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
// question, in local, when not kept).
func (d *meetingData) landsIn(p *parser, quote string, local map[string][]corpus.LandCode) []corpus.LandCode {
	return kept(d, func(m *memo) map[string][]corpus.LandCode { return m.lands }, local, quote, func() []corpus.LandCode { return p.landsIn(quote) })
}

// stemsOf returns the stems of a meeting's series, sentences and the
// titles of their documents (meetingTextStems), read once per generation (per
// question, in local, when not kept): a question that names no series
// matches its words against every meeting of its year.
func (d *meetingData) stemsOf(m corpus.Meeting, local map[corpus.MeetingID][]string) []string {
	return kept(d, func(m *memo) map[corpus.MeetingID][]string { return m.stems }, local, m.ID, func() []string { return meetingTextStems(m) })
}

// kept returns the value of key in the map of d's memo that of picks,
// derived once per generation, or (when d is not kept) in local, per
// question. derive runs without the memo's lock.
func kept[K comparable, V any](d *meetingData, of func(*memo) map[K]V, local map[K]V, key K, derive func() V) V {
	if d.m != nil {
		d.m.mu.Lock()
		if d.m.set && d.m.gen == d.gen {
			v, ok := of(d.m)[key]
			d.m.mu.Unlock()
			if !ok {
				v = derive()
				d.m.mu.Lock()
				if d.m.set && d.m.gen == d.gen {
					of(d.m)[key] = v
				}
				d.m.mu.Unlock()
			}
			return v
		}
		d.m.mu.Unlock()
	}
	v, ok := local[key]
	if !ok {
		v = derive()
		local[key] = v
	}
	return v
}

// topicLaender returns the Länder that facts tie to the topic (or a
// narrower one), of land when set, with the evidence naming term when set:
// from the memo when it holds the answer for the knowledge's generation.
// The caller may change the slice and the fields of its elements, not the
// evidence they share.
func (e *Engine) topicLaender(ctx context.Context, k topicKey) ([]Land, error) {
	g, ok := e.k.(Generational)
	if !ok {
		return e.topicLaenderNow(ctx, k)
	}
	gen := g.Generation()
	m := &e.memo
	m.mu.Lock()
	m.remember(k)
	if m.set && m.gen == gen {
		if ls, ok := m.topics[k]; ok {
			m.mu.Unlock()
			return slices.Clone(ls), nil
		}
	}
	m.mu.Unlock()
	ls, err := e.topicLaenderNow(ctx, k)
	if err != nil || g.Generation() != gen {
		return ls, err
	}
	m.mu.Lock()
	m.at(gen)
	m.topics[k] = ls
	m.mu.Unlock()
	return slices.Clone(ls), nil
}

// remember puts k last in the list of topic keys asked. The caller holds
// m.mu.
func (m *memo) remember(k topicKey) {
	if i := slices.Index(m.asked, k); i >= 0 {
		m.asked = slices.Delete(m.asked, i, i+1)
	} else if len(m.asked) == memoTopics {
		m.asked = m.asked[1:]
	}
	m.asked = append(m.asked, k)
}

// topicLaenderNow derives what topicLaender returns.
func (e *Engine) topicLaenderNow(ctx context.Context, k topicKey) ([]Land, error) {
	ls := newLandSet(e.views)
	for _, t := range e.withNarrower(k.topic) {
		facts, err := e.k.LandTopics(ctx, k.land, t)
		if err != nil {
			return nil, err
		}
		for _, f := range facts {
			if f.Topic != t || (k.land != "" && f.Land != k.land) || !names(f.Evidence, k.term) {
				continue
			}
			ls.add(f.Land, string(f.Relation), f.Evidence)
		}
	}
	if e.strategyTopic(k.topic) {
		// A Land's named strategy is a fact that it has one.
		ss, err := e.k.Strategies(ctx, k.land)
		if err != nil {
			return nil, err
		}
		for _, s := range ss {
			if (k.land == "" || s.Land == k.land) && names(s.Evidence, k.term) {
				ls.add(s.Land, string(corpus.RelStrategy), s.Evidence)
			}
		}
	}
	return ls.list(), nil
}

// Prepare derives what questions share for the knowledge's current
// generation: merged meetings, chair terms, the calendar of every
// registered series, the Länder named by the evidence of every meeting with
// a chair, and the answers about the topics asked most recently,
// so that the first question after a write does not; the API runs it in the
// background after each write.
func (e *Engine) Prepare(ctx context.Context) error {
	d, err := e.meetingData(ctx)
	if err != nil {
		return err
	}
	local := map[corpus.SeriesID]*corpus.ChairCalendar{}
	for _, s := range corpus.AllSeries() {
		d.calendar(s.ID, local)
	}
	// The Länder named in the sentences of meetings with a chair, which a
	// chair question reads for its evidence.
	quoted := map[string][]corpus.LandCode{}
	for i, m := range d.ms {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if len(m.Chairs) == 0 {
			continue
		}
		for _, ev := range m.Evidence {
			d.landsIn(e.p, ev.Quote, quoted)
		}
	}
	e.memo.mu.Lock()
	asked := slices.Clone(e.memo.asked)
	e.memo.mu.Unlock()
	for _, k := range asked {
		if _, err := e.topicLaender(ctx, k); err != nil {
			return err
		}
	}
	return nil
}
