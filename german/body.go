package german

import (
	_ "embed"
	"slices"
	"strings"
	"unicode/utf8"
)

//go:embed data/bodies.txt
var bodiesText string

// bodyHeads, looseHeads and notBodies are read from data/bodies.txt.
var bodyHeads, aloneHeads, notBodies, looseHeads = func() ([]string, map[string]bool, map[string]bool, []string) {
	var heads, loose []string
	alone, not := map[string]bool{}, map[string]bool{}
	for _, ln := range lines(bodiesText) {
		if w, ok := strings.CutPrefix(ln, "!"); ok {
			not[strings.ToLower(strings.TrimSpace(w))] = true
			continue
		}
		if w, ok := strings.CutPrefix(ln, "~"); ok {
			loose = append(loose, strings.ToLower(strings.TrimSpace(w)))
			continue
		}
		w, ok := strings.CutPrefix(ln, "=")
		w = strings.ToLower(strings.TrimSpace(w))
		alone[w] = ok
		heads = append(heads, w)
	}
	return heads, alone, not, loose
}()

// BodyHeads returns the heads of body names (data/bodies.txt), with the
// looser heads a question may use ("konferenz", "council") when loose is
// set.
func BodyHeads(loose bool) []string {
	out := slices.Clone(bodyHeads)
	if loose {
		out = append(out, looseHeads...)
	}
	return out
}

// IsBody reports whether the word w (any case) names a body by its form, as
// FindBodies reads it, also in the genitive ("des Digitalkabinetts"); it
// returns the name without the genitive ending.
func IsBody(w string) (string, bool) {
	for _, end := range []string{"", "s", "es"} {
		base, ok := strings.CutSuffix(w, end)
		if !ok || base == "" {
			continue
		}
		lb := strings.ToLower(base)
		if !notBodies[lb] && !notBodies[lastHyphenPart(lb)] && isBody(lb) {
			return base, true
		}
	}
	return "", false
}

// AsksBody reports whether the word w (any case) of a question names a
// body by its form: a compound ending in a body head or a looser head
// after a prefix of at least four letters ("Innenministerkonferenz",
// "Sicherheitsrat", "Steering-Committee"). In a question every such word
// counts, "Bundesrat" too.
func AsksBody(w string) bool {
	lw := strings.ToLower(w)
	if isBody(lw) {
		return true
	}
	for _, h := range looseHeads {
		if strings.HasSuffix(lw, h) && len(lw) > len(h)+3 {
			return true
		}
	}
	return false
}

// BodyHit is the name of a body found in a text by its form: a compound
// with a body head ("Digitalkabinett", "Europaministerkonferenz"),
// optionally followed by its abbreviation in brackets ("Digitalrat (DR)").
type BodyHit struct {
	// Start and End are the byte range of the name (with the bracketed
	// abbreviation, if any).
	Start, End int
	// Name is the compound as written ("Digitalkabinett", the genitive
	// without its ending), or the round table's name in the nominative
	// ("Runder Tisch Freie Software" for "des Runden Tisches Freie
	// Software"); Abbrev the bracketed abbreviation, or "".
	Name, Abbrev string
}

// FindBodies returns the bodies that s names by the form of their name, in
// text order. Known bodies with names of other forms (the IT-Planungsrat,
// the MPK) come from the meeting series registry, not from here.
func FindBodies(s string) []BodyHit { return FindBodiesIn(s, Tokenize(s)) }

// FindBodiesIn is FindBodies for a caller that has the tokens of s
// (Tokenize).
func FindBodiesIn(s string, toks []Token) []BodyHit {
	var out []BodyHit
	for i := 0; i < len(toks); i++ {
		// words joined by hyphens are one compound: "KI-Lenkungskreis"
		j := i
		for j+1 < len(toks) && toks[j+1].Sep == "-" {
			j++
		}
		start, end := toks[i].Start, toks[j].End
		word := s[start:end]
		if !IsUpperInitial(word) {
			i = j
			continue
		}
		if h, ok := roundTable(s, toks, i); ok {
			out = append(out, h)
			i++
			continue
		}
		lw := toks[i].Lower // the word is one token (toks are those of s)
		if j > i {
			lw = strings.ToLower(word)
		}
		if notBodies[lw] || notBodies[lastHyphenPart(lw)] || townBuilding(toks, i) {
			i = j
			continue
		}
		name := word
		if !isBody(lw) {
			// the genitive: "des Verwaltungsrats", "des Arbeitskreises"
			base, ok := genitiveBase(lw)
			if !ok || !isBody(base) || notBodies[base] {
				i = j
				continue
			}
			name = word[:len(word)-(len(lw)-len(base))] // the ending is ASCII
		}
		h := BodyHit{Start: start, End: end, Name: name}
		if rest := s[end:]; strings.HasPrefix(rest, " (") {
			if c := strings.IndexByte(rest, ')'); c > 2 && c < 14 && IsAllUpper(strings.ReplaceAll(rest[2:c], "-", "")) {
				h.Abbrev = rest[2:c]
				h.End = end + c + 1
			}
		}
		out = append(out, h)
		i = j
	}
	return out
}

// townBuilding reports whether token i is a building named by its town's
// adjective after "im" or "ins": "im Görlitzer Kulturforum", "ins
// Wiesbadener Kurhaus" is where a meeting is held, not a body.
func townBuilding(toks []Token, i int) bool {
	if i < 2 || toks[i].Sep != " " || toks[i-1].Sep != " " {
		return false
	}
	if _, ok := TownByAdjective(toks[i-1].Raw); !ok {
		return false
	}
	return toks[i-2].Lower == "im" || toks[i-2].Lower == "ins"
}

// roundTable reads a round table, the one body named by an adjective and a
// noun, at token i: "Runder Tisch", "des Runden Tisches", "am Runden Tisch";
// its name is in the nominative.
func roundTable(s string, toks []Token, i int) (BodyHit, bool) {
	if i+1 >= len(toks) || toks[i+1].Sep != " " {
		return BodyHit{}, false
	}
	switch toks[i].Raw {
	case "Runder", "Runden", "Runde":
	default:
		return BodyHit{}, false
	}
	switch toks[i+1].Raw {
	case "Tisch", "Tisches", "Tischs":
	default:
		return BodyHit{}, false
	}
	// the capitalised words of its topic or Land after it: "Runder Tisch
	// Open Source", "Runder Tisch Sachsen" (not a time: "Runder Tisch
	// Ende September")
	h := BodyHit{Start: toks[i].Start, End: toks[i+1].End, Name: "Runder Tisch"}
	for k := i + 2; k < len(toks) && k < i+5 && toks[k].Sep == " " && IsUpperInitial(toks[k].Raw); k++ {
		if _, month := Month(toks[k].Raw); month || timeWords[toks[k].Lower] {
			break
		}
		h.Name += " " + toks[k].Raw
		h.End = toks[k].End
	}
	return h, true
}

// genitiveBase returns w without its genitive ending "s" or "es".
func genitiveBase(w string) (string, bool) {
	if b, ok := strings.CutSuffix(w, "es"); ok && len(b) > 3 && isBody(b) {
		return b, true
	}
	if b, ok := strings.CutSuffix(w, "s"); ok && len(b) > 3 {
		return b, true
	}
	return "", false
}

// isBody reports whether the lower-case compound w ends in a body head after
// a prefix of at least three letters (two before a hyphen: "KI-Rat"), or is
// a head that names a body alone.
func isBody(w string) bool {
	if p, ok := strings.CutSuffix(w, "-tag"); ok && utf8.RuneCountInString(p) >= 3 && !strings.Contains(p, " ") {
		return true // a day of a group's or region's event: "Nord-CERT-Tag", "Open-Data-Tag"
	}
	for _, h := range bodyHeads {
		p, ok := strings.CutSuffix(w, h)
		if !ok {
			continue
		}
		n := utf8.RuneCountInString(strings.Trim(p, "-"))
		if h == "konferenz" && peoplePrefix(strings.Trim(p, "-")) {
			continue // "Koordinatorenkonferenz": the people's conference is a series named otherwise
		}
		if seasonPrefix(strings.Trim(p, "-")) {
			continue // "Herbstrunde", "Frühjahrskonferenz": a season's meeting of a series, not a body
		}
		if aloneHeads[h] || n >= 3 || n >= 2 && strings.HasSuffix(p, "-") {
			return true
		}
	}
	return false
}

// seasonPrefixes are the seasons as the first part of a compound.
var seasonPrefixes = []string{"frühjahrs", "frühlings", "herbst", "sommer", "winter"}

// seasonPrefix reports whether the first part of a compound is a season
// ("herbst", "frühjahrs").
func seasonPrefix(p string) bool { return slices.Contains(seasonPrefixes, p) }

// SeasonalMeeting reports whether a word names a meeting by its season
// ("Frühjahrssitzung", "Herbstkonferenz", "Sommertreffen", "Herbstrunde"),
// in any case: a meeting of a series, not a body, and no date.
func SeasonalMeeting(w string) bool {
	lw := strings.ToLower(w)
	for _, pre := range seasonPrefixes {
		if !strings.HasPrefix(lw, pre) {
			continue
		}
		for _, suf := range []string{"sitzung", "konferenz", "treffen", "tagung", "runde"} {
			if strings.HasSuffix(lw, suf) {
				return true
			}
		}
	}
	return false
}

// peoplePrefix reports whether the first part of a compound names a group
// of people ("koordinatoren", "leiter", "beauftragten", "chefs"): their
// conference ("Koordinatorenkonferenz") is the body they form, which the
// series registry names in its own words.
func peoplePrefix(p string) bool {
	for _, e := range []string{"oren", "innen", "leiter", "ter", "ten", "chefs", "räte", "sprecher"} {
		if strings.HasSuffix(p, e) {
			return true
		}
	}
	return false
}

func lastHyphenPart(w string) string {
	if k := strings.LastIndexByte(w, '-'); k >= 0 {
		return w[k+1:]
	}
	return w
}

// gatheringHeads end the nouns of a meeting, German and English:
// "Frühjahrskonferenz", "Sitzung", "Länderforum", "conference".
var gatheringHeads = []string{"konferenz", "sitzung", "tagung", "treffen", "gipfel", "zusammenkunft", "klausur", "forum",
	"conference", "meeting", "summit"}

// IsGathering reports whether a word, in any case, names a meeting by its
// head noun in any inflection: "Frühjahrskonferenz", "Sitzungen", "forum".
func IsGathering(w string) bool {
	lw := strings.ToLower(w)
	for _, h := range gatheringHeads {
		if strings.HasSuffix(lw, h) || strings.HasSuffix(lw, h+"en") || strings.HasSuffix(lw, h+"s") {
			return true
		}
	}
	return false
}

// GatheringNoun reports whether a capitalised word names a meeting by its
// head noun: "Auf ihrer Frühjahrskonferenz in Saarbrücken".
func GatheringNoun(w string) bool { return IsUpperInitial(w) && IsGathering(w) }

// timeWords open a time after a name: "Ende September", "Herbst 2094".
var timeWords = map[string]bool{"ende": true, "anfang": true, "mitte": true, "frühjahr": true, "frühling": true, "sommer": true,
	"herbst": true, "winter": true}
