package graph

import (
	"time"

	"github.com/cayleygraph/quad"

	"github.com/laendergraph/laendergraph/corpus"
)

// encoder turns one Extraction into the set of quads that represent it. Every
// quad carries the document's label and appears once.
type encoder struct {
	doc   corpus.Document
	label quad.IRI
	quads []quad.Quad
	seen  map[quad.Quad]struct{}
	n     int // last number given to a fact: or mention: node
	evs   map[corpus.Evidence]quad.Value
}

// encode returns the quads of ext, each once, in a stable order.
func encode(ext *corpus.Extraction) []quad.Quad {
	e := &encoder{
		doc:   ext.Document,
		label: docIRI(ext.Document.ID),
		seen:  map[quad.Quad]struct{}{},
		evs:   map[corpus.Evidence]quad.Value{},
	}
	e.document()
	for _, m := range ext.Mentions {
		f := e.fact(kindMention, m.Evidence)
		e.land(f, predLand, m.Land)
	}
	for _, m := range ext.TopicMentions {
		f := e.fact(kindTopicMention, m.Evidence)
		e.topic(f, predTopic, m.Topic)
	}
	for _, lt := range ext.LandTopics {
		f := e.fact(kindLandTopic, lt.Evidence)
		e.land(f, predLand, lt.Land)
		e.topic(f, predTopic, lt.Topic)
		e.str(f, predRelation, string(lt.Relation))
		if lt.Land != "" && lt.Topic != "" {
			p, ok := relationPredicates[lt.Relation]
			if !ok {
				p = predRelatedTo
			}
			e.add(landIRI(lt.Land), p, topicIRI(lt.Topic))
		}
	}
	for _, c := range ext.Chairs {
		f := e.fact(kindChairTerm, c.Evidence)
		e.series(f, predSeries, c.Series)
		for _, l := range c.Lands {
			e.land(f, predChair, l)
			if l != "" && c.Series != "" {
				e.add(landIRI(l), predChairs, seriesIRI(c.Series))
			}
		}
		e.str(f, predFrom, string(c.From))
		e.str(f, predTo, string(c.To))
	}
	for _, p := range ext.People {
		f := e.fact(kindPerson, p.Evidence)
		if p.ID != "" {
			e.add(f, predPerson, personIRI(p.ID))
			if p.Name != "" {
				e.add(personIRI(p.ID), predName, quad.String(p.Name))
			}
			if p.Land != "" {
				e.add(personIRI(p.ID), predMemberOf, landIRI(p.Land))
			}
		}
		e.str(f, predName, p.Name)
		e.str(f, predHonorific, p.Honorific)
		e.str(f, predRole, p.Role)
		e.land(f, predLand, p.Land)
		e.str(f, predParty, p.Party)
		e.str(f, predDate, string(p.Date))
	}
	for _, s := range ext.Strategies {
		f := e.fact(kindStrategy, s.Evidence)
		if s.ID != "" {
			e.add(f, predStrategy, strategyIRI(s.ID))
			if s.Land != "" {
				e.add(strategyIRI(s.ID), predOfLand, landIRI(s.Land))
			}
			if s.Title != "" {
				e.add(strategyIRI(s.ID), predTitle, quad.String(s.Title))
			}
		}
		e.land(f, predLand, s.Land)
		e.str(f, predTitle, s.Title)
		e.int(f, predYear, s.Year)
	}
	for _, m := range ext.Meetings {
		e.n++
		f := numbered(prefixMention, e.doc.ID, e.n)
		e.add(f, predKind, kindMeetingMention)
		e.series(f, predSeries, m.Series)
		e.int(f, predOrdinal, m.Ordinal)
		e.str(f, predStart, string(m.Start))
		e.str(f, predEnd, string(m.End))
		e.str(f, predDay, m.Day)
		e.str(f, predPlace, m.Place)
		e.str(f, predVenue, m.Venue)
		for _, l := range m.Hosts {
			e.land(f, predHost, l)
		}
		for _, l := range m.Chairs {
			e.land(f, predChair, l)
		}
		for _, l := range m.Participants {
			e.land(f, predParticipant, l)
		}
		for _, t := range m.Topics {
			e.topic(f, predTopic, t)
		}
		for _, it := range m.Agenda {
			e.add(f, predAgenda, jsonValue(agendaRecord{Item: it.Title, evidenceRecord: e.record(it.Evidence)}))
		}
		if m.Planned {
			e.add(f, predPlanned, quad.Bool(true))
		}
		e.add(f, predEvidence, e.evidence(m.Evidence))
	}
	e.institutions(ext)
	return e.quads
}

// document writes the document node.
func (e *encoder) document() {
	d := &e.doc
	s := docIRI(d.ID)
	e.add(s, predKind, kindDocument)
	e.str(s, predFile, d.File)
	e.str(s, predTitle, d.Title)
	e.str(s, predSource, d.Source)
	e.str(s, predDate, string(d.Date))
	e.str(s, predDocKind, string(d.Kind))
	e.land(s, predPublishedBy, d.Land)
	e.str(s, predFormat, d.Format)
	e.str(s, predHash, d.ContentHash)
	if d.Fingerprint.Shingles != 0 || len(d.Fingerprint.Min) != 0 {
		e.str(s, predFingerprint, d.Fingerprint.String())
	}
	if d.DuplicateOf != "" {
		e.add(s, predDuplicateOf, docIRI(d.DuplicateOf))
	}
	if !d.IngestedAt.IsZero() {
		e.str(s, predIngestedAt, d.IngestedAt.UTC().Format(time.RFC3339Nano))
	}
	if d.Demo {
		e.add(s, predDemo, quad.Bool(true))
	}
	for _, l := range d.Laender {
		e.land(s, predMentionsLand, l)
	}
	for _, t := range d.Topics {
		e.topic(s, predMentionsTopic, t)
	}
	for _, x := range d.Series {
		e.series(s, predMentionsSeries, x)
	}
}

// fact starts a reified fact node of the given kind with its evidence.
func (e *encoder) fact(kind quad.IRI, ev corpus.Evidence) quad.IRI {
	e.n++
	f := numbered(prefixFact, e.doc.ID, e.n)
	e.add(f, predKind, kind)
	e.add(f, predEvidence, e.evidence(ev))
	return f
}

// evidence returns the evidence record of ev, a JSON literal (see
// evidenceRecord): facts citing the same sentence cite equal literals, which
// the graph stores once. File, title, source and date are stored only where
// they differ from the cited document's, which supplies them on reading.
func (e *encoder) evidence(ev corpus.Evidence) quad.Value {
	if ev.Doc == "" {
		ev.Doc = e.doc.ID
	}
	if v, ok := e.evs[ev]; ok {
		return v
	}
	v := e.record(ev).value()
	e.evs[ev] = v
	return v
}

// record returns the record of ev, evidence of the encoder's document.
func (e *encoder) record(ev corpus.Evidence) evidenceRecord {
	if ev.Doc == "" {
		ev.Doc = e.doc.ID
	}
	own := ev.Doc == e.doc.ID
	rec := evidenceRecord{Span: ev.Span, Quote: ev.Quote}
	if !own {
		rec.Doc = string(ev.Doc)
	}
	differs := func(val, doc string) string {
		if val != "" && (!own || val != doc) {
			return val
		}
		return ""
	}
	rec.File = differs(ev.File, e.doc.File)
	rec.Title = differs(ev.Title, e.doc.Title)
	rec.Source = differs(ev.Source, e.doc.Source)
	rec.Date = differs(string(ev.Date), string(e.doc.Date))
	return rec
}

func (e *encoder) add(s quad.IRI, p quad.IRI, o quad.Value) {
	q := quad.Quad{Subject: s, Predicate: p, Object: o, Label: e.label}
	if _, dup := e.seen[q]; dup {
		return
	}
	e.seen[q] = struct{}{}
	e.quads = append(e.quads, q)
}

// str adds a string literal unless it is empty.
func (e *encoder) str(s, p quad.IRI, v string) {
	if v != "" {
		e.add(s, p, quad.String(v))
	}
}

// int adds an integer literal unless it is zero.
func (e *encoder) int(s, p quad.IRI, v int) {
	if v != 0 {
		e.add(s, p, quad.Int(v))
	}
}

func (e *encoder) land(s, p quad.IRI, c corpus.LandCode) {
	if c != "" {
		e.add(s, p, landIRI(c))
	}
}

func (e *encoder) topic(s, p quad.IRI, t corpus.TopicID) {
	if t != "" {
		e.add(s, p, topicIRI(t))
	}
}

func (e *encoder) series(s, p quad.IRI, x corpus.SeriesID) {
	if x != "" {
		e.add(s, p, seriesIRI(x))
	}
}
