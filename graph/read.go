package graph

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/laendergraph/laendergraph/corpus"
)

// FactFilter selects Land–topic facts. An empty field matches any value.
type FactFilter struct {
	Land  corpus.LandCode
	Topic corpus.TopicID
}

// records runs fn over every document record, sorted by file and id, with the
// store locked for reading. Records must not be changed.
func (s *Store) records(ctx context.Context, fn func(recs []*record, byID map[corpus.DocID]*record) error) error {
	return s.read(ctx, func(v *view) error {
		recs, byID, err := s.cache.get(v)
		if err != nil {
			return err
		}
		return fn(recs, byID)
	})
}

// Documents returns the metadata of every document (without Text and
// Fingerprint, which Catalogue and Document carry), sorted by File and then
// ID.
func (s *Store) Documents(ctx context.Context) ([]corpus.Document, error) {
	var out []corpus.Document
	err := s.records(ctx, func(recs []*record, _ map[corpus.DocID]*record) error {
		out = make([]corpus.Document, 0, len(recs))
		for _, r := range recs {
			out = append(out, cloneDocument(r.doc))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	return out, nil
}

// Generation returns a number that changes whenever the graph does: a
// reader may keep what it derived from the graph while the number stays the
// same.
func (s *Store) Generation() uint64 { return s.cache.generation() }

// Changed returns a channel that is closed when the generation next
// changes, so that a reader can refresh what it derived from the graph as
// soon as a write has ended (read after the write lock is released).
func (s *Store) Changed() <-chan struct{} { return s.cache.changes() }

// Catalogue returns what Documents returns, with each document's
// Fingerprint, which an ingest compares. Before the cache is loaded it
// reads the documents from the graph without keeping them: an ingest run,
// which compares its files with the stored documents once, then does not
// hold every document it stores until it ends (Put keeps only a loaded
// cache current), and its memory is bounded by its batches, not by the
// corpus. With the cache loaded, it reads just the fingerprints.
func (s *Store) Catalogue(ctx context.Context) ([]corpus.Document, error) {
	var out []corpus.Document
	err := s.read(ctx, func(v *view) error {
		s.cache.mu.Lock()
		loaded := s.cache.loaded
		s.cache.mu.Unlock()
		if loaded {
			recs, _, err := s.cache.get(v)
			if err != nil {
				return err
			}
			out = make([]corpus.Document, len(recs))
			for i, r := range recs {
				out[i] = cloneDocument(r.doc)
			}
			return s.addFingerprints(v, out)
		}
		// A snapshot that shows the graph as it is holds every document
		// but its fingerprint: reading it and the fingerprints is a
		// fraction of reading every fact from the graph (at 100,000
		// documents 69 s of CPU, most of a small ingest's time).
		recs, err := s.cache.readSnapshotOnly(v)
		if err != nil {
			return err
		}
		withFP := recs == nil
		if withFP {
			at, qerr := s.journal.state(v)
			if recs, err = load(v, true); err != nil {
				return err
			}
			if qerr == nil {
				// Read from the graph anyway: write the journal anew
				// unless it is current.
				fps := make(map[corpus.DocID]corpus.Fingerprint, len(recs))
				for id, r := range recs {
					if f := r.doc.Fingerprint; f.Shingles != 0 || len(f.Min) != 0 {
						fps[id] = f
					}
				}
				s.journal.rebuild(fps, at)
			}
		}
		out = make([]corpus.Document, 0, len(recs))
		for _, r := range recs {
			out = append(out, cloneDocument(r.doc))
		}
		if !withFP {
			if err := s.addFingerprints(v, out); err != nil {
				return err
			}
		}
		slices.SortFunc(out, func(a, b corpus.Document) int {
			return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.ID, b.ID))
		})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	return out, nil
}

// Document returns the metadata of one document (without Text). It returns an
// error wrapping corpus.ErrNotFound when the graph does not hold it. Before
// the cache is loaded it reads just this document from the graph.
func (s *Store) Document(ctx context.Context, id corpus.DocID) (corpus.Document, error) {
	var d corpus.Document
	err := s.read(ctx, func(v *view) error {
		r, err := s.cache.lookup(v, id)
		if err != nil {
			return err
		}
		if r == nil {
			return corpus.NotFound("Das Dokument „%s“ gibt es nicht", id)
		}
		d = cloneDocument(r.doc)
		if d.Fingerprint.Shingles == 0 && len(d.Fingerprint.Min) == 0 {
			// The cache does not keep fingerprints (see load).
			fps, err := fingerprints(v, []corpus.DocID{id})
			if err != nil {
				return err
			}
			d.Fingerprint = fps[id]
		}
		return nil
	})
	if err != nil {
		return corpus.Document{}, fmt.Errorf("document %s: %w", id, err)
	}
	return d, nil
}

// Warm loads every document into memory, indexes their facts and merges the
// meetings, which the first read does otherwise; a server calls it before
// taking requests so that the first one is as fast as the rest. Having
// loaded from the graph, it writes the snapshot that the next start loads
// from (see snapshot.go).
func (s *Store) Warm(ctx context.Context) error {
	if err := s.facts(ctx, func(*factIndex, func(corpus.Evidence) corpus.Evidence) error { return nil }); err != nil {
		return fmt.Errorf("warm graph cache: %w", err)
	}
	if _, err := s.Meetings(ctx, MeetingFilter{}); err != nil {
		return fmt.Errorf("warm graph cache: %w", err)
	}
	if err := s.read(ctx, s.cache.saveSnapshot); err != nil {
		return fmt.Errorf("warm graph cache: %w", err)
	}
	return nil
}

// LandTopics returns the facts that tie a Land to a topic, filtered by f, in
// the order of their documents' files.
func (s *Store) LandTopics(ctx context.Context, f FactFilter) ([]corpus.LandTopic, error) {
	var out []corpus.LandTopic
	err := s.facts(ctx, func(ix *factIndex, cite func(corpus.Evidence) corpus.Evidence) error {
		refs := ix.landTopics
		switch {
		case f.Land != "" && f.Topic != "":
			refs = shorter(ix.landTopicsByLand[f.Land], ix.landTopicsByTopic[f.Topic])
		case f.Land != "":
			refs = ix.landTopicsByLand[f.Land]
		case f.Topic != "":
			refs = ix.landTopicsByTopic[f.Topic]
		}
		var err error
		out, err = collect(ctx, refs,
			func(r factRef) corpus.LandTopic { return r.r.ext.LandTopics[r.i] },
			func(lt *corpus.LandTopic) bool {
				return (f.Land == "" || lt.Land == f.Land) && (f.Topic == "" || lt.Topic == f.Topic)
			},
			cite, func(lt *corpus.LandTopic) *corpus.Evidence { return &lt.Evidence })
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("land topics: %w", err)
	}
	return out, nil
}

// shorter returns the shorter of two lists.
func shorter(a, b []factRef) []factRef {
	if len(b) < len(a) {
		return b
	}
	return a
}

// Mentions returns where documents first name a Land; land "" means every
// Land.
func (s *Store) Mentions(ctx context.Context, land corpus.LandCode) ([]corpus.Mention, error) {
	var out []corpus.Mention
	err := s.facts(ctx, func(ix *factIndex, cite func(corpus.Evidence) corpus.Evidence) error {
		refs := ix.mentions
		if land != "" {
			refs = ix.mentionsByLand[land]
		}
		var err error
		out, err = collect(ctx, refs,
			func(r factRef) corpus.Mention { return r.r.ext.Mentions[r.i] }, nil,
			cite, func(m *corpus.Mention) *corpus.Evidence { return &m.Evidence })
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("mentions: %w", err)
	}
	return out, nil
}

// TopicMentions returns where documents first name a topic; topic "" means
// every topic.
func (s *Store) TopicMentions(ctx context.Context, topic corpus.TopicID) ([]corpus.TopicMention, error) {
	var out []corpus.TopicMention
	err := s.facts(ctx, func(ix *factIndex, cite func(corpus.Evidence) corpus.Evidence) error {
		refs := ix.topicMentions
		if topic != "" {
			refs = ix.topicMentionsByTopic[topic]
		}
		var err error
		out, err = collect(ctx, refs,
			func(r factRef) corpus.TopicMention { return r.r.ext.TopicMentions[r.i] }, nil,
			cite, func(m *corpus.TopicMention) *corpus.Evidence { return &m.Evidence })
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("topic mentions: %w", err)
	}
	return out, nil
}

// MeetingMentions returns every meeting mention, as documents state them;
// Meetings returns them merged.
func (s *Store) MeetingMentions(ctx context.Context) ([]corpus.MeetingMention, error) {
	var out []corpus.MeetingMention
	err := s.facts(ctx, func(ix *factIndex, cite func(corpus.Evidence) corpus.Evidence) error {
		var err error
		out, err = collect(ctx, ix.meetingMentions,
			func(r factRef) corpus.MeetingMention {
				m := r.r.ext.Meetings[r.i]
				m.Hosts, m.Chairs = slices.Clone(m.Hosts), slices.Clone(m.Chairs)
				m.Participants, m.Topics = slices.Clone(m.Participants), slices.Clone(m.Topics)
				m.Agenda = citedAgenda(m.Agenda, cite)
				return m
			}, nil,
			cite, func(m *corpus.MeetingMention) *corpus.Evidence { return &m.Evidence })
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("meeting mentions: %w", err)
	}
	return out, nil
}

// MeetingFilter selects merged meetings. A zero field matches every meeting.
type MeetingFilter struct {
	Series corpus.SeriesID // of this series
	Land   corpus.LandCode // hosted, chaired or attended by this Land
	Year   int             // starting in this year
}

// Meetings returns the meetings merged from every meeting mention and chair
// term, as corpus.MergeMeetings merges them (and in its order), filtered by
// f. The store keeps them merged: a write marks the series lineages it
// touches, and the next read merges just those again. The meetings' slices
// are shared with the store; callers must not change them.
func (s *Store) Meetings(ctx context.Context, f MeetingFilter) ([]corpus.Meeting, error) {
	out := []corpus.Meeting{}
	err := s.read(ctx, func(v *view) error {
		all, err := s.cache.mergedMeetings(v)
		if err != nil {
			return err
		}
		for _, m := range all {
			if (f.Series == "" || m.Series == f.Series) && (f.Year == 0 || m.Start.Year() == f.Year) &&
				(f.Land == "" || slices.Contains(m.Hosts, f.Land) || slices.Contains(m.Chairs, f.Land) || slices.Contains(m.Participants, f.Land)) {
				out = append(out, m)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("meetings: %w", err)
	}
	return out, nil
}

// ChairTerms returns every statement that Länder chair a series. The
// statements' Lands are shared with the store; callers must not change them.
func (s *Store) ChairTerms(ctx context.Context) ([]corpus.ChairTerm, error) {
	var out []corpus.ChairTerm
	err := s.facts(ctx, func(ix *factIndex, _ func(corpus.Evidence) corpus.Evidence) error {
		out = slices.Clone(ix.chairTerms)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("chair terms: %w", err)
	}
	return out, nil
}

// Strategies returns what documents say about the strategies of a Land; land
// "" means every Land.
func (s *Store) Strategies(ctx context.Context, land corpus.LandCode) ([]corpus.Strategy, error) {
	var out []corpus.Strategy
	err := s.facts(ctx, func(ix *factIndex, cite func(corpus.Evidence) corpus.Evidence) error {
		refs := ix.strategies
		if land != "" {
			refs = ix.strategiesByLand[land]
		}
		var err error
		out, err = collect(ctx, refs,
			func(r factRef) corpus.Strategy { return r.r.ext.Strategies[r.i] }, nil,
			cite, func(st *corpus.Strategy) *corpus.Evidence { return &st.Evidence })
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("strategies: %w", err)
	}
	return out, nil
}

// People returns what documents say about people of a Land; land "" means
// everyone.
func (s *Store) People(ctx context.Context, land corpus.LandCode) ([]corpus.Person, error) {
	var out []corpus.Person
	err := s.facts(ctx, func(ix *factIndex, cite func(corpus.Evidence) corpus.Evidence) error {
		refs := ix.people
		if land != "" {
			refs = ix.peopleByLand[land]
		}
		var err error
		out, err = collect(ctx, refs,
			func(r factRef) corpus.Person { return r.r.ext.People[r.i] }, nil,
			cite, func(p *corpus.Person) *corpus.Evidence { return &p.Evidence })
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("people: %w", err)
	}
	return out, nil
}

// cloneDocument copies d's slices so that callers cannot change the cache.
func cloneDocument(d corpus.Document) corpus.Document {
	d.Laender, d.Topics, d.Series = slices.Clone(d.Laender), slices.Clone(d.Topics), slices.Clone(d.Series)
	d.Fingerprint.Min = slices.Clone(d.Fingerprint.Min)
	return d
}
