package meeting

import (
	"cmp"
	"slices"
	"strings"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/german"
	"github.com/laendergraph/laendergraph/ingest/dates"
)

// headerSents is how far into a document a block of header fields may
// stand (in sentences).
const headerSents = 20

// headerFields fills the meeting a document records from the header fields
// near its top — "Ort: Potsdam, Staatskanzlei", "Datum: 27. September
// 2028", "Vorsitz: Brandenburg", "Gastgeber: Land Bremen", "Teilnehmende
// Länder: …"
// (german.HeaderField) — the way minutes and
// resolutions state them. The meeting is the first mention of the heading
// (before the fields, or the first sentence after them); only what the
// mention leaves open is filled, and its evidence grows to cover the
// fields it took.
func (e *Extractor) headerFields(d *docState, ms []corpus.MeetingMention) []corpus.MeetingMention {
	var start, end corpus.Date
	var place string
	var placeLand corpus.LandCode
	var placeSent *sent
	placeV := 0
	var chairs, hosts, parts []corpus.LandCode
	last := -1
	for i, st := range d.sents {
		if i >= headerSents {
			break
		}
		kind, v, ok := german.HeaderField(st.text)
		if !ok {
			// a line of a date and a town alone: "12. und 13. Oktober
			// 2034, Ludwigsburg", "**17. September 2035 · Festung Mark,
			// Magdeburg**"
			if f, t, town, ok := e.dateTownLine(st.text, d.pub); ok {
				if start == "" {
					start, end = f, t
				}
				if place == "" {
					place = town
				}
				last = i
			}
			continue
		}
		val := st.text[v:]
		switch kind {
		case "date", "place", "date+place":
			// "Ort und Zeit: Magdeburg, Rathaus, 9.–10. September 2115"
			// states both in one value
			wantDate := kind != "place" && start == ""
			wantPlace := kind != "date" && place == ""
			if !wantDate && !wantPlace {
				continue
			}
			if wantDate {
				start, end = fieldDate(val, d.pub)
			}
			if wantPlace {
				// "Ort: Berlin, Vertretung des Landes Sachsen-Anhalt beim
				// Bund": the Land whose house it is hosts, not the town's
				placeSent, placeV = st, v
				place = e.fieldTown(val)
			}
			last = i
			continue
		case "chair", "host", "participants":
			var ls []corpus.LandCode
			for _, l := range st.lands {
				if l.s >= v {
					ls = append(ls, l.code)
				}
			}
			switch {
			case kind == "chair" && chairs == nil:
				chairs = ls
			case kind == "host" && hosts == nil:
				hosts = ls
			case kind == "participants" && parts == nil:
				parts = ls
			}
		default:
			continue
		}
		last = i
	}
	if placeSent != nil && place != "" {
		for _, l := range placeSent.lands {
			if l.s >= placeV && l.code != e.places.land[place] {
				placeLand = l.code
				break
			}
		}
	}
	if last < 0 || start == "" && place == "" && chairs == nil && hosts == nil && parts == nil {
		return ms
	}
	// the mention of the heading: the first of the document's first
	// sentences that records a meeting, before the last field or right
	// after it
	target := -1
	for k := range ms {
		si := d.sentAt(ms[k].Evidence)
		if si >= 0 && si <= last+1 && !ms[k].Planned {
			target = k
			break
		}
	}
	if target < 0 && start != "" {
		// the mention of the heading's series whose day the date field
		// spans, wherever its best sentence is ("Die Sitzung wird am 18.
		// Juni … geschlossen" under "Termin: 17./18. Juni")
		if hs, ok := headingSeries(d, last); ok {
			for k, o := range ms {
				if o.Series == hs.series && !o.Planned && len(o.Start) == 10 && corpus.Overlaps(start, cmp.Or(end, start), o.Start, cmp.Or(o.End, o.Start)) {
					target = k
					break
				}
			}
		}
	}
	if target < 0 {
		// Minutes often head their fields with the body's name alone ("D16
		// – Runde der …", "Protokoll des Verwaltungsrats") and no sentence
		// that says it met: a dated header block is that meeting.
		hs, ok := headingSeries(d, last)
		if ok && start == "" {
			// the date in the heading itself: "Ergebnisprotokoll der
			// Besprechung … am 19. Juni 2036 in Berlin"
			start, end, place = headingDate(d, last, place)
		}
		if !ok || start == "" {
			return ms
		}
		ms = append(ms, corpus.MeetingMention{Series: hs.series, Evidence: corpus.EvidenceAt(d.doc, hs.sent.s, d.sents[last].e)})
		target = len(ms) - 1
	}
	m := &ms[target]
	if start == "" {
		// the date in the heading itself, beside its town: "Frühjahrssitzung
		// 2043 / Potsdam, 23./24.03.2043"
		if hs, ok := headingSeries(d, last); ok && hs.series == m.Series {
			start, end, _ = headingDate(d, last, place)
		}
	}
	// a date field that states the day of a mention's month or year
	// ("Herbstsitzung 2038" – "Datum: 13. und 14. Oktober 2038") refines it
	// as does one that spans the mention's day ("Termin: 17./18. Juni
	// 2049" – "Die Sitzung wird am 18. Juni 2049 … geschlossen")
	if start != "" && (m.Start == "" || refines(start, m.Start) ||
		end != "" && m.End == "" && len(m.Start) == 10 && corpus.Overlaps(start, end, m.Start, m.Start)) {
		m.Start, m.End, m.Day = start, end, ""
	}
	if len(m.Hosts) == 0 && len(hosts) > 0 {
		m.Hosts = uniqLands(e.reg, hosts)
	}
	if m.Place == "" && place != "" {
		m.Place = place
		if l, ok := e.places.landOf(place); ok && len(m.Hosts) == 0 {
			if placeLand != "" {
				l = placeLand
			}
			m.Hosts = []corpus.LandCode{l}
		}
	}
	if len(m.Chairs) == 0 && len(chairs) > 0 {
		m.Chairs = uniqLands(e.reg, chairs)
	}
	if len(m.Participants) == 0 && len(parts) > 0 {
		m.Participants = minus(uniqLands(e.reg, parts), m.Hosts, m.Chairs)
	}
	if si := d.sentAt(m.Evidence); si >= 0 && si < last {
		m.Evidence = corpus.EvidenceAt(d.doc, d.sents[si].s, d.sents[last].e)
	}
	if len(d.topItems) > 0 {
		// the numbered items of minutes are the agenda of the meeting
		// they record, wherever the sentences around them joined them
		for k := range ms {
			ms[k].Agenda = slices.DeleteFunc(ms[k].Agenda, func(it corpus.AgendaItem) bool {
				return slices.ContainsFunc(d.topItems, func(t corpus.AgendaItem) bool { return t.Evidence.Span == it.Evidence.Span })
			})
		}
		m.Agenda = corpus.AppendAgenda(m.Agenda, d.topItems...)
	}
	return mergeHeaderEchoes(e.reg, d, ms, target)
}

// fieldDate returns the first date of at least a month's precision in the
// value of a date field.
func fieldDate(val string, pub corpus.Date) (from, to corpus.Date) {
	for _, m := range dates.Find(val, pub) {
		if m.Precision >= dates.Month {
			return m.From, m.To
		}
	}
	return "", ""
}

// fieldTown returns the first town of the gazetteer at a word start in the
// value of a place field, or "".
func (e *Extractor) fieldTown(val string) string {
	for k := range val {
		if boundaryBefore(val, k) {
			if t, ok := e.places.townAt(val, k); ok {
				return t
			}
		}
	}
	return ""
}

// mergeHeaderEchoes folds into the header's meeting (ms[target]) the other
// mentions of its series in the document's first sentences that only name
// it less precisely: a title and a page header repeat "Herbstsitzung 2040"
// above the fields that date it ("Datum: 08.10.2040"), and the agenda read
// under one of them is the dated meeting's.
func mergeHeaderEchoes(reg *corpus.Registry, d *docState, ms []corpus.MeetingMention, target int) []corpus.MeetingMention {
	m := ms[target]
	if len(m.Start) < 10 {
		return ms
	}
	out := ms[:0:0]
	for k, o := range ms {
		echo := k != target && o.Series == m.Series && o.Ordinal == m.Ordinal && !o.Planned && o.Start != "" && refines(m.Start, o.Start) &&
			(o.Place == "" || o.Place == m.Place) && d.sentAt(o.Evidence) >= 0
		if !echo {
			out = append(out, o)
			continue
		}
		m.Topics = uniqTopics(append(m.Topics, o.Topics...))
		m.Agenda = corpus.AppendAgenda(m.Agenda, o.Agenda...)
		m.Chairs = uniqLands(reg, append(m.Chairs, o.Chairs...))
		m.Hosts = uniqLands(reg, append(m.Hosts, o.Hosts...))
		m.Participants = uniqLands(reg, append(m.Participants, o.Participants...))
	}
	for k := range out {
		if out[k].Series == m.Series && out[k].Start == m.Start && out[k].Evidence == ms[target].Evidence {
			out[k] = m
		}
	}
	return out
}

// headingDate returns the first stated day date in the sentences of the
// header block (up to last), as the sentences' analysis read them, and the
// first place named after it when place is still "".
func headingDate(d *docState, last int, place string) (from, to corpus.Date, town string) {
	for i := 0; i <= last && i < len(d.sents); i++ {
		st := d.sents[i]
		for _, m := range st.dates {
			if m.Precision < dates.Day || m.Relative {
				continue
			}
			town = place
			for _, p := range st.places {
				if town == "" && p.s >= m.End && !p.land {
					town = p.place
				}
			}
			return m.From, m.To, town
		}
	}
	return "", "", place
}

// headingHit is the series a document's heading names, and its sentence.
type headingHit struct {
	series corpus.SeriesID
	sent   *sent
}

// headingSeries returns the series named first in the sentences up to
// last, the end of a header block, when it is named for itself (not a
// weak name, not a body something is turned into).
func headingSeries(d *docState, last int) (headingHit, bool) {
	for i := 0; i <= last && i < len(d.sents); i++ {
		for _, h := range d.sents[i].series {
			if !h.weak && !h.target {
				return headingHit{h.series, d.sents[i]}, true
			}
		}
	}
	return headingHit{}, false
}

// sentAt returns the index of the sentence whose evidence ev is, or -1.
func (d *docState) sentAt(ev corpus.Evidence) int {
	for i, st := range d.sents {
		if i >= headerSents {
			break
		}
		if strings.HasPrefix(d.doc.Text[st.s:], ev.Quote) && corpus.EvidenceAt(d.doc, st.s, st.s).Span[0] == ev.Span[0] {
			return i
		}
	}
	return -1
}

// dateTownLine reads a line that holds only a date (day precision, perhaps
// a range) and, after a comma or a middle dot, a venue and a town of the
// gazetteer, in any order of those parts; or a town, a comma and a span of
// days (townBeforeSpan).
func (e *Extractor) dateTownLine(line string, pub corpus.Date) (from, to corpus.Date, town string, ok bool) {
	t := strings.Trim(strings.TrimSpace(line), "*#_ ")
	if t == "" || strings.Contains(t, "\n") || !strings.ContainsAny(t, "0123456789") {
		return "", "", "", false // a day date has digits
	}
	ms := dates.Find(t, pub)
	if len(ms) == 0 || ms[0].Precision < dates.Day {
		return "", "", "", false
	}
	// "Treffen am Montag, den 4. September 2031", "Sitzung vom 3. Mai
	// 2031": the line is the meeting's own heading, and the date is its
	// date with or without a town
	heading := meetingLinePrefix(t[:ms[0].Start])
	town, townFirst := e.townBeforeSpan(t[:ms[0].Start], ms[0])
	if !heading && !townFirst && strings.TrimSpace(t[:ms[0].Start]) != "" && !isWeekdayPrefix(t[:ms[0].Start]) {
		return "", "", "", false
	}
	rest := strings.TrimLeft(t[ms[0].End:], " ,·–-")
	if heading && rest == "" {
		return ms[0].From, ms[0].To, "", true
	}
	if townFirst && rest == "" {
		return ms[0].From, ms[0].To, town, true
	}
	if rest == "" || len(rest) > 80 {
		return "", "", "", false
	}
	for _, part := range strings.FieldsFunc(rest, func(r rune) bool { return r == ',' || r == '·' }) {
		part = strings.TrimSpace(part)
		if n, ok := e.places.townAt(part, 0); ok && strings.TrimSpace(part[len(n):]) == "" {
			return ms[0].From, ms[0].To, n, true
		}
	}
	return "", "", "", false
}

// townBeforeSpan reads the town of a line "Kiel, 16. bis 17. Oktober 2113":
// prefix, the line before its date, is a town of the gazetteer and a comma,
// and the date spans days. A single day after a town is the dateline of a
// press release, the day it was published, not a meeting's.
func (e *Extractor) townBeforeSpan(prefix string, m dates.Match) (string, bool) {
	p := strings.TrimSpace(prefix)
	name, ok := strings.CutSuffix(p, ",")
	if !ok || m.To == "" || m.To == m.From {
		return "", false
	}
	if t, ok := e.places.townAt(name, 0); ok && len(t) == len(name) {
		return t, true
	}
	return "", false
}

// meetingLinePrefix reports whether s, the words of a line before its
// date, is a meeting noun with "am" or "vom" and perhaps a weekday:
// "Treffen am Montag, den ", "Sitzung vom ".
func meetingLinePrefix(s string) bool {
	ws := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == ',' })
	if len(ws) < 2 || !meetingLineNouns[ws[0]] || ws[1] != "am" && ws[1] != "vom" {
		return false
	}
	for _, w := range ws[2:] {
		if _, ok := german.Weekday(w); !ok && w != "den" {
			return false
		}
	}
	return true
}

// meetingLineNouns are the nouns that open a meeting's heading line.
var meetingLineNouns = map[string]bool{"treffen": true, "sitzung": true, "tagung": true, "besprechung": true, "konferenz": true, "beratung": true}

// isWeekdayPrefix reports whether s is a weekday with its comma: "Montag, ".
func isWeekdayPrefix(s string) bool {
	_, ok := german.Weekday(strings.ToLower(strings.Trim(s, " ,")))
	return ok
}

// refines reports whether date a is more precise than date b and within it
// ("2038-10-13" within "2038").
func refines(a, b corpus.Date) bool {
	return len(a) > len(b) && strings.HasPrefix(string(a), string(b))
}
