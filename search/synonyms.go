package search

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/laendergraph/laendergraph/corpus"
)

// expansion is a term searched for in place of what the user typed.
type expansion struct {
	text string
	// strict marks an equivalent: an abbreviation and its long form ("KI",
	// "Künstliche Intelligenz"), a spelling variant ("Cyber-Wehr"), another
	// name of the same Land or meeting series. Other synonyms of a topic are
	// related terms: they widen an unquoted word only, at a lower weight.
	strict bool
}

// expander finds the synonyms and abbreviations of query terms. It never
// goes up the thesaurus: a term is not expanded to its broader topic (a
// search for "Cyberwehr" must not turn into one for "Cybersicherheit").
type expander struct {
	mu       sync.RWMutex // guards byKey and maxWords once abbreviations are learned
	byKey    map[string][]expansion
	byCode   map[string][]expansion // Land codes, matched only when typed in capitals
	maxWords int                    // words in the longest key
	sp       *splitter
	// learned and pairs are the abbreviations documents define (see learn).
	learned map[string]bool
	pairs   [][2]string
}

// synKey is the lookup key of a term: folded (lower case, umlauts spelt out).
func synKey(s string) string { return corpus.Fold(s) }

func newExpander(th *corpus.Thesaurus, reg *corpus.Registry, sp *splitter) *expander {
	e := &expander{byKey: map[string][]expansion{}, byCode: map[string][]expansion{}, sp: sp}
	add := e.addLocked
	group := func(names []string, strict func(a, b string) bool) {
		for _, a := range names {
			for _, b := range names {
				if a != b {
					add(a, b, strict(a, b))
				}
			}
		}
	}
	always := func(a, b string) bool { return true }

	// A topic's label names the topic: it expands to every synonym (the
	// ones that are not equivalents as related terms). A synonym names
	// something as specific or more: it expands to its equivalents only,
	// never up to the topic ("OZG" finds "Onlinezugangsgesetz", not every
	// text on digital administration).
	for _, t := range th.All() {
		terms := t.Terms()
		for i, a := range terms {
			for j, b := range terms {
				if i == j {
					continue
				}
				strict := isVariant(a, b) || isAbbrev(a, b, sp) || isAbbrev(b, a, sp)
				if strict || i == 0 {
					add(a, b, strict)
				}
			}
		}
	}
	for _, l := range reg.All() {
		names := append([]string{l.Name, l.Genitive, l.Adjective}, l.Aliases...)
		names = nonEmpty(names)
		group(names, always)
		for _, n := range names {
			e.byCode[string(l.Code)] = append(e.byCode[string(l.Code)], expansion{text: n, strict: true})
		}
	}
	for _, s := range corpus.AllSeries() {
		names := append([]string{string(s.ID)}, s.Aliases...)
		names = append(names, labelNames(s.Label)...)
		group(dedupeFolded(nonEmpty(names)), always)
	}
	for k := range e.byKey {
		sort.SliceStable(e.byKey[k], func(i, j int) bool { return e.byKey[k][i].strict && !e.byKey[k][j].strict })
	}
	return e
}

// labelNames splits a series label such as "Digitalministerkonferenz (DMK)"
// or "D16 – Digitalministertreffen der Länder" into the names it holds.
func labelNames(label string) []string {
	var out []string
	if i := strings.IndexByte(label, '('); i >= 0 {
		if j := strings.IndexByte(label[i:], ')'); j > 0 {
			out = append(out, strings.TrimSpace(label[i+1:i+j]))
			label = label[:i] + label[i+j+1:]
		}
	}
	for _, p := range strings.Split(label, " – ") {
		out = append(out, strings.TrimSpace(p))
	}
	return out
}

func nonEmpty(ss []string) []string {
	out := ss[:0:0]
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

func dedupeFolded(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if k := synKey(s); !seen[k] {
			seen[k] = true
			out = append(out, s)
		}
	}
	return out
}

// addLocked adds to as an expansion of from; the caller holds mu (or owns
// e alone).
func (e *expander) addLocked(from, to string, strict bool) {
	k := synKey(from)
	if k == "" || k == synKey(to) {
		return
	}
	for i, x := range e.byKey[k] {
		if synKey(x.text) == synKey(to) {
			e.byKey[k][i].strict = x.strict || strict
			return
		}
	}
	e.byKey[k] = append(e.byKey[k], expansion{text: to, strict: strict})
	if n := len(strings.Fields(k)); n > e.maxWords {
		e.maxWords = n
	}
}

// lookup returns the expansions of a term (one or more words).
func (e *expander) lookup(term string) []expansion {
	if e == nil {
		return nil
	}
	e.mu.RLock()
	defer e.mu.RUnlock()
	return slices.Clone(e.byKey[synKey(term)])
}

// words returns the number of words in the longest key.
func (e *expander) words() int {
	if e == nil {
		return 0
	}
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.maxWords
}

// lookupCode returns the names of the Land whose code is word, when word is
// written as a code (two capital letters).
func (e *expander) lookupCode(word string) []expansion {
	if e == nil || len(word) != 2 || strings.ToUpper(word) != word {
		return nil
	}
	return e.byCode[word]
}

// compact folds s and drops hyphens and spaces: "Cyber-Wehr" → "cyberwehr".
func compact(s string) string {
	return strings.NewReplacer("-", "", " ", "").Replace(corpus.Fold(s))
}

// isVariant reports whether a and b are spellings or inflections of the same
// term: equal up to hyphens and spaces, or one is the other plus an ending.
func isVariant(a, b string) bool {
	ca, cb := compact(a), compact(b)
	if ca == cb {
		return true
	}
	if len(ca) > len(cb) {
		ca, cb = cb, ca
	}
	if !strings.HasPrefix(cb, ca) {
		return false
	}
	switch cb[len(ca):] {
	case "e", "en", "n", "s", "es", "er":
		return true
	}
	return false
}

// isAbbrev reports whether short abbreviates long: short is two to six
// capital letters, the initials of long's words in order, where a compound
// may give the initials of some of its later parts too. "KI" abbreviates
// "Künstliche Intelligenz", "OZG" "Onlinezugangsgesetz", "LVR"
// "Länderübergreifendes Vollmachtsregister" (L, V and Register, not Macht).
func isAbbrev(short, long string, sp *splitter) bool {
	want, ok := abbrevLetters(short)
	if !ok {
		return false
	}
	var words [][]rune // per word: its initial, then its later parts' initials
	for _, w := range splitWords(long) {
		lw := strings.ToLower(w)
		if stopWords()[lw] {
			continue
		}
		initials := []rune{[]rune(lw)[0]}
		if ps := sp.split(lw); len(ps) > 1 {
			for _, p := range ps[1:] {
				initials = append(initials, []rune(p)[0])
			}
		}
		words = append(words, initials)
	}
	if len(words) == 1 && len(words[0]) == 1 {
		return false // one plain word abbreviates nothing
	}
	return initialsMatch(words, want)
}

// abbrevLetters returns the letters of an abbreviation in lower case, or
// false when short is no abbreviation: two to six capitals.
func abbrevLetters(short string) ([]rune, bool) {
	rs := []rune(strings.TrimSpace(short))
	if len(rs) < 2 || len(rs) > 6 {
		return nil, false
	}
	for _, r := range rs {
		if !unicode.IsUpper(r) {
			return nil, false
		}
	}
	return []rune(strings.ToLower(string(rs))), true
}

// isLooseAbbrev reports whether short abbreviates long where the parts of
// a compound the splitter does not know may give letters ("Terminservice"
// in "Föderaler Terminservice (FTS)"): a later part may start at any
// letter that leaves at least three before it and four after it. A reader
// tries it only where no span of words before the bracket is an
// abbreviation by isAbbrev ("Beirat für Breitbandausbau (BBA)" is the
// Beirat's, not "Breitbandausbau" alone).
func isLooseAbbrev(short, long string) bool {
	want, ok := abbrevLetters(short)
	if !ok {
		return false
	}
	var loose [][]rune
	parts := false
	for _, w := range splitWords(long) {
		lw := []rune(strings.ToLower(w))
		if stopWords()[string(lw)] {
			continue
		}
		initials := []rune{lw[0]}
		for p := 3; p <= len(lw)-4; p++ {
			initials, parts = append(initials, lw[p]), true
		}
		loose = append(loose, initials)
	}
	return parts && initialsMatch(loose, want)
}

// initialsMatch reports whether want is, word after word, each word's
// initial followed by the initials of some of its later parts, in order.
// The words are few (at most a definition's) and so are the letters.
func initialsMatch(words [][]rune, want []rune) bool {
	if len(words) == 0 {
		return len(want) == 0
	}
	if len(want) == 0 || want[0] != words[0][0] {
		return false
	}
	// the word's later parts give the letters of want[1:k], as a subsequence
	var try func(part, k int) bool
	try = func(part, k int) bool {
		if initialsMatch(words[1:], want[k:]) {
			return true
		}
		for p := part; p < len(words[0]) && k < len(want); p++ {
			if words[0][p] == want[k] && try(p+1, k+1) {
				return true
			}
		}
		return false
	}
	return try(1, 1)
}

// stopWords returns the stop words of the laendergraph analysis as a set.
var stopWords = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, w := range readList(stopwordsTxt) {
		if !negations[w] {
			m[w] = true
		}
	}
	return m
})
