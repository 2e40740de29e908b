package corpus

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// MergeMeetings merges the mentions of meetings from many documents into
// meetings, and fills in chairs from chair terms where no mention names them.
//
// Two mentions are of the same meeting when their series are the same or one
// continues the other, they come from different documents (an extractor
// already merged what one document says), nothing contradicts it (another
// ordinal of the same series, dates that do not overlap, places that do not
// contain each other) and something shows it: the same ordinal of the same
// series, the same series and place with exact dates at most two days apart
// (one report has the day wrong: a date conflict), overlapping dates of at least month precision, or the same place
// (or venue) with compatible dates ("2023" and "2023-11-08"; an undated
// mention fits dates in the year its document was published, the year before
// when it reports the meeting, or the next year when it announces it).
// Series, ordinal, start, place and venue are chosen by the number of
// distinct documents that state them or a less precise form of them; ties go
// to the more precise value, then to the one published first. Values that contradict the chosen one are kept as
// Conflicts with their evidence. Hosts, chairs, participants and topics are
// united. Where no mention names a chair, the chair terms of the series
// family covering the meeting's start supply them (for a partial start only
// when all such terms agree), and their evidence is added. The result is
// sorted by start date, unknown dates last.
func MergeMeetings(ms []MeetingMention, chairs []ChairTerm) []Meeting {
	idx := make([]int, len(ms))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		x, y := &ms[idx[a]], &ms[idx[b]]
		if sx, sy := mentionStrength(x), mentionStrength(y); sx != sy {
			return sx > sy
		}
		return evidenceLess(x.Evidence, y.Evidence)
	})
	var clusters [][]*MeetingMention
	for _, i := range idx {
		m := &ms[i]
		best, bestPos := -1, 0
		for ci, c := range clusters {
			neg, pos := clusterRelation([]*MeetingMention{m}, c)
			if !neg && pos > bestPos {
				best, bestPos = ci, pos
			}
		}
		if best < 0 {
			clusters = append(clusters, []*MeetingMention{m})
		} else {
			clusters[best] = append(clusters[best], m)
		}
	}
	for merged := true; merged; {
		merged = false
		for a := 0; a < len(clusters) && !merged; a++ {
			for b := a + 1; b < len(clusters) && !merged; b++ {
				if neg, pos := clusterRelation(clusters[a], clusters[b]); !neg && pos > 0 {
					clusters[a] = append(clusters[a], clusters[b]...)
					clusters = append(clusters[:b], clusters[b+1:]...)
					merged = true
				}
			}
		}
	}
	out := make([]Meeting, 0, len(clusters))
	for _, c := range clusters {
		out = append(out, buildMeeting(c, chairs))
	}
	sort.SliceStable(out, func(i, j int) bool { return meetingLess(out[i], out[j]) })
	seen := map[MeetingID]int{}
	for i := range out {
		id := NewMeetingID(out[i])
		seen[id]++
		if n := seen[id]; n > 1 {
			id = MeetingID(fmt.Sprintf("%s-%d", id, n))
		}
		out[i].ID = id
	}
	return out
}

// mentionStrength orders mentions so that well-identified ones seed clusters.
func mentionStrength(m *MeetingMention) int {
	n := len(m.Start)
	if m.Ordinal > 0 {
		n += 5
	}
	if m.Place != "" {
		n += 3
	}
	return n
}

func evidenceLess(a, b Evidence) bool {
	if a.Date != b.Date {
		if a.Date == "" || b.Date == "" {
			return b.Date == ""
		}
		return a.Date < b.Date
	}
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Doc != b.Doc {
		return a.Doc < b.Doc
	}
	return a.Span[0] < b.Span[0]
}

// clusterRelation returns whether any pair of mentions across a and b
// contradicts (neg) and how many pairs show they are the same meeting.
func clusterRelation(a, b []*MeetingMention) (neg bool, pos int) {
	for _, x := range a {
		for _, y := range b {
			n, p := sameMeeting(x, y)
			if n {
				return true, 0
			}
			if p {
				pos++
			}
		}
	}
	return false, pos
}

// sameMeeting says whether two mentions cannot be one meeting (neg) and
// whether something shows they are (pos).
func sameMeeting(a, b *MeetingMention) (neg, pos bool) {
	if !seriesRelated(a.Series, b.Series) || a.Evidence.Doc != "" && a.Evidence.Doc == b.Evidence.Doc {
		return true, false
	}
	sameOrd := a.Series == b.Series && a.Ordinal > 0 && a.Ordinal == b.Ordinal
	if a.Series == b.Series && a.Ordinal > 0 && b.Ordinal > 0 && a.Ordinal != b.Ordinal {
		return true, false
	}
	dated := a.Start != "" && b.Start != ""
	overlap := dated && Overlaps(a.Start, endOrStart(a.Start, a.End), b.Start, endOrStart(b.Start, b.End))
	// A report that dates the meeting a day or two off ("Donnerstag" for
	// "Freitag") is of the same meeting where the place agrees: a conflict.
	near := dated && !overlap && a.Series == b.Series && a.Place != "" && b.Place != "" &&
		placeContains(a.Place, b.Place) && daysApart(a, b) <= 2
	if dated && !overlap && !sameOrd && !near {
		return true, false
	}
	dayOverlap := overlap && len(a.Start) == 10 && len(b.Start) == 10
	placed := a.Place != "" && b.Place != ""
	if placed && !placeContains(a.Place, b.Place) && !sameOrd && !dayOverlap {
		return true, false
	}
	if !dated && (!undatedFits(a, b) || !undatedFits(b, a)) {
		return true, false
	}
	compatibleDates := overlap || !dated
	pos = sameOrd || near ||
		compatibleDates && (placeIsHost(a, b) || placeIsHost(b, a)) ||
		overlap && len(a.Start) >= 7 && len(b.Start) >= 7 ||
		placed && placeContains(a.Place, b.Place) && compatibleDates ||
		a.Venue != "" && b.Venue != "" && placeContains(a.Venue, b.Venue) && compatibleDates
	return false, pos
}

// undatedFits reports whether an undated mention u can be of the meeting that
// d dates: a report of a past meeting was published in its year or the next;
// an announcement in its year or the one before; or a date is unknown.
func undatedFits(u, d *MeetingMention) bool {
	if u.Start != "" || d.Start == "" || u.Evidence.Date.Year() == 0 {
		return true
	}
	y, p := d.Start.Year(), u.Evidence.Date.Year()
	return y == p || !u.Planned && y == p-1 || u.Planned && y == p+1
}

// placeIsHost reports whether a's place is a Land that hosts b ("findet in
// Thüringen statt" and "Thüringen wird einladen"), with no place for b.
func placeIsHost(a, b *MeetingMention) bool {
	if a.Place == "" || b.Place != "" {
		return false
	}
	for _, h := range b.Hosts {
		if l, ok := Laender().Get(h); ok && Fold(l.Name) == Fold(a.Place) {
			return true
		}
	}
	return false
}

func endOrStart(start, end Date) Date {
	if end != "" {
		return end
	}
	return start
}

// seriesRelated reports whether two series are the same or one continues
// the other.
func seriesRelated(a, b SeriesID) bool {
	if a == b {
		return a != ""
	}
	for _, x := range Lineage(a) {
		if x == b {
			return true
		}
	}
	for _, x := range Lineage(b) {
		if x == a {
			return true
		}
	}
	return false
}

func placeContains(a, b string) bool {
	fa, fb := Fold(a), Fold(b)
	return strings.Contains(fa, fb) || strings.Contains(fb, fa)
}

// mentionVote is one document's statement of a value.
type mentionVote struct {
	value string
	ev    Evidence
}

// chooseValue picks the value most distinct documents support. A document
// supports v when its value is v or a less precise form of it (general(w, v):
// "2023" for "2023-11-08", "Heidelberg" for "Heidelberg und Walldorf"). Ties
// go to the more precise (longer) value, then to the one published first. It
// returns the conflicting values (neither a form of the chosen one nor it a
// form of them, and not accepted by ok) with their evidence.
func chooseValue(field string, vs []mentionVote, general func(w, v string) bool, ok func(string) bool) (string, []Conflict) {
	compatible := func(a, b string) bool { return general(a, b) || general(b, a) }
	if len(vs) == 0 {
		return "", nil
	}
	type cand struct {
		value string
		docs  int
		first Evidence
	}
	var cs []cand
	seen := map[string]bool{}
	for _, v := range vs {
		if seen[v.value] {
			continue
		}
		seen[v.value] = true
		docs := map[DocID]bool{}
		first := v.ev
		for _, w := range vs {
			if general(w.value, v.value) {
				docs[docKey(w.ev)] = true
			}
			if w.value == v.value && evidenceLess(w.ev, first) {
				first = w.ev
			}
		}
		cs = append(cs, cand{v.value, len(docs), first})
	}
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].docs != cs[j].docs {
			return cs[i].docs > cs[j].docs
		}
		if len(cs[i].value) != len(cs[j].value) {
			return len(cs[i].value) > len(cs[j].value)
		}
		if cs[i].first.Date != cs[j].first.Date {
			return evidenceLess(cs[i].first, cs[j].first)
		}
		return cs[i].value < cs[j].value
	})
	chosen := cs[0].value
	var out []Conflict
	for _, c := range cs[1:] {
		if compatible(chosen, c.value) || ok != nil && ok(c.value) {
			continue
		}
		cf := Conflict{Field: field, Value: c.value, Chosen: chosen}
		for _, v := range vs {
			if v.value == c.value {
				cf.Evidence = append(cf.Evidence, v.ev)
			}
		}
		cf.Evidence = dedupEvidence(cf.Evidence)
		out = append(out, cf)
	}
	return chosen, out
}

func docKey(e Evidence) DocID {
	if e.Doc != "" {
		return e.Doc
	}
	return DocID("file:" + e.File)
}

// datePrefix reports whether the partial date w is v or less precise than v
// ("2023" for "2023-11-08").
func datePrefix(w, v string) bool { return strings.HasPrefix(v, w) }

// placeWithin reports whether the place w is v or a part of it ("Heidelberg" for
// "Heidelberg und Walldorf").
func placeWithin(w, v string) bool { return strings.Contains(Fold(v), Fold(w)) }

func sameValue(w, v string) bool { return w == v }

func buildMeeting(c []*MeetingMention, terms []ChairTerm) Meeting {
	var m Meeting
	var seriesVotes []mentionVote
	for _, x := range c {
		seriesVotes = append(seriesVotes, mentionVote{string(x.Series), x.Evidence})
	}
	s, _ := chooseValue("series", seriesVotes, sameValue, nil)
	// Between a series and its continuation with equal support, the later one.
	counts := map[SeriesID]map[DocID]bool{}
	for _, x := range c {
		if counts[x.Series] == nil {
			counts[x.Series] = map[DocID]bool{}
		}
		counts[x.Series][docKey(x.Evidence)] = true
	}
	m.Series = SeriesID(s)
	for id, docs := range counts {
		if len(docs) == len(counts[m.Series]) && id != m.Series {
			for _, anc := range Lineage(id) {
				if anc == m.Series {
					m.Series = id
				}
			}
		}
	}

	var ords, starts, places, venues []mentionVote
	for _, x := range c {
		if x.Ordinal > 0 && x.Series == m.Series {
			ords = append(ords, mentionVote{fmt.Sprint(x.Ordinal), x.Evidence})
		}
		if x.Start != "" {
			starts = append(starts, mentionVote{string(x.Start), x.Evidence})
		}
		if x.Place != "" {
			places = append(places, mentionVote{x.Place, x.Evidence})
		}
		if x.Venue != "" {
			venues = append(venues, mentionVote{x.Venue, x.Evidence})
		}
	}
	var conflicts []Conflict
	o, cf := chooseValue("ordinal", ords, sameValue, nil)
	conflicts = append(conflicts, cf...)
	m.Ordinal, _ = strconv.Atoi(o) // "" when no mention states one

	start, _ := chooseValue("start", starts, datePrefix, nil)
	m.Start = Date(start)
	ends := map[Date]int{}
	for _, x := range c {
		if x.Start == m.Start && x.End != "" {
			ends[x.End]++
		}
	}
	for e, n := range ends {
		if m.End == "" || n > ends[m.End] || n == ends[m.End] && e > m.End {
			m.End = e
		}
	}
	// Start dates within the chosen period are no conflict ("9.11." for a
	// meeting on 8 and 9 November), unless a mention that starts there ends
	// after it: "4. und 5. Mai" against "3. bis 4. Mai" is another date.
	within := func(v string) bool {
		if m.Start == "" || len(v) < len(m.Start) || !Overlaps(Date(v), Date(v), m.Start, endOrStart(m.Start, m.End)) {
			return false
		}
		for _, x := range c {
			if string(x.Start) == v && x.End != "" && x.End.Last() > endOrStart(m.Start, m.End).Last() {
				return false
			}
		}
		return true
	}
	_, cf = chooseValue("start", starts, datePrefix, within)
	conflicts = append(conflicts, cf...)

	p, cf := chooseValue("place", places, placeWithin, nil)
	m.Place = longestCompatible(p, places)
	conflicts = append(conflicts, cf...)
	v, cf := chooseValue("venue", venues, placeWithin, nil)
	m.Venue = longestCompatible(v, venues)
	conflicts = append(conflicts, cf...)

	planned := true
	reg := Laender()
	topics := map[TopicID]bool{}
	for _, x := range c {
		m.Hosts = append(m.Hosts, x.Hosts...)
		m.Chairs = append(m.Chairs, x.Chairs...)
		m.Participants = append(m.Participants, x.Participants...)
		for _, t := range x.Topics {
			topics[t] = true
		}
		planned = planned && x.Planned
		m.Evidence = append(m.Evidence, x.Evidence)
	}
	m.Planned = planned
	sort.SliceStable(m.Evidence, func(i, j int) bool { return evidenceLess(m.Evidence[i], m.Evidence[j]) })
	if len(m.Chairs) == 0 && m.Start != "" {
		ts := ChairsDuring(terms, m.Series, m.Start, m.Start)
		if len(m.Start) == 10 || termsAgree(ts) {
			for _, t := range ts {
				m.Chairs = append(m.Chairs, t.Lands...)
				m.Evidence = append(m.Evidence, t.Evidence)
			}
		}
	}
	m.Hosts = sortedCodes(reg, m.Hosts)
	m.Chairs = sortedCodes(reg, m.Chairs)
	m.Participants = sortedCodes(reg, m.Participants)
	if len(m.Participants) == 0 {
		m.Participants = nil
	}
	m.Topics = []TopicID{}
	for t := range topics {
		m.Topics = append(m.Topics, t)
	}
	sort.Slice(m.Topics, func(i, j int) bool { return m.Topics[i] < m.Topics[j] })
	m.Evidence = dedupEvidence(m.Evidence)
	sort.SliceStable(conflicts, func(i, j int) bool {
		if conflicts[i].Field != conflicts[j].Field {
			return conflicts[i].Field < conflicts[j].Field
		}
		return conflicts[i].Value < conflicts[j].Value
	})
	m.Conflicts = append([]Conflict{}, conflicts...)
	return m
}

// longestCompatible returns the longest value compatible with chosen:
// "Heidelberg und Walldorf" over "Heidelberg".
func longestCompatible(chosen string, vs []mentionVote) string {
	out := chosen
	for _, v := range vs {
		if len(v.value) > len(out) && placeContains(v.value, chosen) {
			out = v.value
		}
	}
	return out
}

// termsAgree reports whether all terms name the same Länder.
func termsAgree(ts []ChairTerm) bool {
	for _, t := range ts[min(1, len(ts)):] {
		if fmt.Sprint(sortedCodes(Laender(), t.Lands)) != fmt.Sprint(sortedCodes(Laender(), ts[0].Lands)) {
			return false
		}
	}
	return true
}

func sortedCodes(reg *Registry, cs []LandCode) []LandCode {
	out := append([]LandCode{}, cs...)
	return reg.SortCodes(out)
}

func dedupEvidence(es []Evidence) []Evidence {
	out := []Evidence{}
	seen := map[string]bool{}
	for _, e := range es {
		k := fmt.Sprintf("%s\x00%s\x00%d\x00%d", e.Doc, e.File, e.Span[0], e.Span[1])
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, e)
	}
	return out
}

func meetingLess(a, b Meeting) bool {
	as, bs := a.Start.First(), b.Start.First()
	if as != bs {
		if as == "" || bs == "" {
			return bs == ""
		}
		return as < bs
	}
	if a.Series != b.Series {
		return a.Series < b.Series
	}
	if a.Ordinal != b.Ordinal {
		return b.Ordinal == 0 || a.Ordinal != 0 && a.Ordinal < b.Ordinal
	}
	if a.Place != b.Place {
		return b.Place == "" || a.Place != "" && a.Place < b.Place
	}
	return NewMeetingID(a) < NewMeetingID(b)
}

// ChairsDuring returns the chair terms of the series or its family (see
// Family) that overlap the period [from, to]; empty bounds are open. A term
// without an end lasts until the next term of the same lineage starts, and
// one without a start begins after the previous term ends (or, if that one
// has no end, after it starts). Terms with neither start nor end are left
// out. The result is sorted by start.
func ChairsDuring(terms []ChairTerm, series SeriesID, from, to Date) []ChairTerm {
	fam := map[SeriesID]bool{}
	for _, s := range Family(series) {
		fam[s] = true
	}
	var ts []ChairTerm
	for _, t := range terms {
		if fam[t.Series] && (t.From != "" || t.To != "") && t.From.Valid() && t.To.Valid() {
			ts = append(ts, t)
		}
	}
	type span struct {
		t      ChairTerm
		lo, hi Date
	}
	var out []span
	for _, t := range ts {
		lo, hi := t.From.First(), t.To.Last()
		if t.To == "" {
			for _, u := range ts {
				if s := u.From.First(); s != "" && s > lo && seriesRelated(t.Series, u.Series) {
					if end := dayBefore(s); hi == "" || end < hi {
						hi = end
					}
				}
			}
		}
		if t.From == "" {
			for _, u := range ts {
				s := u.From.First()
				if s == "" || s >= hi || !seriesRelated(t.Series, u.Series) {
					continue
				}
				start := dayAfter(s)
				if e := u.To.Last(); e != "" && e < hi {
					start = dayAfter(e)
				}
				if lo == "" || start > lo {
					lo = start
				}
			}
		}
		if Overlaps(lo, hi, from, to) {
			out = append(out, span{t, lo, hi})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].lo < out[j].lo })
	res := make([]ChairTerm, len(out))
	for i, s := range out {
		res[i] = s.t
	}
	return res
}

// daysApart returns the days between the dates of two day-precise
// mentions, or a large number.
func daysApart(a, b *MeetingMention) int {
	const far = 1 << 20
	if len(a.Start) != 10 || len(b.Start) != 10 {
		return far
	}
	ae, ok1 := endOrStart(a.Start, a.End).Time()
	bs, ok2 := b.Start.Time()
	be, ok3 := endOrStart(b.Start, b.End).Time()
	as, ok4 := a.Start.Time()
	if !ok1 || !ok2 || !ok3 || !ok4 {
		return far
	}
	if ae.Before(bs) {
		return int(bs.Sub(ae).Hours() / 24)
	}
	return int(as.Sub(be).Hours() / 24)
}

func dayBefore(d Date) Date {
	t, ok := d.Time()
	if !ok {
		return d
	}
	return DateOf(t.Add(-24 * time.Hour))
}

func dayAfter(d Date) Date {
	t, ok := d.Time()
	if !ok {
		return d
	}
	return DateOf(t.Add(24 * time.Hour))
}

// NewMeetingID returns the stable identifier of a meeting: the series and the
// start date ("dmk-2024-04-19"), or else the ordinal ("dmk-nr-3"), or else
// the place ("d16-heidelberg-und-walldorf"; a meeting with a place and a
// year has a start), or else a hash of its first evidence. MergeMeetings appends "-2", "-3" … to identifiers that
// would repeat.
func NewMeetingID(m Meeting) MeetingID {
	series := idSlug(string(m.Series))
	if series == "" {
		series = "meeting"
	}
	switch {
	case m.Start != "":
		return MeetingID(series + "-" + string(m.Start))
	case m.Ordinal > 0:
		return MeetingID(fmt.Sprintf("%s-nr-%d", series, m.Ordinal))
	case m.Place != "":
		return MeetingID(series + "-" + idSlug(m.Place))
	}
	h := sha1.New()
	if len(m.Evidence) > 0 {
		e := m.Evidence[0]
		fmt.Fprintf(h, "%s\x00%s\x00%d\x00", e.Doc, e.File, e.Span[0])
	}
	fmt.Fprintf(h, "%v\x00%v\x00%v", m.Hosts, m.Topics, m.Venue)
	return MeetingID(series + "-" + hex.EncodeToString(h.Sum(nil))[:8])
}

// idSlug returns s folded to lower-case ASCII letters, digits and hyphens.
func idSlug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range Fold(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
