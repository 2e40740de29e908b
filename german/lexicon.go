package german

import (
	_ "embed"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/laendergraph/laendergraph/corpus"
)

// PlacesText is the gazetteer of German towns: one town a line, a tab, the
// code of its Land; lines starting with "#" are comments.
//
//go:embed data/places.txt
var PlacesText string

// TownAdjectives returns the adjective forms of a town's name: Potsdam →
// Potsdamer, Dresden → Dresdner, Bremen → Bremer, München → Münchner.
func TownAdjectives(name string) []string {
	out := []string{name + "er"}
	if strings.HasSuffix(name, "en") {
		stem := strings.TrimSuffix(name, "en")
		out = append(out, stem+"ner", stem+"er", strings.TrimSuffix(name, "n")+"r")
	}
	if strings.HasSuffix(name, "e") {
		out = append(out, name+"r")
	}
	return out
}

// townByAdjective maps the adjective of a town of the gazetteer (one word,
// PlacesText) to the town; the first town of an adjective keeps it.
var townByAdjective = func() map[string]string {
	m := map[string]string{}
	for _, ln := range lines(PlacesText) {
		name, _, _ := strings.Cut(ln, "\t")
		name = strings.TrimSpace(name)
		if name == "" || strings.ContainsAny(name, " ()/.") {
			continue
		}
		for _, a := range TownAdjectives(name) {
			if _, dup := m[a]; !dup {
				m[a] = name
			}
		}
	}
	return m
}()

// TownByAdjective returns the town a capitalised adjective names
// ("Saarbrücker" → Saarbrücken), if it is one of a known town.
func TownByAdjective(w string) (string, bool) {
	t, ok := townByAdjective[w]
	return t, ok
}

//go:embed data/stopwords.txt
var stopwordsText string

//go:embed data/glossary.tsv
var glossaryText string

//go:embed data/synonyms.txt
var synonymsText string

//go:embed data/referents.txt
var referentsText string

var referents = lineSet(referentsText)

// RefersBack reports whether a sentence, by its tokens, opens with a definite
// article or demonstrative and a noun that refers back to a product,
// service or programme the sentence before named: "Das Verfahren wird …",
// "Diese Plattform …" (the nouns of data/referents.txt).
func RefersBack(toks []Token) bool {
	if !RefersBackAt(toks, 1) {
		return false
	}
	switch toks[0].Lower {
	case "das", "die", "der", "dieses", "diese", "dieser": // the subject's case
		return true
	}
	return false
}

// RefersBackAt reports whether token i of a sentence is a noun of
// data/referents.txt after a definite article or demonstrative in any case:
// "setzt auch Brandenburg den Dienst ein" speaks of the product named
// before.
func RefersBackAt(toks []Token, i int) bool {
	if i < 1 || i >= len(toks) || !referents[toks[i].Raw] {
		return false
	}
	switch toks[i-1].Lower {
	case "das", "die", "der", "den", "dem", "des", "dieses", "diese", "dieser", "diesen", "diesem":
		return true
	}
	return false
}

//go:embed data/landscapes.txt
var landscapesText string

var landscapes = lineSet(landscapesText)

// pairMap returns the lines "key<TAB>value" of a data file (see lines) as a
// map from the key in lower case to the value, both trimmed.
func pairMap(src string) map[string]string {
	m := map[string]string{}
	for _, ln := range lines(src) {
		k, v, ok := strings.Cut(ln, "\t")
		if ok {
			m[strings.ToLower(strings.TrimSpace(k))] = strings.TrimSpace(v)
		}
	}
	return m
}

// lineSet returns the lines of a word list (see lines) as a set.
func lineSet(src string) map[string]bool {
	m := map[string]bool{}
	for _, ln := range lines(src) {
		m[ln] = true
	}
	return m
}

// IsLandscape reports whether w is the name of a river, sea, mountain
// range or landscape ("Elbe", "Harz"): a name that ends the name of a
// thing ("Rechenzentrumsverbund Elbe") is that place where it stands alone.
func IsLandscape(w string) bool { return landscapes[w] }

var synonyms = func() map[string][]string {
	m := map[string][]string{}
	for _, ln := range lines(synonymsText) {
		ws := strings.Fields(ln)
		for _, w := range ws {
			for _, o := range ws {
				if o != w {
					m[Stem(w)] = append(m[Stem(w)], Stem(o))
				}
			}
		}
	}
	return m
}()

// Synonyms returns the stems of the words the synonym table gives for the
// stem st ("vorn" → "spitzenreit", "fuehrend", …), or nil. A compound the
// table does not hold takes the synonyms of its longest head that it
// holds, behind the same first part: "sicherheitsleut" →
// "sicherheitsfachkraeft", "sicherheitspersonal", …
func Synonyms(st string) []string {
	if syns := synonyms[st]; syns != nil {
		return syns
	}
	for k := 3; k+minSynonymHead <= len(st); k++ {
		if !utf8.RuneStart(st[k]) {
			continue
		}
		if syns := synonyms[st[k:]]; syns != nil {
			out := make([]string, len(syns))
			for i, o := range syns {
				out[i] = st[:k] + o
			}
			return out
		}
	}
	return nil
}

// minSynonymHead is the shortest head of a compound that takes the synonyms
// of the table ("leut" of "Sicherheitsleute").
const minSynonymHead = 4

// Places returns the towns of the gazetteer with the code of their Land.
func Places() map[string]corpus.LandCode {
	out := map[string]corpus.LandCode{}
	for _, ln := range lines(PlacesText) {
		name, code, _ := strings.Cut(ln, "\t")
		out[strings.TrimSpace(name)] = corpus.LandCode(strings.TrimSpace(code))
	}
	return out
}

// lines returns the non-empty lines of src that are not comments, trimmed.
func lines(src string) []string {
	var out []string
	for _, ln := range strings.Split(src, "\n") {
		ln = strings.TrimSpace(ln)
		if ln != "" && !strings.HasPrefix(ln, "#") {
			out = append(out, ln)
		}
	}
	return out
}

var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, ln := range lines(stopwordsText) {
		for _, w := range strings.Fields(ln) {
			m[corpus.Fold(w)] = true
		}
	}
	return m
}()

// IsStopword reports whether the word (any case) is a function word of
// German or English that carries no content in a question or a passage:
// articles, pronouns, auxiliaries, prepositions, question words.
func IsStopword(w string) bool { return stopwords[corpus.Fold(w)] }

var glossary = func() map[string][]string {
	m := map[string][]string{}
	for _, ln := range lines(glossaryText) {
		en, de, ok := strings.Cut(ln, "\t")
		if !ok {
			continue
		}
		m[corpus.Fold(en)] = strings.Fields(de)
	}
	return m
}()

// Translate returns the German words of an English content word of the
// glossary ("ministry" → "Ministerium"), or nil.
func Translate(en string) []string { return glossary[corpus.Fold(en)] }

// stemEndings are the inflection endings Stem strips, longest first.
var stemEndings = []string{"ern", "en", "em", "er", "es", "e", "n", "s"}

// Stem returns a light stem of a word: folded (lower case, umlauts spelt
// out) and without one inflection ending, keeping at least four letters, so
// that "Länder", "Ländern" and "Landes" … compare by prefix and
// "Gesetzes"/"Gesetz", "Digitalagentur"/"Digitalagenturen" are equal.
func Stem(w string) string {
	f := corpus.Fold(w)
	for _, e := range stemEndings {
		if strings.HasSuffix(f, e) && utf8.RuneCountInString(f)-len(e) >= 4 {
			return strings.TrimSuffix(f, e)
		}
	}
	return f
}

// separablePrefixes are the particles of separable verbs, whose participle
// puts "ge" after them: "umsetzen" → "umgesetzt".
var separablePrefixes = []string{"zusammen", "um", "an", "auf", "aus", "ein", "ab", "vor", "zu", "mit", "nach", "bei", "fest", "dar", "her", "hin", "weg", "zurueck", "vorran", "voran"}

// inseparablePrefixes are the prefixes of verbs whose participle takes no
// "ge" and equals the third person: "entwickelt", "beteiligt", "erprobt".
var inseparablePrefixes = []string{"be", "ent", "er", "ver", "zer", "emp", "miss"}

// VerbStem returns the verb a participle or a noun in "-ung" is made of, so
// that they match each other: "umgesetzt", "Umsetzung" → "umsetz";
// "geplant", "Planung" → "plan"; "eingeführt", "Einführung" → "einfuehr";
// "entwickelt", "Entwicklung" → "entwickl" (the "e" of a stem in -el or
// -er drops before "-ung", so it is dropped in every form); "beteiligt",
// "Beteiligung" → "beteilig". It returns "" for words that are neither, or
// too short to tell.
func VerbStem(w string) string {
	v := verbStem(w)
	if n := len(v); n > 5 && (strings.HasSuffix(v, "el") || strings.HasSuffix(v, "er")) {
		v = v[:n-2] + v[n-1:]
	}
	return v
}

func verbStem(w string) string {
	f := corpus.Fold(w)
	switch {
	case strings.HasSuffix(f, "ungen"):
		f = f[:len(f)-5]
	case strings.HasSuffix(f, "ung"):
		f = f[:len(f)-3]
	default:
		base := ""
		for _, p := range separablePrefixes {
			if strings.HasPrefix(f, p+"ge") && len(f) > len(p)+5 {
				base = p + f[len(p)+2:]
				break
			}
		}
		if base == "" && strings.HasPrefix(f, "ge") && len(f) > 6 {
			base = f[2:]
		}
		if base == "" && len(f) >= 7 {
			for _, p := range inseparablePrefixes {
				if strings.HasPrefix(f, p) && strings.HasSuffix(f, "t") {
					base = f
					break
				}
			}
		}
		if base == "" {
			return ""
		}
		trimmed := false
		for _, e := range []string{"ten", "tem", "ter", "tes", "te", "et", "t", "en"} {
			if strings.HasSuffix(base, e) {
				base, trimmed = base[:len(base)-len(e)], true
				break
			}
		}
		if !trimmed {
			return ""
		}
		f = base
	}
	if utf8.RuneCountInString(f) < 4 {
		return ""
	}
	return f
}

// ZuInfinitive returns the stem VerbStem gives the participle of a
// separable verb for its infinitive with "zu", as the stemmer leaves it or
// whole: "einzureich", "einzureichen" → "einreich", as "eingereicht" →
// "einreich". It returns "" for other words.
func ZuInfinitive(w string) string {
	f := corpus.Fold(w)
	for _, p := range separablePrefixes {
		if strings.HasPrefix(f, p+"zu") && len(f) > len(p)+5 {
			v := strings.TrimSuffix(p+f[len(p)+2:], "en")
			if utf8.RuneCountInString(v) < 4 {
				return ""
			}
			return v
		}
	}
	return ""
}

// ParticleVerb joins a finite verb and the particle a question or clause
// moved to its end into the stem VerbStem gives the participle of the
// joined verb: "nutzt … nach" → "nachnutz", as "nachgenutzt" → "nachnutz";
// "führen … ein" → "einfuehr". It returns "" when particle is no separable
// particle or the verb is too short.
func ParticleVerb(finite, particle string) string {
	p := corpus.Fold(particle)
	if !slices.Contains(separablePrefixes, p) {
		return ""
	}
	f := corpus.Fold(finite)
	for _, e := range []string{"ten", "test", "tet", "st", "te", "en", "et", "t", "e"} {
		if strings.HasSuffix(f, e) && len(f)-len(e) >= 3 {
			f = f[:len(f)-len(e)]
			break
		}
	}
	if utf8.RuneCountInString(f) < 3 {
		return ""
	}
	return p + f
}
