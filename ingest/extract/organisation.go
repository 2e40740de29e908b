package extract

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/german"
	"github.com/laendergraph/laendergraph/ingest/dates"
)

// Organisations and laws.
//
// The language layer recognises names by their form
// (german.InstitutionRecogniser); this file ties them to Länder, people and
// dates within their sentence:
//
//   - the Land is the one the name gives ("Digitalagentur Sachsen",
//     "Thüringer …", "des Landes Berlin", "Brandenburgs …"), else, for a name
//     that says it is the Land's own ("Landesamt", "des Landes", "unsere …"),
//     the document's Land when the sentence names no other, else, for a
//     founding or a law passed, the one Land acting in the sentence (named
//     alone, or "der Niedersächsische Landtag", or "die Landesregierung" for
//     the document's Land). A sentence about the Bund or the EU gives none.
//     A wrong Land is worse than none: when in doubt there is none.
//   - the relation comes from the cue words of the language layer: a noun
//     cue right before the name ("Gründung der …", "Präsidentin des …"), or
//     a verb cue in its clause ("wurde 2019 gegründet", "hat … verabschiedet");
//     a sentence of plans or denials ("soll", "geplant", "nicht") states no
//     founding and no passing.
//   - a bare head noun ("die Digitalagentur") is the organisation the
//     document names fully elsewhere with that head, if it names one only;
//     an abbreviation given in parentheses names its organisation or law
//     wherever the document uses it.

// mention is an organisation or law found in one sentence, before its Land
// and relation are decided.
type mention struct {
	start, end int // bytes in the sentence
	law        bool
	name       string
	abbrev     string
	kind       string
	key, head  string
	land       corpus.LandCode
	own, fed   bool
	bare       bool
	proper     bool // a proper name, not a Land's office by its form
}

// actorNouns are the bodies that act for a Land: a Land adjective or
// genitive before them names the Land, alone they stand for the document's.
var actorNouns = set("landtag", "landesregierung", "staatsregierung", "senat", "kabinett", "bürgerschaft",
	"landesparlament", "ministerrat", "abgeordnetenhaus", "landesgesetzgeber")

// federalWords say a sentence is about the Bund or the EU.
var federalWords = set("bundestag", "bundesrat", "bundesregierung", "bund", "eu", "europäische", "europäischen",
	"europäischer", "brüssel", "bundeskabinett", "bundesgesetzgeber")

// ownWords before a name make it the Land's own: "unsere Digitalagentur".
var ownWords = set("unser", "unsere", "unserer", "unseren", "unserem", "unseres")

// institutions returns the organisations and laws the sentences ss of doc
// name; dom is the document's Land, people the people found in it.
func (x *Extractor) institutions(doc *corpus.Document, ss []sentence, dom corpus.LandCode, people []corpus.Person) ([]corpus.Organisation, []corpus.Law) {
	ir := german.NewInstitutionRecogniser(x.lm)
	found := make([][]mention, len(ss))
	// names given in full, for bare head nouns and abbreviations
	byHead := map[string][]mention{}
	byAbbrev := map[string]mention{}
	for i := range ss {
		s := &ss[i]
		if s.question {
			continue
		}
		orgHits, lawHits := ir.FindInstitutions(s.txt, s.phraseTokens(), s.lands)
		for _, h := range orgHits {
			m := mention{start: h.Start, end: h.End, name: h.Name, abbrev: h.Abbrev, kind: h.Kind, key: h.Key, head: h.Head,
				land: h.Land, own: h.Own, fed: h.Federal, bare: h.Bare, proper: h.Proper}
			found[i] = append(found[i], m)
			if !h.Bare {
				byHead[h.Head] = append(byHead[h.Head], m)
			}
			if len([]rune(h.Abbrev)) >= 3 {
				byAbbrev[h.Abbrev] = m
			}
		}
		for _, h := range lawHits {
			m := mention{start: h.Start, end: h.End, law: true, name: h.Title, abbrev: h.Abbrev, kind: h.Kind, key: h.Key,
				land: h.Land, own: h.Own, fed: h.Federal}
			found[i] = append(found[i], m)
			if len([]rune(h.Abbrev)) >= 3 {
				byAbbrev[h.Abbrev] = m
			}
		}
	}
	var orgs []corpus.Organisation
	var laws []corpus.Law
	seenO := map[string]bool{}
	seenL := map[string]bool{}
	var lawKeys, orgKeys []keyed
	for i := range ss {
		s := &ss[i]
		if s.question {
			continue
		}
		ms := append(found[i], s.abbreviationMentions(byAbbrev, found[i])...)
		if len(ms) == 0 {
			continue
		}
		ev := s.evidence(doc)
		cues := german.FindCues(s.txt)
		var when []dates.Match
		if hasRelationCue(cues) {
			when = dates.Find(s.txt, doc.Date)
		}
		for k, m := range ms {
			if m.bare {
				full, ok := onlyOne(byHead[m.head])
				if !ok {
					// a founding by the Land's government still names it
					if rel, c := s.relationOf(ms, k, cues); rel == "founded" && !s.hedged(c) {
						if a := s.actor(m, dom); a != "" {
							m.land, m.bare = a, false
						}
					}
					if land, ok := s.adjectiveBefore(m.start); ok && m.bare {
						m.land, m.bare = land, false // "die hessische Digitalagentur"
					}
					if m.bare {
						continue
					}
				} else {
					m.name, m.abbrev, m.key, m.land, m.own, m.fed = full.name, full.abbrev, full.key, full.land, full.own, full.fed
				}
			}
			rel, cue := s.relationOf(ms, k, cues)
			if rel == "hedge" || (s.hedged(cue) && rel != "drafted" && rel != "headed") {
				rel = ""
			}
			land := s.landOf(m, rel, dom)
			date := corpus.Date("")
			if rel != "" && rel != "headed" {
				date = s.nearestDate(when, cue, m)
			}
			if m.law {
				l := corpus.Law{ID: lawID(land, m.key), Title: m.name, Abbrev: m.abbrev, Kind: m.kind, Land: land,
					Relation: lawRelation(rel), Date: date, Evidence: ev}
				k := string(l.ID) + "|" + string(l.Relation) + "|" + strconv.Itoa(ev.Span[0])
				if !seenL[k] {
					seenL[k] = true
					laws = append(laws, l)
					lawKeys = append(lawKeys, keyed{Slug(m.key), m.fed})
				}
				continue
			}
			o := corpus.Organisation{ID: organisationID(land, m.key), Name: m.name, Abbrev: m.abbrev, Kind: m.kind, Land: land}
			switch rel {
			case "founded", "runs":
				o.Relation, o.Date = corpus.OrgRelation(rel), date
				if a := s.actor(m, dom); a != "" && (land == "" || a == land) {
					o.By = a
				}
			case "member", "funds":
				o.Relation, o.Date = corpus.OrgRelation(rel), date
				for _, by := range s.actors(m) {
					oo := o
					oo.By, oo.Evidence = by, ev
					if firstTime(seenO, oo) {
						orgs = append(orgs, oo)
						orgKeys = append(orgKeys, keyed{Slug(m.key), m.fed})
					}
				}
				if len(s.actors(m)) > 0 {
					continue
				}
				o.Relation, o.Date = corpus.OrgNamed, ""
			case "headed":
				if p, ok := x.head(s, people, ev, cue, m); ok {
					o.Relation, o.Person, o.PersonID, o.Role = corpus.OrgHeaded, p.Name, p.ID, s.txt[cue.Start:cue.End]
				}
			}
			o.Evidence = ev
			if firstTime(seenO, o) {
				orgs = append(orgs, o)
				orgKeys = append(orgKeys, keyed{Slug(m.key), m.fed})
			}
		}
	}
	// a name the document gives one Land somewhere has it everywhere in
	// the document, unless one mention says it is the Bund's
	orgLands := oneLandPerKey(orgKeys, func(i int) corpus.LandCode { return orgs[i].Land })
	for i := range orgs {
		if l, ok := orgLands[orgKeys[i].slug]; ok && orgs[i].Land == "" {
			orgs[i].Land, orgs[i].ID = l, organisationID(l, orgKeys[i].slug)
		}
	}
	lawLands := oneLandPerKey(lawKeys, func(i int) corpus.LandCode { return laws[i].Land })
	for i := range laws {
		if l, ok := lawLands[lawKeys[i].slug]; ok && laws[i].Land == "" {
			laws[i].Land, laws[i].ID = l, lawID(l, lawKeys[i].slug)
		}
	}
	return orgs, laws
}

// keyed is the slug of a mention's key and whether it was the Bund's.
type keyed struct {
	slug string
	fed  bool
}

// oneLandPerKey returns the keys whose mentions give exactly one Land and
// none of which is the Bund's.
func oneLandPerKey(keys []keyed, land func(int) corpus.LandCode) map[string]corpus.LandCode {
	lands := map[string]map[corpus.LandCode]bool{}
	fed := map[string]bool{}
	for i, k := range keys {
		if k.fed {
			fed[k.slug] = true
		}
		if l := land(i); l != "" {
			if lands[k.slug] == nil {
				lands[k.slug] = map[corpus.LandCode]bool{}
			}
			lands[k.slug][l] = true
		}
	}
	out := map[string]corpus.LandCode{}
	for k, ls := range lands {
		if len(ls) != 1 || fed[k] {
			continue
		}
		for l := range ls {
			out[k] = l
		}
	}
	return out
}

// firstTime reports whether the statement o was not made from the same
// sentence before, and records it.
func firstTime(seen map[string]bool, o corpus.Organisation) bool {
	k := strings.Join([]string{string(o.ID), string(o.Relation), string(o.By), string(o.PersonID), strconv.Itoa(o.Evidence.Span[0])}, "|")
	if seen[k] {
		return false
	}
	seen[k] = true
	return true
}

// organisationID returns the ID of an organisation: Land code, "-" and the
// slug of its key, or the slug alone.
func organisationID(land corpus.LandCode, key string) corpus.OrganisationID {
	if land == "" {
		return corpus.OrganisationID(Slug(key))
	}
	return corpus.OrganisationID(string(land) + "-" + Slug(key))
}

// lawID returns the ID of a law, as organisationID does.
func lawID(land corpus.LandCode, key string) corpus.LawID {
	return corpus.LawID(organisationID(land, key))
}

func lawRelation(rel string) corpus.LawRelation {
	switch rel {
	case "passed", "inforce", "drafted", "amended":
		return corpus.LawRelation(rel)
	}
	return corpus.LawNamed
}

func onlyOne(ms []mention) (mention, bool) {
	if len(ms) == 0 {
		return mention{}, false
	}
	for _, m := range ms[1:] {
		if m.key != ms[0].key || m.land != ms[0].land {
			return mention{}, false
		}
	}
	return ms[0], true
}

func hasRelationCue(cues []german.Cue) bool {
	for _, c := range cues {
		if c.Relation != "hedge" && c.Relation != "headed" {
			return true
		}
	}
	return false
}

// abbreviationMentions returns the mentions of abbreviations the document
// defined ("das NDIG") in s, outside the mentions it already has.
func (s *sentence) abbreviationMentions(byAbbrev map[string]mention, have []mention) []mention {
	if len(byAbbrev) == 0 {
		return nil
	}
	var out []mention
	for _, t := range s.toks {
		m, ok := byAbbrev[t.raw]
		if !ok || !isWordBoundary(s.txt, t.end) || (t.end < len(s.txt) && isHyphen(firstRune(s.txt[t.end:]))) {
			continue
		}
		if t.start > 0 && isHyphen(lastRune(s.txt[:t.start])) {
			continue
		}
		inside := false
		for _, h := range have {
			if t.start >= h.start && t.end <= h.end {
				inside = true
			}
		}
		if inside {
			continue
		}
		m.start, m.end, m.bare = t.start, t.end, false
		out = append(out, m)
	}
	return out
}

// relationOf returns the relation the cues of s give mention k of ms and
// the cue that gives it.
func (s *sentence) relationOf(ms []mention, k int, cues []german.Cue) (string, german.Cue) {
	m := ms[k]
	for _, c := range cues {
		if !c.Noun || c.Relation == "hedge" || c.End > m.start || !appliesTo(c.Relation, m.law) {
			continue
		}
		// a noun cue speaks of the name right after it: "Gründung der …",
		// "Präsidentin des …", "Entwurf eines …"
		if gap := s.tokensBetween(c.End, m.start); gap <= 2 && !strings.ContainsAny(s.txt[c.End:m.start], ",;:()") {
			if c.Relation != "drafted" && s.indefiniteBetween(c.End, m.start) {
				return "hedge", c // "die Gründung einer Digitalagentur": an idea, not a fact
			}
			return c.Relation, c
		}
	}
	for _, c := range cues {
		if c.Noun || c.Relation == "hedge" || !appliesTo(c.Relation, m.law) || (c.Start >= m.start && c.End <= m.end) {
			continue
		}
		if nearest(ms, c, m.law) == k && s.sameClause(c.Start, m.start) {
			return c.Relation, c
		}
	}
	return "", german.Cue{}
}

// appliesTo reports whether a relation can hold of a law (or an
// organisation).
func appliesTo(rel string, law bool) bool {
	switch rel {
	case "passed", "inforce", "drafted", "amended":
		return law
	case "founded", "headed", "member", "funds", "runs":
		return !law
	}
	return false
}

// nearest returns the index of the mention of the right sort closest to
// the cue, preferring one before it (the subject).
func nearest(ms []mention, c german.Cue, law bool) int {
	best, dist := -1, 1<<30
	for i, m := range ms {
		if m.law != law {
			continue
		}
		d := c.Start - m.end
		if m.start >= c.End {
			d = (m.start - c.End) * 2 // after the cue: an object, less likely the one meant
		}
		if d >= 0 && d < dist {
			best, dist = i, d
		}
	}
	return best
}

// indefiniteBetween reports whether an indefinite article stands in
// s.txt[from:to].
func (s *sentence) indefiniteBetween(from, to int) bool {
	for _, t := range s.toks {
		if t.start >= from && t.end <= to && indefinites[t.lower] {
			return true
		}
	}
	return false
}

// ownDate matches what stands between a name and its own date: "von",
// "vom", "aus dem Jahr".
var ownDate = regexp.MustCompile(`^\s*(?:von|vom|aus dem Jahr|aus dem Jahre)\s*$`)

var indefinites = set("ein", "eine", "einer", "eines", "einem", "einen")

// tokensBetween counts the tokens in s.txt[from:to].
func (s *sentence) tokensBetween(from, to int) int {
	n := 0
	for _, t := range s.toks {
		if t.start >= from && t.end <= to {
			n++
		}
	}
	return n
}

// sameClause reports whether byte offsets a and b lie in one clause, where
// a relative clause or apposition between them does not count as a break
// when it is closed by a second comma.
func (s *sentence) sameClause(a, b int) bool {
	if a > b {
		a, b = b, a
	}
	seps := 0
	for _, t := range s.toks {
		if t.start > a && t.start <= b && isClauseSep(t.sep) {
			if strings.ContainsAny(t.sep, ";:–—•¶") {
				return false
			}
			seps++
		}
	}
	if seps == 1 {
		// the cue in a relative clause right after the name: "…, die 2020
		// gegründet wurde"
		for i, t := range s.toks {
			if t.start > a && t.start <= b && isClauseSep(t.sep) {
				return relativePronouns[t.lower] || (i+1 < len(s.toks) && prepositions[t.lower] && relativePronouns[s.toks[i+1].lower])
			}
		}
	}
	return seps == 0 || seps == 2
}

var relativePronouns = set("der", "die", "das", "dem", "den", "deren", "dessen", "welche", "welcher", "welches")

// hedged reports whether the clause of the cue speaks of a plan, a wish, a
// discussion or a denial ("soll", "geplante", "befasst sich mit", "nicht").
func (s *sentence) hedged(c german.Cue) bool {
	for _, t := range s.toks {
		if german.Relation(t.lower) == "hedge" && s.sameClause(t.start, c.Start) && !s.relativeBetween(t.start, c.Start) {
			return true
		}
	}
	return false
}

// relativeBetween reports whether a relative clause or apposition set off by
// commas separates a and b ("Die Agentur, die beraten soll, wurde gegründet").
func (s *sentence) relativeBetween(a, b int) bool {
	if a > b {
		a, b = b, a
	}
	for _, t := range s.toks {
		if t.start > a && t.start <= b && isClauseSep(t.sep) {
			return true
		}
	}
	return false
}

// federal reports whether the sentence is about the Bund or the EU.
func (s *sentence) federal() bool {
	for _, t := range s.toks {
		if federalWords[t.lower] {
			return true
		}
	}
	return false
}

// otherLands returns the distinct Länder named in s outside m, compounds
// aside.
func (s *sentence) otherLands(m mention) []corpus.LandCode {
	var out []corpus.LandCode
	for _, h := range s.lands {
		if h.Compound || (h.Start >= m.start && h.End <= m.end) {
			continue
		}
		dup := false
		for _, l := range out {
			dup = dup || l == h.Land
		}
		if !dup {
			out = append(out, h.Land)
		}
	}
	return out
}

// actor returns the one Land acting in s besides m: the only Land named in
// it, or the document's Land behind "die Landesregierung", "der Landtag",
// "das Land", "wir" when no Land is named.
func (s *sentence) actor(m mention, dom corpus.LandCode) corpus.LandCode {
	if s.federal() {
		return ""
	}
	ls := s.otherLands(m)
	if len(ls) == 1 {
		return ls[0]
	}
	if len(ls) > 1 || dom == "" {
		return ""
	}
	for i, t := range s.toks {
		if t.start >= m.start && t.end <= m.end {
			continue
		}
		switch {
		case actorNouns[t.lower], strings.HasSuffix(t.lower, "ministerium"):
			if l, ok := s.adjectiveBefore(t.start); ok {
				return l
			}
			return dom
		case t.lower == "land" && i > 0 && (s.toks[i-1].lower == "das" || s.toks[i-1].lower == "dem"):
			return dom
		}
	}
	return ""
}

// actors returns the Länder named by their names in s outside m, for
// members and funders ("Sachsen-Anhalt und Thüringen sind … beigetreten").
func (s *sentence) actors(m mention) []corpus.LandCode {
	if s.federal() {
		return nil
	}
	var out []corpus.LandCode
	for _, h := range s.lands {
		if h.Compound || (h.Start >= m.start && h.End <= m.end) {
			continue
		}
		if h.Kind != FormName && !s.beforeActor(h.End) {
			continue
		}
		dup := false
		for _, l := range out {
			dup = dup || l == h.Land
		}
		if !dup {
			out = append(out, h.Land)
		}
	}
	return out
}

// beforeActor reports whether the word after off is a body acting for a
// Land ("Landtag", "Wirtschaftsministerium", "Landesregierung").
func (s *sentence) beforeActor(off int) bool {
	i := s.tokenBefore(off) + 1
	if i <= 0 || i >= len(s.toks) || s.toks[i].sep != " " {
		return false
	}
	l := s.toks[i].lower
	return actorNouns[l] || strings.HasSuffix(l, "ministerium") || strings.HasSuffix(l, "regierung")
}

// landOf decides the Land of a mention (see the comment at the top).
func (s *sentence) landOf(m mention, rel string, dom corpus.LandCode) corpus.LandCode {
	if m.fed {
		return ""
	}
	if m.land != "" {
		return m.land
	}
	if land, ok := s.adjectiveBefore(m.start); ok {
		return land
	}
	own := m.own || s.ownBefore(m.start)
	if s.federal() && !own {
		return ""
	}
	others := s.otherLands(m)
	if own && dom != "" && (len(others) == 0 || (len(others) == 1 && others[0] == dom)) {
		return dom
	}
	if m.proper {
		return "" // a company or cooperative is no Land's by who founded it
	}
	switch rel {
	case "founded", "runs", "passed", "inforce", "drafted", "amended":
		return s.actor(m, dom)
	}
	return ""
}

// adjectiveBefore returns the Land of an adjective or genitive right
// before byte offset off ("die hessische …", "Brandenburgs …").
func (s *sentence) adjectiveBefore(off int) (corpus.LandCode, bool) {
	i := s.tokenBefore(off)
	if i < 0 || strings.TrimSpace(s.txt[s.toks[i].end:off]) != "" {
		return "", false
	}
	return s.adjectiveLandEndingAt(s.toks[i].end)
}

// ownBefore reports whether "unser…" stands right before off.
func (s *sentence) ownBefore(off int) bool {
	i := s.tokenBefore(off)
	return i >= 0 && ownWords[s.toks[i].lower] && strings.TrimSpace(s.txt[s.toks[i].end:off]) == ""
}

// head returns the person that cue (a role noun or "leitet") makes the head
// of m: a person found in the same sentence whose name stands right after
// the name (and its abbreviation) or right before the cue.
func (x *Extractor) head(s *sentence, people []corpus.Person, ev corpus.Evidence, cue german.Cue, m mention) (corpus.Person, bool) {
	// the name right after the organisation's: "Präsidentin des … A B",
	// "… ist Dr. A B"
	if cue.Noun {
		i := m.end
		for _, skip := range []string{",", " ", "ist ", "wird ", "bleibt ", "war "} {
			if strings.HasPrefix(s.txt[i:], skip) {
				i += len(skip)
			}
		}
		if n, ok := x.parseName(s.txt, i); ok {
			return x.samePerson(people, ev, n.name), true
		}
	}
	if p, ok := s.headOf(people, ev, cue, m); ok {
		return p, true
	}
	if cue.Noun {
		return corpus.Person{}, false
	}
	// "Seit 2030 leitet A B die …": the subject after the verb, before the name
	if cue.End < m.start {
		if n, ok := x.parseName(s.txt, min(cue.End+1, len(s.txt))); ok && n.after <= m.start {
			return corpus.Person{ID: corpus.PersonID(Slug(n.name)), Name: n.name}, true
		}
	}
	for _, t := range s.toks {
		if t.start >= cue.Start || t.start < cue.Start-60 {
			continue
		}
		if n, ok := x.parseName(s.txt, t.start); ok && strings.TrimSpace(s.txt[n.after:cue.Start]) == "" {
			return corpus.Person{ID: corpus.PersonID(Slug(n.name)), Name: n.name}, true
		}
	}
	return corpus.Person{}, false
}

// samePerson returns the person of people found in the same sentence whose
// name ends with name (with the ID the people rules gave), else one made
// from name.
func (x *Extractor) samePerson(people []corpus.Person, ev corpus.Evidence, name string) corpus.Person {
	for _, p := range people {
		if p.Evidence.Span == ev.Span && p.Name == name {
			return p
		}
	}
	return corpus.Person{ID: corpus.PersonID(Slug(name)), Name: name}
}

// headOf returns the person of people (found in the same sentence) that the
// cue makes the head of m.
func (s *sentence) headOf(people []corpus.Person, ev corpus.Evidence, cue german.Cue, m mention) (corpus.Person, bool) {
	const near = 40
	best, dist := corpus.Person{}, near+1
	for _, p := range people {
		if p.Evidence.Span != ev.Span || p.Name == "" {
			continue
		}
		for off := 0; ; {
			j := strings.Index(s.txt[off:], p.Name)
			if j < 0 {
				break
			}
			at := off + j
			off = at + len(p.Name)
			var d int
			switch {
			case at >= m.end:
				d = at - m.end
			case off <= cue.Start && strings.HasPrefix(strings.TrimSpace(s.txt[off:cue.Start]), ","):
				d = cue.Start - off // "A B, Präsidentin der …"
			default:
				continue
			}
			if !cue.Noun && off > cue.Start {
				continue // "X leitet die Agentur": the person comes first
			}
			if d < dist {
				best, dist = p, d
			}
		}
	}
	return best, dist <= near
}

// nearestDate returns the date closest to the cue in its clause, or "";
// a date that belongs to the name ("das Gesetz von 2014") is not the
// relation's.
func (s *sentence) nearestDate(ms []dates.Match, c german.Cue, x mention) corpus.Date {
	best, dist := corpus.Date(""), 1<<30
	for _, m := range ms {
		if s.relativeBetween(m.Start, c.Start) {
			continue // the date of another clause
		}
		if m.Start >= x.end && ownDate.MatchString(s.txt[x.end:m.Start]) {
			continue
		}
		d := c.Start - m.End
		if m.Start >= c.End {
			d = m.Start - c.End
		}
		if d < 0 {
			d = -d
		}
		if d < dist {
			best, dist = m.From, d
		}
	}
	return best
}
