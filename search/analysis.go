package search

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/de"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/stop"
	bunicode "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/analysis/tokenmap"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/laendergraph/laendergraph/corpus"
)

// The analyses an Index can use.
const (
	// AnalysisLaendergraph is the German analysis of this package: compound
	// splitting, negations kept, synonyms and abbreviations from the
	// thesaurus and the registries. It is the default.
	AnalysisLaendergraph = "laendergraph"
	// AnalysisDE is Bleve's plain German analyzer, kept to measure what the
	// laendergraph analysis adds.
	AnalysisDE = "de"
)

// Names of the analysis components registered with Bleve. They are stored in
// an index's mapping, so they must not change once indexes exist.
const (
	compoundFilterType = "laendergraph_compound"
	feminineFilterType = "laendergraph_feminine"
	genitiveFilterType = "laendergraph_genitive"
	pairFilterType     = "laendergraph_pairs"
	analyzerWord       = "lg_word"  // whole words: lower case, stop words, umlauts folded, light stemmer
	analyzerParts      = "lg_parts" // as lg_word, with compounds replaced by their parts
	analyzerSpell      = "lg_spell" // surface forms in lower case, for typo tolerance
	stopMapName        = "lg_stopwords"
	stopFilterName     = "lg_stop"
	compoundFilterName = "lg_compound"
	feminineFilterName = "lg_feminine"
	genitiveFilterName = "lg_genitive"
	pairFilterName     = "lg_pairs"
)

//go:embed data/words.txt
var wordsTxt []byte

//go:embed data/stopwords.txt
var stopwordsTxt []byte

// negations are the words the laendergraph stop list keeps on purpose; a
// negation in a query binds to the word after it.
var negations = map[string]bool{
	"nicht": true, "kein": true, "keine": true, "keinem": true, "keinen": true,
	"keiner": true, "keines": true, "ohne": true, "nie": true, "niemals": true,
	"nichts": true, "weder": true, "niemand": true,
}

func init() {
	// Bleve builds analyzers from an index's stored mapping by registered
	// type name, so the compound filter must be registered before any index
	// is opened. The word list itself travels in the mapping.
	if err := registry.RegisterTokenFilter(compoundFilterType, compoundFilterConstructor); err != nil {
		panic(err) // only fails on a duplicate name, which is a programming error
	}
	if err := registry.RegisterTokenFilter(feminineFilterType, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return feminineFilter{}, nil
	}); err != nil {
		panic(err)
	}
	if err := registry.RegisterTokenFilter(genitiveFilterType, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return genitiveFilter{}, nil
	}); err != nil {
		panic(err)
	}
	if err := registry.RegisterTokenFilter(pairFilterType, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return pairFilter{}, nil
	}); err != nil {
		panic(err)
	}
}

// readList reads a word list: one entry a line, "#" comments, blank lines
// ignored, lower-cased.
func readList(b []byte) []string {
	var out []string
	seen := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		w := strings.ToLower(strings.TrimSpace(line))
		if w == "" || seen[w] {
			continue
		}
		seen[w] = true
		out = append(out, w)
	}
	return out
}

// compoundWords returns the embedded word list plus the words learned from
// the thesaurus and the registry: Land names always (a name must never be
// split: "Brandenburg" is not "Brand" + "Burg"), and single words of topic
// terms that the list cannot split already.
func compoundWords(th *corpus.Thesaurus, reg *corpus.Registry) []string {
	words := readList(wordsTxt)
	base := newSplitter(words)
	seen := map[string]bool{}
	for _, w := range words {
		seen[w] = true
	}
	add := func(w string) {
		w = strings.ToLower(w)
		if utf8.RuneCountInString(w) < 4 || seen[w] || !allLetters(w) {
			return
		}
		seen[w] = true
		words = append(words, w)
	}
	for _, l := range reg.All() {
		for _, name := range append([]string{l.Name}, l.Aliases...) {
			for _, w := range splitWords(name) {
				add(w)
			}
		}
	}
	for _, t := range th.All() {
		for _, term := range t.Terms() {
			for _, w := range splitWords(term) {
				if len(base.split(strings.ToLower(w))) < 2 {
					add(w)
				}
			}
		}
	}
	return words
}

// splitWords splits a name or term into its words at spaces, hyphens and
// punctuation.
func splitWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func allLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

// Flags of a splitter key.
const (
	keyFull  = 1 // a listed word (or its ASCII spelling)
	keyEDrop = 2 // a listed word ending in -e without the e: "schul" in "Hochschulbildung"
)

// splitter splits German compounds into listed words.
type splitter struct {
	keys map[string]uint8
}

const (
	minPart     = 3  // runes in the shortest part
	minCompound = 6  // runes in the shortest word worth splitting
	maxCompound = 48 // longer tokens are not words
)

// linkers are the linking elements allowed between parts (Fugenelemente).
var linkers = []string{"", "s", "es", "n", "en"}

// endings are the inflection endings allowed after the last part.
var endings = map[string]bool{
	"": true, "e": true, "en": true, "n": true, "s": true, "es": true, "er": true, "ern": true,
	"em": true, "ns": true, "in": true, "innen": true, "nen": true,
}

func newSplitter(words []string) *splitter {
	s := &splitter{keys: map[string]uint8{}}
	for _, w := range words {
		for _, f := range spellings(strings.ToLower(w)) {
			s.keys[f] |= keyFull
			if strings.HasSuffix(f, "e") && utf8.RuneCountInString(f) >= 5 {
				s.keys[f[:len(f)-1]] |= keyEDrop
			}
		}
	}
	return s
}

var (
	asciiUmlauts = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss")
	sharpS       = strings.NewReplacer("ß", "ss")
)

// spellings returns w with umlauts, with ß as ss, and with umlauts spelt out.
func spellings(w string) []string {
	out := []string{w}
	for _, v := range []string{sharpS.Replace(w), asciiUmlauts.Replace(w)} {
		if v != out[len(out)-1] && v != w {
			out = append(out, v)
		}
	}
	return out
}

// split returns the parts of the lower-case word w, each a substring of w
// without linking elements (the last part keeps its inflection ending), or
// nil when w is not a compound of listed words. Among the segmentations it
// picks the one with the fewest parts, then the fewest linking elements and
// dropped e's, then the longest last part.
func (s *splitter) split(w string) []string {
	n := utf8.RuneCountInString(w)
	if n < minCompound || n > maxCompound || !allLetters(w) {
		return nil
	}
	// b[i] is the byte offset of rune i; b[n] == len(w).
	b := make([]int, 0, n+1)
	for i := range w {
		b = append(b, i)
	}
	b = append(b, len(w))

	type state struct {
		ok             bool
		parts, penalty int
		prev           int // boundary this state came from
		ps, pe         int // rune range of the part that led here
	}
	better := func(p, q int, st state) bool { // is (p, q) better than st?
		return !st.ok || p < st.parts || (p == st.parts && q < st.penalty)
	}
	best := make([]state, n+1)
	best[0] = state{ok: true}
	var fin state // best complete segmentation; ps/pe hold the last part
	finLast := 0
	for j := 0; j < n; j++ {
		if !best[j].ok {
			continue
		}
		cur := best[j]
		for k := j + minPart; k <= n; k++ {
			f := s.keys[w[b[j]:b[k]]]
			if f == 0 {
				continue
			}
			pen := 0
			if f&keyFull == 0 {
				pen = 1
			}
			// as the last part, with an inflection ending
			if endings[w[b[k]:]] && (f&keyFull != 0 || k < n) {
				p, q := cur.parts+1, cur.penalty+pen
				last := k - j
				if better(p, q, fin) || (p == fin.parts && q == fin.penalty && last > finLast) {
					fin = state{ok: true, parts: p, penalty: q, prev: j, ps: j, pe: n}
					finLast = last
				}
			}
			// as an inner part, followed by a linking element
			for _, l := range linkers {
				e := k + utf8.RuneCountInString(l)
				if e >= n || !strings.HasPrefix(w[b[k]:], l) {
					continue
				}
				q := cur.penalty + pen
				if l != "" {
					q++
				}
				if better(cur.parts+1, q, best[e]) {
					best[e] = state{ok: true, parts: cur.parts + 1, penalty: q, prev: j, ps: j, pe: k}
				}
			}
		}
	}
	if !fin.ok || fin.parts < 2 {
		return nil
	}
	parts := make([]string, fin.parts)
	st := fin
	for i := fin.parts - 1; i >= 0; i-- {
		parts[i] = w[b[st.ps]:b[st.pe]]
		st = best[st.prev]
	}
	return parts
}

// compoundFilter replaces every compound token by its parts. Each part keeps
// the byte span of the whole word, so a highlight of a part marks the word
// that contains it; positions after a compound shift so phrases still work.
type compoundFilter struct {
	s *splitter
	// cache maps words to their parts (nil for no compound); German text
	// repeats its words, so most tokens are split once.
	cache  sync.Map
	cached atomic.Int64
}

// maxCached bounds the split cache.
const maxCached = 200_000

func (f *compoundFilter) split(term []byte) []string {
	if v, ok := f.cache.Load(string(term)); ok {
		return v.([]string)
	}
	w := string(term)
	parts := f.s.split(w)
	if f.cached.Load() < maxCached {
		f.cached.Add(1)
		f.cache.Store(w, parts)
	}
	return parts
}

func (f *compoundFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	out := make(analysis.TokenStream, 0, len(in))
	shift := 0
	for _, t := range in {
		parts := f.split(t.Term)
		if len(parts) < 2 {
			t.Position += shift
			out = append(out, t)
			continue
		}
		for i, p := range parts {
			out = append(out, &analysis.Token{
				Term: []byte(p), Start: t.Start, End: t.End,
				Position: t.Position + shift + i, Type: t.Type, KeyWord: t.KeyWord,
			})
		}
		shift += len(parts) - 1
	}
	return out
}

// feminineFilter turns the feminine plural -innen into the singular -in
// ("Digitalministerinnen" → "Digitalministerin"), which the light stemmer
// leaves apart. It runs before the compound filter, so the last part of a
// compound is a listed word plus -in.
type feminineFilter struct{}

func (feminineFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		if bytes.HasSuffix(t.Term, []byte("innen")) && utf8.RuneCount(t.Term) >= 8 {
			t.Term = t.Term[:len(t.Term)-3]
		}
	}
	return in
}

// genitiveFilter drops the genitive -s after a vowel and r ("des
// Prüflabors" → "prüflabor", "des Sektors", "des Servers"), which the light
// stemmer keeps: it strips -s only after other consonants. Words of six
// letters or more, not in -urs, where the s is the word's own ("Sprachkurs",
// "Diskurs", whose plural "Sprachkurse" keeps it).
type genitiveFilter struct{}

func (genitiveFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		if genitiveRS(t.Term) {
			t.Term = t.Term[:len(t.Term)-1]
		}
	}
	return in
}

// genitiveRS reports whether the lower-case term ends in a vowel other
// than u, "r" and "s" and has six letters or more.
func genitiveRS(term []byte) bool {
	if !bytes.HasSuffix(term, []byte("rs")) || utf8.RuneCount(term) < 6 {
		return false
	}
	v, _ := utf8.DecodeLastRune(term[:len(term)-2])
	return strings.ContainsRune("aeioyäöü", v)
}

// pairSep joins the two terms of a pair token; the tokenizer never leaves
// a space inside a term.
const pairSep = " "

// pairFilter adds, before every token that directly follows another one, a
// pair token of the two terms ("digital strategi") at the first one's
// position, spanning both. A phrase ("digitale Teilhabe", and in the
// compound-part fields every compound: "Digitalstrategie" is digital,
// strategi) is then one term, or a phrase of pairs, instead of a phrase of
// two common terms, which Bleve checks position by position in every
// document holding both (most of the time of a compound search). Two terms
// with a stop word between them make no pair, as they make no phrase.
type pairFilter struct{}

func (pairFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	out := make(analysis.TokenStream, 0, 2*len(in))
	for i, t := range in {
		if i > 0 && in[i-1].Position+1 == t.Position {
			prev := in[i-1]
			term := make([]byte, 0, len(prev.Term)+len(pairSep)+len(t.Term))
			term = append(append(append(term, prev.Term...), pairSep...), t.Term...)
			out = append(out, &analysis.Token{ // before t: positions stay in order
				Term: term, Start: prev.Start, End: max(prev.End, t.End),
				Position: prev.Position, Type: t.Type,
			})
		}
		out = append(out, t)
	}
	return out
}

// isPair reports whether term is a pair token.
func isPair(term string) bool {
	return strings.Contains(term, pairSep)
}

func compoundFilterConstructor(config map[string]interface{}, _ *registry.Cache) (analysis.TokenFilter, error) {
	raw, ok := config["words"].([]interface{})
	if !ok {
		return nil, fmt.Errorf("compound filter: words must be a list")
	}
	words := make([]string, 0, len(raw))
	for _, w := range raw {
		s, ok := w.(string)
		if !ok {
			return nil, fmt.Errorf("compound filter: word %v is not a string", w)
		}
		words = append(words, s)
	}
	return &compoundFilter{s: newSplitter(words)}, nil
}

// analysisConfig is what addAnalysis registers in a mapping.
type analysisConfig struct {
	word, parts string // analyzer names for whole words and compound parts ("" when none)
	// pairs is true when the word and parts fields hold pair tokens
	// (pairFilter): indexes built since analysis version 2.
	pairs bool
}

// addAnalysis registers the custom analysis components for the given
// analysis in m and returns the analyzer names to use.
func addAnalysis(m interface {
	AddCustomTokenMap(string, map[string]interface{}) error
	AddCustomTokenFilter(string, map[string]interface{}) error
	AddCustomAnalyzer(string, map[string]interface{}) error
}, name string, words []string) (analysisConfig, error) {
	if err := m.AddCustomAnalyzer(analyzerSpell, map[string]interface{}{
		"type": custom.Name, "tokenizer": bunicode.Name,
		"token_filters": []interface{}{lowercase.Name},
	}); err != nil {
		return analysisConfig{}, err
	}
	if name == AnalysisDE {
		return analysisConfig{word: de.AnalyzerName}, nil
	}
	stops := []interface{}{}
	for _, w := range readList(stopwordsTxt) {
		if !negations[w] {
			stops = append(stops, w)
		}
	}
	ws := make([]interface{}, len(words))
	for i, w := range words {
		ws[i] = w
	}
	steps := []error{
		m.AddCustomTokenMap(stopMapName, map[string]interface{}{"type": tokenmap.Name, "tokens": stops}),
		m.AddCustomTokenFilter(stopFilterName, map[string]interface{}{"type": stop.Name, "stop_token_map": stopMapName}),
		m.AddCustomTokenFilter(compoundFilterName, map[string]interface{}{"type": compoundFilterType, "words": ws}),
		m.AddCustomTokenFilter(feminineFilterName, map[string]interface{}{"type": feminineFilterType}),
		m.AddCustomTokenFilter(genitiveFilterName, map[string]interface{}{"type": genitiveFilterType}),
		m.AddCustomTokenFilter(pairFilterName, map[string]interface{}{"type": pairFilterType}),
		m.AddCustomAnalyzer(analyzerWord, map[string]interface{}{
			"type": custom.Name, "tokenizer": bunicode.Name,
			"token_filters": []interface{}{lowercase.Name, stopFilterName, feminineFilterName, genitiveFilterName, de.NormalizeName, de.LightStemmerName, pairFilterName},
		}),
		m.AddCustomAnalyzer(analyzerParts, map[string]interface{}{
			"type": custom.Name, "tokenizer": bunicode.Name,
			"token_filters": []interface{}{lowercase.Name, stopFilterName, feminineFilterName, compoundFilterName, genitiveFilterName, de.NormalizeName, de.LightStemmerName, pairFilterName},
		}),
	}
	for _, err := range steps {
		if err != nil {
			return analysisConfig{}, err
		}
	}
	return analysisConfig{word: analyzerWord, parts: analyzerParts, pairs: true}, nil
}

// keywordAnalyzer is the analyzer of exact-value fields.
const keywordAnalyzer = keyword.Name
