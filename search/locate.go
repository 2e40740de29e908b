package search

import (
	"bytes"
	"context"
	"errors"
	"sort"

	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// Highlights need the positions of the matched words. Asking Bleve for them
// in the search itself makes every term of the query read its positions in
// every matching document; a phrase searcher asked for them in a few
// documents only (a conjunction with their IDs) still scans on to its next
// match after each. So the locations of the hits shown are found here: the
// compiled query is evaluated at each of those documents alone, with one
// term reader per word that jumps to them, giving the locations Bleve gives
// (the terms of every matching clause, of a phrase only where the phrase
// stands; none for exclusions and filters).

// errUnlocatable marks a query this evaluator does not handle (fuzzy
// matches, ranges inside the scored part); Bleve then locates the hits.
var errUnlocatable = errors.New("query not locatable")

type fieldTerm struct{ field, term string }

// occurrence is one position of a phrase's term in a document.
type occurrence struct {
	term string
	v    *index.TermFieldVector
}

// termCursor reads the postings of one term in ascending document order.
type termCursor struct {
	r    index.TermFieldReader
	cur  *index.TermFieldDoc
	done bool
}

// locator evaluates a query at single documents of one snapshot, visited in
// ascending internal order.
type locator struct {
	ctx     context.Context
	r       index.IndexReader
	cursors map[fieldTerm]*termCursor
}

func (l *locator) close() {
	for _, c := range l.cursors {
		c.r.Close()
	}
}

// at returns the term vectors of term in field in document id, nil when the
// document does not hold it.
func (l *locator) at(field, term string, id index.IndexInternalID) (*index.TermFieldDoc, error) {
	k := fieldTerm{field, term}
	c := l.cursors[k]
	if c == nil {
		r, err := l.r.TermFieldReader(l.ctx, []byte(term), field, false, false, true)
		if err != nil {
			return nil, err
		}
		c = &termCursor{r: r}
		l.cursors[k] = c
	}
	if c.done {
		return nil, nil
	}
	if c.cur == nil || bytes.Compare(c.cur.ID, id) < 0 {
		d, err := c.r.Advance(id, nil)
		if err != nil {
			return nil, err
		}
		if d == nil {
			c.done = true
			return nil, nil
		}
		c.cur = d
	}
	if !bytes.Equal(c.cur.ID, id) {
		return nil, nil
	}
	return c.cur, nil
}

// match evaluates q at document id and adds the locations of its matching
// clauses to locs.
func (l *locator) match(q query.Query, id index.IndexInternalID, locs bsearch.FieldTermLocationMap) (bool, error) {
	switch q := q.(type) {
	case *query.TermQuery:
		d, err := l.at(q.FieldVal, q.Term, id)
		if err != nil || d == nil {
			return false, err
		}
		for _, v := range d.Vectors {
			addLocation(locs, q.FieldVal, q.Term, v)
		}
		return true, nil
	case *query.MultiPhraseQuery:
		if q.Fuzziness != 0 {
			return false, errUnlocatable
		}
		return l.phrase(q.FieldVal, q.Terms, id, locs)
	case *query.ConjunctionQuery:
		scratch := bsearch.FieldTermLocationMap{}
		for _, c := range q.Conjuncts {
			ok, err := l.match(c, id, scratch)
			if err != nil || !ok {
				return false, err
			}
		}
		mergeLocations(locs, scratch)
		return true, nil
	case *query.DisjunctionQuery:
		scratch := bsearch.FieldTermLocationMap{}
		n := 0
		for _, c := range q.Disjuncts {
			ok, err := l.match(c, id, scratch)
			if err != nil {
				return false, err
			}
			if ok {
				n++
			}
		}
		if n == 0 || float64(n) < q.Min {
			return false, nil
		}
		mergeLocations(locs, scratch)
		return true, nil
	case *query.BooleanQuery:
		scratch := bsearch.FieldTermLocationMap{}
		if q.MustNot != nil {
			if ok, err := l.match(q.MustNot, id, bsearch.FieldTermLocationMap{}); err != nil || ok {
				return false, err
			}
		}
		if q.Must != nil {
			if ok, err := l.match(q.Must, id, scratch); err != nil || !ok {
				return false, err
			}
		}
		if q.Should != nil {
			ok, err := l.match(q.Should, id, scratch)
			if err != nil {
				return false, err
			}
			if !ok && q.Must == nil {
				return false, nil
			}
		}
		// q.Filter: the documents located are hits, which passed it.
		mergeLocations(locs, scratch)
		return true, nil
	case *query.MatchAllQuery:
		return true, nil
	case *query.MatchNoneQuery:
		return false, nil
	}
	return false, errUnlocatable
}

// phrase matches the terms at consecutive positions (an empty slot: any
// word), as Bleve's phrase searcher does without slop.
func (l *locator) phrase(field string, terms [][]string, id index.IndexInternalID, locs bsearch.FieldTermLocationMap) (bool, error) {
	slots := make([][]occurrence, len(terms)) // occurrences by slot; nil for an empty slot
	for i, alts := range terms {
		if len(alts) == 0 || len(alts) == 1 && alts[0] == "" {
			continue
		}
		for _, t := range alts {
			d, err := l.at(field, t, id)
			if err != nil {
				return false, err
			}
			if d == nil {
				continue
			}
			for _, v := range d.Vectors {
				slots[i] = append(slots[i], occurrence{t, v})
			}
		}
		if len(slots[i]) == 0 {
			return false, nil
		}
	}
	first := -1
	for i := range slots {
		if slots[i] != nil {
			first = i
			break
		}
	}
	if first < 0 {
		return false, nil
	}
	found := false
	for _, start := range slots[first] {
		path := []occurrence{start}
		if !l.extend(slots, first+1, start.v.Pos, start.v.ArrayPositions, path, func(p []occurrence) {
			for _, o := range p {
				addLocation(locs, field, o.term, o.v)
			}
		}) {
			continue
		}
		found = true
	}
	return found, nil
}

// extend continues a phrase path from position pos at slot i, calling done
// with every complete path; it reports whether there was one.
func (l *locator) extend(slots [][]occurrence, i int, pos uint64, ap []uint64, path []occurrence, done func([]occurrence)) bool {
	if i == len(slots) {
		done(path)
		return true
	}
	if slots[i] == nil { // any word
		return l.extend(slots, i+1, pos+1, ap, path, done)
	}
	found := false
	for _, o := range slots[i] {
		if o.v.Pos != pos+1 || !equalPositions(o.v.ArrayPositions, ap) {
			continue
		}
		if l.extend(slots, i+1, o.v.Pos, ap, append(path[:len(path):len(path)], o), done) {
			found = true
		}
	}
	return found
}

func equalPositions(a, b []uint64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func addLocation(locs bsearch.FieldTermLocationMap, field, term string, v *index.TermFieldVector) {
	tl := locs[field]
	if tl == nil {
		tl = bsearch.TermLocationMap{}
		locs[field] = tl
	}
	for _, l := range tl[term] {
		if l.Pos == v.Pos && l.Start == v.Start && l.End == v.End {
			return
		}
	}
	tl[term] = append(tl[term], &bsearch.Location{Pos: v.Pos, Start: v.Start, End: v.End, ArrayPositions: v.ArrayPositions})
}

func mergeLocations(dst, src bsearch.FieldTermLocationMap) {
	for f, tl := range src {
		for t, ls := range tl {
			for _, l := range ls {
				addLocation(dst, f, t, &index.TermFieldVector{Pos: l.Pos, Start: l.Start, End: l.End, ArrayPositions: l.ArrayPositions})
			}
		}
	}
}

// locateHits sets the locations of the matches of q in hits, evaluating q
// at each of them in the current snapshot. It returns errUnlocatable for a
// query it cannot evaluate.
func (ix *Index) locateHits(ctx context.Context, q query.Query, hits bsearch.DocumentMatchCollection) error {
	adv, err := ix.b.Advanced()
	if err != nil {
		return err
	}
	r, err := adv.Reader()
	if err != nil {
		return err
	}
	defer r.Close()
	type target struct {
		id  index.IndexInternalID
		hit *bsearch.DocumentMatch
	}
	var ts []target
	for _, h := range hits {
		id, err := r.InternalID(h.ID)
		if err != nil {
			return err
		}
		if id == nil { // deleted since the search
			continue
		}
		ts = append(ts, target{id, h})
	}
	sort.Slice(ts, func(i, j int) bool { return bytes.Compare(ts[i].id, ts[j].id) < 0 })
	l := &locator{ctx: ctx, r: r, cursors: map[fieldTerm]*termCursor{}}
	defer l.close()
	for _, t := range ts {
		locs := bsearch.FieldTermLocationMap{}
		if _, err := l.match(q, t.id, locs); err != nil {
			return err
		}
		if len(locs) == 0 {
			locs = nil
		}
		t.hit.Locations = locs
	}
	return nil
}
