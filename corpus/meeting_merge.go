package corpus

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"slices"
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
// to the more precise value, then to the one the minutes state, then to the one published first. Values that contradict the chosen one are kept as
// Conflicts with their evidence. Hosts, chairs, participants and topics are
// united. Where no mention names a chair, the chair terms of the series
// family covering the meeting's start supply them (for a partial start only
// when all such terms agree), and their evidence is added. The result is
// sorted by start date, unknown dates last.
func MergeMeetings(ms []MeetingMention, chairs []ChairTerm) []Meeting {
	groups := map[SeriesID][]*mentionInfo{}
	for i := range ms {
		r := lineageRoot(ms[i].Series)
		groups[r] = append(groups[r], newMentionInfo(&ms[i], mentionKey{idx: i}))
	}
	terms := map[SeriesID][]ChairTerm{}
	for _, t := range chairs {
		r := lineageRoot(t.Series)
		terms[r] = append(terms[r], t)
	}
	var built []builtMeeting
	for r, g := range groups {
		for _, c := range clusterMentions(g) {
			built = append(built, builtMeeting{seed: c[0], m: buildMeeting(c, terms[r])})
		}
	}
	return finishMeetings(built)
}

// lineageRoot returns the first series of id's lineage: mentions and chair
// terms of series with different roots never bear on each other's meetings.
func lineageRoot(id SeriesID) SeriesID {
	l := lineage(id)
	if len(l) == 0 {
		return id
	}
	return l[len(l)-1]
}

// mentionKey is a mention's place in the order in which MergeMeetings gets
// mentions: by the file and id of the document that holds it, then by its
// index there.
type mentionKey struct {
	file string
	doc  DocID
	idx  int
}

// mentionInfo is a meeting mention with what merging compares worked out
// once: folded place and venue, first and last day of its period.
type mentionInfo struct {
	*MeetingMention
	key          mentionKey
	place, venue string // folded
	lo, hi       Date   // Start.First(), and the last day of End or Start
	strength     int
	lineage      []SeriesID // shared, not to be changed
}

func newMentionInfo(m *MeetingMention, k mentionKey) *mentionInfo {
	return &mentionInfo{
		MeetingMention: m, key: k, place: Fold(m.Place), venue: Fold(m.Venue),
		lo: m.Start.First(), hi: endOrStart(m.Start, m.End).Last(), strength: mentionStrength(m),
		lineage: lineage(m.Series),
	}
}

// mentionBefore is the order in which mentions seed clusters: well-identified
// ones first, then by evidence, then in input order.
func mentionBefore(x, y *mentionInfo) bool {
	if x.strength != y.strength {
		return x.strength > y.strength
	}
	if evidenceLess(x.Evidence, y.Evidence) {
		return true
	}
	if evidenceLess(y.Evidence, x.Evidence) {
		return false
	}
	if x.key.file != y.key.file {
		return x.key.file < y.key.file
	}
	if x.key.doc != y.key.doc {
		return x.key.doc < y.key.doc
	}
	return x.key.idx < y.key.idx
}

// builtMeeting is a meeting built from a cluster whose first mention is seed.
type builtMeeting struct {
	seed *mentionInfo
	m    Meeting
}

// finishMeetings orders the meetings of every group as merging all mentions
// at once would (clusters in the order their seeds were taken, then stably
// by date) and gives them identifiers.
func finishMeetings(bs []builtMeeting) []Meeting {
	sort.Slice(bs, func(i, j int) bool { return mentionBefore(bs[i].seed, bs[j].seed) })
	out := make([]Meeting, len(bs))
	for i := range bs {
		out[i] = bs[i].m
	}
	yearsByOrder(out)
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

// clusterMentions groups the mentions of one lineage into clusters, one per
// meeting.
//
// Mentions are first split into the connected components of "something shows
// they are the same meeting and nothing contradicts it" (see sameMeeting).
// Only such a pair lets a mention join a cluster or two clusters merge, so
// clustering each component alone gives the clusters that clustering all
// mentions together gives. Components are found without comparing every
// pair: two mentions can only be linked when they share a block (the same
// series and ordinal; a year both can fall in; both undated), and a pair
// already in one component is not compared.
//
// Within a component, mentions are taken in mentionBefore order; each joins
// the cluster with the most pairs that show it is the same meeting and none
// that contradict it, else seeds a new cluster; then clusters are merged
// pairwise while any two fit.
func clusterMentions(ms []*mentionInfo) [][]*mentionInfo {
	var out [][]*mentionInfo
	for _, comp := range components(ms) {
		out = append(out, clusterComponent(comp)...)
	}
	return out
}

func clusterComponent(ms []*mentionInfo) [][]*mentionInfo {
	ms = append([]*mentionInfo(nil), ms...)
	sort.Slice(ms, func(i, j int) bool { return mentionBefore(ms[i], ms[j]) })
	var clusters [][]*mentionInfo
	for _, m := range ms {
		best, bestPos := -1, 0
		for ci, c := range clusters {
			neg, pos := clusterRelation([]*mentionInfo{m}, c)
			if !neg && pos > bestPos {
				best, bestPos = ci, pos
			}
		}
		if best < 0 {
			clusters = append(clusters, []*mentionInfo{m})
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
	return clusters
}

// blockKey names a set of mentions that may be linked: kind 'o' the same
// series and ordinal n, 'y' a year n, 'm' a month n (year*12+month), 'u'
// undated.
type blockKey struct {
	kind   byte
	series SeriesID
	n      int
}

// components returns the connected components of the mentions under linked,
// each in input order.
func components(ms []*mentionInfo) [][]*mentionInfo {
	parent := make([]int, len(ms))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	try := func(i, j int) {
		ri, rj := find(i), find(j)
		if ri != rj && linked(ms[i], ms[j]) {
			parent[rj] = ri
		}
	}
	blocks := map[blockKey][]int{}
	var keys []blockKey
	var anyYear []int // mentions that may be linked to any other
	narrow := make([]bool, len(ms))
	add := func(k blockKey, i int) {
		if _, ok := blocks[k]; !ok {
			keys = append(keys, k)
		}
		blocks[k] = append(blocks[k], i)
	}
	for i, m := range ms {
		if m.Ordinal > 0 {
			add(blockKey{'o', m.Series, m.Ordinal}, i)
		}
		first, last, ok := blockDays(m)
		switch {
		case !ok:
			anyYear = append(anyYear, i)
			continue
		case m.Start == "":
			add(blockKey{kind: 'u'}, i)
		case len(m.Start) >= 7:
			// Two dated mentions are only linked with overlapping (or, for
			// exact dates, nearly touching) periods: they share a month.
			narrow[i] = true
			for mo := monthOf(first); mo <= monthOf(last); mo++ {
				add(blockKey{kind: 'm', n: mo}, i)
			}
		}
		for y := first.Year(); y <= last.Year(); y++ {
			add(blockKey{kind: 'y', n: y}, i)
		}
	}
	for _, k := range keys {
		b := blocks[k]
		for x := range b {
			for y := x + 1; y < len(b); y++ {
				// Two mentions dated to the month or day meet in a month block.
				if k.kind == 'y' && narrow[b[x]] && narrow[b[y]] {
					continue
				}
				try(b[x], b[y])
			}
		}
	}
	for _, i := range anyYear {
		for j := range ms {
			if j != i {
				try(i, j)
			}
		}
	}
	var out [][]*mentionInfo
	at := map[int]int{}
	for i, m := range ms {
		r := find(i)
		c, ok := at[r]
		if !ok {
			c = len(out)
			at[r] = c
			out = append(out, nil)
		}
		out[c] = append(out[c], m)
	}
	return out
}

// monthOf numbers the month of a full date.
func monthOf(d Date) int {
	mo, _ := strconv.Atoi(string(d[5:7]))
	return d.Year()*12 + mo - 1
}

// blockDays returns the first and last day of the time in which a mention
// may have a linked mention: its period (two days more either side for an
// exact date, which a report may have a day or two off), or for an undated
// mention the year its document was published and the years either side. ok
// is false when the mention may be linked to one at any time.
func blockDays(m *mentionInfo) (first, last Date, ok bool) {
	if m.Start == "" {
		p := m.Evidence.Date.Year()
		if p <= 1 || p >= 9999 {
			return "", "", false
		}
		return Date(fmt.Sprintf("%04d-01-01", p-1)), Date(fmt.Sprintf("%04d-12-31", p+1)), true
	}
	if !m.Start.Valid() || !m.End.Valid() || m.lo == "" || m.hi == "" {
		return "", "", false
	}
	first, last = m.lo, m.hi
	if len(m.Start) == 10 {
		first, last = dayBefore(dayBefore(first)), dayAfter(dayAfter(last))
	}
	return first, last, len(first) == 10 && len(last) == 10 && first.Year() != 0 && last.Year() != 0
}

// linked reports whether something shows two mentions are of the same meeting
// and nothing contradicts it.
func linked(a, b *mentionInfo) bool {
	if neg, pos := sameMeeting(a, b); !neg && pos {
		return true
	}
	neg, pos := sameMeeting(b, a)
	return !neg && pos
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
func clusterRelation(a, b []*mentionInfo) (neg bool, pos int) {
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
func sameMeeting(a, b *mentionInfo) (neg, pos bool) {
	if !relatedLineages(a, b) || a.Evidence.Doc != "" && a.Evidence.Doc == b.Evidence.Doc {
		return true, false
	}
	sameOrd := a.Series == b.Series && a.Ordinal > 0 && a.Ordinal == b.Ordinal
	if a.Series == b.Series && a.Ordinal > 0 && b.Ordinal > 0 && a.Ordinal != b.Ordinal {
		return true, false
	}
	dated := a.Start != "" && b.Start != ""
	overlap := dated && overlapDays(a.lo, a.hi, b.lo, b.hi)
	// A report that dates the meeting a day or two off ("Donnerstag" for
	// "Freitag") is of the same meeting where the place agrees: a conflict.
	near := dated && !overlap && a.Series == b.Series && a.Place != "" && b.Place != "" &&
		foldedContains(a.place, b.place) && daysApart(a.MeetingMention, b.MeetingMention) <= 2
	if dated && !overlap && !sameOrd && !near {
		return true, false
	}
	dayOverlap := overlap && len(a.Start) == 10 && len(b.Start) == 10
	placed := a.Place != "" && b.Place != ""
	if placed && !foldedContains(a.place, b.place) && !sameOrd && !dayOverlap {
		return true, false
	}
	if !dated && (!undatedFits(a, b) || !undatedFits(b, a)) {
		return true, false
	}
	compatibleDates := overlap || !dated
	pos = sameOrd || near ||
		compatibleDates && (placeIsHost(a, b) || placeIsHost(b, a)) ||
		overlap && len(a.Start) >= 7 && len(b.Start) >= 7 ||
		placed && foldedContains(a.place, b.place) && compatibleDates ||
		a.Venue != "" && b.Venue != "" && foldedContains(a.venue, b.venue) && compatibleDates
	return false, pos
}

// undatedFits reports whether an undated mention u can be of the meeting that
// d dates: a report of a past meeting was published in its year or the next;
// an announcement in its year or the one before; or a date is unknown.
func undatedFits(u, d *mentionInfo) bool {
	if u.Start != "" || d.Start == "" || u.Evidence.Date.Year() == 0 {
		return true
	}
	y, p := d.Start.Year(), u.Evidence.Date.Year()
	return y == p || !u.Planned && y == p-1 || u.Planned && y == p+1
}

// placeIsHost reports whether a's place is a Land that hosts b ("findet in
// Thüringen statt" and "Thüringen wird einladen"), with no place for b.
func placeIsHost(a, b *mentionInfo) bool {
	if a.Place == "" || b.Place != "" {
		return false
	}
	for _, h := range b.Hosts {
		if l, ok := Laender().Get(h); ok && Fold(l.Name) == a.place {
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

// relatedLineages is seriesRelated(a.Series, b.Series).
func relatedLineages(a, b *mentionInfo) bool {
	if a.Series == b.Series {
		return a.Series != ""
	}
	return slices.Contains(a.lineage, b.Series) || slices.Contains(b.lineage, a.Series)
}

// seriesRelated reports whether two series are the same or one continues
// the other.
func seriesRelated(a, b SeriesID) bool {
	if a == b {
		return a != ""
	}
	for _, x := range lineage(a) {
		if x == b {
			return true
		}
	}
	for _, x := range lineage(b) {
		if x == a {
			return true
		}
	}
	return false
}

func placeContains(a, b string) bool { return foldedContains(Fold(a), Fold(b)) }

// foldedContains reports whether one of two folded strings contains the other.
func foldedContains(fa, fb string) bool {
	return strings.Contains(fa, fb) || strings.Contains(fb, fa)
}

// mentionVote is one document's statement of a value.
type mentionVote struct {
	value string
	ev    Evidence
}

// minutesTitle reports whether a document's title names it as a body's
// minutes: "Beschlussprotokoll der CdS-Konferenz vom 16. Oktober 2094",
// "Ergebnisprotokoll …", "Niederschrift über die 41. Sitzung".
func minutesTitle(t string) bool {
	t = Fold(t)
	return strings.Contains(t, "protokoll") && !strings.Contains(t, "protokollier") || strings.Contains(t, "niederschrift")
}

// chooseValue picks the value most distinct documents support. A document
// supports v when its value is v or a less precise form of it (general(w, v):
// "2023" for "2023-11-08", "Heidelberg" for "Heidelberg und Walldorf"). Ties
// go to the more precise (longer) value, then to the one a body's minutes
// state (by their title), then to the one published first. It
// returns the conflicting values (neither a form of the chosen one nor it a
// form of them, and not accepted by ok) with their evidence.
func chooseValue(field string, vs []mentionVote, general func(w, v string) bool, ok func(string) bool) (string, []Conflict) {
	compatible := func(a, b string) bool { return general(a, b) || general(b, a) }
	if len(vs) == 0 {
		return "", nil
	}
	type cand struct {
		value  string
		docs   int
		first  Evidence
		record bool // a body's own minutes state it
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
		record := false
		for _, w := range vs {
			if general(w.value, v.value) {
				docs[docKey(w.ev)] = true
			}
			if w.value == v.value && evidenceLess(w.ev, first) {
				first = w.ev
			}
			record = record || w.value == v.value && minutesTitle(w.ev.Title)
		}
		cs = append(cs, cand{v.value, len(docs), first, record})
	}
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].docs != cs[j].docs {
			return cs[i].docs > cs[j].docs
		}
		if len(cs[i].value) != len(cs[j].value) {
			return len(cs[i].value) > len(cs[j].value)
		}
		if cs[i].record != cs[j].record {
			return cs[i].record // the minutes over a report of the meeting
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

func buildMeeting(c []*mentionInfo, terms []ChairTerm) Meeting {
	var m Meeting
	for _, x := range c {
		if x.Day != "" && m.Day == "" {
			m.Day = x.Day
		}
	}
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
		m.Agenda = AppendAgenda(m.Agenda, x.Agenda...)
		planned = planned && x.Planned
		m.Evidence = append(m.Evidence, x.Evidence)
	}
	m.Planned = planned
	sort.SliceStable(m.Agenda, func(i, j int) bool { return evidenceLess(m.Agenda[i].Evidence, m.Agenda[j].Evidence) })
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
	return NewChairCalendar(terms, series).During(from, to)
}

// ChairCalendar holds the periods of the chair terms of a series and its
// family, worked out once, for asking ChairsDuring of many periods.
type ChairCalendar struct {
	spans []chairSpan // by start
}

type chairSpan struct {
	t      *ChairTerm
	lo, hi Date
}

// During returns what ChairsDuring(terms, series, from, to) returns for the
// terms and series of the calendar.
func (c *ChairCalendar) During(from, to Date) []ChairTerm {
	var res []ChairTerm
	last := to.Last()
	for _, s := range c.spans {
		if s.lo != "" && last != "" && s.lo.First() > last {
			break // the spans are sorted by their start: none later overlaps
		}
		if Overlaps(s.lo, s.hi, from, to) {
			res = append(res, *s.t)
		}
	}
	if len(res) == 0 {
		return []ChairTerm{}
	}
	return res
}

// NewChairCalendar works out the periods of the chair terms of series and
// its family; terms must not change while the calendar is used.
func NewChairCalendar(terms []ChairTerm, series SeriesID) *ChairCalendar {
	fam := Family(series)
	type term struct {
		t           *ChairTerm // in terms
		first, last Date
	}
	var ts []term
	starts := map[SeriesID][]Date{} // the sorted starts of each series' terms
	valid := map[Date]bool{}        // many terms share their dates
	isValid := func(d Date) bool {
		v, ok := valid[d]
		if !ok {
			v = d.Valid()
			valid[d] = v
		}
		return v
	}
	for i := range terms {
		t := &terms[i]
		if slices.Contains(fam, t.Series) && (t.From != "" || t.To != "") && isValid(t.From) && isValid(t.To) {
			x := term{t, t.From.First(), t.To.Last()}
			ts = append(ts, x)
			if x.first != "" {
				starts[t.Series] = append(starts[t.Series], x.first)
			}
		}
	}
	for _, ss := range starts {
		slices.Sort(ss)
	}
	type pair struct{ a, b SeriesID }
	rel := map[pair]bool{}
	related := func(a, b SeriesID) bool {
		k := pair{a, b}
		r, ok := rel[k]
		if !ok {
			r = seriesRelated(a, b)
			rel[k] = r
		}
		return r
	}
	type span = chairSpan
	// Many documents state the same term: the period of a term depends only
	// on its series and dates, so it is worked out once for each (and the
	// latest end before it is sought among distinct terms), which keeps the
	// work near linear in the number of statements.
	type key struct {
		series           SeriesID
		first, last      Date
		openFrom, openTo bool
	}
	type bounds struct{ lo, hi Date }
	var distinct []term
	seen := map[key]bool{}
	for _, x := range ts {
		k := key{series: x.t.Series, first: x.first, last: x.last}
		if x.first != "" && !seen[k] {
			seen[k] = true
			distinct = append(distinct, x)
		}
	}
	periods := map[key]bounds{}
	var out []span
	for _, x := range ts {
		if x.t.From != "" && x.t.To != "" {
			out = append(out, span{x.t, x.first, x.last})
			continue
		}
		k := key{x.t.Series, x.first, x.last, x.t.From == "", x.t.To == ""}
		if b, ok := periods[k]; ok {
			out = append(out, span{x.t, b.lo, b.hi})
			continue
		}
		lo, hi := x.first, x.last
		if x.t.To == "" {
			// Until the day before the next start in a related series.
			var next Date
			for s, ss := range starts {
				if !related(x.t.Series, s) {
					continue
				}
				if i := sort.Search(len(ss), func(i int) bool { return ss[i] > lo }); i < len(ss) && (next == "" || ss[i] < next) {
					next = ss[i]
				}
			}
			if next != "" {
				hi = dayBefore(next)
			}
		}
		if x.t.From == "" {
			// From the day after the latest end (or start) before it.
			var prev Date
			for _, u := range distinct {
				s := u.first
				if s == "" || s >= hi || !related(x.t.Series, u.t.Series) {
					continue
				}
				if e := u.last; e != "" && e < hi {
					s = e
				}
				if s > prev {
					prev = s
				}
			}
			if prev != "" {
				lo = dayAfter(prev)
			}
		}
		periods[k] = bounds{lo, hi}
		out = append(out, span{x.t, lo, hi})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].lo < out[j].lo })
	return &ChairCalendar{spans: out}
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

// yearsByOrder gives a numbered meeting whose day is stated without a year
// ("Die 4. Konferenz hat am 24. November getagt" in an undated text) the
// year that puts it between the meetings numbered one before and one after
// it in its series: the first such day after the one before, if that falls
// before the one after. The inference is said in Inferred; a meeting that
// cannot be placed keeps no start.
func yearsByOrder(ms []Meeting) {
	type key struct {
		s SeriesID
		n int
	}
	var dated map[key]Date
	for i := range ms {
		m := &ms[i]
		if m.Start != "" || m.Day == "" || m.Ordinal < 1 {
			continue
		}
		if dated == nil {
			dated = map[key]Date{}
			for _, o := range ms {
				if o.Ordinal > 0 && len(o.Start) >= 7 {
					if _, dup := dated[key{o.Series, o.Ordinal}]; !dup {
						dated[key{o.Series, o.Ordinal}] = o.Start
					}
				}
			}
		}
		prev, okPrev := dated[key{m.Series, m.Ordinal - 1}]
		next, okNext := dated[key{m.Series, m.Ordinal + 1}]
		var d Date
		switch {
		case okPrev:
			if d = Date(fmt.Sprintf("%04d-%s", prev.Year(), m.Day)); !d.Valid() {
				continue
			}
			if d <= prev {
				d = Date(fmt.Sprintf("%04d-%s", prev.Year()+1, m.Day))
			}
			if okNext && d >= next {
				continue
			}
		case okNext:
			if d = Date(fmt.Sprintf("%04d-%s", next.Year(), m.Day)); !d.Valid() {
				continue
			}
			if d >= next {
				d = Date(fmt.Sprintf("%04d-%s", next.Year()-1, m.Day))
			}
		default:
			continue
		}
		if !d.Valid() {
			continue
		}
		m.Start = d
		if okPrev {
			m.Inferred = fmt.Sprintf("year of the start from the order of the meetings: the text gives %s without a year; meeting no. %d was on %s", m.Day, m.Ordinal-1, prev)
		} else {
			m.Inferred = fmt.Sprintf("year of the start from the order of the meetings: the text gives %s without a year; meeting no. %d was on %s", m.Day, m.Ordinal+1, next)
		}
	}
}
