// Package meeting finds meetings of the Länder digital leads and the chairs of
// their series in a document's sentences.
//
// Extract reads a document sentence by sentence:
//
//   - Series: the names of the series (corpus/data/series.json, with
//     inflection endings) are found in every sentence. The document's main
//     series is the one it names most (the title counts twice); weak names
//     ("Digitalministertreffen") and sentences that name no series stand for
//     it. A series named as the result of a change ("zu einer
//     Digitalministerkonferenz weiterentwickelt") is not the meeting's.
//
//   - Meetings: a sentence speaks of a meeting when it has a meeting word
//     ("Treffen", "Sitzung", "Konferenz", "tagt", "kamen … zusammen",
//     "fand … statt", "unter dem Vorsitz"), a series ordinal ("die 3.
//     Digitalministerkonferenz", "erstmals … getroffen") or, in a short
//     heading, a series and a place. Habitual statements ("seit 2019 treffen
//     sich … in der Regel zweimal im Jahr"), side events ("am Vorabend") and
//     chair statements are not meetings. Dates come from package dates,
//     resolved against the publication date (or the sentence's dateline);
//     a dateline ("Potsdam, 12.4.2024 – …") gives when the text was written,
//     never a meeting's date or place, and is the publication date of a
//     document without one. Places are known towns, Länder
//     or town-like names after "in", venues are building or room names after
//     "im"/"am"/"in der"; hosts follow "auf Einladung" or precede
//     "empfängt"/"lädt ein"/"hat den Staffelposten übernommen"; chairs follow
//     "unter (dem) Vorsitz". A series ordinal qualified by a chair period
//     ("das erste Treffen unter dem gemeinsamen Vorsitz von …") is no series
//     ordinal, nor is a "first" meeting dated after the series began.
//
//   - Agenda: sentences about themes ("auf der Tagesordnung", "Themen waren",
//     "thematisiert", "Dort sollen … vertieft werden") give their topics to
//     the meeting they follow.
//
//   - Within a document, the sentences about one meeting become one
//     MeetingMention; its evidence is the most informative sentence. Groups
//     of one series that complement each other without contradiction (one
//     gives the date, another the place: "Tagungsort war …") are joined;
//     a planned and a past meeting stay apart. A series joined to a meeting
//     noun ("D16-Sitzung", "Sitzung der D16") is the meeting's series.
//
//   - Chair terms: "Im Jahr 2022 leitete X das Gremium", "X und Y werden ab
//     1. Juli 2023 für 18 Monate bis Ende 2024 den Vorsitz innehaben", "Für
//     das Jahr 2025 liegt der Vorsitz bei X", "X übernimmt jetzt im neuen
//     Jahr" (the year after the previously stated one), "Zum Jahreswechsel
//     2022/23 ist der Vorsitz an X übergegangen" (from 2023; after "geht",
//     "übergegangen", "gibt … ab" the Land after "an" chairs, the one after
//     "von" did), "Nun führt Xs Ministerin den Vorsitz" (from the time of
//     writing), "beide Länder haben 2024 den Vorsitz" (the two Länder of the
//     sentence before when it names none), "X übernimmt jetzt im neuen Jahr,
//     2032 folgen Y und Z" (a clause with "folgen" and Länder of its own: Y
//     and Z from its year, X until the year before; without a year they
//     get no term). Bare years count as periods here
//     ("Vorsitz 2025 bei X"). A chair statement without any period ("Den
//     Vorsitz hatte Bayern") gives the chair of the meeting it is told with,
//     or is dropped.
//
//   - A chair statement in a sentence that reports one dated or numbered
//     meeting and measures no term ("Gastgeber war X, den Vorsitz führte Y:
//     … haben heute … getagt") gives that meeting's chair, not a term. The
//     Länder of a host clause ("Gastgeber war X") are no chairs; a relative
//     clause ("X, der in diesem Jahr den Vorsitz innehat") chairs with the
//     Land it refers to. "Der bisherige Vorsitzende" is no chair statement.
//     A change at the turn of the year told as done ("ist … übergegangen")
//     dates to the year of writing; a dateline is no "year before".
//
//   - A meeting of the dateline's day or the day before ("heute",
//     "gestern") without a town of its own is at the dateline's town.
//
//   - Questions ("…?") and links to other articles ("» …", a block under
//     "Mehr zum Thema:") state no meeting and no chair. A list right after
//     an agenda lead-in ending in ":" is agenda too.
//
// Nothing is invented: a field the text does not state stays empty.
package meeting

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/german"
	"github.com/laendergraph/laendergraph/ingest/dates"
	"github.com/laendergraph/laendergraph/ingest/extract"
	"github.com/laendergraph/laendergraph/ingest/text"
)

// Extractor finds meeting mentions and chair terms. It is safe for
// concurrent use.
type Extractor struct {
	x       *extract.Extractor
	aliases *seriesNames
	places  *gazetteer
	reg     *corpus.Registry
}

// New returns an Extractor that uses x to find Länder and topics.
func New(x *extract.Extractor) *Extractor {
	return &Extractor{x: x, aliases: newSeriesNames(compileSeries()), places: parseGazetteer(placesTxt), reg: corpus.Laender()}
}

// word is a word of a sentence at the byte range [s, e): letters and digits,
// with inner hyphens ("Hasso-Plattner-Institut", "D16-Treffen").
type word struct {
	s, e        int
	text, lower string
}

// wordsOf returns the words of s from its tokens toks (german.Tokenize): a
// number with inner dots ("4.0") is split at them, and
// words joined by a hyphen with nothing else between are one word.
func wordsOf(s string, toks []german.Token) []word {
	out := make([]word, 0, len(toks))
	for _, t := range toks {
		if !strings.Contains(t.Raw, ".") {
			if t.Sep == "-" && len(out) > 0 {
				out[len(out)-1].e, out[len(out)-1].lower = t.End, "" // "D16-Treffen", "Hasso-Plattner-Institut"
			} else {
				out = append(out, word{s: t.Start, e: t.End, lower: t.Lower})
			}
			continue
		}
		from := t.Start
		for i := t.Start; i <= t.End; i++ {
			if i == t.End || s[i] == '.' {
				if from == t.Start && t.Sep == "-" && len(out) > 0 {
					out[len(out)-1].e, out[len(out)-1].lower = i, ""
				} else {
					out = append(out, word{s: from, e: i})
				}
				from = i + 1
			}
		}
	}
	for i := range out {
		out[i].text = s[out[i].s:out[i].e]
		if out[i].lower == "" { // joined or split: not one token's Lower
			out[i].lower = strings.ToLower(out[i].text)
		}
	}
	return out
}

// landSpan is a Land named at the byte range [s, e) of a sentence.
type landSpan struct {
	code corpus.LandCode
	s, e int
	// nominative is true when the text gives the plain name ("Thüringen"),
	// which can be a place; not a genitive or adjective.
	nominative bool
}

// sent is one analysed sentence of the document.
// newSent returns the sentence t, the idx-th of its document, at byte
// offset start, with its tokens, words and series read once for every later
// step.
func (e *Extractor) newSent(idx, start int, t string) *sent {
	toks := german.Tokenize(t)
	low := strings.ToLower(t)
	return &sent{idx: idx, s: start, e: start + len(t), text: t, lower: low, toks: toks, ws: wordsOf(t, toks), series: e.findSeriesIn(t, low, toks)}
}

type sent struct {
	idx    int
	s, e   int // byte range in the document
	text   string
	lower  string         // strings.ToLower(text), for findSeriesIn and clauses
	toks   []german.Token // of text
	ws     []word
	series []seriesHit
	lands  []landSpan
	dates  []dates.Match // offsets relative to text
	quoted []bool        // per date: inside a quotation
	places []placeFind
	// question is set for a question ("Hat das Land eine Cyberwehr?"): it
	// states no meeting and no chair. teaser is set for a link to another
	// article ("» Achte DMK: …", a line under "Mehr zum Thema:").
	question, teaser bool
	// dateline is the byte end of a dateline at the start of the sentence
	// ("Potsdam, 12.4.2024 –"), or 0; lineDate is its date.
	dateline int
	lineDate corpus.Date
	// linePlace is the town of the dateline ("Lübeck"), or "".
	linePlace string
	// scopeEnd is the byte end of the part of a chair statement that
	// states the chair (see chairScope).
	scopeEnd int
}

// docState is what Extract knows about the whole document.
type docState struct {
	doc     *corpus.Document
	sents   []*sent
	primary corpus.SeriesID
	pub     corpus.Date // publication date, or the present year read from the text
	known   bool        // doc.Date is known
	quotes  [][2]int
	// topItems are the numbered agenda items ("TOP 3 – …") of the
	// document: in minutes, the agenda of the meeting its header records
	// (see headerFields).
	topItems []corpus.AgendaItem
}

// Extract returns the meeting mentions and chair terms of doc, whose Text is
// split into sents, and sets doc.Series.
func (e *Extractor) Extract(doc *corpus.Document, sents []text.Sentence) ([]corpus.MeetingMention, []corpus.ChairTerm) {
	if doc == nil || doc.Text == "" {
		return nil, nil
	}
	d := &docState{doc: doc, quotes: quoteRanges(doc.Text)}
	if doc.Date.Valid() && doc.Date.Known() {
		d.pub, d.known = doc.Date, true
	}
	for i, s := range sents {
		if s.Start < 0 || s.End > len(doc.Text) || s.Start >= s.End {
			continue
		}
		t := doc.Text[s.Start:s.End]
		st := e.newSent(i, s.Start, t)
		st.question = german.IsQuestion(t)
		st.teaser = text.IsTeaser(doc.Text, s.Start)
		d.sents = append(d.sents, st)
	}
	docAbbreviations(d.sents)
	networkMeetings(d.sents)
	e.landBodyOfDoc(d)
	e.resolveSeries(d)
	for _, st := range d.sents {
		st.dateline, st.lineDate = datelineOf(st.text)
		if !d.known && st.lineDate != "" {
			// the dateline of a document without a date is its publication date
			d.pub, d.known = st.lineDate, true
		}
	}
	if !d.known {
		d.pub = e.presentYear(d)
	}
	for _, st := range d.sents {
		e.analyse(d, st)
	}
	chairs, chairSents := e.chairTerms(d)
	mentions := e.meetings(d, chairSents)
	mentions = e.headerFields(d, mentions)
	e.chairHosts(mentions, chairs)
	return mentions, chairs
}

// chairHosts sets the host of a dated meeting that names none to the Land
// that chairs the series at the time when the meeting takes place in a
// town of that Land: "Bremen hat 2030 den Vorsitz … Die 11. Konferenz
// findet am 15. Mai 2030 in Bremen statt" — the chair invites to its own
// Land.
func (e *Extractor) chairHosts(ms []corpus.MeetingMention, terms []corpus.ChairTerm) {
	for i := range ms {
		m := &ms[i]
		if len(m.Hosts) > 0 || m.Place == "" || len(m.Start) < 7 {
			continue
		}
		land, ok := e.places.landOf(m.Place)
		if !ok {
			continue
		}
		chairs := m.Chairs
		if len(chairs) == 0 {
			for _, t := range corpus.ChairsDuring(terms, m.Series, m.Start, m.Start) {
				chairs = append(chairs, t.Lands...)
			}
		}
		if len(chairs) == 1 && chairs[0] == land {
			m.Hosts = []corpus.LandCode{land}
		}
	}
}

// resolveSeries finds the document's main series, resolves weak names and
// sets doc.Series.
func (e *Extractor) resolveSeries(d *docState) {
	count := map[corpus.SeriesID]int{}
	first := map[corpus.SeriesID]int{}
	n := 0
	add := func(h seriesHit, w int) {
		if h.target || h.weak {
			return
		}
		if _, ok := first[h.series]; !ok {
			first[h.series] = n
		}
		n++
		count[h.series] += w
	}
	for _, h := range e.findSeries(d.doc.Title) {
		add(h, 2)
	}
	for _, st := range d.sents {
		for _, h := range st.series {
			add(h, 1)
		}
	}
	if len(count) == 0 {
		for _, st := range d.sents {
			for _, h := range st.series {
				if !h.target {
					h.weak = false
					add(h, 1)
				}
			}
		}
	}
	for id, c := range count {
		if d.primary == "" || c > count[d.primary] || c == count[d.primary] && first[id] < first[d.primary] {
			d.primary = id
		}
	}
	if head, _, ok := strings.Cut(string(d.primary), " der "); ok {
		for _, st := range d.sents {
			for i := range st.series {
				if h := &st.series[i]; h.ofLaender && strings.HasPrefix(string(h.series), head+" der ") {
					h.series = d.primary // "Konferenz der Landes-CERTs" … "Die Konferenz der Computer-Notfallteams der Länder"
				}
			}
		}
	}
	seen := map[corpus.SeriesID]bool{}
	for _, st := range d.sents {
		var strong corpus.SeriesID
		for _, h := range st.series {
			if !h.weak && !h.target {
				strong = h.series
				break
			}
		}
		for i := range st.series {
			h := &st.series[i]
			if h.weak {
				// a weak name stands for a series of its own lineage: the
				// Digitalminister of a "KI-Werkstatt" the title names meet
				// as the DMK, not as the workshop
				switch {
				case strong != "" && related(h.series, strong):
					h.series = strong
				case d.primary != "" && related(h.series, d.primary):
					h.series = d.primary
				}
			}
			seen[h.series] = true
		}
	}
	d.doc.Series = nil
	for _, s := range corpus.AllSeries() {
		if seen[s.ID] {
			d.doc.Series = append(d.doc.Series, s.ID)
			delete(seen, s.ID)
		}
	}
	// bodies found by their form, after the registered series
	var more []corpus.SeriesID
	for id := range seen {
		if id != "" {
			more = append(more, id)
		}
	}
	slices.Sort(more)
	d.doc.Series = append(d.doc.Series, more...)
}

// presentYear reads the year a document without publication date was
// written in from "im neuen Jahr" after a stated year: "Im Jahr 2022 leitete
// … Bayern übernimmt jetzt im neuen Jahr" → 2023. It returns "" when the
// text does not say.
func (e *Extractor) presentYear(d *docState) corpus.Date {
	for _, st := range d.sents {
		if y, _ := yearTurn(st.text); y > 0 {
			return corpus.Date(itoa4(y)) // "zum Jahreswechsel 2022/23 …"
		}
	}
	for i, st := range d.sents {
		k := newYearAt(st.text)
		if k < 0 {
			continue
		}
		if y := priorYear(d, i, k); y > 0 {
			return corpus.Date(itoa4(y + 1))
		}
	}
	return ""
}

// priorYear returns the latest year stated before byte k of sentence i (in it
// or in the three sentences before), or 0. Datelines and stamps say when the
// text was written, not which year it speaks of, and do not count.
func priorYear(d *docState, i, k int) int {
	for j := i; j >= 0 && j >= i-3; j-- {
		st := d.sents[j]
		t := st.text
		if j == i {
			t = t[:k]
		}
		ms := dates.Find(t, "")
		for m := len(ms) - 1; m >= 0; m-- {
			if ms[m].Start < st.dateline || st.isStamp(ms[m]) {
				continue
			}
			if y := ms[m].From.Year(); y > 0 {
				if ms[m].To != "" {
					y = ms[m].To.Year()
				}
				return y
			}
		}
	}
	return 0
}

var newYearRE = regexp.MustCompile(`(?i)\b(?:im|ins|zum)\s+neuen?\s+Jahr\b|Jahreswechsel`)

// newYearAt returns the byte offset of "im neuen Jahr", "ins neue Jahr" or
// "Jahreswechsel" in s, or -1.
func newYearAt(s string) int {
	if m := newYearRE.FindStringIndex(s); m != nil {
		return m[0]
	}
	return -1
}

func itoa4(y int) string {
	b := []byte{'0', '0', '0', '0'}
	for i := 3; i >= 0; i-- {
		b[i] = byte('0' + y%10)
		y /= 10
	}
	return string(b)
}

// newYear returns the year "im neuen Jahr" / "zum Jahreswechsel" means in
// sentence i: the year after the one stated just before, or else the
// publication year (the next one in the second half of a year, unless the
// sentence reports the change as done: "Mit dem Jahreswechsel ist der
// Vorsitz an X übergegangen" written in January means the turn into the
// publication year, and so does it written in December).
func newYear(d *docState, i, k int) int {
	if y := priorYear(d, i, k); y > 0 {
		return y + 1
	}
	if d.known {
		t, ok := d.pub.Time()
		if !ok {
			return 0
		}
		if d.sents[i].reportsDone() {
			return t.Year()
		}
		if len(d.pub) >= 7 && t.Month() > 6 {
			return t.Year() + 1
		}
		return t.Year()
	}
	return d.pub.Year()
}

// doneWords report a change of chair as past: "ist … übergegangen", "ging
// an", "hat … übernommen".
var doneWords = map[string]bool{
	"übergegangen": true, "gegangen": true, "gewechselt": true, "übernommen": true, "übergeben": true,
	"abgegeben": true, "weitergegeben": true, "weitergereicht": true, "übertragen": true, "gefallen": true,
	"ging": true, "überging": true, "wechselte": true, "übernahm": true, "übernahmen": true, "übergab": true,
	"gab": true, "fiel": true, "wanderte": true,
}

// reportsDone reports whether st tells a change as done: a past participle
// with "ist"/"hat" ("ist … übergegangen", "hat … übernommen") or a
// preterite ("ging", "übernahm"), and no future ("wird … übergeben").
func (st *sent) reportsDone() bool {
	aux, participle, preterite, future := false, false, false, false
	for _, w := range st.ws {
		switch w.lower {
		case "ist", "sind", "hat", "haben", "war", "waren", "hatte", "hatten":
			aux = true
		case "wird", "werden", "soll", "sollen":
			future = true
		case "ging", "überging", "wechselte", "übernahm", "übernahmen", "übergab", "gab", "fiel", "wanderte":
			preterite = true
		default:
			participle = participle || doneWords[w.lower]
		}
	}
	return (preterite || aux && participle) && !future
}

// analyse finds the Länder, dates and places of a sentence.
func (e *Extractor) analyse(d *docState, st *sent) {
	if e.x != nil {
		for _, h := range e.x.FindLaender(st.text) {
			if h.Start < 0 || h.End > len(st.text) || h.Start >= h.End {
				continue
			}
			st.lands = append(st.lands, landSpan{code: h.Land, s: h.Start, e: h.End, nominative: h.Kind == extract.FormName})
		}
		// "Gastgeber war das Land, vertreten durch das Mainzer Ministerium"
		for _, h := range e.x.SeatGovernments(st.toks) {
			st.lands = append(st.lands, landSpan{code: h.Land, s: h.Start, e: h.End})
		}
		sort.SliceStable(st.lands, func(i, j int) bool { return st.lands[i].s < st.lands[j].s })
	}
	pub := d.pub
	if st.lineDate != "" {
		pub = st.lineDate // "Potsdam, 27.9.2019 – An diesem Freitag …"
	}
	st.dates = dates.FindIn(st.text, st.toks, pub)
	st.quoted = make([]bool, len(st.dates))
	for i, m := range st.dates {
		st.quoted[i] = inRanges(d.quotes, st.s+m.Start)
	}
	// The dateline's place is where the text was written, not where a
	// meeting is, unless the meeting is "heute" or "gestern" (see
	// candidate).
	if st.dateline > 0 {
		if k := strings.IndexByte(st.text, ','); k > 0 && k < st.dateline {
			name := strings.TrimSpace(st.text[:k])
			if _, known := e.places.land[name]; known || townLike(name) {
				st.linePlace = name
			}
		}
	}
	for _, p := range e.findPlaces(st.text, st.ws, st.lands) {
		if p.s >= st.dateline {
			st.places = append(st.places, p)
		}
	}
}

// pressDatelineRE matches the dateline of a news report that names only
// the town, ending with a period: "HALLE (SAALE).", "Nürnberg.".
var pressDatelineRE = regexp.MustCompile(`^\s*(\p{Lu}[\p{L}\-]+(?:\s\p{Lu}[\p{L}\-]+)?)(\s*\([^()]{1,20}\))?\.\s*$`)

// pressTown returns the known town of a news report's dateline that is the
// sentence st ("HALLE (SAALE).", "Nürnberg."), or "".
func (e *Extractor) pressTown(st *sent) string {
	m := pressDatelineRE.FindStringSubmatch(st.text)
	if m == nil || strings.TrimSpace(st.text) != strings.TrimSpace(m[0]) {
		return ""
	}
	name := m[1]
	if strings.ToUpper(name) == name {
		// "HALLE" → "Halle"
		ws := strings.Fields(strings.ToLower(name))
		for k, w := range ws {
			r, n := utf8.DecodeRuneInString(w)
			ws[k] = string(unicode.ToUpper(r)) + w[n:]
		}
		name = strings.Join(ws, " ")
	}
	if _, ok := e.places.land[name]; ok {
		return name
	}
	return ""
}

// datelineTown returns the known town of the dateline that opens one of
// the first sentences of the document ("Berlin, 22.02.2083"), or "".
func (e *Extractor) datelineTown(d *docState) string {
	for _, st := range d.sents[:min(4, len(d.sents))] {
		if _, ok := e.places.land[st.linePlace]; ok {
			return st.linePlace
		}
	}
	return ""
}

// townBefore returns the town where a building that st names without its
// town lies: the town the sentences before st in its paragraph name last
// ("… sind in Brüssel zusammengekommen. Die Konferenz begann … in der
// Vertretung des Saarlandes"), or the town of a news report's dateline
// before it ("HALLE (SAALE). … in die Händel-Halle"); else "".
func (e *Extractor) townBefore(d *docState, st *sent) string {
	k := slices.Index(d.sents, st)
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		p := d.sents[j]
		if strings.Contains(d.doc.Text[p.e:d.sents[j+1].s], "\n\n") {
			break // another paragraph
		}
		for m := len(p.places) - 1; m >= 0; m-- {
			if pl := p.places[m]; pl.place != "" && !pl.land && !pl.invite && !strings.Contains(pl.place, " und ") {
				return pl.place
			}
		}
		if t := e.pressTown(p); t != "" {
			return t
		}
	}
	return ""
}

// datelineRE matches a dateline at the start of a sentence: a place (one to
// four capitalised words, "Frankfurt am Main", "Halle (Saale)", several
// joined by slashes: "Kiel/Hamburg"), an optional
// weekday or "den", a numeric or written day date, an optional source in
// brackets ("(dpa)"), then a dash, a line break or the end of the sentence.
var datelineRE = regexp.MustCompile(`^\s*\p{Lu}[\p{L}.\-]*(?:\s?/\s?\p{Lu}[\p{L}.\-]*)*(?:\s+(?:am|an|der|im|ob|\p{Lu}[\p{L}.\-]*)){0,3}(?:\s*\([^()]{1,20}\))?\s*,\s*(?:(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag),?\s+)?(?:den\s+)?(\d{1,2}\.\s?\d{1,2}\.\s?\d{4}|\d{1,2}\.\s+\p{L}+\.?\s+\d{4}|\d{4}-\d{2}-\d{2})(?:\s*\([^()\n]{1,40}\))?\s*(?:[–—-]\s|[–—-]$|\n|$|\|)`)

// datelineOf returns the byte end of the dateline that starts s and its
// date, or 0 and "". The date of a dateline is when the text was written:
// never a meeting's date unless the sentence says the meeting is today.
func datelineOf(s string) (int, corpus.Date) {
	if c := strings.IndexByte(s, ','); c < 0 || !strings.ContainsAny(s[c:], "0123456789") {
		return 0, "" // a dateline has a comma and a date after it
	}
	m := datelineRE.FindStringSubmatchIndex(s)
	if m == nil {
		return 0, ""
	}
	ds := dates.Find(s[m[2]:m[3]], "")
	if len(ds) != 1 || ds[0].Precision != dates.Day || ds[0].To != "" {
		return 0, ""
	}
	return m[1], ds[0].From
}

// quoteRanges returns the byte ranges of quotations in t: „…“, “…”, "…",
// »…« and «…». An unclosed quotation ends at a blank line.
func quoteRanges(t string) [][2]int {
	var out [][2]int
	open := -1
	var closers string
	for i, r := range t {
		if open >= 0 {
			if strings.ContainsRune(closers, r) {
				out = append(out, [2]int{open, i})
				open = -1
			} else if r == '\n' && strings.HasPrefix(t[i+1:], "\n") {
				out = append(out, [2]int{open, i})
				open = -1
			}
			continue
		}
		switch r {
		case '„':
			open, closers = i, "“”\""
		case '“':
			open, closers = i, "”"
		case '"':
			open, closers = i, "\""
		case '»':
			open, closers = i, "«"
		case '«':
			open, closers = i, "»"
		}
	}
	if open >= 0 {
		out = append(out, [2]int{open, len(t)})
	}
	return out
}

func inRanges(rs [][2]int, p int) bool {
	for _, r := range rs {
		if p > r[0] && p < r[1] {
			return true
		}
	}
	return false
}

// wordBefore returns the lower-case word that ends before byte p of st, and
// the one before it.
func (st *sent) wordsBefore(p int) (string, string) {
	var a, b string
	for _, w := range st.ws {
		if w.e > p {
			break
		}
		a, b = w.lower, a
	}
	return a, b
}

// isStamp reports whether date match m of st is a dateline or publication
// stamp: "[26.6.2019] …", "veröffentlicht am 19.06.2019", "Stand: …".
func (st *sent) isStamp(m dates.Match) bool {
	if st.dateline > 0 && m.Start < st.dateline {
		return true
	}
	before := strings.TrimSpace(st.text[:m.Start])
	if before == "" || before == "[" || before == "(" {
		// a dateline: "[26.6.2019] …", "21.06.2019 – …"; not "21. Juni
		// findet …"
		after := strings.TrimSpace(st.text[m.End:])
		r, _ := utf8.DecodeRuneInString(after) // the first rune: "–" is three bytes
		return after == "" || strings.ContainsRune("]):–-|/", r)
	}
	w1, w2 := st.wordsBefore(m.Start)
	return w1 == "stand" || w2 == "veröffentlicht" || w2 == "pressemitteilung" || w1 == "veröffentlicht"
}

// coordinated returns the Länder of a list that starts within maxGap bytes
// after byte from: "von Berlin und Brandenburg", "des baden-württembergischen
// Ministers". Länder inside skip spans (rooms, series names) are ignored.
func coordinated(s string, lands []landSpan, from, maxGap int, skip [][2]int) []corpus.LandCode {
	var out []corpus.LandCode
	last := -1
	for _, l := range lands {
		if l.s < from || inSpans(skip, l.s) {
			continue
		}
		if last < 0 {
			if l.s-from > maxGap || strings.ContainsAny(s[from:l.s], ",;:.") {
				break
			}
			out = append(out, l.code)
			last = l.e
			continue
		}
		if l.s < last {
			out = append(out, l.code) // a region's second Land
			continue
		}
		gap := strings.TrimSpace(s[last:l.s])
		switch gap {
		case "", ",", "und", "sowie", "&", "/", "-", "–", "wie":
			out = append(out, l.code)
			last = l.e
			continue
		}
		break
	}
	return out
}

func inSpans(sp [][2]int, p int) bool {
	for _, r := range sp {
		if p >= r[0] && p < r[1] {
			return true
		}
	}
	return false
}

// skipSpans are the byte ranges of a sentence whose Länder are not hosts,
// chairs or participants: series names and rooms ("Brandenburg-Saal").
func (st *sent) skipSpans() [][2]int {
	var out [][2]int
	for _, h := range st.series {
		out = append(out, [2]int{h.s, h.e})
	}
	for _, p := range st.places {
		if p.venue != "" || p.land {
			out = append(out, [2]int{p.s, p.e})
		}
	}
	return out
}

func uniqLands(reg *corpus.Registry, cs []corpus.LandCode) []corpus.LandCode {
	if len(cs) == 0 {
		return nil
	}
	return reg.SortCodes(append([]corpus.LandCode(nil), cs...))
}
