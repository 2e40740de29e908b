package meeting

import (
	"sort"
	"strings"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/german"
)

// aside is a sentence that is not about a meeting by itself but adds themes
// or participants to the meeting it follows.
type aside struct {
	idx      int
	strength int // 2: strong agenda word or "dort"/"dabei"; 1: weak
	named    bool
	topics   []corpus.TopicID
	parts    []corpus.LandCode
	hosts    []corpus.LandCode
	chairs   []corpus.LandCode
	// items: the agenda item the sentence lists ("TOP 3 – …", a bullet
	// below "Auf der Tagesordnung standen:")
	items []corpus.AgendaItem
	// more: the agenda goes on ("Außerdem befasste sich …"), for the
	// meeting whose agenda was told last
	more bool
}

// meetings finds the meeting candidates of the document, groups those about
// the same meeting and returns one mention per group.
func (e *Extractor) meetings(d *docState, chairSents map[int][]corpus.LandCode) []corpus.MeetingMention {
	var cands []*cand
	var asides []aside
	listStrength := 0   // the agenda strength of a list's lead-in
	listAgenda := false // the lead-in names an agenda or themes: its items are agenda items
	for i, st := range d.sents {
		if st.question || st.teaser {
			continue
		}
		if chairs, ok := chairSents[i]; ok && len(st.meetingChair()) == 0 {
			// A chair statement may report a meeting too: "…, den Vorsitz
			// führte Hamburg: … haben heute … getagt" (chairs given), or
			// "Deren Vorsitz hat 2029 X inne; die 11. … findet am … statt"
			// (a term, and a meeting in another clause).
			// "X und Y, die in diesem Jahr den Vorsitz innehaben, laden am …
			// nach Z ein": the main clause around the relative clause.
			cue := st.chairCue()
			rel, hasRel := st.relativeChair()
			found := false
			for k, v := range clauses(st) {
				inRel := hasRel && v.in(rel[0]) && v.b > rel[1]
				if len(chairs) == 0 && cue >= 0 && v.in(st.ws[cue].s) && !inRel {
					continue
				}
				// a chair narrowed to its own clause of a long sentence
				// (see chairScope) leaves the meeting in the others
				narrowed := cue >= 0 && st.chairScope(cue).text != st.text
				if len(chairs) > 0 && !d.meetingChairOnly(st) && !inRel && !narrowed {
					continue
				}
				if c := e.candidate(d, v, k == 0); c != nil {
					if len(c.chairs) == 0 {
						c.chairs = chairs
					}
					if len(c.chairs) == 0 && inRel {
						c.chairs = e.chairLands(d, i, st)
					}
					cands = append(cands, c)
					found = true
				}
			}
			switch {
			case found:
			case len(chairs) > 0:
				// "Den Vorsitz hatte Bayern.": the chair of the meeting
				// told; "Thüringen war Gastgeber der Konferenz, die
				// Sitzungsleitung lag beim sächsischen Vorsitz": and its host
				asides = append(asides, aside{idx: i, named: true, chairs: chairs, hosts: hostClause(st)})
			default:
				// "Gastgeber war der Freistaat Sachsen, der in diesem Jahr
				// den Vorsitz innehat": the host of the meeting told
				if hs := hostClause(st); len(hs) > 0 {
					asides = append(asides, aside{idx: i, named: true, hosts: hs})
				}
			}
			continue
		}
		cl := clauses(st)
		found := false
		var hostless []*cand
		var hosts []corpus.LandCode
		for k, v := range cl {
			if c := e.candidate(d, v, k == 0); c != nil {
				cands = append(cands, c)
				found = true
				if len(c.hosts) == 0 {
					hostless = append(hostless, c)
				}
			} else if len(cl) > 1 && v.hasHostWord() {
				hosts = append(hosts, v.hostsOf(st.skipSpans())...)
			}
		}
		if len(hostless) == 1 {
			// "Gastgeber ist der Freistaat Thüringen; die Beratungen
			// finden im Kaisersaal statt": the host clause names the
			// host of the meeting its sentence tells
			hostless[0].hosts = hosts
		}
		if found {
			// "Auf der Tagesordnung der Konferenz stehen:" names the
			// meeting and leads in a list of its themes
			listStrength, listAgenda = 0, false
			if v := newView(st, 0, len(st.text)); strings.HasSuffix(strings.TrimSpace(st.text), ":") {
				listStrength, listAgenda = v.agendaStrength(), v.leadsInAgenda()
			}
			continue
		}
		v := newView(st, 0, len(st.text))
		a := aside{idx: i, strength: v.agendaStrength()}
		top := german.AgendaItem(st.text)
		if top {
			// "TOP 1 – Cybersicherheit in Kommunen": an item of the
			// agenda of the meeting the document records
			a.strength = 2
		}
		// "Auf der Tagesordnung standen:" and a list below it
		inList, agendaList := false, false
		if _, ok := german.ListItem(st.text); ok {
			a.strength = max(a.strength, listStrength)
			inList, agendaList = listStrength > 0, listAgenda
		} else if startsLine(d.doc.Text, st.s) {
			listStrength, listAgenda = 0, false // a sentence inside an item goes on with the list
		}
		if a.strength > 0 && strings.HasSuffix(strings.TrimSpace(st.text), ":") {
			listStrength, listAgenda = a.strength, v.leadsInAgenda()
		}
		if a.strength > 0 {
			a.topics = e.topicsOf(v)
		}
		if top || agendaList {
			a.items = agendaItem(d, st)
		}
		if top {
			d.topItems = corpus.AppendAgenda(d.topItems, a.items...)
		}
		a.parts = v.participantsOf(st.skipSpans())
		for _, w := range v.ws {
			if hostWords[w.lower] {
				a.hosts = v.hostsOf(st.skipSpans())
				break
			}
		}
		if len(a.topics) == 0 && len(a.parts) == 0 && len(a.hosts) == 0 && len(a.items) == 0 {
			continue
		}
		if v.has("dort", "dabei", "hierbei") {
			a.strength = 2
		}
		// "Außerdem befasste sich das Gremium mit …": the agenda goes on
		a.more = a.strength > 0 && (inList || v.has("außerdem", "zudem", "ferner", "weiterhin", "daneben", "auch") || v.follows("darüber", "hinaus"))
		// "… befasste sich das Gremium / die Konferenz / die Runde mit …":
		// the body of the meeting told before
		if a.strength > 0 && (v.follows("das", "gremium") || v.follows("die", "konferenz") || v.follows("die", "runde") || v.follows("die", "teilnehmenden")) {
			a.strength = 2
		}
		for k := range v.ws {
			a.named = a.named || v.isNoun(k)
		}
		a.named = a.named || len(st.series) > 0
		asides = append(asides, a)
	}
	if len(cands) == 0 {
		return nil
	}
	e.calendar(d, cands)
	groups := groupCands(cands)
	// Asides join the group of the candidate they follow.
	groupOf := map[*cand]int{}
	for gi, g := range groups {
		for _, c := range g {
			groupOf[c] = gi
		}
	}
	// lastAgenda is the sentence of the agenda aside last joined to a
	// candidate: the agenda told over several sentences ("Im Mittelpunkt
	// standen …", "Außerdem ging es um …") belongs to the same meeting.
	lastAgenda, lastTarget := -1, (*cand)(nil)
	for _, a := range asides {
		var before, after *cand
		for _, c := range cands {
			if c.st.idx < a.idx {
				before = c
			} else if c.st.idx > a.idx && after == nil {
				after = c
			}
		}
		// An agenda below a look back at an earlier year's meeting is that
		// of the current meeting told before it: "Die Konferenz tagt morgen
		// in X; die erste hatte 2019 in Y stattgefunden. Tagesordnung: …"
		redirected := false
		if a.strength > 0 && before != nil && len(before.start) >= 4 && d.known && before.start.Year() < d.pub.Year() {
			for j := len(cands) - 1; j >= 0; j-- {
				c := cands[j]
				if c.st.idx < before.st.idx && related(c.series, before.series) && len(c.start) >= 4 && c.start.Year() >= d.pub.Year() {
					before, redirected = c, true
					break
				}
			}
		}
		reach := 2
		if a.named {
			reach = 3
		}
		var target *cand
		switch {
		case before != nil && (a.strength == 2 || redirected || d.distance(before.st.idx, a.idx) <= reach):
			target = before
		case after != nil && after.st.idx-a.idx <= 1+a.strength/2:
			target = after
		case before == nil && after != nil && after.st.idx-a.idx <= 4:
			// a lead paragraph that sums up the meeting reported below it
			target = after
		}
		if target == nil && a.strength > 0 && before != nil && before == lastTarget && (d.distance(lastAgenda, a.idx) <= 1 || a.more) {
			target = before
		}
		if target == nil {
			continue
		}
		if a.strength > 0 {
			lastAgenda, lastTarget = a.idx, target
		}
		gi, ok := groupOf[target]
		if !ok || gi >= len(groups) || len(groups[gi]) == 0 {
			continue // the target was dropped while grouping
		}
		g := groups[gi]
		if a.strength > 0 {
			g[0].topics = append(g[0].topics, a.topics...)
			g[0].items = append(g[0].items, a.items...)
		}
		g[0].parts = append(g[0].parts, a.parts...)
		g[0].hosts = append(g[0].hosts, a.hosts...)
		g[0].chairs = append(g[0].chairs, a.chairs...)
	}
	var out []corpus.MeetingMention
	for _, g := range groups {
		if m, ok := e.mention(d, g); ok {
			out = append(out, splitTowns(m)...)
		}
	}
	return out
}

// splitTowns splits a mention whose place joins two towns after a plural
// meeting noun, "nach den Treffen in Bremen und Magdeburg": each town had
// a meeting of its own (one meeting "in Heidelberg und Walldorf" keeps
// both).
func splitTowns(m corpus.MeetingMention) []corpus.MeetingMention {
	a, b, ok := strings.Cut(m.Place, " und ")
	if !ok {
		return []corpus.MeetingMention{m}
	}
	q := strings.Join(strings.Fields(m.Evidence.Quote), " ")
	k := strings.Index(q, " in "+m.Place)
	if k < 0 {
		return []corpus.MeetingMention{m}
	}
	ws := strings.Fields(q[:k])
	if len(ws) < 2 || !pluralMeeting(ws[len(ws)-2], ws[len(ws)-1]) {
		return []corpus.MeetingMention{m}
	}
	m2 := m
	m.Place, m2.Place = a, b
	return []corpus.MeetingMention{m, m2}
}

// pluralMeeting reports whether a meeting noun after its article is in the
// plural: "Sitzungen", "Konferenzen", "den Treffen", "die Treffen" (the
// singular is "dem", "das Treffen").
func pluralMeeting(art, noun string) bool {
	if !capitalised(noun) {
		return false
	}
	lw := strings.ToLower(noun)
	if strings.HasSuffix(lw, "ungen") || strings.HasSuffix(lw, "enzen") {
		return meetingNouns[lastPart(strings.TrimSuffix(lw, "en"))]
	}
	art = strings.ToLower(art)
	return strings.HasSuffix(lw, "treffen") && (art == "den" || art == "die" || art == "beiden")
}

// agendaItem returns the agenda item sentence st lists: its title
// (german.ItemTitle) and its first line as evidence. None for an item of
// the meeting's procedure.
func agendaItem(d *docState, st *sent) []corpus.AgendaItem {
	title := german.ItemTitle(st.text)
	if title == "" {
		return nil
	}
	end := st.e
	if k := strings.IndexByte(st.text, '\n'); k >= 0 {
		end = st.s + k
	}
	return []corpus.AgendaItem{{Title: title, Evidence: corpus.EvidenceAt(d.doc, st.s, end)}}
}

// distance counts the sentences from sentence i to sentence j > i, leaving
// out those between them that are mostly a quotation (a statement quoted
// in a report does not move away from the meeting reported).
func (d *docState) distance(i, j int) int {
	n := j - i
	for k := i + 1; k < j && k < len(d.sents); k++ {
		if st := d.sents[k]; inRanges(d.quotes, (st.s+st.e)/2) {
			n--
		}
	}
	return n
}

// startsLine reports whether byte p of text starts a line: only white space
// lies between it and the line break before it (or the start).
func startsLine(text string, p int) bool {
	k := strings.LastIndexByte(text[:p], '\n')
	return strings.TrimSpace(text[k+1:p]) == ""
}

// groupCands puts the candidates about the same meeting together.
// Identifying candidates (with a date, place, venue, ordinal, or "the next
// meeting") join the latest group they agree with on something and disagree
// with on nothing; a candidate with only a place or venue joins the latest
// group it does not disagree with. Other candidates join the group of the
// candidate before them (or after, at the start).
func groupCands(cands []*cand) [][]*cand {
	var groups [][]*cand
	for _, c := range cands {
		if !c.identifying() {
			continue
		}
		at := -1
		for gi := len(groups) - 1; gi >= 0 && at < 0; gi-- {
			neg, pos := false, false
			for _, o := range groups[gi] {
				n, p := relate(c, o)
				neg, pos = neg || n, pos || p
			}
			if !neg && pos {
				at = gi
			}
		}
		if at < 0 && c.start == "" && c.ordinal == 0 && !c.next {
			for gi := len(groups) - 1; gi >= 0 && at < 0; gi-- {
				neg := false
				for _, o := range groups[gi] {
					n, _ := relate(c, o)
					neg = neg || n
				}
				if !neg {
					at = gi
				}
			}
		}
		if at < 0 {
			groups = append(groups, []*cand{c})
		} else {
			groups[at] = append(groups[at], c)
		}
	}
	if len(groups) == 0 {
		return nil
	}
	groups = joinComplementary(groups)
	for i, c := range cands {
		if c.identifying() || c.deadline {
			// a meeting ahead named only as a deadline ("eine
			// Entscheidung wird bis zur Herbstkonferenz getroffen") tells
			// nothing of the meeting before it
			continue
		}
		// the nearest identifying candidate before, else after
		var near *cand
		for j := i - 1; j >= 0 && near == nil; j-- {
			if cands[j].identifying() && !cands[j].next && !cands[j].deadline {
				near = cands[j]
			}
		}
		for j := i + 1; j < len(cands) && near == nil; j++ {
			if cands[j].identifying() && !cands[j].next && !cands[j].deadline {
				near = cands[j]
			}
		}
		if near == nil {
			continue
		}
		for gi, g := range groups {
			for _, o := range g {
				if o == near {
					groups[gi] = append(groups[gi], c)
				}
			}
		}
	}
	return groups
}

// hostClause returns the hosts a sentence names ("Gastgeber war der
// Freistaat Sachsen, der in diesem Jahr den Vorsitz innehat"), or nil when
// it has no host word.
func hostClause(st *sent) []corpus.LandCode {
	v := newView(st, 0, len(st.text))
	if !v.hasHostWord() {
		return nil
	}
	return v.hostsOf(st.skipSpans())
}

// hasHostWord reports whether the clause has a host word ("Gastgeber").
func (v view) hasHostWord() bool {
	for _, w := range v.ws {
		if v.in(w.s) && hostWords[w.lower] {
			return true
		}
	}
	return false
}

// joinComplementary joins groups of one series that complement each other
// and contradict in nothing: one states the date, the other the place ("27.9.
// – An diesem Freitag haben sich … getroffen. Tagungsort war … in Frankfurt
// am Main."), or one only the ordinal. Groups that both state a date or both
// a place stay apart (had they agreed, they would be one group), as do a
// planned and a past meeting and "the next meeting".
func joinComplementary(groups [][]*cand) [][]*cand {
	for joined := true; joined; {
		joined = false
		for a := 0; a < len(groups) && !joined; a++ {
			for b := a + 1; b < len(groups) && !joined; b++ {
				if complementary(groups[a], groups[b]) {
					groups[a] = append(groups[a], groups[b]...)
					groups = append(groups[:b], groups[b+1:]...)
					joined = true
				}
			}
		}
	}
	return groups
}

// groupFacts says what a group of candidates states.
type groupFacts struct {
	series                       corpus.SeriesID
	dated, placed, planned, past bool
	next, mixed                  bool
	// deadline: a meeting ahead named as a deadline ("bis zur
	// Herbstkonferenz")
	deadline bool
}

func factsOf(g []*cand) groupFacts {
	f := groupFacts{series: g[0].series}
	for _, c := range g {
		f.mixed = f.mixed || c.series != f.series
		f.dated = f.dated || c.start != ""
		f.placed = f.placed || c.place != "" || c.venue != ""
		f.planned = f.planned || c.planned
		f.past = f.past || c.past
		f.next = f.next || c.next
		f.deadline = f.deadline || c.deadline
	}
	return f
}

func complementary(a, b []*cand) bool {
	fa, fb := factsOf(a), factsOf(b)
	if fa.mixed || fb.mixed || fa.series != fb.series || fa.next || fb.next ||
		fa.dated && fb.dated || fa.placed && fb.placed && !placesComplement(a, b) {
		return false
	}
	// a planned meeting and a past one are two meetings; so are a meeting
	// ahead named as a deadline ("eine Entscheidung wird bis zur
	// Herbstkonferenz getroffen") and one not planned (the minutes' own)
	if fa.planned && !fa.past && fb.past && !fb.planned || fb.planned && !fb.past && fa.past && !fa.planned ||
		fa.deadline && !fb.planned || fb.deadline && !fa.planned {
		return false
	}
	for _, x := range a {
		for _, y := range b {
			if neg, _ := relate(x, y); neg {
				return false
			}
		}
	}
	return true
}

// relate says whether two candidates of one document cannot be the same
// meeting (neg) and whether something shows they are (pos).
func relate(a, b *cand) (neg, pos bool) {
	if !related(a.series, b.series) || a.next != b.next {
		return true, false
	}
	sameOrd := a.series == b.series && a.ordinal > 0 && a.ordinal == b.ordinal
	if a.series == b.series && a.ordinal > 0 && b.ordinal > 0 && a.ordinal != b.ordinal {
		return true, false
	}
	dated := a.start != "" && b.start != ""
	overlap := dated && corpus.Overlaps(a.start, endOr(a), b.start, endOr(b))
	if dated && !overlap && !sameOrd {
		return true, false
	}
	placed := a.place != "" && b.place != ""
	if placed && !candPlacesAgree(a, b) && !sameOrd && !(overlap && len(a.start) == 10 && len(b.start) == 10) {
		return true, false
	}
	// A year alone in the sentence right after a dated meeting of the year
	// tells more of it: "Die 5. DMK tagte am 3. Mai 2031 in X. Es war die
	// erste Sitzung unter dem Vorsitz des Landes, das sie 2031 leitet."
	adjacent := a.st.idx-b.st.idx == 1 || b.st.idx-a.st.idx == 1
	pos = sameOrd ||
		overlap && len(a.start) >= 7 && len(b.start) >= 7 ||
		overlap && adjacent && a.series == b.series && a.place == "" && a.ordinal == 0 && len(b.start) >= 7 ||
		placed && candPlacesAgree(a, b) ||
		a.venue != "" && b.venue != "" && placeCompatible(a.venue, b.venue) ||
		a.next && b.next
	return false, pos
}

func endOr(c *cand) corpus.Date {
	if c.end != "" {
		return c.end
	}
	return c.start
}

// related reports whether two series are the same or one continues the other.
func related(a, b corpus.SeriesID) bool {
	for _, x := range corpus.Lineage(a) {
		if x == b {
			return true
		}
	}
	for _, x := range corpus.Lineage(b) {
		if x == a {
			return true
		}
	}
	return false
}

// placesComplement reports whether two groups that both state where they
// are say it in parts that fit: one the town, the other only the building
// ("Ministerpräsidentenkonferenz in Leipzig" … "tagte … im Gewandhaus"), or
// the same town.
func placesComplement(a, b []*cand) bool {
	town := func(g []*cand) (string, bool) {
		for _, c := range g {
			if c.place != "" {
				return c.place, true
			}
		}
		return "", false
	}
	venue := func(g []*cand) string {
		for _, c := range g {
			if c.venue != "" {
				return c.venue
			}
		}
		return ""
	}
	ta, oka := town(a)
	tb, okb := town(b)
	if oka && okb && !placeCompatible(ta, tb) {
		return false
	}
	va, vb := venue(a), venue(b)
	return va == "" || vb == "" || placeCompatible(va, vb)
}

// candPlacesAgree reports whether the places of two candidates can be one:
// the same or one within the other ("Heidelberg", "Heidelberg und
// Walldorf"), or a Land and a known town in it ("Hessen", "Wiesbaden").
func candPlacesAgree(a, b *cand) bool {
	if placeCompatible(a.place, b.place) {
		return true
	}
	return a.placeLand != b.placeLand && a.placeCode != "" && a.placeCode == b.placeCode
}

func placeCompatible(a, b string) bool {
	fa, fb := corpus.Fold(a), corpus.Fold(b)
	return strings.Contains(fa, fb) || strings.Contains(fb, fa)
}

// mention merges a group of candidates into one MeetingMention.
func (e *Extractor) mention(d *docState, g []*cand) (corpus.MeetingMention, bool) {
	var m corpus.MeetingMention
	count := map[corpus.SeriesID]int{}
	bestSeries := corpus.SeriesID("")
	best := g[0]
	planned, past, next := false, false, false
	mLand := false
	for _, c := range g {
		count[c.series]++
		if bestSeries == "" || count[c.series] > count[bestSeries] {
			bestSeries = c.series
		}
		if c.ordinal > 0 && m.Ordinal == 0 {
			m.Ordinal = c.ordinal
		}
		if len(c.start) > len(m.Start) {
			m.Start, m.End = c.start, c.end
		}
		if c.day != "" && m.Day == "" {
			m.Day = c.day
		}
		// a town wins over the Land it lies in, a longer name over a part
		if c.place != "" && (m.Place == "" || !c.placeLand && (mLand || len(c.place) > len(m.Place) && placeCompatible(c.place, m.Place))) {
			m.Place, mLand = c.place, c.placeLand
		}
		if len(c.venue) > len(m.Venue) {
			m.Venue = c.venue
		}
		m.Hosts = append(m.Hosts, c.hosts...)
		m.Chairs = append(m.Chairs, c.chairs...)
		m.Participants = append(m.Participants, c.parts...)
		m.Topics = append(m.Topics, c.topics...)
		m.Agenda = corpus.AppendAgenda(m.Agenda, c.items...)
		planned, past, next = planned || c.planned, past || c.past, next || c.next
		if c.score() > best.score() {
			best = c
		}
	}
	m.Series = bestSeries
	if m.Start != "" {
		m.Day = ""
	}
	if m.Ordinal == 1 && m.Start != "" {
		if s, ok := corpus.SeriesByID(m.Series); ok && s.Since > 0 && m.Start.Year() > s.Since {
			m.Ordinal = 0 // a "first" meeting years after the series began is the first of something else
		}
	}
	if m.Start == "" && m.Place == "" && m.Venue == "" && m.Ordinal == 0 && !next {
		return m, false
	}
	if _, l := corpus.SeriesBase(m.Series); l != "" && len(m.Chairs) == 0 {
		// a Land's own body ("das Digitalkabinett der Bayerischen
		// Staatsregierung") meets under that Land
		m.Chairs = []corpus.LandCode{l}
	}
	m.Hosts = uniqLands(e.reg, m.Hosts)
	if m.Place == "" && len(m.Hosts) == 1 && cityStateSeat(m.Venue) {
		// a city-state hosts at the seat of its government or parliament
		// in its city: "Das Land Berlin richtet … das Länderforum im Roten
		// Rathaus aus" (not "im Schloss Cecilienhof")
		if l, ok := e.reg.Get(m.Hosts[0]); ok && l.Capital == l.Name {
			m.Place = l.Capital
		}
	}
	m.Chairs = uniqLands(e.reg, m.Chairs)
	m.Participants = uniqLands(e.reg, m.Participants)
	m.Participants = minus(m.Participants, m.Hosts, m.Chairs)
	m.Topics = uniqTopics(m.Topics)
	m.Planned = planned && !past
	m.Evidence = corpus.EvidenceAt(d.doc, best.st.s, best.st.e)
	return m, true
}

func minus(xs []corpus.LandCode, drop ...[]corpus.LandCode) []corpus.LandCode {
	var out []corpus.LandCode
	for _, x := range xs {
		keep := true
		for _, ds := range drop {
			for _, y := range ds {
				keep = keep && x != y
			}
		}
		if keep {
			out = append(out, x)
		}
	}
	return out
}

func uniqTopics(ts []corpus.TopicID) []corpus.TopicID {
	if len(ts) == 0 {
		return nil
	}
	sort.Slice(ts, func(i, j int) bool { return ts[i] < ts[j] })
	out := ts[:1]
	for _, t := range ts[1:] {
		if t != out[len(out)-1] {
			out = append(out, t)
		}
	}
	return out
}

// cityStateSeat reports whether a venue is the seat of a city-state's
// government or parliament: its town hall, the Senate, the Bürgerschaft,
// the Abgeordnetenhaus.
func cityStateSeat(venue string) bool {
	v := strings.ToLower(venue)
	for _, w := range []string{"rathaus", "senat", "bürgerschaft", "abgeordnetenhaus"} {
		if strings.Contains(v, w) {
			return true
		}
	}
	return false
}
