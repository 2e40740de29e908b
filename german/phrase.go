package german

import (
	_ "embed"
	"fmt"
	"strings"
)

// Phrasings as data. A phrase rule is one way German states a fact: a
// pattern over words and typed slots, the family of facts it belongs to,
// and an example sentence that the tests run. The rules live in
// data/phrases.tsv, one a line:
//
//	family <TAB> name <TAB> pattern <TAB> example
//
// A pattern is a list of elements separated by spaces:
//
//	wird        a word, in any case
//	wird|ist    one of the words
//	übernimm*   a word that begins so
//	LAND        a slot: words the caller's recogniser reads as one unit
//	LAND:name   a slot with a qualifier the recogniser understands
//	,           a comma before the next word (":" a colon)
//	^           the start of a clause (of the sentence, or after , ; : – ¶)
//	$           the end of a clause
//	…2          up to two words (any count from 1 to 6)
//	…           up to six words, not across a clause mark, and not
//	            over a word where the slot before the gap could start
//	            again: "PERSON … zum ROLE" takes the nearest person
//	>           the anchor: where the thing the rule speaks of begins
//	x?          the element x may be missing
//
// The example marks its anchor with ">" and may mark slots with brackets:
// "Den Vorsitz hat [LAND Hessen], vertreten durch >Staatssekretärin A. B."
// One engine (Phrases.Match) runs every rule of a family; the extractors
// give it their slot recognisers and turn a match into their fact.

// PhraseRule is one row of the phrase table.
type PhraseRule struct {
	Family, Name string
	Pattern      string
	Example      string
	Line         int
	elems        []phraseElem
}

// maxGap is the most words a gap (…) skips.
const maxGap = 6

// maxAnchorReach is the most words a match may begin before its anchor.
const maxAnchorReach = 40

type phraseElem struct {
	words    []string // alternatives, lower case; a trailing "*" is a prefix
	slot     string   // the slot kind, or ""
	mark     string   // ",", ":", "^", "$", "…", ">"
	optional bool
	// after is the slot right before a gap ("…"), which the gap does not
	// skip over; width is the most words the gap skips.
	after string
	width int
}

// SlotReader recognises the slots of one sentence: SlotAt reports whether a
// slot of the kind ("LAND", "LAND:name", "PERSON", "ROLE") starts at token
// i and the index after its last token.
type SlotReader interface {
	SlotAt(kind string, i int) (end int, ok bool)
}

// PhraseMatch is one rule matched in a sentence: its token range, its
// anchor token (-1 without ">") and the token range of each slot.
type PhraseMatch struct {
	Rule     *PhraseRule
	From, To int
	Anchor   int
	Slots    map[string][2]int
}

// Phrases is a table of phrase rules.
type Phrases struct {
	rules []*PhraseRule
}

//go:embed data/phrases.tsv
var phrasesText string

// DefaultPhrases is the built-in phrase table (data/phrases.tsv).
var DefaultPhrases = mustPhrases(phrasesText)

func mustPhrases(src string) *Phrases {
	p, err := ParsePhrases(src)
	if err != nil {
		panic(fmt.Sprintf("german: built-in phrase table: %v", err)) // embedded data, checked by tests
	}
	return p
}

// ParsePhrases reads a phrase table.
func ParsePhrases(src string) (*Phrases, error) {
	p := &Phrases{}
	for n, ln := range strings.Split(src, "\n") {
		ln = strings.TrimRight(ln, " \r")
		if strings.TrimSpace(ln) == "" || strings.HasPrefix(strings.TrimSpace(ln), "#") {
			continue
		}
		f := strings.Split(ln, "\t")
		if len(f) != 4 {
			return nil, fmt.Errorf("phrase table line %d: want 4 tab-separated fields, got %d", n+1, len(f))
		}
		r := &PhraseRule{Family: f[0], Name: f[1], Pattern: f[2], Example: f[3], Line: n + 1}
		for _, e := range strings.Fields(r.Pattern) {
			el, err := parseElem(e)
			if err != nil {
				return nil, fmt.Errorf("phrase table line %d: %w", n+1, err)
			}
			if el.mark == "…" && len(r.elems) > 0 {
				el.after = r.elems[len(r.elems)-1].slot
			}
			r.elems = append(r.elems, el)
		}
		if len(r.elems) == 0 {
			return nil, fmt.Errorf("phrase table line %d: empty pattern", n+1)
		}
		p.rules = append(p.rules, r)
	}
	return p, nil
}

func parseElem(e string) (phraseElem, error) {
	var el phraseElem
	if len(e) > 1 && strings.HasSuffix(e, "?") {
		el.optional, e = true, strings.TrimSuffix(e, "?")
	}
	switch e {
	case ",", ":", "^", "$", "…", ">":
		el.mark = e
		if e == "…" {
			el.width = maxGap
		}
		return el, nil
	}
	if n, ok := strings.CutPrefix(e, "…"); ok && len(n) == 1 && n[0] >= '1' && n[0] <= '0'+maxGap {
		el.mark, el.width = "…", int(n[0]-'0')
		return el, nil
	}
	if kind, _, _ := strings.Cut(e, ":"); kind != "" && IsAllUpper(kind) && len(kind) > 1 {
		el.slot = e
		return el, nil
	}
	for _, w := range strings.Split(e, "|") {
		if w == "" {
			return el, fmt.Errorf("empty word in %q", e)
		}
		el.words = append(el.words, strings.ToLower(w))
	}
	return el, nil
}

// Family returns the rules of a family, in table order.
func (p *Phrases) Family(name string) []*PhraseRule {
	var out []*PhraseRule
	for _, r := range p.rules {
		if r.Family == name {
			out = append(out, r)
		}
	}
	return out
}

// Match returns the matches of the rules of family in the tokens of one
// sentence, reading slots with sr. Each rule is tried at every token; a
// rule matches at most once per start token (its first way to match).
func (p *Phrases) Match(family string, toks []Token, sr SlotReader) []PhraseMatch {
	return p.match(family, toks, sr, -1)
}

// MatchAt returns the matches of the rules of family whose anchor (">") is
// token k.
func (p *Phrases) MatchAt(family string, toks []Token, sr SlotReader, k int) []PhraseMatch {
	if k < 0 || k >= len(toks) {
		return nil
	}
	return p.match(family, toks, sr, k)
}

func (p *Phrases) match(family string, toks []Token, sr SlotReader, anchor int) []PhraseMatch {
	m := &matcher{toks: toks, sr: memoSlots{sr: sr, seen: map[slotKey]slotVal{}}, anchor: anchor, bracketed: bracketDepths(toks)}
	var out []PhraseMatch
	for _, r := range p.rules {
		if r.Family != family {
			continue
		}
		from := 0
		if anchor >= 0 {
			// a match that puts its anchor at k starts at most
			// maxAnchorReach words before it: each person of a long list
			// costs the same, not more with every name before it
			from = max(0, anchor-maxAnchorReach)
		}
		for i := from; i < len(toks); i++ {
			if anchor >= 0 && i > anchor {
				break
			}
			st := matchState{anchor: -1}
			if end, ok := m.match(r.elems, i, true, &st); ok {
				out = append(out, PhraseMatch{Rule: r, From: i, To: end, Anchor: st.anchor, Slots: st.slots})
			}
		}
	}
	return out
}

type slotKey struct {
	kind string
	i    int
}

type slotVal struct {
	end int
	ok  bool
}

// memoSlots asks the caller's recogniser once per slot kind and token.
type memoSlots struct {
	sr   SlotReader
	seen map[slotKey]slotVal
}

func (m memoSlots) at(kind string, i int) (int, bool) {
	k := slotKey{kind, i}
	if v, ok := m.seen[k]; ok {
		return v.end, v.ok
	}
	end, ok := m.sr.SlotAt(kind, i)
	m.seen[k] = slotVal{end, ok}
	return end, ok
}

type matcher struct {
	toks []Token
	sr   memoSlots
	// anchor is the token the anchor must fall on, or -1 for any.
	anchor int
	// bracketed[i]: token i stands inside parentheses, where a comma ends
	// no clause ("(Chief Information Officer, CIO)"); nil when the
	// sentence has none.
	bracketed []bool
}

// inBrackets reports whether token i stands inside parentheses.
func (m *matcher) inBrackets(i int) bool {
	return m.bracketed != nil && i >= 0 && i < len(m.bracketed) && m.bracketed[i]
}

// bracketDepths marks the tokens that stand inside parentheses, or returns
// nil when no separator opens one.
func bracketDepths(toks []Token) []bool {
	var out []bool
	depth := 0
	for i, t := range toks {
		if strings.ContainsAny(t.Sep, "()") {
			for _, r := range t.Sep {
				switch r {
				case '(':
					depth++
				case ')':
					depth = max(0, depth-1)
				}
			}
		}
		if depth > 0 && out == nil {
			out = make([]bool, len(toks))
		}
		if out != nil {
			out[i] = depth > 0
		}
	}
	return out
}

type matchState struct {
	anchor int
	slots  map[string][2]int
}

// clauseMark reports whether a clause boundary lies before token i (or i
// is outside the sentence).
func (m *matcher) clauseMark(i int) bool {
	if i <= 0 || i >= len(m.toks) {
		return true
	}
	// parentheses do not end a clause ("zum Präsidenten des Landesamts
	// (LSI) bestellt"), nor the dot of an ordinal or a date ("vom 1. Mai")
	sep := m.toks[i].Sep
	if strings.TrimSpace(sep) == "." && IsDigits(m.toks[i-1].Raw) {
		return false
	}
	if m.inBrackets(i) && strings.TrimSpace(sep) == "," {
		return false // "(Chief Information Officer, CIO)"
	}
	return strings.ContainsAny(sep, ",;:.!?–—¶")
}

// match matches elems from token i and returns the index after the match.
// free says that a clause mark before token i is allowed: i starts the
// match or a mark element (",", "^") stands before it.
func (m *matcher) match(elems []phraseElem, i int, free bool, st *matchState) (int, bool) {
	if len(elems) == 0 {
		return i, true
	}
	el, rest := elems[0], elems[1:]
	if el.optional {
		saved := *st
		if end, ok := m.one(el, rest, i, free, st); ok {
			return end, true
		}
		*st = saved
		return m.match(rest, i, free, st)
	}
	return m.one(el, rest, i, free, st)
}

func (m *matcher) one(el phraseElem, rest []phraseElem, i int, free bool, st *matchState) (int, bool) {
	switch el.mark {
	case "^":
		if i < len(m.toks) && m.clauseMark(i) {
			return m.match(rest, i, true, st)
		}
		return 0, false
	case "$":
		if m.clauseMark(i) {
			return m.match(rest, i, true, st)
		}
		return 0, false
	case ",", ":":
		if i > 0 && i < len(m.toks) && strings.Contains(m.toks[i].Sep, el.mark) {
			return m.match(rest, i, true, st)
		}
		return 0, false
	case ">":
		if i >= len(m.toks) || m.anchor >= 0 && i != m.anchor {
			return 0, false
		}
		st.anchor = i
		return m.match(rest, i, free, st)
	case "…":
		for j := i; j <= i+el.width && j < len(m.toks); j++ {
			// the gap may end at a clause mark (for a "," after it) but
			// not reach past one
			if j > i+1 && m.clauseMark(j-1) || j > i && !free && m.clauseMark(i) {
				break
			}
			if j > i && el.after != "" {
				if _, again := m.sr.at(el.after, j-1); again {
					break
				}
			}
			saved := *st
			if end, ok := m.match(rest, j, free && j == i, st); ok {
				return end, true
			}
			*st = saved
		}
		return 0, false
	}
	if i >= len(m.toks) || !free && m.clauseMark(i) {
		return 0, false
	}
	if el.slot != "" {
		end, ok := m.sr.at(el.slot, i)
		if !ok || end <= i {
			return 0, false
		}
		slots := make(map[string][2]int, len(st.slots)+1)
		for k, v := range st.slots {
			slots[k] = v
		}
		kind, _, _ := strings.Cut(el.slot, ":")
		slots[kind] = [2]int{i, end}
		st.slots = slots
		return m.match(rest, end, false, st)
	}
	w := m.toks[i].Lower
	for _, alt := range el.words {
		if pre, ok := strings.CutSuffix(alt, "*"); ok && strings.HasPrefix(w, pre) || alt == w {
			return m.match(rest, i+1, false, st)
		}
	}
	return 0, false
}

// Annotated is a rule's example with its marks read: the sentence, the byte
// offset of the anchor (-1 without one) and the byte range of each
// bracketed slot ("[LAND Hessen]" → "LAND").
type Annotated struct {
	Text   string
	Anchor int
	Slots  map[string][2]int
}

// Annotated reads the rule's example.
func (r *PhraseRule) Annotated() Annotated {
	a := Annotated{Anchor: -1, Slots: map[string][2]int{}}
	var b strings.Builder
	open, openAt := "", 0
	for i := 0; i < len(r.Example); i++ {
		switch c := r.Example[i]; {
		case c == '>':
			a.Anchor = b.Len()
		case c == '[':
			j := strings.IndexByte(r.Example[i:], ' ')
			if j < 0 {
				b.WriteByte(c)
				continue
			}
			open, openAt = r.Example[i+1:i+j], b.Len()
			i += j
		case c == ']' && open != "":
			a.Slots[open] = [2]int{openAt, b.Len()}
			open = ""
		default:
			b.WriteByte(c)
		}
	}
	a.Text = b.String()
	return a
}
