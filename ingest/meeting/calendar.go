package meeting

import (
	"strings"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/german"
	"github.com/laendergraph/laendergraph/ingest/dates"
)

// calendarReach is how many lines above a meeting line its date line may
// stand ("20.–21. März 2045", a second line of the meeting's name, then
// the meeting line).
const calendarReach = 3

// placeLabels start the line of a calendar entry that gives its place;
// dateLabels start a line of an entry's label block ("Wann:"), which never
// dates a meeting here: in an invitation it may give the time of a press
// event around the meeting.
var (
	placeLabels = []string{"ort:", "wo:", "tagungsort:", "veranstaltungsort:", "sitzungsort:"}
	dateLabels  = []string{"wann:", "datum:", "termin:", "zeit:"}
)

// calendar completes the candidates that stand in an entry of a calendar
// page: a line that holds only a date opens the entry, the lines below it
// up to a blank line or the next date line belong to it. The meeting line
// of the entry takes the date of the date line and the place and venue of
// an "Ort:" line below it.
func (e *Extractor) calendar(d *docState, cands []*cand) {
	txt := d.doc.Text
	for _, c := range cands {
		ls := strings.LastIndexByte(txt[:c.st.s], '\n') + 1
		le := lineEnd(txt, c.st.s)
		// the meeting line itself must not be a date line or a label line
		if dateOnly(txt[ls:le], d.pub) != nil || labelled(txt[ls:le], placeLabels) != "" || negated(txt[ls:le]) {
			continue
		}
		var date *dates.Match
		// up: the date line of the entry
		for k, end := 0, ls; k < calendarReach && end > 0; k++ {
			ps := strings.LastIndexByte(txt[:end-1], '\n') + 1
			line := txt[ps : end-1]
			if strings.TrimSpace(line) == "" {
				break
			}
			if m := dateOnly(line, d.pub); m != nil {
				date = m
				break
			}
			if labelled(line, placeLabels) != "" || labelled(line, dateLabels) != "" {
				break // the label lines of an entry above
			}
			end = ps
		}
		// down: the "Ort:" line, until a blank line or the next date line
		if date == nil {
			continue // no calendar entry
		}
		var place, venue string
		for ps := le + 1; ps < len(txt); {
			pe := lineEnd(txt, ps)
			line := txt[ps:pe]
			if strings.TrimSpace(line) == "" || dateOnly(line, d.pub) != nil {
				break
			}
			if v := labelled(line, placeLabels); v != "" && place == "" {
				place, venue = e.placeValue(v)
			}
			ps = pe + 1
		}
		if date != nil && (len(date.From) > len(c.start) || c.start == "") &&
			(c.start == "" || corpus.Overlaps(c.start, endOr(c), date.From, orFrom(date))) {
			c.start, c.end = date.From, date.To
			if d.pub != "" {
				switch {
				case c.start.First() > d.pub.Last():
					c.planned, c.past = true, false
				case orFrom(date).Last() < d.pub.First():
					c.planned, c.past = false, true
				}
			}
		}
		if place != "" && (c.place == "" || c.placeLand) {
			c.place, c.placeLand = place, false
			c.placeCode = e.placeLand(c.st, place, false)
		}
		if venue != "" && c.venue == "" {
			c.venue = venue
		}
	}
}

func orFrom(m *dates.Match) corpus.Date {
	if m.To != "" {
		return m.To
	}
	return m.From
}

func lineEnd(txt string, p int) int {
	if k := strings.IndexByte(txt[p:], '\n'); k >= 0 {
		return p + k
	}
	return len(txt)
}

// dateOnly returns the date of a line that holds only a date (and maybe a
// weekday), or nil.
func dateOnly(line string, pub corpus.Date) *dates.Match {
	t := strings.TrimSpace(line)
	if t == "" || len(t) > 60 {
		return nil
	}
	ms := dates.Find(t, pub)
	if len(ms) != 1 || ms[0].Relative || ms[0].Precision != dates.Day {
		return nil
	}
	rest := strings.TrimSpace(t[:ms[0].Start]) + " " + strings.TrimSpace(t[ms[0].End:])
	for _, w := range strings.Fields(rest) {
		w = strings.ToLower(strings.Trim(w, ",.:–—-|()"))
		if _, weekday := german.Weekday(w); weekday {
			continue
		}
		switch w {
		case "", "mo", "di", "mi", "do", "fr", "sa", "so", "den", "am", "bis":
		default:
			return nil
		}
	}
	m := ms[0]
	return &m
}

// labelled returns what follows one of the labels at the start of the
// line ("Ort: Düsseldorf" → "Düsseldorf"), or "".
func labelled(line string, labels []string) string {
	t := strings.TrimSpace(line)
	lt := strings.ToLower(t)
	for _, l := range labels {
		if strings.HasPrefix(lt, l) {
			return strings.TrimSpace(t[len(l):])
		}
	}
	return ""
}

// placeValue splits the value of an "Ort:" line into the town and the
// venue: "Münster, Historisches Rathaus (Friedenssaal)".
func (e *Extractor) placeValue(v string) (place, venue string) {
	town, rest, _ := strings.Cut(v, ",")
	town = strings.TrimSpace(town)
	if k := strings.IndexByte(town, '('); k > 0 {
		town = strings.TrimSpace(town[:k])
	}
	if _, known := e.places.land[town]; !known && !townLike(town) {
		return "", ""
	}
	return town, strings.TrimSpace(rest)
}

// negated reports whether a meeting line says the entry is not a meeting
// of the series: "Sitzung des IT-Planungsrats (keine DMK-Sitzung)".
func negated(line string) bool {
	for _, w := range strings.Fields(strings.ToLower(line)) {
		switch strings.Trim(w, "()„“\",.:;") {
		case "kein", "keine", "keiner", "nicht":
			return true
		}
	}
	return false
}
