package german

import (
	"cmp"
	_ "embed"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/laendergraph/laendergraph/corpus"
)

//go:embed data/organisations.tsv
var organisationsText string

//go:embed data/laws.tsv
var lawsText string

// headUse says what a name needs besides its head noun (see
// data/organisations.tsv).
type headUse int

const (
	useStrong headUse = iota
	useClassifier
	useWeak
)

// head is one head noun of organisation names or law titles.
type head struct {
	kind string
	use  headUse
}

// headTable maps head nouns (folded to lower case) to what they name, with
// the words that end in a head but are none.
type headTable struct {
	heads   map[string]head
	not     map[string]bool
	generic map[string]bool
	// ends are the keys of heads, longest first, for match to find the
	// heads a word ends with without looking up each of its endings.
	ends []string
}

func parseHeads(src string) headTable {
	t := headTable{heads: map[string]head{}, not: map[string]bool{}, generic: map[string]bool{}}
	for _, ln := range lines(src) {
		switch {
		case strings.HasPrefix(ln, "!"):
			t.not[strings.ToLower(ln[1:])] = true
			continue
		case strings.HasPrefix(ln, "="):
			t.generic[strings.ToLower(ln[1:])] = true
			continue
		}
		f := strings.Split(ln, "\t")
		h := head{kind: f[1]}
		if len(f) > 2 {
			switch f[2] {
			case "classifier":
				h.use = useClassifier
			case "weak":
				h.use = useWeak
			}
		}
		t.heads[strings.ToLower(f[0])] = h
	}
	for k := range t.heads {
		t.ends = append(t.ends, k)
	}
	// two heads of one length cannot both end a word: their order is none
	slices.SortFunc(t.ends, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	return t
}

var (
	orgHeads = parseHeads(organisationsText)
	lawHeads = parseHeads(lawsText)
)

// match returns the head that the word part w (lower case) ends with, its
// uninflected form and whether w is exactly the head. A head that is only
// the end of w must leave at least three letters before it.
func (t headTable) match(w string) (head, string, bool, bool) {
	for _, cand := range []string{w, strings.TrimSuffix(w, "es"), strings.TrimSuffix(w, "s")} {
		if t.not[cand] {
			return head{}, "", false, false
		}
		if h, ok := t.heads[cand]; ok {
			return h, cand, true, true
		}
		// A head at the end of cand that leaves three letters before it
		// makes cand an organisation; its head is the longest head cand
		// ends with ("landesbetrieb" over "betrieb"), whatever it leaves.
		var longest head
		found, room := false, false
		for _, e := range t.ends { // longest first
			if len(e) >= len(cand) || !strings.HasSuffix(cand, e) {
				continue
			}
			if !found {
				longest, found = t.heads[e], true
			}
			if utf8.RuneCountInString(cand[:len(cand)-len(e)]) >= 3 {
				room = true
				break
			}
		}
		if room {
			return longest, cand, false, true
		}
	}
	return head{}, "", false, false
}

// OrgHit is an organisation named at the byte range [Start, End) of a text.
type OrgHit struct {
	Start, End int
	// Name is the name with its head noun uninflected ("Landesamt für
	// Sicherheit in der Informationstechnik", "Thüringer Digitalagentur"),
	// without the abbreviation.
	Name string
	// Abbrev is the abbreviation given in parentheses after the name.
	Abbrev string
	// Kind is the kind of its head noun: agency, office, authority, centre,
	// institute, cooperative, provider, company, cert, …
	Kind string
	// Key identifies the organisation within its Land: the name without the
	// words that name the Land, folded, adjectives stemmed.
	Key string
	// Land is the Land the name itself names ("Digitalagentur Sachsen",
	// "Bayern-CERT", "des Landes Berlin", "Thüringer …"), or the genitive
	// right before it ("Brandenburgs Digitalagentur").
	Land corpus.LandCode
	// Own: the name says it belongs to the Land spoken of without naming
	// it ("des Landes", "der Landesregierung", "Landesamt").
	Own bool
	// Federal: the name says it is the Bund's or the EU's ("Bundesamt",
	// "des Bundes").
	Federal bool
	// Head is the head noun, uninflected and folded, without a Land inside
	// it ("cybersicherheitsagentur", "landesamt", "cert").
	Head string
	// Proper: a proper name after a classifying noun or before a legal
	// form ("Dataport", "govdigital eG"), not a Land's office by its form.
	Proper bool
	// Bare: only a compound head noun ("die Digitalagentur"); a name only
	// where the document names it fully elsewhere.
	Bare bool
}

// LawHit is a law, ordinance or treaty named at the byte range [Start, End)
// of a text.
type LawHit struct {
	Start, End int
	// Title is the title with its head noun uninflected ("Gesetz über
	// digitale Verwaltung und Informationssicherheit", "Hamburgisches
	// Transparenzgesetz"), without the abbreviation.
	Title  string
	Abbrev string
	// Kind: law, ordinance, treaty or code.
	Kind string
	// Key, Land, Own, Federal as for OrgHit.
	Key     string
	Land    corpus.LandCode
	Own     bool
	Federal bool
}

// HasInstitutionHead reports whether the word w (any case; the last part
// of a hyphenated compound counts) ends in the head noun of an
// organisation's or a law's name ("Landesamt", "E-Government-Gesetz").
func HasInstitutionHead(w string) bool {
	lw := strings.ToLower(w)
	if k := strings.LastIndexByte(lw, '-'); k >= 0 {
		lw = lw[k+1:]
	}
	_, _, _, ok := orgHeads.match(lw)
	if !ok {
		_, _, _, ok = lawHeads.match(lw)
	}
	return ok
}

// InstitutionRecogniser finds organisations and laws in text by the form of
// their names: a head noun ("-agentur", "Landesamt", "-gesetz") with what
// makes it a name — a Land, a Land adjective, a complement ("für …",
// "über …"), an abbreviation in parentheses, a legal form ("eG", "GmbH") or
// the proper name after a classifying noun ("IT-Dienstleister Dataport").
// It is safe for concurrent use.
type InstitutionRecogniser struct {
	lands *LandRecogniser
}

// NewInstitutionRecogniser returns a recogniser that reads Länder with lands.
func NewInstitutionRecogniser(lands *LandRecogniser) *InstitutionRecogniser {
	return &InstitutionRecogniser{lands: lands}
}

// word is a run of tokens joined by hyphens ("E-Government-Gesetz").
type word struct {
	start, end int
	raw        string
	parts      []string // lower case
	sep        string   // normalised text before the word
}

func (w word) last() string  { return w.parts[len(w.parts)-1] }
func (w word) lower() string { return strings.Join(w.parts, "-") }

// phrase is a text read as words with its Land hits.
type phrase struct {
	s     string
	ws    []word
	lands []LandHit
}

func (r *InstitutionRecogniser) read(s string) *phrase {
	return readPhrase(s, Tokenize(s), r.lands.FindAll(s))
}

// readPhrase joins the tokens of s (Tokenize) into hyphenated words; lands
// are the Land hits of s (LandRecogniser.FindAll).
func readPhrase(s string, toks []Token, lands []LandHit) *phrase {
	p := &phrase{s: s, lands: lands, ws: make([]word, 0, len(toks))}
	for _, t := range toks {
		if n := len(p.ws); n > 0 && t.Sep == "-" && p.ws[n-1].end < t.Start && strings.TrimSpace(s[p.ws[n-1].end:t.Start]) == s[p.ws[n-1].end:t.Start] {
			w := &p.ws[n-1]
			w.end, w.raw = t.End, s[w.start:t.End]
			w.parts = append(w.parts, t.Lower)
			continue
		}
		p.ws = append(p.ws, word{start: t.Start, end: t.End, raw: t.Raw, parts: []string{t.Lower}, sep: t.Sep})
	}
	return p
}

// landAt returns the Land hit that covers exactly the words [i, j), or false.
func (p *phrase) landAt(i, j int) (LandHit, bool) {
	if i < 0 || j > len(p.ws) || i >= j {
		return LandHit{}, false
	}
	for _, h := range p.lands {
		if h.Start == p.ws[i].start && h.End == p.ws[j-1].end {
			return h, true
		}
	}
	return LandHit{}, false
}

// landFrom returns the Land hit starting at word i and the index after it.
func (p *phrase) landFrom(i int) (LandHit, int, bool) {
	if i < 0 || i >= len(p.ws) {
		return LandHit{}, 0, false
	}
	for j := i + 1; j <= len(p.ws) && j <= i+5; j++ {
		if h, ok := p.landAt(i, j); ok && !h.Compound {
			return h, j, true
		}
	}
	return LandHit{}, 0, false
}

// adjacent reports whether word i follows word i-1 after white space only.
func (p *phrase) adjacent(i int) bool {
	return i > 0 && i < len(p.ws) && p.ws[i].sep == " "
}

// is reports whether word i is one of ws (lower case).
func (p *phrase) is(i int, ws ...string) bool {
	if i < 0 || i >= len(p.ws) {
		return false
	}
	l := p.ws[i].lower()
	for _, w := range ws {
		if l == w {
			return true
		}
	}
	return false
}

var adjEndings = []string{"e", "en", "er", "es", "em"}

// isAdjective reports whether word i looks like an inflected adjective:
// not a function word, ending in -e, -en, -er, -es or -em.
func (p *phrase) isAdjective(i int) bool {
	w := p.ws[i]
	if len(w.parts) > 1 || IsStopword(w.raw) || utf8.RuneCountInString(w.raw) < 4 {
		return false
	}
	for _, e := range adjEndings {
		if strings.HasSuffix(w.raw, e) {
			return true
		}
	}
	return false
}

// isNoun reports whether word i is a capitalised content word or an
// abbreviation.
func (p *phrase) isNoun(i int) bool {
	if i < 0 || i >= len(p.ws) {
		return false
	}
	w := p.ws[i]
	if IsAllUpper(w.raw) && utf8.RuneCountInString(w.raw) >= 2 {
		return true // "IT", "KI"
	}
	return IsUpperInitial(w.raw) && !IsStopword(w.raw)
}

// isNameLike reports whether word i is a proper name by its spelling: an
// abbreviation or a word with a capital inside ("FITKO", "GovTech").
func (p *phrase) isNameLike(i int) bool {
	w := p.ws[i].raw
	if utf8.RuneCountInString(w) < 2 || (IsStopword(w) && !IsAllUpper(w)) {
		return false
	}
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	return strings.IndexFunc(w[n:], unicode.IsUpper) >= 0
}

// nounPhrase reads determiners, adjectives and one noun from word i; it
// returns the index after the noun.
func (p *phrase) nounPhrase(i int) (int, bool) {
	if i < len(p.ws) && !p.adjacent(i) {
		return 0, false
	}
	if p.is(i, "der", "die", "das", "des", "den", "dem") {
		i++
		if !p.adjacent(i) {
			return 0, false
		}
	}
	for n := 0; n < 3 && i < len(p.ws) && p.isAdjective(i) && !IsUpperInitial(p.ws[i].raw) && p.adjacent(i+1); n++ {
		i++
	}
	for n := 0; n < 2 && i+1 < len(p.ws) && p.isAdjective(i) && IsUpperInitial(p.ws[i].raw) && p.isNoun(i+1) && p.adjacent(i+1); n++ {
		i++ // "Öffentliche IT"
	}
	if !p.isNoun(i) {
		return 0, false
	}
	if _, _, ok := p.landFrom(i); ok {
		return 0, false // a Land is no part of a complement
	}
	return i + 1, true
}

// complement reads "für …", "zur …", "über …" after a head at word i: the
// preposition, a noun phrase, and more joined by "und", "sowie", commas
// before a final "und", or a preposition or article. It returns the index
// after the last noun, or i when there is none.
func (p *phrase) complement(i int, preps ...string) int {
	if !p.adjacent(i) || !p.is(i, preps...) {
		return i
	}
	end, ok := p.nounPhrase(i + 1)
	if !ok {
		return i
	}
	for n := 0; n < 6; n++ {
		j := end
		if j >= len(p.ws) {
			break
		}
		switch {
		case p.is(j, "und", "sowie") && p.adjacent(j):
			if e, ok := p.nounPhrase(j + 1); ok {
				end = e
				continue
			}
		case p.ws[j].sep == ", ":
			// a list: "für Digitalisierung, Breitband und Vermessung"
			if e, ok := p.nounPhraseAfterComma(j); ok && p.is(e, "und") {
				if e2, ok := p.nounPhrase(e + 1); ok {
					end = e2
					continue
				}
			}
		case p.is(j, "in", "im", "der", "des") && p.adjacent(j):
			k := j + 1
			if p.is(j, "in") && p.is(k, "der", "den", "dem") {
				if e, ok := p.nounPhrase(k); ok {
					end = e
					continue
				}
				break
			}
			if p.is(j, "der", "des") {
				k = j
			}
			if e, ok := p.nounPhrase(k); ok {
				end = e
				continue
			}
		}
		break
	}
	return end
}

func (p *phrase) nounPhraseAfterComma(j int) (int, bool) {
	// the word after the comma has sep ", "; read it as if adjacent
	if j >= len(p.ws) {
		return 0, false
	}
	saved := p.ws[j].sep
	p.ws[j].sep = " "
	e, ok := p.nounPhrase(j)
	p.ws[j].sep = saved
	return e, ok
}

// abbreviation reads "(ABBR)" or "(ABBR, …)" at word i; it returns the
// abbreviation, the byte offset after ")" or the abbreviation, and whether
// there is one.
func (p *phrase) abbreviation(i int) (string, int, bool) {
	if i >= len(p.ws) || !strings.HasSuffix(p.ws[i].sep, "(") {
		return "", 0, false
	}
	w := p.ws[i].raw
	upper := 0
	for _, r := range w {
		if unicode.IsUpper(r) {
			upper++
		}
	}
	if upper < 2 || !IsUpperInitial(w) || utf8.RuneCountInString(w) > 14 {
		return "", 0, false
	}
	for _, part := range strings.FieldsFunc(w, IsHyphen) {
		if strings.IndexFunc(w, IsHyphen) >= 0 && !IsAllUpper(part) && utf8.RuneCountInString(part) > 4 {
			return "", 0, false // "OZG-Umsetzung" is no abbreviation
		}
	}
	end := p.ws[i].end
	if strings.HasPrefix(p.s[end:], ")") {
		return w, end + 1, true
	}
	if strings.HasPrefix(p.s[end:], ",") || strings.HasPrefix(p.s[end:], ";") {
		return w, end, true
	}
	return "", 0, false
}

// legal forms after a proper name.
var legalForms = map[string]string{"GmbH": "company", "gGmbH": "company", "mbH": "company", "AöR": "institution", "eG": "cooperative"}

// preHead reads the words before a head at word i that belong to the name:
// Land adjectives ("Thüringer", "Bayerisches"), other capitalised adjectives
// ("Föderale") and proper names ("GovTech"). It returns the first word of the
// name and the Land adjective, if any.
func (p *phrase) preHead(i int, lowerLand bool) (int, LandHit, bool) {
	first := i
	var land LandHit
	found := false
	for n := 0; n < 3 && first > 0 && p.adjacent(first); n++ {
		j := first - 1
		if h, ok := p.landAt(j, j+1); ok && h.Kind == FormAdjective && !h.Compound && (lowerLand || IsUpperInitial(p.ws[j].raw)) {
			first, land, found = j, h, true
			continue
		}
		if _, ok := p.landAt(j, j+1); ok {
			break
		}
		if p.is(j, "und", "oder") && p.ws[j].sep == "- " && j > 0 && IsUpperInitial(p.ws[j-1].raw) {
			first = j - 1 // "Presse- und Informationsamt"
			break
		}
		if IsUpperInitial(p.ws[j].raw) && (p.isAdjective(j) || p.isNameLike(j)) && !p.isRoleNoun(j) {
			first = j
			continue
		}
		break
	}
	return first, land, found
}

// isRoleNoun reports whether word i is a role that ends like an adjective
// ("Leiter", "Präsidentin" do not, "Chefe" …): the words of the relation
// table that name a person.
func (p *phrase) isRoleNoun(i int) bool {
	return Relation(p.ws[i].lower()) == "headed"
}

// genitiveBefore returns the Land of a genitive right before word i
// ("Brandenburgs Digitalagentur").
func (p *phrase) genitiveBefore(i int) (LandHit, bool) {
	if !p.adjacent(i) {
		return LandHit{}, false
	}
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if h, ok := p.landAt(j, i); ok && h.Kind == FormGenitive && !h.Compound {
			return h, true
		}
	}
	return LandHit{}, false
}

// ownerAfter reads an owner after word i: "des Landes X", "des Freistaates
// X", a Land's name, "des Landes", "der Landesregierung", "des Bundes". It
// returns the index after it, the Land, and whether the owner is the Land
// spoken of or the Bund.
func (p *phrase) ownerAfter(i int) (end int, land LandHit, hasLand, own, federal bool) {
	if !p.adjacent(i) {
		return i, LandHit{}, false, false, false
	}
	if h, j, ok := p.landFrom(i); ok && (h.Kind == FormName || h.Kind == FormGenitive) {
		return j, h, true, false, false
	}
	if p.is(i, "des", "der") && p.adjacent(i+1) {
		if h, j, ok := p.landFrom(i + 1); ok && h.Kind != FormAdjective && h.Kind != FormRegion {
			return j, h, true, false, false // "der Freien und Hansestadt Hamburg"
		}
		if p.is(i+1, "landes", "freistaates", "freistaats", "freistaat") {
			if h, j, ok := p.landFrom(i + 2); ok && p.adjacent(i+2) {
				return j, h, true, false, false
			}
			if p.is(i+1, "landes") {
				return i + 2, LandHit{}, false, true, false
			}
		}
		if p.is(i+1, "landesregierung", "staatsregierung", "senats", "senatsverwaltung", "senatskanzlei", "staatskanzlei") {
			return i + 2, LandHit{}, false, true, false
		}
		if p.is(i+1, "bundes", "bundesregierung") {
			return i + 2, LandHit{}, false, false, true
		}
	}
	return i, LandHit{}, false, false, false
}

// compass and country words that may follow a head as part of a name
// ("CERT Nord", "GovTech Campus Deutschland").
var nameTails = map[string]bool{"nord": true, "süd": true, "ost": true, "west": true, "nordwest": true, "südwest": true, "nordost": true, "südost": true, "deutschland": true, "germany": true}

// IsNameTail reports whether a capitalised word is a compass or country
// word that may end a name ("CERT Nord", "Verbund Südwest").
func IsNameTail(w string) bool {
	return IsUpperInitial(w) && nameTails[strings.ToLower(w)]
}

// FindOrganisations returns the organisations named in s, in text order,
// without overlaps.
func (r *InstitutionRecogniser) FindOrganisations(s string) []OrgHit {
	return r.read(s).organisations()
}

// FindInstitutions returns what FindOrganisations and FindLaws return for s,
// reading s once from its tokens (Tokenize) and Land hits
// (LandRecogniser.FindAll), which a caller that has them passes in.
func (r *InstitutionRecogniser) FindInstitutions(s string, toks []Token, lands []LandHit) ([]OrgHit, []LawHit) {
	p := readPhrase(s, toks, lands)
	return p.organisations(), p.laws()
}

func (p *phrase) organisations() []OrgHit {
	var out []OrgHit
	next := 0 // first word not yet covered by a hit
	for i := 0; i < len(p.ws); i++ {
		if i < next {
			continue
		}
		h, end, ok := p.organisation(i)
		if !ok {
			if h2, e2, ok2 := p.legalName(i); ok2 {
				out = append(out, h2)
				next = e2
			}
			continue
		}
		if len(out) > 0 && out[len(out)-1].End > h.Start {
			continue
		}
		out = append(out, h)
		next = end
	}
	return out
}

// organisation reads an organisation whose head is word i. It returns the
// hit and the index of the first word after it.
func (p *phrase) organisation(i int) (OrgHit, int, bool) {
	w := p.ws[i]
	if !IsUpperInitial(w.raw) {
		return OrgHit{}, 0, false
	}
	var hd head
	var base string
	exact := false
	cert := false
	for _, part := range w.parts {
		if part == "cert" {
			cert = true
		}
	}
	if cert {
		hd, base = head{kind: "cert"}, w.last()
	} else {
		var ok bool
		hd, base, exact, ok = orgHeads.match(w.last())
		if !ok {
			return OrgHit{}, 0, false
		}
		exact = exact && len(w.parts) == 1 // "IT-Dienstleister" is a compound
	}
	h := OrgHit{Kind: hd.kind}
	named := false
	// a Land inside the compound: "Bayern-CERT", "Niedersachsen-CERT"
	for _, lh := range p.lands {
		if lh.Compound && lh.Start == w.start && lh.End < w.end {
			h.Land, named = lh.Land, true
		}
	}
	if cert && len(w.parts) > 1 {
		named = true // "CERT-BW", "CERT-NRW"
	}
	lw := w.lower()
	if strings.HasPrefix(lw, "landes") {
		h.Own = true
	}
	if strings.HasPrefix(lw, "bundes") || strings.HasPrefix(lw, "eu-") {
		h.Federal = true
	}
	// words before the head
	first, adj, hasAdj := p.preHead(i, false)
	if hasAdj {
		h.Land, named = adj.Land, true
	}
	for j := first; j < i; j++ {
		if p.isNameLike(j) {
			named = true
		}
		if p.is(j, "europäische", "europäischen", "europäisches") {
			h.Federal = true
		}
	}
	if first == i && !h.Federal {
		if g, ok := p.genitiveBefore(i); ok && h.Land == "" {
			h.Land, named = g.Land, true
		}
	}
	// the proper name after a classifying head: "IT-Dienstleister Dataport"
	if hd.use == useClassifier && p.adjacent(i+1) && i+1 < len(p.ws) && p.properName(i+1) {
		j := i + 1
		name := p.ws[j]
		end, endByte := j+1, name.end
		nm := name.raw
		if lf, ok := legalForms[p.wsRaw(end)]; ok && p.adjacent(end) {
			_ = lf
			nm += " " + p.ws[end].raw
			endByte = p.ws[end].end
			end++
		}
		h.Start, h.End, h.Name = name.start, endByte, nm
		h.Key = corpus.Fold(name.raw)
		h.Head, h.Proper = h.Key, true
		if a, e, ok := p.abbreviation(end); ok {
			h.Abbrev, h.End = a, e
			end++
		}
		return h, end, true
	}
	end := i + 1
	hasComplement := false
	var land []string // the words naming the Land, left out of the key
	if t, ok := p.tail(end); ok {
		end = t
	}
	if e, lh, hasLand, own, federal := p.ownerAfter(end); e > end {
		if hasLand {
			if h.Land != "" && h.Land != lh.Land {
				return OrgHit{}, 0, false // two Länder: not one name
			}
			h.Land, named = lh.Land, true
			for j := end; j < e; j++ {
				land = append(land, p.ws[j].lower())
			}
		}
		h.Own = h.Own || own
		h.Federal = h.Federal || federal
		end, named, hasComplement = e, true, true
	}
	if e := p.complement(end, "für", "zur", "zum"); e > end {
		end, named, hasComplement = e, true, true
		if e2, lh, hasLand, own, federal := p.ownerAfter(end); e2 > end && (hasLand || own || federal) {
			if hasLand && (h.Land == "" || h.Land == lh.Land) {
				h.Land = lh.Land
				for j := end; j < e2; j++ {
					land = append(land, p.ws[j].lower())
				}
				end = e2
			}
		}
	}
	if !hasComplement && end == i+1 {
		// "Kompetenzzentrum Öffentliche IT (ÖFIT)": capitalised words before
		// an abbreviation belong to the name
		for n := 1; n <= 3 && end+n <= len(p.ws); n++ {
			if !p.adjacent(end+n-1) || !(p.isNoun(end+n-1) || p.isNameLike(end+n-1)) {
				break
			}
			if _, _, ok := p.abbreviation(end + n); ok {
				end, hasComplement, named = end+n, true, true
				break
			}
		}
	}
	endByte := p.ws[end-1].end
	if t, ok := p.tail(end); ok {
		end, endByte = t, p.ws[t-1].end
	}
	if e, l, ws, ok := p.inLandAbbrev(end); ok && (h.Land == "" || h.Land == l) && !h.Federal && hasComplement {
		h.Land, land, end, endByte = l, append(land, ws...), e, p.ws[e-1].end
	} else if l, _, ok := p.inLand(end); ok && h.Land == "" && !h.Federal && (named || hasComplement) {
		h.Land = l // "… in Sachsen": the Land, not part of the name
	}
	if lf, ok := legalForms[p.wsRaw(end)]; ok && p.adjacent(end) {
		h.Kind = cmpOr(h.Kind, lf)
		end++
		endByte = p.ws[end-1].end
		named = true
	}
	h.Start, h.End = p.ws[first].start, endByte
	h.Name = p.s[h.Start:p.ws[i].start] + baseForm(w.raw, base) + p.s[p.ws[i].end:endByte]
	h.Key = p.key(first, i, base, end, land, hasAdj)
	h.Head = p.key(i, i, base, i+1, nil, false)
	if a, e, ok := p.abbreviation(end); ok {
		h.Abbrev, h.End = a, e
		end++
		named = true
		// "Amt für IT (ITD) der Senatskanzlei": an owner after the abbreviation
		if end < len(p.ws) && p.ws[end].sep == ") " {
			p.ws[end].sep = " "
			defer func(k int) { p.ws[k].sep = ") " }(end)
		}
		if e2, lh, hasLand, own, federal := p.ownerAfter(end); e2 > end {
			switch {
			case hasLand && (h.Land == "" || h.Land == lh.Land):
				h.Land = lh.Land
			case own:
				h.Own = true
			case federal:
				h.Federal = true
			}
		}
	}
	if hd.use == useWeak && h.Abbrev == "" && !strings.Contains(h.Name, " eG") && !strings.Contains(h.Name, "GmbH") {
		return OrgHit{}, 0, false
	}
	if exact && ((!hasComplement && first == i) || (hd.use == useClassifier && h.Abbrev == "")) && !strings.Contains(h.Name, " eG") && !strings.Contains(h.Name, "GmbH") {
		// "Unternehmen (KMU)", "Berliner Unternehmen": a classifying noun
		// names only with a proper name or a legal form
		return OrgHit{}, 0, false
	}
	if _, isHead := orgHeads.heads[strings.TrimPrefix(lw, "bundes")]; !named && h.Federal && len(w.parts) == 1 && strings.HasPrefix(lw, "bundes") && !isHead {
		named = true // "Bundesnetzagentur": the Bund's, named by its compound
	}
	if !named {
		if exact || h.Own || h.Federal {
			return OrgHit{}, 0, false // "das Amt", "die Landesbehörde"
		}
		h.Bare = true
	}
	return h, end, true
}

// inLand reads "in <Land>" or "im <Land>" at word i; it returns the Land
// and the index after it.
func (p *phrase) inLand(i int) (corpus.LandCode, int, bool) {
	if !p.adjacent(i) || !p.is(i, "in", "im") || !p.adjacent(i+1) {
		return "", 0, false
	}
	if h, j, ok := p.landFrom(i + 1); ok && h.Kind == FormName {
		return h.Land, j, true
	}
	return "", 0, false
}

// inLandAbbrev reads "in <Land> (ABBR)" at word end: a Land that belongs to
// the name, since the abbreviation names all of it. It returns the index
// after the Land and the Land's words.
func (p *phrase) inLandAbbrev(end int) (int, corpus.LandCode, []string, bool) {
	l, j, ok := p.inLand(end)
	if !ok {
		return end, "", nil, false
	}
	if _, _, ok := p.abbreviation(j); !ok {
		return end, "", nil, false
	}
	var ws []string
	for k := end; k < j; k++ {
		ws = append(ws, p.ws[k].lower())
	}
	return j, l, ws, true
}

// tail reads a compass or country word after word i-1 ("CERT Nord").
func (p *phrase) tail(i int) (int, bool) {
	if p.adjacent(i) && nameTails[p.ws[i].lower()] && IsUpperInitial(p.ws[i].raw) {
		return i + 1, true
	}
	return i, false
}

func (p *phrase) wsRaw(i int) string {
	if i < 0 || i >= len(p.ws) {
		return ""
	}
	return p.ws[i].raw
}

// properName reports whether word i can be the proper name after a
// classifying noun: an abbreviation, a word with an inner capital, a
// lower-case coinage ("govdigital") or a capitalised word followed by no
// other noun, never a Land or a function word.
func (p *phrase) properName(i int) bool {
	w := p.ws[i]
	if IsStopword(w.raw) || utf8.RuneCountInString(w.raw) < 3 {
		return false
	}
	if _, _, ok := p.landFrom(i); ok {
		return false
	}
	if Relation(w.lower()) != "" {
		return false
	}
	if p.isNameLike(i) {
		return true
	}
	if !IsUpperInitial(w.raw) {
		// a coinage in lower case before a legal form ("govdigital eG")
		_, legal := legalForms[p.wsRaw(i+1)]
		return legal && p.adjacent(i+1)
	}
	return !p.isNoun(i+1) || !p.adjacent(i+1)
}

// isClassifier reports whether word i is a classifying head noun
// ("Genossenschaft", "Firma").
func (p *phrase) isClassifier(i int) bool {
	h, ok := orgHeads.heads[p.ws[i].lower()]
	return ok && h.use == useClassifier
}

// legalName reads a proper name ending in a legal form at words [i, …]:
// "govdigital eG", "BWI GmbH".
func (p *phrase) legalName(i int) (OrgHit, int, bool) {
	for n := 1; n <= 3 && i+n < len(p.ws); n++ {
		kind, ok := legalForms[p.ws[i+n].raw]
		if !ok {
			continue
		}
		for j := i; j <= i+n; j++ {
			if j > i && !p.adjacent(j) {
				return OrgHit{}, 0, false
			}
			if j < i+n && (IsStopword(p.ws[j].raw) || (!IsUpperInitial(p.ws[j].raw) && p.isAdjective(j)) || p.isClassifier(j)) {
				return OrgHit{}, 0, false
			}
		}
		if i > 0 && p.adjacent(i) && p.isNoun(i-1) && !p.isClassifier(i-1) {
			return OrgHit{}, 0, false // the name started earlier
		}
		h := OrgHit{Start: p.ws[i].start, End: p.ws[i+n].end, Kind: kind}
		h.Name = p.s[h.Start:h.End]
		h.Key = corpus.Fold(p.s[h.Start:p.ws[i+n-1].end])
		h.Head, h.Proper = h.Key, true
		end := i + n + 1
		if a, e, ok := p.abbreviation(end); ok {
			h.Abbrev, h.End = a, e
			end++
		}
		return h, end, true
	}
	return OrgHit{}, 0, false
}

// key returns the folded name without the words that name its Land:
// adjectives before the head stemmed, the head uninflected.
func (p *phrase) key(first, headAt int, base string, end int, land []string, landAdj bool) string {
	var ks []string
	for j := first; j < headAt; j++ {
		if landAdj {
			if h, ok := p.landAt(j, j+1); ok && h.Kind == FormAdjective {
				continue
			}
		}
		if p.isNameLike(j) {
			ks = append(ks, corpus.Fold(p.ws[j].raw))
		} else {
			ks = append(ks, Stem(p.ws[j].raw))
		}
	}
	hw := p.ws[headAt]
	// a Land inside the compound ("Bayern-CERT") is no part of the key
	parts := hw.parts
	for _, lh := range p.lands {
		if lh.Compound && lh.Start == hw.start && lh.End < hw.end {
			n := len(strings.FieldsFunc(p.s[lh.Start:lh.End], func(r rune) bool { return IsHyphen(r) || unicode.IsSpace(r) }))
			if n < len(parts) {
				parts = parts[n:]
			}
		}
	}
	hp := append(append([]string(nil), parts[:len(parts)-1]...), base)
	ks = append(ks, corpus.Fold(strings.Join(hp, "-")))
	skip := map[string]int{}
	for _, l := range land {
		skip[l]++
	}
	for j := headAt + 1; j < end && j < len(p.ws); j++ {
		l := p.ws[j].lower()
		if skip[l] > 0 {
			skip[l]--
			continue
		}
		if _, ok := legalForms[p.ws[j].raw]; ok {
			continue
		}
		ks = append(ks, corpus.Fold(p.ws[j].raw))
	}
	return strings.Join(ks, " ")
}

// baseForm returns the head word as written with its genitive ending taken
// off, so that its last part reads base ("Landesamtes" → "Landesamt").
func baseForm(raw, base string) string {
	lr := strings.ToLower(raw)
	for _, e := range []string{"es", "s"} {
		if strings.HasSuffix(lr, base+e) && !strings.HasSuffix(lr, base) {
			return raw[:len(raw)-len(e)]
		}
	}
	return raw
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// FindLaws returns the laws, ordinances and treaties named in s, in text
// order, without overlaps.
func (r *InstitutionRecogniser) FindLaws(s string) []LawHit {
	return r.read(s).laws()
}

func (p *phrase) laws() []LawHit {
	var out []LawHit
	for i := 0; i < len(p.ws); i++ {
		h, end, ok := p.law(i)
		if !ok {
			continue
		}
		if len(out) > 0 && out[len(out)-1].End > h.Start {
			continue
		}
		out = append(out, h)
		i = end - 1
	}
	return out
}

// law reads a law whose head is word i.
func (p *phrase) law(i int) (LawHit, int, bool) {
	w := p.ws[i]
	if !IsUpperInitial(w.raw) {
		return LawHit{}, 0, false
	}
	hd, base, exactHead, ok := lawHeads.match(w.last())
	if !ok {
		return LawHit{}, 0, false
	}
	h := LawHit{Kind: hd.kind}
	lw := w.lower()
	baseWord := strings.Join(append(append([]string(nil), w.parts[:len(w.parts)-1]...), base), "-")
	generic := lawHeads.generic[baseWord]
	named := !generic
	if strings.HasPrefix(lw, "bundes") || strings.HasPrefix(lw, "eu-") {
		h.Federal = true
	}
	if strings.HasPrefix(lw, "landes") {
		h.Own = true
	}
	first, adj, hasAdj := p.preHead(i, true)
	if hasAdj {
		// "Bayerisches Digitalgesetz" is a name, "das Berliner Gesetz" none
		h.Land, named = adj.Land, named || !(exactHead && len(w.parts) == 1)
	}
	for j := first; j < i; j++ {
		if p.is(j, "europäische", "europäischen", "europäisches") {
			h.Federal = true
		}
	}
	end := i + 1
	var land []string
	if generic {
		if e := p.complement(end, "über", "zur", "zum", "für"); e > end {
			end, named = e, true
		}
	}
	if e, lh, hasLand, own, federal := p.ownerAfter(end); e > end {
		if hasLand {
			if h.Land != "" && h.Land != lh.Land {
				return LawHit{}, 0, false
			}
			h.Land, named = lh.Land, true
			for j := end; j < e; j++ {
				land = append(land, p.ws[j].lower())
			}
		}
		h.Own = h.Own || own
		h.Federal = h.Federal || federal
		end = e
	}
	if e, l, ws, ok := p.inLandAbbrev(end); ok && (h.Land == "" || h.Land == l) && !h.Federal && named {
		h.Land, land, end = l, append(land, ws...), e
	} else if l, _, ok := p.inLand(end); ok && h.Land == "" && !h.Federal {
		h.Land = l
	}
	endByte := p.ws[end-1].end
	h.Start, h.End = p.ws[first].start, endByte
	h.Title = p.s[h.Start:w.start] + baseForm(w.raw, base) + p.s[w.end:endByte]
	h.Key = p.key(first, i, base, end, land, hasAdj)
	if a, e, ok := p.abbreviation(end); ok {
		h.Abbrev, h.End = a, e
		end++
		named = true
	}
	if !named {
		return LawHit{}, 0, false
	}
	return h, end, true
}
