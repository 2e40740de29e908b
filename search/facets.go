package search

import (
	"context"
	"encoding/binary"
	"fmt"
	"sort"
	"sync"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// Facets are counted from bitmaps instead of Bleve's facet builder, which
// reads the doc values of every hit for every facet field (most of a search's
// time when a common word matches most documents). A search records the
// internal numbers of its hits in a bitmap (hitSetQuery); the documents of
// every facet value are a bitmap too, read once per index snapshot from the
// postings of the facet fields (a few hundred values: Länder, kinds, years,
// topics, series); a count is the size of an intersection.

// hitSetQuery wraps a query and records the internal numbers of the
// documents it matches. Bleve calls Searcher once per search, with the
// snapshot the search reads.
type hitSetQuery struct {
	q     query.Query
	cache *facetCache
	hits  *roaring.Bitmap
	// values are the facet values of the snapshot searched, read while
	// Bleve holds it open.
	values *facetValues
	ok     bool // false when an internal number did not fit
}

func newHitSetQuery(q query.Query, cache *facetCache) *hitSetQuery {
	return &hitSetQuery{q: q, cache: cache, hits: roaring.New(), ok: true}
}

// Searcher implements query.Query.
func (h *hitSetQuery) Searcher(ctx context.Context, i index.IndexReader, m mapping.IndexMapping, options bsearch.SearcherOptions) (bsearch.Searcher, error) {
	fv, err := h.cache.values(ctx, i)
	if err != nil {
		return nil, err
	}
	h.values = fv
	s, err := h.q.Searcher(ctx, i, m, options)
	if err != nil {
		return nil, err
	}
	return &hitSetSearcher{Searcher: s, q: h}, nil
}

// facets returns the facets of the hits recorded, false when they could not
// be recorded.
func (h *hitSetQuery) facets() (map[string][]FacetValue, bool) {
	if !h.ok || h.values == nil {
		return nil, false
	}
	return h.values.count(h.hits), true
}

// hitSetSearcher records the documents its searcher returns.
type hitSetSearcher struct {
	bsearch.Searcher
	q *hitSetQuery
}

func (s *hitSetSearcher) record(d *bsearch.DocumentMatch) {
	if d == nil {
		return
	}
	if n, ok := docNum(d.IndexInternalID); ok {
		s.q.hits.Add(n)
	} else {
		s.q.ok = false
	}
}

// Next implements bsearch.Searcher.
func (s *hitSetSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	d, err := s.Searcher.Next(ctx)
	s.record(d)
	return d, err
}

// Advance implements bsearch.Searcher.
func (s *hitSetSearcher) Advance(ctx *bsearch.SearchContext, id index.IndexInternalID) (*bsearch.DocumentMatch, error) {
	d, err := s.Searcher.Advance(ctx, id)
	s.record(d)
	return d, err
}

// docNum returns the document number of a scorch internal ID (a big-endian
// uint64), when it fits a bitmap.
func docNum(id index.IndexInternalID) (uint32, bool) {
	if len(id) != 8 {
		return 0, false
	}
	n := binary.BigEndian.Uint64(id)
	if n > 1<<32-1 {
		return 0, false
	}
	return uint32(n), true
}

// facetValues holds, for one index snapshot, the documents of every value
// of every facet field.
type facetValues struct {
	reader index.IndexReader // identifies the snapshot; never read after build
	fields map[string][]facetDocs
}

type facetDocs struct {
	value string
	docs  *roaring.Bitmap
}

// facetCache keeps the facet values of the snapshot searched last.
type facetCache struct {
	mu  sync.Mutex
	cur *facetValues
}

// values returns the facet values of the snapshot r, reading them when r is
// not the snapshot of the cache.
func (c *facetCache) values(ctx context.Context, r index.IndexReader) (*facetValues, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cur != nil && c.cur.reader == r {
		return c.cur, nil
	}
	fv := &facetValues{reader: r, fields: map[string][]facetDocs{}}
	for _, f := range facetFields {
		vals, err := fieldValues(ctx, r, f.field)
		if err != nil {
			return nil, err
		}
		fv.fields[f.field] = vals
	}
	c.cur = fv
	return fv, nil
}

// fieldValues reads the documents of every term of a keyword field.
func fieldValues(ctx context.Context, r index.IndexReader, field string) ([]facetDocs, error) {
	dict, err := r.FieldDict(field)
	if err != nil {
		return nil, fmt.Errorf("facet %s: %w", field, err)
	}
	defer dict.Close()
	var out []facetDocs
	for {
		e, err := dict.Next()
		if err != nil {
			return nil, fmt.Errorf("facet %s: %w", field, err)
		}
		if e == nil {
			break
		}
		docs, err := termDocs(ctx, r, e.Term, field)
		if err != nil {
			return nil, err
		}
		out = append(out, facetDocs{value: e.Term, docs: docs})
	}
	return out, nil
}

// termDocs returns the documents holding term in field.
func termDocs(ctx context.Context, r index.IndexReader, term, field string) (*roaring.Bitmap, error) {
	tfr, err := r.TermFieldReader(ctx, []byte(term), field, false, false, false)
	if err != nil {
		return nil, fmt.Errorf("facet %s=%s: %w", field, term, err)
	}
	defer tfr.Close()
	docs := roaring.New()
	var tfd index.TermFieldDoc
	for {
		d, err := tfr.Next(&tfd)
		if err != nil {
			return nil, fmt.Errorf("facet %s=%s: %w", field, term, err)
		}
		if d == nil {
			break
		}
		n, ok := docNum(d.ID)
		if !ok {
			return nil, fmt.Errorf("facet %s=%s: internal id %x is not a document number", field, term, []byte(d.ID))
		}
		docs.Add(n)
	}
	docs.RunOptimize()
	return docs, nil
}

// count returns the facets of the hits: for every facet, the values with
// the most documents among hits (at most the facet's size), most frequent
// first, then by value.
func (fv *facetValues) count(hits *roaring.Bitmap) map[string][]FacetValue {
	out := map[string][]FacetValue{}
	for _, f := range facetFields {
		vals := []FacetValue{}
		for _, d := range fv.fields[f.field] {
			if n := hits.AndCardinality(d.docs); n > 0 {
				vals = append(vals, FacetValue{Value: d.value, Count: int(n)})
			}
		}
		sort.Slice(vals, func(i, j int) bool {
			if vals[i].Count != vals[j].Count {
				return vals[i].Count > vals[j].Count
			}
			return vals[i].Value < vals[j].Value
		})
		if len(vals) > f.size {
			vals = vals[:f.size]
		}
		out[f.name] = vals
	}
	return out
}

// Warm reads the facet values of the index as it is now, so that the first
// search after a start or a write does not (at 100,000 documents they take
// about 30 ms of CPU). A later write or segment merge makes a new snapshot,
// whose first search reads them again.
func (ix *Index) Warm(ctx context.Context) error {
	adv, err := ix.b.Advanced()
	if err != nil {
		return fmt.Errorf("warm index: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return fmt.Errorf("warm index: %w", err)
	}
	defer r.Close()
	if _, err := ix.facets.values(ctx, r); err != nil {
		return fmt.Errorf("warm index: %w", err)
	}
	return nil
}
