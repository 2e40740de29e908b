package meeting

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/laendergraph/laendergraph/corpus"
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
		if strings.HasPrefix(w.lower, "vorsitz") || w.lower == "leitung" {
			unter := false
			for k := i - 1; k >= 0 && k >= i-3; k-- {
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
// ("Vorsitz", "vorsitzen", "leitete … das Gremium"), or -1.
func (st *sent) chairCue() int {
	for i, w := range st.ws {
		lw := lastPart(w.lower)
		if strings.HasPrefix(lw, "vorsitz") && lw != "vorsitzzeit" {
			return i
		}
		switch lw {
		case "leitet", "leitete", "leiten", "leiteten":
			for _, x := range st.ws[i+1:] {
				if genericBodies[x.lower] || st.inSeries(x.s) {
					return i
				}
			}
		}
	}
	return -1
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
		if st.inSeries(x.s) || genericBodies[x.lower] {
			return false
		}
		if capitalised(x.text) {
			return true
		}
	}
	return false
}

// chairExcluded are prepositions after which a Land in a chair statement is
// not a chair.
var chairExcluded = map[string]bool{"nach": true, "aus": true, "in": true, "an": true, "gegen": true, "über": true, "vor": true}

var durationRE = regexp.MustCompile(`(?i)\bfür\s+(\d+|ein|einen|zwei|drei|vier|anderthalb|eineinhalb)\s+(Monate|Monat|Jahre|Jahr)\b`)

var numberWords = map[string]int{"ein": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4}

// chairTerms returns the chair terms of the document and the indexes of the
// sentences that state them.
func (e *Extractor) chairTerms(d *docState) ([]corpus.ChairTerm, map[int]bool) {
	var out []corpus.ChairTerm
	chairSents := map[int]bool{}
	prevChair := false
	for i, st := range d.sents {
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
		chairSents[i] = true
		series := d.primary
		for _, h := range st.series {
			if !h.target {
				series = h.series
				break
			}
		}
		if series == "" {
			continue
		}
		skip := st.skipSpans()
		var lands []corpus.LandCode
		for _, l := range st.lands {
			if inSpans(skip, l.s) {
				continue
			}
			// "Nach Bayern übernimmt Hessen …": the Land before is no chair.
			if w1, _ := st.wordsBefore(l.s); chairExcluded[w1] {
				continue
			}
			lands = append(lands, l.code)
		}
		lands = uniqLands(e.reg, lands)
		if len(lands) == 0 {
			continue
		}
		from, to := e.chairPeriod(d, i, st)
		if from == "" && to == "" {
			continue
		}
		out = append(out, corpus.ChairTerm{
			Series: series, Lands: lands, From: from, To: to,
			Evidence: corpus.EvidenceAt(d.doc, st.s, st.e),
		})
	}
	return out, chairSents
}

// chairPeriod reads the period of a chair statement: "ab"/"seit" dates
// start it, "bis" dates end it, "für 18 Monate" measures it, and a plain year
// ("Im Jahr 2022", "Für das Jahr 2025", "in diesem Jahr") is the whole
// period, or its start where the sentence speaks of taking over.
func (e *Extractor) chairPeriod(d *docState, i int, st *sent) (from, to corpus.Date) {
	takeover := false
	for _, w := range st.ws {
		if takeoverWords[w.lower] {
			takeover = true
		}
	}
	if k := newYearAt(st.text); k >= 0 {
		if y := newYear(d, i, k); y > 0 {
			from = corpus.Date(itoa4(y))
			if !takeover && !strings.Contains(st.text[k:], "Jahreswechsel") {
				to = from
			}
		}
	}
	for k, m := range st.dates {
		if st.isStamp(m) || st.quoted[k] && m.Relative && m.Precision == dates.Day {
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
			}
		case w1 == "bis" || w2 == "bis" && (w1 == "zum" || w1 == "ende" || w1 == "einschließlich"):
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
