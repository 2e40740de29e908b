// Package dates finds dates in German text: "21.6.2019", "am 8. und 9.
// November 2023", "vom 12. bis 13. Mai 2025", "[26.6.2019]", "31. Jan. 2018",
// "Juni 2019", "seit 2019", "bis Ende 2024", and relative forms ("heute",
// "am kommenden Freitag", "in diesem Jahr") resolved against a publication
// date.
//
// Find scans the text once, token by token, and returns the dates it is sure
// of. It prefers missing a date to inventing one:
//
//   - Numbers that only look like dates are skipped: times ("13.00 Uhr",
//     "9.10 Uhr"), phone numbers ("089 12 22 20"), section numbers ("2.1.")
//     and version numbers ("4.0").
//   - A bare four-digit year (1990–2199) is a date only where German uses
//     it as one: after a preposition or another lower-case word ("seit 2019",
//     "bis 2030", "hat sie 2017 …"), after a time word ("im Jahr 2022",
//     "Ende 2024", "Frühjahr 2024"), after a comma or colon, in brackets or at
//     the start of a sentence. After any other capitalised word it is part of
//     a name ("Sachsen-Anhalt Digital 2030", "Update 2020") and is skipped;
//     so are counts ("rund 2000 Mitarbeiter") and numbers glued to letters,
//     slashes or other digits ("D2019", "18/2019", "/2019/07/").
//   - Dates without a year ("19. April", "am 9.11.", "seit Juli") and relative
//     dates are resolved only when the publication date is known well enough;
//     otherwise they are dropped. A year-less date gets the publication year,
//     moved one year on when it would lie before the publication date although
//     its sentence speaks of the future ("wird", "soll", "geplant"), and one
//     year back in the opposite case.
//   - Invalid calendar dates ("31.2.2019") and years outside 1990–2199 are
//     dropped.
package dates

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/german"
)

// Precision says how much of a date the text states.
type Precision uint8

// The precisions of a Match, from coarse to fine.
const (
	Year Precision = iota + 1
	Month
	Day
)

var precisionNames = map[Precision]string{Year: "year", Month: "month", Day: "day"}

// String returns "year", "month" or "day".
func (p Precision) String() string {
	if s, ok := precisionNames[p]; ok {
		return s
	}
	return fmt.Sprintf("Precision(%d)", uint8(p))
}

// MarshalText encodes p as its name.
func (p Precision) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText decodes a name written by MarshalText.
func (p *Precision) UnmarshalText(b []byte) error {
	for k, v := range precisionNames {
		if v == string(b) {
			*p = k
			return nil
		}
	}
	return fmt.Errorf("unknown precision %q: %w", b, corpus.ErrInvalid)
}

// Match is a date or date range found at the byte range [Start, End) of a text.
type Match struct {
	Start, End int
	From, To   corpus.Date // To is "" for a single day (or month, or year)
	// Relative is true when the text only gave the date relative to the
	// publication date ("heute", "am kommenden Freitag", "in diesem Jahr"), or
	// gave no year and the year came from the publication date ("19. April").
	Relative bool
	// Precision is how much of From the text states: Day ("21.6.2019"),
	// Month ("Juni 2019") or Year ("im Jahr 2022", "seit 2019").
	Precision Precision
}

// Find returns the dates in text, in order and without overlaps. published
// (may be "" or partial) resolves relative and year-less dates.
func Find(text string, published corpus.Date) []Match {
	return FindIn(text, german.Tokenize(text), published)
}

// FindIn is Find for a caller that has the words of text
// (german.Tokenize).
func FindIn(text string, words []german.Token, published corpus.Date) []Match {
	s := scanner{text: text, toks: tokenize(text, words)}
	if published.Valid() && published.Known() {
		s.pub, _ = published.Time()
		s.pubPrec = precOfLen(len(published))
	}
	var out []Match
	for i := 0; i < len(s.toks); {
		m, next, ok := s.at(i)
		if !ok {
			i = max(next, i+1)
			continue
		}
		if m.From.Valid() && m.To.Valid() && m.From != "" && (m.To == "" || m.From.First() <= m.To.First()) {
			out = append(out, m)
		}
		i = next
	}
	// "Vor zwei Wochen hatte Bayern angekündigt, die Konferenz werde am
	// 3. Dezember tagen": a stated day is the one the text is about; the
	// time counted back dates something else
	explicit := false
	for _, m := range out {
		explicit = explicit || !m.Relative && m.Precision == Day
	}
	if explicit {
		kept := out[:0]
		for _, m := range out {
			if !(m.Relative && strings.HasPrefix(strings.ToLower(text[m.Start:m.End]), "vor ")) {
				kept = append(kept, m)
			}
		}
		out = kept
	}
	// "Am Mittwoch und Donnerstag (14./15. November)": the weekdays are
	// the days the bracket states; the stated days are the date
	kept := out[:0]
	for i, m := range out {
		if i+1 < len(out) && weekdaysBefore(text, m, out[i+1]) {
			continue
		}
		kept = append(kept, m)
	}
	return kept
}

// weekdaysBefore reports whether m is a weekday read relative to the
// publication date that the day date n right after it states in full: in
// brackets or after a comma ("Am Mittwoch und Donnerstag kommender Woche
// (3./4. März)"), or as the first of the weekdays n opens with ("Am
// Mittwoch und Donnerstag, 10. und 11. Mai"). n covers m's day, or one of
// n's days is m's weekday: the tense that placed m may have read the week
// wrong, the calendar of the stated days does not.
func weekdaysBefore(text string, m, n Match) bool {
	if !m.Relative || m.Precision != Day || strings.ContainsAny(text[m.Start:m.End], "0123456789") {
		return false
	}
	if n.Precision != Day || n.Start < m.End {
		return false
	}
	gap := text[m.End:n.Start]
	joined := weekdayJoin[strings.TrimSpace(gap)] && opensWithWeekday(text[n.Start:n.End])
	if !joined && (n.Start-m.End > maxWeekdayGap || !strings.ContainsAny(gap, "(,")) {
		return false
	}
	last := n.To
	if last == "" {
		last = n.From
	}
	if n.From.First() <= m.From.First() && m.From.First() <= last.First() {
		return true
	}
	f := strings.Fields(text[m.Start:m.End])
	wd, ok := german.Weekday(strings.ToLower(f[len(f)-1]))
	return ok && hasWeekday(n.From, last, wd)
}

// maxWeekdayGap bounds the words between a weekday and the bracket or comma
// of the date that states it, in bytes: "und Mittwoch kommender Woche (".
const maxWeekdayGap = 40

// weekdayJoin are the words that join two weekdays of one meeting.
var weekdayJoin = map[string]bool{"und": true, "bis": true, "–": true, "-": true, "/": true}

// opensWithWeekday reports whether s begins with a weekday: "Donnerstag,
// 11. Mai".
func opensWithWeekday(s string) bool {
	w, _, _ := strings.Cut(s, " ")
	_, ok := german.Weekday(strings.ToLower(strings.TrimRight(w, ",")))
	return ok
}

// hasWeekday reports whether a day from from to last (day dates, at most a
// week apart) is a wd.
func hasWeekday(from, last corpus.Date, wd time.Weekday) bool {
	a, err1 := time.Parse("2006-01-02", string(from))
	b, err2 := time.Parse("2006-01-02", string(last))
	if err1 != nil || err2 != nil {
		return false
	}
	for k := 0; k < 7 && !a.After(b); k++ {
		if a.Weekday() == wd {
			return true
		}
		a = a.AddDate(0, 0, 1)
	}
	return false
}

// Yearless is a day the text gives without a year ("am 24. November") in a
// text whose publication date is unknown, so no year can be read for it.
type Yearless struct {
	Start, End int
	Month, Day int
}

// FindYearless returns the days of text that state day and month but no
// year ("am 24. November", "am 9.11."): Find drops them when it has no
// publication date to take the year from. A caller that learns the year
// elsewhere (the order of a series' meetings) may use them.
func FindYearless(text string) []Yearless {
	s := scanner{text: text, toks: tokenize(text, german.Tokenize(text)), yearless: true}
	var out []Yearless
	for i := 0; i < len(s.toks); {
		_, next, _ := s.at(i)
		if n := len(s.found); n > 0 && (len(out) == 0 || out[len(out)-1].Start != s.found[n-1].Start) {
			out = append(out, s.found[n-1])
		}
		i = max(next, i+1)
	}
	return out
}

func precOfLen(n int) Precision {
	switch n {
	case 4:
		return Year
	case 7:
		return Month
	}
	return Day
}

// token kinds
const (
	tNum = iota
	tWord
	tPunct
)

type token struct {
	kind  int
	s, e  int
	text  string
	lower string
	space bool // white space before the token
	nl    bool // a line break before the token
}

// tokenize reads t with the language layer's tokenizer (german.Tokenize)
// and splits its words the way dates are read: a run of digits is a number,
// a run of letters a word ("3.Oktober" → "3", ".", "Oktober"; "2024er" →
// "2024", "er"), and every mark between words is a token of its own that
// records whether white space or a line break came before it.
func tokenize(t string, words []german.Token) []token {
	var out []token
	space, nl := true, true
	out = make([]token, 0, 2*len(words)+1)
	var cur german.Token // the word being split
	add := func(kind, s, e int) {
		tk := token{kind: kind, s: s, e: e, text: t[s:e], space: space, nl: nl}
		if kind == tWord {
			if s == cur.Start && e == cur.End {
				tk.lower = cur.Lower
			} else {
				tk.lower = strings.ToLower(tk.text)
			}
		}
		out = append(out, tk)
		space, nl = false, false
	}
	gap := func(a, b int) {
		for i := a; i < b; {
			r, n := utf8.DecodeRuneInString(t[i:])
			if unicode.IsSpace(r) {
				space = true
				if r == '\n' || r == '\r' {
					nl = true
				}
			} else {
				add(tPunct, i, i+n)
			}
			i += n
		}
	}
	prev := 0
	for _, w := range words {
		cur = w
		gap(prev, w.Start)
		for i := w.Start; i < w.End; {
			j := i
			switch c := t[i]; {
			case c >= '0' && c <= '9':
				for j < w.End && t[j] >= '0' && t[j] <= '9' {
					j++
				}
				add(tNum, i, j)
			case c == '.': // the dot of "4.0"
				add(tPunct, i, i+1)
				j = i + 1
			default:
				for j < w.End && !(t[j] >= '0' && t[j] <= '9') && t[j] != '.' {
					_, n := utf8.DecodeRuneInString(t[j:])
					j += n
				}
				add(tWord, i, j)
			}
			i = j
		}
		prev = w.End
	}
	gap(prev, len(t))
	return out
}

type scanner struct {
	text    string
	toks    []token
	pub     time.Time
	pubPrec Precision // 0 when the publication date is unknown
	// yearless asks at to keep the days it finds without a year in found
	// (see FindYearless).
	yearless bool
	found    []Yearless
}

func (s *scanner) tok(i int) *token {
	if i < 0 || i >= len(s.toks) {
		return nil
	}
	return &s.toks[i]
}

func (s *scanner) isPunct(i int, ps ...string) bool {
	t := s.tok(i)
	if t == nil || t.kind != tPunct {
		return false
	}
	for _, p := range ps {
		if t.text == p {
			return true
		}
	}
	return false
}

func (s *scanner) isWord(i int, ws ...string) bool {
	t := s.tok(i)
	if t == nil || t.kind != tWord {
		return false
	}
	for _, w := range ws {
		if t.lower == w {
			return true
		}
	}
	return false
}

// num returns the value of token i when it is a number of minD to maxD digits.
func (s *scanner) num(i, minD, maxD int) (int, bool) {
	t := s.tok(i)
	if t == nil || t.kind != tNum || len(t.text) < minD || len(t.text) > maxD {
		return 0, false
	}
	v := 0
	for _, c := range t.text {
		v = v*10 + int(c-'0')
	}
	return v, true
}

// glued reports whether token i directly follows the previous token.
func (s *scanner) glued(i int) bool {
	t := s.tok(i)
	return t != nil && !t.space
}

// ymd is a possibly partial date: 0 marks a missing part.
type ymd struct{ y, m, d int }

func (v ymd) date() corpus.Date {
	switch {
	case v.y == 0:
		return ""
	case v.m == 0:
		return corpus.Date(fmt.Sprintf("%04d", v.y))
	case v.d == 0:
		return corpus.Date(fmt.Sprintf("%04d-%02d", v.y, v.m))
	}
	return corpus.Date(fmt.Sprintf("%04d-%02d-%02d", v.y, v.m, v.d))
}

func (v ymd) valid() bool {
	if v.y < minYear || v.y > maxYear || v.m < 0 || v.m > 12 || v.d < 0 || v.d > 31 {
		return false
	}
	if v.d > 0 {
		if v.m == 0 {
			return false
		}
		t := time.Date(v.y, time.Month(v.m), v.d, 0, 0, 0, 0, time.UTC)
		return t.Day() == v.d
	}
	return true
}

const (
	minYear = 1990
	maxYear = german.MaxYear
)

// part is a parsed date before its year is resolved.
type part struct {
	a, b     int // token range [a, b)
	from, to ymd // y == 0: year not stated
	prec     Precision
	relative bool
}

// month parses a month name at i and returns it and the index after it.
func (s *scanner) month(i int) (int, int, bool) {
	t := s.tok(i)
	if t == nil || t.kind != tWord {
		return 0, i, false
	}
	if m, ok := german.Month(t.lower); ok {
		return int(m), i + 1, true
	}
	if m, ok := german.AbbreviatedMonth(t.lower); ok && s.isPunct(i+1, ".") && s.glued(i+1) {
		return int(m), i + 2, true
	}
	return 0, i, false
}

// year parses a plausible four-digit year at i that is not glued to what
// follows.
func (s *scanner) year(i int) (int, bool) {
	y, ok := s.num(i, 4, 4)
	if !ok || y < minYear || y > maxYear {
		return 0, false
	}
	if n := s.tok(i + 1); n != nil && !n.space {
		switch {
		case n.kind != tPunct:
			return 0, false
		case (n.text == "-" || n.text == "–") && s.isYearAt(i+2):
			// "2020-2022"
		case n.text == "/" || n.text == "-" || n.text == "–" || n.text == "." || n.text == ":" || n.text == ",":
			if d := s.tok(i + 2); d != nil && d.kind == tNum && !d.space {
				return 0, false
			}
			if n.text == "/" {
				return 0, false
			}
		case n.text == "%":
			return 0, false
		}
	}
	return y, true
}

// shortYear parses a two-digit year after a month's name ("am 9. Mai 73
// war …", "9. Mai 73, Saarbrücken") in the century that puts it nearest to
// the publication year; not a count ("9. Mai 12 Länder"), and only when
// the publication year is known.
func (s *scanner) shortYear(i int) (int, bool) {
	yy, ok := s.num(i, 2, 2)
	t := s.tok(i)
	if !ok || s.pubPrec == 0 || !t.space || t.nl {
		return 0, false
	}
	switch n := s.tok(i + 1); {
	case n == nil:
	case n.kind == tPunct && (n.text == "," || n.text == "." || n.text == ")" || n.text == ":" || n.text == ";"):
		if d := s.tok(i + 2); d != nil && d.kind == tNum && !d.space {
			return 0, false // "9. Mai 12.30 Uhr"
		}
	case n.kind == tWord && n.space && !german.IsUpperInitial(n.text) && n.lower != "uhr" && n.lower != "prozent":
	default:
		return 0, false
	}
	pub := s.pub.Year()
	y := pub/100*100 + yy
	switch {
	case y-pub > 50:
		y -= 100
	case pub-y > 50:
		y += 100
	}
	if y < minYear || y > maxYear {
		return 0, false
	}
	return y, true
}

func (s *scanner) isYearAt(i int) bool {
	y, ok := s.num(i, 4, 4)
	return ok && s.glued(i) && y >= minYear && y <= maxYear
}

// dayDot parses "21." at i and returns the day and the index after the dot.
func (s *scanner) dayDot(i int) (int, int, bool) {
	d, ok := s.num(i, 1, 2)
	if !ok || d < 1 || d > 31 || !s.isPunct(i+1, ".") || !s.glued(i+1) {
		return 0, i, false
	}
	return d, i + 2, true
}

// connector parses a range connector at i: "–", "-", "/", "bis", "bis zum",
// "und". It returns the index after it and whether "und" was used.
func (s *scanner) connector(i int, allowUnd bool) (int, bool) {
	switch {
	case s.isPunct(i, "–", "-", "—", "/"):
		return i + 1, true
	case s.isWord(i, "bis"):
		if s.isWord(i+1, "zum", "einschließlich") {
			return i + 2, true
		}
		return i + 1, true
	case allowUnd && s.isWord(i, "und"):
		return i + 1, true
	}
	return i, false
}

// dayMonth parses "21.6." or "21. Juni" (optionally followed by a year) at i.
func (s *scanner) dayMonth(i int) (part, bool) {
	d, j, ok := s.dayDot(i)
	if !ok {
		return part{}, false
	}
	var m int
	numeric := false
	if mm, ok := s.num(j, 1, 2); ok {
		// numeric month: "21.6." (a space after the day's dot is tolerated)
		if !s.isPunct(j+1, ".") || !s.glued(j+1) || mm < 1 || mm > 12 {
			return part{}, false
		}
		m, j, numeric = mm, j+2, true
	} else if mm, jj, ok := s.month(j); ok {
		m, j = mm, jj
	} else {
		return part{}, false
	}
	p := part{a: i, b: j, from: ymd{0, m, d}, prec: Day}
	if y, ok := s.year(j); ok && (!numeric || s.glued(j) || !s.tok(j).nl) {
		p.from.y, p.b = y, j+1
	} else if y, ok := s.shortYear(j); ok && !numeric {
		p.from.y, p.b = y, j+1
	} else if numeric {
		// "21.6." without a year: a time or a section number unless a
		// preposition or weekday announces a date.
		if n := s.tok(j); n != nil && n.kind == tNum && !n.nl {
			return part{}, false
		}
		if !s.isWord(i-1, "am", "vom", "bis", "ab", "zum", "seit", "den", "dem", "und") && !s.isPunct(i-1, "–", "-", "/") && !s.weekdayAt(i-1) && !s.weekdayAt(i-2) {
			if _, ok := s.connector(j, false); !ok {
				return part{}, false
			}
		}
	}
	return p, true
}

// dateFollows reports whether a day date starts at token i, perhaps after
// a comma and "den": "Freitag 21.6.", "Freitag, 21.6.", "Montag, den 4.
// September".
func (s *scanner) dateFollows(i int) bool {
	if s.isPunct(i, ",") {
		i++
	}
	if t := s.tok(i); t != nil && t.kind == tWord && t.lower == "den" {
		i++
	}
	t := s.tok(i)
	return t != nil && t.kind == tNum
}

func (s *scanner) weekdayAt(i int) bool {
	t := s.tok(i)
	if t == nil || t.kind != tWord {
		return false
	}
	_, ok := german.Weekday(t.lower)
	return ok
}

// absolute parses an absolute date or day range at i.
func (s *scanner) absolute(i int) (part, bool) {
	t := s.tok(i)
	if t == nil {
		return part{}, false
	}
	if t.kind == tNum {
		// ISO 2019-06-21
		if y, ok := s.num(i, 4, 4); ok && s.isPunct(i+1, "-") && s.glued(i+1) && s.glued(i+2) && s.isPunct(i+3, "-") && s.glued(i+3) && s.glued(i+4) {
			m, ok1 := s.num(i+2, 2, 2)
			d, ok2 := s.num(i+4, 2, 2)
			if ok1 && ok2 {
				if n := s.tok(i + 5); n == nil || n.space || n.kind == tPunct && n.text != "-" {
					return part{a: i, b: i + 5, from: ymd{y, m, d}, prec: Day}, true
				}
			}
		}
		// Day ranges sharing month and year: "8. und 9. November 2023",
		// "12.–13.5.2025", "8./9.11.2023".
		if d1, j, ok := s.dayDot(i); ok {
			if k, ok := s.connector(j, true); ok {
				if p, ok := s.dayMonth(k); ok && p.from.d > d1 {
					p.a, p.to = i, p.from
					p.from.d = d1
					return p, true
				}
			}
		}
		if p, ok := s.dayMonth(i); ok {
			return p, true
		}
		return s.bareYear(i)
	}
	if t.kind == tWord {
		// Qualifiers before a month or year: "Anfang Juli 2023", "Ende 2024",
		// "im Frühjahr 2024", "im Jahr 2022".
		switch t.lower {
		case "anfang", "mitte", "ende", "beginn":
			if _, _, ok := s.month(i + 1); ok {
				if p, ok := s.monthYear(i + 1); ok {
					p.a = i
					return p, true
				}
			}
			if s.isWord(i+1, "des") && s.isWord(i+2, "jahres") {
				if p, ok := s.bareYear(i + 3); ok {
					p.a = i
					return p, true
				}
			}
			if p, ok := s.bareYear(i + 1); ok {
				p.a = i
				return p, true
			}
		case "jahr", "jahre", "jahres", "jahren", "frühjahr", "frühling", "sommer", "herbst", "winter", "jahreswechsel", "halbjahr", "quartal":
			if p, ok := s.bareYear(i + 1); ok {
				p.a = i
				return p, true
			}
		}
		if _, _, ok := s.month(i); ok {
			return s.monthYear(i)
		}
	}
	return part{}, false
}

// monthYear parses "Juni 2019", "Jan. 2018" or, after a preposition, a
// year-less month ("seit Juli").
func (s *scanner) monthYear(i int) (part, bool) {
	m, j, ok := s.month(i)
	if !ok {
		return part{}, false
	}
	if y, ok := s.year(j); ok {
		return part{a: i, b: j + 1, from: ymd{y, m, 0}, prec: Month}, true
	}
	if s.isWord(i-1, "im", "seit", "ab", "bis", "anfang", "mitte", "ende", "zum", "vom", "von", "beginn") {
		return part{a: i, b: j, from: ymd{0, m, 0}, prec: Month}, true
	}
	return part{}, false
}

var quantityWords = map[string]bool{
	"rund": true, "über": true, "etwa": true, "ca": true, "circa": true, "knapp": true, "insgesamt": true,
	"mehr": true, "weniger": true, "zu": true, "nur": true, "fast": true, "annähernd": true, "exakt": true,
	"genau": true, "rd": true, "mindestens": true, "höchstens": true, "nr": true, "nummer": true,
}

var timeWords = map[string]bool{
	"jahr": true, "jahre": true, "jahres": true, "jahren": true, "ende": true, "anfang": true, "mitte": true,
	"beginn": true, "frühjahr": true, "frühling": true, "sommer": true, "herbst": true, "winter": true,
	"halbjahr": true, "quartal": true, "jahreswechsel": true, "zeitraum": true, "stand": true, "seit": true, "bis": true,
	"ab": true, "im": true, "in": true, "von": true, "vom": true, "zum": true, "um": true, "für": true,
	"nach": true, "vor": true, "bereits": true, "schon": true, "erst": true, "noch": true, "spätestens": true,
	"frühestens": true, "seitdem": true, "damals": true, "jeweils": true, "und": true, "oder": true,
}

var unitWords = map[string]bool{
	"euro": true, "eur": true, "mio": true, "millionen": true, "mrd": true, "milliarden": true, "prozent": true,
	"mitarbeiter": true, "mitarbeitende": true, "mitarbeitenden": true, "beschäftigte": true, "stellen": true,
	"personen": true, "menschen": true, "teilnehmer": true, "teilnehmende": true, "teilnehmenden": true,
	"km": true, "kilometer": true, "meter": true, "m": true, "qm": true, "einwohner": true, "stück": true,
	"seiten": true, "byte": true, "kb": true, "mb": true, "gb": true, "besucher": true, "projekte": true,
	"maßnahmen": true, "uhr": true, "mal": true,
}

// bareYear parses a four-digit year standing alone where German uses it as a
// date (see the package comment).
func (s *scanner) bareYear(i int) (part, bool) {
	y, ok := s.year(i)
	if !ok {
		return part{}, false
	}
	t := s.tok(i)
	if n := s.tok(i + 1); n != nil && n.space && n.kind == tWord && unitWords[n.lower] {
		return part{}, false
	}
	if n := s.tok(i + 1); n != nil && n.kind == tPunct && n.text == "€" {
		return part{}, false
	}
	p := s.tok(i - 1)
	switch {
	case p == nil:
	case !t.space:
		if p.kind != tPunct || !strings.Contains("([„\"“‚'«»", p.text) {
			return part{}, false
		}
	case p.kind == tNum:
		return part{}, false
	case p.kind == tPunct:
		switch p.text {
		case "-", "–", "—", "/", "+", "=", "#", "§", "€", "$":
			return part{}, false
		case ".":
			if q := s.tok(i - 2); q != nil && q.kind == tWord && quantityWords[q.lower] {
				return part{}, false // "ca. 2000"
			}
		}
	case p.kind == tWord:
		if quantityWords[p.lower] || s.isWord(i-1, "als") && s.isWord(i-2, "mehr", "weniger") {
			return part{}, false
		}
		first, _ := utf8.DecodeRuneInString(p.text)
		// a year after a meeting named by its season dates it ("die
		// Frühjahrssitzung 2053") rather than being part of a name
		if unicode.IsUpper(first) && !timeWords[p.lower] && !german.SeasonalMeeting(p.lower) {
			return part{}, false
		}
	}
	return part{a: i, b: i + 1, from: ymd{y, 0, 0}, prec: Year}, true
}

// relative parses a date given relative to the publication date at i.
func (s *scanner) relative(i int) (part, bool) {
	t := s.tok(i)
	if t == nil || t.kind != tWord || s.pubPrec == 0 {
		return part{}, false
	}
	day := func(off int) (part, bool) {
		if s.pubPrec != Day {
			return part{}, false
		}
		d := s.pub.AddDate(0, 0, off)
		return part{a: i, b: i + 1, from: ymd{d.Year(), int(d.Month()), d.Day()}, prec: Day, relative: true}, true
	}
	lowerStart := t.text[0] >= 'a' && t.text[0] <= 'z'
	switch t.lower {
	case "heute", "heutige", "heutigen", "heutiger", "heutiges", "heutigem":
		if s.isWord(i-1, "bis", "von") {
			return part{}, false
		}
		return day(0)
	case "morgen", "morgige", "morgigen", "morgiger", "morgiges":
		if !lowerStart || s.isWord(i-1, "am", "den", "jeden", "heute", "guten") {
			return part{}, false
		}
		return day(1)
	case "übermorgen":
		return day(2)
	case "am":
		// "hat am Freitag getagt", "kommen am Donnerstag zusammen": the
		// weekday nearest the publication day in the sentence's tense —
		// that day itself or before it when told as past, else that day or
		// after it. Not "am Freitag, 21.6." or "am Montag, den 4. Mai" (a
		// date follows) nor "am Freitagabend".
		n := s.tok(i + 1)
		if n == nil || n.kind != tWord || s.pubPrec != Day {
			return part{}, false
		}
		wd, ok := german.Weekday(n.lower)
		if !ok {
			return part{}, false
		}
		if s.dateFollows(i + 2) {
			return part{}, false
		}
		fut, past := s.tense(t.s, n.e)
		step := 1
		if past && !fut {
			step = -1
		}
		d := s.pub
		for k := 0; k < 7 && d.Weekday() != wd; k++ {
			d = d.AddDate(0, 0, step)
		}
		return part{a: i, b: i + 2, from: ymd{d.Year(), int(d.Month()), d.Day()}, prec: Day, relative: true}, true
	case "gestern", "gestrige", "gestrigen", "gestriger", "gestriges":
		return day(-1)
	case "vorgestern":
		return day(-2)
	case "kommenden", "nächsten", "vergangenen", "letzten", "diesen", "kommender", "nächster", "vergangener", "letzter", "dieser", "diesem", "dieses", "laufenden", "kommendes", "nächstes", "vergangenes", "letztes",
		"kommende", "nächste", "vergangene", "letzte", "diese":
		n := s.tok(i + 1)
		if n == nil || n.kind != tWord {
			return part{}, false
		}
		dir := 0
		switch {
		case strings.HasPrefix(t.lower, "komm") || strings.HasPrefix(t.lower, "nächst"):
			dir = 1
		case strings.HasPrefix(t.lower, "vergang") || strings.HasPrefix(t.lower, "letzt"):
			dir = -1
		}
		if n.lower == "woche" {
			return s.dayOfWeek(i, dir)
		}
		if wd, ok := german.Weekday(n.lower); ok {
			if s.pubPrec != Day || t.lower == "dieses" || t.lower == "laufenden" {
				return part{}, false
			}
			d := s.pub
			if strings.HasPrefix(t.lower, "dies") {
				// "an diesem Freitag": the weekday of the publication week
				// (Monday to Sunday).
				off := (int(wd)+6)%7 - (int(d.Weekday())+6)%7
				d = d.AddDate(0, 0, off)
				return part{a: i, b: i + 2, from: ymd{d.Year(), int(d.Month()), d.Day()}, prec: Day, relative: true}, true
			}
			step := 1
			if dir < 0 {
				step = -1
			}
			if dir == 0 && d.Weekday() == wd {
				return part{a: i, b: i + 2, from: ymd{d.Year(), int(d.Month()), d.Day()}, prec: Day, relative: true}, true
			}
			for k := 0; k < 7; k++ {
				d = d.AddDate(0, 0, step)
				if d.Weekday() == wd {
					break
				}
			}
			return part{a: i, b: i + 2, from: ymd{d.Year(), int(d.Month()), d.Day()}, prec: Day, relative: true}, true
		}
		if n.lower == "jahr" || n.lower == "jahres" {
			// "in diesem Jahr", "diesen Jahres", "im kommenden Jahr";
			// "in den nächsten Jahren" is no date.
			if dir == 0 && t.lower == "diesen" && n.lower != "jahres" {
				return part{}, false
			}
			return part{a: i, b: i + 2, from: ymd{s.pub.Year() + dir, 0, 0}, prec: Year, relative: true}, true
		}
	case "vor":
		// "vor zwei Wochen", "vor drei Tagen": counted back from the
		// publication day
		if s.pubPrec != Day {
			return part{}, false
		}
		n, ok := s.num(i+1, 1, 2)
		if !ok {
			if w := s.tok(i + 1); w != nil && w.kind == tWord {
				n, ok = countWords[w.lower]
			}
		}
		u := s.tok(i + 2)
		if !ok || u == nil || u.kind != tWord {
			return part{}, false
		}
		days := 0
		switch u.lower {
		case "tagen":
			days = n
		case "wochen":
			days = 7 * n
		case "woche":
			if n == 1 {
				days = 7
			}
		}
		if days == 0 || days > 60 {
			return part{}, false
		}
		d := s.pub.AddDate(0, 0, -days)
		return part{a: i, b: i + 3, from: ymd{d.Year(), int(d.Month()), d.Day()}, prec: Day, relative: true}, true
	case "vorjahr", "vorjahres":
		if s.isWord(i-1, "im", "des") {
			return part{a: i, b: i + 1, from: ymd{s.pub.Year() - 1, 0, 0}, prec: Year, relative: true}, true
		}
	case "frühjahr", "frühling", "sommer", "herbst":
		// "im Frühjahr" without a year: this year's or the next one's.
		if !s.isWord(i-1, "im") {
			return part{}, false
		}
		if _, ok := s.year(i + 1); ok {
			return part{}, false
		}
		p := part{a: i, b: i + 1, from: ymd{s.pub.Year(), 0, 0}, prec: Year, relative: true}
		last := map[string]int{"frühjahr": 5, "frühling": 5, "sommer": 8, "herbst": 11}[t.lower]
		if s.pubPrec >= Month && int(s.pub.Month()) > last {
			if fut, past := s.tense(t.s, t.e); fut && !past {
				p.from.y++
			}
		}
		return p, true
	}
	return part{}, false
}

// at tries every form at token i and returns the match and the next token.
func (s *scanner) at(i int) (Match, int, bool) {
	start := i
	j := i
	// "Freitag, 21.6.2019", "Freitag, den 27. September 2019"
	if s.weekdayAt(i) {
		j = i + 1
		if s.isPunct(j, ",") {
			j++
		}
		if s.isWord(j, "den") {
			j++
		}
		if t := s.tok(j); t == nil || t.kind != tNum {
			j = i
		}
	}
	p, ok := s.relative(j)
	if !ok {
		p, ok = s.absolute(j)
	}
	if !ok {
		return Match{}, i + 1, false
	}
	if j == i {
		start = p.a
	}
	// A range of two dates: "30. April bis 2. Mai 2025", "2020 bis 2022".
	if !p.relative && p.to == (ymd{}) {
		if k, ok := s.connector(p.b, false); ok {
			q, ok := s.absolute(k)
			if !ok && p.prec == Year {
				// "2020 bis 2022": the second year needs no preposition.
				if y, ok2 := s.year(k); ok2 {
					q, ok = part{a: k, b: k + 1, from: ymd{y, 0, 0}, prec: Year}, true
				}
			}
			if ok && q.to == (ymd{}) && q.from.y != 0 && q.prec == p.prec {
				from := p.from
				if from.y == 0 {
					from.y = q.from.y
					if from.date().First() > q.from.date().First() {
						from.y--
					}
				}
				if from.y != 0 && from.date().First() < q.from.date().First() {
					p.from, p.to, p.b = from, q.from, q.b
				}
			}
		}
	}
	// "am kommenden Freitag (19. April)": the explicit date wins.
	if p.relative && p.prec == Day && s.isPunct(p.b, "(") {
		if q, ok := s.absolute(p.b + 1); ok && s.isPunct(q.b, ")") && q.prec == Day {
			if q.from.y == 0 {
				q.from.y = p.from.y
			}
			if q.to.d != 0 && q.to.y == 0 {
				q.to.y = q.from.y
			}
			q.a, q.b, q.relative = p.a, q.b+1, true
			p = q
		}
	}
	if p.from.y == 0 {
		if s.yearless && p.prec == Day && !p.relative && p.to == (ymd{}) && p.from.m > 0 && p.from.d > 0 {
			s.found = append(s.found, Yearless{Start: s.toks[start].s, End: s.toks[p.b-1].e, Month: p.from.m, Day: p.from.d})
		}
		if !s.resolveYear(&p) {
			return Match{}, p.b, false
		}
	}
	if !p.from.valid() || p.to != (ymd{}) && !p.to.valid() {
		return Match{}, p.b, false
	}
	m := Match{
		Start: s.toks[start].s, End: s.toks[p.b-1].e,
		From: p.from.date(), Relative: p.relative, Precision: p.prec,
	}
	if p.to != (ymd{}) {
		m.To = p.to.date()
	}
	return m, p.b, true
}

// resolveYear gives a year-less date the publication year, or the one before
// or after when the sentence's tense says so.
func (s *scanner) resolveYear(p *part) bool {
	if s.pubPrec == 0 {
		return false
	}
	y := s.pub.Year()
	p.from.y = y
	if p.to != (ymd{}) {
		p.to.y = y
	}
	p.relative = true
	if s.pubPrec == Year {
		return true
	}
	pub := corpus.DateOf(s.pub)
	if s.pubPrec == Month {
		pub = pub[:7]
	}
	d := p.from.date()
	cmpLen := min(len(d), len(pub))
	fut, past := s.tense(s.toks[p.a].s, s.toks[p.b-1].e)
	shift := 0
	switch {
	case string(d[:cmpLen]) < string(pub[:cmpLen]) && fut && !past:
		shift = 1
	case string(d[:cmpLen]) > string(pub[:cmpLen]) && past && !fut:
		shift = -1
	}
	p.from.y += shift
	if p.to != (ymd{}) {
		p.to.y += shift
	}
	return true
}

var futureWords = map[string]bool{
	"wird": true, "werden": true, "soll": true, "sollen": true, "geplant": true, "plant": true, "planen": true,
	"kommenden": true, "kommende": true, "nächsten": true, "nächste": true, "künftig": true, "künftige": true,
	"bevorstehenden": true, "anstehenden": true, "anstehende": true, "demnächst": true,
	"folgt": true, "folgen": true,
}

var pastWords = map[string]bool{
	"fand": true, "fanden": true, "war": true, "waren": true, "hatte": true, "hatten": true, "wurde": true,
	"wurden": true, "trafen": true, "traf": true, "kamen": true, "kam": true, "tagte": true, "tagten": true,
	"hat": true, "haben": true, "vergangenen": true, "damals": true,
}

// countWords are the numbers written as words in "vor zwei Wochen".
var countWords = map[string]int{"einer": 1, "einem": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "zehn": 10, "zwölf": 12, "vierzehn": 14}

// dayOfWeek reads a weekday in the week before, of or after the
// publication week (dir -1, 0, 1; weeks run Monday to Sunday) after the
// words at i ("vergangene Woche"): "vergangene Woche Donnerstag und
// Freitag", "nächste Woche am Dienstag". A bare "vergangene Woche" is no
// day.
func (s *scanner) dayOfWeek(i, dir int) (part, bool) {
	if s.pubPrec != Day {
		return part{}, false
	}
	j := i + 2
	if s.isWord(j, "am") {
		j++
	}
	w := s.tok(j)
	if w == nil || w.kind != tWord {
		return part{}, false
	}
	wd, ok := german.Weekday(w.lower)
	if !ok {
		return part{}, false
	}
	monday := s.pub.AddDate(0, 0, -((int(s.pub.Weekday())+6)%7)+7*dir)
	at := func(wd time.Weekday) ymd {
		d := monday.AddDate(0, 0, (int(wd)+6)%7)
		return ymd{d.Year(), int(d.Month()), d.Day()}
	}
	p := part{a: i, b: j + 1, from: at(wd), prec: Day, relative: true}
	if s.isWord(j+1, "und", "bis") {
		if w2 := s.tok(j + 2); w2 != nil && w2.kind == tWord {
			if wd2, ok := german.Weekday(w2.lower); ok && (int(wd2)+6)%7 > (int(wd)+6)%7 {
				p.to, p.b = at(wd2), j+3
			}
		}
	}
	return p, true
}

// tense looks for future and past markers in the sentence around [a, b).
func (s *scanner) tense(a, b int) (future, past bool) {
	var seinAux, participle bool
	lo, hi := a, b
	for lo > 0 && a-lo < 300 {
		c := s.text[lo-1]
		if c == '\n' || (c == '!' || c == '?' || c == '.') && lo < len(s.text) && s.text[lo] == ' ' && lo >= 2 && unicode.IsLetter(rune(s.text[lo-2])) {
			break
		}
		lo--
	}
	for hi < len(s.text) && hi-b < 300 {
		c := s.text[hi]
		if c == '\n' || (c == '!' || c == '?' || c == '.') && hi > 0 && unicode.IsLetter(rune(s.text[hi-1])) {
			break
		}
		hi++
	}
	ws := strings.FieldsFunc(s.text[lo:hi], func(r rune) bool { return !unicode.IsLetter(r) })
	for _, w := range ws {
		w = strings.ToLower(w)
		future = future || futureWords[w]
		past = past || pastWords[w]
		seinAux = seinAux || w == "ist" || w == "sind"
	}
	// the participle closes the clause and is written in lower case:
	// "ist am Dienstag … zusammengekommen", not "ist am Dienstag zu
	// Gesprächen in Kiel"
	if n := len(ws); n > 0 {
		w := ws[n-1]
		participle = w == strings.ToLower(w) && !strings.HasSuffix(w, "ung") && german.VerbStem(w) != ""
	}
	// the perfect with "sein": "ist am Dienstag zusammengekommen"
	past = past || seinAux && participle && !future
	return future, past
}
