package search

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/laendergraph/laendergraph/corpus"
)

// MaxLimit is the largest page Search returns.
const MaxLimit = 100

const (
	defaultLimit = 10
	// fewHits is the number of hits below which Search tries typo tolerance.
	fewHits = 3
	// eachPage is the page size Each reads with.
	eachPage = 500
	// scoringModel is the scoring model of new indexes: BM25 saturates the
	// weight of words repeated many times, which tf-idf does not.
	scoringModel = "bm25"
)

// Request is a search.
type Request struct {
	// Query is the query text: words, "phrases", -excluded, OR, (groups) and
	// field filters land:BW kind:strategy topic:ki series:dmk year:2023
	// (or year:2019..2023). The empty query matches every document (for
	// browsing with filters).
	Query string
	// Filters, combined with those in Query.
	Land   corpus.LandCode
	Kind   corpus.Kind
	Topic  corpus.TopicID
	Series corpus.SeriesID
	// From and To bound the publication date (inclusive; partial dates
	// cover their month or year). A document without a date is left out
	// when either is set.
	From, To corpus.Date
	// Sort is "relevance" (the default) or "date" (newest first).
	Sort string
	// Limit is the page size: 0 means 10, more than MaxLimit means MaxLimit.
	Limit int
	// Cursor continues from a previous Result.Next.
	Cursor string
	// Highlight asks for Hit.Highlights.
	Highlight bool
	// WithText asks for the stored text of each hit in Hit.Doc.Text (for
	// reading passages; it makes hits as large as their documents).
	WithText bool
}

// Result is one page of hits. The index keeps recent results to answer a
// repeated search: a caller may change Hits, not what its elements hold.
type Result struct {
	Total uint64
	Hits  []Hit
	// Next is the cursor for the next page, "" at the end.
	Next string
	// Facets count the matching documents by "land", "kind", "topic",
	// "year" and "series", most frequent first.
	Facets map[string][]FacetValue
	// DidYouMean is the query with misspelt words replaced by the closest
	// words of the index, when the query found little.
	DidYouMean string
	// Interpretation says how the query was read: expansions, negations,
	// filters, typo tolerance.
	Interpretation string
	Took           time.Duration
}

// Hit is a matching document.
type Hit struct {
	// Doc is the document's metadata (Text is empty unless the request
	// asked WithText).
	Doc   corpus.Document
	Score float64
	// Highlights are snippets of about 160 characters, HTML-escaped, with
	// the matched text in <mark>…</mark>; a match inside a compound marks
	// the whole word.
	Highlights []string
}

// FacetValue is the number of matching documents with one value.
type FacetValue struct {
	Value string
	Count int
}

// facetFields maps facet names to index fields and sizes.
var facetFields = []struct {
	name, field string
	size        int
}{
	{"land", fLands, 16}, {"kind", fKind, 10}, {"topic", fTopics, 100}, {"year", fYear, 100}, {"series", fSeries, 20},
}

var storedFields = []string{fTitle, fFile, fDate, fKind, fLand, fLaender, fTopics, fSeries, fDuplicateOf, fSource, fFormat, fContentHash, fIngestedAt, fDemo}

// plan is a request made ready to run.
type plan struct {
	req       Request
	root      *node
	matchAll  bool
	filters   []query.Query // request and query filters
	sortOrder bsearch.SortOrder
	key       string // identifies query, filters and sort, for cursors
	limit     int
}

// prepare validates req and parses its query.
func (ix *Index) prepare(req Request) (*plan, error) {
	p := &plan{req: req, limit: req.Limit}
	switch {
	case req.Limit < 0:
		return nil, fmt.Errorf("search: negative limit %d: %w", req.Limit, corpus.Invalid("limit ist negativ (%d)", req.Limit))
	case req.Limit == 0:
		p.limit = defaultLimit
	case req.Limit > MaxLimit:
		p.limit = MaxLimit
	}
	switch req.Sort {
	case "", "relevance":
		p.sortOrder = bsearch.SortOrder{&bsearch.SortScore{Desc: true}, &bsearch.SortDocID{}}
	case "date":
		p.sortOrder = bsearch.SortOrder{
			&bsearch.SortField{Field: fDate, Desc: true, Type: bsearch.SortFieldAsString, Missing: bsearch.SortFieldMissingLast},
			&bsearch.SortDocID{},
		}
	default:
		return nil, fmt.Errorf("search: %w", corpus.Invalid("unbekannte Sortierung „%s“ (relevance oder date)", req.Sort))
	}
	fs, err := ix.requestFilters(req)
	if err != nil {
		return nil, err
	}
	p.filters = fs
	root, err := parse(req.Query, ix.opts.Registry, ix.opts.Thesaurus)
	if err != nil {
		return nil, err
	}
	p.root = root
	p.matchAll = len(root.kids) == 0
	h := fnv.New64a()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%s\x00%s\x00%s\x00%s\x00%s", ix.analysis, req.Query, req.Land, req.Kind, req.Topic, req.Series, req.From, req.To, req.Sort)
	p.key = strconv.FormatUint(h.Sum64(), 36)
	return p, nil
}

// requestFilters validates the filters given as Request fields.
func (ix *Index) requestFilters(req Request) ([]query.Query, error) {
	var fs []query.Query
	for _, f := range []struct{ field, val string }{
		{"land", string(req.Land)}, {"kind", string(req.Kind)}, {"topic", string(req.Topic)}, {"series", string(req.Series)},
	} {
		if f.val == "" {
			continue
		}
		vs, msg := resolveFilter(f.field, f.val, ix.opts.Registry, ix.opts.Thesaurus)
		if msg != "" {
			return nil, fmt.Errorf("search: %w", corpus.Invalid("%s „%s“: %s", f.field, f.val, msg))
		}
		fs = append(fs, (&compiler{ix: ix}).filterQuery(&node{kind: nFilter, field: f.field, values: vs}))
	}
	if !req.From.Valid() || !req.To.Valid() {
		return nil, fmt.Errorf("search: %w", corpus.Invalid("ungültiger Zeitraum „%s“ bis „%s“", req.From, req.To))
	}
	t := true
	if req.From != "" {
		q := query.NewTermRangeInclusiveQuery(string(req.From.First()), "", &t, nil)
		q.SetField(fDateLast)
		fs = append(fs, q)
	}
	if req.To != "" {
		q := query.NewTermRangeInclusiveQuery("", string(req.To.Last()), nil, &t)
		q.SetField(fDateFirst)
		fs = append(fs, q)
	}
	return fs, nil
}

// build compiles the plan's query; fuzzy names the words to widen with a
// fuzzy match.
func (ix *Index) build(p *plan, fuzzy map[*node]int) (query.Query, string, error) {
	return ix.buildMost(p, fuzzy, false)
}

// buildMost is build; relax relaxes a query of three terms or more to
// match documents holding all but a third of them (ranked by how many and
// how well).
func (ix *Index) buildMost(p *plan, fuzzy map[*node]int, relax bool) (query.Query, string, error) {
	var must, should, mustNot, filters []query.Query
	var interp []string
	if p.matchAll {
		must = []query.Query{query.NewMatchAllQuery()}
		interp = []string{"all documents"}
	} else {
		c := ix.newCompiler()
		for n, d := range fuzzy {
			c.fuzzy[n] = d
		}
		cq := c.compileRoot(p.root)
		must, should, mustNot, filters, interp = cq.must, cq.should, cq.mustNot, cq.filters, cq.interp
		if k := len(must) - len(must)/3; relax && len(must) >= 3 && k < len(must) {
			d := query.NewDisjunctionQuery(must)
			d.SetMin(float64(k))
			must = []query.Query{d}
			interp = append(interp, fmt.Sprintf("(at least %d of %d terms)", k, len(cq.must)))
		}
		if len(cq.must) == 0 {
			if cq.firstFilter < 0 && cq.firstNot < 0 {
				return nil, "", &QueryError{Pos: 0, Msg: "nichts zu suchen: die Suchanfrage enthält nur Füllwörter oder Satzzeichen"}
			}
			// Only filters or exclusions ("kind:strategy year:2022",
			// "-Heidelberg"): browse every document they let through.
			must = []query.Query{query.NewMatchAllQuery()}
			interp = append([]string{"all documents"}, interp...)
		}
	}
	filters = append(filters, p.filters...)
	b := query.NewBooleanQuery(must, should, mustNot)
	switch len(filters) {
	case 0:
	case 1:
		b.AddFilter(filters[0])
	default:
		b.AddFilter(query.NewConjunctionQuery(filters))
	}
	s := strings.Join(interp, " AND ")
	var extra []string
	for _, f := range []struct{ k, v string }{
		{"land", string(p.req.Land)}, {"kind", string(p.req.Kind)}, {"topic", string(p.req.Topic)},
		{"series", string(p.req.Series)}, {"from", string(p.req.From)}, {"to", string(p.req.To)},
	} {
		if f.v != "" {
			extra = append(extra, f.k+"="+f.v)
		}
	}
	if len(extra) > 0 {
		s += " | filters: " + strings.Join(extra, ", ")
	}
	if p.req.Sort == "date" {
		s += " | newest first"
	}
	return b, s, nil
}

// cursor is the decoded form of Result.Next.
type cursor struct {
	Key   string   `json:"k"`
	After [][]byte `json:"a"`
	Seen  uint64   `json:"n"`
	Fuzzy []int    `json:"f,omitempty"` // byte offsets of the words searched fuzzily
	Most  int      `json:"m,omitempty"` // 1: the query was relaxed to most of its terms (see buildMost)
}

func (c cursor) encode() string {
	b, _ := json.Marshal(c) // plain struct: cannot fail
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeCursor(s, key string) (*cursor, error) {
	if s == "" {
		return nil, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	var c cursor
	if err == nil {
		err = json.Unmarshal(b, &c)
	}
	if err != nil {
		return nil, fmt.Errorf("search: %w", corpus.Invalid("der Cursor ist beschädigt"))
	}
	if c.Key != key {
		return nil, fmt.Errorf("search: %w", corpus.Invalid("der Cursor gehört zu einer anderen Suche oder Sortierung"))
	}
	return &c, nil
}

// Search runs req and returns one page of hits.
func (ix *Index) Search(ctx context.Context, req Request) (*Result, error) {
	start := time.Now()
	if res, ok := ix.results.get(req); ok {
		res.Took = time.Since(start)
		return res, nil
	}
	gen := ix.results.generation()
	p, err := ix.prepare(req)
	if err != nil {
		return nil, err
	}
	cur, err := decodeCursor(req.Cursor, p.key)
	if err != nil {
		return nil, err
	}
	exec, sr, err := ix.page(ctx, p, cur, p.limit, true)
	if err != nil {
		return nil, err
	}
	res := &Result{Total: sr.Total, Interpretation: exec.interp, DidYouMean: exec.didYouMean}
	for _, h := range sr.Hits {
		res.Hits = append(res.Hits, ix.hit(h, req))
	}
	seen := uint64(len(sr.Hits))
	if cur != nil {
		seen += cur.Seen
	}
	if len(sr.Hits) == p.limit && seen < sr.Total {
		res.Next = cursor{Key: p.key, After: sortAfter(sr.Hits[len(sr.Hits)-1]), Seen: seen, Fuzzy: exec.fuzzyOffsets(), Most: exec.mostFlag()}.encode()
	}
	res.Facets = sr.facets
	res.Took = time.Since(start)
	ix.results.put(req, gen, res)
	return res, nil
}

// Each calls fn for every hit of req in order, paging internally (there is
// no ceiling on the number of hits). Limit is ignored; a Cursor starts after
// that page. fn's error stops the walk and is returned.
func (ix *Index) Each(ctx context.Context, req Request, fn func(Hit) error) error {
	p, err := ix.prepare(req)
	if err != nil {
		return err
	}
	cur, err := decodeCursor(req.Cursor, p.key)
	if err != nil {
		return err
	}
	exec, sr, err := ix.page(ctx, p, cur, eachPage, false)
	for {
		if err != nil {
			return err
		}
		for _, h := range sr.Hits {
			if err := fn(ix.hit(h, req)); err != nil {
				return err
			}
		}
		if len(sr.Hits) < eachPage {
			return nil
		}
		sr, err = ix.run(ctx, p, exec.q, afterStrings(sortAfter(sr.Hits[len(sr.Hits)-1])), eachPage, false)
	}
}

// page runs the page of p that follows cur (the first page when cur is nil).
func (ix *Index) page(ctx context.Context, p *plan, cur *cursor, size int, withFacets bool) (*execution, *page, error) {
	if cur == nil {
		return ix.firstPage(ctx, p, size, withFacets)
	}
	exec, err := ix.executionMost(p, cur.Fuzzy, cur.Most != 0)
	if err != nil {
		return nil, nil, err
	}
	sr, err := ix.run(ctx, p, exec.q, afterStrings(cur.After), size, withFacets)
	return exec, sr, err
}

func afterStrings(vals [][]byte) []string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = string(v)
	}
	return out
}

// execution is a compiled query ready to run, with how it was read.
type execution struct {
	q          query.Query
	interp     string
	didYouMean string
	fuzzy      map[*node]int
	relaxed    bool // relaxed to documents holding most of the terms
}

// mostFlag is the cursor's record of a relaxed query.
func (e *execution) mostFlag() int {
	if e.relaxed {
		return 1
	}
	return 0
}

func (e *execution) fuzzyOffsets() []int {
	var out []int
	for n := range e.fuzzy {
		out = append(out, n.pos)
	}
	sort.Ints(out)
	return out
}

// execution compiles p with the words at the given byte offsets searched
// fuzzily (as recorded in a cursor).
func (ix *Index) execution(p *plan, fuzzyAt []int) (*execution, error) {
	return ix.executionMost(p, fuzzyAt, false)
}

// executionMost is execution with the query relaxed to most of its words
// (see buildMost).
func (ix *Index) executionMost(p *plan, fuzzyAt []int, relax bool) (*execution, error) {
	fuzzy := map[*node]int{}
	if len(fuzzyAt) > 0 {
		want := map[int]bool{}
		for _, o := range fuzzyAt {
			want[o] = true
		}
		for _, w := range positiveWords(p.root) {
			if want[w.pos] {
				fuzzy[w] = max(fuzzyDistance(w.text), 1)
			}
		}
	}
	q, interp, err := ix.buildMost(p, fuzzy, relax)
	if err != nil {
		return nil, err
	}
	if len(fuzzy) > 0 {
		interp += " | typo-tolerant"
	}
	return &execution{q: q, interp: interp, fuzzy: fuzzy, relaxed: relax}, nil
}

// firstPage runs the first page of p. When the query finds fewer than
// fewHits documents it looks for misspelt words (words of five letters or
// more that find nothing on their own), suggests the closest words of the
// index and, if that finds more, searches those words fuzzily.
func (ix *Index) firstPage(ctx context.Context, p *plan, size int, withFacets bool) (*execution, *page, error) {
	exec, err := ix.execution(p, nil)
	if err != nil {
		return nil, nil, err
	}
	sr, err := ix.run(ctx, p, exec.q, nil, size, withFacets)
	if err != nil || sr.Total >= fewHits || p.matchAll {
		return exec, sr, err
	}
	exec, sr, err = ix.typoTolerant(ctx, p, exec, sr, size, withFacets)
	if err != nil || sr.Total >= fewHits {
		return exec, sr, err
	}
	return ix.mostWords(ctx, p, exec, sr, size, withFacets)
}

// mostWords relaxes a query of three terms or more that found fewer than
// fewHits documents to the documents holding most of its terms (all but a
// third): "Digital First Plattform Anwohnerparken Asbestfunde online melden"
// still finds the page that names five of them.
func (ix *Index) mostWords(ctx context.Context, p *plan, exec *execution, sr *page, size int, withFacets bool) (*execution, *page, error) {
	if len(positiveWords(p.root)) < 3 || len(exec.fuzzy) > 0 {
		return exec, sr, nil
	}
	rex, err := ix.executionMost(p, nil, true)
	if err != nil {
		return nil, nil, err
	}
	rsr, err := ix.run(ctx, p, rex.q, nil, size, withFacets)
	if err != nil {
		return nil, nil, err
	}
	if rsr.Total <= sr.Total {
		return exec, sr, nil
	}
	rex.didYouMean = exec.didYouMean
	return rex, rsr, nil
}

// typoTolerant retries a query that found little with its misspelt words
// searched fuzzily (see firstPage).
func (ix *Index) typoTolerant(ctx context.Context, p *plan, exec *execution, sr *page, size int, withFacets bool) (*execution, *page, error) {
	fuzzy := map[*node]int{}
	replace := map[*node]string{}
	for _, w := range positiveWords(p.root) {
		d := fuzzyDistance(w.text)
		if d == 0 || negations[strings.ToLower(w.text)] {
			continue
		}
		n, err := ix.countWord(ctx, w)
		if err != nil {
			return nil, nil, err
		}
		if n > 0 {
			continue
		}
		fuzzy[w] = d
		if s, ok := ix.suggest(w.text, d); ok {
			replace[w] = s
		}
	}
	if len(fuzzy) == 0 {
		return exec, sr, nil
	}
	if len(replace) > 0 {
		exec.didYouMean = rewrite(p.req.Query, replace)
	}
	q, interp, err := ix.build(p, fuzzy)
	if err != nil {
		return nil, nil, err
	}
	fsr, err := ix.run(ctx, p, q, nil, size, withFacets)
	if err != nil {
		return nil, nil, err
	}
	if fsr.Total <= sr.Total {
		return exec, sr, nil
	}
	return &execution{q: q, interp: interp + " | typo-tolerant", didYouMean: exec.didYouMean, fuzzy: fuzzy}, fsr, nil
}

// positiveWords returns the word nodes of n that are not excluded.
func positiveWords(n *node) []*node {
	var out []*node
	var walk func(*node)
	walk = func(n *node) {
		switch n.kind {
		case nWord:
			out = append(out, n)
		case nAnd, nOr:
			for _, k := range n.kids {
				walk(k)
			}
		}
	}
	walk(n)
	return out
}

// countWord counts the documents that one word matches on its own.
func (ix *Index) countWord(ctx context.Context, w *node) (uint64, error) {
	q, _ := ix.newCompiler().compile(w)
	if q == nil {
		return 1, nil // stop word: nothing to correct
	}
	sr, err := ix.b.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, 0, 0, false))
	if err != nil {
		return 0, fmt.Errorf("search: %w", err)
	}
	return sr.Total, nil
}

// rewrite returns q with the given words replaced.
func rewrite(q string, replace map[*node]string) string {
	ns := make([]*node, 0, len(replace))
	for n := range replace {
		ns = append(ns, n)
	}
	sort.Slice(ns, func(i, j int) bool { return ns[i].pos > ns[j].pos })
	for _, n := range ns {
		q = q[:n.pos] + replace[n] + q[n.end:]
	}
	return q
}

// page is one page of hits as Bleve returns them, with the facets of every
// hit when they were asked for.
type page struct {
	*bleve.SearchResult
	facets map[string][]FacetValue
}

// run runs one page of q. Facets are counted from the set of hits (see
// hitSetQuery); highlights are located for the hits of the page only.
func (ix *Index) run(ctx context.Context, p *plan, q query.Query, after []string, size int, withFacets bool) (*page, error) {
	var hs *hitSetQuery
	if withFacets {
		hs = newHitSetQuery(q, &ix.facets)
		q = hs
	}
	// The first page by relevance is sorted by score alone (see
	// byScoreThenID): sorting by ID too makes Bleve look up the ID of every
	// hit.
	byScore := after == nil && p.req.Sort != "date" && size > 0
	sr := bleve.NewSearchRequestOptions(q, size, 0, false)
	if byScore {
		sr.Size = size + 1
		sr.SortByCustom(bsearch.SortOrder{&bsearch.SortScore{Desc: true}})
	} else {
		sr.SortByCustom(p.sortOrder)
	}
	if after != nil {
		if len(after) != len(p.sortOrder) {
			return nil, fmt.Errorf("search: %w", corpus.Invalid("der Cursor ist beschädigt"))
		}
		sr.SearchAfter = after
	}
	sr.Fields = storedFields
	if p.req.Highlight || p.req.WithText {
		sr.Fields = append(append([]string(nil), storedFields...), fText)
	}
	res, err := ix.b.SearchInContext(ctx, sr)
	if err != nil {
		return nil, searchError(ctx, err)
	}
	if byScore && !byScoreThenID(res, size) {
		// a tie at the page's edge: let Bleve sort by score and ID
		sr.Query, sr.Size = unwrap(q), size
		sr.SortByCustom(p.sortOrder)
		again, err := ix.b.SearchInContext(ctx, sr)
		if err != nil {
			return nil, searchError(ctx, err)
		}
		res.Hits = again.Hits
	}
	out := &page{SearchResult: res}
	if hs != nil {
		fs, ok := hs.facets()
		if !ok { // not a scorch index: let Bleve count
			for _, f := range facetFields {
				sr.AddFacet(f.name, bleve.NewFacetRequest(f.field, f.size))
			}
			sr.Query, sr.Size, sr.Fields = hs.q, 0, nil
			fr, err := ix.b.SearchInContext(ctx, sr)
			if err != nil {
				return nil, searchError(ctx, err)
			}
			fs = facets(fr)
		}
		out.facets = fs
	}
	if p.req.Highlight && len(res.Hits) > 0 {
		err := ix.locateHits(ctx, unwrap(q), res.Hits)
		if errors.Is(err, errUnlocatable) {
			err = ix.locate(ctx, unwrap(q), res.Hits)
		}
		if err != nil {
			return nil, searchError(ctx, err)
		}
	}
	return out, nil
}

// byScoreThenID makes the hits of res, found sorted by score alone with one
// more than size, the first page sorted by score and then ID, as the plan's
// sort order and the cursor have it, and reports whether that was possible:
// when the extra hit scores less than the last of the page, no hit outside
// the page ties with one inside, so the page holds the same documents
// whatever breaks ties, and only its order needs the IDs.
func byScoreThenID(res *bleve.SearchResult, size int) bool {
	hits := res.Hits
	if len(hits) > size {
		if hits[size].Score == hits[size-1].Score {
			return false
		}
		hits = hits[:size]
	}
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].Score != hits[j].Score {
			return hits[i].Score > hits[j].Score
		}
		return hits[i].ID < hits[j].ID
	})
	for _, h := range hits {
		h.Sort = []string{"_score", h.ID}
		h.DecodedSort = nil
	}
	res.Hits = hits
	return true
}

func unwrap(q query.Query) query.Query {
	if hs, ok := q.(*hitSetQuery); ok {
		return hs.q
	}
	return q
}

func searchError(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("search: %w", ctx.Err())
	}
	return fmt.Errorf("search: %w", err)
}

// locate sets the locations of the matches in hits with Bleve: it runs q
// again on those documents alone (see locateHits, which is faster).
func (ix *Index) locate(ctx context.Context, q query.Query, hits bsearch.DocumentMatchCollection) error {
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	lq := query.NewConjunctionQuery([]query.Query{q, query.NewDocIDQuery(ids)})
	sr := bleve.NewSearchRequestOptions(lq, len(ids), 0, false)
	sr.IncludeLocations = true
	res, err := ix.b.SearchInContext(ctx, sr)
	if err != nil {
		return searchError(ctx, err)
	}
	locs := make(map[string]bsearch.FieldTermLocationMap, len(res.Hits))
	for _, h := range res.Hits {
		locs[h.ID] = h.Locations
	}
	for _, h := range hits {
		h.Locations = locs[h.ID]
	}
	return nil
}

// sortAfter returns the search_after values of a hit.
func sortAfter(h *bsearch.DocumentMatch) [][]byte {
	vals := h.Sort
	if len(h.DecodedSort) == len(h.Sort) {
		vals = h.DecodedSort
	}
	out := make([][]byte, len(vals))
	for i, v := range vals {
		if v == "_score" {
			v = strconv.FormatFloat(h.Score, 'g', -1, 64)
		}
		out[i] = []byte(v)
	}
	return out
}

// facets converts Bleve's facet results.
func facets(sr *bleve.SearchResult) map[string][]FacetValue {
	if len(sr.Facets) == 0 {
		return nil
	}
	out := map[string][]FacetValue{}
	for _, f := range facetFields {
		fr, ok := sr.Facets[f.name]
		vals := []FacetValue{}
		if ok && fr.Terms != nil {
			for _, t := range fr.Terms.Terms() {
				vals = append(vals, FacetValue{Value: t.Term, Count: t.Count})
			}
		}
		sort.Slice(vals, func(i, j int) bool {
			if vals[i].Count != vals[j].Count {
				return vals[i].Count > vals[j].Count
			}
			return vals[i].Value < vals[j].Value
		})
		out[f.name] = vals
	}
	return out
}

// hit converts a Bleve hit.
func (ix *Index) hit(h *bsearch.DocumentMatch, req Request) Hit {
	str := func(k string) string {
		if s, ok := h.Fields[k].(string); ok {
			return s
		}
		return ""
	}
	strs := func(k string) []string {
		switch v := h.Fields[k].(type) {
		case string:
			return []string{v}
		case []interface{}:
			out := make([]string, 0, len(v))
			for _, x := range v {
				if s, ok := x.(string); ok {
					out = append(out, s)
				}
			}
			return out
		}
		return nil
	}
	d := corpus.Document{
		ID: corpus.DocID(h.ID), File: str(fFile), Title: str(fTitle), Source: str(fSource),
		Date: corpus.Date(str(fDate)), Kind: corpus.Kind(str(fKind)), Land: corpus.LandCode(str(fLand)),
		Format: str(fFormat), ContentHash: str(fContentHash), DuplicateOf: corpus.DocID(str(fDuplicateOf)),
		Demo: str(fDemo) == "true",
	}
	if t, err := time.Parse(time.RFC3339Nano, str(fIngestedAt)); err == nil {
		d.IngestedAt = t
	}
	for _, l := range strs(fLaender) {
		d.Laender = append(d.Laender, corpus.LandCode(l))
	}
	for _, t := range strs(fTopics) {
		d.Topics = append(d.Topics, corpus.TopicID(t))
	}
	for _, s := range strs(fSeries) {
		d.Series = append(d.Series, corpus.SeriesID(s))
	}
	if req.WithText {
		d.Text = str(fText)
	}
	out := Hit{Doc: d, Score: h.Score}
	if req.Highlight {
		out.Highlights = highlights(str(fText), d.Title, h.Locations)
	}
	return out
}

// suggest returns the word of the index closest to w (within edit distance
// d), preferring the smallest distance, then the most documents.
func (ix *Index) suggest(w string, d int) (string, bool) {
	adv, err := ix.b.Advanced()
	if err != nil {
		return "", false
	}
	r, err := adv.Reader()
	if err != nil {
		return "", false
	}
	defer r.Close()
	fr, ok := r.(index.IndexReaderFuzzy)
	if !ok {
		return "", false
	}
	lw := strings.ToLower(w)
	dict, err := fr.FieldDictFuzzy(fSpell, lw, d, "")
	if err != nil {
		return "", false
	}
	defer dict.Close()
	var best *index.DictEntry
	bestDist := 0
	for {
		e, err := dict.Next()
		if err != nil || e == nil {
			break
		}
		if e.Term == lw {
			continue
		}
		dist := levenshtein(lw, e.Term)
		if dist > d {
			continue
		}
		if best == nil || dist < bestDist ||
			dist == bestDist && (e.Count > best.Count || e.Count == best.Count && e.Term < best.Term) {
			c := *e
			best, bestDist = &c, dist
		}
	}
	if best == nil {
		return "", false
	}
	return capitalizeLike(best.Term, w), true
}

// capitalizeLike gives s the capitalisation of the first letter of like.
func capitalizeLike(s, like string) string {
	r, _ := utf8.DecodeRuneInString(like)
	if !unicode.IsUpper(r) || s == "" {
		return s
	}
	f, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(f)) + s[n:]
}

// levenshtein returns the edit distance between a and b, in runes.
func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
