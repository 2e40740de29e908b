package meeting

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/german"
	"github.com/laendergraph/laendergraph/ingest/dates"
)

// genericBodies are words that name the series a chair statement speaks of
// without naming it: "leitete … das Gremium", "Vorsitz beim Treffen der …".
var genericBodies = map[string]bool{
	"gremium": true, "gremiums": true, "treffen": true, "treffens": true, "format": true, "formats": true,
	"konferenz": true, "runde": true, "sitzungen": true, "zusammenkünfte": true, "rolle": true,
}

var takeoverWords = map[string]bool{
	"übernimmt": true, "übernehmen": true, "übernommen": true, "übernahm": true, "übernahmen": true,
	"übernehme": true, "übergeben": true,
}

// meetingChair reports whether st gives the chair of one meeting ("unter dem
// Vorsitz von …", "in der gemeinsamen Vorsitzzeit von …") and returns the
// byte offsets after which the chairing Länder are listed.
func (st *sent) meetingChair() []int {
	var out []int
	for i, w := range st.ws {
		if strings.HasPrefix(w.lower, "vorsitz") || w.lower == "leitung" || w.lower == "präsidentschaft" {
			unter := false
			for k := i - 1; k >= 0 && k >= i-4; k-- { // "unter hessischer und sächsischer Leitung"
				if st.ws[k].lower == "unter" {
					unter = true
				}
			}
			if unter || w.lower == "vorsitzzeit" {
				out = append(out, w.e)
			}
		}
	}
	return out
}

// chairCue returns the index of the word that makes st a chair statement
// ("Vorsitz", "vorsitzen", "Präsidentschaft", "leitete … das Gremium"), or
// -1.
func (st *sent) chairCue() int {
	for i, w := range st.ws {
		lw := lastPart(w.lower)
		// "Präsidentschaft": the chair of the KMK and of bodies like it
		if strings.HasPrefix(lw, "vorsitz") && lw != "vorsitzzeit" || lw == "präsidentschaft" && w.lower == lw {
			if st.former(i) {
				continue // "Der bisherige Vorsitzende, …": who chaired before
			}
			if st.negated(i) {
				continue // "… nicht wie üblich einen Vorsitz hatte"
			}
			return i
		}
		switch lw {
		case "leitet", "leitete", "leiten", "leiteten":
			for _, x := range st.ws[i+1:] {
				if genericBodies[x.lower] || st.inSeries(x.s) {
					return i
				}
			}
		case "geleitet":
			// "Sachsen, der die Konferenz 2042 geleitet hatte": the body
			// stands before the participle, in the same clause
			for k := i - 1; k >= 0; k-- {
				x := st.ws[k]
				if strings.ContainsAny(st.text[x.e:st.ws[k+1].s], ",;:") {
					break
				}
				if genericBodies[x.lower] && x.lower != "sitzungen" || st.inSeries(x.s) {
					return i
				}
			}
		}
	}
	return -1
}

// negated reports whether the word at index i is negated in its clause:
// "nicht wie üblich einen Vorsitz", "keinen Vorsitz".
func (st *sent) negated(i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if strings.ContainsAny(st.text[st.ws[k].e:st.ws[k+1].s], ",;:") {
			return false
		}
		switch st.ws[k].lower {
		case "nicht", "kein", "keine", "keinen", "keinem", "niemals", "nie":
			return true
		}
	}
	return false
}

// formerWords mark a chair of the past: "der bisherige Vorsitzende", "die
// scheidende Vorsitzländerin".
var formerWords = []string{"bisherig", "ehemalig", "früher", "scheidend", "vormalig", "letztjährig", "vorherig", "einstig"}

// former reports whether the chair word at index i is qualified as former.
func (st *sent) former(i int) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		for _, f := range formerWords {
			if strings.HasPrefix(st.ws[k].lower, f) {
				return true
			}
		}
	}
	return false
}

func (st *sent) inSeries(p int) bool {
	for _, h := range st.series {
		if p >= h.s && p < h.e {
			return true
		}
	}
	return false
}

// foreignChair reports whether the chair word at index i belongs to another
// body: "Vorsitz im IT-Planungsrat", "Vorsitz der Innenministerkonferenz".
func (st *sent) foreignChair(i int) bool {
	if i+1 >= len(st.ws) {
		return false
	}
	switch st.ws[i+1].lower {
	case "der", "des", "im", "beim", "in", "über":
	default:
		return false
	}
	for _, x := range st.ws[i+2 : min(len(st.ws), i+6)] {
		if st.inSeries(x.s) || genericBodies[x.lower] || timeNoun(x.lower) {
			return false // "Vorsitz in diesem Jahr"
		}
		if capitalised(x.text) {
			return true
		}
	}
	return false
}

// namedBodyChair reports whether the chair word at index i is followed by
// the name of a body: "den Vorsitz der Ministerpräsidentenkonferenz".
func (st *sent) namedBodyChair(i int) bool {
	if i+2 >= len(st.ws) {
		return false
	}
	switch st.ws[i+1].lower {
	case "der", "des", "im", "beim":
		return st.inSeries(st.ws[i+2].s)
	}
	return false
}

// timeNoun reports whether lw names a stretch of time ("Jahr", "Mai",
// "Herbst"), not a body.
func timeNoun(lw string) bool {
	if strings.HasPrefix(lw, "jahr") || strings.HasPrefix(lw, "halbjahr") || strings.HasPrefix(lw, "monat") || strings.HasPrefix(lw, "quartal") {
		return true
	}
	if _, ok := german.Month(lw); ok {
		return true
	}
	if _, season := map[string]bool{"frühjahr": true, "frühling": true, "sommer": true, "herbst": true, "winter": true}[lw]; season {
		return true
	}
	switch lw {
	case "zeit", "zeitraum", "amtszeit", "wahlperiode", "legislaturperiode":
		return true
	}
	return false
}

// chairExcluded are prepositions after which a Land in a chair statement is
// not a chair.
var chairExcluded = map[string]bool{"nach": true, "aus": true, "in": true, "an": true, "gegen": true, "über": true, "vor": true}

var durationRE = regexp.MustCompile(`(?i)\bfür\s+(\d+|ein|einen|zwei|drei|vier|anderthalb|eineinhalb)\s+(Monate|Monat|Jahre|Jahr)\b`)

var numberWords = map[string]int{"ein": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4}

// transferWords say that the chair passes to the Land after "an": "Der
// Vorsitz ging an Bayern", "ist an Bayern übergegangen", "gibt den Vorsitz
// an Hessen ab".
var transferWords = map[string]bool{
	"geht": true, "ging": true, "gegangen": true, "übergegangen": true, "übergeht": true, "überging": true,
	"wechselt": true, "wechselte": true, "gewechselt": true, "übergeben": true, "übergibt": true, "übergab": true,
	"gibt": true, "gab": true, "abgegeben": true, "abgeben": true, "weitergegeben": true, "weitergereicht": true,
	"übertragen": true, "fällt": true, "fiel": true, "gefallen": true, "wandert": true, "wanderte": true,
}

// presentWords date a chair statement to the time of writing: "Nun führt
// Bayerns Digitalministerin den Vorsitz".
var presentWords = map[string]bool{
	"nun": true, "jetzt": true, "derzeit": true, "aktuell": true, "zurzeit": true, "gegenwärtig": true,
	"momentan": true, "inzwischen": true, "seitdem": true, "nunmehr": true,
}

// subClauses returns the byte ranges of the parts of st between commas,
// semicolons, colons and dashes. A part that holds nothing but Länder (a
// list: "Berlin, Brandenburg und Hamburg") stays with the part before it.
func (st *sent) subClauses() [][2]int {
	var cuts []int
	depth := 0
	for i, r := range st.text {
		switch r {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
		case ',', ';', ':':
			if depth == 0 {
				cuts = append(cuts, i+1)
			}
		case '–', '—':
			if depth == 0 && i > 0 && st.text[i-1] == ' ' {
				cuts = append(cuts, i)
			}
		}
	}
	var out [][2]int
	a := 0
	for _, c := range append(cuts, len(st.text)) {
		if c <= a {
			continue
		}
		if len(out) > 0 && st.onlyLands(a, c) {
			out[len(out)-1][1] = c
		} else {
			out = append(out, [2]int{a, c})
		}
		a = c
	}
	return out
}

// onlyLands reports whether the words in [a, b) are Länder joined by "und",
// "sowie" or articles.
func (st *sent) onlyLands(a, b int) bool {
	n := 0
	for _, w := range st.ws {
		if w.s < a || w.s >= b {
			continue
		}
		inLand := false
		for _, l := range st.lands {
			inLand = inLand || w.s >= l.s && w.s < l.e
		}
		switch {
		case inLand:
			n++
		case w.lower == "und" || w.lower == "sowie" || w.lower == "das" || w.lower == "der" || w.lower == "die":
		default:
			return false
		}
	}
	return n > 0
}

// clauseAt returns the sub-clause of st that holds byte p.
func (st *sent) clauseAt(p int) [2]int {
	for _, c := range st.subClauses() {
		if p >= c[0] && p < c[1] {
			return c
		}
	}
	return [2]int{0, len(st.text)}
}

// hostClauses returns the sub-clauses of st that name a host ("Gastgeber
// war Schleswig-Holstein", "auf Einladung Hessens") and no chair: their
// Länder host, they do not chair.
func (st *sent) hostClauses() [][2]int {
	var out [][2]int
	for _, c := range st.subClauses() {
		host, chair := false, false
		for k, w := range st.ws {
			if w.s < c[0] || w.s >= c[1] {
				continue
			}
			host = host || hostWords[w.lower] || w.lower == "einladung" && k > 0 && st.ws[k-1].lower == "auf"
			chair = chair || strings.HasPrefix(lastPart(w.lower), "vorsitz")
		}
		if host && !chair {
			out = append(out, c)
		}
	}
	return out
}

// relativeLands returns the Länder a relative clause at the start of the
// sub-clause c refers to: "Gastgeber war der Freistaat Sachsen, der in diesem
// Jahr den Vorsitz innehat" → Sachsen.
func (st *sent) relativeLands(c [2]int) []corpus.LandCode {
	if c[0] == 0 {
		return nil
	}
	k := sort.Search(len(st.ws), func(i int) bool { return st.ws[i].s >= c[0] })
	if k >= len(st.ws) {
		return nil
	}
	switch st.ws[k].lower {
	case "der", "die", "das", "welches", "welche", "welcher":
	default:
		return nil
	}
	var out []corpus.LandCode
	prev := st.clauseAt(c[0] - 1)
	for _, l := range st.lands {
		if l.s >= prev[0] && l.e <= c[0] {
			out = append(out, l.code)
		}
	}
	return out
}

// chairLands returns the Länder a chair statement names as chairs. After a
// transfer word only the Länder after "an" chair, and one after "von" is the
// former chair; otherwise a Land after "nach", "aus", "in" … is none.
// Without any Land, "beide Länder" are the two Länder of the sentence before.
func (e *Extractor) chairLands(d *docState, i int, st *sent) []corpus.LandCode {
	skip := append(st.skipSpans(), st.hostClauses()...)
	transfer, takeover := false, false
	for _, w := range st.ws {
		transfer = transfer || transferWords[w.lower]
		takeover = takeover || takeoverWords[w.lower]
	}
	var lands []corpus.LandCode
	if cue := st.chairCue(); cue >= 0 && st.ws[cue].lower == "geleitet" {
		// "X löst Y ab, das die Konferenz 2042 geleitet hatte": the Land
		// of the clause, or the one the relative clause refers back to
		c := st.clauseAt(st.ws[cue].s)
		var before []corpus.LandCode
		for _, l := range st.lands {
			if l.s >= c[0] && l.s < c[1] {
				lands = append(lands, l.code)
			} else if l.e <= c[0] {
				before = append(before, l.code)
			}
		}
		if len(lands) == 0 && len(before) > 0 {
			lands = before[len(before)-1:]
		}
		return uniqLands(e.reg, lands)
	}
	if transfer {
		verb := false
		for k, w := range st.ws {
			if w.lower == "an" && k+1 < len(st.ws) {
				lands = append(lands, coordinated(st.text, st.lands, w.e, 12, skip)...)
			}
			// "… wechselt der Vorsitz 2044 nach Bremen": the Land right
			// after "nach", behind the verb ("Nach dem Hamburger Jahr" is
			// who had it before)
			if w.lower == "nach" && verb && k+1 < len(st.ws) {
				lands = append(lands, coordinated(st.text, st.lands, w.e, 1, skip)...)
			}
			verb = verb || transferWords[w.lower]
		}
		if len(lands) > 0 {
			return uniqLands(e.reg, lands)
		}
	}
	for _, l := range st.lands {
		if inSpans(skip, l.s) {
			continue
		}
		// "Nach Bayern übernimmt Hessen …": the Land before is no chair.
		w1, _ := st.wordsBefore(l.s)
		if chairExcluded[w1] || (transfer || takeover) && (w1 == "von" || w1 == "vom") {
			continue
		}
		lands = append(lands, l.code)
	}
	if cue := st.chairCue(); len(lands) == 0 && cue >= 0 {
		lands = st.relativeLands(st.clauseAt(st.ws[cue].s))
	}
	if len(lands) == 0 && d.doc.Land != "" && st.ownLandSubject(skip) {
		// "Zum 1. Oktober übernimmt der Freistaat den Vorsitz", "Den
		// Vorsitz führte der Chef der Staatskanzlei" in a text of the
		// Land's own government
		lands = []corpus.LandCode{d.doc.Land}
	}
	if len(lands) == 0 && i > 0 && bothLaender(st) {
		var prev []corpus.LandCode
		for _, l := range d.sents[i-1].lands {
			prev = append(prev, l.code)
		}
		if prev = uniqLands(e.reg, prev); len(prev) == 2 {
			lands = prev
		}
	}
	return uniqLands(e.reg, lands)
}

// ownLands are the nouns by which a Land's government speaks of its Land,
// and of its head office ("der Chef der Staatskanzlei").
var ownLands = map[string]bool{"freistaat": true, "land": true, "landesregierung": true, "staatsregierung": true,
	"senat": true, "hansestadt": true, "stadtstaat": true, "staatskanzlei": true, "senatskanzlei": true}

// ownLandSubject reports whether the sentence names a Land only by a
// definite noun of its own ("der Freistaat", "das Land") and no other Land,
// both outside the spans skip (which say something else of a Land: a host
// clause, "…, da das Saarland den Vorsitz der Ministerpräsidentenkonferenz
// innehat").
func (st *sent) ownLandSubject(skip [][2]int) bool {
	for _, l := range st.lands {
		if !inSpans(skip, l.s) {
			return false
		}
	}
	for k := 1; k < len(st.ws); k++ {
		if inSpans(skip, st.ws[k].s) {
			continue // "Gastgeber der Sitzung in der Staatskanzlei war …; den Vorsitz führte der Bund"
		}
		if ownLands[st.ws[k].lower] && capitalised(st.ws[k].text) {
			if a := st.ws[k-1].lower; a == "der" || a == "das" || a == "die" {
				return true
			}
		}
	}
	return false
}

// bothLaender reports whether st says "beide Länder" / "die beiden Länder".
func bothLaender(st *sent) bool {
	for k := 0; k+1 < len(st.ws); k++ {
		if (st.ws[k].lower == "beide" || st.ws[k].lower == "beiden") && strings.HasPrefix(st.ws[k+1].lower, "länder") {
			return true
		}
	}
	return false
}

// chairTerms returns the chair terms of the document and the indexes of the
// sentences that state them. A chair statement without a period ("Den
// Vorsitz hatte Bayern") gives the chair of the meeting it is told with: its
// Länder are the map's value for that sentence.
func (e *Extractor) chairTerms(d *docState) ([]corpus.ChairTerm, map[int][]corpus.LandCode) {
	var out []corpus.ChairTerm
	chairSents := map[int][]corpus.LandCode{}
	prevChair := false
	for i, st := range d.sents {
		if st.question || st.teaser {
			prevChair = false
			continue
		}
		cue := st.chairCue()
		isChair := cue >= 0 && !st.foreignChair(cue) && len(st.meetingChair()) == 0
		if cue < 0 && prevChair {
			for _, w := range st.ws {
				if takeoverWords[w.lower] {
					isChair = true
				}
			}
		}
		prevChair = isChair
		if !isChair {
			continue
		}
		chairSents[i] = nil
		full := st
		st := st.chairScope(cue)
		series := d.primary
		for _, h := range full.series {
			if !h.target && h.s < st.scopeEnd {
				series = h.series
				break
			}
		}
		if series == "" {
			continue
		}
		lands := e.chairLands(d, i, st)
		if len(lands) == 0 {
			continue
		}
		if d.meetingChairOnly(st) {
			// "…, den Vorsitz führte Hamburg: … haben heute … getagt": the
			// chair of that meeting, no term
			chairSents[i] = lands
			continue
		}
		// "X übernimmt jetzt im neuen Jahr, 2032 folgen Y und Z": the
		// successors in a clause of their own chair from its year on, the
		// rest until the year before.
		main, succ, year := st, []corpus.LandCode(nil), 0
		if c, y, sl, ok := e.successorClause(st, lands); ok {
			// without a year of their own, the successors chair some
			// time later: no term
			main, succ, year = st.without(c), sl, y
			lands = removeLands(lands, sl)
		}
		from, to := e.chairPeriod(d, i, main)
		if year > 0 {
			out = append(out, corpus.ChairTerm{
				Series: series, Lands: succ, From: corpus.Date(itoa4(year)),
				Evidence: corpus.EvidenceAt(d.doc, st.s, st.e),
			})
			if to == "" && from != "" && from.Year() < year {
				to = corpus.Date(itoa4(year - 1))
			}
		}
		if from == "" && to == "" {
			present := false
			for _, w := range st.ws {
				present = present || presentWords[w.lower]
			}
			if present && d.pub != "" {
				from = d.pub // "Nun führt Bayern den Vorsitz": from the time of writing
			} else {
				chairSents[i] = lands
				continue
			}
		}
		out = append(out, corpus.ChairTerm{
			Series: series, Lands: lands, From: from, To: to,
			Evidence: corpus.EvidenceAt(d.doc, st.s, st.e),
		})
	}
	endOpenTerms(out)
	return out, chairSents
}

// endOpenTerms ends a term without an end where the document names a later
// term of the same series for other Länder: "Zum 1. Oktober 2056 übernimmt
// Sachsen den Vorsitz. Er folgt auf Niedersachsen, das die Konferenz seit
// Oktober 2055 geleitet hat" — Niedersachsen chaired until September 2056.
func endOpenTerms(ts []corpus.ChairTerm) {
	for i := range ts {
		a := &ts[i]
		if a.From == "" || a.To != "" {
			continue
		}
		var next corpus.Date
		for _, b := range ts {
			if b.Series != a.Series || b.From == "" || b.From <= a.From || slices.Equal(b.Lands, a.Lands) || len(b.From) < len(a.From) {
				continue
			}
			if next == "" || b.From < next {
				next = b.From
			}
		}
		if next != "" {
			a.To = periodBefore(next)
		}
	}
}

// periodBefore returns the day, month or year before d, at d's precision.
func periodBefore(d corpus.Date) corpus.Date {
	t, ok := d.Time()
	if !ok {
		return ""
	}
	switch len(d) {
	case 10:
		return corpus.DateOf(t.AddDate(0, 0, -1))
	case 7:
		return corpus.Date(corpus.DateOf(t.AddDate(0, -1, 0))[:7])
	case 4:
		return corpus.Date(itoa4(t.Year() - 1))
	}
	return ""
}

// followWords say that the Länder of their clause come next: "2032 folgen
// Hamburg und Bremen".
var followWords = map[string]bool{
	"folgen": true, "folgt": true, "folgte": true, "folgten": true, "nachfolgen": true, "nachfolgt": true,
}

// successorClause returns a sub-clause of the chair statement st that names
// the next chairs with a year of their own ("…, 2032 folgen Hamburg und
// Bremen", "danach folgt Bayern"), the year it gives or 0, and its Länder.
// The clause holds no chair word, and chairs remain outside it.
func (e *Extractor) successorClause(st *sent, lands []corpus.LandCode) ([2]int, int, []corpus.LandCode, bool) {
	cue := st.chairCue()
	for _, c := range st.subClauses() {
		if cue >= 0 && st.ws[cue].s >= c[0] && st.ws[cue].s < c[1] {
			continue
		}
		follow := false
		for _, w := range st.ws {
			follow = follow || w.s >= c[0] && w.s < c[1] && followWords[w.lower]
		}
		if !follow {
			continue
		}
		year := 0
		for _, m := range st.dates {
			if m.Start >= c[0] && m.End <= c[1] && !st.isStamp(m) && !m.Relative {
				year = m.From.Year()
				break
			}
		}
		if year == 0 {
			if m := bareYearRE.FindStringSubmatchIndex(st.text[c[0]:c[1]]); m != nil {
				year = atoi(st.text[c[0]+m[2] : c[0]+m[3]])
			}
		}
		var in, out []corpus.LandCode
		for _, l := range st.lands {
			if l.s >= c[0] && l.s < c[1] {
				in = append(in, l.code)
			} else {
				out = append(out, l.code)
			}
		}
		in = uniqLands(e.reg, in)
		rest := removeLands(lands, in)
		if len(in) == 0 || len(rest) == 0 || len(removeLands(out, in)) == 0 {
			continue
		}
		return c, year, in, true
	}
	return [2]int{}, 0, nil, false
}

// removeLands returns ls without the Länder of drop.
func removeLands(ls, drop []corpus.LandCode) []corpus.LandCode {
	var out []corpus.LandCode
	for _, l := range ls {
		keep := true
		for _, x := range drop {
			keep = keep && l != x
		}
		if keep {
			out = append(out, l)
		}
	}
	return out
}

// without returns a copy of st with the byte range c blanked out: its words,
// Länder, series and dates are gone, the offsets of the rest stay.
func (st *sent) without(c [2]int) *sent {
	cp := *st
	b := []byte(st.text)
	for k := c[0]; k < c[1] && k < len(b); k++ {
		b[k] = ' '
	}
	cp.text = string(b)
	cp.lower = strings.ToLower(cp.text)
	out := func(a int) bool { return a < c[0] || a >= c[1] }
	cp.ws = nil
	for _, w := range st.ws {
		if out(w.s) {
			cp.ws = append(cp.ws, w)
		}
	}
	cp.lands = nil
	for _, l := range st.lands {
		if out(l.s) {
			cp.lands = append(cp.lands, l)
		}
	}
	cp.series = nil
	for _, h := range st.series {
		if out(h.s) {
			cp.series = append(cp.series, h)
		}
	}
	cp.dates, cp.quoted = nil, nil
	for k, m := range st.dates {
		if out(m.Start) {
			cp.dates = append(cp.dates, m)
			cp.quoted = append(cp.quoted, st.quoted[k])
		}
	}
	return &cp
}

// meetingChairOnly reports whether the chair statement st tells who chaired
// the one meeting the sentence reports ("Gastgeber war Schleswig-Holstein,
// den Vorsitz führte Hamburg: … haben heute … getagt"), not a term: it
// speaks of a meeting it dates or numbers, and nothing in it measures a term (no year, month or
// turn of the year, no "ab", "seit", "bis", "für … Monate", no change of
// chair, no "nun").
func (d *docState) meetingChairOnly(st *sent) bool {
	v := newView(st, 0, len(st.text))
	if !v.cues() || !v.hasDate() && v.ordinal(true) == 0 {
		return false
	}
	if _, span := yearTurn(st.text); span[1] > 0 || newYearAt(st.text) >= 0 || durationRE.MatchString(st.text) {
		return false
	}
	for _, w := range st.ws {
		lw := w.lower
		if transferWords[lw] || takeoverWords[lw] || presentWords[lw] || lw == "ab" || lw == "seit" || lw == "bis" ||
			strings.Contains(lw, "jahr") || strings.HasPrefix(lw, "turnus") || lw == "amtszeit" {
			return false
		}
	}
	ms, _ := d.chairYears(st)
	for _, m := range ms {
		if !st.isStamp(m) && m.Precision != dates.Day {
			return false
		}
	}
	return true
}

// yearTurnRE matches a turn of the year: "zum Jahreswechsel 2022/23",
// "Jahreswende 2024/2025".
var yearTurnRE = regexp.MustCompile(`(?i)\bJahres(?:wechsel|wende)\s+(` + german.YearPattern + `)\s*/\s*(\d\d(?:\d\d)?)\b`)

// yearTurn returns the year a turn of the year in s leads into ("2022/23" →
// 2023) and the byte range of the years, or 0.
func yearTurn(s string) (int, [2]int) {
	m := yearTurnRE.FindStringSubmatchIndex(s)
	if m == nil {
		return 0, [2]int{}
	}
	a, b := atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]])
	if b < 100 {
		b += a / 100 * 100
	}
	if b != a+1 {
		return 0, [2]int{}
	}
	return b, [2]int{m[2], m[5]}
}

// bareYearRE matches a four-digit year standing alone.
var bareYearRE = regexp.MustCompile(`(?:^|[\s(])(` + german.YearPattern + `)(?:$|[\s,.;:)])`)

// chairYears returns the dates of a chair statement: those package dates
// finds, and bare years it leaves out after a noun ("haben beide Länder 2024
// den Vorsitz", "Vorsitz 2025 bei …"), outside quotations.
func (d *docState) chairYears(st *sent) ([]dates.Match, []bool) {
	ms, quoted := st.dates, st.quoted
	var extra []dates.Match
	for _, m := range bareYearRE.FindAllStringSubmatchIndex(st.text, -1) {
		a, b := m[2], m[3]
		covered := inRanges(d.quotes, st.s+a)
		for _, x := range ms {
			covered = covered || a >= x.Start && a < x.End
		}
		if !covered {
			extra = append(extra, dates.Match{Start: a, End: b, From: corpus.Date(st.text[a:b]), Precision: dates.Year})
		}
	}
	if len(extra) == 0 {
		return ms, quoted
	}
	all := append(append([]dates.Match(nil), ms...), extra...)
	q := append(append([]bool(nil), quoted...), make([]bool, len(extra))...)
	idx := make([]int, len(all))
	for k := range idx {
		idx[k] = k
	}
	sort.Slice(idx, func(x, y int) bool { return all[idx[x]].Start < all[idx[y]].Start })
	outM, outQ := make([]dates.Match, len(all)), make([]bool, len(all))
	for k, j := range idx {
		outM[k], outQ[k] = all[j], q[j]
	}
	return outM, outQ
}

// chairPeriod reads the period of a chair statement: "ab"/"seit" dates
// start it, "bis" dates end it, "für 18 Monate" measures it, and a plain year
// ("Im Jahr 2022", "Für das Jahr 2025", "in diesem Jahr") is the whole
// period, or its start where the sentence speaks of taking over.
func (e *Extractor) chairPeriod(d *docState, i int, st *sent) (from, to corpus.Date) {
	takeover, ending := false, false
	for _, w := range st.ws {
		if takeoverWords[w.lower] {
			takeover = true
		}
		ending = ending || endWords[w.lower]
	}
	turn, turnSpan := yearTurn(st.text)
	if turn > 0 {
		from = corpus.Date(itoa4(turn)) // from the new year on, open-ended
	} else if k := newYearAt(st.text); k >= 0 {
		if y := newYear(d, i, k); y > 0 {
			from = corpus.Date(itoa4(y))
			if !takeover && !strings.Contains(st.text[k:], "Jahreswechsel") {
				to = from
			}
		}
	}
	ms, quoted := d.chairYears(st)
	for k, m := range ms {
		if st.isStamp(m) || quoted[k] && m.Relative && m.Precision == dates.Day || turn > 0 && m.Start < turnSpan[1] && m.End > turnSpan[0] {
			continue
		}
		w1, w2 := st.wordsBefore(m.Start)
		last := m.From
		if m.To != "" {
			last = m.To
		}
		switch {
		case w1 == "ab" || w1 == "seit" || w1 == "vom" || w1 == "von":
			if from == "" {
				from = m.From
				if m.To != "" && (w1 == "vom" || w1 == "von") && to == "" {
					to = m.To // "vom 1. Juli 2047 bis 30. Juni 2048"
				}
			}
		case w1 == "bis" || w2 == "bis" && (w1 == "zum" || w1 == "ende" || w1 == "einschließlich"):
			if to == "" {
				to = last
			}
		case ending && !takeover:
			// "Mit dem 30. Juni endet der Vorsitz Bayerns": the end
			if to == "" {
				to = last
			}
		default:
			if from == "" {
				from = m.From
				if !takeover && len(m.From) < 10 {
					to = last
				} else if m.To != "" {
					to = m.To
				}
			}
		}
	}
	if from != "" && to == "" {
		if mm := durationRE.FindStringSubmatch(st.text); mm != nil {
			n, err := strconv.Atoi(mm[1])
			if err != nil {
				n = numberWords[strings.ToLower(mm[1])]
			}
			months := n
			switch strings.ToLower(mm[1]) {
			case "anderthalb", "eineinhalb":
				months = 18
				if strings.HasPrefix(strings.ToLower(mm[2]), "monat") {
					months = 0
				}
			default:
				if strings.HasPrefix(strings.ToLower(mm[2]), "jahr") {
					months = n * 12
				}
			}
			if t, ok := from.Time(); ok && months > 0 {
				to = corpus.DateOf(t.AddDate(0, months, 0).Add(-24 * time.Hour))
			}
		}
	}
	return from, to
}

// endWords say that a chair period ends at the date of the sentence.
var endWords = map[string]bool{"endet": true, "endete": true, "enden": true, "endeten": true, "ausläuft": true}

// relPronouns open a relative clause: "Bremen, das in diesem Jahr den Vorsitz
// innehat, lädt …".
var relPronouns = map[string]bool{"die": true, "der": true, "das": true, "welche": true, "welcher": true, "welches": true}

// relativeChair returns the byte range of a relative clause embedded in st
// that states the chair ("X und Y, die in diesem Jahr den Vorsitz der DMK
// innehaben, laden … ein"), or false. The main clause goes on after it.
func (st *sent) relativeChair() ([2]int, bool) {
	for off := 0; ; {
		k := strings.Index(st.text[off:], ", ")
		if k < 0 {
			return [2]int{}, false
		}
		a := off + k
		off = a + 2
		rest := st.text[off:]
		sp := strings.IndexByte(rest, ' ')
		if sp < 0 || !relPronouns[strings.ToLower(rest[:sp])] {
			continue
		}
		e := strings.Index(rest, ", ")
		if e < 0 {
			return [2]int{}, false // the clause ends the sentence: no main clause after it
		}
		b := off + e
		for _, w := range st.ws {
			if w.s > a && w.e <= b && strings.HasPrefix(lastPart(w.lower), "vorsitz") && lastPart(w.lower) != "vorsitzzeit" {
				return [2]int{a, b + 1}, true
			}
		}
	}
}

// chairScope returns st narrowed to the part that states the chair at the
// cue word: a long sentence may name a host, a guest and a former or coming
// chair in clauses of their own ("Gastgeber war X; den Vorsitz hat Y inne,
// während Z, das ihn später übernimmt, …"). The scope is the sub-clause of
// the cue, with the clause before it when the cue's clause is a relative
// clause referring back to it. Only where the scope names a Land and another
// clause names one too is st narrowed; scopeEnd marks where the scope ends.
func (st *sent) chairScope(cue int) *sent {
	cp := *st
	cp.scopeEnd = len(st.text)
	if cue < 0 || cue >= len(st.ws) {
		return &cp
	}
	cs := st.subClauses()
	ci := -1
	for k, c := range cs {
		if st.ws[cue].s >= c[0] && st.ws[cue].s < c[1] {
			ci = k
		}
	}
	if ci < 0 || len(cs) < 2 {
		return &cp
	}
	// only a sentence with roles in clauses of their own: a host clause or
	// a second chair word outside the cue's clause
	roles := len(st.hostClauses()) > 0
	var foreign [][2]int // the clauses of another body's chair word
	for k, w := range st.ws {
		if strings.HasPrefix(lastPart(w.lower), "vorsitz") && (w.s < cs[ci][0] || w.s >= cs[ci][1]) {
			roles = true
			if st.foreignChair(k) || st.namedBodyChair(k) {
				for _, c := range cs {
					if w.s >= c[0] && w.s < c[1] {
						// up to its clause mark: subClauses joins a Land
						// that stands alone after it ("…, nachdem es den
						// Vorsitz der MPK abgegeben hatte, Bayern.")
						if m := strings.IndexAny(st.text[w.s:c[1]], ",;"); m >= 0 {
							c[1] = w.s + m + 1
						}
						foreign = append(foreign, c)
					}
				}
			}
		}
	}
	// or a chair word in a relative clause: "Brandenburg, das den Vorsitz
	// führt, und Sachsen haben vereinbart" — the clause's Land chairs, the
	// one coordinated after it does not
	roles = roles || len(st.relativeLands(cs[ci])) > 0
	if !roles {
		return &cp
	}
	scope := cs[ci]
	if len(st.relativeLands(scope)) > 0 {
		scope[0] = cs[ci-1][0]
	}
	in, out := false, false
	for _, l := range st.lands {
		if l.s >= scope[0] && l.s < scope[1] {
			in = true
		} else {
			out = true
		}
	}
	if !out {
		return &cp
	}
	if !in {
		if len(foreign) == 0 {
			return &cp
		}
		// "Den Vorsitz führte der Chef der Staatskanzlei, da das
		// Saarland den Vorsitz der Ministerpräsidentenkonferenz innehat":
		// the Land of another body's chair is not this one's; the rest
		// of the sentence may name it ("Den Vorsitz übernahm, nachdem es
		// den Vorsitz der MPK abgegeben hatte, Bayern")
		r := st
		for _, c := range foreign {
			r = r.without(c)
		}
		r.scopeEnd = foreign[0][0]
		return r
	}
	r := st
	if scope[0] > 0 {
		r = r.without([2]int{0, scope[0]})
	}
	if scope[1] < len(st.text) {
		r = r.without([2]int{scope[1], len(st.text)})
	}
	r.scopeEnd = scope[1]
	return r
}
