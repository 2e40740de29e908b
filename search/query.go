package search

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/laendergraph/laendergraph/corpus"
)

// MaxQueryLen is the longest query, in characters, that Search accepts.
const MaxQueryLen = 500

// maxDepth bounds the nesting of parentheses.
const maxDepth = 16

// QueryError reports a query the parser rejects and where: Pos counts
// characters (Unicode code points) from 0.
type QueryError struct {
	Pos int
	Msg string
}

// Error says where the query went wrong and why.
func (e *QueryError) Error() string {
	return fmt.Sprintf("Suchanfrage, Zeichen %d: %s", e.Pos+1, e.Msg)
}

// Unwrap makes a QueryError match corpus.ErrInvalid.
func (e *QueryError) Unwrap() error { return corpus.ErrInvalid }

type nodeKind int

const (
	nWord   nodeKind = iota // a word
	nPhrase                 // a quoted phrase
	nFilter                 // field:value
	nAnd                    // all of kids
	nOr                     // any of kids
	nNot                    // none of kid (kids[0])
)

// node is a parsed query. pos and end are byte offsets into the query.
type node struct {
	kind     nodeKind
	text     string // word or phrase
	field    string // filter field: land, kind, topic, year, series
	values   []string
	pos, end int
	kids     []*node
}

// String renders n in a canonical form (used by the golden tests).
func (n *node) String() string {
	switch n.kind {
	case nWord:
		return strconv.Quote(n.text)
	case nPhrase:
		return "phrase(" + strconv.Quote(n.text) + ")"
	case nFilter:
		if n.field == "year" && len(n.values) == 2 && n.values[0] != n.values[1] {
			return "year=" + n.values[0] + ".." + n.values[1]
		}
		return n.field + "=" + n.values[0]
	case nNot:
		return "NOT(" + n.kids[0].String() + ")"
	}
	var parts []string
	for _, k := range n.kids {
		parts = append(parts, k.String())
	}
	op := "AND"
	if n.kind == nOr {
		op = "OR"
	}
	return op + "(" + strings.Join(parts, " ") + ")"
}

// isQuote reports whether r opens or closes a phrase: ASCII and German
// quotation marks.
func isQuote(r rune) bool {
	switch r {
	case '"', '„', '“', '”', '«', '»':
		return true
	}
	return false
}

// parser is a recursive-descent parser over the query string.
type parser struct {
	s   string
	i   int // byte offset
	reg *corpus.Registry
	th  *corpus.Thesaurus
}

// parse parses q. The empty (or blank) query gives an empty AND node.
func parse(q string, reg *corpus.Registry, th *corpus.Thesaurus) (*node, error) {
	if n := utf8.RuneCountInString(q); n > MaxQueryLen {
		return nil, &QueryError{Pos: MaxQueryLen, Msg: fmt.Sprintf("die Suchanfrage ist %d Zeichen lang, erlaubt sind höchstens %d", n, MaxQueryLen)}
	}
	if !utf8.ValidString(q) {
		return nil, &QueryError{Pos: 0, Msg: "die Suchanfrage ist kein gültiges UTF-8"}
	}
	p := &parser{s: q, reg: reg, th: th}
	root, err := p.parseAnd(0)
	if err != nil {
		return nil, err
	}
	if p.i < len(p.s) { // only a stray ')' stops parseAnd at depth 0
		return nil, p.errAt(p.i, "zu dieser „)“ fehlt die öffnende Klammer")
	}
	return root, nil
}

func (p *parser) errAt(byteOff int, format string, args ...interface{}) *QueryError {
	if byteOff > len(p.s) {
		byteOff = len(p.s)
	}
	return &QueryError{Pos: utf8.RuneCountInString(p.s[:byteOff]), Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) peek() (rune, int) {
	if p.i >= len(p.s) {
		return 0, 0
	}
	return utf8.DecodeRuneInString(p.s[p.i:])
}

func (p *parser) skipSpace() {
	for p.i < len(p.s) {
		r, w := p.peek()
		if !unicode.IsSpace(r) {
			return
		}
		p.i += w
	}
}

// operator reports the operator word at the current position ("OR" for OR
// and ODER, "AND" for AND and UND) and its length in bytes, or "".
func (p *parser) operator() (string, int) {
	for _, op := range []string{"OR", "ODER", "AND", "UND"} {
		if !strings.HasPrefix(p.s[p.i:], op) {
			continue
		}
		rest := p.s[p.i+len(op):]
		r, _ := utf8.DecodeRuneInString(rest)
		if rest == "" || unicode.IsSpace(r) || r == '(' || r == ')' || isQuote(r) {
			if op == "ODER" {
				return "OR", len(op)
			}
			if op == "UND" {
				return "AND", len(op)
			}
			return op, len(op)
		}
	}
	return "", 0
}

// operand reports whether a term follows at the current position (after
// skipping space), for an operator at byte offset at.
func (p *parser) operand(op string, at int) error {
	p.skipSpace()
	r, _ := p.peek()
	if o, _ := p.operator(); p.i >= len(p.s) || r == ')' || o != "" {
		return p.errAt(at, "%s braucht auf beiden Seiten einen Suchbegriff", op)
	}
	return nil
}

// parseAnd parses a sequence of OR-expressions up to ')' or the end.
func (p *parser) parseAnd(depth int) (*node, error) {
	and := &node{kind: nAnd, pos: p.i}
	for {
		p.skipSpace()
		r, _ := p.peek()
		if p.i >= len(p.s) || r == ')' {
			break
		}
		if op, w := p.operator(); op != "" {
			if op == "AND" && len(and.kids) > 0 {
				at := p.i
				p.i += w
				if err := p.operand(op, at); err != nil {
					return nil, err
				}
				continue
			}
			return nil, p.errAt(p.i, "%s braucht auf beiden Seiten einen Suchbegriff", op)
		}
		kid, err := p.parseOr(depth)
		if err != nil {
			return nil, err
		}
		and.kids = append(and.kids, kid)
	}
	and.end = p.i
	return and, nil
}

// parseOr parses unary ( OR unary )*.
func (p *parser) parseOr(depth int) (*node, error) {
	first, err := p.parseUnary(depth)
	if err != nil {
		return nil, err
	}
	or := &node{kind: nOr, pos: first.pos, kids: []*node{first}}
	for {
		save := p.i
		p.skipSpace()
		op, w := p.operator()
		if op != "OR" {
			p.i = save
			break
		}
		at := p.i
		p.i += w
		if err := p.operand(op, at); err != nil {
			return nil, err
		}
		kid, err := p.parseUnary(depth)
		if err != nil {
			return nil, err
		}
		or.kids = append(or.kids, kid)
	}
	if len(or.kids) == 1 {
		return first, nil
	}
	for _, k := range or.kids {
		if k.kind == nNot {
			return nil, p.errAt(k.pos, "ein Ausschluss (-) kann nicht Seite eines OR sein")
		}
	}
	or.end = p.i
	return or, nil
}

// parseUnary parses an optional '-' (exclude) or '+' (ignored) before a primary.
func (p *parser) parseUnary(depth int) (*node, error) {
	r, w := p.peek()
	if r == '-' || r == '+' {
		next, _ := utf8.DecodeRuneInString(p.s[p.i+w:])
		if p.i+w < len(p.s) && !unicode.IsSpace(next) && next != ')' && next != '-' && next != '+' {
			at := p.i
			p.i += w
			kid, err := p.parsePrimary(depth)
			if err != nil {
				return nil, err
			}
			if r == '+' {
				return kid, nil
			}
			return &node{kind: nNot, pos: at, end: kid.end, kids: []*node{kid}}, nil
		}
	}
	return p.parsePrimary(depth)
}

func (p *parser) parsePrimary(depth int) (*node, error) {
	r, w := p.peek()
	switch {
	case r == '(':
		if depth >= maxDepth {
			return nil, p.errAt(p.i, "Klammern sind mehr als %d Ebenen tief geschachtelt", maxDepth)
		}
		at := p.i
		p.i += w
		g, err := p.parseAnd(depth + 1)
		if err != nil {
			return nil, err
		}
		if p.i >= len(p.s) {
			return nil, p.errAt(at, "die Klammer „(“ wird nicht geschlossen")
		}
		p.i++ // ')'
		if len(g.kids) == 0 {
			return nil, p.errAt(at, "leere Klammern")
		}
		g.pos, g.end = at, p.i
		if len(g.kids) == 1 {
			k := g.kids[0]
			return k, nil
		}
		return g, nil
	case isQuote(r):
		at := p.i
		text, err := p.quoted()
		if err != nil {
			return nil, err
		}
		return &node{kind: nPhrase, text: text, pos: at, end: p.i}, nil
	}
	return p.word()
}

// quoted reads a quoted phrase at the current position.
func (p *parser) quoted() (string, error) {
	at := p.i
	_, w := p.peek()
	p.i += w
	start := p.i
	for p.i < len(p.s) {
		r, w := p.peek()
		if isQuote(r) {
			text := strings.TrimSpace(p.s[start:p.i])
			p.i += w
			if text == "" {
				return "", p.errAt(at, "leere Anführungszeichen")
			}
			return text, nil
		}
		p.i += w
	}
	return "", p.errAt(at, "das Anführungszeichen wird nicht geschlossen")
}

// fieldNames maps the accepted field names (English and German) to the
// canonical one.
var fieldNames = map[string]string{
	"land": "land", "kind": "kind", "topic": "topic", "thema": "topic",
	"year": "year", "jahr": "year", "series": "series", "serie": "series",
}

// word reads a word, or a field:value filter.
func (p *parser) word() (*node, error) {
	at := p.i
	for p.i < len(p.s) {
		r, w := p.peek()
		if unicode.IsSpace(r) || r == '(' || r == ')' || isQuote(r) {
			break
		}
		if r == ':' && p.i > at {
			name := p.s[at:p.i]
			if asciiLetters(name) {
				valAt := p.i + w
				next, _ := utf8.DecodeRuneInString(p.s[valAt:])
				canon, known := fieldNames[strings.ToLower(name)]
				hasValue := valAt < len(p.s) && (unicode.IsLetter(next) || unicode.IsDigit(next) || isQuote(next))
				switch {
				case known && !hasValue:
					return nil, p.errAt(at, "%s: braucht einen Wert", name)
				case known:
					p.i = valAt
					return p.filter(canon, name, at)
				case hasValue:
					return nil, p.errAt(at, "unbekanntes Feld „%s“ (Felder: land, kind, topic, year, series); in Anführungszeichen wird der Text gesucht", name)
				}
			}
		}
		p.i += w
	}
	return &node{kind: nWord, text: p.s[at:p.i], pos: at, end: p.i}, nil
}

func asciiLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return s != ""
}

// filter reads the value of a field filter and resolves it.
func (p *parser) filter(field, name string, at int) (*node, error) {
	valAt := p.i
	var val string
	if r, _ := p.peek(); isQuote(r) {
		v, err := p.quoted()
		if err != nil {
			return nil, err
		}
		val = v
	} else {
		for p.i < len(p.s) {
			r, w := p.peek()
			if unicode.IsSpace(r) || r == '(' || r == ')' || isQuote(r) {
				break
			}
			p.i += w
		}
		val = p.s[valAt:p.i]
	}
	n := &node{kind: nFilter, field: field, pos: at, end: p.i}
	vs, msg := resolveFilter(field, val, p.reg, p.th)
	if msg != "" {
		return nil, p.errAt(valAt, "%s:%s: %s", name, val, msg)
	}
	n.values = vs
	return n, nil
}

// resolveFilter turns a filter value into the indexed value(s): a Land
// code, kind, topic id, series id, or for year the first and last year. It
// returns a message when the value is not known.
func resolveFilter(field, val string, reg *corpus.Registry, th *corpus.Thesaurus) ([]string, string) {
	switch field {
	case "land":
		if l, ok := reg.Get(corpus.LandCode(val)); ok {
			return []string{string(l.Code)}, ""
		}
		if c, ok := reg.Lookup(val); ok {
			return []string{string(c)}, ""
		}
		return nil, "unbekanntes Land (ein Kürzel wie BW oder ein Name wie Bayern)"
	case "kind":
		k := corpus.Kind(strings.ToLower(val))
		if k.Valid() {
			return []string{string(k)}, ""
		}
		var ks []string
		for _, k := range corpus.Kinds {
			ks = append(ks, string(k))
		}
		return nil, "unbekannte Dokumentart (eine von " + strings.Join(ks, ", ") + ")"
	case "topic":
		if _, ok := th.Get(corpus.TopicID(strings.ToLower(val))); ok {
			return []string{strings.ToLower(val)}, ""
		}
		if id, ok := th.Lookup(val); ok {
			return []string{string(id)}, ""
		}
		return nil, "unbekanntes Thema"
	case "series":
		if _, ok := corpus.SeriesByID(corpus.SeriesID(strings.ToLower(val))); ok {
			return []string{strings.ToLower(val)}, ""
		}
		if id, ok := corpus.LookupSeries(val); ok {
			return []string{string(id)}, ""
		}
		return nil, "unbekannte Treffenreihe (dmk, d16, d17, digitalkoordinatoren)"
	case "year":
		if v := strings.ToLower(val); v == Undated || v == "none" {
			return []string{Undated, Undated}, ""
		}
		lo, hi, ok := strings.Cut(val, "..")
		if !ok {
			lo, hi = val, val
		}
		if !isYear(lo) || !isYear(hi) {
			return nil, "erwartet wird ein Jahr wie 2023 oder ein Bereich wie 2019..2023"
		}
		if hi < lo {
			return nil, "der Bereich endet, bevor er beginnt"
		}
		return []string{lo, hi}, ""
	}
	return nil, "unbekanntes Feld"
}

// Undated is the value of the year filter for documents without a date
// (year:undatiert).
const Undated = "undatiert"

func isYear(s string) bool {
	if len(s) != 4 {
		return false
	}
	for i := 0; i < 4; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
