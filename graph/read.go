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

// Documents returns the metadata of every document (without Text), sorted by
// File and then ID.
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

// Catalogue returns what Documents returns. Before the cache is loaded it
// reads the documents from the graph without keeping them: an ingest run,
// which compares its files with the stored documents once, then does not
// hold every document it stores until it ends (Put keeps only a loaded
// cache current), and its memory is bounded by its batches, not by the
// corpus.
func (s *Store) Catalogue(ctx context.Context) ([]corpus.Document, error) {
	var out []corpus.Document
	err := s.read(ctx, func(v *view) error {
		s.cache.mu.Lock()
		loaded := s.cache.loaded
		s.cache.mu.Unlock()
		if loaded {
			return nil
		}
		recs, err := load(v)
		if err != nil {
			return err
		}
		out = make([]corpus.Document, 0, len(recs))
		for _, r := range recs {
			out = append(out, cloneDocument(r.doc))
		}
		slices.SortFunc(out, func(a, b corpus.Document) int {
			return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.ID, b.ID))
		})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	if out == nil {
		return s.Documents(ctx)
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
		return nil
	})
	if err != nil {
		return corpus.Document{}, fmt.Errorf("document %s: %w", id, err)
	}
	return d, nil
}

// Warm loads every document into memory and merges the meetings, which the
// first read does otherwise; a server calls it before taking requests so that the first one
// is as fast as the rest.
func (s *Store) Warm(ctx context.Context) error {
	if err := s.records(ctx, func([]*record, map[corpus.DocID]*record) error { return nil }); err != nil {
		return fmt.Errorf("warm graph cache: %w", err)
	}
	if _, err := s.Meetings(ctx, MeetingFilter{}); err != nil {
		return fmt.Errorf("warm graph cache: %w", err)
	}
	return nil
}

// each calls fn with the facts of every document, in file order, and a
// function that completes evidence from the document it cites.
func (s *Store) each(ctx context.Context, fn func(x *corpus.Extraction, cite func(corpus.Evidence) corpus.Evidence)) error {
	return s.records(ctx, func(recs []*record, byID map[corpus.DocID]*record) error {
		cite := func(ev corpus.Evidence) corpus.Evidence {
			if c := byID[ev.Doc]; c != nil {
				return fill(ev, &c.doc)
			}
			return ev
		}
		for i, r := range recs {
			if i%ctxEvery == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			fn(&r.ext, cite)
		}
		return nil
	})
}

// LandTopics returns the facts that tie a Land to a topic, filtered by f, in
// the order of their documents' files.
func (s *Store) LandTopics(ctx context.Context, f FactFilter) ([]corpus.LandTopic, error) {
	var out []corpus.LandTopic
	err := s.each(ctx, func(x *corpus.Extraction, cite func(corpus.Evidence) corpus.Evidence) {
		for _, lt := range x.LandTopics {
			if (f.Land == "" || lt.Land == f.Land) && (f.Topic == "" || lt.Topic == f.Topic) {
				lt.Evidence = cite(lt.Evidence)
				out = append(out, lt)
			}
		}
	})
	if err != nil {
		return nil, fmt.Errorf("land topics: %w", err)
	}
	return out, nil
}

// Mentions returns where documents first name a Land; land "" means every
// Land.
func (s *Store) Mentions(ctx context.Context, land corpus.LandCode) ([]corpus.Mention, error) {
	var out []corpus.Mention
	err := s.each(ctx, func(x *corpus.Extraction, cite func(corpus.Evidence) corpus.Evidence) {
		for _, m := range x.Mentions {
			if land == "" || m.Land == land {
				m.Evidence = cite(m.Evidence)
				out = append(out, m)
			}
		}
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
	err := s.each(ctx, func(x *corpus.Extraction, cite func(corpus.Evidence) corpus.Evidence) {
		for _, m := range x.TopicMentions {
			if topic == "" || m.Topic == topic {
				m.Evidence = cite(m.Evidence)
				out = append(out, m)
			}
		}
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
	err := s.each(ctx, func(x *corpus.Extraction, cite func(corpus.Evidence) corpus.Evidence) {
		for _, m := range x.Meetings {
			m.Evidence = cite(m.Evidence)
			m.Hosts, m.Chairs = slices.Clone(m.Hosts), slices.Clone(m.Chairs)
			m.Participants, m.Topics = slices.Clone(m.Participants), slices.Clone(m.Topics)
			out = append(out, m)
		}
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

// ChairTerms returns every statement that Länder chair a series.
func (s *Store) ChairTerms(ctx context.Context) ([]corpus.ChairTerm, error) {
	var out []corpus.ChairTerm
	err := s.each(ctx, func(x *corpus.Extraction, cite func(corpus.Evidence) corpus.Evidence) {
		for _, c := range x.Chairs {
			c.Evidence = cite(c.Evidence)
			c.Lands = slices.Clone(c.Lands)
			out = append(out, c)
		}
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
	err := s.each(ctx, func(x *corpus.Extraction, cite func(corpus.Evidence) corpus.Evidence) {
		for _, st := range x.Strategies {
			if land == "" || st.Land == land {
				st.Evidence = cite(st.Evidence)
				out = append(out, st)
			}
		}
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
	err := s.each(ctx, func(x *corpus.Extraction, cite func(corpus.Evidence) corpus.Evidence) {
		for _, p := range x.People {
			if land == "" || p.Land == land {
				p.Evidence = cite(p.Evidence)
				out = append(out, p)
			}
		}
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
