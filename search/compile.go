package search

import (
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/search/query"
)

// Weights of the index fields and expansions. A whole-word match counts more
// than a match on a part of a compound; an abbreviation's long form almost as
// much as the word typed; a related term of the same topic much less.
const (
	titleBoost      = 1.5
	textBoost       = 1.0
	titlePartsBoost = 0.4
	textPartsBoost  = 0.15
	strictBoost     = 0.8
	relatedBoost    = 0.2
	fuzzyBoost      = 0.5
	phraseBonus     = 1.0 // words typed together found together
	// maxGap is how many words may stand between a negation and the word it
	// negates ("keine eigene Cyberwehr").
	maxGap = 2
)

// searchField is a field a word is looked up in.
type searchField struct {
	name, analyzer string
	boost          float64
	pairs          bool // the field holds pair tokens (pairFilter)
}

// compiler turns a parsed query into a Bleve query.
type compiler struct {
	ix     *Index
	fields []searchField
	// fuzzy holds the word nodes to widen with a fuzzy match on the surface
	// forms, and their edit distance.
	fuzzy map[*node]int
}

func (ix *Index) newCompiler() *compiler {
	c := &compiler{ix: ix, fuzzy: map[*node]int{}}
	c.fields = []searchField{
		{name: fTitle, analyzer: ix.fields.word, boost: titleBoost, pairs: ix.fields.pairs},
		{name: fText, analyzer: ix.fields.word, boost: textBoost, pairs: ix.fields.pairs},
	}
	if ix.fields.parts != "" {
		c.fields = append(c.fields,
			searchField{fTitleParts, ix.fields.parts, titlePartsBoost, ix.fields.pairs},
			searchField{fTextParts, ix.fields.parts, textPartsBoost, ix.fields.pairs})
	}
	return c
}

// compiledQuery is a compiled query: what must match (scored), what must
// not, and exact-value filters (not scored).
type compiledQuery struct {
	must    []query.Query
	should  []query.Query
	mustNot []query.Query
	filters []query.Query
	interp  []string
	// firstFilter and firstNot are the byte offsets of the first filter and
	// exclusion, -1 when none (for error messages).
	firstFilter, firstNot int
}

// compileRoot compiles the top level of a query: filters there become
// unscored filters.
func (c *compiler) compileRoot(root *node) compiledQuery {
	cq := compiledQuery{firstFilter: -1, firstNot: -1}
	var scored []*node
	for _, k := range root.kids {
		switch {
		case k.kind == nFilter || k.kind == nOr && allFilters(k.kids):
			cq.filters = append(cq.filters, c.filterQuery(k))
			cq.interp = append(cq.interp, filterString(k))
			if cq.firstFilter < 0 {
				cq.firstFilter = k.pos
			}
		default:
			scored = append(scored, k)
		}
	}
	must, should, mustNot, interp := c.andList(scored)
	cq.must, cq.should, cq.mustNot = must, should, mustNot
	cq.interp = append(interp, cq.interp...)
	for _, k := range scored {
		if k.kind == nNot {
			cq.firstNot = k.pos
			break
		}
	}
	return cq
}

func allFilters(ns []*node) bool {
	for _, n := range ns {
		if n.kind != nFilter {
			return false
		}
	}
	return len(ns) > 0
}

func filterString(n *node) string {
	if n.kind == nOr {
		var parts []string
		for _, k := range n.kids {
			parts = append(parts, k.String())
		}
		return "(" + strings.Join(parts, " OR ") + ")"
	}
	return n.String()
}

// andList compiles the kids of an AND node. should holds phrase bonuses:
// words typed next to each other score higher where they stand together.
func (c *compiler) andList(kids []*node) (must, should, mustNot []query.Query, interp []string) {
	lg := c.ix.syn != nil
	var run []string
	endRun := func() {
		if len(run) >= 2 {
			if q := c.text(strings.Join(run, " "), phraseBonus); q != nil {
				should = append(should, q)
			}
		}
		run = run[:0]
	}
	for i := 0; i < len(kids); {
		k := kids[i]
		if k.kind == nWord && c.fuzzy[k] == 0 {
			run = append(run, k.text)
		} else {
			endRun()
		}
		switch k.kind {
		case nNot:
			if q, s := c.compile(k.kids[0]); q != nil {
				mustNot = append(mustNot, q)
				interp = append(interp, "NOT "+s)
			}
			i++
			continue
		case nWord:
			// A negation binds to the next word that is not a stop word:
			// "keine Cyberwehr", "nicht zu Ende".
			if lg && negations[strings.ToLower(k.text)] {
				j := i + 1
				for j < len(kids) && kids[j].kind == nWord && c.text(kids[j].text, 1) == nil {
					j++
				}
				if j < len(kids) && (kids[j].kind == nWord || kids[j].kind == nPhrase) {
					if q := c.negated(k, kids[j], j-i-1); q != nil {
						must = append(must, q)
						var words []string
						for _, n := range kids[i : j+1] {
							words = append(words, n.text)
						}
						interp = append(interp, `"`+strings.Join(words, " ")+`" (negation kept)`)
						for _, n := range kids[i+1 : j+1] {
							if n.kind == nWord {
								run = append(run, n.text)
							}
						}
						i = j + 1
						continue
					}
				}
			}
			// Several words may name one thing: "Künstliche Intelligenz".
			if lg {
				if q, s, n := c.multiWord(kids[i:]); n > 0 {
					must = append(must, q)
					interp = append(interp, s)
					for _, n := range kids[i+1 : i+n] {
						run = append(run, n.text)
					}
					i += n
					continue
				}
			}
		}
		if q, s := c.compile(k); q != nil {
			must = append(must, q)
			interp = append(interp, s)
		}
		i++
	}
	endRun()
	return must, should, mustNot, interp
}

// multiWord finds the longest run (two words or more) of words at the start
// of kids that names a thesaurus term, Land or series, and compiles it with
// its expansions. It returns n == 0 when there is none.
func (c *compiler) multiWord(kids []*node) (query.Query, string, int) {
	run := 0
	for run < len(kids) && run < c.ix.syn.words() && kids[run].kind == nWord && c.fuzzy[kids[run]] == 0 {
		run++
	}
	for n := run; n >= 2; n-- {
		words := make([]string, n)
		for i, k := range kids[:n] {
			words[i] = k.text
		}
		text := strings.Join(words, " ")
		exps := c.ix.syn.lookup(text)
		if len(exps) == 0 {
			continue
		}
		var parts []query.Query
		for _, k := range kids[:n] {
			q, _ := c.compile(k)
			if q == nil {
				continue
			}
			parts = append(parts, q)
		}
		if len(parts) == 0 {
			continue
		}
		var base query.Query = query.NewConjunctionQuery(parts)
		if len(parts) == 1 {
			base = parts[0]
		}
		q, s := c.withExpansions(base, text, exps, true)
		return q, s, n
	}
	return nil, "", 0
}

// compile compiles one node; it returns nil when the node has nothing to
// search for (only stop words).
func (c *compiler) compile(n *node) (query.Query, string) {
	switch n.kind {
	case nWord:
		base := c.text(n.text, 1)
		exps := c.ix.syn.lookupCode(n.text)
		exps = append(exps, c.ix.syn.lookup(n.text)...)
		s := n.text
		if d := c.fuzzy[n]; d > 0 {
			fq := query.NewFuzzyQuery(strings.ToLower(n.text))
			fq.SetField(fSpell)
			fq.SetFuzziness(d)
			fq.SetBoost(fuzzyBoost)
			if base == nil {
				base = fq
			} else {
				base = query.NewDisjunctionQuery([]query.Query{base, fq})
			}
			s += "~"
		}
		if base == nil {
			return nil, ""
		}
		if len(exps) > 0 {
			return c.withExpansions(base, n.text, exps, true)
		}
		return base, s
	case nPhrase:
		base := c.text(n.text, 1)
		if base == nil {
			return nil, ""
		}
		return c.withExpansions(base, `"`+n.text+`"`, c.ix.syn.lookup(n.text), false)
	case nFilter:
		return c.filterQuery(n), n.String()
	case nOr:
		var qs []query.Query
		var ss []string
		for _, k := range n.kids {
			if q, s := c.compile(k); q != nil {
				qs = append(qs, q)
				ss = append(ss, s)
			}
		}
		switch len(qs) {
		case 0:
			return nil, ""
		case 1:
			return qs[0], ss[0]
		}
		return query.NewDisjunctionQuery(qs), "(" + strings.Join(ss, " OR ") + ")"
	case nAnd:
		must, should, mustNot, ss := c.andList(n.kids)
		if len(must) == 0 {
			return nil, ""
		}
		b := query.NewBooleanQuery(must, should, mustNot)
		return b, "(" + strings.Join(ss, " AND ") + ")"
	case nNot:
		// only reached for a NOT that is not in an AND list, which the
		// parser does not produce
		return nil, ""
	}
	return nil, ""
}

// withExpansions ORs base with the expansions of label: the equivalents
// together at strictBoost, the related terms together at relatedBoost
// (only when related is true: unquoted words).
func (c *compiler) withExpansions(base query.Query, label string, exps []expansion, related bool) (query.Query, string) {
	var strictQs, relQs []query.Query
	var also, rel []string
	for _, e := range exps {
		if !e.strict && !related {
			continue
		}
		boost := relatedBoost
		if e.strict {
			boost = strictBoost
		}
		q := c.text(e.text, boost)
		if q == nil {
			continue
		}
		if e.strict {
			strictQs = append(strictQs, q)
			also = append(also, e.text)
		} else {
			relQs = append(relQs, q)
			rel = append(rel, e.text)
		}
	}
	qs := []query.Query{base}
	if len(strictQs) > 0 {
		qs = append(qs, query.NewDisjunctionQuery(strictQs))
	}
	if len(relQs) > 0 {
		qs = append(qs, query.NewDisjunctionQuery(relQs))
	}
	if len(qs) == 1 {
		return base, label
	}
	var notes []string
	if len(also) > 0 {
		notes = append(notes, "also: "+strings.Join(also, ", "))
	}
	if len(rel) > 0 {
		notes = append(notes, "related: "+strings.Join(rel, ", "))
	}
	return query.NewDisjunctionQuery(qs), label + " (" + strings.Join(notes, "; ") + ")"
}

// text returns the query for a word or phrase in every search field: the
// text analysed with each field's analyzer, as a term or a phrase, weighted
// by the field's boost times boost. It returns nil when the analysis leaves
// nothing. (Bleve ignores the boost of compound queries, so weights go on
// the term and phrase queries.)
func (c *compiler) text(s string, boost float64) query.Query {
	var qs []query.Query
	for _, f := range c.fields {
		terms := c.analyze(f.analyzer, s)
		if len(terms) == 0 {
			continue
		}
		if f.pairs {
			terms = pairTerms(terms)
		}
		qs = append(qs, termsQuery(terms, f.name, f.boost*boost))
	}
	if len(qs) == 0 {
		return nil
	}
	return query.NewDisjunctionQuery(qs)
}

// pairTerms turns a phrase of single terms into the phrase of its pairs
// (one term for two words), as a field with pair tokens holds them; a
// phrase with a gap or alternatives stays as it is.
func pairTerms(terms [][]string) [][]string {
	if len(terms) < 2 {
		return terms
	}
	for _, t := range terms {
		if len(t) != 1 || t[0] == "" {
			return terms
		}
	}
	out := make([][]string, len(terms)-1)
	for i := range out {
		out[i] = []string{terms[i][0] + pairSep + terms[i+1][0]}
	}
	return out
}

// negated returns the query for a negation followed by the word it negates,
// as phrases allowing skipped (stop words typed between them) up to
// skipped+maxGap words between them.
func (c *compiler) negated(neg, next *node, skipped int) query.Query {
	var qs []query.Query
	for _, f := range c.fields {
		a := c.analyze(f.analyzer, neg.text)
		b := c.analyze(f.analyzer, next.text)
		if len(a) == 0 || len(b) == 0 {
			return nil
		}
		for gap := skipped; gap <= skipped+maxGap; gap++ {
			terms := append([][]string{}, a...)
			for i := 0; i < gap; i++ {
				terms = append(terms, []string{""})
			}
			terms = append(terms, b...)
			if f.pairs {
				terms = pairTerms(terms)
			}
			qs = append(qs, termsQuery(terms, f.name, f.boost))
		}
	}
	return query.NewDisjunctionQuery(qs)
}

// analyze runs the named analyzer over s and returns the terms by position,
// with {""} (any word) where stop words were removed inside the text.
func (c *compiler) analyze(analyzer, s string) [][]string {
	a := c.ix.b.Mapping().AnalyzerNamed(analyzer)
	if a == nil {
		return nil
	}
	tokens := a.Analyze([]byte(s))
	if len(tokens) == 0 {
		return nil
	}
	first, last := tokens[0].Position, tokens[0].Position
	for _, t := range tokens {
		first = min(first, t.Position)
		last = max(last, t.Position)
	}
	out := make([][]string, last-first+1)
	for _, t := range tokens {
		if isPair(string(t.Term)) {
			continue // query terms are paired by pairTerms
		}
		p := t.Position - first
		out[p] = append(out[p], string(t.Term))
	}
	for i := range out {
		if len(out[i]) == 0 {
			out[i] = []string{""}
		}
	}
	return out
}

// termsQuery returns a term query for one term, else a phrase query.
func termsQuery(terms [][]string, field string, boost float64) query.Query {
	if len(terms) == 1 && len(terms[0]) == 1 {
		q := query.NewTermQuery(terms[0][0])
		q.SetField(field)
		q.SetBoost(boost)
		return q
	}
	q := query.NewMultiPhraseQuery(terms, field)
	q.SetBoost(boost)
	return q
}

// filterQuery returns the exact-value query of a filter node (or an OR of
// filter nodes).
func (c *compiler) filterQuery(n *node) query.Query {
	if n.kind == nOr {
		var qs []query.Query
		for _, k := range n.kids {
			qs = append(qs, c.filterQuery(k))
		}
		return query.NewDisjunctionQuery(qs)
	}
	switch n.field {
	case "land":
		return termQuery(n.values[0], fLands)
	case "kind":
		return termQuery(n.values[0], fKind)
	case "topic":
		return termQuery(n.values[0], fTopics)
	case "series":
		return termQuery(n.values[0], fSeries)
	case "year":
		if n.values[0] == Undated {
			// Documents with no year: every document but those with one.
			t := true
			dated := query.NewTermRangeInclusiveQuery("0000", "9999", &t, &t)
			dated.SetField(fYear)
			return query.NewBooleanQuery([]query.Query{query.NewMatchAllQuery()}, nil, []query.Query{dated})
		}
		if n.values[0] == n.values[1] {
			return termQuery(n.values[0], fYear)
		}
		t := true
		q := query.NewTermRangeInclusiveQuery(n.values[0], n.values[1], &t, &t)
		q.SetField(fYear)
		return q
	}
	return query.NewMatchNoneQuery()
}

func termQuery(term, field string) *query.TermQuery {
	q := query.NewTermQuery(term)
	q.SetField(field)
	return q
}

// fuzzyDistance is the edit distance allowed for a misspelt word, 0 when the
// word is too short to guess.
func fuzzyDistance(word string) int {
	switch n := utf8.RuneCountInString(word); {
	case n < 5:
		return 0
	case n < 8:
		return 1
	}
	return 2
}
