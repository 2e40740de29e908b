package meeting

import (
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
// 2028", "Vorsitz: Brandenburg", "Teilnehmende Länder: …"
// (german.HeaderField) — the way minutes and
// resolutions state them. The meeting is the first mention of the heading
// (before the fields, or the first sentence after them); only what the
// mention leaves open is filled, and its evidence grows to cover the
// fields it took.
func (e *Extractor) headerFields(d *docState, ms []corpus.MeetingMention) {
	var start, end corpus.Date
	var place string
	var chairs, parts []corpus.LandCode
	last := -1
	for i, st := range d.sents {
		if i >= headerSents {
			break
		}
		kind, v, ok := german.HeaderField(st.text)
		if !ok {
			continue
		}
		val := st.text[v:]
		switch kind {
		case "date":
			if start != "" {
				continue
			}
			for _, m := range dates.Find(val, d.pub) {
				if m.Precision >= dates.Month {
					start, end = m.From, m.To
					break
				}
			}
		case "place":
			if place != "" {
				continue
			}
			for k := range val {
				if k == 0 || !german.IsWordRune(rune(val[k-1])) {
					if t, ok := e.places.townAt(val, k); ok {
						place = t
						break
					}
				}
			}
		case "chair", "participants":
			var ls []corpus.LandCode
			for _, l := range st.lands {
				if l.s >= v {
					ls = append(ls, l.code)
				}
			}
			if kind == "chair" && chairs == nil {
				chairs = ls
			} else if kind == "participants" && parts == nil {
				parts = ls
			}
		default:
			continue
		}
		last = i
	}
	if last < 0 || start == "" && place == "" && chairs == nil && parts == nil {
		return
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
	if target < 0 {
		return
	}
	m := &ms[target]
	if m.Start == "" && start != "" {
		m.Start, m.End, m.Day = start, end, ""
	}
	if m.Place == "" && place != "" {
		m.Place = place
		if l, ok := e.places.land[place]; ok && len(m.Hosts) == 0 {
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
