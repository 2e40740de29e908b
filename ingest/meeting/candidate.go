package meeting

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/german"
	"github.com/laendergraph/laendergraph/ingest/dates"
)

// cand is what one sentence (or clause) says about one meeting.
type cand struct {
	st                  *sent
	series              corpus.SeriesID
	ordinal             int
	start, end          corpus.Date
	day                 string // "MM-DD" of a date without a year, when none can be read
	place, venue        string
	placeLand           bool
	placeCode           corpus.LandCode // the Land the place is or lies in, if known
	hosts, chairs       []corpus.LandCode
	parts               []corpus.LandCode
	topics              []corpus.TopicID
	items               []corpus.AgendaItem // agenda items (see aside)
	planned, past, next bool
	// deadline: the meeting is named as a deadline ("bis zur
	// Herbstsitzung"); no agenda item or chair line is about it
	deadline bool
}

func (c *cand) identifying() bool {
	return c.start != "" || c.place != "" || c.venue != "" || c.ordinal > 0 || c.next
}

// score says how much a candidate states; the best one of a meeting gives
// the evidence.
func (c *cand) score() int {
	n := 0
	switch {
	case len(c.start) == 10:
		n += 4
	case c.start != "":
		n += 2
	}
	if c.place != "" {
		n += 3
	}
	if c.venue != "" {
		n++
	}
	if c.ordinal > 0 {
		n += 2
	}
	if len(c.hosts) > 0 {
		n++
	}
	if len(c.chairs) > 0 {
		n++
	}
	if len(c.topics) > 0 {
		n++
	}
	return n
}

// meetingNouns are nouns for a meeting (compared in lower case, after the
// last hyphen: "D16-Sitzung").
var meetingNouns = map[string]bool{
	"treffen": true, "treffens": true, "präsenztreffen": true, "arbeitstreffen": true, "sitzung": true,
	"konferenz": true, "arbeitstagung": true, "tagung": true, "zusammenkunft": true, "beratungen": true,
	"veranstaltung": true, "gipfel": true, "konstituierung": true,
	// the place of a meeting: "Tagungsort war …"
	"tagungsort": true, "sitzungsort": true, "veranstaltungsort": true, "austragungsort": true,
}

// lastPart returns the part of a compound after its last hyphen.
func lastPart(lw string) string {
	// a meeting named by its season: "herbstsitzung" → "sitzung"
	// and a special session: "sondersitzung" (not "Auftaktsitzung" or
	// "Jahrestagung", often another body's meeting the text refers to);
	// the Länder's meeting: "ländertreffen" (laenderGathering)
	for _, pre := range []string{"herbst", "sonder", "länder"} {
		if rest := strings.TrimPrefix(lw, pre); rest != lw && meetingNouns[rest] {
			return rest
		}
	}
	if k := lastHyphen(lw); k >= 0 {
		_, n := utf8.DecodeRuneInString(lw[k:])
		return lw[k+n:]
	}
	return lw
}

// lastHyphen is strings.LastIndexAny(s, "-‐‑"), without the search of a
// set of runes for every rune of s.
func lastHyphen(s string) int {
	for i := len(s); i > 0; {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		i -= n
		if german.IsHyphen(r) {
			return i
		}
	}
	return -1
}

// view is a clause of a sentence: the words, series, Länder, dates and
// places within the byte range [a, b) of the sentence.
type view struct {
	*sent
	a, b   int
	wa, wb int // the words of the clause are ws[wa:wb]
}

func newView(st *sent, a, b int) view {
	v := view{sent: st, a: a, b: b}
	v.wa = sort.Search(len(st.ws), func(i int) bool { return st.ws[i].s >= a })
	v.wb = sort.Search(len(st.ws), func(i int) bool { return st.ws[i].s >= b })
	return v
}

func (v view) in(p int) bool { return p >= v.a && p < v.b }

func (v view) words() []word { return v.ws[v.wa:v.wb] }

func (v view) has(xs ...string) bool {
	for _, w := range v.words() {
		for _, x := range xs {
			if w.lower == x {
				return true
			}
		}
	}
	return false
}

func (v view) hasPrefix(ps ...string) bool {
	for _, w := range v.words() {
		for _, p := range ps {
			if strings.HasPrefix(w.lower, p) {
				return true
			}
		}
	}
	return false
}

func (v view) isNoun(i int) bool {
	w := v.ws[i]
	// another season's meeting ("Frühjahrskonferenz") where the clause
	// gives its day: "bis zur Frühjahrskonferenz 2044" is a deadline
	if !v.in(w.s) || !capitalised(w.text) || !meetingNouns[lastPart(w.lower)] && !(german.SeasonalMeeting(w.lower) && v.dayDate()) {
		return false
	}
	for _, h := range v.series {
		if w.s >= h.s && w.e <= h.e {
			return false // part of a series name: "D16-Treffen"
		}
		// "„D16“-Treffen": the rest of a compound with a series name
		if h.e <= w.s && w.s-h.e <= 8 && strings.Trim(v.text[h.e:w.s], "„“”\"'‚‘’»«-‐‑") == "" {
			return false
		}
	}
	// "Sitzung des Senats": another body's meeting.
	if i+2 < len(v.ws) && (v.ws[i+1].lower == "des" || v.ws[i+1].lower == "der") {
		n := v.ws[i+2]
		if capitalised(n.text) && !v.inSeries(n.s) {
			for _, ok := range []string{"digital", "länder", "bundesländer", "teilnehm", "minister", "staatssekret", "vertreter", "chefs", "cdo", "cio"} {
				if strings.HasPrefix(n.lower, ok) {
					return true
				}
			}
			return false
		}
	}
	return true
}

// cues reports whether the clause has a meeting noun or verb.
func (v view) cues() bool {
	for i := range v.ws {
		if v.isNoun(i) {
			return true
		}
	}
	ws := v.words()
	has := func(xs ...string) bool {
		for _, w := range ws {
			for _, x := range xs {
				if w.lower == x {
					return true
				}
			}
		}
		return false
	}
	switch {
	case has("tagt", "tagte", "tagen", "tagten", "getagt", "empfängt", "empfing", "versammelt", "versammelten", "versammelte", "versammeln",
		"zusammenkommen", "zusammengekommen", "zusammenkamen", "zusammenkommt", "stattfinden", "stattfindet", "stattgefunden", "stattfand"):
		return true
	case has("zusammengetreten", "zusammentreten", "zusammentritt") ||
		len(ws) > 0 && ws[len(ws)-1].lower == "zusammen" && has("trat", "traten", "tritt", "treten"):
		// "ist am 4. Dezember in Saarbrücken zu ihrer Auftaktsitzung
		// zusammengetreten", "trat … zusammen" (the particle ends the
		// clause: not "tritt … in Kraft, den die Länder zusammen mit …")
		return true
	case has("sich") && has("treffen", "trafen", "trifft", "getroffen", "treffe"):
		return true
	case has("zusammen") && has("kamen", "kommen", "kommt", "kam"):
		return true
	case has("statt") && has("fand", "fanden", "findet", "finden"):
		// "eine Überführung in den Regelbetrieb findet nicht statt": what
		// does not take place is no meeting
		return !notTakingPlace(ws)
	case len(v.ws) > 0 && v.inSeries(v.ws[0].s) && has("vom", "am"):
		// a heading: "Konferenz der Regierungschefinnen und
		// Regierungschefs der Länder vom 23. bis 25. Oktober 2034 in
		// Goslar"
		return true
	case (has("ein") && has("lädt", "lud", "laden", "luden") || has("einlädt", "einladen", "einlud", "einluden") && has("zur", "zum", "zu") ||
		has("zur", "zum", "zu") && v.invitedActive()) && v.dated():
		// "X lädt am 14. Mai zur ersten Datenwerkstatt nach Rostock
		// ein", "beim Gipfel, zu dem X am 12. September eingeladen
		// hatte": an invitation to a meeting on a day (a headline "X
		// lädt nach Potsdam ein" dates nothing; the passive "Gäste sind
		// zur Pressekonferenz am Freitag eingeladen" is no meeting)
		return true
	case has("kamen", "kam", "kommen", "reisten") && has("zum", "zur") && v.dayDate() &&
		slices.ContainsFunc(v.series, func(h seriesHit) bool { return v.in(h.s) && !h.weak && !h.target }):
		// "kamen am 8. September Vertreter aller Länder zum Digitalgipfel
		// der Länder nach Mainz": those who came to a named gathering on a
		// day say it took place
		return true
	case has("besucht", "besuchte", "besuchten", "besuchen") && v.dated() && slices.ContainsFunc(v.series, func(h seriesHit) bool { return v.in(h.s) && !h.weak }):
		// "… haben am 27. Januar den Kommunalen Digitalgipfel in
		// Oldenburg besucht": those who attended a named gathering say it
		// took place
		return true
	case has("gastgeber", "gastgeberin", "gastgeberland", "ausrichter", "ausrichterin") && v.dayDate() &&
		slices.ContainsFunc(v.series, func(h seriesHit) bool { return v.in(h.s) && !h.target }):
		// "Das Land war am 4. und 5. November Gastgeber der Herbstkonferenz
		// der Digitalminister der Länder": the host of a named meeting on
		// a day says it took place ("im kommenden Jahr Gastgeber" does not)
		return true
	case has("berät", "beraten", "beriet", "berieten"):
		// "hat am Freitag in Kiel über KI beraten"
		return true
	case has("sich") && has("verständigt", "verständigte", "verständigten", "geeinigt", "einigte", "einigten", "ausgetauscht", "tauschten", "ausgesprochen", "sprachen"):
		// "hat sich am Donnerstag in Schwerin auf … verständigt", "haben
		// sich am Mittwoch in Mainz für … ausgesprochen": a body that
		// agreed on a day in a town met there
		return true
	}
	return false
}

var ordinalStems = map[string]int{
	"erst": 1, "zweit": 2, "dritt": 3, "viert": 4, "fünft": 5, "sechst": 6, "siebt": 7, "siebent": 7,
	"acht": 8, "neunt": 9, "zehnt": 10, "elft": 11, "zwölft": 12,
}

func ordinalWord(lw string) int {
	for _, suf := range []string{"e", "en", "er", "es", "em"} {
		if n, ok := ordinalStems[strings.TrimSuffix(lw, suf)]; ok && strings.HasSuffix(lw, suf) {
			return n
		}
	}
	return 0
}

// qualified reports whether words after index i limit an ordinal to a part
// of the series: "das erste Treffen unter dem gemeinsamen Vorsitz von …",
// "in der Vorsitzzeit", "seit …", "in diesem Jahr".
//
// The qualifying phrase must follow the meeting word (index i) directly; a
// phrase after a verb ("Die 2. Konferenz fand unter dem Vorsitz … statt")
// belongs to the verb and leaves the ordinal alone.
func (v view) qualified(i int) bool {
	// skip a genitive series name: "das erste Treffen der D16 unter …"
	if i+2 < len(v.ws) && (v.ws[i+1].lower == "der" || v.ws[i+1].lower == "des") && v.inSeries(v.ws[i+2].s) {
		i += 2
		for i+1 < len(v.ws) && v.inSeries(v.ws[i+1].s) {
			i++
		}
	}
	if i+1 >= len(v.ws) {
		return false
	}
	switch v.ws[i+1].lower {
	case "unter", "in", "im", "seit", "nach", "während", "dieses", "diesen", "des", "ihres", "seines":
	default:
		return false
	}
	if v.ws[i+1].lower == "seit" || v.ws[i+1].lower == "nach" {
		return true
	}
	end := min(len(v.ws), i+6)
	for k := i + 1; k < end; k++ {
		lw := v.ws[k].lower
		if strings.HasPrefix(lw, "vorsitz") || lw == "leitung" || strings.HasPrefix(lw, "jahr") || lw == "amtszeit" {
			return true
		}
	}
	return false
}

// nounSeries returns the series hit of the clause that forms one phrase with
// a meeting noun: "D16-Sitzung", "„D16“-Treffen", "Sitzung der D16".
func (v view) nounSeries() (seriesHit, bool) {
	for _, h := range v.series {
		if !v.in(h.s) || h.target {
			continue
		}
		for i, w := range v.ws {
			if !capitalised(w.text) || !meetingNouns[lastPart(w.lower)] {
				continue
			}
			switch {
			case w.s >= h.s && w.e <= h.e && (w.s > h.s || w.e < h.e), w.s <= h.s && w.e > h.e:
				return h, true // a compound of name and noun: "D16-Sitzung"
			case h.e <= w.s && w.s-h.e <= 8 && strings.Trim(v.text[h.e:w.s], "„“”\"'‚‘’»«-‐‑") == "" && w.s > h.e:
				return h, true // "„D16“-Treffen"
			case i+2 < len(v.ws) && (v.ws[i+1].lower == "der" || v.ws[i+1].lower == "des") && v.ws[i+2].s == h.s:
				return h, true // "Sitzung der D16"
			}
		}
	}
	return seriesHit{}, false
}

// ordinal returns the series ordinal the clause states: "erste", "3.",
// "erstmals … getroffen", "konstituierende Sitzung".
// listItemStart are words that follow the number of a list item but never
// an ordinal: an ordinal stands before its noun ("die 84. Sitzung"), a
// list item's number before a sentence ("1. Der Rat beschließt …").
var listItemStart = map[string]bool{"der": true, "die": true, "das": true, "den": true, "dem": true, "des": true,
	"ein": true, "eine": true, "er": true, "sie": true, "es": true, "wir": true,
	// "5. Nächstes Treffen": the item of minutes on the next meeting
	"nächstes": true, "nächste": true, "nächster": true, "nächsten": true}

func (v view) ordinal(verb bool) int {
	for i, w := range v.ws {
		if !v.in(w.s) {
			continue
		}
		n := ordinalWord(w.lower)
		if n == 0 && len(w.text) <= 2 && w.text[0] >= '0' && w.text[0] <= '9' && strings.HasPrefix(v.text[w.e:], ". ") &&
			!(i+1 < len(v.ws) && listItemStart[v.ws[i+1].lower]) {
			// "84. Sitzung", not the number of a list item: "1. Der
			// IT-Planungsrat nimmt … zur Kenntnis"
			n = atoi(w.text)
		}
		if (w.lower == "konstituierende" || w.lower == "konstituierenden") && i+1 < len(v.ws) && meetingNouns[lastPart(v.ws[i+1].lower)] ||
			w.lower == "konstituierung" || w.lower == "konstituiert" || w.lower == "konstituierte" {
			if !v.qualified(i) {
				return 1
			}
			continue
		}
		// "zum ersten Mal kommen … zusammen" is "erstmals"
		if w.lower == "zum" && verb && i+2 < len(v.ws) && v.ws[i+1].lower == "ersten" && v.ws[i+2].lower == "mal" {
			if !v.qualified(i + 2) {
				return 1
			}
			continue
		}
		// "das Gründungstreffen": the meeting that founded the body
		if rest, ok := strings.CutPrefix(w.lower, "gründungs"); ok && meetingNouns[rest] && capitalised(w.text) {
			if !v.qualified(i) {
				return 1
			}
			continue
		}
		if w.lower == "erstmals" && verb {
			if !v.qualified(i) {
				return 1
			}
			continue
		}
		if n == 0 {
			continue
		}
		for k := i + 1; k < len(v.ws) && k <= i+3; k++ {
			x := v.ws[k]
			if h, ok := v.seriesAt(x.s); ok {
				if !h.target && !v.qualified(k) {
					return n
				}
				break
			}
			if v.isNoun(k) {
				if !v.qualified(k) {
					return n
				}
				break
			}
			if !strings.HasSuffix(x.lower, "e") && !strings.HasSuffix(x.lower, "en") && !strings.HasSuffix(x.lower, "er") && !strings.HasSuffix(x.lower, "es") {
				break
			}
		}
	}
	return 0
}

func (v view) seriesAt(p int) (seriesHit, bool) {
	for _, h := range v.series {
		if p >= h.s && p < h.e {
			return h, true
		}
	}
	return seriesHit{}, false
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// next reports whether the clause speaks of the next meeting: "zur nächsten
// Konferenz", "die nächste Veranstaltung", "anschließend findet … statt".
func (v view) isNext(first bool) bool {
	ws := v.words()
	if !first && len(ws) > 0 && (ws[0].lower == "anschließend" || ws[0].lower == "danach") {
		return true
	}
	for i, w := range v.ws {
		if !v.in(w.s) || !strings.HasPrefix(w.lower, "nächst") {
			continue
		}
		for k := i + 1; k < len(v.ws) && k <= i+2; k++ {
			if v.isNoun(k) || v.inSeries(v.ws[k].s) {
				return true
			}
		}
	}
	return false
}

func (v view) habitual() bool {
	if v.has("jährlich", "zweimal", "regelmäßig", "regelmäßigen", "jeweils") || v.has("regel") && v.has("in") {
		return true
	}
	ws := v.words()
	for i := 0; i+1 < len(ws); i++ {
		if (ws[i].lower == "zwei" || ws[i].lower == "drei") && ws[i+1].lower == "mal" {
			return true
		}
	}
	// "seit 2019 treffen sich …" with no other date
	seit, other := false, false
	for _, m := range v.dates {
		if !v.in(m.Start) || v.isStamp(m) {
			continue
		}
		if w1, _ := v.wordsBefore(m.Start); w1 == "seit" {
			seit = true
		} else {
			other = true
		}
	}
	return seit && !other
}

// foreignEndings end nouns for bodies other than the series ("regierung":
// Landes-, Staats-, Bundesregierung): "Der Senat hat
// in seiner heutigen Sitzung …", "Der Kabinettsausschuss tagt …".
var foreignEndings = []string{
	"senat", "senats", "kabinett", "kabinetts", "regierung", "landtag", "landtags", "bundesrat", "bundestag",
	"ministerrat", "planungsrat", "ausschuss", "ausschusses", "ministerkonferenz", "präsidentenkonferenz", "stadtrat",
	"gemeinderat", "kreistag", "bürgerschaft", "abgeordnetenhaus", "parlament", "vorstand", "aufsichtsrat",
}

// foreignBody reports whether the clause speaks of another body's meeting
// and names no series.
func (v view) foreignBody() bool {
	for _, h := range v.series {
		if v.in(h.s) && !h.target {
			return false
		}
	}
	var rooms [][2]int
	for _, p := range v.places {
		if p.venue != "" {
			rooms = append(rooms, [2]int{p.s, p.e})
		}
	}
	ws := v.words()
	for i, w := range ws {
		if !capitalised(w.text) || inSpans(rooms, w.s) || invitedBy(ws, i) {
			continue
		}
		lw := lastPart(w.lower)
		for _, f := range foreignEndings {
			if strings.HasSuffix(lw, f) {
				return true
			}
		}
	}
	return false
}

// invitedBy reports whether word i of ws names who invited, not who met:
// "auf Einladung der rheinland-pfälzischen Landesregierung", "auf
// Einladung des Senats" — the word follows "Einladung" with at most three
// lower-case words (articles, adjectives) between.
func invitedBy(ws []word, i int) bool {
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		if ws[j].lower == "einladung" {
			return true
		}
		if capitalised(ws[j].text) {
			return false
		}
	}
	return false
}

// hasDate reports whether the clause states a date other than a stamp.
func (v view) hasDate() bool {
	for _, m := range v.dates {
		if v.in(m.Start) && !v.isStamp(m) {
			return true
		}
	}
	return false
}

// notTakingPlace reports whether "nicht" stands right before the "statt"
// of the clause's words: "findet nicht statt".
func notTakingPlace(ws []word) bool {
	for i, w := range ws {
		if w.lower == "statt" && i > 0 && ws[i-1].lower == "nicht" {
			return true
		}
	}
	return false
}

// maxMeetingDays bounds the days a meeting lasts: a longer span of days is
// the period of something else.
const maxMeetingDays = 14

// onlyPeriod reports whether every day date of the clause is a span of more
// than maxMeetingDays days, and there is one.
func (v view) onlyPeriod() bool {
	n := 0
	for _, m := range v.dates {
		if !v.in(m.Start) || v.isStamp(m) {
			continue
		}
		if m.Precision != dates.Day || m.To == "" {
			return false
		}
		a, ok1 := m.From.Time()
		b, ok2 := m.To.Time()
		if !ok1 || !ok2 || b.Sub(a).Hours() <= 24*maxMeetingDays {
			return false
		}
		n++
	}
	return n > 0
}

// hostedAfter reports whether the sentence after st, in its paragraph, opens
// with the host of a gathering named by its noun: "Ausrichter der Übung war
// …", "Gastgeber des Treffens war …".
func (d *docState) hostedAfter(st *sent) bool {
	if st.idx+1 >= len(d.sents) {
		return false
	}
	n := d.sents[st.idx+1]
	if n.s < st.e || strings.Contains(d.doc.Text[st.e:n.s], "\n\n") || len(n.ws) < 4 {
		return false
	}
	if len(n.dates) > 0 {
		return false // "Gastgeber des Digitalgipfels im Herbst ist Hamburg": another, later one
	}
	host, art, noun, verb := n.ws[0], n.ws[1].lower, n.ws[2], n.ws[3].lower
	return hostWords[host.lower] && host.lower != "eingeladen" && (art == "der" || art == "des") &&
		(german.GatheringNoun(noun.text) || meetingNouns[lastPart(noun.lower)] || strings.HasSuffix(noun.lower, "übung")) &&
		(verb == "war" || verb == "waren")
}

// metThere reports whether "dort" follows a verb of meeting in the clause:
// "tagte dort der IT-Planungsrat" (not "… und beriet dort", "Hessen brachte
// dort einen Antrag ein", "beschloss, dort … zu speichern").
func (v view) metThere() bool {
	ws := v.words()
	for k := 1; k < len(ws); k++ {
		if ws[k].lower == "dort" {
			switch ws[k-1].lower {
			case "tagte", "tagten", "tagt", "trafen", "kamen", "kam", "fand", "fanden", "versammelten":
				return true
			}
		}
	}
	return false
}

// hedges say that a meeting may be held: "möglicherweise bei einer
// Sonderkonferenz".
var hedges = map[string]bool{"möglicherweise": true, "eventuell": true, "gegebenenfalls": true, "vielleicht": true}

// hedged reports whether a hedge stands right before a meeting's noun in
// the clause (at most three words between): "möglicherweise bei einer
// Sonderkonferenz im Januar oder Februar" is no meeting yet; "… getagt und
// über eventuell notwendige Änderungen beraten" is one.
func (v view) hedged() bool {
	for i, w := range v.ws {
		if !v.in(w.s) || !hedges[w.lower] {
			continue
		}
		for k := i + 1; k < len(v.ws) && k <= i+4; k++ {
			if v.isNoun(k) {
				return true
			}
		}
	}
	return false
}

var hostWords = map[string]bool{
	"gastgeber": true, "gastgeberin": true, "gastgeberland": true, "ausrichter": true, "ausrichterin": true,
	"gastland": true, "eingeladen": true,
}

func (v view) sideEvent() bool {
	ws := v.words()
	for i, w := range ws {
		side := w.lower == "rande"
		for _, p := range []string{"vorabend", "vortag", "vorfeld", "nachgang"} {
			side = side || strings.HasPrefix(w.lower, p)
		}
		if !side {
			continue
		}
		// of another meeting: "am Rande der Konferenz", "am Vorabend des
		// Gipfels"; "Am Vortag hatte die Trägerversammlung … getagt" is a
		// meeting of its own, on the day before
		if strings.HasPrefix(w.lower, "vortag") && (i+1 == len(ws) || ws[i+1].lower != "der" && ws[i+1].lower != "des") {
			continue
		}
		if i+2 < len(ws) && (ws[i+1].lower == "der" || ws[i+1].lower == "des") && v.toldInRelative(ws, i+2) {
			// "am Rande der D16-Sitzung, zu der die Senatskanzlei … am 9.
			// Februar in Berlin eingeladen hatte": the relative clause tells
			// the meeting itself
			continue
		}
		return true
	}
	return false
}

var futureWords = map[string]bool{
	"wird": true, "werden": true, "soll": true, "sollen": true, "geplant": true, "plant": true, "planen": true,
	"künftig": true, "demnächst": true, "anstehenden": true, "anstehende": true, "kommenden": true,
}

var pastWords = map[string]bool{
	"fand": true, "fanden": true, "kamen": true, "kam": true, "trafen": true, "traf": true, "tagte": true,
	"tagten": true, "war": true, "waren": true, "hatte": true, "hatten": true, "wurde": true, "wurden": true,
	"getroffen": true, "stattgefunden": true, "verabschiedete": true, "versammelten": true, "begrüßte": true,
	"empfing": true, "teilnahmen": true, "beschlossen": true, "verabschiedet": true,
}

var prepositions = map[string]bool{
	"aus": true, "von": true, "vom": true, "in": true, "im": true, "mit": true, "nach": true, "für": true,
	"zu": true, "zur": true, "zum": true, "bei": true, "beim": true, "an": true, "am": true, "über": true,
	"unter": true, "durch": true, "gegen": true, "ohne": true, "um": true, "zwischen": true,
}

// freeLands returns the Länder of the clause that are not inside skip spans
// nor governed by a preposition.
func (v view) freeLands(skip [][2]int, lo, hi int) []corpus.LandCode {
	var out []corpus.LandCode
	for _, l := range v.lands {
		if !v.in(l.s) || l.s < lo || l.s >= hi || inSpans(skip, l.s) {
			continue
		}
		if w1, w2 := v.wordsBefore(l.s); prepositions[w1] || (w1 == "land" || w1 == "der" || w1 == "die" || w1 == "das" || w1 == "des") && prepositions[w2] {
			continue
		}
		out = append(out, l.code)
	}
	return out
}

// dated reports whether the clause states a date.
// dayDate reports whether the clause gives a day, not only a month or a
// year.
func (v view) dayDate() bool {
	return slices.ContainsFunc(v.dates, func(m dates.Match) bool { return v.in(m.Start) && !v.isStamp(m) && m.Precision == dates.Day })
}

func (v view) dated() bool {
	for _, m := range v.dates {
		if v.in(m.Start) {
			return true
		}
	}
	return false
}

// hostsOf returns the Länder that host the meeting of the clause.
func (v view) hostsOf(skip [][2]int) []corpus.LandCode {
	var out []corpus.LandCode
	for i, w := range v.ws {
		if !v.in(w.s) {
			continue
		}
		switch w.lower {
		case "einladung":
			if i > 0 && v.ws[i-1].lower == "auf" {
				out = append(out, coordinated(v.text, v.lands, w.e, 45, skip)...)
			}
		case "empfängt", "empfing", "lädt", "lud", "einladen", "ausrichten", "staffelposten", "staffelstab":
			ls := v.freeLands(skip, v.a, w.s)
			if len(ls) == 0 && (w.lower == "lädt" || w.lower == "lud" || w.lower == "empfängt" || w.lower == "empfing") {
				// the subject after the verb: "Zum Auftakt lädt
				// Mecklenburg-Vorpommern die Länder … ein"
				ls = coordinated(v.text, v.lands, w.e, 2, skip)
			}
			out = append(out, ls...)
		case "laden", "luden":
			// "X und Y laden … nach Z ein"
			if v.has("ein") {
				out = append(out, v.freeLands(skip, v.a, w.s)...)
			}
		case "richtet", "richtete":
			if v.has("aus") {
				out = append(out, v.freeLands(skip, v.a, w.s)...)
			}
		case "gastgeber", "gastgeberin", "gastgeberland", "ausrichter", "ausrichterin", "gastland":
			// only the Länder of its part of the sentence: "Gastgeber war
			// Schleswig-Holstein, den Vorsitz führte Hamburg"
			c := v.clauseAt(w.s)
			ls := v.freeLands(skip, max(v.a, c[0]), min(v.b, c[1]))
			if rest := strings.TrimLeft(v.text[min(len(v.text), c[1]):], " ,"); len(ls) == 0 && (strings.HasPrefix(rest, "vertreten durch") || strings.HasPrefix(rest, "vertreten von")) {
				// "Gastgeber war das Land, vertreten durch das Mainzer
				// Ministerium …": the host by its representative
				n := v.clauseAt(c[1] + 1)
				for _, l := range v.lands {
					if v.in(l.s) && l.s >= n[0] && l.s < n[1] && !inSpans(skip, l.s) {
						ls = append(ls, l.code)
					}
				}
			}
			out = append(out, ls...)
		case "eingeladen", "ausgerichtet":
			// "Eingeladen hatte das Land Bremen"; but in the passive ("Berlin
			// und Hamburg sind eingeladen", "wird von Hessen ausgerichtet")
			// only the agent after "von" hosts.
			if r := v.invitingRelative(i); r >= 0 {
				// "beim Gipfel, zu dem Mecklenburg-Vorpommern … eingeladen
				// hatte, haben X, Y und Z unterzeichnet": the subject of
				// the relative clause hosts, perhaps with its article: "zu
				// dem die Freie Hansestadt Bremen … eingeladen hatte"
				from := v.ws[r].e
				if r+1 < i && subjectArticles[v.ws[r+1].lower] {
					from = v.ws[r+1].e
				}
				out = append(out, coordinated(v.text, v.lands, from, 2, skip)...)
				continue
			}
			if v.has("hat", "hatte", "haben", "hatten") && !v.has("sind", "ist", "wird", "werden", "wurde", "wurden", "waren", "war") {
				out = append(out, v.freeLands(skip, v.a, v.b)...)
			}
			for k := 0; k < len(v.ws); k++ {
				if (v.ws[k].lower == "von" || v.ws[k].lower == "vom") && v.in(v.ws[k].s) {
					out = append(out, coordinated(v.text, v.lands, v.ws[k].e, 12, skip)...)
				}
			}
		}
	}
	return out
}

// subjectArticles are the articles of a Land as the subject of a clause:
// "die Freie Hansestadt Bremen", "das Saarland", "der Freistaat Sachsen".
var subjectArticles = map[string]bool{"die": true, "das": true, "der": true}

// haben and passive are the auxiliaries of the active and the passive
// perfect of "einladen".
var (
	haben   = map[string]bool{"hat": true, "hatte": true, "haben": true, "hatten": true}
	passive = map[string]bool{"sind": true, "ist": true, "wird": true, "werden": true, "wurde": true, "wurden": true, "waren": true, "war": true}
)

// invitedActive reports whether the clause says in the active that
// someone had invited: "zu der Sachsen … eingeladen hatte", "X hat … zur
// Konferenz eingeladen"; not "Gäste sind zur Pressekonferenz eingeladen".
func (v view) invitedActive() bool {
	ws := v.words()
	for i, w := range ws {
		if w.lower != "eingeladen" {
			continue
		}
		if i+1 < len(ws) && haben[ws[i+1].lower] {
			return true
		}
		for k := i - 1; k >= 0; k-- {
			if passive[ws[k].lower] {
				break
			}
			if haben[ws[k].lower] {
				return true
			}
		}
	}
	return false
}

// invitingRelative returns the index of the relative pronoun of "zu dem",
// "zu der" or "zu denen" that opens the relative clause ending with the
// participle at word i ("zu dem Bremen … eingeladen hatte"), or -1.
// landOffices are the offices of a Land government that invite to a
// meeting in their own Land.
var landOffices = map[string]bool{"staatskanzlei": true, "senatskanzlei": true, "landesregierung": true,
	"staatsregierung": true, "senat": true,
	// the Land itself without its name: "auf Einladung des Freistaats"
	"freistaat": true, "freistaats": true, "freistaates": true}

// officeInvites reports whether the clause says that an office of a Land
// government, named without its Land, invites: "zu der die Senatskanzlei
// … eingeladen hatte", "auf Einladung der Staatskanzlei", "auf Einladung
// des Freistaats".
func (v view) officeInvites() bool {
	office, invite := false, false
	for _, w := range v.words() {
		office = office || landOffices[w.lower]
		invite = invite || w.lower == "eingeladen" || w.lower == "einladung" || w.lower == "lädt" || w.lower == "lud"
	}
	return office && invite
}

// toldInRelative reports whether the meeting noun at word j is followed
// by a relative clause of invitation that dates it: "der D16-Sitzung, zu
// der … am 9. Februar 2071 … eingeladen hatte".
func (v view) toldInRelative(ws []word, j int) bool {
	if !capitalised(ws[j].text) || !meetingNouns[lastPart(ws[j].lower)] || j+2 >= len(ws) {
		return false
	}
	if ws[j+1].lower != "zu" || !strings.HasSuffix(strings.TrimSpace(v.text[ws[j].e:ws[j+1].s]), ",") {
		return false
	}
	for k := j + 2; k < len(ws); k++ {
		if ws[k].lower == "eingeladen" || ws[k].lower == "einlädt" || ws[k].lower == "einlud" {
			return v.hasDate()
		}
	}
	return false
}

func (v view) invitingRelative(i int) int {
	for k := i - 1; k > 0 && k >= i-15; k-- {
		switch v.ws[k].lower {
		case "dem", "der", "denen":
			if v.ws[k-1].lower == "zu" && v.in(v.ws[k-1].s) && strings.HasSuffix(strings.TrimSpace(v.text[:v.ws[k-1].s]), ",") {
				return k
			}
		}
	}
	return -1
}

func (v view) chairsOf(skip [][2]int) []corpus.LandCode {
	var out []corpus.LandCode
	for _, off := range v.meetingChair() {
		if v.in(off - 1) {
			ls := coordinated(v.text, v.lands, off, 45, skip)
			if len(ls) > 0 {
				ls = append(ls, conjoinedLands(v.text, v.lands, off, skip)...)
			}
			if len(ls) == 0 {
				ls = adjectiveChairs(v.text, v.lands, off)
			}
			out = append(out, ls...)
		}
	}
	return out
}

// adjectiveChairs returns the Länder named as adjectives right before the
// chair word that ends at byte off: "unter hessischem Vorsitz", "unter
// bayerisch-sächsischer Leitung" is no form ("unter dem gemeinsamen Vorsitz
// Hamburgs" names its Land after the word).
func adjectiveChairs(s string, lands []landSpan, off int) []corpus.LandCode {
	word := strings.LastIndexAny(s[:off], " \t\n")
	if word < 0 {
		return nil
	}
	var out []corpus.LandCode
	end := word
	for k := len(lands) - 1; k >= 0; k-- {
		l := lands[k]
		if l.e > end || l.nominative {
			continue
		}
		between := strings.TrimSpace(s[l.e:end])
		if between != "" && between != "und" && between != "," {
			break
		}
		out = append(out, l.code)
		end = l.s
	}
	if len(out) == 0 || !strings.HasSuffix(strings.TrimSpace(s[:end]), "unter") {
		return nil
	}
	slices.Reverse(out)
	return out
}

// conjunctRE starts a further noun phrase of a coordination: "…, und der
// Bevollmächtigten des Landes Brandenburg", "sowie dem Minister …".
var conjunctRE = regexp.MustCompile(`(?:,\s*)?\b(?:und|sowie)\s+(?:der|des|dem|den)\s`)

// conjoinedLands returns the Länder of the further noun phrases coordinated
// with the first after byte from, when each phrase carries its own
// apposition: "unter der Leitung der Berliner Staatssekretärin …, Martina
// Klement, und der Bevollmächtigten des Landes Brandenburg …, Dr.
// Friederike Haase, bei der …" — Brandenburg chairs too. Each further
// phrase gives the first Land in its first 60 bytes; the coordination ends
// at a phrase without one, at ";", ":" or the end of the sentence.
func conjoinedLands(s string, lands []landSpan, from int, skip [][2]int) []corpus.LandCode {
	var out []corpus.LandCode
	rest := s[from:]
	if k := strings.IndexAny(rest, ";:"); k >= 0 {
		rest = rest[:k]
	}
	ms := conjunctRE.FindAllStringIndex(rest, 3)
	for _, m := range ms {
		if strings.HasPrefix(rest[m[0]:], ",") && clauseEndingVerb(rest[:m[0]]) {
			// "Brandenburg, das den Vorsitz … führt, und der Freistaat
			// Sachsen haben …": the chair's relative clause has ended
			break
		}
		a := from + m[1]
		var found corpus.LandCode
		for _, l := range lands {
			if l.s >= a && l.s < a+60 && !inSpans(skip, l.s) {
				found = l.code
				break
			}
		}
		if found == "" {
			break
		}
		out = append(out, found)
	}
	return out
}

// clauseEndingVerb reports whether s ends in a finite verb of holding or
// taking a chair, the last word of a relative clause: "…, das den Vorsitz
// der Konferenz führt".
func clauseEndingVerb(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 {
		return false
	}
	switch strings.ToLower(f[len(f)-1]) {
	case "führt", "führte", "innehat", "innehatte", "hat", "hatte", "übernimmt", "übernahm", "übernommen", "leitet", "leitete", "hält", "hielt":
		return true
	}
	return false
}

var participantWords = map[string]bool{
	"teilnahmen": true, "teilnehmen": true, "teilgenommen": true, "teilnehmer": true, "teilnehmerinnen": true,
	"teilnehmenden": true, "gäste": true, "gästen": true, "gast": true, "vertreten": true,
}

func (v view) participantsOf(skip [][2]int) []corpus.LandCode {
	for _, w := range v.words() {
		if participantWords[w.lower] || w.lower == "teil" && v.has("nahmen", "nehmen", "nimmt") {
			var out []corpus.LandCode
			for _, l := range v.lands {
				if !v.in(l.s) || inSpans(skip, l.s) {
					continue
				}
				// "nach Angaben der Staatskanzlei Brandenburg": a Land in
				// apposition to an office (a capitalised word before it, not
				// the first of the sentence) is a source, not a participant.
				if p := v.wordAt(l.s); p > 1 && capitalised(v.ws[p-1].text) && v.ws[p-1].e+1 == l.s {
					continue
				}
				out = append(out, l.code)
			}
			return out
		}
	}
	return nil
}

// agendaStrength says whether the clause speaks of a meeting's themes: 2 for
// unambiguous words ("Tagesordnung", "thematisiert", "vertieft"), 1 for
// others ("Themen", "Beschlüsse", "forderten", "einig waren sich … beim
// Breitbandausbau"), 0 for none or for themes of
// the series so far ("bisher").
func (v view) agendaStrength() int {
	if v.has("bisher", "bislang", "seit") {
		return 0
	}
	strong := v.hasPrefix("tagesordnung", "agenda", "thematisiert", "thematisieren", "erörtert", "erörtern", "vertieft", "vertiefen")
	if strong {
		return 2
	}
	if v.hasPrefix("thema", "themen", "schwerpunkt", "fokus", "beschluss", "beschlüsse", "beschlossen", "beschließen",
		"verabschiedet", "verabschiedete", "diskutiert", "diskutierte", "diskutieren", "befasst", "befassten", "widme",
		"forderten", "fordern", "fordert", "beraten", "berieten", "verständig", "einigten", "geeinigt") ||
		v.has("einig", "einigkeit") || v.has("ging", "geht", "gehen") && v.has("um") || v.has("sprachen", "sprach", "sprechen", "redeten") && v.has("über") || v.follows("im", "mittelpunkt") || v.has("punkte", "gesprächspunkte") ||
		v.follows("breiten", "raum") || v.follows("breiter", "raum") {
		return 1
	}
	return 0
}

// leadsInAgenda says whether the clause leads in a list of agenda items:
// "Auf der Tagesordnung standen:", "Themen waren:", "Schwerpunkte:" (a
// lead-in to resolutions, "Beschluss:", leads in no agenda items).
func (v view) leadsInAgenda() bool {
	return v.hasPrefix("tagesordnung", "agenda", "thema", "themen", "schwerpunkt") || v.has("punkte", "gesprächspunkte", "beratungspunkte")
}

func (e *Extractor) topicsOf(v view) []corpus.TopicID {
	if e.x == nil {
		return nil
	}
	var out []corpus.TopicID
	for _, h := range e.x.FindTopics(v.text) {
		if h.Start < 0 || h.End > len(v.text) || !v.in(h.Start) || v.inSeries(h.Start) {
			continue
		}
		out = append(out, h.Topic)
	}
	return out
}

// clauses splits a sentence where a second meeting may start: at "; " and
// before ", anschließend" / ", danach".
func clauses(st *sent) []view {
	var cuts []int
	low := st.lower
	for _, sep := range []string{"; ", ", anschließend ", ", danach ", " – anschließend "} {
		for off := 0; ; {
			k := strings.Index(low[off:], sep)
			if k < 0 {
				break
			}
			cuts = append(cuts, off+k+1)
			off += k + len(sep)
		}
	}
	sort.Ints(cuts)
	var out []view
	a := 0
	for _, c := range cuts {
		out = append(out, newView(st, a, c))
		a = c
	}
	return append(out, newView(st, a, len(st.text)))
}

// candidate returns what the clause says about a meeting, or nil.
func (e *Extractor) candidate(d *docState, v view, first bool) *cand {
	if v.sideEvent() || v.foreignBody() {
		return nil
	}
	cue := v.cues()
	series := corpus.SeriesID("")
	namesSeries := false
	for _, h := range v.series {
		if v.in(h.s) && !h.target {
			series, namesSeries = h.series, true
			break
		}
	}
	// The series joined to a meeting noun wins over one named elsewhere in
	// the clause: "ein Konzept für die Digitalministerkonferenz, das bis zur
	// D16-Sitzung im November vorliegen soll".
	if h, ok := v.nounSeries(); ok {
		series = h.series
	}
	if series == "" {
		if v.onlyPeriod() && !slices.ContainsFunc(v.ws, func(w word) bool { return v.in(w.s) && capitalised(w.text) && meetingNouns[lastPart(w.lower)] }) {
			// "Die Erprobung fand vom 2. Mai bis zum 31. Oktober in drei
			// Landratsämtern statt": what lasted months, in a clause that
			// names no body and no meeting, is no meeting of the
			// document's body
			return nil
		}
		series = d.primary
	}
	if series == "" {
		return nil
	}
	ord := v.ordinal(cue)
	var place, venue string
	placeLand, invite := false, false
	for _, p := range v.places {
		if !v.in(p.s) {
			continue
		}
		if p.venue != "" && venue == "" {
			venue = p.venue
		}
		if p.place != "" && (place == "" || placeLand && !p.land) {
			place, placeLand, invite = p.place, p.land, p.invite
		}
	}
	// "im Landtag Rheinland-Pfalz", "in der Hessischen Staatskanzlei": the
	// seat of a Land's parliament or government is its capital
	if place == "" {
		for _, p := range v.places {
			if v.in(p.s) && p.venue != "" && seatOfGovernment(p.venue) {
				for _, l := range v.lands {
					if l.s >= p.s-12 && l.e <= p.e {
						if land, ok := e.reg.Get(l.code); ok && land.Capital != "" {
							place = land.Capital
						}
						break
					}
				}
			}
		}
	}
	// "HALLE (SAALE). … kamen … zum Digitaltag in die Händel-Halle": a
	// building without its town is in the town named before it
	if place == "" && (venue != "" || slices.ContainsFunc(v.places, func(p placeFind) bool { return p.capital && v.in(p.s) }) || v.metThere()) {
		// and so is "in der Landeshauptstadt", and "dort" ("POTSDAM. Es
		// war ein langer Tag in der Staatskanzlei. Am Mittwoch tagte dort
		// der IT-Planungsrat")
		place = e.townBefore(d, v.sent)
	}
	if place == "" && venue != "" && invites(v.words()) {
		// "Berlin, 22.02.2083 … hat das Land Berlin … ins Rote Rathaus
		// eingeladen": a Land invites to a building in the town of its
		// own press release's dateline
		if t := e.datelineTown(d); t != "" {
			if l, ok := e.places.landOf(t); ok && slices.ContainsFunc(v.lands, func(ls landSpan) bool { return ls.code == l && v.in(ls.s) }) {
				place = t
			}
		}
	}
	// "Fachleute … haben vom 12. bis 13. Februar in Rostock einen Angriff
	// auf die kommunale IT durchgespielt. Ausrichter der Übung war das Land
	// …": a day in a town, where the next sentence names the host of the
	// gathering this one told
	if !cue && place != "" && !placeLand && v.dayDate() && d.hostedAfter(v.sent) {
		cue = true
	}
	heading := namesSeries && place != "" && !placeLand && !invite && len(v.words()) <= 12
	chair := len(v.meetingChair()) > 0
	next := v.isNext(first)
	// "Ein D16-Treffen ist am … in … geplant."
	planning := namesSeries && v.hasPrefix("geplant", "vorgesehen", "angesetzt", "terminiert") && (place != "" || v.hasDate())
	if !cue && ord == 0 && !heading && !chair && !next && !planning {
		return nil
	}
	if v.habitual() {
		return nil
	}
	if v.hedged() && !v.dayDate() {
		return nil
	}
	c := &cand{st: v.sent, series: series, ordinal: ord, place: place, venue: venue, placeLand: placeLand}
	defer func() { c.placeCode = e.placeLand(v.sent, c.place, c.placeLand) }()
	// the date
	best := -1
	for k, m := range v.dates {
		if !v.in(m.Start) || v.isStamp(m) || v.quoted[k] && m.Relative && m.Precision == dates.Day {
			continue
		}
		if w1, w2 := v.wordsBefore(m.Start); w1 == "seit" || w1 == "ab" || w1 == "bis" || w1 == "stand" || (w1 == "zum" || w1 == "zur") && w2 == "bis" {
			continue // "bis zum 30. September" is a deadline, not the day
		}
		if best < 0 || m.Precision > v.dates[best].Precision {
			best = k
		}
	}
	if best >= 0 {
		c.start, c.end = v.dates[best].From, v.dates[best].To
		// "Lübeck, 9.11.2028 – … haben heute … getagt": a meeting of the
		// day of the dateline or the day before is where the text was
		// written, unless the sentence names a town.
		m := v.dates[best]
		if rel := strings.ToLower(v.text[m.Start:m.End]); m.Relative && v.linePlace != "" && (place == "" || placeLand) &&
			(strings.HasPrefix(rel, "heut") || strings.HasPrefix(rel, "gestern")) {
			place, placeLand = v.linePlace, false
			c.place, c.placeLand = place, false
		}
	}
	if best >= 0 && c.end == "" && len(c.start) == 10 && v.ended() {
		// "Nach zwei Konferenztagen ist am heutigen Freitag die
		// Herbstkonferenz … zu Ende gegangen": the day is the last one
		c.start, c.end = v.startBefore(c.start), c.start
	}
	if best < 0 && !d.known {
		// "Die Konferenz hat am 24. November … stattgefunden" in a text
		// without a date: the day, for the merge to find the year
		for _, y := range dates.FindYearless(v.text) {
			if v.in(y.Start) {
				c.day = fmt.Sprintf("%02d-%02d", y.Month, y.Day)
				break
			}
		}
	}
	c.next = next
	skip := v.skipSpans()
	c.hosts = v.hostsOf(skip)
	if len(c.hosts) == 0 && c.place != "" && v.officeInvites() {
		// "zu der die Senatskanzlei … in Berlin eingeladen hatte": a Land's
		// office invites to its own Land
		if l, ok := e.places.landOf(c.place); ok {
			c.hosts = []corpus.LandCode{l}
		}
	}
	c.chairs = v.chairsOf(skip)
	c.parts = v.participantsOf(append(skip, landSpans(v.lands, c.hosts, c.chairs)...))
	if v.agendaStrength() > 0 {
		c.topics = e.topicsOf(v)
	}
	// planned or past
	fut, past := false, false
	ws := v.words()
	for _, w := range ws {
		if (w.lower == "wird" || w.lower == "werden") && len(ws) > 0 && participle(ws[len(ws)-1].lower) {
			continue // the passive of minutes: "Die Sitzung wird um 12:40 Uhr geschlossen"
		}
		fut = fut || futureWords[w.lower] || strings.HasPrefix(w.lower, "nächst")
		past = past || pastWords[w.lower]
	}
	if c.start != "" && d.pub != "" {
		last := c.start
		if c.end != "" {
			last = c.end
		}
		switch {
		case c.start.First() > d.pub.Last():
			fut, past = true, false
		case last.Last() < d.pub.First():
			fut, past = false, true
		}
	}
	c.planned, c.past = fut && !past, past
	if c.next {
		c.planned, c.past = true, false
	}
	if v.deadline() {
		// "… erarbeiten bis zur Herbstsitzung 2047 ein Muster": a
		// meeting ahead, named as a deadline; what else the sentence says
		// (who works on it, the agenda it is under) is not of it
		c.planned, c.past, c.deadline = true, false, true
		c.hosts, c.chairs, c.parts, c.topics, c.items = nil, nil, nil, nil, nil
	}
	return c
}

// participle reports whether a lower-case word is a past participle:
// "geschlossen", "eröffnet", "angenommen", "verabschiedet", "protokolliert".
func participle(w string) bool {
	if strings.HasSuffix(w, "iert") {
		return true
	}
	for _, p := range []string{"", "an", "auf", "ab", "aus", "ein", "vor", "zu", "fest", "zusammen"} {
		if r, ok := strings.CutPrefix(w, p+"ge"); ok && len(r) >= 3 && (strings.HasSuffix(r, "t") || strings.HasSuffix(r, "en")) {
			return true
		}
	}
	for _, p := range []string{"be", "ver", "er", "ent", "zer"} {
		if strings.HasPrefix(w, p) && len(w) > len(p)+3 && strings.HasSuffix(w, "t") {
			return true
		}
	}
	return false
}

// deadline reports whether the clause names its meeting as a deadline:
// "bis zur Herbstsitzung 2047", "bis zur D16-Sitzung im Oktober".
func (v view) deadline() bool {
	ws := v.words()
	for i := 2; i < len(ws); i++ {
		if ws[i-2].lower != "bis" || ws[i-1].lower != "zur" && ws[i-1].lower != "zum" {
			continue
		}
		k := i
		if k+1 < len(ws) && ws[k].text[0] >= '0' && ws[k].text[0] <= '9' {
			k++ // "bis zur 85. Sitzung"
		}
		if meetingNouns[lastPart(ws[k].lower)] || v.inSeries(ws[k].s) {
			return true
		}
	}
	return false
}

// ended reports whether the clause says that the meeting ended on its
// date: "ist … zu Ende gegangen", "ging … zu Ende", "endete".
func (v view) ended() bool {
	ws := v.words()
	for i, w := range ws {
		switch w.lower {
		case "endete", "endeten":
			return true
		case "ende":
			if i > 0 && ws[i-1].lower == "zu" && (i+1 < len(ws) && strings.HasPrefix(ws[i+1].lower, "gegangen") ||
				slices.ContainsFunc(ws[:i], func(u word) bool { return u.lower == "ging" || u.lower == "gingen" })) {
				return true
			}
		}
	}
	return false
}

// dayCounts are the numbers of days a meeting may last, as words.
var dayCounts = map[string]int{"zwei": 2, "drei": 3, "vier": 4, "zweitägig": 2, "dreitägig": 3, "viertägig": 4}

// startBefore returns the first day of a meeting that ended on day last:
// the clause's "nach zwei Konferenztagen" or "zweitägigen" counts back;
// without a count, only the month is known.
func (v view) startBefore(last corpus.Date) corpus.Date {
	ws := v.words()
	for i, w := range ws {
		n := dayCounts[w.lower]
		if n == 0 {
			for stem, k := range dayCounts {
				if strings.HasPrefix(w.lower, stem) && strings.HasSuffix(stem, "tägig") {
					n = k
				}
			}
		} else if i+1 >= len(ws) || !strings.Contains(ws[i+1].lower, "tag") {
			n = 0 // "zwei Länder"
		}
		if n > 0 {
			if t, ok := last.Time(); ok {
				return corpus.Date(t.AddDate(0, 0, -(n - 1)).Format("2006-01-02"))
			}
		}
	}
	return last[:7]
}

// placeLand returns the Land a place is (a Land named in st) or lies in (a
// known town), or "".
func (e *Extractor) placeLand(st *sent, place string, isLand bool) corpus.LandCode {
	if place == "" {
		return ""
	}
	if !isLand {
		l, _ := e.places.landOf(place)
		return l
	}
	for _, l := range st.lands {
		if st.text[l.s:l.e] == place {
			return l.code
		}
	}
	return ""
}

// landSpans returns the spans of lands whose code is in one of the lists.
func landSpans(lands []landSpan, lists ...[]corpus.LandCode) [][2]int {
	var out [][2]int
	for _, l := range lands {
		for _, cs := range lists {
			for _, c := range cs {
				if c == l.code {
					out = append(out, [2]int{l.s, l.e})
				}
			}
		}
	}
	return out
}

// wordAt returns the index of the word starting at byte p, or -1.
func (st *sent) wordAt(p int) int {
	for i, w := range st.ws {
		if w.s == p {
			return i
		}
	}
	return -1
}

// follows reports whether word b directly follows word a in the clause.
func (v view) follows(a, b string) bool {
	ws := v.words()
	for i := 0; i+1 < len(ws); i++ {
		if ws[i].lower == a && ws[i+1].lower == b {
			return true
		}
	}
	return false
}

// seatOfGovernment reports whether a venue is a Land's parliament or
// government building: "Landtag Rheinland-Pfalz", "Hessische Staatskanzlei".
func seatOfGovernment(venue string) bool {
	lv := strings.ToLower(venue)
	return strings.Contains(lv, "landtag") || strings.Contains(lv, "staatskanzlei") || strings.Contains(lv, "senatskanzlei")
}
