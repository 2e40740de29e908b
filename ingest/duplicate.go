package ingest

import (
	"math"
	"slices"

	"github.com/laendergraph/laendergraph/corpus"
)

// originals finds, among the documents a new document may repeat, the first
// whose text a fingerprint repeats (corpus.Fingerprint.SameText), without
// comparing it with every one of them.
//
// The originals' sketch hashes are indexed by size class (the number of
// distinct shingles, in steps of 25%). A text can repeat an original only
// when their sketches share at least minShared hashes; within one size class
// that number has a lower bound s, so a text with n sketch hashes can share
// s of them with an original of the class only if the original holds one of
// any n−s+1 of them. Lookups probe the n−s+1 hashes with the shortest
// posting lists of each class (prefix filtering): the shingles that every
// other text shares (boilerplate, stock phrases) are the ones skipped, and
// they made the plain index quadratic in the corpus (at 10,000 generated
// press texts each lookup read 120,000 postings).
type originals struct {
	list []original
	// linear makes lookups compare fp with every original in turn and
	// leaves the index below empty (see newOriginals).
	linear bool
	// byHash holds the postings of a sketch hash. Most hashes are in the
	// sketch of one original only, and a map of slices took 8 kB per
	// original (750 MB at 100,000), so that case is one word: the size
	// class and the original's number (see single); a hash in several
	// sketches has multiFlag set and the index of its lists in multi.
	byHash map[uint64]uint64
	multi  [][]postings
	// single holds the one-posting lists that a lookup reads for hashes
	// stored as one word, ones their ids.
	single []postings
	ones   []int32
	// classes are the size classes that hold an original, ascending.
	classes []int
	// marks holds what a lookup reads of each original, in one place: the
	// postings of common hashes name thousands of originals a lookup, in
	// no order, and reading each one's mark, count and size from separate
	// arrays and its fingerprint cost a cache miss for each of them.
	marks []mark
	gen   uint32
	// lists, order and cands are scratch space of one lookup.
	lists [][]postings
	order []uint64
	cands []int32
}

type original struct {
	id corpus.DocID
	fp corpus.Fingerprint
}

// mark is an original as one lookup sees it.
type mark struct {
	// gen marks a candidate of the lookup gen; count holds the probed
	// hashes it shares plus the hashes not probed in its class, an upper
	// bound of the hashes it shares.
	gen   uint32
	count int32
	// shingles and sketch are its fingerprint's shingle count and sketch
	// length (for minShared).
	shingles, sketch int32
}

// postings are the originals of one size class whose sketch holds a hash.
type postings struct {
	class int
	ids   []int32
}

// in returns the posting list of class c among ps.
func in(ps []postings, c int) []int32 {
	for _, p := range ps {
		if p.class == c {
			return p.ids
		}
	}
	return nil
}

// classGrowth is the ratio of the largest to the smallest shingle count of a
// size class.
const classGrowth = 1.25

// sizeClass returns the size class of a text with n distinct shingles.
func sizeClass(n int) int {
	if n < 1 {
		return 0
	}
	return int(math.Floor(math.Log(float64(n)) / math.Log(classGrowth)))
}

// classBounds returns the range of shingle counts of class c, widened a
// little against rounding.
func classBounds(c int) (lo, hi float64) {
	return math.Pow(classGrowth, float64(c)) * (1 - 1e-9), math.Pow(classGrowth, float64(c+1)) * (1 + 1e-9)
}

// linearLookups is the most lookups a run makes for which newOriginals
// compares with every original instead of indexing them. Indexing costs
// about as much as 75 lookups that compare (both grow with the originals:
// at 100,000 stored documents the index took 6 s to build, which a run
// that adds one file paid in full).
const linearLookups = 32

// newOriginals returns an empty set of originals for a run that will look
// up about lookups fingerprints.
func newOriginals(lookups int) *originals {
	if lookups <= linearLookups {
		return &originals{linear: true}
	}
	return &originals{byHash: map[uint64]uint64{}}
}

// multiFlag marks a byHash value that indexes multi.
const multiFlag = 1 << 63

// single returns the byHash value of a hash held by the original id of
// class c alone.
func single(c int, id int32) uint64 { return uint64(c)<<32 | uint64(uint32(id)) }

// withPosting returns ps with the original id of class c added.
func withPosting(ps []postings, c int, id int32) []postings {
	i := slices.IndexFunc(ps, func(p postings) bool { return p.class == c })
	if i < 0 {
		ps = append(ps, postings{class: c})
		i = len(ps) - 1
	}
	ps[i].ids = append(ps[i].ids, id)
	return ps
}

// postingsOf returns the posting lists of hash h. A list of a hash held
// by one original lives in o.single until the next lookup.
func (o *originals) postingsOf(h uint64) []postings {
	v, ok := o.byHash[h]
	switch {
	case !ok:
		return nil
	case v&multiFlag != 0:
		return o.multi[v&^multiFlag]
	}
	// single and ones have room for every hash of a lookup, so the
	// slices handed out are never moved.
	o.ones = append(o.ones, int32(uint32(v)))
	o.single = append(o.single, postings{class: int(v >> 32), ids: o.ones[len(o.ones)-1:]})
	return o.single[len(o.single)-1:]
}

// add makes the document id with fingerprint fp an original.
func (o *originals) add(id corpus.DocID, fp corpus.Fingerprint) {
	if o.linear {
		o.list = append(o.list, original{id: id, fp: fp})
		return
	}
	c := sizeClass(fp.Shingles)
	if i, ok := slices.BinarySearch(o.classes, c); !ok {
		o.classes = slices.Insert(o.classes, i, c)
	}
	id32 := int32(len(o.list))
	for _, h := range fp.Min {
		v, ok := o.byHash[h]
		switch {
		case !ok:
			o.byHash[h] = single(c, id32)
		case v&multiFlag == 0:
			ps := []postings{{class: int(v >> 32), ids: []int32{int32(uint32(v))}}}
			o.multi = append(o.multi, withPosting(ps, c, id32))
			o.byHash[h] = multiFlag | uint64(len(o.multi)-1)
		default:
			i := v &^ multiFlag
			o.multi[i] = withPosting(o.multi[i], c, id32)
		}
	}
	o.list = append(o.list, original{id: id, fp: fp})
	o.marks = append(o.marks, mark{shingles: int32(min(fp.Shingles, math.MaxInt32)), sketch: int32(len(fp.Min))})
}

// drop makes the original id no longer one (it turned out to repeat a
// longer text).
func (o *originals) drop(id corpus.DocID) {
	for j := range o.list {
		if o.list[j].id == id {
			o.list[j].id = ""
		}
	}
}

// duplicateOf returns the first original (other than id), in the order they
// were added, whose text fp repeats.
func (o *originals) duplicateOf(id corpus.DocID, fp corpus.Fingerprint) (corpus.DocID, bool) {
	if fp.Shingles < corpus.MinDuplicateShingles || len(fp.Min) == 0 {
		return "", false
	}
	if o.linear {
		for _, g := range o.list {
			if g.repeatedBy(id, fp) {
				return g.id, true
			}
		}
		return "", false
	}
	o.gen++
	if o.gen == 0 { // wrapped: clear the marks
		for i := range o.marks {
			o.marks[i].gen = 0
		}
		o.gen = 1
	}
	cands := o.cands[:0]
	n := len(fp.Min)
	o.lists = o.lists[:0]
	if cap(o.single) < n {
		o.single, o.ones = make([]postings, 0, n), make([]int32, 0, n)
	}
	o.single, o.ones = o.single[:0], o.ones[:0]
	for _, h := range fp.Min {
		o.lists = append(o.lists, o.postingsOf(h))
	}
	for _, c := range o.classes {
		lo, hi := classBounds(c)
		if hi < corpus.MinDuplicateShingles {
			continue // too short to repeat anything
		}
		lo = max(lo, corpus.MinDuplicateShingles)
		// minShared rises with the original's size up to fp's and falls
		// after it, so its least value over the class is at an end; k is
		// at least fp's sketch length.
		bound := min(sharedBound(fp.Shingles, lo, n), sharedBound(fp.Shingles, hi, n))
		need := max(int(math.Ceil(0.999*bound)), 1)
		probe := n - need + 1
		if probe <= 0 {
			continue
		}
		// extra lists after the probed ones only count the hashes that
		// the candidates found so far share: any n−need+1 lists find every
		// original that shares need hashes, and the more lists are counted,
		// the fewer candidates pass the bound below to a merge.
		extra := min(n-probe, extraProbes)
		unprobed := int32(n - probe - extra)
		// order holds each list's length in class c above its index, so
		// that sorting it puts the shortest lists first
		o.order = o.order[:0]
		total := 0
		for i, ps := range o.lists {
			l := len(in(ps, c))
			total += l
			o.order = append(o.order, uint64(l)<<32|uint64(i))
		}
		if total == 0 {
			continue // no original of this class shares a hash
		}
		if probe+extra < n {
			selectSmallest(o.order, probe+extra)
		}
		if probe < probe+extra {
			selectSmallest(o.order[:probe+extra], probe)
		}
		found := len(cands)
		for _, oi := range o.order[:probe] {
			for _, j := range in(o.lists[uint32(oi)], c) {
				m := &o.marks[j]
				if m.gen != o.gen {
					m.gen = o.gen
					m.count = unprobed
					cands = append(cands, j)
				}
				m.count++
			}
		}
		if len(cands) == found {
			continue
		}
		for _, oi := range o.order[probe : probe+extra] {
			for _, j := range in(o.lists[uint32(oi)], c) {
				if m := &o.marks[j]; m.gen == o.gen {
					m.count++
				}
			}
		}
	}
	// A candidate's count is at most the number of shared hashes plus the
	// unprobed ones, so it bounds what a merge would count: the candidates
	// below the bound are dropped before anything else is compared (at
	// 100,000 generated texts most lookups find thousands of candidates that
	// share one stock phrase), and only the rest are put in order.
	kept := cands[:0]
	for _, i := range cands {
		m := o.marks[i]
		if float64(m.count) >= 0.999*sharedBound(fp.Shingles, float64(m.shingles), max(len(fp.Min), int(m.sketch))) {
			kept = append(kept, i)
		}
	}
	o.cands = cands
	slices.Sort(kept)
	for _, i := range kept {
		if g := o.list[i]; g.repeatedBy(id, fp) {
			return g.id, true
		}
	}
	return "", false
}

// repeatedBy reports whether the text of document id, fingerprint fp,
// repeats original g (which is still one and not id itself). The merge of
// sketches rules most candidates out before SameText compares them.
func (g original) repeatedBy(id corpus.DocID, fp corpus.Fingerprint) bool {
	return g.id != "" && g.id != id && sharesAtLeast(fp.Min, g.fp.Min, 0.999*minShared(fp, g.fp)) && fp.SameText(g.fp)
}

// extraProbes is how many posting lists a lookup reads, beyond the ones
// that find the candidates, to count the hashes the candidates share.
const extraProbes = 12

// selectSmallest reorders a so that its k smallest values come first, in no
// particular order (quickselect: linear on average, where a sort of all of a
// was a fifth of a lookup's time).
func selectSmallest(a []uint64, k int) {
	lo, hi := 0, len(a)-1
	for lo < hi {
		// median of three as the pivot, moved to hi
		mid := lo + (hi-lo)/2
		if a[mid] < a[lo] {
			a[mid], a[lo] = a[lo], a[mid]
		}
		if a[hi] < a[lo] {
			a[hi], a[lo] = a[lo], a[hi]
		}
		if a[mid] < a[hi] {
			a[mid], a[hi] = a[hi], a[mid]
		}
		pivot, store := a[hi], lo
		for i := lo; i < hi; i++ {
			if a[i] < pivot {
				a[i], a[store] = a[store], a[i]
				store++
			}
		}
		a[store], a[hi] = a[hi], a[store]
		switch {
		case store == k-1 || store == k:
			return
		case store < k:
			lo = store + 1
		default:
			hi = store - 1
		}
	}
}

// sharesAtLeast reports whether the ascending lists a and b have at least
// need hashes in common. It stops as soon as the hashes left cannot reach
// need, which for the many candidates that share a few stock phrases is
// early in the merge.
func sharesAtLeast(a, b []uint64, need float64) bool {
	n := 0
	for len(a) > 0 && len(b) > 0 {
		if float64(n+min(len(a), len(b))) < need {
			return false
		}
		switch {
		case a[0] < b[0]:
			a = a[1:]
		case a[0] > b[0]:
			b = b[1:]
		default:
			n++
			a, b = a[1:], b[1:]
		}
	}
	return float64(n) >= need
}

// minShared returns how many sketch hashes two fingerprints must share at
// least for Fingerprint.SameText to hold: the estimate j·(Sf+Sg)/(1+j) of
// common shingles reaches the threshold share T of the shorter text (m
// shingles) only from j = T·m/(Sf+Sg−T·m), and j is the share of the union's
// bottom k hashes found in both sketches, at most shared/k. k is at least the
// longer sketch's length, which keeps the bound on the safe side.
func minShared(f, g corpus.Fingerprint) float64 {
	return sharedBound(f.Shingles, float64(g.Shingles), max(len(f.Min), len(g.Min)))
}

// sharedBound is minShared for texts of sf and sg shingles and k the longer
// sketch's length.
func sharedBound(sf int, sg float64, k int) float64 {
	const t = corpus.DuplicateThreshold
	m := min(float64(sf), sg)
	return float64(k) * t * m / (float64(sf) + sg - t*m)
}
