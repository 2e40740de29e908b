package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/german"
	"github.com/laendergraph/laendergraph/ingest/text"
)

// roleNouns are the endings of role nouns: "Digitalministerin",
// "Wirtschaftssenator", "Innovationsbeauftragte", "Digitalkoordinator".
// landRole marks the roles of a Land government, for which the document's
// Land may stand in when the phrase names none.
var roleNouns = []struct {
	suffix   string
	landRole bool
}{
	{"ministerpräsidentin", true}, {"ministerpräsident", true}, {"staatsministerin", true}, {"staatsminister", true},
	{"ministerin", true}, {"minister", true}, {"senatorin", true}, {"senator", true},
	{"staatssekretärin", true}, {"staatssekretär", true}, {"staatsekretärin", true}, {"staatsekretär", true},
	{"staatsrätin", true}, {"staatsrat", true}, {"beauftragte", true}, {"beauftragter", true},
	{"koordinatorin", true}, {"koordinator", true},
	{"bürgermeisterin", false}, {"bürgermeister", false}, {"präsidentin", false}, {"präsident", false},
	{"kanzlerin", false}, {"kanzler", false}, {"geschäftsführerin", false}, {"geschäftsführer", false},
	{"projektleiterin", false}, {"projektleiter", false},
	// the ranks of a ministry's senior officials
	{"ministerialdirektorin", true}, {"ministerialdirektor", true}, {"ministerialdirigentin", true}, {"ministerialdirigent", true},
	{"direktorin", false}, {"direktor", false},
	{"vorsitzende", false}, {"vorsitzender", false},
	{"bevollmächtigte", true}, {"bevollmächtigter", true},
	{"abteilungsleiterin", true}, {"abteilungsleiter", true}, {"amtsleiterin", false}, {"amtsleiter", false},
	{"amtschefin", true}, {"amtschef", true}, {"leiterin", false}, {"leiter", false},
	// only as the head of an office, like "Leiter": "Chef der Staatskanzlei"
	{"chefin", false}, {"chef", false},
}

// commissioner reports whether a role noun in lower case is a
// commissioner's ("Beauftragte", "Beauftragter", "Beauftragten"), whose
// compound names a subject, not an office.
func commissioner(l string) bool {
	for _, e := range []string{"beauftragte", "beauftragter", "beauftragten"} {
		if strings.HasSuffix(l, e) {
			return true
		}
	}
	return false
}

// brandName reports whether a capitalised word is written as the name of
// an organisation, not a common noun: with a digit or a capital after a
// small letter ("Hessen3C", "CyberSicherheit"). "Leiter des Hessen3C" heads
// it; "Leiter der Sitzung" leads a meeting.
func brandName(w string) bool {
	if !isUpperInitial(w) {
		return false
	}
	prevLower := false
	for _, r := range w {
		switch {
		case unicode.IsDigit(r):
			return true
		case unicode.IsUpper(r) && prevLower:
			return true
		}
		prevLower = unicode.IsLower(r)
	}
	return false
}

// rightModifiers stand between an apposition's article and its role:
// "X, die erste Digitalministerin", "X, der neue CIO".
var rightModifiers = set("erste", "erster", "neue", "neuer", "amtierende", "amtierender", "designierte", "designierter")

// orgHeads are the parts of the names of offices that a plain "Leiter" or
// "Leiterin" heads as a role ("Leiter des Amtes für IT"), unlike the leader
// of a meeting ("Leiterin der Sitzung").
var orgHeads = []string{"amt", "ämt", "behörde", "agentur", "abteilung", "referat", "stelle", "zentrum", "cert", "ministerium", "kanzlei", "büro", "institut", "direktion", "betrieb"}

// govHeads are the parts of the names of government offices: their head is
// a role of a Land government.
var govHeads = []string{"amt", "ämt", "behörde", "abteilung", "referat", "stelle", "ministerium", "kanzlei", "direktion", "cert", "landesbetrieb"}

// roleAcronyms are roles written as acronyms or English titles.
var roleAcronyms = map[string]bool{"CDO": true, "CIO": true, "CTO": true, "CEO": true, "CISO": true, "CSO": true}

// roleModifiers stand before a role noun as part of the role: "stellvertretende
// Ministerpräsident", "Regierende Bürgermeisterin".
var roleModifiers = set("stellvertretende", "stellvertretender", "stellvertretenden", "regierende", "regierender",
	"regierenden", "erste", "erster", "ersten", "parlamentarische", "parlamentarischer", "parlamentarischen",
	"amtierende", "amtierender", "amtierenden", "geschäftsführende", "geschäftsführender", "geschäftsführenden")

// roleLink are the lower-case words a role phrase may hold: "Minister für
// Inneres, Digitalisierung und Migration", "Staatssekretär in der
// Staatskanzlei des Landes Brandenburg".
var roleLink = set("für", "und", "der", "des", "die", "das", "den", "dem", "von", "vom", "in", "im", "zur", "zum", "am", "an", "bei", "beim", "sowie")

// nameStop are capitalised words that are not part of a name.
var nameStop = set("der", "die", "das", "den", "dem", "des", "ein", "eine", "im", "in", "am", "auf", "aus", "bei", "mit",
	"nach", "von", "vom", "zu", "zur", "zum", "und", "oder", "aber", "auch", "als", "wie", "seit", "für", "über",
	"unter", "vor", "bis", "ab", "dass", "es", "er", "sie", "wir", "ich", "ihr", "sowie", "heute", "damit", "dabei",
	"dazu", "zudem", "außerdem", "weiterhin", "herr", "frau", "land", "bund", "länder", "landesregierung",
	"staatskanzlei", "senatskanzlei", "ministerium", "uhr", "jahr", "chief", "officer", "digital", "information", "technology",
	"executive", "prof", "dr", "deutschland", "europa", "digitalisierung", "pressemitteilung", "foto", "bild",
	"senat", "kabinett", "ministerrat", "landtag", "staatsregierung", "bürgerschaft",
	// relations named before a name: "Ihr Kollege Jan Muster"
	"vielen", "herzlichen", "dank", "danke",
	"kollege", "kollegin", "amtskollege", "amtskollegin", "nachfolger", "nachfolgerin", "vorgänger", "vorgängerin")

// parties are words that mark a parenthesis after a name as the party.
var parties = []string{"CDU", "CSU", "SPD", "FDP", "AfD", "BSW", "SSW", "Grüne", "Grünen", "Linke", "LINKE", "Freie Wähler", "FREIE WÄHLER", "parteilos", "Piraten"}

var (
	addressRe   = regexp.MustCompile(`^(?:Frau|Herrn?)[ \t]+`)
	honorificRe = regexp.MustCompile(`^(?:(?:Prof|Dr|Dipl|Ing|med|phil|jur|rer|nat|habil|h\.\s?c|em)\.(?:-Ing\.)?[ \t]*){1,5}`)
	partyRe     = regexp.MustCompile(`^[ \t]*\(([^()\n]{2,40})\)`)
)

// address returns the form of address ("Frau ", "Herrn ") that s starts
// with, or "".
func address(s string) string {
	if !strings.HasPrefix(s, "Frau") && !strings.HasPrefix(s, "Herr") {
		return "" // what addressRe needs, checked without running it
	}
	return addressRe.FindString(s)
}

// honorific returns the academic titles ("Prof. Dr. ") that s starts with,
// or "".
func honorific(s string) string {
	// every title of honorificRe ends with a dot within its first six bytes
	if strings.IndexByte(s[:min(len(s), 6)], '.') < 0 {
		return ""
	}
	return honorificRe.FindString(s)
}

// nameToken returns the word of a name that s starts with: a capitalised
// word, hyphenated capitalised words ("Müller-Lüdenscheidt", "O’Neill")
// or an initial ("M."); else "".
func nameToken(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return ""
	}
	tail := func(i int) int { // the end of a run of [\p{Ll}'’] from i
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsLower(r) && r != '\'' && r != '’' {
				break
			}
			i += n
		}
		return i
	}
	end := tail(n)
	if end == n { // no lower-case letter: an initial or nothing
		if strings.HasPrefix(s[n:], ".") {
			return s[:n+1]
		}
		return ""
	}
	for strings.HasPrefix(s[end:], "-") { // "-Lüdenscheidt"
		r, n := utf8.DecodeRuneInString(s[end+1:])
		if !unicode.IsUpper(r) {
			break
		}
		e := tail(end + 1 + n)
		if e == end+1+n {
			break
		}
		end = e
	}
	return s[:end]
}

// personName is a name found in a text.
type personName struct {
	start, end int // of the name (after the honorific)
	hstart     int // start of the honorific, or start
	honorific  string
	name       string
	party      string
	after      int // end of the name and party
}

// parseName parses "[honorific] First [Middle] Last [(Party)]" at s[i:].
func (x *Extractor) parseName(s string, i int) (personName, bool) {
	p := personName{hstart: i}
	// "Frau Sabine Ehrhardt", "Herrn Dr. Max Muster": the form of address
	// belongs to the phrase, not to the name
	if m := address(s[i:]); m != "" {
		i += len(m)
	}
	if m := honorific(s[i:]); m != "" {
		p.honorific = strings.Join(strings.Fields(m), " ")
		i += len(m)
	}
	p.start = i
	if i < len(s) {
		if _, ok := x.lm.MatchAt(s, i); ok {
			return p, false // "Freien Hansestadt Bremen" is a Land
		}
	}
	var parts []string
	end := i
	for len(parts) < 4 {
		m := nameToken(s[end:])
		if m == "" {
			break
		}
		w := strings.TrimRight(m, "'’")
		// after an academic title, a first name may end as a noun does
		// ("Prof. Dr. Severin Kallweit-Roos"): only notNameWord ends the
		// name there, else notNamePart does (its cheap test of common
		// nouns first)
		if strings.HasSuffix(m, ".") && len(parts) == 0 {
			break
		}
		if l := strings.ToLower(w); len(parts) == 0 && p.honorific != "" {
			if x.notNameLower(w, l) {
				break
			}
		} else if commonNounLower(w, l) || x.notNameLower(w, l) {
			break
		}
		next := end + len(m)
		if !isWordBoundary(s, next) {
			break
		}
		parts = append(parts, m)
		end = next
		if end < len(s) && s[end] == ' ' && end+1 < len(s) && unicode.IsUpper(firstRune(s[end+1:])) {
			end++
			continue
		}
		// a line break inside a hard-wrapped sentence, after a first
		// name that is no name alone: "sagte Staatssekretärin Katrin¶
		// Beispiel, …"
		if len(parts) == 1 && !strings.HasSuffix(m, ".") && end+1 < len(s) && s[end] == '\n' && unicode.IsUpper(firstRune(s[end+1:])) {
			end++
			continue
		}
		break
	}
	// drop a trailing space taken before a word that did not continue the name
	for len(parts) > 0 && strings.HasSuffix(parts[len(parts)-1], ".") {
		parts = parts[:len(parts)-1] // an initial cannot end a name
	}
	full := 0
	for _, w := range parts {
		if !strings.HasSuffix(w, ".") {
			full++
		}
	}
	if full < 2 {
		return p, false
	}
	p.name = strings.Join(parts, " ")
	p.end = p.start + len(p.name)
	if p.end > len(s) || strings.ReplaceAll(s[p.start:p.end], "\n", " ") != p.name {
		return p, false // (a line break may stand for a space, see above)
	}
	p.after = p.end
	if m := partyRe.FindStringSubmatch(s[p.end:]); m != nil {
		for _, pt := range parties {
			if containsWord(m[1], pt) {
				p.party = strings.TrimSpace(m[1])
				p.after = p.end + len(m[0])
				break
			}
		}
	}
	// the age in brackets: "Jakob X (52) ist seit 2053 Minister …"
	if m := ageRe.FindStringIndex(s[p.after:]); m != nil {
		p.after += m[1]
	}
	return p, true
}

// ageRe matches a person's age in brackets right after the name.
var ageRe = regexp.MustCompile(`^ ?\([1-9][0-9]\)`)

// notNamePart reports whether a capitalised word cannot be part of a
// person's name: a function word, a month or weekday, a role, a common
// noun or a Land.
func (x *Extractor) notNamePart(w string) bool {
	l := strings.ToLower(w)
	return x.notNameLower(w, l) || commonNounLower(w, l)
}

// notNameWord is notNamePart without the endings of common nouns.
func (x *Extractor) notNameWord(w string) bool {
	return x.notNameLower(w, strings.ToLower(w))
}

// notNameLower is notNameWord of w and its lower case l.
func (x *Extractor) notNameLower(w, l string) bool {
	return nameStop[l] || calendarWord(w) || isRoleLower(w, l) || officeNounLower(l) || len(x.lm.FindAll(w)) > 0
}

// officeNoun reports whether w names an office by its ending ("Stabsstelle",
// "Landesamt", "Referat"): the name after it is the office's ("Leiter der
// Stabsstelle Offene Daten"), and it is no part of a person's name.
func officeNoun(w string) bool { return officeNounLower(strings.ToLower(w)) }

// officeNounLower is officeNoun of a word in lower case.
func officeNounLower(l string) bool {
	if utf8.RuneCountInString(l) < 6 {
		return false
	}
	for _, e := range officeEndings {
		if strings.HasSuffix(l, e) {
			return true
		}
	}
	return false
}

// officeEndings are orgHeads also in the genitive: "des Referats", "des
// Landesamtes".
var officeEndings = func() []string {
	var out []string
	for _, h := range orgHeads {
		out = append(out, h, h+"s", h+"es")
	}
	return out
}()

func containsWord(s, w string) bool {
	i := strings.Index(s, w)
	return i >= 0 && (i == 0 || !isWordRune(lastRune(s[:i]))) && isWordBoundary(s, i+len(w))
}

func lastRune(s string) rune {
	r, n := utf8.DecodeLastRuneInString(s)
	if n == 0 {
		return -1
	}
	return r
}

// roleOf reports whether a word is a role noun and whether it is a role of
// a Land government.
func roleOf(w string) (landRole, ok bool) {
	if roleAcronyms[w] {
		return w == "CDO" || w == "CIO", true
	}
	if !isUpperInitial(w) {
		return false, false
	}
	return roleOfLower(strings.ToLower(w))
}

// roleOfLower is roleOf of a capitalised word in lower case l that is no
// acronym of roleAcronyms.
func roleOfLower(l string) (landRole, ok bool) {
	// the first form of roleForms that l ends with, among those that end
	// as l does
	best := -1
	if len(l) >= roleTailLen {
		for _, i := range roleFormsByTail[l[len(l)-roleTailLen:]] {
			if strings.HasSuffix(l, roleForms[i].suffix) {
				best = i // the first: the indexes ascend
				break
			}
		}
	}
	if best < 0 {
		return false, false
	}
	if suf := roleForms[best].suffix; strings.HasPrefix(suf, "chef") && l != suf {
		return false, false // "Küchenchef": only "Chef der …" heads an office
	}
	return roleForms[best].landRole, true
}

// roleTailLen is the length of the shortest role form ("chef").
const roleTailLen = 4

// roleFormsByTail maps the last roleTailLen bytes of each form of roleForms
// to the forms' indexes there, ascending: the only forms a word with that
// ending can end with.
var roleFormsByTail = func() map[string][]int {
	m := map[string][]int{}
	for i, r := range roleForms {
		if len(r.suffix) < roleTailLen {
			panic("extract: a role form is shorter than roleTailLen: " + r.suffix)
		}
		tail := r.suffix[len(r.suffix)-roleTailLen:]
		m[tail] = append(m[tail], i)
	}
	return m
}()

// roleForms are the role noun endings with their case endings.
var roleForms = func() []struct {
	suffix   string
	landRole bool
} {
	var out []struct {
		suffix   string
		landRole bool
	}
	for _, r := range roleNouns {
		for _, e := range []string{"", "en", "n", "s"} {
			out = append(out, struct {
				suffix   string
				landRole bool
			}{r.suffix + e, r.landRole})
		}
	}
	return out
}()

func isRoleWord(w string) bool {
	_, ok := roleOf(w)
	return ok || w == "Chief" || w == "Officer"
}

// isRoleLower is isRoleWord of w and its lower case l.
func isRoleLower(w, l string) bool {
	_, ok := roleOfWord(w, l)
	return ok || w == "Chief" || w == "Officer"
}

// roleOfWord is roleOf of w and its lower case l.
func roleOfWord(w, l string) (landRole, ok bool) {
	if roleAcronyms[w] {
		return w == "CDO" || w == "CIO", true
	}
	if !isUpperInitial(w) {
		return false, false
	}
	return roleOfLower(l)
}

// roleSpan is a role noun (with modifiers, a "Finanz- und" prefix, or the
// words of "Chief Digital Officer") at tokens [from, to] of a sentence.
type roleSpan struct {
	from, to   int // tokens
	start, end int // bytes
	landRole   bool
}

// roleAt returns the role noun that ends at token k.
func (s *sentence) roleEndingAt(k int) (roleSpan, bool) {
	if k < 0 || k >= len(s.toks) {
		return roleSpan{}, false
	}
	t := s.toks[k]
	r := roleSpan{from: k, to: k, start: t.start, end: t.end}
	if t.raw == "Officer" {
		// "Chief Digital Officer", "Chief Information Security Officer"
		for j := k - 2; j >= 0 && j >= k-4; j-- {
			if s.toks[j+1].sep != " " || !isUpperInitial(s.toks[j+1].raw) {
				break
			}
			if s.toks[j].raw == "Chief" {
				r.from, r.start, r.landRole = j, s.toks[j].start, true
				return r, true
			}
		}
	}
	lr, ok := roleOfWord(t.raw, t.lower)
	if !ok {
		return roleSpan{}, false
	}
	switch l := t.lower; l {
	case "leiter", "leiterin", "leiters", "chef", "chefin", "chefs":
		if n := k + 1; n < len(s.toks) && s.toks[n].sep == " " && isAllUpper(s.toks[n].raw) && containsAny(s.toks[n].lower, orgHeads) {
			// the office by its short name, no article: "Leiterin CERT-rlp"
			lr = containsAny(s.toks[n].lower, govHeads)
			break
		}
		// "Leiterin des Landesamts", and without an article "Leiterin
		// von Hessen3C", "Leiter vom Landesamt"
		if k+2 >= len(s.toks) || !articles[s.toks[k+1].lower] && s.toks[k+1].lower != "von" && s.toks[k+1].lower != "vom" {
			return roleSpan{}, false
		}
		h := k + 2
		if h+1 < len(s.toks) && s.toks[h+1].sep == " " && (s.isAdjectiveToken(h) || s.landAdjectiveAt(h)) {
			h++ // "Leiterin des Bremer CERT", "Leiter des hessischen Landesamts"
		}
		head := s.toks[h].lower
		if h+1 < len(s.toks) && s.toks[h+1].sep == "." {
			head += "." + s.toks[h+1].lower // a dotted name: "des SAX.CERT"
		}
		for n := h + 1; n < len(s.toks) && s.toks[n].sep == "-"; n++ {
			head += "-" + s.toks[n].lower // a hyphenated one: "des N-CERT"
		}
		if !containsAny(head, orgHeads) && !(brandName(s.toks[h].raw) && (h+1 >= len(s.toks) || s.toks[h+1].sep != "-")) {
			return roleSpan{}, false
		}
		// the head of an office of government: "Leiter der Stabsstelle",
		// "Leiterin des Landesamts" — the document's Land may stand in
		lr = containsAny(head, govHeads)
	case "präsident", "präsidentin", "direktor", "direktorin":
		// the head of a Land authority: "Präsident der Agentur",
		// "Präsidentin des Landesamts", "Präsident des LSI" (an
		// abbreviation the document gives a Land office)
		if k+2 < len(s.toks) && articles[s.toks[k+1].lower] && s.toks[k+1].sep == " " && s.toks[k+2].sep == " " {
			w := s.toks[k+2]
			lr = s.isLandOrg(w.raw) || !strings.HasPrefix(w.lower, "bundes") && !strings.HasPrefix(w.lower, "eu") &&
				containsAny(w.lower, append(govHeads, "agentur"))
		}
	}
	if strings.Contains(t.sep, "-") && !strings.Contains(t.sep, " ") && k > 0 && s.isLandOrg(s.toks[k-1].raw) && headOfOffice[strings.ToLower(t.raw)] {
		// "LSI-Präsident": the head of an office the document gives as
		// a Land's
		r.from, r.start, lr = k-1, s.toks[k-1].start, true
	} else if strings.Contains(t.sep, "-") && !strings.Contains(t.sep, " ") && s.landCompoundBefore(k) == "" && commissioner(t.lower) {
		// "IT-Beauftragte", "Open-Source-Beauftragter": a commissioner's
		// subject, however it is hyphenated, is part of the role (an
		// office's head, "CERT-Leiter", is not a commissioner)
		j := k - 1
		for j > 0 && j >= k-3 && s.toks[j].sep == "-" && isUpperInitial(s.toks[j-1].raw) {
			j--
		}
		if f := s.toks[j].lower; f == "eu" || f == "un" || strings.HasPrefix(f, "bundes") {
			return roleSpan{}, false // "EU-Beauftragte": not of a Land
		}
		r.from, r.start = j, s.toks[j].start
	} else if strings.Contains(t.sep, "-") && !strings.Contains(t.sep, " ") && s.landCompoundBefore(k) == "" {
		// "Finanz-Staatssekretär": a department before the hyphen is part
		// of the role; any other compound ("Bayern-CERT-Leiter") is not.
		if k == 0 || !isUpperInitial(s.toks[k-1].raw) || isAllUpper(s.toks[k-1].raw) || len(s.lands) > 0 && s.landStartsAt(s.toks[k-1].start) ||
			k >= 2 && strings.Contains(s.toks[k-1].sep, "-") {
			return roleSpan{}, false
		}
		r.from, r.start = k-1, s.toks[k-1].start
	}
	r.landRole = lr
	// "Finanz- und Heimatminister"
	if k >= 2 && s.toks[k-1].lower == "und" && s.toks[k-1].sep == "- " && isUpperInitial(s.toks[k-2].raw) {
		r.from, r.start = k-2, s.toks[k-2].start
	}
	if j := r.from - 1; j >= 0 && roleModifiers[s.toks[j].lower] && s.toks[r.from].sep == " " {
		r.from, r.start = j, s.toks[j].start
		// "Regierende Bürgermeisterin", "Erster Bürgermeister": the head of
		// a city state's government
		if m := s.toks[j].lower; (strings.HasPrefix(m, "regierende") || strings.HasPrefix(m, "erste")) && strings.HasPrefix(t.lower, "bürgermeister") {
			r.landRole = true
		}
	}
	return r, true
}

// roleWithComplementEndingAt returns the role whose phrase, a role noun and
// its portfolio after "für", ends at token k right before a name:
// "Staatsministerin für Digitales" in "sagte Staatsministerin für Digitales
// Veronika X". The words between are role words (see rolePhrase), at most
// six. Other complements are names of their own ("Projektleiter der Smart
// Country Convention", "im Wissenschaftspark Albert Einstein"): what
// follows them is no name of a person.
func (x *Extractor) roleWithComplementEndingAt(s *sentence, k int) (roleSpan, bool) {
	for j := k - 1; j >= 0 && j >= k-6; j-- {
		if r, ok := s.roleEndingAt(j); ok {
			if r.to+1 < k && s.toks[r.to+1].lower == "für" && x.rolePhrase(s, r.to) == k {
				return r, true
			}
			// an office in the genitive, one word: "Chef der Staatskanzlei
			// Raphael X", "Präsident des Landesamts Hans Y"
			if r.to+2 == k && (s.toks[r.to+1].lower == "der" || s.toks[r.to+1].lower == "des") &&
				containsAny(s.toks[r.to+2].lower, orgHeads) && isUpperInitial(s.toks[r.to+2].raw) {
				return r, true
			}
			return roleSpan{}, false
		}
		if !s.roleWordAt(j) {
			break
		}
	}
	return roleSpan{}, false
}

// headOfOffice are the role nouns that head an office: "LSI-Präsident".
var headOfOffice = map[string]bool{"präsident": true, "präsidentin": true, "direktor": true, "direktorin": true,
	"leiter": true, "leiterin": true, "chef": true, "chefin": true}

// rolePhrase extends a role at token k to the right over its complement
// ("für Medien und Digitalisierung des Landes Brandenburg") and returns the
// index of its last token. It stops before punctuation other than a comma
// inside a list, before a name after a comma, and before "und" + another
// role.
func (x *Extractor) rolePhrase(s *sentence, k int) int {
	last := k
	bracket := false // the token before closed a bracketed acronym
	for j := k + 1; j < len(s.toks); j++ {
		t := s.toks[j]
		if j == k+1 && s.bracketedAcronym(j) && roleAcronyms[t.raw] {
			// "Chief Information Security Officer (CISO) des Freistaats
			// Sachsen, Dr. …": the acronym does not end the phrase
			bracket = true
			continue
		}
		switch {
		case t.sep == " " || t.sep == "-" || bracket && t.sep == ") ":
		case t.sep == "." && isUpperInitial(t.raw):
			// a dotted name: "Leiter des SAX.CERT", "Präsidentin von IT.NRW"
		case t.sep == ", " && isUpperInitial(t.raw):
			if _, ok := x.parseName(s.txt, t.start); ok || address(s.txt[t.start:]) != "" {
				return last
			}
		default:
			return last
		}
		if (t.lower == "die" || t.lower == "das" || t.lower == "den" || t.lower == "dem") && isUpperInitial(s.toks[j-1].raw) ||
			(t.lower == "die" || t.lower == "das" || t.lower == "den") && s.toks[j-1].lower == "in" {
			// an object after the role's complement ("CIO der
			// Landesregierung die Strategie verantwortet"), a move ("als
			// Staatssekretärin in das Ministerium … wechselt")
			return last
		}
		if t.lower == "und" && j+1 < len(s.toks) {
			if _, ok := s.roleEndingAt(j + 1); ok {
				return last
			}
			if _, ok := s.roleEndingAt(j + 3); ok && s.toks[j+3].raw == "Officer" {
				return last
			}
		}
		if !s.roleWordAt(j) || honorific(s.txt[t.start:]) != "" || address(s.txt[t.start:]) != "" {
			// an academic title or a form of address opens the name:
			// "Ministerin für Digitalisierung und Innovation Dr. X", "Das
			// Wort hat die Ministerin für Digitales Frau X"
			return last
		}
		// a name follows the role phrase; a word right after "für", or
		// after an adjective, is the portfolio's ("für Digitales Veronika
		// X", "für ländlichen Raum Anna Y")
		if prev := s.toks[j-1]; isUpperInitial(t.raw) && j+1 < len(s.toks) && s.toks[j+1].sep == " " &&
			prev.lower != "für" && !(prev.raw == prev.lower && adjectiveLike(prev.lower)) && !x.portfolioAfterUnd(s, k, j) {
			if _, ok := x.parseName(s.txt, t.start); ok {
				return last
			}
		}
		if !roleLink[t.lower] {
			last = j
		}
		bracket = false
	}
	return last
}

// portfolioAfterUnd reports whether the word at token j, after "und" in
// the portfolio of the role at token k, is the portfolio's second field
// with the name right after it: "Minister für Digitales und Inneres Lorenz
// X".
func (x *Extractor) portfolioAfterUnd(s *sentence, k, j int) bool {
	if s.toks[j-1].lower != "und" || j+1 >= len(s.toks) {
		return false
	}
	if w := s.toks[j].raw; isRoleLower(w, s.toks[j].lower) || address(s.txt[s.toks[j].start:]) != "" || strings.HasSuffix(s.toks[j].lower, "rat") || strings.HasSuffix(s.toks[j].lower, "rätin") {
		return false // "dem Minister für Digitales und Landrat Peter X", "und Frau Anna Y"
	}
	für := false
	for i := k + 1; i < j-1; i++ {
		für = für || s.toks[i].lower == "für"
	}
	if !für {
		return false
	}
	_, ok := x.parseName(s.txt, s.toks[j+1].start)
	return ok
}

// leftRole returns the role phrase s.toks[from..to] before a name and its
// Land: the Land the phrase names (splitRole), else the Land right before it
// (possessorBefore: "Brandenburgs Staatssekretärin für …").
func (s *sentence) leftRole(from, to int) (string, corpus.LandCode) {
	text, land := s.splitRole(from, to)
	if land == "" {
		land, _ = s.possessorBefore(from)
	}
	if land == "" {
		land = s.officeLand(from, to)
	}
	return text, land
}

// officeLand returns the Land of an office that the role phrase at tokens
// from…to names by the abbreviation the document gave it: "Präsident der
// CSBW" after "Cybersicherheitsagentur Baden-Württemberg (CSBW)".
func (s *sentence) officeLand(from, to int) corpus.LandCode {
	for k := from; k <= to && k < len(s.toks); k++ {
		if l := s.landOrgs[s.toks[k].raw]; l != "" {
			return l
		}
	}
	return ""
}

// ownOffice reports whether tokens from..to name an office the document
// introduced as a Land's without naming the Land: "X, Geschäftsführer der
// LADV" after "Landesagentur für digitale Verwaltung (LADV)" heads an
// office of the document's Land.
func (s *sentence) ownOffice(from, to int) bool {
	for k := from; k <= to && k < len(s.toks); k++ {
		if l, ok := s.landOrgs[s.toks[k].raw]; ok && l == "" {
			return true
		}
	}
	return false
}

// splitRole separates the Land part from a role phrase s.txt[start:end]:
// "Staatssekretärin für Digitalisierung in der Berliner Senatskanzlei" →
// ("Staatssekretärin für Digitalisierung", BE).
func (s *sentence) splitRole(from, to int) (string, corpus.LandCode) {
	to = max(to, from)
	start, end := s.toks[from].start, s.toks[to].end
	head := s.roleHead(from)
	var land corpus.LandCode
	cut := end
	tail := ""
	for _, h := range s.lands {
		if h.Compound || h.Start < start || h.End > end {
			continue
		}
		land = h.Land
		if h.Start > start && s.txt[h.Start-1] == '.' {
			continue // a dotted office name, "Leiter von IT.Niedersachsen", stays whole
		}
		i := s.tokenAt(h.Start)
		if i < 0 {
			cut = h.Start
			break
		}
		j := i
		for j-1 > from && (articles[s.toks[j-1].lower] || genitiveNouns[s.toks[j-1].lower]) {
			j--
		}
		// "in der Staatskanzlei des Landes Brandenburg", "von Berlin"
		for k := j - 1; k > from && k >= j-4; k-- {
			if w := s.toks[k].lower; w == "in" || w == "im" || w == "von" || w == "vom" || w == "aus" || w == "bei" || w == "beim" {
				j = k
				break
			}
			if w := s.toks[k].lower; w == "für" || w == "und" {
				break
			}
		}
		cut = s.toks[j].start
		// "Beauftragter der Bayerischen Staatsregierung für
		// Informationstechnologie": the Land's genitive stands between
		// the head and its complement, which stays with the role
		k := s.tokenBefore(h.End) + 1
		for n := 0; n < 2 && k < len(s.toks) && isUpperInitial(s.toks[k].raw); n++ {
			k++ // the noun of the genitive: "Staatsregierung"
		}
		if k < len(s.toks) && s.toks[k].lower == "für" && s.toks[k].start < end {
			tail = " " + s.txt[s.toks[k].start:end]
		}
		break
	}
	if land == "" {
		if l, at, ok := s.capitalGovernment(from, to); ok {
			land, cut = l, at // "Ministerin für … in der Kieler Landesregierung"
		}
	}
	if land == "" {
		// an office named by its Land and an acronym, after the head
		// noun: "Leiter des Hessen-CERT", "Leiter des Hessen3C" (not
		// "des Berlin-Büros", "der SachsenEnergie")
		for k := from + 1; k <= to && k < len(s.toks) && s.lm != nil; k++ {
			if l, ok := s.lm.BrandLand(s.toks[k].raw); ok {
				land = l
				break
			}
			if k+1 <= to && s.toks[k+1].sep == "-" && isAllUpper(s.toks[k+1].raw) && len(s.toks[k+1].raw) >= 3 &&
				(k+2 >= len(s.toks) || s.toks[k+2].sep != "-") { // not "des Berlin-IT-Büros", "der Hessen-AG"
				for _, h := range s.landsStartingAt(s.toks[k].start) {
					if h.Compound && h.Kind == FormName && h.End == s.toks[k].end {
						land = h.Land
					}
				}
				if land != "" {
					break
				}
			}
		}
	}
	role := strings.TrimSpace(s.txt[start:cut])
	if head.end <= cut && head.end > head.start {
		role = s.roleText(head) + s.txt[head.end:cut]
		role = strings.TrimSpace(role)
	}
	role += tail
	// the role's acronym in brackets right after it: "… (CIO)"
	if acr, _, ok := s.roleAcronymAfter(to + 1); ok {
		role += " (" + s.toks[acr].raw + ")"
	}
	for {
		r := strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(role, ","), " und"))
		if r == role {
			break
		}
		role = r
	}
	return role, land
}

// capitalGovernment finds, within tokens (from, to], a government named by
// the adjective of its seat ("in der Kieler Landesregierung", "der
// Schweriner Staatskanzlei"): its Land and the byte where the words naming
// it begin, with the article and a preposition before them.
func (s *sentence) capitalGovernment(from, to int) (corpus.LandCode, int, bool) {
	if s.lm == nil {
		return "", 0, false
	}
	for _, h := range s.lm.SeatGovernments(s.gtoks) {
		k := s.tokenAt(h.Start)
		if k <= from || k >= to {
			continue
		}
		j := k
		for j-1 > from && articles[s.toks[j-1].lower] {
			j--
		}
		if w := s.toks[j-1].lower; j-1 > from && (w == "in" || w == "im" || w == "bei" || w == "beim" || w == "aus") {
			j--
		}
		return h.Land, s.toks[j].start, true
	}
	return "", 0, false
}

// landAdjectiveAt reports whether token i is a Land's adjective
// ("Bremer", "hessischen").
func (s *sentence) landAdjectiveAt(i int) bool {
	for _, h := range s.landsEndingAt(s.toks[i].end) {
		if !h.Compound && h.Kind == FormAdjective && h.Start == s.toks[i].start {
			return true
		}
	}
	return false
}

// pluralRole reports whether a role word is a plural ("Staatssekretären",
// "Ministern", "Ministerinnen"), which names no one person.
func pluralRole(w string) bool {
	return strings.HasSuffix(w, "innen") || strings.HasSuffix(w, "ären") || strings.HasSuffix(w, "ern")
}

// wrappedBreak reports whether s[from:to] is the line break of hard-wrapped
// prose: a single "\n" after a long line of running text ("… sagte Bayerns
// Digitalminister↵Korbinian Wetzstein bei …"), not the end of a heading or
// of a table's row.
func wrappedBreak(s string, from, to int) bool {
	if s[from:to] != "\n" {
		return false
	}
	line := s[strings.LastIndexByte(s[:from], '\n')+1 : from]
	return utf8.RuneCountInString(line) >= 50 && strings.Count(line, " ") >= 6
}

// possessorBefore returns the Land of a genitive, adjective or name right
// before token k ("Brandenburgs Digitalkoordinator", "die hessische
// Digitalministerin", "Nordrhein-Westfalens Wirtschaftsminister").
func (s *sentence) possessorBefore(k int) (corpus.LandCode, bool) {
	if l := s.landCompoundBefore(k); l != "" {
		return l, true // "NRW-Digitalministerin"
	}
	if k <= 0 || k >= len(s.toks) || s.toks[k].sep != " " {
		return "", false
	}
	if k == 1 && s.backLand != "" {
		return s.backLand, true // "Deren Geschäftsführerin"
	}
	for _, h := range s.landsEndingAt(s.toks[k-1].end) {
		if !h.Compound && (h.Kind == FormGenitive || h.Kind == FormAdjective) {
			return h.Land, true
		}
	}
	if s.lm != nil {
		// "die Schweriner Digitalministerin": the seat of government
		if l, ok := s.lm.CapitalAdjective(s.toks[k-1].raw); ok {
			return l, true
		}
	}
	// "unterzeichneten für Berlin die Staatssekretärin …": the Land a
	// signatory acts for, right before the article
	if k >= 3 && roleArticles[s.toks[k-1].lower] && s.toks[k-1].sep == " " {
		for _, h := range s.landsEndingAt(s.toks[k-2].end) {
			if j := s.tokenAt(h.Start); !h.Compound && j > 0 && s.toks[j-1].lower == "für" {
				return h.Land, true
			}
		}
	}
	return "", false
}

// roleArticles open the noun phrase of a role.
var roleArticles = map[string]bool{"der": true, "die": true, "den": true, "dem": true}

// plainRoleWords reports whether the tokens [from, to] may continue a role
// phrase: capitalised words and link words joined by spaces or hyphens, no
// list ("und", "sowie": "die Beauftragten von A und B, Staatssekretärin X"
// pairs a list).
func (x *Extractor) plainRoleWords(s *sentence, from, to int) bool {
	for k := from; k <= to && k < len(s.toks); k++ {
		t := s.toks[k]
		if s.bracketedAcronym(k) {
			continue // "Chief Digital Officer (CDO) des Landes Berlin"
		}
		if k > from && s.bracketedAcronym(k-1) && strings.TrimSpace(t.sep) == ")" && roleLink[t.lower] {
			continue
		}
		if (t.sep != " " && t.sep != "-") || (!isUpperInitial(t.raw) && !roleLink[t.lower]) || t.lower == "und" || t.lower == "sowie" {
			return false
		}
		if _, ok := x.parseName(s.txt, t.start); ok && isUpperInitial(t.raw) {
			return false // "Staatssekretär A, Staatssekretärin B": A is a person
		}
	}
	return true
}

// landCompoundBefore returns the Land that forms a hyphenated compound
// with token k ("NRW-Digitalministerin", "Bayern-Beauftragter"), else "".
func (s *sentence) landCompoundBefore(k int) corpus.LandCode {
	if k <= 0 || k >= len(s.toks) || s.toks[k].sep != "-" {
		return ""
	}
	for _, h := range s.landsEndingAt(s.toks[k-1].end) {
		if h.Compound && h.Kind != FormRegion {
			return h.Land
		}
	}
	return ""
}

// people returns the people a sentence names with a role.
func (x *Extractor) sentencePeople(doc *corpus.Document, s *sentence, evidence func() corpus.Evidence, dom corpus.LandCode) []corpus.Person {
	var out []corpus.Person
	seen := map[string]bool{}
	// The document's Land stands in for a missing one only when the sentence
	// names no other Land: "auf Einladung von Brandenburg und Berlin,
	// Staatssekretär A und Staatssekretärin B" does not say whose B is.
	// Without a document Land, a sentence that names one Land, not after a
	// preposition, stands in: "Den Vorsitz hatte Bayern, vertreten durch
	// Digitalministerin X".
	docDom := dom
	for _, h := range s.lands {
		// A Land adjective or genitive inside a direct quote is what the
		// speaker talks about, not whom the sentence names: "Minister X:
		// „Ich danke meiner Thüringer Kollegin …“". A partner is not
		// whose the people are: "Die Landesbeauftragte …, X, hat gemeinsam
		// mit den Aufsichtsbehörden Bremens und Hamburgs …".
		if !h.Compound && h.Land != dom && !(h.Kind != FormName && h.Kind != FormRegion && inQuote(s.txt, h.Start)) && !jointPartner(s.txt, h.Start) {
			dom = ""
			break
		}
	}
	if docDom == "" {
		dom = s.onlyFreeLand()
	}
	// A row that opens with its Land, as a table or a list of members
	// does: "BW, Ministerin X", "Hessen: Staatssekretär Y". The row's
	// people are of that Land, not of the document's.
	if l := s.rowLand(); l != "" {
		dom = l
	}
	// phrases records where each person's phrase (roles and name) lies, for
	// pairing a list of Länder with a list of people.
	var phrases []personPhrase
	emit := func(p personName, role string, land corpus.LandCode, landRole bool) {
		role = strings.Join(strings.Fields(role), " ") // wrapped over a line break
		if role == "" {
			return
		}
		explicit := land != ""
		landRole = landRole || ofOwnLand(role)
		if federal(role) {
			land = ""
		} else if land == "" && landRole && !s.federalAppointment(s.tokenAt(p.hstart)) {
			land = dom
		}
		k := p.name + "|" + role
		if seen[k] {
			return
		}
		seen[k] = true
		if n := len(phrases); n == 0 || phrases[n-1].name != p.start {
			phrases = append(phrases, personPhrase{name: p.start})
		}
		ph := &phrases[len(phrases)-1]
		ph.idx = append(ph.idx, len(out))
		ph.explicit = ph.explicit || explicit
		ph.landRole = ph.landRole || (landRole && !federal(role))
		out = append(out, corpus.Person{
			ID: corpus.PersonID(Slug(p.name)), Name: p.name, Honorific: p.honorific, Role: role,
			Land: land, Party: p.party, Date: doc.Date, Evidence: evidence(),
		})
	}
	for k := 0; k < len(s.toks); k++ {
		if !isUpperInitial(s.toks[k].raw) {
			continue
		}
		start := s.toks[k].start
		p, ok := x.parseName(s.txt, start)
		if !ok {
			p, ok = x.surnameAfterRole(s, k)
		}
		if !ok || p.hstart != start {
			continue
		}
		before := s.tokenBefore(p.hstart)
		type role struct {
			text     string
			land     corpus.LandCode
			landRole bool
		}
		var left, right []role
		phraseStart, phraseEnd := p.hstart, p.after
		// Left: "Brandenburgs Digitalkoordinator Thomas Kralinski",
		// "stellvertretende Ministerpräsident und Digitalisierungsminister X".
		if before >= 0 && (onlyBetween(s.txt, s.toks[before].end, p.hstart) || wrappedBreak(s.txt, s.toks[before].end, p.hstart) && !pluralRole(s.toks[before].lower)) &&
			p.hstart-s.toks[before].end == 1 {
			if r, ok := s.roleEndingAt(before); ok {
				land, _ := s.possessorBefore(r.from)
				if land == "" {
					land = x.phraseLand(s, "role-land", r.from)
				}
				phraseStart = r.start
				left = append(left, role{s.roleText(r), land, r.landRole})
				if j := r.from - 1; j >= 1 && s.toks[j].lower == "und" {
					if r2, ok := s.roleEndingAt(j - 1); ok {
						l2, _ := s.possessorBefore(r2.from)
						if l2 == "" {
							l2 = land
						}
						if land == "" {
							left[0].land = l2
						}
						left = append(left, role{s.roleText(r2), l2, r2.landRole})
					}
				}
			} else if r, ok := x.roleWithComplementEndingAt(s, before); ok {
				// the complement between the role and the name:
				// "Staatsministerin für Digitales Veronika X"
				text, land := s.leftRole(r.from, before)
				phraseStart = r.start
				left = append(left, role{text, land, r.landRole})
			}
		}
		// Role first, then the copula: "Geschäftsführerin der
		// einhundertprozentigen Tochtergesellschaft der Investitionsbank
		// Berlin (IBB) wird Nicole Voigt", "Neuer CIO wird X".
		if len(left) == 0 && before >= 1 && copulas[s.toks[before].lower] && p.hstart-s.toks[before].end == 1 && endsClause(s.txt[p.after:]) {
			if r, end, ok := s.leadingRole(before); ok {
				text, land := s.leftRole(r.from, end)
				phraseStart = r.start
				left = append(left, role{text, land, r.landRole})
			}
		}
		// Left apposition: "der Bundesminister für Digitales und Verkehr,
		// Volker Wissing,"; also before a role: "Hamburgs Chief Digital
		// Officer, Staatsrätin X".
		anchor := p.hstart
		if len(left) > 0 {
			anchor = phraseStart
		}
		b := s.tokenBefore(anchor)
		if b >= 1 && strings.TrimSpace(s.txt[s.toks[b].end:anchor]) == ")" && isAllUpper(s.toks[b].raw) &&
			strings.TrimSpace(s.txt[s.toks[b-1].end:s.toks[b].start]) == "(" {
			// "Der Hessische Beauftragte für Datenschutz (HBDI) Prof. Dr. X":
			// the role before the bracketed abbreviation is X's
			if r, ok := s.roleEndingAt(b - 1); ok && len(left) == 0 {
				land, _ := s.possessorBefore(r.from)
				left = append(left, role{s.roleText(r), land, r.landRole})
			} else if len(left) == 0 {
				for j := b - 1; j >= 0 && j > b-12; j-- {
					if r, ok := s.roleEndingAt(j); ok {
						if x.rolePhrase(s, r.to) >= b-1 {
							text, land := s.leftRole(r.from, b-1)
							left = append(left, role{text, land, r.landRole})
						}
						break
					}
					if !s.roleWordAt(j) {
						break
					}
				}
			}
		}
		comma := b >= 0 && strings.TrimSpace(s.txt[s.toks[b].end:anchor]) == ","
		if !comma && b >= 1 && strings.TrimSpace(s.txt[s.toks[b].end:anchor]) == ")," && s.bracketedAcronym(b) && !slices.Contains(parties, s.toks[b].raw) {
			// the acronym of the role or of its complement: "die
			// Landesbeauftragte für Informationssicherheit (CISO), X,",
			// "Die Präsidentin der Cybersicherheitsagentur
			// Baden-Württemberg (CSBW), X,"
			b, comma = b-1, true
		}
		if comma {
			for j := b; j >= 0 && j > b-14; j-- {
				if j < b && s.bracketedAcronym(j) && roleAcronyms[s.toks[j].raw] {
					continue // the role's acronym: "Chief … Officer (CISO) des …"
				}
				if r, ok := s.roleEndingAt(j); ok {
					if (len(left) == 0 && x.rolePhrase(s, r.to) == b) || (len(left) > 0 && x.plainRoleWords(s, r.to+1, b)) {
						text, land := s.leftRole(r.from, b)
						left = append(left, role{text, land, r.landRole})
					}
					break
				}
				if !s.roleWordAt(j) {
					break
				}
			}
		}
		// Right: "X, Beauftragter für … des Landes Brandenburg",
		// "X\nMinisterin für … des Landes Rheinland-Pfalz".
		// "legte … Dr. X vor, Amtschef des …": a verb's particle between
		// the name and its apposition
		skip := 0
		if m := particleRE.FindStringSubmatchIndex(s.txt[p.after:]); m != nil && verbParticles[s.txt[p.after+m[2]:p.after+m[3]]] {
			skip = m[3]
		}
		after := s.txt[p.after+skip:]
		gap := len(after) - len(strings.TrimLeft(after, " \t\n"))
		if g := strings.TrimLeft(after, " \t"); strings.HasPrefix(g, ",") {
			gap = skip + len(after) - len(strings.TrimLeft(strings.TrimPrefix(g, ","), " \t\n")) // "Dr. X,↵Geschäftsführerin …"
		} else if strings.HasPrefix(g, "(") && skip == 0 && strings.Contains(g, ")") {
			// the role in brackets: "Dr. X (Leiterin CERT-rlp)"
			gap = len(after) - len(strings.TrimLeft(strings.TrimPrefix(g, "("), " \t"))
		} else if !strings.Contains(after[:gap], "\n") || skip > 0 {
			gap = -1
		}
		var rightLand corpus.LandCode
		j := -1
		if gap > 0 {
			j = s.tokenAt(p.after + gap)
		} else {
			j = s.copulaRole(p.after)
		}
		// "Seit Mai 2021 ist X Abteilungsleiterin …": the role follows the
		// name of an inverted copula
		if k := s.tokenAt(p.after + 1); j < 0 && gap < 0 && before >= 0 && (s.toks[before].lower == "ist" || s.toks[before].lower == "wird") &&
			k >= 0 && s.toks[k].start == p.after+1 {
			if _, ok := s.roleEndingAt(k); ok {
				j = k
			}
		}
		// "Minister X aus Sachsen-Anhalt, …": the Land right after the name
		if gap < 0 {
			rightLand = x.phraseLand(s, "name-land", s.tokenAt(p.hstart))
		}
		if j >= 0 {
			// "X, in Nordrhein-Westfalen Minister für …"
			if j >= 0 && j+1 < len(s.toks) && (s.toks[j].lower == "in" || s.toks[j].lower == "aus") {
				if h, ok := s.landAt(j + 1); ok && h.Kind == FormName {
					if k := s.tokenBefore(h.End) + 1; k < len(s.toks) && s.toks[k].sep == " " {
						if _, ok := s.roleEndingAt(k); ok {
							rightLand, j = h.Land, k
						}
					}
				}
			}
			if j >= 0 && (s.toks[j].lower == "der" || s.toks[j].lower == "die") {
				j++
			}
			// "X, seit Januar 2034 Leiter des …": the time the role began
			if j >= 0 && j+2 < len(s.toks) && (s.toks[j].lower == "seit" || s.toks[j].lower == "ab") {
				k := j + 1
				for ; k < len(s.toks) && k <= j+3; k++ {
					_, month := german.Month(s.toks[k].lower)
					if !month && !german.IsDigits(s.toks[k].raw) && s.toks[k].lower != "anfang" && s.toks[k].lower != "mitte" && s.toks[k].lower != "ende" {
						break
					}
				}
				if k > j+1 && k < len(s.toks) && isUpperInitial(s.toks[k].raw) {
					j = k
				}
			}
			// "X (CSU), die erste Digitalministerin in Bayern"
			for n := 0; n < 2 && j >= 0 && j+1 < len(s.toks) && rightModifiers[s.toks[j].lower]; n++ {
				j++
			}
			// "X, Hessische Ministerin für …", "X, Sachsens Staatsminister"
			if h, ok := s.landAt(j); ok && (h.Kind == FormAdjective || h.Kind == FormGenitive) && rightLand == "" {
				if k := s.tokenBefore(h.End) + 1; k < len(s.toks) && s.toks[k].sep == " " {
					if _, ok := s.roleEndingAt(k); ok {
						rightLand, j = h.Land, k
					}
				}
			}
			for j >= 0 && j < len(s.toks) {
				r, ok := s.roleEndingAt(j)
				for n := 2; !ok && n <= 4 && j+n < len(s.toks) && s.toks[j].raw == "Chief"; n++ {
					r, ok = s.roleEndingAt(j + n)
				}
				if !ok {
					break
				}
				end := x.rolePhrase(s, r.to)
				if end+1 < len(s.toks) && s.toks[end+1].sep == " " {
					if q, ok := x.parseName(s.txt, s.toks[end+1].start); ok && q.hstart == s.toks[end+1].start {
						break // "A, Staatssekretärin B": the role is B's
					}
				}
				text, land := s.splitRole(r.from, end)
				if land == "" {
					land = rightLand
				}
				if land == "" {
					land = s.officeLand(r.from, end) // "X, Präsidentin der CSBW"
				}
				phraseEnd = s.toks[end].end
				right = append(right, role{text, land, r.landRole || s.ownOffice(r.from, end)})
				if end+2 < len(s.toks) && s.toks[end+1].lower == "und" {
					j = end + 2
					continue
				}
				break
			}
		}
		phraseLand := rightLand
		for _, r := range append(right, left...) {
			if phraseLand != "" {
				break
			}
			if r.land != "" {
				phraseLand = r.land
				break
			}
		}
		if phraseLand == "" {
			phraseLand = x.phraseLand(s, "clause-land", s.tokenAt(p.hstart))
		}
		nPhrases := len(phrases)
		for _, r := range append(left, right...) {
			land := r.land
			if land == "" {
				land = phraseLand
			}
			emit(p, r.text, land, r.landRole)
		}
		if len(phrases) > nPhrases {
			phrases[len(phrases)-1].start, phrases[len(phrases)-1].end = phraseStart, phraseEnd
		}
		if len(left)+len(right) > 0 {
			k = s.tokenBefore(p.after)
		}
	}
	s.pairRespectively(phrases, out)
	x.phrasePeople(s, emit)
	return out
}

// personPhrase is one person of a sentence: the start of the name, the
// byte range of the name with its roles, and the records emitted for it.
type personPhrase struct {
	name       int
	start, end int
	idx        []int
	explicit   bool // a role phrase named the Land
	landRole   bool
}

// onlyFreeLand returns the one Land the sentence names when it names one
// only, by its name and not after a preposition ("Eingeladen hatte das Land
// Brandenburg"), else "".
func (s *sentence) onlyFreeLand() corpus.LandCode {
	land := s.oneLand()
	for _, h := range s.lands {
		if h.Compound {
			continue
		}
		// an adjective or genitive belongs to its own noun: "die bayerische
		// Ministerin A traf Staatssekretär B" says nothing of B's Land
		if i := s.tokenAt(h.Start); i < 0 || h.Kind != FormName || s.governed(i) {
			return ""
		}
	}
	return land
}

// oneLand returns the Land the sentence names when it names one only
// (compounds aside), else "".
func (s *sentence) oneLand() corpus.LandCode {
	var land corpus.LandCode
	for _, h := range s.lands {
		if h.Compound {
			continue
		}
		if land != "" && land != h.Land {
			return ""
		}
		land = h.Land
	}
	return land
}

// rowLand returns the Land a sentence (or a line of it) opens with when a
// comma or a colon follows it and the sentence names no other Land ("BW, Ministerin X",
// "Hessen: Staatssekretär Y"), else "".
func (s *sentence) rowLand() corpus.LandCode {
	if len(s.lands) == 0 {
		return ""
	}
	h := s.lands[0]
	line := s.txt[strings.LastIndexByte(s.txt[:h.Start], '\n')+1 : h.Start]
	if strings.TrimLeft(line, " \t-*•") != "" {
		return ""
	}
	rest := strings.TrimLeft(s.txt[h.End:], " \t")
	if !strings.HasPrefix(rest, ",") && !strings.HasPrefix(rest, ":") {
		return ""
	}
	if r, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest[1:], " ")); unicode.IsDigit(r) {
		return "" // a dateline: "Berlin, 25. April 2040 – …"
	}
	if h.Kind != FormName {
		return ""
	}
	for _, o := range s.lands[1:] {
		if !o.Compound && o.Land != h.Land {
			return ""
		}
	}
	return h.Land
}

// pairRespectively gives a list of Länder followed by an equally long list
// of people their Länder in order: "die Digitalverantwortlichen Brandenburgs
// und Berlins, Staatssekretär A und Staatssekretärin B" (A of Brandenburg,
// B of Berlin). The Länder must be joined by "und" or commas only, the list
// of people must follow after a comma or colon, and the people must be
// joined by "und" or commas only; otherwise nobody gets a Land from it.
func (s *sentence) pairRespectively(phrases []personPhrase, out []corpus.Person) {
	var list []landHit
	flush := func(next int) {
		defer func() { list = nil }()
		if len(list) < 2 {
			return
		}
		sep := strings.TrimSpace(s.txt[list[len(list)-1].End:min(next, len(s.txt))])
		if sep != "," && sep != ":" {
			return
		}
		i := 0
		for i < len(phrases) && phrases[i].start < next {
			i++
		}
		if i+len(list) > len(phrases) || phrases[i].start != next {
			return
		}
		group := phrases[i : i+len(list)]
		for k := 1; k < len(group); k++ {
			gap := strings.TrimSpace(s.txt[min(group[k-1].end, group[k].start):group[k].start])
			if gap != "und" && gap != "," && gap != ", und" {
				return
			}
		}
		if k := i + len(list); k < len(phrases) {
			gap := strings.TrimSpace(s.txt[min(group[len(group)-1].end, phrases[k].start):phrases[k].start])
			if gap == "und" || gap == "," {
				return // more people than Länder
			}
		}
		for k, ph := range group {
			if ph.explicit || !ph.landRole {
				continue
			}
			for _, j := range ph.idx {
				out[j].Land = list[k].Land
			}
		}
	}
	for _, h := range s.lands {
		if h.Compound || h.Kind == FormRegion {
			continue
		}
		if len(list) > 0 {
			gap := strings.TrimSpace(s.txt[list[len(list)-1].End:h.Start])
			if gap == "und" || gap == "," || gap == ", und" {
				list = append(list, h)
				continue
			}
			flush(s.nextTokenStart(list[len(list)-1].End))
		}
		list = append(list, h)
	}
	if len(list) > 0 {
		flush(s.nextTokenStart(list[len(list)-1].End))
	}
}

// nextTokenStart returns the start of the first token at or after off, or
// the length of the sentence.
func (s *sentence) nextTokenStart(off int) int {
	for _, t := range s.toks {
		if t.start >= off {
			return t.start
		}
	}
	return len(s.txt)
}

// federal reports whether a role belongs to the Bund: "Bundesdigitalminister",
// "Präsidentin des Bundesamts für …".
func federal(role string) bool {
	return strings.Contains(strings.ToLower(role), "bundes")
}

// signedRE matches what a signature puts before the name: "gez.", "i. A.",
// "In Vertretung".
var signedRE = regexp.MustCompile(`^(?:gez\.|i\. ?[AV]\.|[Ii]m Auftrag|[Ii]n Vertretung)\s+`)

// people returns the people of the document. A name alone on a line
// followed by a line that starts with a role is read as one phrase.
func (x *Extractor) people(doc *corpus.Document, ss []sentence, dom corpus.LandCode) []corpus.Person {
	var all []corpus.Person
	landOrgs := x.landOrgAbbrevs(ss, dom)
	for i := range ss {
		s := &ss[i]
		s.landOrgs, s.lm = landOrgs, x.lm
		if s.question {
			continue
		}
		if i > 0 && len(s.toks) > 1 && (s.toks[0].lower == "deren" || s.toks[0].lower == "dessen") {
			s.backLand = ss[i-1].oneLand()
		}
		all = append(all, x.sentencePeople(doc, s, func() corpus.Evidence { return s.evidence(doc) }, dom)...)
		if i+1 < len(ss) {
			all = append(all, x.pronounPeople(doc, ss, i, dom)...)
			all = append(all, x.newRolePeople(doc, ss, i, dom)...)
		}
		all = append(all, x.atTopPeople(doc, s, dom)...)
		if i+1 < len(ss) {
			// a signature's "gez.", "i. A." before the name
			off := 0
			if m := signedRE.FindStringIndex(s.txt); m != nil {
				off = m[1]
			}
			p, ok := x.parseName(s.txt, off)
			if !ok {
				if sp, ok := x.signedSurname(doc, ss, i, off, dom); ok {
					all = append(all, sp)
				}
				continue
			}
			if strings.TrimSpace(s.txt[p.after:]) != "" {
				continue
			}
			n := &ss[i+1]
			if len(n.toks) == 0 {
				continue
			}
			if !n.opensWithRole() {
				continue
			}
			st, en := s.span.Start+off, n.span.End
			if st > en || !strings.Contains(doc.Text[s.span.End:n.span.Start], "\n") {
				continue
			}
			t := doc.Text[st:en]
			joint := x.newSentence(text.Sentence{Start: st, End: en}, t)
			all = append(all, x.sentencePeople(doc, &joint, func() corpus.Evidence { return corpus.EvidenceAt(doc, st, en) }, dom)...)
		}
	}
	for i := 0; i+1 < len(ss); i++ {
		if p, ok := x.floorAddressee(doc, &ss[i], &ss[i+1], dom); ok {
			all = append(all, p)
		}
	}
	all = append(all, x.speakerLines(doc, dom)...)
	fullNames(all)
	// One record per person, role and Land in a document: the first.
	var out []corpus.Person
	seen := map[string]bool{}
	for _, p := range all {
		k := string(p.ID) + "|" + p.Role + "|" + string(p.Land)
		if !seen[k] {
			seen[k] = true
			out = append(out, p)
		}
	}
	return out
}

// takesOffice reports whether sentence n says that the person whose name
// opens it took up an office: the name is its subject, right before "hat
// … übernommen|angetreten" or "übernimmt", and its clause tells of no
// predecessor, no one else ("ihn", "ihm"), no stand-in, no negation.
func takesOffice(n *sentence, p personName) bool {
	k := n.tokenFrom(p.after)
	if k >= len(n.toks) || n.toks[k].sep != " " {
		return false // "Jan Probe, ihr Vorgänger, …"
	}
	took := false
	switch n.toks[k].lower {
	case "übernimmt":
		took = true
	case "hat":
		for _, t := range n.toks[k+1:] {
			took = took || t.lower == "übernommen" || t.lower == "angetreten"
		}
	}
	for j := k; j < len(n.toks) && (j == k || !isClauseSep(n.toks[j].sep)); j++ {
		if w := n.toks[j].lower; notTakingOffice[w] || w == "ihn" || w == "ihm" {
			return false // in its own clause: not "… und folgt auf X, der in den Ruhestand gegangen ist"
		}
	}
	return took
}

// notTakingOffice are the words of a clause after a name that say the
// person does not take the office named (takesOffice, officeClause): a
// predecessor, a stand-in, a time before, a negation.
var notTakingOffice = set("vorgänger", "vorgängerin", "ruhestand", "zuvor", "bisher", "kommissarisch", "vorerst", "bis", "nicht", "kein", "keine")

// otherPerson are nouns of a person besides a role: "ihr Vorgänger", "die
// Amtskollegin".
var otherPerson = set("vorgänger", "vorgängerin", "vorgängers", "nachfolger", "nachfolgerin", "nachfolgers", "kollege", "kollegin",
	"kollegen", "amtskollege", "amtskollegin", "amtskollegen", "amtsvorgänger", "amtsvorgängerin")

// clauseBreakBetween reports whether a clause ends between tokens from
// and to.
func clauseBreakBetween(s *sentence, from, to int) bool {
	for j := max(from, 1); j <= to && j < len(s.toks); j++ {
		if isClauseSep(s.toks[j].sep) {
			return true
		}
	}
	return false
}

// pronounCopulas are the verbs after which a pronoun's sentence gives its
// person a role: "Er ist seit Juli Bevollmächtigter …".
var pronounCopulas = map[string]bool{"ist": true, "war": true, "wird": true, "bleibt": true,
	// "Sie übernimmt zum 1. Mai die Aufgaben der CIO" (subject-takes-duties)
	"übernimmt": true}

// pronounPeople reads the sentence after ss[i] when it opens with "Er" or
// "Sie" and a copula in the singular and ss[i] names one person only: the
// pronoun is that person ("Vorgestellt wurde der Plan von Staatssekretär
// Raphael X. Er ist seit dem 1. Juli Bevollmächtigter für Digitalisierung"),
// read as if the name stood in its place, with both sentences as evidence.
func (x *Extractor) pronounPeople(doc *corpus.Document, ss []sentence, i int, dom corpus.LandCode) []corpus.Person {
	s, n := &ss[i], &ss[i+1]
	if len(n.toks) < 3 || n.toks[0].raw != "Er" && n.toks[0].raw != "Sie" || !pronounCopulas[n.toks[1].lower] ||
		n.toks[1].sep != " " || !sameParagraph(doc.Text, *s, *n) {
		return nil
	}
	name := ""
	var title, last int // the token before the name, the name's last token
	for k := 0; k < len(s.toks); k++ {
		t := s.toks[k]
		if !isUpperInitial(t.raw) || s.landAdjectiveAt(k) || k > 0 && s.toks[k].sep == " " && s.landAdjectiveAt(k-1) {
			continue // not "(Staatsbetrieb) Sächsische Informatik Dienste"
		}
		p, ok := x.parseName(s.txt, t.start)
		if !ok {
			continue
		}
		if name != "" && name != p.name {
			return nil // two people: "er" may be either
		}
		name, title = p.name, s.tokenBefore(p.hstart)
		for k+1 < len(s.toks) && s.toks[k+1].start < p.end {
			k++
		}
		last = k
	}
	if name == "" {
		return nil
	}
	// another person the sentence speaks of by a role or a noun ("stellte
	// den neuen CIO vor", "über ihren Vorgänger", "ihre Amtskollegin aus
	// Bayern") may be the pronoun's; a role of the name's own stands right
	// before it or in its apposition ("Staatssekretär X", "X, Leiter des …")
	apposition := last+1 < len(s.toks) && s.toks[last+1].sep == ", "
	if last+1 < len(s.toks) && !apposition && !appointed(s) {
		return nil // the name is not the last one the sentence speaks of: "X begrüßte den Gast aus Bayern. Er ist …"
	}
	for k := range s.toks {
		if _, ok := s.roleEndingAt(k); !ok && !otherPerson[s.toks[k].lower] {
			continue
		}
		if k == title || apposition && k > last && !clauseBreakBetween(s, last+2, k) || k > last && appointedTo(s, k) {
			continue
		}
		return nil
	}
	// the pronoun's gender against the role before the name: not "Er"
	// after "Staatssekretärin X"
	if r, ok := s.roleEndingAt(title); ok && title >= 0 {
		feminine := strings.HasSuffix(s.toks[r.to].lower, "in") || strings.HasSuffix(s.toks[r.to].lower, "innen")
		if feminine != (n.toks[0].raw == "Sie") {
			return nil
		}
	}
	st, en := s.span.Start, n.span.End
	if st > en || en > len(doc.Text) {
		return nil
	}
	return x.peopleAs(doc, s, n.span, name+n.txt[n.toks[0].end:], st, en, dom)
}

// appointedTo reports whether the role at token k is the office a person
// is put into: "hat … X … in das Amt der Staatssekretärin berufen" (not "im
// Amt der Präsidentin", which another held).
func appointedTo(s *sentence, k int) bool {
	if !appointed(s) {
		return false
	}
	if k >= 1 && (s.toks[k-1].lower == "zur" || s.toks[k-1].lower == "zum") {
		return true // "… zur Staatssekretärin ernannt"
	}
	return k >= 3 && (s.toks[k-1].lower == "der" || s.toks[k-1].lower == "des") && s.toks[k-2].lower == "amt" &&
		(s.toks[k-3].lower == "das" || s.toks[k-3].lower == "ins")
}

// appointed reports whether sentence s ends in the participle of an
// appointment after "hat" or "haben": "Das Kabinett hat X … berufen", whose
// object is the person appointed.
func appointed(s *sentence) bool {
	n := len(s.toks)
	if n < 4 || !appointments[s.toks[n-1].lower] {
		return false
	}
	for _, t := range s.toks[:n-1] {
		if t.lower == "hat" || t.lower == "haben" {
			return true
		}
	}
	return false
}

// appointments are the participles of putting a person into an office.
var appointments = set("berufen", "ernannt", "bestellt", "gewählt", "vereidigt", "eingesetzt")

// peopleAs reads t, a text written for the sentences of the document's
// bytes st to en (the name in place of a pronoun, "X ist neue Präsidentin
// von …"), as one sentence at span with the document's offices of s, and
// gives its people those bytes as evidence.
func (x *Extractor) peopleAs(doc *corpus.Document, s *sentence, span text.Sentence, t string, st, en int, dom corpus.LandCode) []corpus.Person {
	joint := x.newSentence(span, t)
	joint.landOrgs, joint.lm = s.landOrgs, s.lm
	return x.sentencePeople(doc, &joint, func() corpus.Evidence { return corpus.EvidenceAt(doc, st, en) }, dom)
}

// newRolePeople reads the sentence after ss[i] when ss[i] ends in an
// office's "eine neue ROLE" after a verb of having and the next sentence of
// its paragraph opens with a name: "Seit dem 1. März hat IT.NRW eine neue
// Präsidentin. Dr. Marlene X hat die Leitung … übernommen." It is read as
// "… hat IT.NRW eine neue Präsidentin: Dr. Marlene X.", with both sentences
// as evidence.
func (x *Extractor) newRolePeople(doc *corpus.Document, ss []sentence, i int, dom corpus.LandCode) []corpus.Person {
	s, n := &ss[i], &ss[i+1]
	k := len(s.toks) - 1
	r, ok := s.roleEndingAt(k)
	if !ok || r.from != k || r.from < 3 || len(n.toks) == 0 || !sameParagraph(doc.Text, *s, *n) {
		return nil
	}
	art, adj := s.toks[r.from-2].lower, s.toks[r.from-1].lower
	if !(art == "eine" && adj == "neue" || art == "einen" && adj == "neuen") {
		return nil
	}
	verb := -1
	for j, t := range s.toks[:r.from-2] {
		switch t.lower {
		case "hat":
			verb = j
		case "nicht", "kein", "keine", "keinen", "noch", "erst", "bald", "künftig", "demnächst":
			return nil // "hat noch keine neue …", "hat erst ab Juli …"
		}
	}
	p, ok := x.parseName(n.txt, n.toks[0].start)
	if ok {
		ok = takesOffice(n, p)
	} else if v := leadsAfterTime(n); v > 0 {
		// "Seit dem 1. Juli leitet Dr. Y die Agentur"
		p, ok = x.parseName(n.txt, n.toks[v+1].start)
		ok = ok && n.tokenFrom(p.hstart) == v+1 && officeClause(n, n.tokenFrom(p.after)) && ledOffice(s, n, n.tokenFrom(p.after))
	}
	if verb < 0 || !ok {
		return nil
	}
	// the office between the verb and the article is the role's: "hat
	// IT.NRW eine neue Präsidentin" is read "X ist neue Präsidentin von
	// IT.NRW"
	t := s.txt[:r.end] + ": " + n.txt[p.hstart:p.end] + "."
	if org := strings.TrimSpace(s.txt[s.toks[verb].end:s.toks[r.from-2].start]); org != "" && verb+1 < r.from-2 && isUpperInitial(org) {
		adjective := "neue "
		if adj == "neuen" {
			adjective = "neuer "
		}
		t = n.txt[p.hstart:p.end] + " ist " + adjective + s.txt[r.start:r.end] + " von " + org + "."
	} else if g, ok := genitiveArticle[s.toks[0].lower]; ok && verb >= 2 && isUpperInitial(s.toks[1].raw) && !clauseBreakBetween(s, 1, verb) && s.officeAt(1) && !s.isAdjectiveToken(1) {
		// the office as the subject: "Die Agentur X hat einen neuen
		// Präsidenten" is read "Y ist Präsident der Agentur X"
		h := 1 // the head noun with its hyphenated front: "IT-Agentur"
		for h+1 < verb && s.toks[h+1].sep == "-" {
			h++
		}
		head, rest := s.txt[s.toks[1].start:s.toks[h].end], strings.TrimSpace(s.txt[s.toks[h].end:s.toks[verb].start])
		if g == "des" && !isAllUpper(s.toks[h].raw) && !strings.ContainsAny(head[len(head)-1:], "sßxz") {
			head += "s" // "des Landesamts"
		}
		t = n.txt[p.hstart:p.end] + " ist " + baseRole(s.toks[r.from].raw) + " " + g + " " + strings.TrimSpace(head+" "+rest) + "."
	}
	return x.peopleAs(doc, s, text.Sentence{Start: s.span.Start, End: n.span.End}, t, s.span.Start, n.span.End, dom)
}

// atTopPeople reads "An der Spitze der Agentur steht seit Juli Präsidentin
// X" and "Präsidentin X steht seit Juli an der Spitze der Agentur" as "X ist
// Präsidentin der Agentur": the office a role word alone does not name.
func (x *Extractor) atTopPeople(doc *corpus.Document, s *sentence, dom corpus.LandCode) []corpus.Person {
	a := -1
	for k := 2; k+2 < len(s.toks); k++ {
		if s.toks[k].lower == "spitze" && s.toks[k-1].lower == "der" && s.toks[k-2].lower == "an" && (s.toks[k+1].lower == "der" || s.toks[k+1].lower == "des") {
			a = k
			break
		}
	}
	if a < 0 {
		return nil
	}
	// the role and name after the verb ("An der Spitze der X steht …") or
	// before it ("Präsidentin X steht … an der Spitze der X")
	var org string
	r := -1
	if a == 2 {
		v := -1
		for k := a + 2; k < len(s.toks) && k <= a+6; k++ {
			if s.toks[k].lower == "steht" {
				v = k
				break
			}
		}
		if v < 0 || clauseBreakBetween(s, a+1, v) {
			return nil
		}
		org = strings.TrimSpace(s.txt[s.toks[a+1].start:s.toks[v].start])
		for k := v + 1; k+1 < len(s.toks) && k <= v+8 && !isClauseSep(s.toks[k].sep); k++ {
			if rs, ok := s.roleEndingAt(k); ok && rs.from == k {
				r = k
				break
			}
		}
	} else if rs, ok := s.roleEndingAt(0); ok && rs.from == 0 && !clauseBreakBetween(s, 1, a) {
		r = 0
		end := len(s.toks)
		for k := a + 2; k < len(s.toks); k++ {
			if isClauseSep(s.toks[k].sep) {
				end = k
				break
			}
		}
		org = strings.TrimSpace(s.txt[s.toks[a+1].start:s.toks[end-1].end])
	}
	if r < 0 || org == "" || !s.officeAt(a+2) {
		return nil
	}
	for _, t := range s.toks {
		if notCurrent[t.lower] {
			return nil // "steht nicht mehr", "künftig", "die frühere Ministerin"
		}
	}
	p, ok := x.parseName(s.txt, s.toks[r+1].start)
	if !ok || s.tokenFrom(p.hstart) != r+1 {
		return nil
	}
	if a == 2 && !endsClause(s.txt[p.after:]) || a > 2 && s.toks[s.tokenFrom(p.after)].lower != "steht" {
		return nil
	}
	t := s.txt[p.hstart:p.end] + " ist " + baseRole(s.toks[r].raw) + " " + org + "."
	return x.peopleAs(doc, s, s.span, t, s.span.Start, s.span.End, dom)
}

// officeAt reports whether token k (or the one after it, past an
// adjective) names an office: a noun of orgHeads or "agentur", an
// abbreviation the document gives a Land office, a brand or an acronym
// ("der CSBW", "des Landesamts", "der Cybersicherheitsagentur"; not "der
// Gästeliste", "der Initiative").
func (s *sentence) officeAt(k int) bool {
	for j := k; j < len(s.toks) && j <= k+1; j++ {
		t := s.toks[j]
		compound := t.lower // "SPD-Fraktion" is a party's, not an office
		for n := j + 1; n < len(s.toks) && s.toks[n].sep == "-"; n++ {
			compound += "-" + s.toks[n].lower
		}
		if containsAny(compound, orgHeads) || strings.Contains(compound, "agentur") ||
			compound == t.lower && (s.isLandOrg(t.raw) || brandName(t.raw) || isAllUpper(t.raw) && len(t.raw) >= 2) {
			return true
		}
		if !s.isAdjectiveToken(j) && !s.landAdjectiveAt(j) {
			break
		}
	}
	return false
}

// notCurrent are words that make a head of an office not the current one.
var notCurrent = set("nicht", "künftig", "frühere", "früherer", "ehemalige", "ehemaliger", "einstige", "einstiger", "bald")

// genitiveArticle maps the nominative article of an office to its
// genitive: "die Agentur" → "der Agentur", "das Landesamt" → "des Landesamts".
var genitiveArticle = map[string]string{"die": "der", "der": "des", "das": "des"}

// leadsAfterTime returns the index of "leitet", "führt" or "übernimmt"
// when sentence n opens with a time ("Seit dem 1. Juli", "Zum 1. März",
// "Ab sofort") and that verb follows it, 0 otherwise.
func leadsAfterTime(n *sentence) int {
	if len(n.toks) < 4 || !timeOpeners[n.toks[0].lower] {
		return 0
	}
	for v := 1; v < len(n.toks)-1 && v <= 6; v++ {
		switch n.toks[v].lower {
		case "leitet", "führt", "übernimmt":
			return v
		}
		if isClauseSep(n.toks[v].sep) {
			return 0
		}
	}
	return 0
}

// ledOffice reports whether what the name after "leitet", "führt" or
// "übernimmt" in n leads, from token k on, is the office that sentence s
// said has a new head: "die Leitung", "das Amt", "die Geschäfte", or an
// article and a noun that ends as a noun of s does ("die Agentur" after
// "Die Cybersicherheitsagentur …"); not "als Vizepräsidentin", "die
// Arbeitsgruppe Cloud", "die Besucher".
func ledOffice(s, n *sentence, k int) bool {
	if k+1 >= len(n.toks) || !articles[n.toks[k].lower] {
		return false
	}
	obj := n.toks[k+1].lower
	switch obj {
	case "leitung", "geschäfte", "amt", "behörde":
		return true
	}
	for _, t := range s.toks {
		if isUpperInitial(t.raw) && len(obj) >= 4 && strings.HasSuffix(t.lower, obj) {
			return true
		}
	}
	return false
}

// timeOpeners open a sentence with a time before its verb.
var timeOpeners = set("seit", "zum", "ab", "mit", "am", "vom")

// officeClause reports whether the clause from token k on, after a name
// that "leitet", "führt" or "übernimmt", names what is led by an article
// ("die Agentur", "die Leitung", "das Amt") and neither a predecessor, a
// stand-in nor a negation.
func officeClause(n *sentence, k int) bool {
	art := false
	for j := k; j < len(n.toks) && (j == k || !isClauseSep(n.toks[j].sep)); j++ {
		switch w := n.toks[j].lower; {
		case w == "die" || w == "das" || w == "den":
			art = true
		case notTakingOffice[w] || w == "gemeinsam":
			return false
		}
	}
	return art
}

// fullNames gives a person named by the surname alone (a speaker line,
// a signature, "der Minister …, Herr X") the full name the document gives
// elsewhere ("Minister Bent X:"), where exactly one full name ends in that
// surname.
func fullNames(ps []corpus.Person) {
	full := map[string]string{} // surname → full name, "" when two differ
	for _, p := range ps {
		i := strings.LastIndexByte(p.Name, ' ')
		if i < 0 {
			continue
		}
		sur := p.Name[i+1:]
		if f, ok := full[sur]; ok && f != p.Name {
			full[sur] = ""
		} else if !ok {
			full[sur] = p.Name
		}
	}
	for i := range ps {
		if f := full[ps[i].Name]; f != "" {
			ps[i].Name, ps[i].ID = f, corpus.PersonID(Slug(f))
		}
	}
}

// jointPartner reports whether the Land at byte i is named within six words
// after "gemeinsam mit" or "zusammen mit" in its clause: a partner.
func jointPartner(txt string, i int) bool {
	words := strings.Fields(txt[:i])
	for k := len(words) - 1; k >= 1 && k >= len(words)-6; k-- {
		w := strings.ToLower(strings.Trim(words[k], ",;:"))
		if strings.ContainsAny(words[k], ",;:") && k < len(words)-1 {
			return false // another clause
		}
		if w == "mit" {
			p := strings.ToLower(words[k-1])
			return p == "gemeinsam" || p == "zusammen"
		}
	}
	return false
}

// ownLandGenitives name the document's own Land in a role without its
// name: "Geschäftsführer der Digitalagentur des Landes".
var ownLandGenitives = []string{" des Landes", " der Landesregierung", " der Staatsregierung", " des Freistaats", " des Freistaates"}

// ofOwnLand reports whether a role ends in a genitive that names the Land
// without its name (splitRole has taken off any name after it).
func ofOwnLand(role string) bool {
	for _, g := range ownLandGenitives {
		if strings.HasSuffix(role, g) {
			return true
		}
	}
	return false
}

// speakerLineRE matches the line that gives the floor in a plenary
// protocol: a surname, with an academic title or not, a comma, and a role
// that ends the line with a colon ("Dr. Hartung-Möbius, Ministerin für
// Digitales und Infrastruktur:"). Group 1 is the title, 2 the surname, 3 the
// role.
var speakerLineRE = regexp.MustCompile(`(?m)^[ \t]*((?:(?:Prof|Dr)\.[ \t]*){0,2})(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?), ([^:\n]{3,160}):[ \t]*$`)

// speakerLineMatches is speakerLineRE.FindAllStringSubmatchIndex(t, -1):
// a match lies within one line and ends it in a colon, so the pattern
// runs only on the lines that end so.
func speakerLineMatches(t string) [][]int {
	var out [][]int
	for start := 0; start < len(t); {
		end := strings.IndexByte(t[start:], '\n')
		if end < 0 {
			end = len(t)
		} else {
			end += start
		}
		if line := t[start:end]; strings.HasSuffix(strings.TrimRight(line, " \t"), ":") {
			if m := speakerLineRE.FindStringSubmatchIndex(line); m != nil {
				for i := range m {
					if m[i] >= 0 {
						m[i] += start
					}
				}
				out = append(out, m)
			}
		}
		start = end + 1
	}
	return out
}

// speakerLines returns the people of a protocol's speaker lines whose role
// phrase is one of a role noun (a Member's party is none): the surname
// alone names them, as the protocol does.
func (x *Extractor) speakerLines(doc *corpus.Document, dom corpus.LandCode) []corpus.Person {
	var out []corpus.Person
	for _, m := range speakerLineMatches(doc.Text) {
		name := doc.Text[m[4]:m[5]]
		if !strings.Contains(name, "-") && x.notNamePart(name) {
			continue // a double name is one ("Hartung-Möbius", though "Hartung" is a month)
		}
		st, en := m[6], m[7]
		n := x.newSentence(text.Sentence{Start: st, End: en}, doc.Text[st:en])
		if len(n.toks) == 0 {
			continue
		}
		role, land, ok := x.openingRole(&n, dom)
		if !ok {
			continue
		}
		out = append(out, corpus.Person{ID: corpus.PersonID(Slug(name)), Name: name, Honorific: strings.TrimSpace(doc.Text[m[2]:m[3]]),
			Role: role, Land: land, Date: doc.Date, Evidence: corpus.EvidenceAt(doc, m[2], m[7])})
	}
	return out
}

// openingRole reads the role phrase a line opens with ("Ministerin für
// Digitales und Infrastruktur", "Regierende Bürgermeisterin"), for a
// surname that stands alone before it, and its Land: the one the phrase
// names, else dom for a role of a Land's government.
func (x *Extractor) openingRole(n *sentence, dom corpus.LandCode) (string, corpus.LandCode, bool) {
	var r roleSpan
	ok := false
	for k := 0; k < 2 && !ok; k++ { // "Ministerin", "Regierende Bürgermeisterin"
		r, ok = n.roleEndingAt(k)
		ok = ok && r.from == 0
	}
	if !ok {
		return "", "", false
	}
	text, land := n.splitRole(r.from, x.rolePhrase(n, r.to))
	text = strings.Join(strings.Fields(text), " ")
	if federal(text) {
		land = ""
	} else if land == "" && r.landRole {
		land = dom
	}
	return text, land, true
}

// signedSurname reads the signature that closes a Landtag paper with the
// surname alone, or with an academic title: "Oberkirch-Haug¶Ministerin für
// Digitales und Ländlichen Raum", "Dr. Mayer-Ekinci¶Minister des Inneren". Sentence i (from byte off, after "gez." or "In Vertretung") is one
// word that can be a surname, and the next line, among the last three
// sentences of the document, opens with a role noun and its complement.
func (x *Extractor) signedSurname(doc *corpus.Document, ss []sentence, i, off int, dom corpus.LandCode) (corpus.Person, bool) {
	s, n := &ss[i], &ss[i+1]
	name := strings.TrimSpace(s.txt[off:])
	// "Dr. Mayer-Ekinci": the surname with its academic title
	honorific := strings.TrimSpace(honorificRe.FindString(name))
	name = strings.TrimSpace(name[len(honorificRe.FindString(name)):])
	if i+1 < len(ss)-3 || len(n.toks) == 0 || !strings.Contains(doc.Text[s.span.End:n.span.Start], "\n") {
		return corpus.Person{}, false
	}
	if utf8.RuneCountInString(name) < 3 || !isUpperInitial(name) || isAllUpper(name) || strings.ContainsFunc(name, func(r rune) bool {
		return !unicode.IsLetter(r) && r != '-'
	}) {
		return corpus.Person{}, false
	}
	for _, part := range strings.Split(name, "-") {
		if part == "" || x.notNamePart(part) {
			return corpus.Person{}, false
		}
	}
	text, land, ok := x.openingRole(n, dom)
	if !ok {
		return corpus.Person{}, false
	}
	st, en := s.span.Start+off, n.span.End
	return corpus.Person{ID: corpus.PersonID(Slug(name)), Name: name, Honorific: honorific, Role: text, Land: land, Date: doc.Date,
		Evidence: corpus.EvidenceAt(doc, st, en)}, true
}

// opensWithRole reports whether the sentence starts with a role, alone or
// after a Land adjective or genitive: "Staatssekretärin …", "Chief Digital
// Officer …", "Bayerischer Staatsminister für …", "Sachsens Ministerin …".
func (s *sentence) opensWithRole() bool {
	if _, ok := s.roleEndingAt(0); ok {
		return true
	}
	if _, ok := s.roleEndingAt(2); ok && s.toks[0].raw == "Chief" {
		return true
	}
	if h, ok := s.landAt(0); ok && (h.Kind == FormAdjective || h.Kind == FormGenitive) {
		if k := s.tokenBefore(h.End) + 1; k < len(s.toks) && s.toks[k].sep == " " {
			if _, ok := s.roleEndingAt(k); ok {
				return true
			}
		}
	}
	return false
}

// roleHead returns the role noun span that starts at token from (with its
// modifiers and prefix), for normalising its inflection.
func (s *sentence) roleHead(from int) roleSpan {
	for k := from; k < len(s.toks) && k < from+4; k++ {
		if r, ok := s.roleEndingAt(k); ok && r.from == from {
			return r
		}
	}
	return roleSpan{}
}

// roleText returns the role noun span in its base form: case endings of
// the noun and its modifiers removed ("stellvertretenden
// Ministerpräsidenten" → "stellvertretende Ministerpräsident",
// "Digitalisierungsministers" → "Digitalisierungsminister").
func (s *sentence) roleText(r roleSpan) string {
	var b strings.Builder
	b.WriteString(s.txt[r.start:s.toks[r.from].start])
	for k := r.from; k <= r.to; k++ {
		t := s.toks[k]
		if k > r.from {
			b.WriteString(s.txt[s.toks[k-1].end:t.start])
		}
		w := t.raw
		switch {
		case roleModifiers[t.lower]:
			// the nominative without article: "stellvertretender Ministerpräsident",
			// "Regierende Bürgermeisterin"
			w = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "n"), "r"), "e") + "e"
			if !strings.HasSuffix(strings.ToLower(s.toks[r.to].raw), "in") {
				w += "r"
			}
		case k == r.to:
			w = baseRole(w)
			if s.masculineArticle(r.from, t.lower) {
				w += "r" // "der Beauftragte" → "Beauftragter"
			}
		}
		b.WriteString(w)
	}
	return strings.TrimSpace(b.String())
}

// baseRole strips a case ending from a role noun: "Ministerpräsidenten" →
// "Ministerpräsident".
func baseRole(w string) string {
	l := strings.ToLower(w)
	for _, r := range roleNouns {
		if strings.HasSuffix(l, r.suffix) {
			return w
		}
	}
	for _, r := range roleNouns {
		for _, e := range []string{"en", "n", "s"} {
			if strings.HasSuffix(l, r.suffix+e) {
				return w[:len(w)-len(e)]
			}
		}
	}
	return w
}

// commonNoun reports whether a capitalised word has the ending of a German
// common noun that names are not written with: "Vorgängerin", "Sitzung",
// "Gesellschaft".
func commonNoun(w string) bool { return commonNounLower(w, strings.ToLower(w)) }

// commonNounLower is commonNoun of w and its lower case l.
func commonNounLower(w, l string) bool {
	// an adjective of a name, no name itself: "Ländlichen Raum",
	// "Europäischen Union"
	for _, e := range []string{"lichen", "ischen"} {
		if strings.HasSuffix(l, e) && len(l) > len(e)+2 {
			return true
		}
	}
	for _, e := range []string{"erin", "ung", "heit", "keit", "schaft", "tät", "ismus", "ium", "tion"} {
		if strings.HasSuffix(l, e) && len(l) > len(e)+2 && !(e == "ung" && doubleName(w)) {
			return true
		}
	}
	return false
}

// doubleName reports whether w is a double surname: capitalised parts
// joined by a hyphen whose first part is no common noun ("Koç-Hartung",
// not "Daten-Nutzung" … nor "Sitzungs-Leitung").
func doubleName(w string) bool {
	first, rest, ok := strings.Cut(w, "-")
	if !ok || !isUpperInitial(first) || !isUpperInitial(rest) || utf8.RuneCountInString(first) > 8 {
		return false
	}
	return !commonNoun(first) && !strings.HasSuffix(strings.ToLower(first), "s")
}

// masculineArticle reports whether a role that is a nominalised adjective
// ("Beauftragte", "Vorsitzende") at tokens from… with the lower-case form
// w is masculine by its article: "der Beauftragte", "den Beauftragten",
// "des saarländischen Beauftragten" (not "die Beauftragte", "der
// Beauftragten").
func (s *sentence) masculineArticle(from int, w string) bool {
	if !strings.HasSuffix(w, "beauftragte") && !strings.HasSuffix(w, "beauftragten") &&
		!strings.HasSuffix(w, "vorsitzende") && !strings.HasSuffix(w, "vorsitzenden") {
		return false
	}
	j := from - 1
	for j >= 0 && j >= from-2 && s.isAdjectiveToken(j) {
		j--
	}
	if j < 0 {
		return false
	}
	switch s.toks[j].lower {
	case "der":
		return strings.HasSuffix(w, "e")
	case "den", "dem", "des":
		return strings.HasSuffix(w, "en")
	}
	return false
}

// copulaRole returns the token after "ist" that follows a name at off,
// past a "seit" date: "X ist seit dem 1. Februar 2030 Ministerin für …",
// "X ist Staatssekretär …". The role is the current one; "war" is not
// followed. Else -1.
func (s *sentence) copulaRole(off int) int {
	k := s.tokenBefore(off) + 1
	if k <= 0 || k+1 >= len(s.toks) || strings.TrimSpace(s.txt[off:s.toks[k].start]) != "" || (s.toks[k].lower != "ist" && s.toks[k].lower != "wird") {
		return -1
	}
	k++
	// "X wird der neue Beauftragte …", "X ist auch CIO"
	for n := 0; n < 3 && k+1 < len(s.toks); n++ {
		w := s.toks[k].lower
		if w == "der" || w == "die" || w == "neue" || w == "neuer" || w == "auch" || w == "zudem" || w == "künftig" || w == "jetzt" || w == "nun" {
			k++
			continue
		}
		break
	}
	if s.toks[k].lower == "seit" {
		k++
		for n := 0; k < len(s.toks) && n < 6; n, k = n+1, k+1 {
			w := s.toks[k].lower
			if _, month := german.Month(w); !(month || w == "dem" || w == "anfang" || w == "ende" || w == "mitte" || strings.Trim(w, "0123456789.") == "") {
				// "seit zwei Jahren", "seit einem Jahr", "seit kurzem"
				if n := durationAt(s, k); n > 0 {
					k += n - 1
					continue
				}
				break
			}
		}
	}
	if k >= len(s.toks) {
		return -1
	}
	return k
}

// durationAt returns the number of tokens of a span of time at token k that
// "seit" takes ("zwei Jahren", "einem Jahr", "wenigen Wochen", "kurzem"),
// 0 when there is none.
func durationAt(s *sentence, k int) int {
	w := s.toks[k].lower
	if w == "kurzem" || w == "langem" {
		return 1
	}
	if durationHedges[w] && k+1 < len(s.toks) {
		if n := durationAt(s, k+1); n > 0 {
			return n + 1 // "seit gut einem Jahr"
		}
		return 0
	}
	_, card := german.Cardinal(w)
	if !card && !durationCounts[w] || k+1 >= len(s.toks) {
		return 0
	}
	if durationUnits[s.toks[k+1].lower] {
		return 2
	}
	return 0
}

// durationHedges, durationCounts and durationUnits make a span of time after "seit".
var (
	durationHedges = set("gut", "knapp", "über", "fast", "rund", "nunmehr", "inzwischen", "mittlerweile")
	durationCounts = set("einem", "einer", "einigen", "wenigen", "mehreren", "vielen")
	durationUnits  = set("jahr", "jahren", "monat", "monaten", "woche", "wochen", "tagen", "jahrzehnt", "jahrzehnten")
)

// inQuote reports whether offset off of txt lies inside a direct quote
// opened by „ or » before it and not yet closed.
func inQuote(txt string, off int) bool {
	open := false
	for _, r := range txt[:off] {
		switch r {
		case '„', '»':
			open = true
		case '“', '«':
			open = false
		}
	}
	return open
}

func containsAny(s string, parts []string) bool {
	for _, p := range parts {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// calendarWord reports whether w names a month or a weekday, which is never
// part of a name.
func calendarWord(w string) bool {
	_, month := german.Month(w)
	_, day := german.Weekday(w)
	return month || day
}

// particleRE reads a word and a comma right after a name: "Dr. X vor, …".
var particleRE = regexp.MustCompile(`^ (\p{Ll}+),`)

// verbParticles are the separable particles that end a clause after the
// name of its subject or object: "legte … X vor, Amtschef …", "stellte …
// X vor, Leiterin …".
var verbParticles = set("vor", "an", "aus", "ein", "bei", "fest", "dar", "zu", "mit", "ab", "auf", "bekannt", "hin", "zurück", "weiter")

// surnameAfterRole reads a surname alone after a role and an academic
// title: "leitete Digitalstaatssekretär Dr. Brüggemann", or after a form of
// address that follows a role and a comma and closes its clause: "Das Wort
// hat der Minister für Inneres und Digitales, Herr X." Without the title
// or the address a capitalised word after a role is too often no name
// ("Staatssekretär Digitales"), and a surname without a role is no one's.
func (x *Extractor) surnameAfterRole(s *sentence, k int) (personName, bool) {
	t := s.toks[k]
	if k == 0 {
		return personName{}, false
	}
	addr := address(s.txt[t.start:])
	m := honorific(s.txt[t.start+len(addr):])
	sep := s.txt[s.toks[k-1].end:t.start]
	if addr == "" {
		// the title right after the role: "Digitalstaatssekretär Dr. X"
		if m == "" || sep != " " {
			return personName{}, false
		}
		if _, ok := s.roleEndingAt(k - 1); !ok {
			return personName{}, false
		}
	} else if sep != ", " && !(sep == " " && x.floorGiven(s, k-1)) {
		return personName{}, false // the role's apposition: a comma before the address
	}
	i := t.start + len(addr) + len(m)
	w := nameToken(s.txt[i:])
	if w == "" || strings.HasSuffix(w, ".") || !isWordBoundary(s.txt, i+len(w)) || x.notNamePart(w) {
		return personName{}, false
	}
	if rest := strings.TrimLeft(s.txt[i+len(w):], " "); rest != "" && unicode.IsUpper(firstRune(rest)) {
		return personName{}, false // more capitalised words: not a surname alone
	}
	if addr != "" && !endsClause(s.txt[i+len(w):]) {
		return personName{}, false
	}
	return personName{hstart: t.start, start: i, end: i + len(w), after: i + len(w),
		honorific: strings.Join(strings.Fields(m), " "), name: w}, true
}

// floorGiven reports whether a role phrase ends at token k that the chair
// of a sitting gives the floor to, as a protocol writes it without a comma
// before the address: "Das Wort hat der Minister für Inneres, Bau und
// Digitalisierung Herr X".
func (x *Extractor) floorGiven(s *sentence, k int) bool {
	from, ok := s.floorRoleStart()
	if !ok {
		return false
	}
	if r, ok := s.roleEndingAt(k); ok && r.from == from {
		return true // "Das Wort hat die Digitalministerin Frau X"
	}
	r, ok := x.roleWithComplementEndingAt(s, k)
	return ok && r.from == from
}

// floorRoleStart returns the token where the role begins that a sentence
// gives the floor to: "Das Wort hat [jetzt] der|die …", "Das Wort erhält
// …".
func (s *sentence) floorRoleStart() (int, bool) {
	for w := 1; w+2 < len(s.toks); w++ {
		if s.toks[w].lower != "wort" || s.toks[w-1].lower != "das" || !floorVerbs[s.toks[w+1].lower] {
			continue
		}
		j := w + 2
		for j < len(s.toks) && floorAdverbs[s.toks[j].lower] {
			j++
		}
		if j+1 < len(s.toks) && (s.toks[j].lower == "der" || s.toks[j].lower == "die") {
			return j + 1, true
		}
	}
	return 0, false
}

// floorAddressee returns the person a protocol gives the floor to over two
// sentences, the role in the first, the name in the address of the second:
// "Das Wort hat der Minister für Inneres, Bau und Digitalisierung. Bitte,
// Herr Minister X." The surname alone names them, as the protocol does.
func (x *Extractor) floorAddressee(doc *corpus.Document, s, n *sentence, dom corpus.LandCode) (corpus.Person, bool) {
	if s.question || n.question || len(n.toks) == 0 || n.toks[0].lower != "bitte" {
		return corpus.Person{}, false // "Herr Schulz, ich bitte um Ruhe": the chair speaks to another
	}
	last := len(s.toks) - 1
	from, ok := s.floorRoleStart()
	if !ok || !x.floorGiven(s, last) {
		return corpus.Person{}, false // the role ends the sentence: no name is given with it
	}
	r, _ := s.roleEndingAt(from)
	role, land := s.leftRole(from, last)
	role = strings.Join(strings.Fields(role), " ") // wrapped over a line break
	for k := 0; k+1 < len(n.toks) && k < 3; k++ {
		addr := address(n.txt[n.toks[k].start:])
		if addr == "" {
			continue
		}
		j := k + 1
		if _, ok := n.roleEndingAt(j); ok && j+1 < len(n.toks) {
			j++ // "Herr Minister X"
		}
		off := n.toks[j].start
		if h := honorific(n.txt[off:]); h != "" {
			off += len(h)
		}
		w := nameToken(n.txt[off:])
		if w == "" || strings.HasSuffix(w, ".") || x.notNamePart(w) || !endsClause(n.txt[off+len(w):]) {
			return corpus.Person{}, false
		}
		if land == "" && (r.landRole || ofOwnLand(role)) && !federal(role) {
			land = dom
		}
		return corpus.Person{ID: corpus.PersonID(Slug(w)), Name: w, Role: role, Land: land, Date: doc.Date,
			Evidence: corpus.EvidenceAt(doc, s.span.Start, n.span.End)}, true
	}
	return corpus.Person{}, false
}

var (
	floorVerbs   = set("hat", "erhält", "bekommt")
	floorAdverbs = set("nun", "jetzt", "zunächst", "als", "nächstes", "nächster", "nächste", "zuerst")
)

// copulas join a leading role to the name after them: "Neuer CIO wird X".
var copulas = set("wird", "ist", "bleibt", "war", "wurde")

// leadingRole reads a role that opens the sentence and ends right before
// the copula at token c: an optional article or "neue", the role noun and
// its complement, which here may hold attributive adjectives
// ("der einhundertprozentigen Tochtergesellschaft") and a bracketed
// abbreviation. It returns the role and the last token of its phrase.
func (s *sentence) leadingRole(c int) (roleSpan, int, bool) {
	i := 0
	for i < c && i < 2 && (articles[s.toks[i].lower] || rightModifiers[s.toks[i].lower] || s.toks[i].lower == "neuer" || s.toks[i].lower == "neue") {
		i++
	}
	var r roleSpan
	found := false
	for k := i; k < c && k <= i+2; k++ {
		if rr, ok := s.roleEndingAt(k); ok && rr.from <= i+1 {
			r, found = rr, true
			break
		}
	}
	if !found || c-r.to > 14 {
		return roleSpan{}, 0, false
	}
	for k := r.to + 1; k < c; k++ {
		t := s.toks[k]
		if strings.ContainsAny(t.sep, ",;:.") && !strings.Contains(t.sep, "(") && t.sep != "." {
			return roleSpan{}, 0, false // a clause between: not one phrase ("IT.NRW" is one name)
		}
		if isUpperInitial(t.raw) || roleLink[t.lower] || isAllUpper(t.raw) || adjectiveLike(t.lower) {
			continue
		}
		return roleSpan{}, 0, false
	}
	return r, c - 1, true
}

// adjectiveLike reports whether a lower-case word has an adjective's
// inflected ending: "einhundertprozentigen", "angesiedelten", "neue".
// roleWordAt reports whether token j may stand inside a role phrase: a
// capitalised word, a linking word ("für", "der", "und"), or an adjective
// between a linking word and a capitalised noun ("Beauftragte für digitale
// Verwaltung").
func (s *sentence) roleWordAt(j int) bool {
	t := s.toks[j]
	if isUpperInitial(t.raw) || roleLink[t.lower] {
		return true
	}
	if t.sep == "-" && j >= 1 && !isUpperInitial(s.toks[j-1].raw) {
		return s.roleWordAt(j - 1) // the rest of a hyphenated adjective
	}
	// an adjective, also a hyphenated one ("im rheinland-pfälzischen
	// Ministerium"), between a linking word and a noun
	last := j
	for last+1 < len(s.toks) && s.toks[last+1].sep == "-" && !isUpperInitial(s.toks[last+1].raw) {
		last++
	}
	return adjectiveLike(s.toks[last].lower) && j >= 1 && roleLink[s.toks[j-1].lower] && t.sep == " " &&
		last+1 < len(s.toks) && s.toks[last+1].sep == " " && isUpperInitial(s.toks[last+1].raw)
}

func adjectiveLike(w string) bool {
	for _, e := range []string{"en", "em", "er", "es", "e"} {
		if strings.HasSuffix(w, e) && len(w) > len(e)+3 {
			return true
		}
	}
	return false
}

// endsClause reports whether rest, the text after a name, ends its clause:
// the sentence ends, or punctuation follows ("… wird Nicole Voigt." but not
// "… wird Anna Beispiel treffen").
func endsClause(rest string) bool {
	rest = strings.TrimLeft(rest, " \t")
	return rest == "" || strings.ContainsAny(rest[:1], ".,;:!(–-\n")
}

// landOrgAbbrevs returns the abbreviations the document gives to offices of
// a Land: a bracketed abbreviation after a name that begins with "Landes"
// or names a Land ("Landesamt für Sicherheit in der Informationstechnik
// (LSI)", "Cybersicherheitsagentur Brandenburg (CSA-BB)"), each with the
// Land the name gives (BB) or "".
func (x *Extractor) landOrgAbbrevs(ss []sentence, dom corpus.LandCode) map[string]corpus.LandCode {
	out := map[string]corpus.LandCode{}
	nouns := map[string]corpus.LandCode{} // office nouns, "" where two Länder have one
	for i := range ss {
		s := &ss[i]
		for k := 1; k < len(s.toks); k++ {
			t := s.toks[k]
			if !strings.HasSuffix(strings.TrimSpace(t.sep), "(") || !isAllUpper(strings.ReplaceAll(t.raw, "-", "")) {
				continue
			}
			abbr, end := t.raw, k
			for end+1 < len(s.toks) && s.toks[end+1].sep == "-" {
				end++
				abbr += "-" + s.toks[end].raw
			}
			if end+1 < len(s.toks) && !strings.HasPrefix(strings.TrimSpace(s.toks[end+1].sep), ")") {
				continue
			}
			from := max(0, k-8)
			for j := k - 1; j >= from; j-- {
				if isClauseSep(s.toks[j+1].sep) && j+1 < k {
					break
				}
				if strings.HasPrefix(s.toks[j].lower, "landes") && isUpperInitial(s.toks[j].raw) || s.landStartsAt(s.toks[j].start) {
					if _, seen := out[abbr]; !seen {
						out[abbr] = "" // a Land's office, perhaps of no Land it names
					}
					if j > 0 && strings.HasPrefix(s.toks[j-1].lower, "dortig") {
						delete(out, abbr) // "die dortige Landesagentur (LADV)": another Land's
						break
					}
					if l := x.townLand(s); l != "" {
						out[abbr] = l // "In Potsdam stellte sich die Landesagentur … (LADV) vor"
					}
					for _, h := range s.lands {
						// "Cybersicherheitsagentur Baden-Württemberg (CSBW)"
						if !h.Compound && h.Start >= s.toks[j].start && h.End <= t.start {
							out[abbr] = h.Land
						}
					}
					if l := out[abbr]; l != "" {
						// the office's noun alone names it too: "Der
						// Präsident der Cybersicherheitsagentur" after
						// "Cybersicherheitsagentur des Landes
						// Baden-Württemberg (CSBW)"
						if n, ok := s.officeNounBefore(j); ok {
							if prev, seen := nouns[n]; seen && prev != l {
								l = ""
							}
							nouns[n] = l
						}
					}
					break
				}
			}
		}
	}
	for n, l := range nouns {
		// not where the document is another Land's, which may have an
		// office of that kind too ("Nach dem Vorbild der
		// Cybersicherheitsagentur des Landes Baden-Württemberg (CSBW)
		// gründet Hessen eine Cybersicherheitsagentur")
		if _, taken := out[n]; !taken && l != "" && (dom == "" || dom == l) {
			out[n] = l
		}
	}
	return out
}

// townLand returns the Land of the towns a sentence names when they all lie
// in one Land, else "".
func (x *Extractor) townLand(s *sentence) corpus.LandCode {
	var land corpus.LandCode
	for _, t := range s.toks {
		if l, ok := x.places[t.raw]; ok {
			if land != "" && l != land {
				return ""
			}
			land = l
		}
	}
	return land
}

// officeNounBefore returns the noun of an office that stands before the
// Land named at token j, over "des Landes", "des Freistaats":
// "Cybersicherheitsagentur" of "Cybersicherheitsagentur des Landes
// Baden-Württemberg".
func (s *sentence) officeNounBefore(j int) (string, bool) {
	h := j - 1
	for h >= 0 && (s.toks[h].lower == "des" || s.toks[h].lower == "der" || s.toks[h].lower == "landes" || s.toks[h].lower == "freistaats" || s.toks[h].lower == "freistaates") {
		h--
	}
	if h < 0 || !isUpperInitial(s.toks[h].raw) || !containsAny(s.toks[h].lower, orgHeads) {
		return "", false
	}
	return s.toks[h].raw, true
}
