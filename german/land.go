package german

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/laendergraph/laendergraph/corpus"
)

// FormKind says which kind of form of a Land a LandHit is.
type FormKind int

// The kinds of Land form.
const (
	// FormName is the name or a name-like alias: "Brandenburg", "NRW",
	// "Freistaat Bayern".
	FormName FormKind = iota
	// FormGenitive is the genitive: "Brandenburgs", "Saarlandes".
	FormGenitive
	// FormAdjective is the adjective in any ending, or a demonym alias used
	// as an adjective: "hessische", "baden-württembergischen", "Berliner".
	FormAdjective
	// FormRegion is a region standing for several Länder: "Hauptstadtregion".
	FormRegion
)

// String returns the name of k.
func (k FormKind) String() string {
	switch k {
	case FormName:
		return "name"
	case FormGenitive:
		return "genitive"
	case FormAdjective:
		return "adjective"
	case FormRegion:
		return "region"
	}
	return "unknown"
}

// LandHit is a Land named at the byte range [Start, End) of a text.
type LandHit struct {
	Land       corpus.LandCode
	Start, End int
	Form       string   // the words as written
	Kind       FormKind // name, genitive, adjective or region
	// Compound: the name is the first part of a hyphenated compound naming
	// a thing ("Brandenburg-Saal", "Bayern-CERT"), not the Land itself.
	Compound bool
}

// landForm is one spelling that names one or more Länder.
type landForm struct {
	text  string
	lands []corpus.LandCode
	kind  FormKind
	// foldFirst: the first letter may be upper or lower case (adjectives).
	foldFirst bool
	// adjective: text is a stem that takes the endings -e, -en, -er, -es, -em.
	adjective bool
	// multi: text has several words (set by NewLandRecogniser).
	multi bool
}

var adjectiveEndings = []string{"em", "en", "er", "es", "e", ""}

// LandRecogniser finds the Länder of a registry in text, in every form the
// registry knows. It is safe for concurrent use.
type LandRecogniser struct {
	byFirst     map[rune][]landForm // keyed by the lower-case first rune
	regionParts map[string]bool
	// words are the forms for MatchWords, folded (corpus.Fold): names,
	// genitives, aliases, regions, English names, and the adjective stems
	// with each ending; codes holds the codes.
	words    map[string][]corpus.LandCode
	maxWords int
	codes    map[string]corpus.LandCode
	// codeFirst marks the first bytes of the codes.
	codeFirst [256]bool
	// capitals maps the capitals' adjectives to their Länder.
	capitals map[string]corpus.LandCode
}

// CapitalAdjective returns the Land whose capital's adjective w is
// ("Schweriner" → MV). Find does not read these: "die Kieler Woche" names
// no Land; a caller reads them where they stand for the seat of
// government, before a role or an office.
func (m *LandRecogniser) CapitalAdjective(w string) (corpus.LandCode, bool) {
	l, ok := m.capitals[w]
	return l, ok
}

// seatNouns are the offices of a Land government that a capital's adjective
// before them places in its Land: "das Mainzer Ministerium", "der Kieler
// Landesregierung", "die Schweriner Staatskanzlei" — whole words (and any
// "-ministerium"), so a town's own office ("die Kieler Stadtverwaltung",
// "das Mainzer Ordnungsamt") is none.
var seatNouns = map[string]bool{"landesregierung": true, "staatsregierung": true, "regierung": true,
	"staatskanzlei": true, "senatskanzlei": true, "senat": true, "senats": true, "landtag": true, "landtags": true,
	"landesamt": true, "landesamts": true, "landesamtes": true, "landesverwaltung": true, "landesbehörde": true}

// SeatGovernments returns the offices of a Land government that the
// adjective of its capital names, as adjective hits of that Land spanning
// the adjective: "vertreten durch das Mainzer Ministerium" → RP. The
// adjective alone names no Land ("die Kieler Woche").
func (m *LandRecogniser) SeatGovernments(toks []Token) []LandHit {
	var out []LandHit
	for i := 0; i+1 < len(toks); i++ {
		l, ok := m.capitals[toks[i].Raw]
		if !ok || toks[i+1].Sep != " " {
			continue
		}
		next := toks[i+1].Lower
		if !seatNouns[next] && !strings.HasSuffix(next, "ministerium") && !strings.HasSuffix(next, "ministeriums") {
			continue
		}
		out = append(out, LandHit{Land: l, Start: toks[i].Start, End: toks[i].End, Form: toks[i].Raw, Kind: FormAdjective})
	}
	return out
}

// NewLandRecogniser returns the recogniser of the Länder of reg.
func NewLandRecogniser(reg *corpus.Registry) *LandRecogniser {
	m := &LandRecogniser{byFirst: map[rune][]landForm{}, regionParts: map[string]bool{},
		words: map[string][]corpus.LandCode{}, codes: map[string]corpus.LandCode{}, capitals: map[string]corpus.LandCode{}}
	for _, l := range reg.All() {
		for _, a := range l.CapitalAdjectives {
			m.capitals[a] = l.Code
		}
	}
	addWords := func(text string, lands []corpus.LandCode) {
		k := corpus.Fold(text)
		if k == "" {
			return
		}
		if _, dup := m.words[k]; !dup {
			m.words[k] = lands
		}
		m.maxWords = max(m.maxWords, len(strings.Fields(k)))
	}
	add := func(f landForm) {
		f.text = norm.NFC.String(strings.TrimSpace(f.text))
		if f.text == "" {
			return
		}
		if f.adjective {
			for _, e := range adjectiveEndings {
				addWords(f.text+e, f.lands)
			}
		} else {
			addWords(f.text, f.lands)
		}
		f.multi = strings.IndexByte(f.text, ' ') >= 0
		r, _ := utf8.DecodeRuneInString(f.text)
		k := unicode.ToLower(r)
		m.byFirst[k] = append(m.byFirst[k], f)
	}
	for _, l := range reg.All() {
		one := []corpus.LandCode{l.Code}
		m.codes[string(l.Code)] = l.Code
		if l.Code != "" {
			m.codeFirst[l.Code[0]] = true
		}
		for _, en := range l.English {
			addWords(en, one)
		}
		add(landForm{text: l.Name, lands: one, kind: FormName})
		if l.Genitive != "" {
			add(landForm{text: l.Genitive, lands: one, kind: FormGenitive})
			if strings.HasSuffix(l.Genitive, "'") { // "Rheinland-Pfalz'" is also written with ’
				add(landForm{text: strings.TrimSuffix(l.Genitive, "'") + "’", lands: one, kind: FormGenitive})
			}
		}
		for _, adj := range append([]string{l.Adjective}, l.OtherAdjectives...) {
			if adj != "" {
				add(landForm{text: adj, lands: one, kind: FormAdjective, foldFirst: true, adjective: true})
			}
		}
		for _, a := range l.Aliases {
			add(landForm{text: a, lands: one, kind: aliasKind(l, a)})
			// "der Freien und Hansestadt Hamburg": an alias that opens with
			// an adjective in -e, inflected
			if first, rest, ok := strings.Cut(a, " "); ok && strings.HasSuffix(first, "e") && IsUpperInitial(first) {
				add(landForm{text: first + "n " + rest, lands: one, kind: FormGenitive})
			}
		}
	}
	for _, rg := range reg.Regions() {
		add(landForm{text: rg.Name, lands: append([]corpus.LandCode(nil), rg.Laender...), kind: FormRegion})
		for _, p := range strings.FieldsFunc(rg.Name, func(r rune) bool { return r == '-' || unicode.IsSpace(r) }) {
			m.regionParts[p] = true
		}
	}
	for k, fs := range m.byFirst {
		sort.SliceStable(fs, func(i, j int) bool { return len(fs[i].text) > len(fs[j].text) })
		m.byFirst[k] = fs
	}
	return m
}

// MatchWords returns the Länder that the words ws begin with, read as a
// reader types a question: any case, umlauts spelt out or not
// ("baden-wuerttemberg"), a code in capitals ("BW"), an adjective in any
// ending, a region, or an English name ("Bavaria", "Hessian"). It also
// returns how many words the longest such form covers, 0 when none does.
func (m *LandRecogniser) MatchWords(ws []string) ([]corpus.LandCode, int) {
	if len(ws) == 0 {
		return nil, 0
	}
	if c, ok := m.codes[ws[0]]; ok {
		return []corpus.LandCode{c}, 1
	}
	for n := min(m.maxWords, len(ws)); n >= 1; n-- {
		if n == 1 && len(ws[0]) <= 2 && ws[0] != strings.ToUpper(ws[0]) {
			continue // "mv", "be": a short form counts in capitals only
		}
		if ls, ok := m.words[corpus.Fold(strings.Join(ws[:n], " "))]; ok {
			return ls, n
		}
	}
	return nil, 0
}

// aliasKind classifies an alias: a single word that is the name plus "s" or
// "es" is a genitive ("Saarlandes"); a single capitalised word in -er that is
// not the name is a demonym used as an adjective ("Berliner", "Thüringer");
// anything else stands for the name ("NRW", "Freistaat Bayern").
func aliasKind(l corpus.Land, a string) FormKind {
	if first, rest, ok := strings.Cut(a, " "); ok {
		// "Freistaats Bayern" beside "Freistaat Bayern" is a genitive.
		if strings.HasSuffix(first, "s") {
			base := strings.TrimSuffix(first, "s") + " " + rest
			for _, b := range l.Aliases {
				if b == base {
					return FormGenitive
				}
			}
		}
		return FormName
	}
	if strings.Contains(a, "-") {
		return FormName
	}
	if a == l.Name+"s" || a == l.Name+"es" {
		return FormGenitive
	}
	if strings.HasSuffix(a, "er") && a != l.Name && IsUpperInitial(a) && !IsAllUpper(a) {
		return FormAdjective
	}
	return FormName
}

// Partner reports whether the Land hit h of s follows "mit" ("… kommt
// gemeinsam mit Bremen"): a partner of what s tells, not the one it is
// about.
func Partner(s string, h LandHit) bool {
	return strings.HasSuffix(strings.TrimRight(s[:h.Start], " "), " mit")
}

// FindLaender returns the Länder named in s, in text order; a region yields
// one hit per Land with the same span.
//
// Rules: every form of the registry (name, genitive, adjective stem with the
// endings -e/-en/-er/-es/-em, aliases, regions); names and aliases are matched
// as written, adjectives also with a capital first letter. Only whole words
// match: the characters before and after must not be letters or digits, so
// "BayernServer" and "Brandenburger" (not a registry form) name no Land. The
// longest form wins ("Sachsen-Anhalt", not "Sachsen"). A name followed by a
// hyphen and a word that is neither a Land form nor part of a region name is
// the first part of a compound naming a thing ("Brandenburg-Saal",
// "Bayern-CERT", "NRW-Digitalstrategie") and is not reported;
// "Berlin-Brandenburg" names both Länder. A code in capitals names its Land
// only in a cell of its own (see cellCode): "BW, Ministerin X" in a table
// row, not "der BE-Bericht".
func (m *LandRecogniser) Find(s string) []LandHit {
	var out []LandHit
	for _, h := range m.FindAll(s) {
		if !h.Compound {
			out = append(out, h)
		}
	}
	return out
}

// FindAll returns every Land hit of s, in text order, compounds included
// and flagged.
func (m *LandRecogniser) FindAll(s string) []LandHit {
	var out []LandHit
	prev := rune(-1)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if IsWordRune(prev) {
			prev = r
			i += size
			continue
		}
		f, end, ok := m.matchAt(s, i, r)
		if !ok {
			if code, ok := m.cellCode(s, i); ok {
				out = append(out, LandHit{Land: code, Start: i, End: i + 2, Form: s[i : i+2], Kind: FormName})
				prev, i = 'A', i+2
				continue
			}
			prev = r
			i += size
			continue
		}
		compound := false
		if f.kind != FormAdjective && f.kind != FormRegion {
			compound = m.isCompound(s, end)
		}
		for _, l := range f.lands {
			out = append(out, LandHit{Land: l, Start: i, End: end, Form: s[i:end], Kind: f.kind, Compound: compound})
		}
		prev, _ = utf8.DecodeLastRuneInString(s[:end])
		i = end
	}
	return out
}

// cellCode reads a Land code in capitals ("BW") at s[i:] that stands in a
// cell of its own, as in a table or a list of members: at the start of a
// line or after a gap of two spaces or a tab, and followed by a comma, a
// colon, a bar, a tab or two spaces ("BW, Ministerin X", "NI  StS Y"). In
// running text a code is no Land form ("BE" and "ST" are too short to be
// sure of).
func (m *LandRecogniser) cellCode(s string, i int) (corpus.LandCode, bool) {
	if i+2 > len(s) {
		return "", false
	}
	if !m.codeFirst[s[i]] {
		return "", false // no code starts so: no need to look one up
	}
	code, ok := m.codes[s[i:i+2]]
	if !ok {
		return "", false
	}
	before := strings.TrimRight(s[:i], " -*•|")
	gap := s[len(before):i]
	if !(before == "" || strings.HasSuffix(before, "\n") || strings.Contains(gap, "  ") || strings.HasSuffix(s[:i], "\t")) {
		return "", false
	}
	after := s[i+2:]
	switch {
	case strings.HasPrefix(after, ",") || strings.HasPrefix(after, ":") || strings.HasPrefix(after, "\t"),
		strings.HasPrefix(after, "  "), strings.HasPrefix(after, " |"), strings.HasPrefix(after, "|"):
		return code, true
	}
	return "", false
}

// MatchAt reports whether a Land form starts at s[i:] and ends at a word
// boundary, and where the longest such form ends.
func (m *LandRecogniser) MatchAt(s string, i int) (end int, ok bool) {
	r, _ := utf8.DecodeRuneInString(s[i:])
	_, end, ok = m.matchAt(s, i, r)
	return end, ok
}

// matchAt returns the longest form that starts at s[i:] (whose first rune is
// r) and ends at a word boundary.
func (m *LandRecogniser) matchAt(s string, i int, r rune) (landForm, int, bool) {
	for _, f := range m.byFirst[unicode.ToLower(r)] {
		n, ok := prefixLen(s[i:], f)
		if !ok {
			continue
		}
		if !f.adjective {
			if !IsWordBoundary(s, i+n) {
				continue
			}
			return f, i + n, true
		}
		for _, e := range adjectiveEndings {
			if strings.HasPrefix(s[i+n:], e) && IsWordBoundary(s, i+n+len(e)) {
				return f, i + n + len(e), true
			}
		}
	}
	return landForm{}, 0, false
}

// prefixLen reports whether s starts with the form and how many bytes of s
// the form covers.
//
// A space of a form of several words matches any run of spaces, tabs and
// line breaks: "die Freie Hansestadt\n   Bremen" of a text wrapped at the
// line's end.
func prefixLen(s string, f landForm) (int, bool) {
	if strings.HasPrefix(s, f.text) {
		return len(f.text), true
	}
	multi := f.multi
	if multi {
		if n, ok := spacedPrefix(s, f.text); ok {
			return n, true
		}
	}
	if !f.foldFirst {
		return 0, false
	}
	fr, fn := utf8.DecodeRuneInString(f.text)
	sr, sn := utf8.DecodeRuneInString(s)
	if sr == utf8.RuneError || unicode.ToLower(sr) != unicode.ToLower(fr) {
		return 0, false
	}
	if strings.HasPrefix(s[sn:], f.text[fn:]) {
		return sn + len(f.text) - fn, true
	}
	if multi {
		if n, ok := spacedPrefix(s[sn:], f.text[fn:]); ok {
			return sn + n, true
		}
	}
	return 0, false
}

// spacedPrefix reports whether s starts with form, a space of form matching
// one or more spaces, tabs or line breaks of s, and how many bytes of s it
// covers.
func spacedPrefix(s, form string) (int, bool) {
	i := 0
	for j := 0; j < len(form); j++ {
		if form[j] != ' ' {
			if i >= len(s) || s[i] != form[j] {
				return 0, false
			}
			i++
			continue
		}
		k := i
		for k < len(s) && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n' || s[k] == '\r') {
			k++
		}
		if k == i {
			return 0, false
		}
		i = k
	}
	return i, true
}

// isCompound reports whether the hyphen at s[end:] joins the name before it
// to a word that is not itself a Land form or region part.
func (m *LandRecogniser) isCompound(s string, end int) bool {
	r, n := utf8.DecodeRuneInString(s[end:])
	if !IsHyphen(r) {
		return false
	}
	rest := s[end+n:]
	r2, _ := utf8.DecodeRuneInString(rest)
	if !IsWordRune(r2) {
		return false // "Berlin- und Brandenburg": a suspended hyphen
	}
	if _, _, ok := m.matchAt(rest, 0, r2); ok {
		return false
	}
	w := rest
	if k := strings.IndexFunc(rest, func(r rune) bool { return !IsWordRune(r) }); k >= 0 {
		w = rest[:k]
	}
	return !m.regionParts[w]
}

// BrandLand returns the Land whose name opens a word written as an
// office's brand: the name, then only digits and capitals ("Hessen3C",
// "SachsenCERT"; not "SachsenEnergie", "BerlinOnline", "Berliner…",
// "BayernLB", "Hamburg1").
func (m *LandRecogniser) BrandLand(w string) (corpus.LandCode, bool) {
	r, _ := utf8.DecodeRuneInString(w)
	for _, f := range m.byFirst[unicode.ToLower(r)] {
		if f.kind != FormName || len(f.lands) != 1 || !strings.HasPrefix(w, f.text) || len(w) == len(f.text) {
			continue
		}
		rest := w[len(f.text):]
		before, _ := utf8.DecodeLastRuneInString(f.text)
		if !unicode.IsLower(before) || strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsDigit(r) && !unicode.IsUpper(r) }) >= 0 {
			continue
		}
		// an acronym of three capitals or a number with one ("CERT",
		// "3C"), not a bank's "LB" or a station's "1"
		if d := strings.IndexFunc(rest, unicode.IsDigit); d < 0 && len(rest) < 3 || d >= 0 && !strings.ContainsFunc(rest, unicode.IsUpper) {
			continue
		}
		return f.lands[0], true
	}
	return "", false
}

// IsWordRune reports whether r is a letter, digit or combining mark.
func IsWordRune(r rune) bool {
	if r < utf8.RuneSelf { // ASCII (or negative): letters and digits only
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// IsHyphen reports whether r is a hyphen.
func IsHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// IsWordBoundary reports whether no letter or digit starts at s[i:].
func IsWordBoundary(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !IsWordRune(r)
}

// IsUpperInitial reports whether s starts with an upper-case letter.
func IsUpperInitial(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// IsDigits reports whether s is a non-empty run of digits ("2024").
func IsDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// IsAllUpper reports whether every letter of s is upper case.
func IsAllUpper(s string) bool {
	has := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			has = true
		}
	}
	return has
}
