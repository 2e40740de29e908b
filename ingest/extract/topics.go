package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/german"
)

// token is one word of a text (see german.Token).
type token struct {
	start, end int
	raw, lower string
	sep        string
}

// tokenize splits s into tokens with the German language layer's tokenizer.
func tokenize(s string) []token { return tokensOf(german.Tokenize(s)) }

// tokensOf returns the language layer's tokens ts as this package's.
func tokensOf(ts []german.Token) []token {
	out := make([]token, len(ts))
	for i, t := range ts {
		out[i] = token{start: t.Start, end: t.End, raw: t.Raw, lower: t.Lower, sep: t.Sep}
	}
	return out
}

// termTok is one word of a thesaurus term with the forms it accepts.
type termTok struct {
	raw, lower string
	// exactCase: abbreviations (KI, OZG, eID, 5G, 4.0) match only as written.
	exactCase bool
	// fixed: short function words (im, der, von) match without endings.
	fixed bool
	// stem and endings: lower-case forms stem+ending are accepted.
	stem    string
	endings []string
	sep     string // the separator before this word within the term
}

var nounEndings = []string{"", "s", "es", "n", "en", "e", "er", "ern", "ns"}
var adjEndings = []string{"e", "en", "er", "es", "em"}

// termMatcher matches one thesaurus term.
type termMatcher struct {
	topic corpus.TopicID
	term  string
	toks  []termTok
	// compound: the term (≥ 8 letters) may also be a whole word inside a
	// longer closed compound ("Cybersicherheitsagentur").
	compound bool
	// head: a shorter word (five to seven letters) matches as the last
	// part of a closed compound only, which names a kind of it
	// ("Verwaltungscloud" is a cloud).
	head  bool
	order int
}

func newTermMatcher(topic corpus.TopicID, term string, order int) (*termMatcher, bool) {
	term = norm.NFC.String(term)
	tt := tokenize(term)
	if len(tt) == 0 {
		return nil, false
	}
	m := &termMatcher{topic: topic, term: term, order: order}
	letters := 0
	for _, r := range term {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	for i, t := range tt {
		k := termTok{raw: t.raw, lower: t.lower, sep: t.sep}
		upper, digit, n := 0, false, 0
		for _, r := range t.raw {
			n++
			if unicode.IsUpper(r) {
				upper++
			}
			if unicode.IsDigit(r) {
				digit = true
			}
		}
		switch {
		case upper >= 2 || digit || (n <= 2 && upper > 0):
			k.exactCase = true
		case n <= 4 && upper == 0:
			k.fixed = true
		default:
			k.stem, k.endings = t.lower, nounEndings
			if i+1 < len(tt) && isUpperInitial(tt[i+1].raw) && n >= 5 {
				for _, e := range []string{"en", "er", "es", "em", "e"} {
					if strings.HasSuffix(t.lower, e) {
						k.stem, k.endings = strings.TrimSuffix(t.lower, e), adjEndings
						break
					}
				}
			}
		}
		m.toks = append(m.toks, k)
	}
	last := m.toks[len(m.toks)-1]
	m.compound = letters >= 8 && !last.exactCase && !last.fixed && utf8.RuneCountInString(last.lower) >= 4
	m.head = !m.compound && len(m.toks) == 1 && letters >= 5 && !last.exactCase && !last.fixed
	return m, true
}

// key is the index key of a lower-case word: its first three runes.
func key(lower string) string {
	n := 0
	for i := range lower {
		if n == 3 {
			return lower[:i]
		}
		n++
	}
	return lower
}

func (k termTok) key() string {
	if k.stem != "" {
		return key(k.stem)
	}
	return key(k.lower)
}

// matchWord reports whether the text token w is a form of k. last says
// whether k is the last word of a compound-capable term.
func (k termTok) matchWord(w token, compound bool) bool {
	if k.exactCase {
		return w.raw == k.raw
	}
	if w.lower == k.lower {
		return true
	}
	if k.fixed {
		return false
	}
	if strings.HasPrefix(w.lower, k.stem) {
		rest := w.lower[len(k.stem):]
		for _, e := range k.endings {
			if rest == e {
				return true
			}
		}
	}
	if compound && strings.HasPrefix(w.lower, k.lower) && utf8.RuneCountInString(w.lower[len(k.lower):]) >= 3 {
		return true
	}
	return false
}

// sepMatches reports whether the text separator ts may stand where the term
// has ks: the same, or a space in the term written as a hyphen in the text
// ("Smart-City-Projekt").
func sepMatches(ks, ts string) bool {
	return ks == ts || (ks == " " && ts == "-")
}

// matchAt returns the index after the last token matched when the term
// starts at toks[i].
func (m *termMatcher) matchAt(toks []token, i int) (int, bool) {
	if i+len(m.toks) > len(toks) {
		return 0, false
	}
	for j, k := range m.toks {
		w := toks[i+j]
		if j > 0 && !sepMatches(k.sep, w.sep) {
			return 0, false
		}
		if !k.matchWord(w, m.compound && j == len(m.toks)-1) {
			return 0, false
		}
	}
	return i + len(m.toks), true
}

// matchInside reports whether a single-word compound-capable term is a
// whole word at the end of the closed compound w ("Landescyberwehr",
// "Bildungsteilhabe"), with an optional ending.
func (m *termMatcher) matchInside(w token) bool {
	if len(m.toks) != 1 || !m.compound && !m.head {
		return false
	}
	k := m.toks[0]
	i := strings.Index(w.lower, k.lower)
	if m.head {
		i = strings.LastIndex(w.lower, k.lower)
	}
	if i < 0 || utf8.RuneCountInString(w.lower[:i]) < 3 {
		return false
	}
	rest := w.lower[i+len(k.lower):]
	for _, e := range nounEndings {
		if rest == e {
			return true
		}
	}
	return !m.head && utf8.RuneCountInString(rest) >= 3 // the term inside a longer compound
}

// topicMatcher finds thesaurus terms in text.
type topicMatcher struct {
	byKey  map[string][]*termMatcher
	inside []*termMatcher
	// insideAt maps the first insideKey bytes of the terms of inside to
	// their indexes there, ascending: a term occurs in a word only where
	// the word holds those bytes. insideShort are the indexes of the
	// terms shorter than that.
	insideAt    map[string][]int
	insideShort []int
	// insidePair marks the first two bytes of the keys of insideAt (bit
	// b[0]<<8|b[1]), to pass over most places of a word without a lookup.
	insidePair [1 << 16 / 64]uint64
}

// insideKey is the length of the keys of topicMatcher.insideAt.
const insideKey = 3

func newTopicMatcher(th *corpus.Thesaurus) *topicMatcher {
	tm := &topicMatcher{byKey: map[string][]*termMatcher{}}
	order := 0
	for _, tp := range th.All() {
		terms := tp.Terms() // not the ID: "wirtschaft" is an ID, not a term
		seen := map[string]bool{}
		for _, term := range terms {
			if seen[term] || strings.TrimSpace(term) == "" {
				continue
			}
			seen[term] = true
			m, ok := newTermMatcher(tp.ID, term, order)
			if !ok {
				continue
			}
			order++
			k := m.toks[0].key()
			tm.byKey[k] = append(tm.byKey[k], m)
			if len(m.toks) == 1 && (m.compound || m.head) {
				tm.inside = append(tm.inside, m)
			}
		}
	}
	tm.insideAt = map[string][]int{}
	for j, m := range tm.inside {
		if k := m.toks[0].lower; len(k) >= insideKey {
			tm.insideAt[k[:insideKey]] = append(tm.insideAt[k[:insideKey]], j)
			p := int(k[0])<<8 | int(k[1])
			tm.insidePair[p/64] |= 1 << (p % 64)
		} else {
			tm.insideShort = append(tm.insideShort, j)
		}
	}
	return tm
}

// insideCandidates appends to buf the indexes of the terms of inside that
// may occur in w, ascending: those whose first bytes w holds.
func (tm *topicMatcher) insideCandidates(w string, buf []int) []int {
	buf = append(buf[:0], tm.insideShort...)
	for p := 0; p+insideKey <= len(w); p++ {
		if q := int(w[p])<<8 | int(w[p+1]); tm.insidePair[q/64]&(1<<(q%64)) != 0 {
			buf = append(buf, tm.insideAt[w[p:p+insideKey]]...)
		}
	}
	slices.Sort(buf)
	return slices.Compact(buf)
}

// FindTopics returns the topics named in s, in text order, without overlaps.
//
// Every term of every topic matches tolerant of case and German inflection:
// nouns with the endings -s, -es, -n, -en, -e, -er, -ern, -ns; adjectives
// before a noun with -e, -en, -er, -es, -em ("Künstlicher Intelligenz",
// "digitalen Teilhabe"). Abbreviations (a word with two capitals or a digit:
// KI, OZG, eID, 5G) match only as written and as whole words, also as part
// of a hyphenated compound ("KI-Regulierung", "OZG-Umsetzung"). A term of at
// least eight letters also matches inside a closed compound
// ("Cybersicherheitsagentur", "Bildungsteilhabe"), one of five to seven
// letters as its last part ("Verwaltungscloud"). The longest match wins.
func (x *Extractor) FindTopics(s string) []TopicHit {
	return x.tm.find(s, tokenize(s))
}

func (tm *topicMatcher) find(s string, toks []token) []TopicHit {
	var out []TopicHit
	var cands []int
	for i := 0; i < len(toks); {
		var best *termMatcher
		bestEnd := 0
		for _, m := range tm.byKey[key(toks[i].lower)] {
			end, ok := m.matchAt(toks, i)
			if !ok {
				continue
			}
			if best == nil || end > bestEnd || (end == bestEnd && better(m, best)) {
				best, bestEnd = m, end
			}
		}
		if best == nil && utf8.RuneCountInString(toks[i].lower) > 8 {
			cands = tm.insideCandidates(toks[i].lower, cands)
			for _, j := range cands { // in the order of inside
				if m := tm.inside[j]; m.matchInside(toks[i]) && (best == nil || len(m.term) > len(best.term)) {
					best, bestEnd = m, i+1
				}
			}
		}
		if best == nil {
			i++
			continue
		}
		st, en := toks[i].start, toks[bestEnd-1].end
		out = append(out, TopicHit{Topic: best.topic, Start: st, End: en, Form: s[st:en], Term: best.term})
		i = bestEnd
	}
	return out
}

// better breaks a tie between two terms covering the same words: the longer
// term (the more specific synonym), then thesaurus order.
func better(a, b *termMatcher) bool {
	if len(a.term) != len(b.term) {
		return len(a.term) > len(b.term)
	}
	return a.order < b.order
}
