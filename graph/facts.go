package graph

import (
	"context"

	"github.com/laendergraph/laendergraph/corpus"
)

// factRef is one fact of a record: its position in the record's list of
// that kind (LandTopics, Mentions, …).
type factRef struct {
	r *record
	i int32
}

// factIndex lists the facts of every record by kind, and the facts a reader
// filters by Land or topic also by that Land or topic, each list in the order
// of the records (by file, then id) and within a record in the order they
// were put. Readers answer from it in time proportional to what they return,
// not to the corpus. The cache builds it on the first read after a write,
// in one pass over the records.
type factIndex struct {
	landTopics, mentions, topicMentions, meetingMentions []factRef
	strategies, people, organisations, laws              []factRef

	landTopicsByLand     map[corpus.LandCode][]factRef
	landTopicsByTopic    map[corpus.TopicID][]factRef
	mentionsByLand       map[corpus.LandCode][]factRef
	topicMentionsByTopic map[corpus.TopicID][]factRef
	strategiesByLand     map[corpus.LandCode][]factRef
	peopleByLand         map[corpus.LandCode][]factRef
	// organisationsByLand holds a statement under its organisation's Land
	// and under the Land it ties to it (By).
	organisationsByLand map[corpus.LandCode][]factRef
	lawsByLand          map[corpus.LandCode][]factRef
	// chairTerms are the chair terms with their evidence completed: every
	// chair question reads all of them.
	chairTerms []corpus.ChairTerm
}

// newFactIndex indexes the facts of recs, which are sorted by file and id;
// byID holds them by id.
func newFactIndex(recs []*record, byID map[corpus.DocID]*record) *factIndex {
	ix := &factIndex{
		landTopicsByLand:     map[corpus.LandCode][]factRef{},
		landTopicsByTopic:    map[corpus.TopicID][]factRef{},
		mentionsByLand:       map[corpus.LandCode][]factRef{},
		topicMentionsByTopic: map[corpus.TopicID][]factRef{},
		strategiesByLand:     map[corpus.LandCode][]factRef{},
		peopleByLand:         map[corpus.LandCode][]factRef{},
		organisationsByLand:  map[corpus.LandCode][]factRef{},
		lawsByLand:           map[corpus.LandCode][]factRef{},
	}
	for _, r := range recs {
		x := &r.ext
		for i, f := range x.LandTopics {
			ref := factRef{r, int32(i)}
			ix.landTopics = append(ix.landTopics, ref)
			ix.landTopicsByLand[f.Land] = append(ix.landTopicsByLand[f.Land], ref)
			ix.landTopicsByTopic[f.Topic] = append(ix.landTopicsByTopic[f.Topic], ref)
		}
		for i, f := range x.Mentions {
			ref := factRef{r, int32(i)}
			ix.mentions = append(ix.mentions, ref)
			ix.mentionsByLand[f.Land] = append(ix.mentionsByLand[f.Land], ref)
		}
		for i, f := range x.TopicMentions {
			ref := factRef{r, int32(i)}
			ix.topicMentions = append(ix.topicMentions, ref)
			ix.topicMentionsByTopic[f.Topic] = append(ix.topicMentionsByTopic[f.Topic], ref)
		}
		for i := range x.Meetings {
			ix.meetingMentions = append(ix.meetingMentions, factRef{r, int32(i)})
		}
		for _, t := range x.Chairs {
			if c := byID[t.Evidence.Doc]; c != nil {
				t.Evidence = fill(t.Evidence, &c.doc)
			}
			ix.chairTerms = append(ix.chairTerms, t)
		}
		for i, f := range x.Strategies {
			ref := factRef{r, int32(i)}
			ix.strategies = append(ix.strategies, ref)
			ix.strategiesByLand[f.Land] = append(ix.strategiesByLand[f.Land], ref)
		}
		for i, f := range x.People {
			ref := factRef{r, int32(i)}
			ix.people = append(ix.people, ref)
			ix.peopleByLand[f.Land] = append(ix.peopleByLand[f.Land], ref)
		}
		for i, f := range x.Organisations {
			ref := factRef{r, int32(i)}
			ix.organisations = append(ix.organisations, ref)
			ix.organisationsByLand[f.Land] = append(ix.organisationsByLand[f.Land], ref)
			if f.By != f.Land {
				ix.organisationsByLand[f.By] = append(ix.organisationsByLand[f.By], ref)
			}
		}
		for i, f := range x.Laws {
			ref := factRef{r, int32(i)}
			ix.laws = append(ix.laws, ref)
			ix.lawsByLand[f.Land] = append(ix.lawsByLand[f.Land], ref)
		}
	}
	return ix
}

// facts runs fn with the fact index and a function that completes evidence
// from the document it cites, with the store locked for reading.
func (s *Store) facts(ctx context.Context, fn func(ix *factIndex, cite func(corpus.Evidence) corpus.Evidence) error) error {
	return s.read(ctx, func(v *view) error {
		ix, byID, err := s.cache.facts(v)
		if err != nil {
			return err
		}
		cite := func(ev corpus.Evidence) corpus.Evidence {
			if c := byID[ev.Doc]; c != nil {
				return fill(ev, &c.doc)
			}
			return ev
		}
		return fn(ix, cite)
	})
}

// collect returns, for each of refs that keep accepts, the fact that at
// reads with its evidence completed by cite; it checks ctx every ctxEvery
// facts.
func collect[T any](ctx context.Context, refs []factRef, at func(factRef) T, keep func(*T) bool, cite func(corpus.Evidence) corpus.Evidence, ev func(*T) *corpus.Evidence) ([]T, error) {
	var out []T
	for n, ref := range refs {
		if n%ctxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		x := at(ref)
		if keep != nil && !keep(&x) {
			continue
		}
		e := ev(&x)
		*e = cite(*e)
		out = append(out, x)
	}
	return out, nil
}
