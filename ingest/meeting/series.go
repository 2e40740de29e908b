package meeting

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/german"
	"github.com/laendergraph/laendergraph/ingest/extract"
)

// seriesHit is a series named at the byte range [s, e) of a sentence.
type seriesHit struct {
	series corpus.SeriesID
	s, e   int
	// weak is true for a name that other series could also carry
	// ("Digitalministertreffen"): it stands for the document's main series.
	weak bool
	// target is true where the text speaks of turning something into the
	// series ("zu einer Digitalministerkonferenz weiterentwickelt"): the
	// series is not (yet) meeting there.
	target bool
	// ofLaender marks a gathering named by a group of the Länder
	// ("Konferenz der Computer-Notfallteams der Länder"): where the
	// document's main series is a gathering of the same kind named
	// otherwise ("Konferenz der Landes-CERTs"), it is that one.
	ofLaender bool
	// abbrev is the bracketed abbreviation of a body found by its form
	// ("Digitalrat (DR)"): later in the document it names the body alone.
	abbrev string
}

type aliasRE struct {
	series corpus.SeriesID
	re     *regexp.Regexp
	weak   bool
	// key is a lower-case prefix of the name that a text must contain for
	// the pattern to match; it spares running every pattern on every sentence.
	key string
}

// seriesNames are the patterns of every series name, indexed by the first
// two bytes of their keys so that a sentence is read once, not once per name.
type seriesNames struct {
	list []aliasRE
	// byStart lists the patterns whose key begins with a two-byte string;
	// a key begins a word, so only the starts of words are looked up.
	byStart map[string][]int
	// starts marks the keys of byStart (bit b[0]<<8|b[1]), so that most
	// words need no lookup.
	starts [1 << 16 / 64]uint64
	// always lists the patterns whose key cannot be looked up so.
	always []int
}

func newSeriesNames(list []aliasRE) *seriesNames {
	n := &seriesNames{list: list, byStart: map[string][]int{}}
	for i, a := range list {
		r, _ := utf8.DecodeRuneInString(a.key)
		if len(a.key) < 2 || !german.IsWordRune(r) {
			n.always = append(n.always, i)
			continue
		}
		n.byStart[a.key[:2]] = append(n.byStart[a.key[:2]], i)
		b := int(a.key[0])<<8 | int(a.key[1])
		n.starts[b/64] |= 1 << (b % 64)
	}
	return n
}

// begins reports whether a key of byStart begins with the two bytes of b.
func (n *seriesNames) begins(b string) bool {
	k := int(b[0])<<8 | int(b[1])
	return n.starts[k/64]&(1<<(k%64)) != 0
}

// candidates returns, in list order, the patterns whose key begins a word of
// lower (a lower-cased sentence): the only ones that can match there, since
// a match must begin a word (boundaryBefore).
func (n *seriesNames) candidates(lower string) []int {
	var mark []bool
	add := func(i int) {
		if mark == nil {
			mark = make([]bool, len(n.list))
		}
		mark[i] = true
	}
	for _, i := range n.always {
		add(i)
	}
	prevWord := false
	for i, r := range lower {
		isWord := german.IsWordRune(r)
		if isWord && !prevWord && i+2 <= len(lower) && n.begins(lower[i:i+2]) {
			for _, k := range n.byStart[lower[i:i+2]] {
				if strings.HasPrefix(lower[i:], n.list[k].key) {
					add(k)
				}
			}
		}
		prevWord = isWord
	}
	var out []int
	for i, m := range mark {
		if m {
			out = append(out, i)
		}
	}
	return out
}

// weakAliases are names of a series that also describe other series; they
// stand for the document's main series where it names one.
var weakAliases = map[string]bool{"digitalministertreffen": true}

// compileSeries builds one pattern per id, label and alias of every series.
// Hyphens match any hyphen or dash variant, spaces any white space, and an
// inflection ending (-s, -es, -n, -en) may follow.
func compileSeries() []aliasRE {
	var out []aliasRE
	for _, s := range corpus.AllSeries() {
		names := append([]string{s.Label}, s.Aliases...)
		if strings.ToUpper(string(s.ID)) == string(s.ID) || len(s.ID) <= 3 {
			names = append(names, strings.ToUpper(string(s.ID)))
		}
		// The label without a bracketed abbreviation: "Digitalministerkonferenz (DMK)".
		if i := strings.Index(s.Label, " ("); i > 0 {
			names = append(names, s.Label[:i])
		}
		// "… der Länder" is also said "… aller Länder": "die
		// Digitalkoordinatoren aller Länder".
		for _, n := range names {
			if base, ok := strings.CutSuffix(n, " der Länder"); ok {
				names = append(names, base+" aller Länder")
			}
		}
		// The label after a dash: "D16 – Digitalministertreffen der Länder" has
		// its own aliases; the part before the dash is an alias anyway.
		for _, n := range names {
			n = strings.TrimSpace(n)
			if n == "" {
				continue
			}
			var b strings.Builder
			b.WriteString(`(?i)`)
			prev := ' '
			word := ""
			for _, r := range n {
				switch {
				case r == '-' || r == '‐' || r == '‑' || r == '–':
					b.WriteString(`[-‐‑–]\s?`)
				case r == ' ':
					if prev == 'e' {
						// an adjective inside the name takes its case
						// ending: "der Ständigen Konferenz"
						b.WriteString(`[nrsm]?`)
					}
					b.WriteString(`\s+`)
					if word == "der" {
						// "die Chefinnen und Chefs der sechzehn Staats- und
						// Senatskanzleien": the count of the Länder
						b.WriteString(`(?:(?:sechzehn|16)\s+)?`)
					}
				default:
					b.WriteString(regexp.QuoteMeta(string(r)))
				}
				if r == ' ' || r == '-' {
					word = ""
				} else {
					word += string(r)
				}
				prev = r
			}
			b.WriteString(`(?:s|es|n|en)?`)
			key := strings.ToLower(n)
			if i := strings.IndexAny(key, " -‐‑–"); i > 0 {
				key = key[:i]
			}
			out = append(out, aliasRE{series: s.ID, re: regexp.MustCompile(b.String()), weak: weakAliases[corpus.Fold(n)], key: key})
		}
	}
	return out
}

// membersRE matches the members of a ministers' conference: "die
// Innenminister der Länder", "die Digitalministerinnen und Digitalminister
// der Länder", "die Innenminister und -senatoren der Länder".
var membersRE = regexp.MustCompile(`(\p{Lu}\p{Ll}+?)minister(?:innen)?(?:\s+und\s+(?:-\s?|\p{Lu}\p{Ll}+?)(?:minister|senatoren|senatorinnen)(?:innen)?)?\s+(?:der|aller)\s+Länder`)

// portfolioMembersRE matches the ministers of the Länder named by their
// portfolio (group 2; group 1 is empty): "die für Digitales zuständigen
// Ministerinnen und Minister der Länder", "die für die Digitalisierung
// zuständigen Ministerinnen und Minister aller 16 Länder".
var portfolioMembersRE = regexp.MustCompile(`()für\s+(?:die\s+|das\s+)?(\p{Lu}\p{Ll}+)\s+zuständigen\s+(?:Minister|Senator)(?:innen)?(?:\s+und\s+(?:Minister|Senatoren))?(?:,?\s+(?:Senatorinnen\s+und\s+Senatoren|Senatoren))?\s+(?:der|aller(?:\s+16|\s+sechzehn)?)\s+Länder`)

// meetingOfMembersRE matches a meeting of the ministers of a conference
// named by them: "zur Frühjahrskonferenz der Digitalminister", "die
// Sitzung der Innenministerinnen und Innenminister".
var meetingOfMembersRE = regexp.MustCompile(`\p{L}*(?:[Kk]onferenz|[Ss]itzung|[Tt]reffen|[Tt]agung)\s+der\s+(\p{Lu}\p{Ll}+?)minister(?:innen)?(?:\s+und\s+(?:-\s?|\p{Lu}\p{Ll}+?)(?:minister|senatoren|senatorinnen)(?:innen)?)?\b`)

// conferenceOf maps the folded name of a ministers' conference
// ("innenministerkonferenz") to its series.
var conferenceOf = func() map[string]corpus.SeriesID {
	m := map[string]corpus.SeriesID{}
	for _, sr := range corpus.AllSeries() {
		for _, n := range append([]string{sr.Label}, sr.Aliases...) {
			if k := corpus.Fold(n); strings.HasSuffix(k, "ministerkonferenz") && !strings.Contains(k, " ") {
				m[k] = sr.ID
			}
		}
	}
	return m
}()

// regionAfter returns the region a hyphen joins to a series name at byte
// end of s ("MPK-Ost", "IMK-Nord").
func regionAfter(s string, end int) (string, bool) {
	if end >= len(s) || s[end] != '-' {
		return "", false
	}
	for _, r := range []string{"Ost", "West", "Nord", "Süd"} {
		if strings.HasPrefix(s[end+1:], r) && boundaryAfter(s, end+1+len(r)) {
			return r, true
		}
	}
	return "", false
}

// memberHits returns the series whose members s names ("die Innenminister
// der Länder" → the Innenministerkonferenz; "die Frühjahrskonferenz der
// Digitalminister" → the DMK), where a registered series is the conference
// of those ministers.
func memberHits(s string) []seriesHit {
	if !strings.Contains(s, "inister") {
		return nil // what the patterns need, found without running them
	}
	var ms [][]int
	if strings.Contains(s, "Länder") {
		ms = membersRE.FindAllStringSubmatchIndex(s, -1)
		if strings.Contains(s, "zuständigen") {
			ms = append(ms, portfolioMembersRE.FindAllStringSubmatchIndex(s, -1)...)
		}
	}
	if strings.Contains(s, " der ") {
		ms = append(ms, meetingOfMembersRE.FindAllStringSubmatchIndex(s, -1)...)
	}
	var out []seriesHit
	for _, m := range ms {
		if !boundaryBefore(s, m[0]) {
			continue
		}
		prefix := s[m[2]:m[3]]
		if len(m) > 4 && m[4] >= 0 {
			// "die für Digitales zuständigen Ministerinnen und Minister
			// der Länder": the ministers by their portfolio
			p, ok := german.PortfolioMinister(s[m[4]:m[5]])
			if !ok {
				continue
			}
			prefix = p
		}
		if id, ok := conferenceOf[corpus.Fold(prefix)+"ministerkonferenz"]; ok {
			// weak: the members of the DMK met as the D16 before; a document
			// that names its series means that one
			out = append(out, seriesHit{series: id, s: m[0], e: m[1], weak: true})
		}
	}
	return out
}

// transformWords signal that a series named after "zu"/"zur"/"als" is the
// result of a change, not a meeting: "zu einer Digitalministerkonferenz
// weiterentwickelt", "als eigenständige Digitalministerkonferenz gegründet".
var transformWords = []string{"weiterentwick", "entwickel", "aufwert", "umgewandelt", "umwandl", "umzuwandeln", "gründ", "verstetig", "formalisier", "einsetzen", "einzusetzen", "werden", "wird"}

// findSeries returns the series named in s, longest names first, without
// overlaps, in text order.
func (e *Extractor) findSeries(s string) []seriesHit {
	return e.findSeriesIn(s, strings.ToLower(s), german.Tokenize(s))
}

// findSeriesIn is findSeries for a caller that has the lower case of s
// (strings.ToLower) and its tokens.
func (e *Extractor) findSeriesIn(s, low string, toks []german.Token) []seriesHit {
	var hits []seriesHit
	for _, i := range e.aliases.candidates(low) {
		a := &e.aliases.list[i]
		for _, m := range a.re.FindAllStringIndex(s, -1) {
			if !boundaryBefore(s, m[0]) || !boundaryAfter(s, m[1]) {
				continue
			}
			id, e := a.series, m[1]
			if r, ok := regionAfter(s, m[1]); ok {
				// "MPK-Ost": the conference of a region's Länder, a body
				// of its own
				id, e = corpus.SeriesID(string(a.series)+"-"+strings.ToLower(r)), m[1]+1+len(r)
			}
			hits = append(hits, seriesHit{series: id, s: m[0], e: e, weak: a.weak})
		}
	}
	hits = append(hits, memberHits(s)...)
	hits = append(hits, e.formBodies(s, toks, hits)...)
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].s != hits[j].s {
			return hits[i].s < hits[j].s
		}
		return hits[i].e > hits[j].e
	})
	var out []seriesHit
	for _, h := range hits {
		if len(out) > 0 && h.s < out[len(out)-1].e {
			continue
		}
		out = append(out, h)
	}
	// A name with its abbreviation in parentheses is one name:
	// "Konferenz der Regierungschefinnen und Regierungschefs der Länder (MPK)".
	merged := out[:0]
	for _, h := range out {
		if n := len(merged); n > 0 && merged[n-1].series == h.series &&
			strings.TrimSpace(s[merged[n-1].e:h.s]) == "(" && strings.HasPrefix(s[h.e:], ")") {
			merged[n-1].e = h.e + 1
			continue
		}
		merged = append(merged, h)
	}
	out = merged
	transform := false
	for _, w := range transformWords {
		if len(out) == 0 {
			break // no series to be the target of a change
		}
		if strings.Contains(low, w) {
			transform = true
			break
		}
	}
	for i := range out {
		if !transform {
			break
		}
		before := lastWords(s[:out[i].s], 3)
		for k, w := range before {
			lw := strings.ToLower(w)
			if lw == "zur" || lw == "zum" || lw == "als" || lw == "zu" && k+1 < len(before) && strings.HasPrefix(strings.ToLower(before[k+1]), "ein") ||
				lw == "gründung" || lw == "weiterentwicklung" {
				out[i].target = true
			}
		}
	}
	return out
}

func boundaryBefore(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !german.IsWordRune(r)
}

func boundaryAfter(s string, i int) bool { return german.IsWordBoundary(s, i) }

// lastWords returns up to n words (german.Tokenize) at the end of s.
func lastWords(s string, n int) []string {
	ts := german.Tokenize(s)
	if len(ts) > n {
		ts = ts[len(ts)-n:]
	}
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Raw
	}
	return out
}

// formBodies returns the bodies that s names by the form of their name
// (german.FindBodies: "Digitalkabinett", "Europaministerkonferenz") and that
// no registered series name covers. Such a body is a series of its own: its
// id is its name in lower case, with the code of the Land it belongs to
// when the name says so ("das hessische Digitalkabinett", "Digitalkabinett
// der Hessischen Landesregierung", "des Landes Hessen") — two Länder's
// cabinets are two bodies.
func (e *Extractor) formBodies(s string, toks []german.Token, known []seriesHit) []seriesHit {
	var out []seriesHit
	var lands []extract.LandHit
	looked := false
	for _, b := range german.FindBodiesIn(s, toks) {
		if overlapsHit(known, b.Start, b.End) {
			continue
		}
		if !looked && e.x != nil {
			lands, looked = e.x.FindLaender(s), true
		}
		id := strings.ToLower(b.Name)
		if l := bodyLand(s, b, lands); l != "" {
			id += "-" + strings.ToLower(string(l))
		}
		out = append(out, seriesHit{series: corpus.SeriesID(id), s: b.Start, e: b.End, abbrev: b.Abbrev})
	}
	// a gathering named by its genitive, where the sentence names no known
	// series: "D16 – Konferenz der CIOs der Länder" is the D16
	strong := slices.ContainsFunc(known, func(h seriesHit) bool { return !h.weak })
	for _, g := range append(append(eventGenitives(s, toks), headGroups(s, toks)...), namedEvents(s, toks)...) {
		if strong || overlapsHit(known, g.s, g.e) || overlapsHit(out, g.s, g.e) {
			continue
		}
		out = append(out, g)
	}
	return out
}

// namedEventHeads are the nouns of gatherings that a name may follow
// directly: "die Fachkonferenz Open Data der Länder", "der Fachtag Digitale
// Schule".
var namedEventHeads = []string{"konferenz", "tagung", "forum", "gipfel", "werkstatt", "fachtag", "kongress"}

// notNames are capitalised words after an event noun that are no part of
// its name: times ("die Konferenz Ende Mai", and the months and weekdays of
// the calendar lexicon) and the Länder.
var notNames = map[string]bool{"ende": true, "anfang": true, "mitte": true, "länder": true, "bundesländer": true}

// notName reports whether a capitalised word after an event noun is no part
// of its name.
func notName(w string) bool {
	_, month := german.Month(w)
	_, day := german.Weekday(w)
	return month || day || notNames[strings.ToLower(w)] || isLandName(w)
}

// namedEvents returns gatherings named by an event noun and the name right
// after it: "Fachkonferenz Open Data" → "fachkonferenz open data".
func namedEvents(s string, toks []german.Token) []seriesHit {
	var out []seriesHit
	for i := 0; i+1 < len(toks); i++ {
		lw := toks[i].Lower
		if !german.IsUpperInitial(toks[i].Raw) || !slices.ContainsFunc(namedEventHeads, func(h string) bool { return strings.HasSuffix(lw, h) }) {
			continue
		}
		k := i + 1
		for k < len(toks) && k-i <= 3 && toks[k].Sep == " " && german.IsUpperInitial(toks[k].Raw) && !german.IsAllUpper(toks[k].Raw) &&
			!notName(toks[k].Raw) {
			k++
		}
		if k == i+1 {
			continue
		}
		out = append(out, seriesHit{series: corpus.SeriesID(strings.ToLower(s[toks[i].Start:toks[k-1].End])), s: toks[i].Start, e: toks[k-1].End})
		i = k - 1
	}
	return out
}

// isLandName reports whether w is the name of a Land or a part of one
// ("Bayern", "Rheinland-Pfalz", "Sachsen").
func isLandName(w string) bool {
	for _, l := range corpus.Laender().All() {
		if strings.HasPrefix(l.Name, w) {
			return true
		}
	}
	return false
}

// groupHeads are the plural nouns of the heads of offices who meet as a
// group named by them: "die Leiterinnen und Leiter der …".
var groupHeads = map[string]string{
	"leiter": "leiter", "leiterinnen": "leiter", "chefs": "chefs", "chefinnen": "chefs",
	"präsidenten": "präsidenten", "präsidentinnen": "präsidenten", "direktoren": "direktoren", "direktorinnen": "direktoren",
}

// headGroups returns the gatherings a sentence names by the heads of the
// offices that meet: "die Leiterinnen und Leiter der Computer Emergency
// Response Teams der Länder" is a body of its own, "leiter der computer
// emergency response teams der länder". The offices are capitalised words
// (at most five, and "der Länder" after them), not the Länder alone.
func headGroups(s string, toks []german.Token) []seriesHit {
	var out []seriesHit
	for i := 0; i+2 < len(toks); i++ {
		head, ok := groupHeads[toks[i].Lower]
		if !ok || i == 0 || toks[i-1].Lower != "die" {
			continue
		}
		j := i + 1
		// "Leiterinnen und Leiter"
		if j+1 < len(toks) && toks[j].Lower == "und" && groupHeads[toks[j+1].Lower] == head {
			j += 2
		}
		if j >= len(toks) || toks[j].Lower != "der" {
			continue
		}
		k := j + 1
		for k < len(toks) && k-j <= 5 && german.IsUpperInitial(toks[k].Raw) && (k == j+1 || toks[k].Sep == " " || toks[k].Sep == "-") {
			k++
		}
		if k == j+1 || strings.HasPrefix(toks[j+1].Lower, "länder") {
			continue
		}
		end := toks[k-1].End
		if k+1 < len(toks) && toks[k].Lower == "der" && strings.HasPrefix(toks[k+1].Lower, "länder") {
			end = toks[k+1].End
		}
		out = append(out, seriesHit{series: corpus.SeriesID(head + " der " + strings.ToLower(s[toks[j+1].Start:end])), s: toks[i].Start, e: end})
		i = k
	}
	return out
}

// eventNounEndings end the nouns of a gathering (or a working group) whose genitive names who
// gathers: "die Jahrestagung des Lagebildverbunds der Landes-CERTs", "die
// Konferenz der Landes-CERTs".
var eventNounEndings = []string{"tagung", "konferenz", "sitzung", "treffen", "versammlung", "arbeitskreis", "forum"}

// networkHeads are the heads of the names of networks and associations
// that meet, with their genitive endings. They are no body heads of their
// own in running text ("Verkehrsverbund" names no meeting series) but are
// the body where a gathering is theirs.
var networkHeads = map[string][]string{"verbund": {"", "s", "es"}, "netzwerk": {"", "s", "es"}, "verband": {"", "s", "es"}, "bündnis": {"", "ses"}}

// networkForms are the forms of networkHeads, each with its ending's length
// (a word ends in the form of one head at most, so their order is none).
var networkForms = func() []struct {
	form   string
	ending int
} {
	var out []struct {
		form   string
		ending int
	}
	for head, endings := range networkHeads {
		for _, e := range endings {
			out = append(out, struct {
				form   string
				ending int
			}{head + e, len(e)})
		}
	}
	return out
}()

// networkName returns the name of the network g names, in the nominative
// ("Lagebildverbunds" → "Lagebildverbund"), when a network head ends it
// after a prefix of more than three letters.
func networkName(g string) (string, bool) { return networkNameLower(g, strings.ToLower(g)) }

// networkNameLower is networkName of g and its lower case lg.
func networkNameLower(g, lg string) (string, bool) {
	for _, f := range networkForms {
		if strings.HasSuffix(lg, f.form) && len(lg) > len(f.form)+3 {
			return g[:len(g)-f.ending], true // the endings are ASCII
		}
	}
	return "", false
}

// eventGenitives returns the bodies a gathering's genitive names where no
// body head does: a network ("Jahrestagung des Lagebildverbunds der
// Landes-CERTs" → "Lagebildverbund der Landes-CERTs") or a group named by
// a plural acronym or a hyphenated compound ("Konferenz der Landes-CERTs").
// The Länder themselves, members and participants are no such group.
func eventGenitives(s string, toks []german.Token) []seriesHit {
	var out []seriesHit
	word := func(i int) (string, int) { // a capitalised word with its hyphenated parts, and its last token
		j := i
		for j+1 < len(toks) && toks[j+1].Sep == "-" {
			j++
		}
		return s[toks[i].Start:toks[j].End], j
	}
	for i := 0; i+2 < len(toks); i++ {
		lw := toks[i].Lower
		// "trafen sich in Hannover die Digitalagenturen der Länder zu
		// ihrem jährlichen Netzwerktreffen": the Länder's offices of one
		// kind, gathering, are a group that meets
		if german.IsUpperInitial(toks[i].Raw) && strings.HasSuffix(lw, "en") && german.HasInstitutionHead(strings.TrimSuffix(toks[i].Raw, "en")) &&
			!strings.Contains(toks[i].Raw, "-") && ofTheLaender(toks, i+1) && gatherVerb(clauseOf(toks, i)) {
			out = append(out, seriesHit{series: corpus.SeriesID(lw + " der länder"), s: toks[i].Start, e: toks[i+2].End, ofLaender: true})
			i += 2
			continue
		}
		// "Zu ihrem jährlichen Verbundtreffen sind die
		// Computer-Notfallteams der Länder … zusammengekommen": a
		// hyphenated group of the Länder's offices, gathering, meets as one
		// (as in the genitive of a gathering below); not a group of people
		// ("die IT-Verantwortlichen aller Länder" are a series' members)
		if german.IsUpperInitial(toks[i].Raw) && i+1 < len(toks) && toks[i+1].Sep == "-" && (i == 0 || toks[i].Sep != "-") {
			// not "der Länder Sachsen und Thüringen" (some of them), nor
			// "trafen sich Vertreter des BSI … mit den Computer-Notfallteams"
			clause := clauseOf(toks, i)
			if g, j := word(i); ofTheLaender(toks, j+1) && german.IsUpperInitial(toks[j].Raw) && officesWord(g) && gatherVerb(clause) &&
				!(j+3 < len(toks) && toks[j+3].Sep == " " && german.IsUpperInitial(toks[j+3].Raw)) && !withBefore(clause, toks[i].Start) {
				out = append(out, seriesHit{series: corpus.SeriesID(strings.ToLower(g) + " der länder"), s: toks[i].Start, e: toks[j+2].End, ofLaender: true})
				i = j + 2
				continue
			}
		}
		// "die Mitglieder des „CERT-Verbunds Mitte“ kamen zu ihrer
		// Jahrestagung zusammen": the members of a network gather as it
		// "die Leitungen der Landes-CERTs des CERT-Verbunds Nord sind …
		// zusammengekommen": and so do the heads of its members
		members := memberWords[lw] &&
			(slices.ContainsFunc(toks, eventTok) || gatherVerb(toks))
		if !german.IsUpperInitial(toks[i].Raw) || !members && !eventTok(toks[i]) {
			continue
		}
		art := toks[i+1].Lower
		gi := i + 2
		for art == "der" && gi+1 < len(toks) && gi < i+4 && !german.IsUpperInitial(toks[gi].Raw) && adjectiveForm(toks[gi].Raw) {
			gi++ // "Treffens der norddeutschen Landes-CERTs"
		}
		if (art != "des" && art != "der" && art != "von") || !quotedOrSpace(toks[gi].Sep) || !german.IsUpperInitial(toks[gi].Raw) {
			continue
		}
		g, j := word(gi)
		if _, nw := networkName(g); members && !nw && j+2 < len(toks) && toks[j+1].Lower == "des" && quotedOrSpace(toks[j+2].Sep) {
			// the members' own genitive before the network's: "der
			// Landes-CERTs des CERT-Verbunds Nord"
			if g2, j2 := word(j + 2); german.IsUpperInitial(toks[j+2].Raw) {
				if _, nw2 := networkName(g2); nw2 {
					gi, g, j = j+2, g2, j2
				}
			}
		}
		// "Jahrestreffen der Computer-Notfallteams der Länder"; the
		// gathering's compound may say whose it is: "Ländertreffen der
		// Open-Source-Beauftragten"
		ofLaender := art == "der" && !groupWord(g) && (ofTheLaender(toks, j+1) || laenderGathering(lw)) && strings.Contains(g, "-")
		name, network := networkName(g)
		if members && !network {
			continue
		}
		if network {
			// "CERT-Verbund Mitte", "Lagebildverbund Nord": a point of the
			// compass or "Mitte" completes the name
			if k := j + 1; networkTail(toks, k) {
				name += " " + toks[k].Raw
				j = k
			}
		}
		switch {
		case art == "von":
			// the assembly of an organisation named after "von": "die
			// Trägerversammlung von Dataport"; not "von Bund und Ländern",
			// nor "die Sitzung von Staatsrat X"
			lg := strings.ToLower(g)
			if !strings.HasSuffix(lw, "versammlung") || strings.HasPrefix(lg, "bund") || strings.HasPrefix(lg, "länder") || strings.HasPrefix(lg, "land") {
				continue
			}
			name = toks[i].Raw + " von " + g
		case network:
		case german.IsAllUpper(strings.ReplaceAll(g, "-", "")) && len(g) >= 3 && art == "des":
			// an organisation by its acronym: "Jahrestagung des CERT
			// Nord", with the capitalised word of its name after it
			name = g
			if k := j + 1; k < len(toks) && toks[k].Sep == " " && german.IsUpperInitial(toks[k].Raw) && !german.IsAllUpper(toks[k].Raw) {
				name += " " + toks[k].Raw
				j = k
			}
		case art == "der" && landesOffices(g):
			// the Länder's offices of one kind: "Forum der
			// Landesdigitalagenturen"
			name = toks[i].Raw + " der " + g
		case art == "der" && (groupWord(g) || ofLaender):
			// a plural acronym ("Landes-CERTs"), or a hyphenated group of
			// the Länder ("Computer-Notfallteams der Länder")
			base := toks[i].Raw
			for _, e := range eventNounEndings {
				if strings.HasSuffix(lw, e) || strings.HasSuffix(lw, e+"s") {
					base = strings.ToUpper(e[:1]) + e[1:]
				}
			}
			name = base + " der " + g
		default:
			continue
		}
		end := toks[j].End
		// a further genitive: "… des Lagebildverbunds der Landes-CERTs"
		if k := j + 1; k+1 < len(toks) && (toks[k].Lower == "der" || toks[k].Lower == "des") &&
			toks[k+1].Sep == " " && german.IsUpperInitial(toks[k+1].Raw) && !groupWord(g) {
			g2, j2 := word(k + 1)
			name += " " + toks[k].Lower + " " + g2
			end = toks[j2].End
		}
		out = append(out, seriesHit{series: corpus.SeriesID(strings.ToLower(name)), s: toks[gi].Start, e: end, ofLaender: ofLaender})
		i = j
	}
	return out
}

// laenderGathering reports whether a lower-case event noun is a compound
// that names the Länder as those who gather: "ländertreffen",
// "länderkonferenz".
func laenderGathering(lw string) bool {
	rest, ok := strings.CutPrefix(lw, "länder")
	return ok && len(rest) >= 5 && eventNounLower(rest)
}

// withBefore reports whether "mit" stands in the clause before byte off:
// "trafen sich Vertreter des BSI … mit Experten und den
// Computer-Notfallteams der Länder".
func withBefore(clause []german.Token, off int) bool {
	return slices.ContainsFunc(clause, func(t german.Token) bool { return t.Start < off && strings.EqualFold(t.Raw, "mit") })
}

// officesWord reports whether a hyphenated plural names offices or their
// emergency and security teams, not people: "Computer-Notfallteams",
// "Cyber-Abwehrteams", "Landes-CERTs"; "IT-Dienstleister", "Schul-Teams"
// are no such word (people and firms meet in many bodies).
func officesWord(g string) bool {
	if groupWord(g) || institutionPlural(g) {
		return true
	}
	last := strings.ToLower(g[strings.LastIndexByte(g, '-')+1:])
	for _, team := range []string{"notfallteams", "sicherheitsteams", "abwehrteams", "reaktionsteams"} {
		if strings.HasSuffix(last, team) {
			return true // not "Hackathon-Teams", "Schul-Teams"
		}
	}
	return false
}

// institutionPlural reports whether w is the plural of a word with an
// institution's head: "Digitalagenturen", "Datenschutzbehörden".
func institutionPlural(w string) bool {
	for _, e := range []string{"en", "n"} {
		if base, ok := strings.CutSuffix(w, e); ok && german.HasInstitutionHead(base) {
			return true
		}
	}
	return false
}

// landesOffices reports whether a word is the plural of a Land's office
// kind, the offices of all Länder: "Landesdigitalagenturen",
// "Landesdatenschutzbehörden".
func landesOffices(w string) bool {
	lw := strings.ToLower(w)
	return strings.HasPrefix(lw, "landes") && !strings.Contains(lw, "-") && len(lw) >= 12 && institutionPlural(w)
}

// clauseOf returns the tokens of the clause token i stands in (between
// commas, semicolons, colons and dashes), or nil for a clause of purpose
// ("…, um die Digitalagenturen der Länder zu beraten").
func clauseOf(toks []german.Token, i int) []german.Token {
	from, to := i, i+1
	for from > 0 && !german.ClauseBreak(toks[from].Sep) {
		from--
	}
	for to < len(toks) && !german.ClauseBreak(toks[to].Sep) {
		to++
	}
	if strings.EqualFold(toks[from].Raw, "um") {
		return nil
	}
	return toks[from:to]
}

// memberWords are the nouns of a network's members and their heads, whose
// gathering is the network's meeting.
var memberWords = map[string]bool{"mitglieder": true, "partner": true, "leitungen": true, "leiter": true,
	"leiterinnen": true, "vertreter": true, "vertreterinnen": true, "delegationen": true}

// gatherVerb reports whether tokens say that people gathered:
// "zusammengekommen", "kamen … zusammen", "trafen sich", "tagten".
func gatherVerb(toks []german.Token) bool {
	together, come, self, meet := false, false, false, false
	for _, t := range toks {
		switch t.Lower {
		case "zusammengekommen", "zusammenkamen", "tagten", "tagte", "versammelten", "versammelt":
			return true
		case "zusammen":
			together = true
		case "kamen", "kam", "kommen":
			come = true
		case "sich":
			self = true
		case "trafen", "getroffen":
			meet = true
		}
	}
	return together && come || self && meet
}

// networkTail reports whether token k completes the name of a network
// before it: a point of the compass, "Mitte" (not "Mitte Mai") or a
// landscape ("Datenverbund Weser").
func networkTail(toks []german.Token, k int) bool {
	if k >= len(toks) || toks[k].Sep != " " {
		return false
	}
	w := toks[k].Raw
	return german.IsNameTail(w) || german.IsLandscape(w) || w == "Mitte" && !timeAfter(toks, k+1)
}

// adjectiveForm reports whether a lower-case word has the ending of an
// inflected adjective ("norddeutschen", "jährlichen").
func adjectiveForm(w string) bool {
	for _, e := range []string{"en", "er", "e", "es"} {
		if strings.HasSuffix(w, e) && len(w) > len(e)+3 {
			return true
		}
	}
	return false
}

// ofTheLaender reports whether tokens k and k+1 are "der Länder" or "aller
// Länder".
func ofTheLaender(toks []german.Token, k int) bool {
	return k+1 < len(toks) && (toks[k].Lower == "der" || toks[k].Lower == "aller") &&
		toks[k+1].Lower == "länder"
}

// timeAfter reports whether token k is a month or a number: "Mitte Mai",
// "Mitte 2072" tell a time, not a name.
func timeAfter(toks []german.Token, k int) bool {
	if k >= len(toks) {
		return false
	}
	_, month := german.Month(toks[k].Raw)
	return month || toks[k].Raw[0] >= '0' && toks[k].Raw[0] <= '9'
}

// eventNoun reports whether a capitalised word is a noun of a gathering
// (see eventNounEndings).
func eventNoun(w string) bool {
	return german.IsUpperInitial(w) && eventNounLower(strings.ToLower(w))
}

// eventTok is eventNoun of a token.
func eventTok(t german.Token) bool {
	return german.IsUpperInitial(t.Raw) && eventNounLower(t.Lower)
}

// eventNounLower reports whether a lower-case word ends in an event noun.
func eventNounLower(lw string) bool {
	return slices.ContainsFunc(eventNounForms, func(e string) bool { return strings.HasSuffix(lw, e) })
}

// eventNounForms are eventNounEndings also in the genitive: "des
// jährlichen Treffens".
var eventNounForms = func() []string {
	var out []string
	for _, e := range eventNounEndings {
		out = append(out, e, e+"s")
	}
	return out
}()

// quotedOrSpace reports whether a token's separator is a space, perhaps
// with an opening quotation mark: "des „CERT-Verbunds Mitte“".
func quotedOrSpace(sep string) bool {
	switch sep {
	case " ", " „", " \"", " »", " “":
		return true
	}
	return false
}

// groupWord reports whether a word names a group that may gather as a body
// of its own: a plural acronym or a hyphenated compound with one
// ("Landes-CERTs", "Länder-CERTs", "CIOs"), not the Länder, members or
// participants.
func groupWord(w string) bool {
	last := w
	k := strings.LastIndexByte(w, '-')
	if k >= 0 {
		last = w[k+1:]
	}
	if len(last) < 3 || !strings.HasSuffix(last, "s") || !german.IsAllUpper(strings.TrimSuffix(last, "s")) {
		return false
	}
	if k >= 0 {
		return true // "Landes-CERTs", "Länder-CERTs": the offices, not the Länder
	}
	lw := strings.ToLower(w)
	for _, no := range []string{"länder", "bundesländer", "mitglieder", "teilnehm", "vertreter", "gäste"} {
		if strings.HasPrefix(lw, no) {
			return false
		}
	}
	return true
}

// bodyLand returns the Land a body's name belongs to: an adjective right
// before it ("das hessische Digitalkabinett") or a genitive right after it
// ("… der Hessischen Landesregierung", "… des Landes Hessen", "…
// Sachsens"), or "".
func bodyLand(s string, b german.BodyHit, lands []extract.LandHit) corpus.LandCode {
	for _, l := range lands {
		if l.End <= b.Start && strings.TrimSpace(s[l.End:b.Start]) == "" && b.Start-l.End <= 2 && l.Kind == extract.FormAdjective {
			return l.Land
		}
		if l.Start >= b.End && l.Start-b.End <= 24 {
			gap := strings.Fields(strings.ToLower(s[b.End:l.Start]))
			ok := len(gap) > 0 || l.Kind == extract.FormGenitive
			for _, w := range gap {
				switch w {
				case "der", "des", "landes", "freistaats", "freistaates", "senats":
				default:
					ok = false
				}
			}
			if ok && l.Kind != extract.FormName || ok && len(gap) > 0 {
				return l.Land
			}
		}
	}
	return ""
}

// docAbbreviations adds to every sentence the bodies named by the
// abbreviation a sentence gave them in brackets ("Digitalrat (DR)" … "der
// DR tagte").
//
// It also gives a body's name without its Land the Land the document gives
// it elsewhere: "Das Digitalkabinett der Bayerischen Staatsregierung …" and
// "Digitalkabinett tagt in Nürnberg" are one body.
func docAbbreviations(sents []*sent) {
	abbr := map[string]corpus.SeriesID{}
	qualified := map[corpus.SeriesID][]corpus.SeriesID{}
	for _, st := range sents {
		for _, h := range st.series {
			if h.abbrev != "" {
				abbr[h.abbrev] = h.series
			}
			if base, l := corpus.SeriesBase(h.series); l != "" && !slices.Contains(qualified[base], h.series) {
				qualified[base] = append(qualified[base], h.series)
			}
		}
	}
	for _, st := range sents {
		for i, h := range st.series {
			if q := qualified[h.series]; len(q) == 1 {
				st.series[i].series = q[0]
			}
		}
	}
	if len(abbr) == 0 {
		return
	}
	for _, st := range sents {
		for _, t := range st.toks {
			id, ok := abbr[t.Raw]
			if !ok {
				continue
			}
			if !overlapsHit(st.series, t.Start, t.End) {
				st.series = append(st.series, seriesHit{series: id, s: t.Start, e: t.End})
			}
		}
		sort.Slice(st.series, func(i, j int) bool { return st.series[i].s < st.series[j].s })
	}
}

// networkMeetings gives a network's meeting named by a compound of the
// network's head and a gathering ("beim ersten Verbundtreffen", "die
// Netzwerksitzung") the network the document names: "Hessen, Thüringen
// und Rheinland-Pfalz haben den „Cyberabwehrverbund Mitte“ gegründet. …
// beim ersten Verbundtreffen in Wiesbaden" is a meeting of the
// Cyberabwehrverbund Mitte. A compound the sentence gives a body already
// ("Verbundtreffen der Länder-CERTs") keeps it.
func networkMeetings(sents []*sent) {
	name := ""
	for _, st := range sents {
		toks := st.toks
		for i, t := range toks {
			if !german.IsUpperInitial(t.Raw) || i+1 < len(toks) && toks[i+1].Sep == "-" {
				continue
			}
			n, ok := networkNameLower(t.Raw, t.Lower)
			if !ok || eventTok(t) {
				continue
			}
			if k := i + 1; networkTail(toks, k) {
				n += " " + toks[k].Raw
			}
			name = strings.ToLower(n)
			break
		}
		if name != "" {
			break
		}
	}
	if name == "" {
		return
	}
	for _, st := range sents {
		added := false
		for _, t := range st.toks {
			if !networkEvent(t.Raw) || overlapsHit(st.series, t.Start, t.End) || genitiveHit(st, t.End) {
				continue
			}
			st.series = append(st.series, seriesHit{series: corpus.SeriesID(name), s: t.Start, e: t.End})
			added = true
		}
		if added {
			sort.Slice(st.series, func(i, j int) bool { return st.series[i].s < st.series[j].s })
		}
	}
}

// genitiveHit reports whether a series hit of the sentence is the genitive
// right after byte end: "Verbundtreffen der Länder-CERTs".
func genitiveHit(st *sent, end int) bool {
	rest := st.text[end:min(len(st.text), end+5)]
	for _, art := range []string{" der ", " des "} {
		if strings.EqualFold(rest, art) {
			return slices.ContainsFunc(st.series, func(h seriesHit) bool { return h.s == end+len(art) })
		}
	}
	return false
}

// networkEvent reports whether w is a gathering of a network named by the
// network's head alone: "Verbundtreffen", "Netzwerksitzung".
func networkEvent(w string) bool {
	if !eventNoun(w) {
		return false
	}
	lw := strings.ToLower(w)
	for head := range networkHeads {
		if strings.HasPrefix(lw, head) {
			return true
		}
	}
	return false
}

// landBodyOfDoc qualifies a body found by its form that names no Land with
// the document's Land (from its manifest), where the body is a Land's own:
// a cabinet ("das Digitalkabinett"), or a body "der Landesregierung", "der
// Staatsregierung" or "des Senats" ("Das Digitalkabinett der
// Landesregierung hat … getagt" in a Brandenburg press release →
// digitalkabinett-bb). A body of the Bund and the Länder is no Land's.
func (e *Extractor) landBodyOfDoc(d *docState) {
	if d.doc.Land == "" {
		return
	}
	for _, st := range d.sents {
		for i, h := range st.series {
			if _, known := corpus.SeriesByID(h.series); known {
				continue
			}
			base, l := corpus.SeriesBase(h.series)
			if l != "" || strings.Contains(string(base), "bund") {
				continue
			}
			// "das Digitalkabinett der Landesregierung Bayern": the Land
			// the sentence gives right after it, not the document's
			land := d.doc.Land
			if e.x != nil {
				for _, l := range e.x.FindLaender(st.text[h.e:min(len(st.text), h.e+40)]) {
					land = l.Land
					break
				}
			}
			after := strings.ToLower(st.text[h.e:min(len(st.text), h.e+24)])
			if strings.HasSuffix(string(base), "kabinett") || strings.HasSuffix(string(base), "kabinettsausschuss") ||
				strings.HasPrefix(strings.TrimSpace(after), "der landesregierung") || strings.HasPrefix(strings.TrimSpace(after), "der staatsregierung") ||
				strings.HasPrefix(strings.TrimSpace(after), "des senats") {
				st.series[i].series = corpus.SeriesID(string(base) + "-" + strings.ToLower(string(land)))
			}
		}
	}
}

// overlapsHit reports whether the byte range [s, e) overlaps a hit.
func overlapsHit(hits []seriesHit, s, e int) bool {
	for _, h := range hits {
		if s < h.e && h.s < e {
			return true
		}
	}
	return false
}
