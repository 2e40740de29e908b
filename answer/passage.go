package answer

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/german"
	"github.com/laendergraph/laendergraph/search"
)

// Passage answering: when no graph fact answers a question, the answer is
// read from the sentences of the documents that match it best. The steps:
//
//  1. analyseText reads the question: the kind of answer it wants (one Land,
//     several Länder), the Länder it names itself (never its answer), and
//     its content words, English ones translated by the glossary of the
//     language layer.
//  2. The full-text index returns the documents that share most content
//     words (BM25, with the index's German analysis).
//  3. Every sentence of those documents gets the share of the question's
//     content weight it covers (its neighbours count half, so a sentence
//     that continues the one before is still read in context); a word
//     weighs more the fewer of the candidate sentences hold it.
//  4. Land candidates are read from the best sentences with the one Land
//     recogniser: names, genitives, adjectives, aliases ("Freie Hansestadt
//     Bremen"); "das Land", "die Landesregierung", "der Senat", "der
//     Freistaat" stand for the document's Land; a town stands for its Land.
//  5. A candidate's score is its sentence's coverage times how it is named
//     (a name in the sentence counts more than the document's Land behind
//     "das Land", more than a town); a singular question takes the best, a
//     plural one every Land close to the best. Below minCoverage the answer
//     is "nothing in the corpus": silence rather than a guess.

// want is the kind of answer a question asks for.
type want int

const (
	wantNone    want = iota
	wantLand         // one Land: "Welches Land …", "In welchem Bundesland …"
	wantLaender      // several: "Welche Länder …", "In welchen Ländern …"
	// wantPlace: "Wo …", "Wer …": a Land is one answer among others (a
	// town, a meeting, a person); read from text only when the graph has
	// no answer of another kind.
	wantPlace
)

// qterm is one content word of a question.
type qterm struct {
	raw    string
	stems  []string // German stems it stands for; several for a translated English word
	syns   []string // stems of synonyms, matched a little weaker
	anchor bool     // a name, noun or number: a passage must hold one such word itself
	num    bool     // a number: matched only exactly
	// name is a product's or programme's name in capitals ("AMTSLOTSE"):
	// a passage that neither it, its neighbours nor its title names is
	// about something else, however much of the rest it covers.
	name bool
	// product is a name in capitals or in camel case ("GrenzLotse"), as
	// products are named: words no sentence holds weigh less in the
	// sentences that name it.
	product bool
	// context is a word of a relative clause that tells which thing the
	// question means ("dem Datenlabor, das die Digitalminister in Görlitz
	// beschlossen haben"): the document may say it anywhere.
	context bool
	year    int // the year it names, if it is one
	month   int // the month it names, if it is one
	weight  float64
	// nameHead is the term of the word before it when the term is a
	// landscape that ends a name ("Rechenzentrumsverbund Elbe"), else -1:
	// alone it names the landscape.
	nameHead int
}

// textQuestion is what passage answering reads from a question.
type textQuestion struct {
	want    want
	terms   []qterm
	exclude map[corpus.LandCode]bool // Länder the question itself names
	negated bool
	where   bool // the question asks where ("Wo", "In welchem Land")
	// owner are the Länder a where-question names by an adjective or a
	// genitive ("der KommunalApp-Baukasten der hessischen Digitalagentur"):
	// excluded as context, they answer where a sentence places the use in
	// them ("ist in 170 hessischen Städten im Einsatz").
	owner map[corpus.LandCode]bool
	// venue are the Länder the question names as where an event is held
	// ("at the Open Source forum in Berlin"): context, they answer where a
	// sentence makes them the partner of the answer's Länder ("Gemeinsam
	// mit Thüringen und Sachsen will Berlin dort eine Charta vorlegen").
	venue map[corpus.LandCode]bool
	// aside: the question asks who watched, abstained or refused, so a
	// sentence that says so does not set its Länder aside.
	aside bool
	// done: the question asks what is done ("schon", "bereits", or no
	// verb of a change or a plan), so a Land that only announced it is no
	// answer (german.SetAsideDone)
	done bool
	// abstains: the question asks who abstained, only watched or refused
	// (not who examines: "prüft" is a question's verb as often)
	abstains bool
	// refusal: the question asks who refused by a word the set-aside
	// phrases do not hold ("eine Absage erteilt", "rejected")
	refusal bool
	// rank is the end of a ranking the question asks for ("Welches Land
	// bildet das Schlusslicht?": german.RankLast), or german.RankNone.
	rank german.Rank
	// rankW is the weight of the ranking asked for, set with the words'
	// weights: a sentence with a word for that end covers it.
	rankW float64
	// rankWeak: the question's ranking word is weak ("best", "top"),
	// perhaps no ranking at all.
	rankWeak bool
	// towns are the towns the question names ("in Potsdam beschlossen"):
	// context, like the Länder it names, so a passage's mention of one
	// does not give its Land as the answer.
	towns map[string]bool
	// series are the folded names of the meeting series the question asks
	// about and its lineage: a passage must come from a document that
	// names one, so that another body's chair never answers.
	series []string
}

// Tuning of passage answering.
const (
	// minShareOfTop is the least share of the best passage's coverage a
	// passage needs for its Länder to answer.
	minShareOfTop = 0.5
	// candidateDocs is how many documents are read for passages.
	candidateDocs = 40
	// maxDocBytes bounds how much of one document is read.
	maxDocBytes = 256 << 10
	// minCoverage is the share of the question's content weight the best
	// sentence must cover for an answer from text.
	minCoverage = 0.4
	// pluralShare: a plural answer takes every Land scoring at least this
	// share of the best.
	pluralShare = 0.8
	// neighbourShare is what a word of the question counts in the sentence
	// before or after the one read.
	neighbourShare = 0.35
	// peerFloor: the share of the best answer's score a sentence must reach
	// for the Länder it names beside an answer Land to be answers too.
	peerFloor = 0.6
	// unmatchedShare is what a word of the question that no candidate
	// sentence holds weighs, as a share of its rarity's weight.
	unmatchedShare = 0.4
	// alsoFloor: the weight a Land needs in an "auch"/"ebenfalls" sentence
	// (sentenceLaender's, before coverage) to join the answer.
	alsoFloor = 0.5
	// namedShare is what a word of the question counts in a sentence
	// that uses a name the document introduced in a sentence holding it
	// (sentenceInfo.named).
	namedShare = 0.7
	// contextShare is the share of a context word that the document says
	// in another sentence than the one read (see qterm.context).
	contextShare = 0.5
	// otherDocShare: the share of a Land's best score a sentence of
	// another document needs to be cited beside the best.
	otherDocShare = 0.5
	// maxTextEvidence is the number of sentences cited per Land.
	maxTextEvidence = 3
)

// landNouns are words that ask for a Land or stand for one; they carry no
// content of their own.
var landNouns = map[string]bool{
	"land": true, "laender": true, "laendern": true, "bundesland": true, "bundeslaender": true, "bundeslaendern": true,
	"landes": true, "state": true, "states": true, "staat": true, "staaten": true, "german": true,
}

// landAskers are nouns after "welch-" that ask for a Land: "Welcher Senat",
// "Welches Landesparlament", "Welche Landesregierung".
var landAskers = []string{"land", "laender", "laendern", "landesregierung", "staatsregierung", "senat", "landtag",
	"landesparlament", "landeskabinett", "stadtstaat", "stadtstaaten", "flaechenland", "freistaat", "state", "states",
	"regierung", "landesregierungen", "bundesland", "bundeslaender", "bundeslaendern"}

// officeNouns are the heads of the names of a Land's offices, folded, with
// whether the form is plural: "Welche Datenschutzbehörden" asks for the
// Länder whose offices they are, "Welche Steuerverwaltung" for the Land.
var officeNouns = []struct {
	suffix string
	plural bool
}{{"behoerden", true}, {"behoerde", false}, {"ministerien", true}, {"ministerium", false},
	{"staatskanzleien", true}, {"staatskanzlei", false}, {"senatskanzleien", true}, {"senatskanzlei", false},
	{"verwaltungen", true}, {"verwaltung", false}, {"administrations", true}, {"administration", false}}

// officeAsker reports whether a folded word after "welch-" names a Land's
// office, and whether in the plural.
func officeAsker(w string) (office, plural bool) {
	_, plural, office = officeSuffix(w)
	return office, plural
}

// officeSuffix returns the office noun a folded word ends in, and whether
// in the plural.
func officeSuffix(w string) (suffix string, plural, ok bool) {
	for _, o := range officeNouns {
		if strings.HasSuffix(w, o.suffix) {
			return o.suffix, o.plural, true
		}
	}
	return "", false, false
}

// officeOfField reports whether a folded word names a Land's office by its
// field ("Steuerverwaltung", "Datenschutzbehörden"): asked for after
// "welch-", its field is still a word the answer's sentence has.
func officeOfField(w string) bool {
	suffix, _, ok := officeSuffix(w)
	mod := w[:len(w)-len(suffix)]
	return ok && utf8.RuneCountInString(mod) >= 4 && !strings.HasPrefix(mod, "landes")
}

// coref are nouns that stand for the document's Land in a sentence.
var coref = map[string]bool{
	"land": true, "landesregierung": true, "staatsregierung": true, "senat": true, "freistaat": true,
	"stadtstaat": true, "landtag": true, "buergerschaft": true, "landeskabinett": true, "kabinett": true,
	"ministerrat": true, "landesparlament": true, "wir": true, "unser": true, "unsere": true, "unserem": true,
	"unseren": true, "unserer": true, "hansestadt": true,
	"landes": true, // "sämtliche Ministerien des Landes"
}

// abstainStems begin the words by which a question asks who abstained,
// only watched or refused.
var abstainStems = []string{"enthalt", "enthielt", "beobacht", "abgelehnt", "ablehn", "lehnt", "verzicht", "abstain", "observ", "declin"}

// refusalWords ask who refused, where the set-aside phrases of
// data/aside.txt hold no such word ("Absage" would set aside the Land of
// "Anders als Bayern hat Hessen eine Absage erteilt").
var refusalWords = map[string]bool{"absage": true, "absagen": true, "abgesagt": true, "refused": true, "rejected": true, "refuse": true, "reject": true}

// negationStems are the stems of words that negate.
var negationStems = map[string]bool{"kein": true, "keine": true, "nicht": true, "ohne": true, "no": true, "not": true, "without": true}

func fold(s string) string { return corpus.Fold(s) }

// asksDone reports whether a question's folded words ask what is done: a
// word of "already" ("schon", "bereits", "heute"), or no word of a change
// or a plan ("wechseln", "umstellen", "einführen", "planen", "switch").
func asksDone(folds []string) bool {
	for _, f := range folds {
		if doneWords[f] {
			return true
		}
	}
	for i, f := range folds {
		if slices.ContainsFunc(changeStems, func(p string) bool { return strings.HasPrefix(f, p) }) ||
			i == len(folds)-1 && (f == "um" || f == "ein") {
			return false // "Welche Länder stellen auf … um?"
		}
	}
	return true
}

var (
	// doneWords ask for what is already so.
	doneWords = map[string]bool{"schon": true, "bereits": true, "heute": true, "inzwischen": true, "mittlerweile": true,
		"already": true, "today": true, "currently": true, "derzeit": true, "aktuell": true}
	// changeStems ask for a change or a plan, which an announcement answers.
	changeStems = []string{"wechsel", "umstell", "umsteig", "einfuehr", "einzufuehr", "plan", "geplant", "vorhab", "vorgesehen", "beabsichtig", "migrier",
		"switch", "introduc", "moving", "wollen", "will", "soll", "bald", "kuenftig", "kuendig", "angekuendigt", "beitret", "beitritt",
		"anstreb", "streben", "interess"}
)

// analyseText reads a question for passage answering.
func (e *Engine) analyseText(q string, qu Question) textQuestion {
	toks := german.Tokenize(q)
	tq := textQuestion{exclude: map[corpus.LandCode]bool{}, negated: qu.Negated, aside: german.HasAside(toks)}
	if _, known := corpus.SeriesByID(qu.Series); qu.Series != "" && !known {
		// a body found by the form of its name: its name
		tq.series = append(tq.series, fold(string(qu.Series)))
	} else if qu.Series != "" {
		for _, id := range corpus.Family(qu.Series) {
			if sr, ok := corpus.SeriesByID(id); ok {
				for _, n := range append([]string{sr.Label, string(sr.ID)}, sr.Aliases...) {
					if k := fold(n); len(k) >= 3 {
						tq.series = append(tq.series, k)
					}
				}
			}
		}
	}
	folds := make([]string, len(toks))
	for i, t := range toks {
		folds[i] = fold(t.Raw)
	}
	tq.want = wantedAnswer(folds)
	tq.refusal = slices.ContainsFunc(folds, func(f string) bool { return refusalWords[f] })
	tq.done = asksDone(folds)
	tq.abstains = tq.aside && slices.ContainsFunc(folds, func(f string) bool {
		return slices.ContainsFunc(abstainStems, func(p string) bool { return strings.HasPrefix(f, p) })
	})
	for i, f := range folds {
		if f == "wo" || f == "where" || (f == "in" || f == "im") && i+1 < len(folds) && strings.HasPrefix(folds[i+1], "welch") {
			tq.where = true
		}
	}
	// Länder the question names are context; not a Land inside a quoted
	// name ("die Einkaufsgemeinschaft „Hauptstadtregion kauft digital“")
	quotes := quoteSpans(q)
	inQuotes := map[corpus.LandCode]bool{}
	for _, h := range e.lands.Find(q) {
		if slices.ContainsFunc(quotes, func(sp [2]int) bool { return h.Start >= sp[0] && h.End <= sp[1] }) {
			inQuotes[h.Land] = true
			continue
		}
		if h.Kind == german.FormRegion && strings.HasPrefix(q[h.End:], "-") {
			// "das Hauptstadtregion-Login": a region in the name of the
			// thing asked about, whose Länder may be the answer
			inQuotes[h.Land] = true
			continue
		}
		tq.exclude[h.Land] = true
		if k := tokenIndex(toks, h.Start); h.Kind == german.FormName && k >= 2 && toks[k-1].Lower == "in" && german.IsGathering(toks[k-2].Raw) {
			if tq.venue == nil {
				tq.venue = map[corpus.LandCode]bool{}
			}
			tq.venue[h.Land] = true
		}
		if tq.where && (h.Kind == german.FormAdjective || h.Kind == german.FormGenitive) {
			if tq.owner == nil {
				tq.owner = map[corpus.LandCode]bool{}
			}
			tq.owner[h.Land] = true
		}
	}
	if qu.Land != "" && (tq.exclude[qu.Land] || !inQuotes[qu.Land]) {
		tq.exclude[qu.Land] = true
	}
	// a Land's code in the name of the thing asked about ("Polyglot HH",
	// "NRW.Denkwerk") owns it
	for i, t := range toks {
		if t.Raw == strings.ToUpper(t.Raw) && codeInName(toks, i) {
			if l, ok := e.reg.Lookup(t.Raw); ok && tq.exclude[l] {
				if tq.owner == nil {
					tq.owner = map[corpus.LandCode]bool{}
				}
				tq.owner[l] = true
			}
		}
	}
	for _, t := range toks {
		if _, ok := e.places[t.Raw]; ok && german.IsUpperInitial(t.Raw) {
			if tq.towns == nil {
				tq.towns = map[string]bool{}
			}
			tq.towns[t.Raw] = true
		}
	}
	// A ranking word says which end the answer is at, not what the passage
	// must contain: "Schlusslicht" is also "am unteren Ende der Tabelle".
	rankWord := map[int]bool{}
	for i := 0; i < len(toks); i++ {
		if r, n, weak := german.RankCueAt(toks, i); n > 0 {
			if tq.rank == german.RankNone && (r == german.RankFirst || r == german.RankLast) {
				tq.rank, tq.rankWeak = r, weak
			}
			for k := i; k < i+n; k++ {
				rankWord[k] = true
			}
			i += n - 1
		}
	}
	seen := map[string]bool{}
	termOf := map[int]int{} // token → its term
	contrast := false       // after "statt", "rather than": what the answer did not do
	relative := false       // inside a relative clause: ", das die Digitalminister … beschlossen haben"
	for i, t := range toks {
		f := folds[i]
		if strings.ContainsAny(t.Sep, ",;?") {
			contrast = false
			relative = strings.Contains(t.Sep, ",") && relativePronouns[f]
		}
		if contrastWord(folds, i) {
			contrast = true
			continue
		}
		if contrast {
			continue // "… BAVARIS rather than adopting AMTSLOTSE": not what is asked
		}
		if utf8.RuneCountInString(t.Raw) < 2 && !german.IsDigits(t.Raw) || landNouns[f] || seen[f] || rankWord[i] && tq.rank != german.RankNone {
			continue
		}
		if german.IsStopword(t.Raw) && !negationStems[f] {
			continue
		}
		if i > 0 && strings.HasPrefix(folds[i-1], "welch") && !officeOfField(f) {
			continue // the noun asked for: "welches Landesparlament"
		}
		seen[f] = true
		term := qterm{raw: t.Raw, num: german.IsDigits(t.Raw), nameHead: -1, context: relative}
		if k, ok := termOf[i-1]; ok && i > 1 && t.Sep == " " && german.IsLandscape(t.Raw) && german.IsUpperInitial(toks[i-1].Raw) {
			term.nameHead = k
		}
		termOf[i] = len(tq.terms)
		if term.num && len(t.Raw) == 4 && german.IsYear(t.Raw) {
			fmt.Sscan(t.Raw, &term.year)
		}
		if m, ok := german.Month(t.Raw); ok && !(qu.Lang == "en" && (f == "may" || f == "march") && !nextIsYear(toks, i)) {
			term.month = int(m)
			term.stems = []string{german.Stem(german.MonthName(m))}
		}
		if qu.Lang == "en" && term.month == 0 {
			for _, de := range german.Translate(t.Raw) {
				term.anchor = term.anchor || german.IsUpperInitial(de)
				term.stems = append(term.stems, german.Stem(de))
			}
		}
		if len(term.stems) == 0 {
			term.stems = []string{german.Stem(t.Raw)}
			if sg := umlautPluralStem(f); sg != "" {
				term.stems = append(term.stems, sg) // "Funklöcher" → "funkloch"
			}
		}
		for _, st := range term.stems {
			term.syns = append(term.syns, german.Synonyms(st)...)
		}
		term.anchor = term.anchor || term.num || german.IsUpperInitial(t.Raw) && !(qu.Lang == "en" && i == 0)
		// a name or noun, not a Land ("die Plattform, die Bremen
		// entwickelt hat" is no context that Sachsen's platform has)
		term.context = term.context && term.anchor && len(e.lands.Find(t.Raw)) == 0
		// and the word of a dotted name after its code: "NRW.Fundament"
		term.name = capitalsName(t.Raw) || i > 0 && t.Sep == "." && german.IsUpperInitial(t.Raw) && german.IsAllUpper(toks[i-1].Raw) && len(toks[i-1].Raw) >= 2
		term.product = term.name || camelCase(t.Raw)
		// a separable verb whose particle ends the question: "Wer nutzt
		// die Plattform nach?" matches "nachgenutzt"
		if i <= 3 && !term.anchor && len(toks) > i+2 {
			if pv := german.ParticleVerb(t.Raw, toks[len(toks)-1].Raw); pv != "" {
				term.stems = append(term.stems, pv)
			}
		}
		tq.terms = append(tq.terms, term)
	}
	return tq
}

// relativePronouns open a relative clause after a comma.
var relativePronouns = map[string]bool{"das": true, "die": true, "der": true, "den": true, "dem": true,
	"deren": true, "dessen": true, "welche": true, "welcher": true, "welches": true, "which": true, "that": true}

// comparedOnly reports whether every list of Länder of a sentence is the
// other side of a comparison: "Anders als (in) Bayern", "Im Gegensatz zu
// Sachsen", "unlike Bavaria".
func comparedOnly(toks []german.Token, lists [][]german.LandHit) bool {
	if len(lists) == 0 {
		return false
	}
	for _, l := range lists {
		j := tokenIndex(toks, l[0].Start) - 1
		for j >= 0 && comparedSkip[toks[j].Lower] {
			j--
		}
		if j < 0 {
			return false
		}
		prev := ""
		if j > 0 {
			prev = toks[j-1].Lower
		}
		switch w := toks[j].Lower; {
		case w == "als" && prev == "anders", (w == "zu" || w == "zum") && (prev == "gegensatz" || prev == "unterschied"),
			w == "mit" && prev == "verglichen", w == "unlike":
		default:
			return false // "Anders als erwartet setzt Bayern …" compares nothing with Bayern
		}
	}
	return true
}

// comparedSkip are the words between a comparison and its Land: "Anders
// als in Bayern", "im Gegensatz zum Freistaat".
var comparedSkip = map[string]bool{"in": true, "im": true, "dem": true, "den": true, "der": true, "die": true, "das": true}

// codeInName reports whether the Land's code at token i is part of a name:
// it ends one, after a capitalised word that is no stop word and names no
// office of a Land ("mit der Plattform Polyglot HH", not "die
// Landesregierung NRW"), or opens a dotted one ("die KI-Plattform
// NRW.Denkwerk").
func codeInName(toks []german.Token, i int) bool {
	if i+1 < len(toks) && toks[i+1].Sep == "." && german.IsUpperInitial(toks[i+1].Raw) {
		return true
	}
	if i < 2 || toks[i].Sep != " " {
		return false
	}
	prev := toks[i-1]
	return german.IsUpperInitial(prev.Raw) && !german.IsStopword(prev.Raw) && !landNouns[fold(prev.Raw)] && !coref[fold(prev.Raw)]
}

// contrastWord reports whether the folded word at i opens what a question
// sets its answer against: "statt", "anstatt", "anstelle", "rather than",
// "instead of".
func contrastWord(fs []string, i int) bool {
	switch fs[i] {
	case "statt", "anstatt", "anstelle":
		return true
	case "rather", "instead":
		return i+1 < len(fs) && (fs[i+1] == "than" || fs[i+1] == "of")
	}
	return false
}

// umlautSingular returns the stem st without the umlaut of its last vowel
// ("pilotlaend" → "pilotland"), the singular of a plural the stemmer left
// umlauted, or "" when its last vowel is no umlaut.
func umlautSingular(st string) string {
	k := max(strings.LastIndex(st, "ae"), strings.LastIndex(st, "oe"), strings.LastIndex(st, "ue"))
	if k < 0 || strings.ContainsAny(st[k+2:], "aeiou") {
		return ""
	}
	return st[:k+1] + st[k+2:]
}

// umlautPluralStem returns the singular stem of a folded plural noun in
// "-er"/"-ern" whose last vowel took an umlaut ("funkloecher" →
// "funkloch", "daecher" → "dach"), so that the question's plural finds the
// singular and its compounds ("Funkloch-Melder"); else "".
func umlautPluralStem(f string) string {
	base, ok := strings.CutSuffix(f, "ern")
	if !ok {
		base, ok = strings.CutSuffix(f, "er")
	}
	if !ok || len(base) < 4 {
		return ""
	}
	if sg := umlautSingular(base); len(sg) >= 6 {
		return sg // not a short word, where an agent noun may look alike ("Gründer", "Bürger")
	}
	return ""
}

// wantedAnswer reads from the folded words of a question whether it asks
// for one Land or several.
func wantedAnswer(fs []string) want {
	for i, f := range fs {
		switch {
		case strings.HasPrefix(f, "welch") || f == "which" || f == "what":
			for j := i + 1; j < len(fs) && j <= i+3; j++ {
				w := fs[j]
				if w == "beiden" || w == "both" {
					return wantLaender
				}
				if strings.HasPrefix(w, "landes") && len(w) > 9 && !strings.HasPrefix(w, "landes-") && !slices.Contains(landAskers, w) {
					// "In welchen Landesverwaltungen …", "Welche
					// Landesbehörde …": a Land's office asks for its Land
					if strings.HasSuffix(w, "en") || strings.HasSuffix(w, "ern") {
						return wantLaender
					}
					return wantLand
				}
				if strings.HasPrefix(w, "landes-") || w == "landes" && j+1 < len(fs) {
					// "Welche Landes-CERTs", "Welches Landes-CERT": a Land's
					// office, hyphenated (one word or two), asks for its Land
					n := w
					if w == "landes" {
						n = fs[j+1]
					}
					if f == "welche" && (strings.HasSuffix(n, "s") || strings.HasSuffix(n, "en") || strings.HasSuffix(n, "er")) {
						return wantLaender
					}
					return wantLand
				}
				if office, plural := officeAsker(w); office {
					// "Welche Datenschutzbehörden …", "Welches
					// Digitalministerium …": a Land's office asks for its Land
					if plural {
						return wantLaender
					}
					return wantLand
				}
				for _, a := range landAskers {
					if w == a || strings.HasSuffix(w, a) && utf8.RuneCountInString(w) > len(a)+3 {
						if strings.HasSuffix(w, "laender") || strings.HasSuffix(w, "laendern") || w == "states" || w == "stadtstaaten" || strings.HasSuffix(w, "regierungen") {
							return wantLaender
						}
						return wantLand
					}
				}
			}
		case (f == "wo" || f == "where") && i == 0:
			return wantPlace
		case f == "wer" || f == "wem" || f == "wen" || f == "who" || f == "whom" || f == "wessen" || f == "whose":
			return wantPlace
		}
	}
	return wantNone
}

// nextIsYear reports whether the word after toks[i] is a year.
func nextIsYear(toks []german.Token, i int) bool {
	return i+1 < len(toks) && german.IsYear(toks[i+1].Raw)
}

// sentenceInfo is one sentence of a candidate document.
type sentenceInfo struct {
	start, end int      // byte range in the document text
	stems      []string // stems of its words
	toks       []german.Token
	cues       []rankCue // its ranking words, read when the question asks for a ranking
	// alias holds, at a word that is an abbreviation its document defines,
	// the stems of the long form it stands for there.
	alias map[int][]string
	// named holds the stems of the sentences of its document that
	// introduce a name it uses by a noun in apposition ("die gemeinsame
	// E-Akte „Akte Nord“ … freigegeben" for "Die „Akte Nord“ wird von …
	// eingesetzt"): what they say of the thing, this sentence says by its
	// name. Nil when it uses no such name.
	named []string
	// notLand are the abbreviations its document defines for something
	// else that a Land's short form spells ("Länderbündel Souveräner
	// Arbeitsplatz (LSA)"): there they do not name the Land. Shared by
	// the document's sentences; nil when there are none.
	notLand map[string]bool
	// question is set for a question ("Frage 3. Nutzen andere Länder
	// dasselbe Produkt?"): it asks, the answer after it says.
	question bool
}

// landsIn returns the Länder named in s, a part of the document of sents,
// without the abbreviations the document defines for something else.
func (e *Engine) landsIn(s string, sents []sentenceInfo) []german.LandHit {
	hs := e.lands.Find(s)
	if len(sents) == 0 || sents[0].notLand == nil {
		return hs
	}
	return slices.DeleteFunc(hs, func(h german.LandHit) bool { return sents[0].notLand[h.Form] })
}

// candidate is a Land read from a sentence.
type candidate struct {
	land  corpus.LandCode
	score float64
	ev    corpus.Evidence
	// partners are the Länder the sentence names it with as doing the
	// thing together ("wir gemeinsam mit Sachsen-Anhalt", "den Hamburg
	// gemeinsam mit Bremen und Schleswig-Holstein betreibt"), where no
	// list joins them
	partners []corpus.LandCode
}

// docSents is a candidate document read into sentences.
type docSents struct {
	doc   corpus.Document
	sents []sentenceInfo
	title []string
	home  docLand // the document's Land
	// offSeries: the question asks about a meeting series the document
	// does not name.
	offSeries bool
}

// passageLaender answers a question for one or several Länder from passages.
// It returns the Länder (best first for a singular question, in registry
// order for a plural one) and the coverage of the best passage.
func (e *Engine) passageLaender(ctx context.Context, q string, qu Question, tq textQuestion) ([]Land, float64, error) {
	if tq.want == wantNone {
		return nil, 0, nil
	}
	type read struct {
		c   candidate
		cov float64
	}
	var reads []read
	docs := map[corpus.DocID]*docSents{}
	covered := map[corpus.DocID]map[int]bool{} // the sentences that cover enough of the question
	top, err := e.scorePassages(ctx, tq, func(ds *docSents, i int, cov float64, hits []int) {
		docs[ds.doc.ID] = ds
		if covered[ds.doc.ID] == nil {
			covered[ds.doc.ID] = map[int]bool{}
		}
		covered[ds.doc.ID][i] = true
		// a question about who abstained, watched or refused is answered
		// by a sentence that says so: "Bayern und Sachsen enthalten sich"
		asideShare := 1.0
		if tq.abstains && !german.HasAside(ds.sents[i].toks) {
			asideShare = 0.4
		}
		for _, c := range e.sentenceLaender(ds.doc, ds.sents, i, ds.home, hits, tq) {
			c.score *= cov * asideShare
			reads = append(reads, read{c, cov})
		}
	})
	if err != nil {
		return nil, 0, err
	}
	if (tq.want == wantLaender || tq.want == wantPlace) && len(reads) > 0 {
		best := reads[0]
		for _, r := range reads[1:] {
			if r.c.score > best.c.score {
				best = r
			}
		}
		also := e.alsoLaender(docs[best.c.ev.Doc], tq)
		if tq.rank == german.RankNone {
			also = append(also, e.precedingLaender(docs[best.c.ev.Doc], best.c.land, covered[best.c.ev.Doc])...)
		}
		for _, c := range also {
			if c.score < alsoFloor {
				continue // "hatte ebenfalls …, sich dann aber für … entschieden": set aside
			}
			// as good as the best answer may be and still be one of several
			c.score = pluralShare * best.c.score
			if tq.want == wantPlace {
				// "Wo …": the Land that does the same ("Auch Rheinland-Pfalz
				// nutzt den Funkloch-Melder") is a place beside the best
				c.partners = append(c.partners, best.c.land)
			}
			reads = append(reads, read{c, best.cov})
		}
	}
	// The passages that cover the question best may name no Land (an
	// agenda heading, what a meeting discussed); a Land read from a
	// passage that covers far less than they do is a guess, not an answer.
	best := map[corpus.LandCode][]candidate{}
	for _, r := range reads {
		if r.cov >= minShareOfTop*top {
			best[r.c.land] = append(best[r.c.land], r.c)
		}
	}
	return e.pickLaender(tq, best), top, nil
}

// alsoWords say that what the text told of one Land holds for another:
// "Seit 2043 nutzt auch Bremen die Software", "wird nun ebenfalls in
// Rheinland-Pfalz genutzt".
var alsoWords = map[string]bool{"auch": true, "ebenfalls": true, "gleichfalls": true, "also": true}

// alsoLaender returns the Länder of the sentences of ds, the document of the
// best answer to a question for several Länder, that name what the
// document is about and say "auch": those Länder do the same. What the
// document is about is a name or noun of the question that two or more of
// its sentences name (a product, a programme). A negated sentence names
// none.
func (e *Engine) alsoLaender(ds *docSents, tq textQuestion) []candidate {
	if ds == nil {
		return nil
	}
	// what the document is about: the question's names and nouns that
	// two or more of its sentences name (a product, a programme)
	var topics []int
	for i, t := range tq.terms {
		if !t.anchor || t.num {
			continue
		}
		n := 0
		for _, s := range ds.sents {
			// a landscape that ends a name counts with the word before
			// it: "Elbe" of "Rechenzentrumsverbund Elbe" is not the river
			if exactIn(t, s.stems) && (t.nameHead < 0 || exactIn(tq.terms[t.nameHead], s.stems)) {
				n++
			}
		}
		if n > 1 {
			topics = append(topics, i)
		}
	}
	var out []candidate
	for i, s := range ds.sents {
		also := false
		for k, t := range s.toks {
			// "auch wenn" concedes; it says no other Land does the same
			also = also || alsoWords[t.Lower] && !(k+1 < len(s.toks) && s.toks[k+1].Lower == "wenn")
		}
		if !also || negatedSentence(s) {
			continue
		}
		for _, k := range topics {
			t := tq.terms[k]
			if t.nameHead >= 0 && !exactIn(tq.terms[t.nameHead], s.stems) {
				continue
			}
			if _, at := termIn(t, s.stems); at >= 0 && exactIn(t, s.stems) {
				out = append(out, e.sentenceLaender(ds.doc, ds.sents, i, ds.home, []int{at}, tq)...)
				break
			}
		}
	}
	return out
}

// precedingLaender returns the Länder that a sentence of ds, the document
// of the best answer, names as having done the same before the best answer's
// Land: "Das Saarland ist damit nach Hamburg und Bremen das dritte Land, in
// dem …" (the list after "nach", before an ordinal from "zweite" on with
// "Land" or "Bundesland" and a relative clause, in a sentence that names
// land outside that list and negates nothing before the ordinal). The
// sentence says what the question asks: it covers enough of it (covered) or
// refers to the sentence before by "damit" (not "Nach Bayern besuchte die
// Ministerin mit Sachsen das dritte Land ihrer Reise").
func (e *Engine) precedingLaender(ds *docSents, land corpus.LandCode, covered map[int]bool) []candidate {
	if ds == nil || land == "" {
		return nil
	}
	var out []candidate
	for si, s := range ds.sents {
		ord := ordinalLand(s.toks)
		if ord < 0 || s.end > len(ds.doc.Text) || slices.ContainsFunc(s.toks[:ord], func(t german.Token) bool { return negationStems[german.Stem(t.Lower)] }) {
			continue // not "… ist nicht das dritte Land"; "in dem Eltern ohne Papier …" after it is the thing
		}
		if !covered[si] && !slices.ContainsFunc(s.toks[:ord], func(t german.Token) bool { return t.Lower == "damit" }) {
			continue
		}
		txt := ds.doc.Text[s.start:s.end]
		var before []corpus.LandCode
		named := false
		for _, list := range landLists(txt, e.landsIn(txt, ds.sents)) {
			k := tokenIndex(s.toks, list[0].Start)
			if k > 0 && k < ord && s.toks[k-1].Lower == "nach" {
				for _, h := range list {
					before = append(before, h.Land)
				}
				continue
			}
			named = named || slices.ContainsFunc(list, func(h german.LandHit) bool { return h.Land == land })
		}
		if !named {
			continue
		}
		ev := corpus.EvidenceAt(&ds.doc, s.start, s.end)
		for _, l := range before {
			if l != land {
				out = append(out, candidate{land: l, score: 1, ev: ev})
			}
		}
	}
	return out
}

// relativeWords open the relative clause after "das dritte Land".
var relativeWords = map[string]bool{"das": true, "die": true, "der": true, "in": true, "wo": true, "welches": true, "dem": true, "bei": true}

// ordinalLand returns the index of the ordinal of "das dritte Land, das …",
// "als zweites Bundesland, in dem …" (from "zweite" on, with a relative
// clause after it), or -1.
func ordinalLand(toks []german.Token) int {
	for i := 0; i+1 < len(toks); i++ {
		n, _ := germanOrdinal(fold(toks[i].Raw))
		if n < 2 || n == OrdinalLast {
			continue
		}
		if l := toks[i+1].Lower; (l == "land" || l == "bundesland") && i+2 < len(toks) && strings.TrimSpace(toks[i+2].Sep) == "," &&
			relativeWords[toks[i+2].Lower] {
			return i // "das dritte Land, in dem …", "…, das …"
		}
	}
	return -1
}

// scorePassages reads the candidate documents of the question and calls
// visit for every sentence that covers enough of it, with its coverage and
// the words of it that matched. It returns the best coverage.
func (e *Engine) scorePassages(ctx context.Context, tq textQuestion, visit func(ds *docSents, i int, cov float64, hits []int)) (float64, error) {
	if len(tq.terms) == 0 || e.s == nil {
		return 0, nil
	}
	docs, err := e.passageDocs(ctx, tq)
	if err != nil || len(docs) == 0 {
		return 0, err
	}
	// Read the sentences and count in how many each stem occurs.
	var all []docSents
	df := map[string]int{}
	n := 0
	for _, d := range docs {
		txt := d.Text
		if len(txt) > maxDocBytes {
			txt = txt[:maxDocBytes]
		}
		ds := docSents{doc: d, title: stemsOf(german.Tokenize(d.Title))}
		defined := e.definedAbbreviations(txt)
		var notLand map[string]bool
		for abbr := range defined {
			if hs := e.lands.Find(abbr); len(hs) == 1 && hs[0].Form == abbr {
				if notLand == nil {
					notLand = map[string]bool{}
				}
				notLand[abbr] = true
			}
		}
		// Its words still count for the weights; its sentences answer only
		// when it names the series asked about.
		ds.offSeries = len(tq.series) > 0 && !namesAny(fold(d.Title+"\n"+txt), tq.series)
		for _, s := range german.Sentences(txt) {
			toks := german.Tokenize(txt[s.Start:s.End])
			si := sentenceInfo{start: s.Start, end: s.End, toks: toks, stems: stemsOf(toks), notLand: notLand,
				question: german.IsQuestion(txt[s.Start:s.End])}
			for k, t := range toks {
				if long, ok := defined[t.Raw]; ok {
					if si.alias == nil {
						si.alias = map[int][]string{}
					}
					si.alias[k] = long
				}
			}
			if tq.rank != german.RankNone {
				si.cues = rankCues(toks)
			}
			ds.sents = append(ds.sents, si)
			n++
			seen := map[string]bool{}
			for _, st := range si.stems {
				if !seen[st] {
					seen[st] = true
					df[st]++
				}
			}
		}
		e.introducedNames(txt, ds.sents, defined)
		ds.home = e.docLand(d, txt, ds.sents)
		all = append(all, ds)
	}
	// Weigh the question's words by how rare they are among the sentences.
	// In a sentence that names the product the question names
	// ("GrenzLotsen", "AMTSLOTSE"), the words no sentence has weigh less
	// (lost is what they lose); in others they keep their weight: "eine
	// Behörde für Schiffsdaten" is not answered by any "Behörde", nor
	// "Dataport's SOUVERA workplace" by what Dataport serves.
	// Not where it asks who refused or did not: a sentence naming the
	// product says nothing of that by the name alone ("Welches Land hat der
	// DolmetschBox eine Absage erteilt?").
	namesProduct := !tq.aside && !tq.negated && !tq.refusal && slices.ContainsFunc(tq.terms, func(t qterm) bool {
		return t.product && slices.ContainsFunc(t.stems, func(st string) bool { return df[st] > 0 })
	})
	total, lost := 0.0, 0.0
	for i := range tq.terms {
		t := &tq.terms[i]
		k := 0
		for _, st := range t.stems {
			k = max(k, df[st])
		}
		t.weight = math.Log(1 + float64(n)/float64(1+k))
		if t.num && t.year == 0 {
			t.weight *= 0.7 // a day or an amount: specific, but often written otherwise
		}
		if !t.anchor && !t.num && utf8.RuneCountInString(t.raw) <= 4 {
			t.weight *= 0.5 // a short verb or particle ("lag", "gab"): says little
		}
		total += t.weight
		if k == 0 && !t.num && namesProduct && !matchedAnywhere(*t, all) {
			// a word no sentence of the candidates has, not even in a
			// compound ("Grenzpendlern" where the text says "Pendlern",
			// "helfen" where it says "hilft"): as the rarest word it
			// would outweigh the product's name
			lost += t.weight * (1 - unmatchedShare)
		}
	}
	if tq.rank != german.RankNone {
		for _, t := range tq.terms {
			tq.rankW = max(tq.rankW, t.weight)
		}
		total += tq.rankW
	}
	if total == 0 {
		return 0, nil
	}
	top := 0.0
	for k := range all {
		ds := &all[k]
		if ds.offSeries {
			continue
		}
		year, month := ds.doc.Date.Year(), 0
		if len(ds.doc.Date) >= 7 {
			fmt.Sscan(string(ds.doc.Date[5:7]), &month)
		}
		title := ds.title
		docMatch := contextMatches(tq, ds.sents)
		for i, s := range ds.sents {
			if german.AgendaItem(ds.doc.Text[s.start:s.end]) {
				// the sentences under an agenda item are about it, as the
				// document's are about its title: "TOP 2 – Post-Quanten-
				// Kryptografie" … "Die Federführung übernehmen …"
				title = append(slices.Clip(ds.title), s.stems...)
			}
			if s.question {
				continue // "2. Hat sich das Land an der Übung beteiligt?" asks; the answer after it says
			}
			cov, hits := e.coverage(tq, ds.sents, i, title, year, month, docMatch)
			if lost > 0 && namesProductIn(tq, ds.sents, i) {
				cov /= total - lost
			} else {
				cov /= total
			}
			if cov < minCoverage*0.8 {
				continue
			}
			if !tq.negated && negatedSentence(s) {
				cov *= 0.7
				if negatedHit(s, hits) {
					cov *= 0.4 // "…, ist selbst aber nicht Pilotland"
				}
			}
			if i > 0 && !tq.negated && answersNo(ds.doc.Text[ds.sents[i-1].start:ds.sents[i-1].end]) {
				cov *= 0.3 // "Nein. Der Freistaat betreibt sein eigenes Servicekonto weiter."
			}
			if otherYear(tq, s) {
				cov *= 0.6 // the question's year is not the one the sentence speaks of
			}
			top = max(top, cov)
			visit(ds, i, cov, hits)
		}
	}
	return top, nil
}

// camelCase reports whether a word has a capital after a small letter
// inside it, as product names do ("GrenzLotse", "IdentBlick").
func camelCase(w string) bool {
	prev := false
	for i, r := range w {
		if i > 0 && prev && unicode.IsUpper(r) {
			return true
		}
		prev = unicode.IsLower(r)
	}
	return false
}

// namesProductIn reports whether sentence i names a product the question
// names (a name in capitals or in camel case), itself or, opening with "Das
// Verfahren", "Die Plattform", by the sentence before.
func namesProductIn(tq textQuestion, sents []sentenceInfo, i int) bool {
	for _, t := range tq.terms {
		if !t.product {
			continue
		}
		if exactIn(t, sents[i].stems) || i > 0 && german.RefersBack(sents[i].toks) && exactIn(t, sents[i-1].stems) {
			return true
		}
	}
	return false
}

// matchedAnywhere reports whether a sentence of the documents holds the
// term itself (any inflection, or a compound holding it) or a synonym.
func matchedAnywhere(t qterm, docs []docSents) bool {
	for _, ds := range docs {
		for _, s := range ds.sents {
			if m, _ := termIn(t, s.stems); m >= 0.5 {
				return true
			}
		}
	}
	return false
}

// passageDocs returns the candidate documents with their text.
func (e *Engine) passageDocs(ctx context.Context, tq textQuestion) ([]corpus.Document, error) {
	var words []string
	seen := map[string]bool{}
	for _, t := range tq.terms {
		for _, w := range append([]string{t.raw}, t.stems...) {
			w = strings.Trim(w, "-")
			if w == "" || seen[fold(w)] || strings.EqualFold(w, "or") || strings.EqualFold(w, "and") {
				continue
			}
			seen[fold(w)] = true
			words = append(words, w)
		}
	}
	if len(words) == 0 {
		return nil, nil
	}
	res, err := e.s.Search(ctx, search.Request{Query: strings.Join(words, " OR "), Limit: candidateDocs, WithText: true})
	if err != nil {
		var qe *search.QueryError
		if errors.As(err, &qe) {
			return nil, nil // a word the query language cannot take: no passages
		}
		return nil, fmt.Errorf("passages: %w", err)
	}
	var out []corpus.Document
	for _, h := range res.Hits {
		if h.Doc.DuplicateOf != "" || h.Doc.Text == "" {
			continue
		}
		out = append(out, h.Doc)
	}
	return out, nil
}

// inflection are the endings of German nouns and adjectives.
var inflection = map[string]bool{"e": true, "en": true, "em": true, "er": true, "es": true, "n": true, "s": true, "ern": true, "ns": true}

// definedAbbreviations returns the abbreviations a document's text defines,
// each with the stems of the words of its long form (stop words left out),
// when the index reads them.
func (e *Engine) definedAbbreviations(txt string) map[string][]string {
	ab, ok := e.s.(interface{ Abbreviations(string) [][2]string })
	if !ok {
		return nil
	}
	var out map[string][]string
	for _, p := range ab.Abbreviations(txt) {
		if _, seen := out[p[1]]; seen {
			continue // the first definition holds
		}
		var stems []string
		for _, t := range german.Tokenize(p[0]) {
			if !german.IsStopword(t.Raw) {
				stems = append(stems, german.Stem(t.Raw))
			}
		}
		if out == nil {
			out = map[string][]string{}
		}
		out[p[1]] = stems
	}
	return out
}

// stemsOf returns the stems of toks, one for each.
func stemsOf(toks []german.Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = german.Stem(t.Raw)
	}
	return out
}

// matchStem tells how well a sentence word w matches a question stem q: 1
// for the same stem, 0.7 when one is a part of the other's compound
// ("Digitalagentur" in "Landesdigitalagentur", "Kooperationsvereinbarung"),
// 0 otherwise.
func matchStem(q, w string, num bool) float64 { return matchStemWith(q, w, num, nil) }

// matchStemWith is matchStem with the verbs of words looked up in vs, a
// request's memo (nil: none).
func matchStemWith(q, w string, num bool, vs verbMemo) float64 {
	if q == w {
		return 1
	}
	if !num && (len(q) >= 6 && len(w) == len(q)+1 && umlautSingular(w) == q || len(w) >= 6 && len(q) == len(w)+1 && umlautSingular(q) == w) {
		return 0.9 // "Pilotland" and "Pilotländer" (stem "pilotlaend")
	}
	if !num && len(q) >= 3 && len(w) > len(q) && strings.HasPrefix(w, q) && inflection[w[len(q):]] ||
		len(w) >= 3 && len(q) > len(w) && strings.HasPrefix(q, w) && inflection[q[len(w):]] {
		return 0.9 // "neu" and "neuen"
	}
	if num || len(q) < 5 || len(w) < 5 {
		return 0
	}
	if strings.HasPrefix(w, q) || strings.HasSuffix(w, q) || strings.HasPrefix(q, w) && len(w) >= 6 || strings.HasSuffix(q, w) && len(w) >= 6 {
		return 0.7
	}
	if v := vs.verbOf(w); v != "" && (v == vs.verbOf(q) || v == q) {
		return 0.7 // "Umsetzung" and "umgesetzt"; "nutzt … nach" and "nachgenutzt"; "einzureichen" and "eingereicht"
	}
	return 0
}

// verbMemo holds the verbs (verbOf) of the words one request matched: a
// question matched against the sentences of every meeting of a year at
// 100,000 documents looked up the same words' verbs thousands of times (a
// second a question). It lives as long as the request.
type verbMemo map[string]string

// verbOf returns verbOf(w), remembered in m when m is not nil.
func (m verbMemo) verbOf(w string) string {
	if m == nil {
		return verbOf(w)
	}
	v, ok := m[w]
	if !ok {
		v = verbOf(w)
		m[w] = v
	}
	return v
}

// verbOf returns the verb a participle, a noun in "-ung" or an infinitive
// with "zu" is made of ("eingereicht", "einzureichen" → "einreich"), or "".
func verbOf(w string) string {
	if v := german.VerbStem(w); v != "" {
		return v
	}
	return german.ZuInfinitive(w)
}

// termIn returns how well the term matches the words and at which word.
func termIn(t qterm, stems []string) (float64, int) { return termInWith(t, stems, nil) }

// termInWith is termIn with a request's memo of verbs.
func termInWith(t qterm, stems []string, vs verbMemo) (float64, int) {
	best, at := 0.0, -1
	for _, q := range t.stems {
		for j, w := range stems {
			if m := matchStemWith(q, w, t.num, vs); m > best {
				best, at = m, j
			}
		}
	}
	if best < 0.8 {
		for _, q := range t.syns {
			for j, w := range stems {
				if m := 0.8 * matchStemWith(q, w, false, vs); m > best {
					best, at = m, j
				}
			}
		}
	}
	return best, at
}

// coverage returns the question weight sentence i covers, and the words of
// it that matched.
//
// A sentence that matches no name, noun or number of the question by its own
// word (rather than by a synonym) and in its own words (rather than its
// neighbours') covers nothing: "eine Agentur gegründet" does not answer a
// question about "eine Behörde für Wetterdaten".
func (e *Engine) coverage(tq textQuestion, sents []sentenceInfo, i int, title []string, year, month int, docMatch []float64) (float64, []int) {
	sum := 0.0
	var hits []int
	anchored := false
	// "Das Verfahren wird von der hessischen Landesverwaltung eingesetzt"
	// after a sentence naming "„IdentBlick“": the names of the sentence
	// before are this one's
	back := i > 0 && german.RefersBack(sents[i].toks)
	// "Im Mittelpunkt stand das Wohngeldverfahren …, bei dem … Das
	// Verfahren wird bereits in Berlin … erprobt": where the sentence
	// before names the thing by the referring noun or a compound ending in
	// it, it told what the thing is, and its words count nearly as this
	// sentence's own
	backShare, titleShare := neighbourShare, 0.4
	switch {
	case back && !sents[i-1].question && namesReferent(sents[i-1].toks, sents[i].toks[1].Lower):
		backShare = namedShare
	case back && sents[i-1].question && sameThing(sents[i-1].toks, sents[i].toks[1].Lower):
		// "Frage 3. Nutzen andere Länder dasselbe Produkt? – Das Produkt
		// wird … eingesetzt": a thing the question before refers back to
		// itself is the one the document is about, its title's (not
		// "Welches System nutzt die Polizei? – Das System …")
		titleShare = namedShare
	}
	// the document's context counts for a sentence that names a name or
	// noun of the question's main clause itself: "Den Aufbau des
	// Datenlabors tragen …", not "Wir haben in Görlitz gezeigt, …"
	inContext := docMatch != nil && slices.ContainsFunc(tq.terms, func(t qterm) bool {
		if !t.anchor || t.context {
			return false
		}
		if m, _ := termIn(t, sents[i].stems); m > 0 {
			return true
		}
		m, _ := termIn(t, sents[i].named)
		return m > 0
	})
	for ti, t := range tq.terms {
		m, at := termIn(t, sents[i].stems)
		if t.anchor && exactIn(t, sents[i].stems) {
			anchored = true
		}
		for k, long := range sents[i].alias {
			if ma, _ := termIn(t, long); ma > m {
				m, at = ma, k
			}
			if t.anchor && exactIn(t, long) {
				anchored = true // the document's own name for it
			}
		}
		if at >= 0 {
			hits = append(hits, at)
		}
		if mn, _ := termIn(t, sents[i].named); mn*namedShare > m {
			m = mn * namedShare
			anchored = anchored || t.anchor && exactIn(t, sents[i].named) // the thing, by its name
		}
		for _, j := range []int{i - 1, i + 1} {
			if j >= 0 && j < len(sents) {
				share := neighbourShare
				if j == i-1 {
					share = backShare
				}
				if back && j == i-1 && t.anchor && exactIn(t, sents[j].stems) {
					share, anchored = 1, true
				}
				if mj, _ := termIn(t, sents[j].stems); mj*share > m {
					m = mj * share
				}
			}
		}
		ts := titleShare
		if t.context && inContext {
			if docMatch[ti]*contextShare > m {
				m = docMatch[ti] * contextShare // said elsewhere in the document
			}
			ts = max(ts, namedShare) // the title says which thing it is
		}
		if mt, _ := termIn(t, title); mt*ts > m {
			m = mt * ts
			if titleShare == namedShare && t.anchor && exactIn(t, title) {
				m, anchored = 1, true // the thing, by its name, as a sentence before would name it
			}
		}

		if (t.year > 0 && year == t.year || t.month > 0 && month == t.month) && m < 0.6 {
			m = 0.6 // the document is of the year or month asked
		}
		sum += t.weight * m
	}
	if tq.rank != german.RankNone {
		// the end of the ranking asked for: "Schlusslicht ist …", "am
		// unteren Ende liegt …"
		m := 0.0
		for j := max(0, i-1); j <= min(len(sents)-1, i+1); j++ {
			for _, c := range sents[j].cues {
				if c.rank == tq.rank {
					w := 1.0
					if c.weak {
						w = 0.8
					}
					if j == i {
						m, anchored = max(m, w), true
					} else {
						m = max(m, w*neighbourShare)
					}
				}
			}
		}
		sum += tq.rankW * m
	}
	if !namesNames(tq, sents, i, title) {
		return 0, nil // "der KI-Assistent BAVARIS" for a question about AMTSLOTSE
	}
	if !anchored && (len(hits) == 0 || !anchoredBefore(tq, sents, i)) {
		// A sentence that names none of the question's names answers only
		// where it goes on from one of the two before it that does, with a
		// word of the question of its own: "Bei der Übung X … – Beteiligt
		// waren …".
		return 0, nil
	}
	return sum, hits
}

// contextMatches returns, for each context term of the question, how well
// any sentence of the document matches it (nil when the question has
// none): computed once a document, read by every sentence's coverage.
func contextMatches(tq textQuestion, sents []sentenceInfo) []float64 {
	if !slices.ContainsFunc(tq.terms, func(t qterm) bool { return t.context }) {
		return nil
	}
	seen := map[string]bool{}
	var all []string
	for _, s := range sents {
		for _, st := range s.stems {
			if !seen[st] {
				seen[st] = true
				all = append(all, st)
			}
		}
	}
	out := make([]float64, len(tq.terms))
	for k, t := range tq.terms {
		if t.context {
			out[k], _ = termIn(t, all)
		}
	}
	return out
}

// sameWords refer back to a thing named before: "dasselbe Produkt", "diese
// Software".
var sameWords = map[string]bool{"dasselbe": true, "denselben": true, "derselbe": true, "dieselbe": true, "demselben": true,
	"dieses": true, "diese": true, "diesen": true, "diesem": true, "dieser": true}

// sameThing reports whether toks refer back to a thing by the referring
// noun (lower-case) after a word of sameWords or "das gleiche".
func sameThing(toks []german.Token, noun string) bool {
	for k := 1; k < len(toks); k++ {
		if toks[k].Lower == noun && (sameWords[toks[k-1].Lower] || strings.HasPrefix(toks[k-1].Lower, "gleich")) {
			return true
		}
	}
	return false
}

// referringNoun returns the token of a noun that refers back to a thing
// within the first three words of a sentence ("Das Verfahren …", "Über das
// Portal …"), or -1.
func referringNoun(toks []german.Token) int {
	for k := 1; k < len(toks) && k <= 3; k++ {
		if german.RefersBackAt(toks, k) {
			return k
		}
	}
	return -1
}

// plainReference reports whether the referring noun at token k stands
// alone, followed by a verb or the end: "Über das Portal sollen …", not "Das
// Projekt Kreidedose", "Die Lösung des Freistaats", "Das Portal für …".
func plainReference(toks []german.Token, k int) bool {
	if k+1 >= len(toks) {
		return true
	}
	n := toks[k+1]
	if german.IsUpperInitial(n.Raw) || strings.ContainsAny(n.Sep, "„\"»(") {
		return false
	}
	switch n.Lower {
	case "des", "der", "von", "vom", "für", "aus", "mit", "zur", "zum", "in", "im", "am", "an", "auf", "bei":
		return false
	}
	return true
}

// namesReferent reports whether toks name the thing a referring noun
// (lower-case) stands for: the noun itself or a compound ending in it
// ("Wohngeldverfahren" for "verfahren").
func namesReferent(toks []german.Token, noun string) bool {
	return slices.ContainsFunc(toks, func(t german.Token) bool {
		return german.IsUpperInitial(t.Raw) && strings.HasSuffix(t.Lower, noun)
	})
}

// answersNo reports whether a sentence is a bare "Nein." that answers the
// question before it: what follows says what is not so.
func answersNo(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return s == "nein." || s == "nein" || s == "no."
}

// capitalsName reports whether a question's word is a name written in
// capitals, six letters or more ("AMTSLOTSE", "NORDLICHT"), as products,
// programmes and exercises are named; shorter ones are mostly abbreviations
// a text also spells out ("CERT", "FITKO").
func capitalsName(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 6
}

// namesNames reports whether sentence i, one of the two sentences on either
// side of it or the title names every name in capitals of the question.
func namesNames(tq textQuestion, sents []sentenceInfo, i int, title []string) bool {
	for _, t := range tq.terms {
		if !t.name {
			continue
		}
		found := exactIn(t, title)
		for j := max(0, i-2); j <= min(len(sents)-1, i+2) && !found; j++ {
			found = exactIn(t, sents[j].stems)
			for _, long := range sents[j].alias {
				found = found || exactIn(t, long)
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// anchoredBefore reports whether one of the two sentences before sentence
// i names one of the question's anchors itself.
func anchoredBefore(tq textQuestion, sents []sentenceInfo, i int) bool {
	for j := max(0, i-2); j < i; j++ {
		for _, t := range tq.terms {
			if t.anchor && exactIn(t, sents[j].stems) {
				return true
			}
		}
	}
	return false
}

// exactIn reports whether a word of stems is the term itself (any
// inflection, or a compound holding it), not a synonym.
func exactIn(t qterm, stems []string) bool {
	for _, q := range t.stems {
		for _, w := range stems {
			if matchStem(q, w, t.num) >= 0.7 {
				return true
			}
		}
	}
	return false
}

// negatedHit reports whether most words of the question that sentence s
// matched (at hits) are negated right before them, in their clause, a
// negated noun's genitive attribute with it: "ist aber nicht Pilotland des
// Datenraums", "kein Nutzer der Plattform" (not "nicht nur").
func negatedHit(s sentenceInfo, hits []int) bool {
	negated := map[int]bool{}
	for _, k := range hits {
		for j := k - 1; j >= 0 && j >= k-2; j-- {
			l := s.toks[j].Lower
			if negationStems[german.Stem(l)] || strings.HasPrefix(l, "kein") {
				if l == "ohne" || j+1 < len(s.toks) && s.toks[j+1].Lower == "nur" {
					break
				}
				negated[k] = true
				// its genitive attribute: "nicht Pilotland des Datenraums"
				if k+2 < len(s.toks) && (s.toks[k+1].Lower == "des" || s.toks[k+1].Lower == "der") {
					negated[k+2] = true
				}
				break
			}
			if german.ClauseBreak(s.toks[j+1].Sep) {
				break
			}
		}
	}
	// most of the matched words: not "hat keine eigene Plattform
	// entwickelt und nutzt den Datenhafen"
	n := 0
	for _, k := range hits {
		if negated[k] {
			n++
		}
	}
	return 2*n > len(hits)
}

// negatedSentence reports whether a sentence says what is not.
func negatedSentence(s sentenceInfo) bool {
	for i, t := range s.toks {
		l := t.Lower
		if negationStems[german.Stem(l)] || l == "keine" || l == "keinen" || l == "keiner" || l == "keinem" {
			if l == "nicht" && i+1 < len(s.toks) && (s.toks[i+1].Lower == "nur" || s.toks[i+1].Lower == "zuletzt") {
				continue
			}
			return true
		}
	}
	return false
}

// sentenceLaender returns the Land candidates of sentence i with a weight
// for how they are named.
func (e *Engine) sentenceLaender(d corpus.Document, sents []sentenceInfo, i int, doc docLand, hits []int, tq textQuestion) []candidate {
	dom := doc.land
	s := sents[i]
	txt := d.Text[s.start:s.end]
	ev := corpus.EvidenceAt(&d, s.start, s.end)
	var out []candidate
	hs := e.landsIn(txt, sents)
	// placed are the Länder of the question's context that the sentence
	// makes answers: an owner it places the use in, a venue it makes a
	// partner
	var placed map[corpus.LandCode]bool
	place := func(l corpus.LandCode) {
		if placed == nil {
			placed = map[corpus.LandCode]bool{}
		}
		placed[l] = true
	}
	if tq.venue != nil && len(hs) > 1 && withPartner(s.toks, tokenIndex(s.toks, hs[0].Start)) && !tq.venue[hs[0].Land] {
		// "Gemeinsam mit Thüringen und Sachsen will Berlin …": the venue's
		// Land is the partner of the Länder the sentence opens with
		for _, h := range hs[1:] {
			if tq.venue[h.Land] && partnerOf(s.toks, tokenIndex(s.toks, h.Start)) {
				place(h.Land)
			}
		}
	}
	if tq.owner != nil {
		for _, h := range hs {
			if tq.owner[h.Land] && placeOfUse(s.toks, tokenIndex(s.toks, h.Start)) {
				place(h.Land)
			}
		}
	}
	if tq.owner[dom] && !othersAct(s.toks) && slices.ContainsFunc(hits, func(k int) bool { return !inDottedName(s.toks, k) }) &&
		!slices.ContainsFunc(hs, func(h german.LandHit) bool {
			return !tq.owner[h.Land] || !codeInName(s.toks, tokenIndex(s.toks, h.Start))
		}) {
		// "Auf der Plattform laufen … die ersten 140 Fachverfahren der
		// Landesverwaltung" in a document of the Land whose code names the
		// thing ("NRW.Fundament"): the owner uses it, where the sentence
		// holds a word of the question besides the name and no other
		// actor ("Der Bund prüft, ob er die Plattform übernimmt")
		place(dom)
	}
	add := func(l corpus.LandCode, w float64) {
		if l == "" || tq.exclude[l] && !placed[l] {
			return
		}
		out = append(out, candidate{land: l, score: w, ev: ev})
	}
	named := false
	// Länder in one list ("Bayern, Hessen und Sachsen") play one role: they
	// share the weight of the list's best member, and a preposition before
	// the list governs them all.
	cues := s.cues
	lists := landLists(txt, hs)
	contrasted := false // a list before was set aside, but its relative clause holds the question's words
	// A Land set aside in one clause is set aside in the whole sentence:
	// "… wies der Saarländische Städtetag darauf hin, dass das Saarland auf
	// ein eigenes Programm verzichtet" says nothing the Saarland does.
	asideLand := map[corpus.LandCode]bool{}
	listAside := make([]bool, len(lists)) // german.SetAside of each list, read once
	for li, list := range lists {
		setAside := german.SetAside
		if tq.done {
			setAside = german.SetAsideDone
		}
		listAside[li] = !tq.aside && setAside(s.toks, tokenIndex(s.toks, list[0].Start), tokenIndex(s.toks, list[len(list)-1].Start))
		if listAside[li] && !relativeHolds(s.toks, list[len(list)-1].End, hits) {
			for _, h := range list {
				asideLand[h.Land] = true
			}
		}
	}
	for li, list := range lists {
		named = true
		best := 0.0
		for i, h := range list {
			// Nearer the words the question asks about is better.
			tok := tokenIndex(s.toks, h.Start)
			dist := 99
			for _, k := range hits {
				dist = min(dist, abs(k-tok))
			}
			w := 0.75 + 0.25/(1+float64(dist)/6)
			if i == 0 && !tq.where && !existential(s.toks) && locative(s.toks, tok) && (!usedThere(s.toks, tok) || gatheringVenue(s.toks, tok)) {
				// "tagte in Hamburg": the venue, not the Land that did it
				w *= 0.6
				if gatheringVenue(s.toks, tok) {
					// "Auf ihrer Frühjahrskonferenz in Saarbrücken haben die
					// Minister … beschlossen": where they met, no party to it
					w *= 0.5
				}
			} else if i > 0 && best < 0.75 {
				w *= 0.6 // the list's preposition
			}
			best = max(best, w)
		}
		if other := otherClause(s.toks, tokenIndex(s.toks, list[0].Start), append(slices.Clone(hits), rankAt(cues, tq.rank)...)); other != sameClause {
			// "Cyberabwehrzentrum in Halle eröffnet – Sachsen bleibt außen
			// vor": the Land is in a clause the question's words are not in
			best *= 0.5
			if other == otherItem {
				// "1. ein Kompetenzzentrum … vorzuschlagen, … 3. die
				// Erfahrungen aus der Zusammenarbeit mit Bayern
				// einzubringen": another task of the list
				best *= 0.5
			}
		}
		if contrasted && !tq.aside {
			// set against the Land whose relative clause answers
			best *= 0.3
		}
		aside := listAside[li]
		if aside && relativeHolds(s.toks, list[len(list)-1].End, hits) {
			contrasted = true
		} else if aside || !slices.ContainsFunc(list, func(h german.LandHit) bool { return !asideLand[h.Land] }) {
			// "…; Niedersachsen war als Beobachter eingeladen", "Bayern
			// enthält sich", "Anders als Bayern …": named, not a party
			best *= 0.3
		}
		if len(cues) > 0 {
			best *= rankWeight(tq.rank, s.toks, cues, tokenIndex(s.toks, list[0].Start), tokenIndex(s.toks, list[len(list)-1].Start))
		} else if tq.rank != german.RankNone && !tq.rankWeak {
			// a ranking question, a sentence that ranks nothing: "Beim
			// Glasfaserausbau kommt Thüringen nur langsam voran"
			best *= 0.6
		}
		// The Land the question names ("die Hessische Landescloud") is
		// context, not an answer, unless the sentence lists it with other
		// Länder in one role: "Damit nutzen nun Hessen und Thüringen die
		// Landescloud".
		peers := slices.ContainsFunc(list, func(h german.LandHit) bool { return !tq.exclude[h.Land] })
		for _, h := range list {
			if peers && tq.exclude[h.Land] && len(list) > 1 {
				out = append(out, candidate{land: h.Land, score: best, ev: ev})
				continue
			}
			add(h.Land, best)
		}
		// "Thüringen baut den Datenraum gemeinsam mit Sachsen-Anhalt
		// auf": the Land after "gemeinsam mit" is the partner of the one
		// before
		if li > 0 && partnerAfterMit(s.toks, tokenIndex(s.toks, list[0].Start)) {
			for _, h := range list {
				pairPartners(out, lists[li-1][0].Land, h.Land)
			}
		}
		// "Gemeinsam mit dem Freistaat Sachsen startet Bayern das Portal":
		// the partner opens the sentence, the Land after the verb is the
		// one it works with
		if li == 1 && !partnerAfterMit(s.toks, tokenIndex(s.toks, list[0].Start)) && withPartner(s.toks, tokenIndex(s.toks, lists[0][0].Start)) {
			for _, h := range lists[0] {
				pairPartners(out, list[0].Land, h.Land)
			}
		}
		// "Mit Mecklenburg-Vorpommern wird ein gemeinsamer Verbund
		// aufgebaut": the partner, and the document's own Land
		// "Deshalb haben wir gemeinsam mit Schleswig-Holstein ein
		// Rechenzentrum gebaut": the partner, and the Land of "wir"
		// "Antwort: Mit Hamburg betreiben wir …" where a Land's name (not
		// a town: the seat of a federal office or a company) gave the
		// document's Land
		if li == 0 && len(lists) == 1 && (doc.sure && withPartner(s.toks, tokenIndex(s.toks, list[0].Start)) || corefPartner(s.toks, tokenIndex(s.toks, list[0].Start)) ||
			doc.named && weAfterPartner(s.toks, tokenIndex(s.toks, list[0].Start))) &&
			!slices.ContainsFunc(list, func(h german.LandHit) bool { return h.Land == dom }) {
			n := len(out)
			add(dom, best)
			if len(out) > n && len(list) == 1 {
				pairPartners(out, dom, list[0].Land)
			}
		}
	}
	// "Beide Länder vereinbarten …", "Personal stellen alle vier
	// Verbundländer": the Länder of the sentence before that names as many
	if group := e.groupLaender(d, sents, i); len(group) > 0 {
		for _, l := range group {
			add(l, 0.8)
		}
		return out
	}
	if named && !tq.aside && comparedOnly(s.toks, lists) {
		// "Anders als in Bayern, wo …, wird die Rheinwolke vollständig
		// in öffentlicher Hand betrieben": the other side of the
		// comparison is the document's Land
		if !slices.ContainsFunc(lists, func(l []german.LandHit) bool { return l[0].Land == dom }) {
			if doc.sure {
				add(dom, 0.65)
			} else {
				add(dom, 0.5)
			}
		}
	}
	if named {
		return out
	}
	for i, t := range s.toks {
		f := fold(t.Raw)
		if !coref[f] || f == "landes" && i+1 < len(s.toks) && strings.HasPrefix(s.toks[i+1].Sep, "-") {
			continue // not "der Landes- und Kommunalverwaltungen"
		}
		// "das Land", "die Landesregierung", "wir": the document's Land;
		// "ein Land", "jedes Land" is any Land.
		if strings.HasPrefix(f, "unser") || f == "wir" || i > 0 && definite[s.toks[i-1].Lower] || i == 0 {
			if !tq.aside && german.SetAside(s.toks, i, i) {
				// "… wird die Landesregierung verzichten": not a party
				return out
			}
			add(dom, 0.85)
			return out
		}
	}
	if l, ok := e.townLand(s.toks, tq.towns); ok {
		add(l, 0.55)
		return out
	}
	// A document whose Land is a guess (a body's minutes, a report) may
	// name who does it in the next sentence of the paragraph: "Der
	// IT-Planungsrat beschließt das Projekt X. Die Federführung übernehmen
	// Nordrhein-Westfalen und Niedersachsen."
	// Not where the next sentence adds them ("Und er wird nicht nur bei uns
	// eingesetzt: Den Chatbot nutzen inzwischen auch Bremen und …"): this
	// sentence's doer is the document's Land.
	if !doc.sure && i+1 < len(sents) && !strings.Contains(d.Text[s.end:sents[i+1].start], "\n\n") &&
		len(e.landsIn(d.Text[sents[i+1].start:sents[i+1].end], sents)) > 0 && !addsOthers(sents[i+1].toks) {
		for _, c := range e.sentenceLaender(d, sents, i+1, docLand{}, nil, tq) {
			c.score *= 0.85
			out = append(out, c)
		}
		return out
	}
	// An agenda heading ("TOP 1 Staatsvertrag …") and a sentence about
	// what a meeting discussed ("Weitere Themen der Konferenz waren …")
	// speak of no Land: the document's, often the chair's, is not a party.
	if german.AgendaItem(txt) || discusses(s.toks) {
		return out
	}
	// "Ein Leuchtturmprojekt ist das gemeinsame Hafenportal, das Hamburg
	// und Schleswig-Holstein aufbauen. Über das Portal sollen …": a
	// sentence that names no Land and refers back to the thing the
	// sentence before names speaks of that sentence's Länder
	// (beside the document's; not "Das Projekt Kreidedose", "Die Lösung
	// des Freistaats", "Das Portal für Brandenburger Kommunen": another)
	if k := referringNoun(s.toks); k > 0 && i > 0 && plainReference(s.toks, k) && namesReferent(sents[i-1].toks, s.toks[k].Lower) &&
		len(e.landsIn(d.Text[sents[i-1].start:sents[i-1].end], sents)) > 0 {
		for _, c := range e.sentenceLaender(d, sents, i-1, doc, nil, tq) {
			c.score *= 0.9 // cited by the sentence that names them
			out = append(out, c)
		}
	}
	// "Vier Länder bauen ab dem Sommer eine Werkstatt auf", "Länder
	// gründen …": Länder counted or in general, not the document's
	if severalLaender(s.toks) {
		return out
	}
	// A sentence naming no Land speaks of the document's: surely so when
	// the manifest or the title names it.
	if doc.sure {
		add(dom, 0.65)
	} else {
		add(dom, 0.5)
	}
	return out
}

// inDottedName reports whether token k is a part of a dotted name with a
// code: "NRW" or "Fundament" of "NRW.Fundament".
func inDottedName(toks []german.Token, k int) bool {
	if k < 0 || k >= len(toks) {
		return false
	}
	code := func(i int) bool { return i >= 0 && german.IsAllUpper(toks[i].Raw) && len(toks[i].Raw) >= 2 }
	return code(k) && k+1 < len(toks) && toks[k+1].Sep == "." || toks[k].Sep == "." && code(k-1)
}

// addsOthers reports whether a sentence adds its Länder to a doer named
// before: "nicht nur bei uns", "nutzen inzwischen auch Bremen und …" (not
// "sowohl Sachsen als auch Thüringen", "Hamburg, Bremen und auch Berlin",
// "Auch diesmal übernehmen …").
func addsOthers(toks []german.Token) bool {
	for i, t := range toks {
		switch {
		case t.Lower == "nur" && i > 0 && toks[i-1].Lower == "nicht":
			return true
		case t.Lower == "auch" && i > 0 && !listJoin[toks[i-1].Lower] && !strings.Contains(t.Sep, ",") && i+1 < len(toks) && german.IsUpperInitial(toks[i+1].Raw):
			return true
		}
	}
	return false
}

// listJoin are the words before an "auch" that continues a list of Länder.
var listJoin = map[string]bool{"als": true, "und": true, "sowie": true, "oder": true}

// othersAct reports whether a sentence names the Bund or other Länder,
// who may be the ones that act: "Der Bund prüft, ob er die Plattform
// übernimmt", "Andere Länder haben Interesse … bekundet".
func othersAct(toks []german.Token) bool {
	return severalLaender(toks) || slices.ContainsFunc(toks, func(t german.Token) bool {
		return t.Raw == "Bund" || t.Raw == "Bundes" || strings.HasPrefix(t.Raw, "Bundesregierung") || strings.HasPrefix(t.Raw, "Bundesminister")
	})
}

// quantifiers count the Länder a sentence speaks of: "mehrere Länder".
var quantifiers = map[string]bool{"mehrere": true, "einige": true, "zahlreiche": true, "viele": true, "weitere": true, "etliche": true, "manche": true,
	"andere": true}

// severalLaender reports whether a sentence opens with Länder by their
// number or in general: "Vier Länder bauen …", "Mehrere Bundesländer …",
// "Länder gründen …" (not "…; weitere Länder haben Interesse angemeldet",
// where the sentence's subject is another).
func severalLaender(toks []german.Token) bool {
	laender := func(t german.Token) bool { return t.Lower == "länder" || t.Lower == "bundesländer" }
	switch {
	case len(toks) > 0 && laender(toks[0]):
		return true
	case len(toks) > 1 && laender(toks[1]):
		_, ok := german.Cardinal(toks[0].Raw)
		return ok && !german.IsDigits(toks[0].Raw) || quantifiers[toks[0].Lower]
	}
	return false
}

// docLand is the Land a document is about, and whether its manifest or
// title says so.
type docLand struct {
	land corpus.LandCode
	sure bool
	// named: a Land's name in the text gave it (the first that names
	// one), not a town
	named bool
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// tokenIndex returns the index of the token at or after byte offset off.
func tokenIndex(toks []german.Token, off int) int {
	return sort.Search(len(toks), func(i int) bool { return toks[i].Start >= off })
}

// docLand returns the Land a document is about: its publishing Land, else
// the only Land its title names, else the only Land (or the Land of the only
// town) of the first sentence that names any, else the Land named most (at
// least half of all mentions).
func (e *Engine) docLand(d corpus.Document, txt string, sents []sentenceInfo) docLand {
	if d.Land != "" {
		return docLand{land: d.Land, sure: true}
	}
	// "… kommt gemeinsam mit Bremen": a partner is not the document's Land
	if hs := slices.DeleteFunc(e.lands.Find(d.Title), func(h german.LandHit) bool { return german.Partner(d.Title, h) }); len(hs) > 0 {
		// "Zwei Länder, ein Kompetenzzentrum – und Sachsen schaut zu":
		// a Land the title sets aside is not the document's
		if l, ok := only(hs); ok {
			toks := german.Tokenize(d.Title)
			if k := tokenIndex(toks, hs[0].Start); !german.SetAside(toks, k, k) {
				return docLand{land: l, sure: true}
			}
		}
	}
	count := map[corpus.LandCode]int{}
	all := 0
	var first corpus.LandCode
	decided, dateline, named := false, false, false
	for i, s := range sents {
		hs := e.landsIn(txt[s.start:s.end], sents)
		if !decided {
			if len(hs) > 0 {
				first, _ = only(hs)
				decided, named = true, true
			} else if l, ok := e.townLand(s.toks, nil); ok {
				first, decided = l, true
				// "Hannover, 07.03.2074 – Nr. 58": the town the document
				// was published in, as sure as a manifest's Land
				dateline = i < 4 && len(s.toks) >= 2 && strings.TrimSpace(s.toks[1].Sep) == "," && s.toks[1].Raw[0] >= '0' && s.toks[1].Raw[0] <= '9'

			}
		}
		for _, h := range hs {
			count[h.Land]++
			all++
		}
	}
	if first != "" {
		return docLand{land: first, sure: dateline, named: named}
	}
	// the Land named in more than half the mentions (a tie names none: it
	// was a random one of the two)
	for l, c := range count {
		if 2*c > all && all >= 2 {
			return docLand{land: l}
		}
	}
	return docLand{}
}

// townLand returns the Land of the only towns of the gazetteer among toks,
// leaving out the towns in skip (those the question names).
func (e *Engine) townLand(toks []german.Token, skip map[string]bool) (corpus.LandCode, bool) {
	var l corpus.LandCode
	for i, t := range toks {
		if c, ok := e.places[t.Raw]; ok && german.IsUpperInitial(t.Raw) && !skip[t.Raw] && !gatheringVenue(toks, i) {
			if l != "" && c != l {
				return "", false
			}
			l = c
		}
	}
	return l, l != ""
}

// partnerOf reports whether the Land at token i is the subject a sentence
// opening with "Gemeinsam mit …" names after the partners, right after a
// verb: "Gemeinsam mit Thüringen will Berlin …".
func partnerOf(toks []german.Token, i int) bool {
	return i >= 1 && i < len(toks) && !german.IsUpperInitial(toks[i-1].Raw) && !listArticles[toks[i-1].Lower] && toks[i-1].Lower != "und" &&
		!german.ClauseBreak(toks[i].Sep)
}

// gatheringVenue reports whether the place at token i is where a meeting
// was held, after its noun and "in": "Auf ihrer Frühjahrskonferenz in
// Saarbrücken haben die Minister … beschlossen" names no party to it.
func gatheringVenue(toks []german.Token, i int) bool {
	if i < 2 || toks[i-1].Lower != "in" || !german.GatheringNoun(toks[i-2].Raw) {
		return false
	}
	// "Auf der Digitalkonferenz in Sachsen hat der Freistaat … vorgestellt":
	// the sentence names the venue's Land again as who acts
	for k, t := range toks {
		if f := fold(t.Raw); coref[f] && f != "wir" && !strings.HasPrefix(f, "unser") && k > 0 && definite[toks[k-1].Lower] || strings.HasPrefix(fold(t.Raw), "gastgebend") {
			return false
		}
	}
	return true
}

// only returns the Land of hits when they all name the same one.
func only(hits []german.LandHit) (corpus.LandCode, bool) {
	var l corpus.LandCode
	for _, h := range hits {
		if l != "" && h.Land != l {
			return "", false
		}
		l = h.Land
	}
	return l, l != ""
}

// pairPartners marks the candidates of a and of b among cs as each
// other's partners.
func pairPartners(cs []candidate, a, b corpus.LandCode) {
	for n := range cs {
		switch cs[n].land {
		case a:
			cs[n].partners = append(cs[n].partners, b)
		case b:
			cs[n].partners = append(cs[n].partners, a)
		}
	}
}

// partners reports whether one of cs, the candidates of a Land, names
// other as its partner in the thing asked ("die betreiben wir gemeinsam mit
// Sachsen-Anhalt"): for "Wer …", both are the answer, as a list would be.
func partners(cs []candidate, other corpus.LandCode) bool {
	return slices.ContainsFunc(cs, func(c candidate) bool { return slices.Contains(c.partners, other) })
}

// scoredLand is a Land of a text answer: its best candidate's score and
// the evidence of its candidates nearly as good.
type scoredLand struct {
	land  corpus.LandCode
	score float64
	ev    []corpus.Evidence
}

// pickLaender chooses the answer from the candidates.
func (e *Engine) pickLaender(tq textQuestion, cands map[corpus.LandCode][]candidate) []Land {
	var list []scoredLand
	for l, cs := range cands {
		slices.SortStableFunc(cs, func(a, b candidate) int { return cmp.Compare(b.score, a.score) })
		sc := scoredLand{land: l, score: cs[0].score}
		for _, c := range cs[1:] {
			if c.ev.Doc != cs[0].ev.Doc {
				sc.score += 0.1 * c.score // agreement of another document
				break
			}
		}
		for _, c := range cs {
			if len(sc.ev) == maxTextEvidence || c.score < 0.8*cs[0].score {
				break
			}
			if !slices.ContainsFunc(sc.ev, func(x corpus.Evidence) bool { return x.Doc == c.ev.Doc && x.Span == c.ev.Span }) {
				sc.ev = append(sc.ev, c.ev)
			}
		}
		// a second document that says it too, nearly as well, is cited
		// beside the first: a reader checks the claim in two sources
		for _, c := range cs {
			if c.score < otherDocShare*cs[0].score {
				break
			}
			if !slices.ContainsFunc(sc.ev, func(x corpus.Evidence) bool { return x.Doc == c.ev.Doc }) {
				if len(sc.ev) == maxTextEvidence {
					sc.ev[len(sc.ev)-1] = c.ev
				} else {
					sc.ev = append(sc.ev, c.ev)
				}
				break
			}
		}
		list = append(list, sc)
	}
	if len(list) == 0 {
		return nil
	}
	slices.SortStableFunc(list, func(a, b scoredLand) int {
		return cmp.Or(cmp.Compare(b.score, a.score), strings.Compare(string(a.land), string(b.land)))
	})
	if list[0].score < minCoverage*0.75 {
		return nil
	}
	var out []Land
	for i, sc := range list {
		if i > 0 && sc.score < pluralShare*list[0].score {
			if tq.want == wantLaender {
				out = append(out, e.peersOfAnswer(list[i:], out, cands, list[0].score)...)
			}
			break
		}
		// "Wer …", "Wo …" take one Land, or every Land the best sentence
		// names together in one list: "Hamburg und Sachsen werden …
		// erproben" (not "von Berlin angeführt, gefolgt von Hamburg")
		if i > 0 && tq.want != wantLaender && !(tq.want == wantPlace && (e.listedTogether(sc.ev, list[0].ev, sc.land, list[0].land) || partners(cands[sc.land], list[0].land))) {
			break
		}
		ref := e.views.LandRef(sc.land)
		out = append(out, Land{Code: sc.land, Name: ref.Name, Relations: []string{"text"}, Evidence: sc.ev, Source: "text", Score: round2(sc.score)})
	}
	if tq.want == wantLaender && e.reg != nil {
		slices.SortStableFunc(out, func(a, b Land) int {
			return slices.Index(e.reg.Codes(), a.Code) - slices.Index(e.reg.Codes(), b.Code)
		})
	}
	return out
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// peersOfAnswer returns the Länder of rest that a sentence names as an
// answer Land's peers: in one list with a Land of answers, weighed nearly
// as it is there (one role), or its partner ("Niedersachsen hat gemeinsam
// mit Bremen und Hamburg das Bündnis gegründet"; not where the sentence
// denies something: "…, nutzt sie aber selbst nicht"), where that sentence reads
// the question well enough: "Dieses Szenario haben Bayern,
// Baden-Württemberg und Hessen … durchgespielt" when another sentence made
// Baden-Württemberg the best answer.
func (e *Engine) peersOfAnswer(rest []scoredLand, answers []Land, cands map[corpus.LandCode][]candidate, top float64) []Land {
	var out []Land
	for _, sc := range rest {
		var ev []corpus.Evidence
		for _, c := range cands[sc.land] {
			for _, a := range answers {
				if slices.ContainsFunc(cands[a.Code], func(x candidate) bool {
					return x.ev.Doc == c.ev.Doc && x.ev.Span == c.ev.Span && x.score >= peerFloor*top && c.score >= pluralShare*x.score
				}) && (e.listedTogether([]corpus.Evidence{c.ev}, []corpus.Evidence{c.ev}, sc.land, a.Code) || slices.Contains(c.partners, a.Code) && !negatedSentence(sentenceInfo{toks: german.Tokenize(c.ev.Quote)})) && !slices.ContainsFunc(ev, func(x corpus.Evidence) bool { return x.Doc == c.ev.Doc && x.Span == c.ev.Span }) {
					ev = append(ev, c.ev)
				}
			}
		}
		if len(ev) > 0 {
			ref := e.views.LandRef(sc.land)
			out = append(out, Land{Code: sc.land, Name: ref.Name, Relations: []string{"text"}, Evidence: ev, Source: "text", Score: round2(sc.score)})
		}
	}
	return out
}

// listedTogether reports whether a sentence that a and b both cite names
// the Länder la and lb in one list ("A und B", "A, B sowie C").
func (e *Engine) listedTogether(a, b []corpus.Evidence, la, lb corpus.LandCode) bool {
	for _, x := range a {
		if !slices.ContainsFunc(b, func(y corpus.Evidence) bool { return x.Doc == y.Doc && x.Span == y.Span }) {
			continue
		}
		for _, l := range landLists(x.Quote, e.lands.Find(x.Quote)) {
			has := func(c corpus.LandCode) bool {
				return slices.ContainsFunc(l, func(h german.LandHit) bool { return h.Land == c })
			}
			if has(la) && has(lb) {
				return true
			}
		}
	}
	return false
}

// namesOtherBody reports whether the question names a body that is not a
// known meeting series: a compound with a body head, or an acronym of two
// to five capitals that names no series, Land or role.
func (p *parser) namesOtherBody(q string) bool {
	toks := german.Tokenize(q)
	for i, t := range toks {
		if p.findSeries([]token{{raw: t.Raw, fold: fold(t.Raw)}}) != "" {
			continue
		}
		if i > 0 && toks[i].Sep == "-" {
			continue // judged with its first part
		}
		word := strings.ToLower(hyphenated(toks, i))
		if p.findSeries([]token{{raw: word, fold: fold(word)}}) != "" {
			continue
		}
		if german.AsksBody(word) {
			return true
		}
		if n := utf8.RuneCountInString(t.Raw); n >= 2 && n <= 5 && german.IsAllUpper(t.Raw) && !roleAcronym[t.Raw] {
			if _, ok := p.landNamed(t.Raw); !ok {
				return true
			}
		}
	}
	return false
}

// hyphenated returns token i with the parts hyphens join to it:
// "IT-Planungsrats".
func hyphenated(toks []german.Token, i int) string {
	w := toks[i].Raw
	for k := i + 1; k < len(toks) && toks[k].Sep == "-"; k++ {
		w += "-" + toks[k].Raw
	}
	return w
}

// namesSubBody reports whether the question names a body of a series by
// its genitive: "die Arbeitsgruppe Barrierefreiheit der D16", "der
// Lenkungskreis des IT-Planungsrats" — a body of its own, not the series.
func (p *parser) namesSubBody(q string) bool {
	toks := german.Tokenize(q)
	for i, t := range toks {
		body := german.AsksBody(t.Raw) || slices.Contains(german.BodyHeads(true), t.Lower)
		if (i > 0 && t.Sep == "-") || !body || p.findSeries([]token{{raw: t.Raw, fold: fold(t.Raw)}}) != "" {
			continue
		}
		for j := i + 1; j+1 < len(toks) && j <= i+3; j++ {
			if toks[j].Lower != "der" && toks[j].Lower != "des" {
				continue
			}
			w := hyphenated(toks, j+1) // "des IT-Planungsrats"
			if p.findSeries([]token{{raw: w, fold: fold(w)}}) != "" {
				return true
			}
		}
	}
	return false
}

var roleAcronym = map[string]bool{"CDO": true, "CIO": true, "CEO": true, "CTO": true, "IT": true, "KI": true, "AI": true, "EU": true}

// otherYear reports whether the question names a year and the sentence
// names years, none of them that one.
func otherYear(tq textQuestion, s sentenceInfo) bool {
	var want []string
	for _, t := range tq.terms {
		if t.year > 0 {
			want = append(want, t.raw)
		}
	}
	if len(want) == 0 {
		return false
	}
	other := false
	for _, t := range s.toks {
		if german.IsYear(t.Raw) {
			if slices.Contains(want, t.Raw) {
				return false
			}
			other = true
		}
	}
	return other
}

// locativePreps put a Land in the place of an event: "in Hamburg", "nach
// Berlin".
var locativePreps = map[string]bool{"in": true, "im": true, "nach": true, "bei": true, "beim": true}

// placeOfUse reports whether the Land at token i is where something is
// used: its name after "in" or "im" ("in Hessen"), or its adjective before
// a noun of places or offices there ("in 170 hessischen Städten", "in allen
// bayerischen Behörden"), with articles, numbers and small words between;
// not "im saarländischen Landtag vorgestellt".
func placeOfUse(toks []german.Token, i int) bool {
	if i < 0 || i >= len(toks) {
		return false
	}
	if toks[i].Raw == toks[i].Lower && (i+1 >= len(toks) || !placeNoun(toks[i+1].Lower)) {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		l := toks[j].Lower
		if l == "in" || l == "im" {
			return true
		}
		if german.IsUpperInitial(toks[j].Raw) && !german.IsDigits(toks[j].Raw) || toks[j].Sep != " " {
			return false
		}
	}
	return false
}

// placeNoun reports whether a lower-case plural names the places or
// offices where something is used: "städten", "gemeinden", "behörden".
func placeNoun(w string) bool {
	for _, suf := range []string{"städten", "städte", "gemeinden", "kommunen", "kreisen", "behörden", "ämtern", "verwaltungen", "schulen", "rathäusern", "dienststellen"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// locative reports whether the Land at token i follows a preposition of
// place, with at most an article between.
func locative(toks []german.Token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		l := toks[j].Lower
		if locativePreps[l] {
			return true
		}
		if l != "der" && l != "dem" && l != "den" && l != "die" && l != "das" {
			return false
		}
	}
	return false
}

// useParticiples say that something is used where the clause places it:
// "wird … in Thüringen und im Saarland eingesetzt".
var useParticiples = map[string]bool{"eingesetzt": true, "genutzt": true, "nachgenutzt": true, "verwendet": true,
	"betrieben": true, "erprobt": true, "getestet": true, "pilotiert": true, "angeboten": true, "eingeführt": true, "ausgerollt": true}

// usedThere reports whether the Land at token i is where the thing is
// used: a participle of use follows it in its clause, within eight words
// and before another place ("Das in Hamburg entwickelte System wird in
// Bayern eingesetzt" uses it in Bayern only).
func usedThere(toks []german.Token, i int) bool {
	for j := i + 1; j < len(toks) && j <= i+8; j++ {
		if german.ClauseBreak(toks[j].Sep) || j > i+1 && locativePreps[toks[j].Lower] && !slices.ContainsFunc(toks[i+1:j], func(t german.Token) bool { return t.Lower == "und" || t.Lower == "sowie" }) {
			return false
		}
		if useParticiples[toks[j].Lower] {
			return true
		}
	}
	return false
}

// definite are the words before a noun that make it refer to a known thing.
var definite = map[string]bool{"der": true, "die": true, "das": true, "des": true, "dem": true, "den": true,
	"unser": true, "unsere": true, "unseres": true, "unserem": true, "unseren": true, "unserer": true,
	"dieses": true, "diese": true, "dieser": true, "diesem": true, "diesen": true, "hiesige": true}

// withPartner reports whether the Land at token i opens its sentence as
// the partner of "mit": "Mit Bayern …", "Gemeinsam mit dem Land Hessen …".
// landTitleWords stand before a Land's name in its title: "dem Land
// Hessen", "der Freien Hansestadt Bremen".
var landTitleWords = map[string]bool{"Land": true, "Freistaat": true, "Freien": true, "Freie": true, "Hansestadt": true}

func withPartner(toks []german.Token, i int) bool {
	k := 0
	if len(toks) > 1 && strings.TrimSpace(toks[1].Sep) == ":" {
		k = 1 // a speaker's label: "Antwort: Mit Thüringen …"
	}
	if k < len(toks) && (toks[k].Lower == "gemeinsam" || toks[k].Lower == "zusammen") {
		k++
	}
	if k < len(toks) && toks[k].Lower == "mit" {
		k++
		for k < i && k < len(toks) && (listArticles[toks[k].Lower] || toks[k].Raw == "Land" || toks[k].Raw == "Freistaat") {
			k++
		}
		if k == i {
			return !notPartner(toks, i)
		}
	}
	// "Die Plattform wird gemeinsam mit der Freien Hansestadt Bremen
	// aufgebaut": the partner, wherever the sentence names it
	return partnerAfterMit(toks, i)
}

// notPartner reports whether the words after the Land at token i, which a
// sentence opens with "Mit", say it is no partner: a model or a help ("Mit
// Hamburg als Vorbild …", "Mit Hamburgs Hilfe …", "Mit Hamburg im Rücken
// …"), or one still negotiated with ("Mit Hamburg verhandeln wir noch").
func notPartner(toks []german.Token, i int) bool {
	j := i + 1
	for j < len(toks) && (german.IsUpperInitial(toks[j].Raw) && (toks[j].Sep == "-" || toks[j].Sep == ", ") || toks[j].Lower == "und" || toks[j].Lower == "sowie" ||
		j > 0 && toks[j-1].Lower == "und" && german.IsUpperInitial(toks[j].Raw) || listArticles[toks[j].Lower] && j+1 < len(toks) && german.IsUpperInitial(toks[j+1].Raw) && toks[j-1].Lower == "und") {
		j++
	}
	if strings.HasSuffix(toks[i].Raw, "s") && j < len(toks) && german.IsUpperInitial(toks[j].Raw) && toks[j].Sep == " " {
		return true // "Mit Hamburgs Hilfe"
	}
	if j >= len(toks) {
		return false
	}
	return notPartnerWords[toks[j].Lower] || strings.HasPrefix(toks[j].Lower, "verhandel") || strings.HasPrefix(toks[j].Lower, "sprech")
}

var notPartnerWords = map[string]bool{"als": true, "im": true, "in": true, "an": true, "am": true, "auf": true, "hinter": true, "vor": true, "gegenüber": true}

// partnerAfterMit reports whether the Land at token i follows "gemeinsam
// mit" or "zusammen mit", with articles and the words of a Land's title
// between: "gemeinsam mit dem Freistaat Sachsen", "zusammen mit der Freien
// Hansestadt Bremen".
func partnerAfterMit(toks []german.Token, i int) bool { return mitBefore(toks, i) >= 0 }

// mitBefore returns the token of the "mit" of "gemeinsam mit" or "zusammen
// mit" before the Land at token i, with articles and the words of a Land's
// title between, or -1.
func mitBefore(toks []german.Token, i int) int {
	j := i - 1
	if j >= 0 && german.IsUpperInitial(toks[j].Raw) && strings.HasSuffix(toks[i].Raw, "s") {
		// the Land's office before its genitive: "gemeinsam mit den
		// Aufsichtsbehörden Bremens"
		if office, _ := officeAsker(fold(toks[j].Raw)); office {
			j--
		}
	}
	for j >= 0 && (listArticles[toks[j].Lower] || landTitleWords[toks[j].Raw]) {
		j--
	}
	if j >= 1 && toks[j].Lower == "mit" && (toks[j-1].Lower == "gemeinsam" || toks[j-1].Lower == "zusammen") {
		return j
	}
	return -1
}

// relativeHolds reports whether the relative clause right after byte end
// (", das …,") holds one of the question's words: "Anders als
// Mecklenburg-Vorpommern, das seine Arbeitsplätze über einen eigenen
// Landesbetrieb umstellt, setzt Schleswig-Holstein …" says what the
// question asks of Mecklenburg-Vorpommern, whatever it is set against.
func relativeHolds(toks []german.Token, end int, hits []int) bool {
	k := 0
	for k < len(toks) && toks[k].Start < end {
		k++
	}
	if k >= len(toks) || !strings.Contains(toks[k].Sep, ",") {
		return false
	}
	switch toks[k].Lower {
	case "das", "der", "die", "welches", "welcher", "welche":
	default:
		return false
	}
	last := k + 1
	for last < len(toks) && !german.ClauseBreak(toks[last].Sep) {
		last++
	}
	if german.HasAside(toks[k:last]) {
		// the relative clause sets its Land aside itself: "Hessen, das mit
		// dem Portal X eine eigene Lösung entwickelt hat, …"
		return false
	}
	// a word of what is asked (a verb, an adjective), or two of the
	// question's nouns; one name alone is not enough: "Niedersachsen, das
	// ebenfalls Trägerland von Dataport ist, setzt dagegen … auf seine
	// eigene E-Akte" holds only "Dataport" and says nothing of what is
	// asked of it, "Hessen, das seine Schulserver über einen eigenen
	// Landesbetrieb betreibt" holds what is asked
	nouns := 0
	for _, h := range hits {
		if h <= k || h >= last {
			continue
		}
		if !german.IsUpperInitial(toks[h].Raw) {
			return true
		}
		nouns++
	}
	return nouns >= 2
}

// groupBack is how many sentences back a group of Länder ("die vier
// Verbundländer") is looked for.
const groupBack = 6

// groupLaender returns the Länder a sentence speaks of as a group by their
// number: "beide Länder", "die vier Verbundländer", "alle drei
// Trägerländer" are the Länder of the nearest sentence before it (up to
// groupBack back) that names that many. A list of Länder set aside
// ("Anders als Bayern und Hessen …") is no such group.
func (e *Engine) groupLaender(d corpus.Document, sents []sentenceInfo, i int) []corpus.LandCode {
	toks := sents[i].toks
	n := 0
	for k := 0; k+1 < len(toks) && n == 0; k++ {
		c, ok := german.Cardinal(toks[k].Lower)
		if !ok && (toks[k].Lower == "beide" || toks[k].Lower == "beiden") {
			c, ok = 2, true
		}
		if next := fold(toks[k+1].Raw); ok && c >= 2 && c <= 8 && (strings.HasSuffix(next, "laender") || strings.HasSuffix(next, "laendern")) {
			n = c
		}
	}
	if n == 0 {
		return nil
	}
	for j := i - 1; j >= max(0, i-groupBack); j-- {
		txt := d.Text[sents[j].start:sents[j].end]
		hits := e.landsIn(txt, sents)
		var lands []corpus.LandCode
		for _, h := range hits {
			if !h.Compound && !slices.Contains(lands, h.Land) {
				lands = append(lands, h.Land)
			}
		}
		if len(lands) != n {
			continue
		}
		if german.SetAside(sents[j].toks, tokenIndex(sents[j].toks, hits[0].Start), tokenIndex(sents[j].toks, hits[len(hits)-1].Start)) {
			return nil
		}
		return lands
	}
	return nil
}

// corefPartner reports whether token i, the first Land of a list, is the
// partner of "gemeinsam mit" or "zusammen mit" in a sentence whose subject
// before it is the document's own Land by a pronoun or a definite noun
// ("wir", "das Land", "die Landesregierung").
func corefPartner(toks []german.Token, i int) bool {
	k := mitBefore(toks, i)
	for j := 0; j < k-1; j++ {
		f := fold(toks[j].Raw)
		if coref[f] && (f == "wir" || strings.HasPrefix(f, "unser") || j > 0 && definite[toks[j-1].Lower]) {
			return true
		}
	}
	return false
}

// weAfterPartner reports whether a sentence that opens with "Mit" and the
// Land at token i says "wir" in its clause: "Mit Hamburg betreiben wir seit
// dem Herbst die Lernplattform" (also after a speaker's label, "Antwort:").
func weAfterPartner(toks []german.Token, i int) bool {
	if !withPartner(toks, i) {
		return false
	}
	for j := i + 1; j < len(toks); j++ {
		if german.ClauseBreak(toks[j].Sep) {
			break
		}
		if toks[j].Lower == "wir" {
			return true
		}
	}
	return false
}

// listArticles may stand before a member of a list of Länder.
var listArticles = map[string]bool{"der": true, "die": true, "das": true, "dem": true, "den": true, "des": true}

// landLists groups Land hits that a list joins: only ", ", " und ", " oder ",
// " sowie " (or a bracketed list's commas) between them.
func landLists(txt string, hits []german.LandHit) [][]german.LandHit {
	var out [][]german.LandHit
	for i, h := range hits {
		if i > 0 && h.Start < hits[i-1].End {
			// a region names several Länder with one span
			out[len(out)-1] = append(out[len(out)-1], h)
			continue
		}
		if i > 0 {
			gap := strings.TrimSpace(txt[hits[i-1].End:h.Start])
			// "von Rheinland-Pfalz und dem Saarland": an article before
			// the next member
			if k := strings.LastIndexByte(gap, ' '); k > 0 && listArticles[gap[k+1:]] {
				gap = strings.TrimSpace(gap[:k])
			}
			if gap == "," || gap == "und" || gap == "oder" || gap == "sowie" || gap == ", und" || gap == "bzw." || gap == "/" {
				out[len(out)-1] = append(out[len(out)-1], h)
				continue
			}
		}
		out = append(out, []german.LandHit{h})
	}
	return out
}

// existential reports whether a sentence says that something exists
// somewhere ("In Bayern gibt es …"): there the place is what the sentence
// is about, not a venue.
func existential(toks []german.Token) bool {
	for i, t := range toks {
		switch t.Lower {
		case "gibt", "gab", "existiert", "existieren", "bestehen", "besteht", "vorhanden":
			return true
		case "es":
			if i > 0 && (toks[i-1].Lower == "gibt" || toks[i-1].Lower == "gab") {
				return true
			}
		}
	}
	return false
}

// asksWhat reports whether a question asks for topics or what was decided
// or discussed: "Was haben … beschlossen?", "Welche Themen …", "Worüber …".
func asksWhat(fs []string) bool {
	if len(fs) == 0 {
		return false
	}
	switch fs[0] {
	case "was", "worueber", "what":
		return true
	}
	for i, f := range fs[:len(fs)-1] {
		if strings.HasPrefix(f, "welch") && (strings.HasPrefix(fs[i+1], "them") || strings.HasPrefix(fs[i+1], "beschl") || strings.HasPrefix(fs[i+1], "schwerpunkt")) {
			return true
		}
	}
	return false
}

// maxTextTopics bounds the topics an answer from text lists, read from at
// most maxTopicPassages passages.
const (
	maxTextTopics    = 8
	maxTopicPassages = 6
)

// passageTopics answers a question for topics from its best passages: the
// thesaurus topics they name and the names they give in quotes or as long
// nouns the question does not already hold ("die „Föderale
// Modernisierungsagenda“", "Bürokratierückbau").
func (e *Engine) passageTopics(ctx context.Context, tq textQuestion) ([]Topic, float64, error) {
	type hit struct {
		ds  *docSents
		i   int
		cov float64
	}
	var hits []hit
	top, err := e.scorePassages(ctx, tq, func(ds *docSents, i int, cov float64, _ []int) {
		hits = append(hits, hit{ds, i, cov})
	})
	if err != nil || top < minCoverage {
		return nil, top, err
	}
	asked := map[string]bool{}
	for _, t := range tq.terms {
		for _, st := range t.stems {
			asked[st] = true
		}
	}
	// The best passages (up to maxTopicPassages, within 70% of the best)
	// vote: a name several of them give comes first.
	slices.SortStableFunc(hits, func(a, b hit) int { return cmp.Compare(b.cov, a.cov) })
	type label struct {
		id    corpus.TopicID
		text  string
		votes int
		ev    []corpus.Evidence
	}
	var labels []*label
	byKey := map[string]*label{}
	for n, h := range hits {
		if n == maxTopicPassages || h.cov < 0.7*top {
			break
		}
		s := h.ds.sents[h.i]
		txt := h.ds.doc.Text[s.start:s.end]
		ev := corpus.EvidenceAt(&h.ds.doc, s.start, s.end)
		voted := map[string]bool{}
		add := func(id corpus.TopicID, text string) {
			k := german.Stem(text)
			if k == "" || voted[k] {
				return
			}
			voted[k] = true
			l := byKey[k]
			if l == nil {
				l = &label{id: id, text: text}
				byKey[k] = l
				labels = append(labels, l)
			}
			l.votes++
			l.ev = append(l.ev, ev)
		}
		for _, tp := range e.th.All() {
			if e.p.mentionsTopic(txt, tp.ID) && !asked[german.Stem(tp.Label)] {
				add(tp.ID, tp.Label)
			}
		}
		for _, q := range quoted(txt) {
			if n := utf8.RuneCountInString(q); n >= 4 && n <= 80 {
				add("", q)
			}
		}
		for _, t := range s.toks {
			st := german.Stem(t.Raw)
			if utf8.RuneCountInString(t.Raw) < 10 || !german.IsUpperInitial(t.Raw) || asked[st] || german.IsStopword(t.Raw) {
				continue
			}
			if _, ok := e.p.landNamed(t.Raw); ok {
				continue
			}
			add("", t.Raw)
		}
	}
	slices.SortStableFunc(labels, func(a, b *label) int { return b.votes - a.votes })
	var out []Topic
	for _, l := range labels {
		if len(out) == maxTextTopics {
			break
		}
		out = append(out, Topic{ID: l.id, Label: l.text, Evidence: l.ev})
	}
	return out, top, nil
}

// quoted returns the texts inside „…“ or "…" quotes of s.
func quoted(s string) []string {
	var out []string
	for _, sp := range quoteSpans(s) {
		out = append(out, strings.TrimSpace(s[sp[0]:sp[1]]))
	}
	return out
}

// quoteSpans returns the byte spans of the texts inside „…“, "…" or »…«
// quotes of s.
func quoteSpans(s string) [][2]int {
	var out [][2]int
	for _, pair := range [][2]string{{"„", "“"}, {"\"", "\""}, {"»", "«"}} {
		off := 0
		for {
			i := strings.Index(s[off:], pair[0])
			if i < 0 {
				break
			}
			from := off + i + len(pair[0])
			j := strings.Index(s[from:], pair[1])
			if j < 0 {
				break
			}
			out = append(out, [2]int{from, from + j})
			off = from + j + len(pair[1])
		}
	}
	return out
}

// rankCue is a ranking word of a sentence at token index at.
type rankCue struct {
	rank german.Rank
	at   int
	weak bool // "am besten", "schlechter": often within a part only
}

// rankCues returns the ranking words of a sentence.
func rankCues(toks []german.Token) []rankCue {
	var out []rankCue
	for i := 0; i < len(toks); i++ {
		if r, n, weak := german.RankCueAt(toks, i); n > 0 {
			// "nur noch Thüringen erzielt einen schlechteren Wert": a
			// comparative after "nur" puts the one Land at the end
			for k := max(0, i-5); k < i && weak; k++ {
				weak = toks[k].Lower != "nur"
			}
			out = append(out, rankCue{r, i, weak})
			i += n - 1
		}
	}
	return out
}

// rankWeight weighs a list of Länder at tokens [a, b] of a sentence with
// ranking words by what the nearest of them says about it: the end the
// question asks for keeps the weight, the other end, "vorletzter Platz" or
// "knapp hinter X" (X is ahead) cut it, and no ranking word near it cuts
// it less: "Schlusslicht ist Sachsen-Anhalt, knapp hinter dem Saarland".
func rankWeight(want german.Rank, toks []german.Token, cues []rankCue, a, b int) float64 {
	best, dist, weak := german.RankNone, 99, false
	for _, c := range cues {
		var d int
		switch {
		case c.rank == german.RankAhead || c.rank == german.RankBehind:
			// only the Länder after "hinter" or "vor" are ahead or behind:
			// "vor Berlin (78,9 Punkte) und Baden-Württemberg" — up to the
			// end of the clause
			if c.at >= a || a-c.at > 15 || clauseEndBetween(toks, c.at, a) {
				continue
			}
			d = 0
		case c.at < a:
			d = a - c.at
		case c.at > b:
			d = c.at - b
		}
		if d < dist {
			best, dist, weak = c.rank, d, c.weak
		}
	}
	switch {
	case dist > 10:
		return 0.6
	case best == want && weak:
		return 0.85
	case best == want:
		return 1
	case best == german.RankAhead && want == german.RankFirst:
		return 1 // "knapp hinter Hamburg": Hamburg is ahead
	case best == german.RankBehind && want == german.RankLast:
		return 0.6 // "vor Berlin": Berlin is behind, not last
	default:
		return 0.3
	}
}

// clauseEndBetween reports whether a clause ends between tokens i and j: a
// full stop, semicolon, colon or dash between them.
func clauseEndBetween(toks []german.Token, i, j int) bool {
	for k := i + 1; k <= j && k < len(toks); k++ {
		if strings.ContainsAny(toks[k].Sep, ".;:–—") {
			return true
		}
	}
	return false
}

// Where a Land stands to the question's words in a sentence (otherClause).
const (
	sameClause = iota
	otherClauseOnly
	otherItem // another item of a numbered list: another task, not the same one
)

// otherClause reports whether token i lies in another clause of the
// sentence (clauses split at a dash, semicolon or colon, and the items of a
// numbered list) than every word of the question the sentence holds (at
// tokens hits): sameClause, otherClauseOnly or otherItem.
func otherClause(toks []german.Token, i int, hits []int) int {
	if len(hits) == 0 || len(toks) == 0 {
		return sameClause
	}
	items := false
	// the clause of each token, counted in one pass
	clause := make([]int, len(toks))
	n := 0
	for j := 1; j < len(toks); j++ {
		// "… die App – und seit Sommer auch Gemeinden im Saarland": a
		// dash before "und" joins what shares the clause's verb
		if strings.ContainsAny(toks[j].Sep, "–—;:") && !(strings.ContainsAny(toks[j].Sep, "–—") && isConjunction(toks[j].Raw)) {
			n++
		} else if strings.Contains(toks[j].Sep, ",") && german.IsDigits(toks[j].Raw) && j+1 < len(toks) &&
			strings.HasPrefix(toks[j+1].Sep, ".") && !german.IsUpperInitial(toks[j+1].Raw) && !isConjunction(toks[j+1].Raw) {
			n++ // the next item of a numbered list: "…, 3. die Erfahrungen … mit Sachsen …"
			items = true
		}
		clause[j] = n
	}
	at := func(k int) int { return clause[min(max(k, 0), len(clause)-1)] }
	c := at(i)
	for _, h := range hits {
		if at(h) == c {
			return sameClause
		}
	}
	// "…; seit 2099 setzt auch die brandenburgische Landesverwaltung den
	// Dienst ein": a later clause names the thing asked about by a noun
	// that refers back to it
	for j := range toks {
		if clause[j] == c && c > 0 && german.RefersBackAt(toks, j) &&
			!(j+1 < len(toks) && toks[j+1].Sep == " " && german.IsUpperInitial(toks[j+1].Raw)) {
			return sameClause // not "…; Thüringen setzt dagegen die Plattform Kranichblick ein": another product
		}
	}
	if items {
		return otherItem
	}
	return otherClauseOnly
}

// discussWords say that a meeting discussed something.
var discussWords = map[string]bool{"themen": true, "thema": true, "tagesordnung": true, "beraten": true, "berieten": true, "beriet": true, "beraet": true,
	"diskutiert": true, "diskutierten": true, "befasste": true, "befassten": true, "eroertert": true, "eroerterten": true}

// discusses reports whether the sentence tells what a meeting discussed.
func discusses(toks []german.Token) bool {
	for _, t := range toks {
		if discussWords[fold(t.Raw)] {
			return true
		}
	}
	return false
}

// isConjunction reports whether a word joins coordinated parts: "und",
// "sowie", "oder".
func isConjunction(w string) bool {
	switch strings.ToLower(w) {
	case "und", "sowie", "oder":
		return true
	}
	return false
}

// rankAt returns the tokens of the ranking words for the end asked for:
// they are words of the question too.
func rankAt(cues []rankCue, want german.Rank) []int {
	var out []int
	for _, c := range cues {
		if c.rank == want {
			out = append(out, c.at)
		}
	}
	return out
}

// namesAny reports whether the folded text holds one of the folded names
// as whole words, perhaps with a case ending.
func namesAny(text string, names []string) bool {
	for _, n := range names {
		for off := 0; ; {
			k := strings.Index(text[off:], n)
			if k < 0 {
				break
			}
			a, b := off+k, off+k+len(n)
			if r, _ := utf8.DecodeLastRuneInString(text[:a]); a == 0 || !german.IsWordRune(r) {
				// the name may be inflected: "des IT-Planungsrates"
				for _, end := range []string{"", "s", "es", "n", "en"} {
					if strings.HasPrefix(text[b:], end) && german.IsWordBoundary(text, b+len(end)) {
						return true
					}
				}
			}
			off = a + 1
		}
	}
	return false
}

// introducedNames sets the named stems of a document's sentences: a quoted
// name of one to four words right after a capitalised noun ("die E-Akte
// „Akte Nord“", "der KI-Assistent „Lotse NRW“") is introduced by that
// sentence (not by a question), and every sentence that holds the name's
// words (without a Land's, inflected: "setzt den Lotsen … ein") takes the
// stems of the nouns and names of the sentences that introduce it: what
// the thing is, who makes it, for whom ("Dataport hat die E-Akte „Akte
// Nord“ für die Landesverwaltungen … freigegeben"), not what it did there.
//
// A name the document defines an abbreviation for ("Föderaler
// Terminservice (FTS)") is introduced by every sentence that names it in
// full ("Die FITKO stellt das Konzept für einen Föderalen Terminservice
// vor, über den … Termine bei Behörden … buchen können"), and the
// sentences that use the abbreviation take their stems ("… erklären sich
// bereit, den FTS … zu erproben").
func (e *Engine) introducedNames(txt string, sents []sentenceInfo, defined map[string][]string) {
	var keys [][]string            // each name's stems, in order of appearance
	intro := map[string][]string{} // joined stems → stems of the introducing sentences
	abbrevs := slices.Sorted(maps.Keys(defined))
	add := func(k string, nouns []string) {
		for _, n := range nouns { // each stem once, at most maxIntroduced
			if len(intro[k]) < maxIntroduced && !slices.Contains(intro[k], n) {
				intro[k] = append(intro[k], n)
			}
		}
	}
	for _, s := range sents {
		if s.question {
			continue // "Wird die Sprachassistenz „X“ eingesetzt?" asks; it says nothing of X
		}
		st := txt[s.start:s.end]
		var nouns []string // what the sentence says the thing is, who makes it, for whom
		for k, t := range s.toks {
			if german.IsUpperInitial(t.Raw) {
				nouns = append(nouns, s.stems[k])
			}
		}
		for _, a := range abbrevs {
			long := defined[a]
			if len(long) == 0 || slices.ContainsFunc(long, func(n string) bool { return !slices.Contains(s.stems, n) }) {
				continue
			}
			k := strings.Join(long, " ")
			if _, ok := intro[k]; !ok {
				keys = append(keys, long)
			}
			add(k, nouns)
		}
		for _, q := range nameQuotes(st) {
			// the sentence's own words: before the quote and inside it
			from := sort.Search(len(s.toks), func(k int) bool { return s.toks[k].Start >= q[0] })
			to := sort.Search(len(s.toks), func(k int) bool { return s.toks[k].End > q[1] })
			if from < 2 || !german.IsUpperInitial(s.toks[from-1].Raw) || strings.TrimRight(st[s.toks[from-1].End:q[0]], "„»“\"") != " " {
				continue // the noun right before the quote: "E-Akte „…“"
			}
			if to <= from || to-from > 4 || !german.IsUpperInitial(s.toks[from].Raw) {
				continue
			}
			var ns []string
			for k := from; k < to; k++ {
				if len(e.lands.Find(s.toks[k].Raw)) == 0 {
					ns = append(ns, s.stems[k])
				}
			}
			if len(ns) == 0 {
				continue
			}
			k := strings.Join(ns, " ")
			if _, ok := intro[k]; !ok {
				keys = append(keys, ns)
			}
			add(k, nouns)
		}
		if len(keys) >= maxNames {
			break
		}
	}
	for _, ns := range keys {
		stems := intro[strings.Join(ns, " ")]
		for i := range sents {
			if slices.ContainsFunc(ns, func(n string) bool { return !slices.Contains(sents[i].stems, n) }) && !sents[i].abbreviates(ns) {
				continue // neither the name nor its abbreviation
			}
			if sents[i].named == nil {
				sents[i].named = stems // shared, read only
			} else {
				sents[i].named = append(slices.Clip(sents[i].named), stems...)
			}
		}
	}
}

// abbreviates reports whether the sentence uses an abbreviation whose long
// form has the stems ns.
func (s sentenceInfo) abbreviates(ns []string) bool {
	for _, long := range s.alias {
		if slices.Equal(long, ns) {
			return true
		}
	}
	return false
}

// maxIntroduced bounds the stems a name stands for, and maxNames the names
// a document introduces that are read: a long document that introduces
// one name in every sentence costs what a short one does.
const (
	maxIntroduced = 48
	maxNames      = 16
)

// nameQuotes returns the byte spans inside the quotes of s, where a quote
// opens with „ or » and closes with the nearest “, ”, « or " within 80
// bytes (German texts close „ with either).
func nameQuotes(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r != '„' && r != '»' {
			continue
		}
		end := strings.IndexAny(s[i:min(len(s), i+80)], "“”«\"")
		if end > 0 {
			out = append(out, [2]int{i, i + end})
			i += end
		}
	}
	return out
}
