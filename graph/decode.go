package graph

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/laendergraph/laendergraph/corpus"
)

// record is one document as the graph stores it, decoded: the document's
// metadata and its facts in the order they were put. The evidence of a fact
// holds what its evidence node stores; fill completes it from the cited
// document. A record is never changed once built.
type record struct {
	doc corpus.Document
	ext factSet
}

// factSet is an Extraction without its Document, which a record keeps
// apart (an empty Document is 320 bytes: 32 MB at 100,000 records).
type factSet struct {
	Mentions      []corpus.Mention
	TopicMentions []corpus.TopicMention
	LandTopics    []corpus.LandTopic
	Meetings      []corpus.MeetingMention
	Chairs        []corpus.ChairTerm
	Strategies    []corpus.Strategy
	People        []corpus.Person
	Organisations []corpus.Organisation
	Laws          []corpus.Law
}

// factSetOf returns the facts of x.
func factSetOf(x corpus.Extraction) factSet {
	return factSet{x.Mentions, x.TopicMentions, x.LandTopics, x.Meetings, x.Chairs, x.Strategies, x.People, x.Organisations, x.Laws}
}

// extraction returns the facts as an Extraction without its Document.
func (f factSet) extraction() corpus.Extraction {
	return corpus.Extraction{Mentions: f.Mentions, TopicMentions: f.TopicMentions, LandTopics: f.LandTopics, Meetings: f.Meetings,
		Chairs: f.Chairs, Strategies: f.Strategies, People: f.People, Organisations: f.Organisations, Laws: f.Laws}
}

// edge is one out-edge of a node.
type edge struct {
	p quad.IRI
	o quad.Value
}

// node is a subject with its out-edges.
type node struct {
	iri   string
	edges []edge
}

// first returns the object of the first edge with predicate p, or nil.
func (n *node) first(p quad.IRI) quad.Value {
	for _, e := range n.edges {
		if e.p == p {
			return e.o
		}
	}
	return nil
}

// all returns the objects of every edge with predicate p.
func (n *node) all(p quad.IRI) []quad.Value {
	var out []quad.Value
	for _, e := range n.edges {
		if e.p == p {
			out = append(out, e.o)
		}
	}
	return out
}

func (n *node) str(p quad.IRI) string {
	s, _ := n.first(p).(quad.String)
	return string(s)
}

func (n *node) int(p quad.IRI) int {
	i, _ := n.first(p).(quad.Int)
	return int(i)
}

func (n *node) kind() quad.IRI {
	k, _ := n.first(predKind).(quad.IRI)
	return k
}

// decodeRecord decodes the quads labelled with one document. It returns nil
// when they hold no document node.
func decodeRecord(label quad.IRI, quads []quad.Quad) (*record, error) {
	nodes := map[string]*node{}
	for _, q := range quads {
		s, ok := q.Subject.(quad.IRI)
		if !ok {
			continue
		}
		p, _ := q.Predicate.(quad.IRI)
		n := nodes[string(s)]
		if n == nil {
			n = &node{iri: string(s)}
			nodes[string(s)] = n
		}
		n.edges = append(n.edges, edge{p: p, o: q.Object})
	}
	dn := nodes[string(label)]
	if dn == nil || dn.kind() != kindDocument {
		return nil, nil
	}
	doc, err := decodeDocument(dn)
	if err != nil {
		return nil, err
	}
	var facts []*node
	for _, n := range nodes {
		if strings.HasPrefix(n.iri, prefixFact) || strings.HasPrefix(n.iri, prefixMention) {
			facts = append(facts, n)
		}
	}
	slices.SortFunc(facts, func(a, b *node) int {
		return cmp.Or(cmp.Compare(ordinalOf(a.iri), ordinalOf(b.iri)), cmp.Compare(a.iri, b.iri))
	})
	r := &record{doc: doc}
	x := &r.ext
	for _, n := range facts {
		ev, err := evidenceOf(n.first(predEvidence), nodes, doc.ID)
		if err != nil {
			return nil, err
		}
		switch n.kind() {
		case kindMention:
			x.Mentions = append(x.Mentions, corpus.Mention{
				Land:     corpus.LandCode(idOf(prefixLand, n.first(predLand))),
				Evidence: ev,
			})
		case kindTopicMention:
			x.TopicMentions = append(x.TopicMentions, corpus.TopicMention{
				Topic:    corpus.TopicID(idOf(prefixTopic, n.first(predTopic))),
				Evidence: ev,
			})
		case kindLandTopic:
			x.LandTopics = append(x.LandTopics, corpus.LandTopic{
				Land:     corpus.LandCode(idOf(prefixLand, n.first(predLand))),
				Topic:    corpus.TopicID(idOf(prefixTopic, n.first(predTopic))),
				Relation: corpus.Relation(n.str(predRelation)),
				Evidence: ev,
			})
		case kindChairTerm:
			x.Chairs = append(x.Chairs, corpus.ChairTerm{
				Series:   corpus.SeriesID(idOf(prefixSeries, n.first(predSeries))),
				Lands:    lands(n.all(predChair)),
				From:     corpus.Date(n.str(predFrom)),
				To:       corpus.Date(n.str(predTo)),
				Evidence: ev,
			})
		case kindPerson:
			x.People = append(x.People, corpus.Person{
				ID:        corpus.PersonID(idOf(prefixPerson, n.first(predPerson))),
				Name:      n.str(predName),
				Honorific: n.str(predHonorific),
				Role:      n.str(predRole),
				Land:      corpus.LandCode(idOf(prefixLand, n.first(predLand))),
				Party:     n.str(predParty),
				Date:      corpus.Date(n.str(predDate)),
				Evidence:  ev,
			})
		case kindStrategy:
			x.Strategies = append(x.Strategies, corpus.Strategy{
				ID:       corpus.StrategyID(idOf(prefixStrategy, n.first(predStrategy))),
				Land:     corpus.LandCode(idOf(prefixLand, n.first(predLand))),
				Title:    n.str(predTitle),
				Year:     n.int(predYear),
				Evidence: ev,
			})
		case kindMeetingMention:
			planned, _ := n.first(predPlanned).(quad.Bool)
			var agenda []corpus.AgendaItem
			for _, o := range n.all(predAgenda) {
				it, err := agendaOf(o, doc.ID)
				if err != nil {
					return nil, err
				}
				agenda = append(agenda, it)
			}
			slices.SortFunc(agenda, func(a, b corpus.AgendaItem) int { return cmp.Compare(a.Evidence.Span[0], b.Evidence.Span[0]) })
			x.Meetings = append(x.Meetings, corpus.MeetingMention{
				Series:       corpus.SeriesID(idOf(prefixSeries, n.first(predSeries))),
				Ordinal:      n.int(predOrdinal),
				Start:        corpus.Date(n.str(predStart)),
				End:          corpus.Date(n.str(predEnd)),
				Day:          n.str(predDay),
				Place:        n.str(predPlace),
				Venue:        n.str(predVenue),
				Hosts:        lands(n.all(predHost)),
				Chairs:       lands(n.all(predChair)),
				Participants: lands(n.all(predParticipant)),
				Topics:       ids[corpus.TopicID](prefixTopic, n.all(predTopic)),
				Agenda:       agenda,
				Planned:      bool(planned),
				Evidence:     ev,
			})
		default:
			decodeInstitution(n, ev, x)
		}
	}
	return r, nil
}

// fill completes ev with the metadata of the document it cites, where ev
// does not state its own.
func fill(ev corpus.Evidence, d *corpus.Document) corpus.Evidence {
	if d == nil {
		return ev
	}
	ev.File = cmp.Or(ev.File, d.File)
	ev.Title = cmp.Or(ev.Title, d.Title)
	ev.Source = cmp.Or(ev.Source, d.Source)
	ev.Date = cmp.Or(ev.Date, d.Date)
	return ev
}

// decodeDocument reads a document node.
func decodeDocument(n *node) (corpus.Document, error) {
	d := corpus.Document{
		ID:          corpus.DocID(idOf(prefixDoc, quad.IRI(n.iri))),
		File:        n.str(predFile),
		Title:       n.str(predTitle),
		Source:      n.str(predSource),
		Date:        corpus.Date(n.str(predDate)),
		Kind:        corpus.Kind(n.str(predDocKind)),
		Land:        corpus.LandCode(idOf(prefixLand, n.first(predPublishedBy))),
		Format:      n.str(predFormat),
		ContentHash: n.str(predHash),
		DuplicateOf: corpus.DocID(idOf(prefixDoc, n.first(predDuplicateOf))),
		Laender:     lands(n.all(predMentionsLand)),
		Topics:      ids[corpus.TopicID](prefixTopic, n.all(predMentionsTopic)),
		Series:      ids[corpus.SeriesID](prefixSeries, n.all(predMentionsSeries)),
	}
	demo, _ := n.first(predDemo).(quad.Bool)
	d.Demo = bool(demo)
	if fp := n.str(predFingerprint); fp != "" {
		f, err := corpus.ParseFingerprint(fp)
		if err != nil {
			return corpus.Document{}, fmt.Errorf("document %s: %w", d.ID, err)
		}
		d.Fingerprint = f
	}
	if at := n.str(predIngestedAt); at != "" {
		t, err := time.Parse(time.RFC3339Nano, at)
		if err != nil {
			return corpus.Document{}, fmt.Errorf("document %s: ingested at: %w", d.ID, err)
		}
		d.IngestedAt = t
	}
	return d, nil
}

// landRank orders Land codes as the registry does.
var landRank = func() map[corpus.LandCode]int {
	m := map[corpus.LandCode]int{}
	for i, c := range corpus.Laender().Codes() {
		m[c] = i
	}
	return m
}()

// lands returns the Land codes of land: IRIs, once each, in registry order
// (unknown codes last, alphabetically).
func lands(vals []quad.Value) []corpus.LandCode {
	out := ids[corpus.LandCode](prefixLand, vals)
	rank := func(c corpus.LandCode) int {
		if r, ok := landRank[c]; ok {
			return r
		}
		return len(landRank)
	}
	slices.SortFunc(out, func(a, b corpus.LandCode) int {
		return cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(a, b))
	})
	return out
}

// ids returns the identifiers of IRIs with the given prefix, once each,
// sorted.
func ids[T ~string](prefix string, vals []quad.Value) []T {
	var out []T
	for _, v := range vals {
		if id := idOf(prefix, v); id != "" {
			out = append(out, T(id))
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
