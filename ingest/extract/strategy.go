package extract

import (
	"cmp"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/german"
	"github.com/laendergraph/laendergraph/ingest/text"
	"golang.org/x/text/unicode/norm"
)

// stratFound is a strategy found in a document with the topics it stands for.
type stratFound struct {
	corpus.Strategy
	topics []corpus.TopicID
	// abbrev is the abbreviation the document gives the title ("ThüDiV
	// 2080"); the title shows it after the variants are merged.
	abbrev string
}

// found is a strategy candidate of a document: the sentence (-1: the
// document title) and the year it states.
type found struct {
	c    stratCand
	sent int
	year int
	// from is the first sentence of the evidence when the year comes from a
	// later sentence that refers back to the strategy; else -1.
	from int
	// predecessor: the sentence names it as the one a newer strategy
	// replaces ("führt die bisherige Strategie „X“ fort"); what the
	// sentence says was adopted is not it.
	predecessor bool
	// abbrev is the abbreviation the document gives it in brackets right
	// after its name ("„Sachsen digital gestalten 2060“ (SDG 2060)"), or "".
	abbrev string
}

// abbrevAfter returns the bracketed abbreviation right after byte end of
// the sentence, past a closing quote: " (SDG 2060)", " (LDD LSA)".
func abbrevAfter(txt string, end int) string {
	from, to, ok := abbrevSpan(txt, end)
	if !ok {
		return ""
	}
	return txt[from:to]
}

// abbrevSpan returns the byte span of the abbreviation abbrevAfter reads.
func abbrevSpan(txt string, end int) (from, to int, ok bool) {
	end = min(end, len(txt))
	rest := strings.TrimLeft(txt[end:], closeQuotes)
	if !strings.HasPrefix(rest, " (") {
		return 0, 0, false
	}
	c := strings.IndexByte(rest, ')')
	if c < 3 || c > 24 {
		return 0, 0, false
	}
	// the abbreviation may be quoted: "(„ThüDiV 2080“)"
	a := strings.TrimRight(rest[2:c], closeQuotes)
	lead := len(a) - len(strings.TrimLeft(a, openQuotes))
	a = a[lead:]
	if len(a) < 2 || len(a) > 18 {
		return 0, 0, false
	}
	upper := 0
	prev := ' '
	for _, r := range a {
		switch {
		case unicode.IsUpper(r):
			upper++
			if unicode.IsLower(prev) {
				upper++ // an inner capital: "ThüDiV", "DigiNRW"
			}
		case unicode.IsDigit(r) || r == ' ' || r == '-' || r == '.':
		case unicode.IsLower(r) && upper > 0:
		default:
			return 0, 0, false
		}
		prev = r
	}
	// all capitals ("SDG 2060") or capitals inside a word ("ThüDiV"),
	// not a capitalised word ("(Stand 2072)", "(Bund-Länder)")
	if upper < 2 || !abbrevShape(a) {
		return 0, 0, false
	}
	from = len(txt) - len(rest) + 2 + lead
	return from, from + len(a), true
}

// abbrevShape reports whether every word of a with letters is all capitals
// or has a capital after a lower-case letter.
func abbrevShape(a string) bool {
	for _, w := range strings.FieldsFunc(a, func(r rune) bool { return r == ' ' || r == '-' }) {
		letters, inner, lower := false, false, false
		for _, r := range w {
			switch {
			case unicode.IsLower(r):
				letters, lower = true, true
			case unicode.IsUpper(r):
				letters = true
				inner = inner || lower
			}
		}
		if letters && lower && !inner {
			return false
		}
	}
	return true
}

// predecessorWords mark a strategy as the one before: "die bisherige
// Strategie „X“", "ersetzt die Strategie „X“" (german/data/predecessor.txt).
var predecessorWords = german.PredecessorWords()

// predecessorAt reports whether one of the three words before byte off of
// s marks what follows as a predecessor.
func (s *sentence) predecessorAt(off int) bool {
	k := s.tokenBefore(off)
	for j := k; j >= 0 && j > k-3; j-- {
		if predecessorWords[s.toks[j].lower] {
			return true
		}
	}
	return s.replacedAt(k + 1)
}

// replacedAt reports whether the name starting at token i is the object of
// the separable "löst … ab" of its clause: the last noun phrase before the
// particle ("Die Strategie löst den Masterplan Digitalisierung aus dem Jahr
// 2094 ab"), not the subject before another one ("Im März löst die
// Digitalstrategie 2030 den Masterplan ab").
func (s *sentence) replacedAt(i int) bool {
	verb := false
	for j := i - 1; j >= 0 && !isClauseSep(s.toks[j+1].sep); j-- {
		if w := s.toks[j].lower; w == "löst" || w == "löste" || w == "lösen" {
			verb = true
			break
		}
	}
	if !verb {
		return false
	}
	for k := i + 1; k < len(s.toks) && !isClauseSep(s.toks[k].sep); k++ {
		if s.toks[k].lower == "ab" && (k+1 == len(s.toks) || isClauseSep(s.toks[k+1].sep)) {
			return true
		}
		// another noun phrase after the name: it is the object
		if articles[s.toks[k].lower] && !prepositions[s.toks[k-1].lower] {
			return false
		}
	}
	return false
}

// stratCand is a strategy title found in one sentence (or the title).
type stratCand struct {
	title      string
	start, end int // span of the title in the sentence
	trigger    string
	land       corpus.LandCode // from the title or a Land form attached to it
	// needsYear: a strategy named only by its topic ("KI-Strategie") counts
	// only with the year it was adopted, given in year.
	needsYear bool
	year      int
	// aboutReport: the name came from a report or process about the
	// strategy („Statusbericht zur Zukunftsstrategie …“); the year of the
	// sentence is the report's, not the adoption's.
	aboutReport bool
}

// reportAboutRE reads a title of a report or process about a strategy:
// "Distanzen überwinden. Statusbericht zur Zukunftsstrategie Digitales
// Brandenburg", "Weiterer Strategieprozess zur …".
var reportAboutRE = regexp.MustCompile(`(?i)^(?:.*?\s)?\S*(?:bericht|prozess|evaluation|evaluierung|bilanz|umsetzung)\s+(?:zur|zum|über\s+die|über\s+den|der|des)\s+(\S.*)$`)

// aboutReport splits a report's title from the strategy it is about: the
// strategy's title and its byte offset in t, when t is such a title and the
// rest names a strategy.
func aboutReport(t string) (string, int, bool) {
	m := reportAboutRE.FindStringSubmatchIndex(t)
	if m == nil {
		return "", 0, false
	}
	rest := t[m[2]:m[3]]
	for _, tk := range tokenize(rest) {
		if isTrigger(tk.lower) {
			return rest, m[2], true
		}
	}
	return "", 0, false
}

// isTrigger reports whether a lower-case word names a strategy or
// programme: "Strategie", "Digitalisierungsstrategie", "Strategiefortschreibung",
// "Digitalprogramm", "Masterplan", "Agenda", "Digitalplan", "KI-Leitbild".
func isTrigger(lower string) bool {
	return strings.Contains(lower, "strategie") || strings.HasPrefix(lower, "masterplan") || strings.HasSuffix(lower, "leitbild") ||
		strings.HasSuffix(lower, "agenda") || (strings.Contains(lower, "programm") && strings.Contains(lower, "digital")) ||
		(strings.HasPrefix(lower, "digital") && (planNoun(lower) || strings.HasSuffix(lower, "offensive") || strings.HasSuffix(lower, "kompass")))
}

// programmeNoun reports whether a lower-case word names a government's
// programme ("Programm", "Landesprogramm", "Regierungsprogramm"), not a
// funding line or the schedule of an event.
func programmeNoun(lower string) bool {
	if !strings.HasSuffix(lower, "programm") {
		return false
	}
	for _, no := range []string{"förder", "tagungs", "konferenz", "veranstaltungs", "rahmen", "fernseh", "kultur", "begleit", "besuchs"} {
		if strings.HasPrefix(lower, no) {
			return false
		}
	}
	return true
}

// planNoun reports whether a lower-case word ends in a form of "Plan":
// "Digitalplan", "Digitalplans", "Digitalpläne".
func planNoun(lower string) bool {
	for _, suf := range []string{"plan", "plans", "planes", "pläne", "plänen"} {
		if strings.HasSuffix(lower, suf) {
			return true
		}
	}
	return false
}

// adoptionWords are verb and noun forms saying that a strategy was adopted,
// published or presented (german/data/adoption.txt).
var adoptionWords = german.AdoptionWords()

// adoptionAt reports whether token i says that something was adopted: an
// adoption word, the "Licht" of "grünes Licht geben", the "Kraft" of "in
// Kraft gesetzt", or a decision with its date ("Kabinettsbeschluss vom …").
func (s *sentence) adoptionAt(i int) bool {
	t := s.toks[i]
	if adoptionWords[t.lower] {
		return true
	}
	switch {
	case t.lower == "licht":
		return i > 0 && strings.HasPrefix(s.toks[i-1].lower, "grüne")
	case t.lower == "weg":
		// "hat die Strategie auf den Weg gebracht", "bringt … auf den Weg"
		if i < 2 || s.toks[i-1].lower != "den" || s.toks[i-2].lower != "auf" {
			return false
		}
		for _, u := range s.toks {
			if u.lower == "gebracht" || u.lower == "bringt" || u.lower == "brachte" {
				return true
			}
		}
		return false
	case t.lower == "kraft":
		// "in Kraft gesetzt", "ist in Kraft getreten"
		return i > 0 && s.toks[i-1].lower == "in" && i+1 < len(s.toks) &&
			(s.toks[i+1].lower == "gesetzt" || s.toks[i+1].lower == "getreten")
	case strings.HasSuffix(t.lower, "beschluss"):
		// a dated decision of a government: "Mit Kabinettsbeschluss vom
		// 27. Oktober 2040", "durch Beschluss der Landesregierung vom …";
		// not a parliament's that asks for one ("Beschluss des Landtages
		// vom …, eine Strategie zu entwickeln")
		if by := strings.TrimSuffix(t.lower, "beschluss"); by != "" {
			return governmentBody(by) && i+1 < len(s.toks) && s.toks[i+1].lower == "vom"
		}
		return i+3 < len(s.toks) && (s.toks[i+1].lower == "der" || s.toks[i+1].lower == "des") &&
			governmentBody(s.toks[i+2].lower) && s.toks[i+3].lower == "vom"
	}
	return false
}

// adoptedInRelative reports whether the relative clause that opens after
// the closing quote at byte end (", den …", ", die …", ", das …") says that
// a government adopted what the quote names: a government body and an
// adoption word, neither negated nor planned.
func (s *sentence) adoptedInRelative(end int) bool {
	k := s.tokenFrom(end)
	if k >= len(s.toks) || !strings.Contains(s.toks[k].sep, ",") {
		return false
	}
	switch s.toks[k].lower {
	case "den", "die", "das":
	default:
		return false
	}
	to := k + 1
	for to < len(s.toks) && !isClauseSep(s.toks[to].sep) {
		to++
	}
	return s.governmentAdopts(k+1, to, [2]int{})
}

// relativeAdoptionYear returns the year stated in the relative clause right
// after byte end, where a government adopted what the clause refers to, or
// 0.
func (s *sentence) relativeAdoptionYear(end int) int {
	if k := s.tokenFrom(end); k+1 < len(s.toks) && s.toks[k].lower == "ab" && strings.Contains(s.toks[k+1].sep, ",") {
		end = s.toks[k].end // the particle of "löst … ab" ends the clause first
	}
	if !s.adoptedInRelative(end) {
		return 0
	}
	for k := s.tokenFrom(end) + 1; k < len(s.toks) && !isClauseSep(s.toks[k].sep); k++ {
		if german.IsYear(s.toks[k].raw) {
			y, _ := strconv.Atoi(s.toks[k].raw)
			return y
		}
	}
	return 0
}

// governmentAdopts reports whether tokens from…to-1 of the sentence, those
// starting in the byte span skip left out, name a Land's government and say
// it adopted something, neither planned nor negated.
func (s *sentence) governmentAdopts(from, to int, skip [2]int) bool {
	gov, adopted := false, false
	for j := from; j < to; j++ {
		t := s.toks[j]
		if t.start >= skip[0] && t.start < skip[1] {
			continue
		}
		if plannedWords[t.lower] {
			return false
		}
		gov = gov || governmentBody(t.lower)
		adopted = adopted || s.adoptionAt(j) && !s.clauseNegated(j)
	}
	return gov && adopted
}

// namesDigital reports whether a name's words name the digital: "Nordkurs
// Digital 2104", "KI-Land Nord", "Datenland Saar" (not "Haushalt 2099",
// "Lausitzer Erklärung").
func namesDigital(toks []token) bool {
	for _, t := range toks {
		for _, e := range eventNouns {
			if strings.HasSuffix(t.lower, e) {
				return false // "„KI-Preis Nord“", "„Digitaltag Nord 2080“": a prize, an event
			}
		}
	}
	for _, t := range toks {
		if strings.Contains(t.lower, "digital") || strings.HasPrefix(t.lower, "digi") || t.lower == "ki" ||
			strings.HasPrefix(t.lower, "daten") || strings.HasPrefix(t.lower, "cyber") || strings.HasPrefix(t.lower, "online") || strings.HasPrefix(t.lower, "smart") {
			return true
		}
	}
	return false
}

// eventNouns end the names of events, prizes and exercises, no strategies.
var eventNouns = []string{"preis", "tag", "tage", "woche", "übung", "gipfel", "messe", "konferenz", "wettbewerb", "award", "festival", "forum"}

// adoptedInClause reports whether the clause of the quote q, the quote's
// own words left out, names a Land's government and says it adopted
// something, not planned and not negated: "Unsere „…“ haben wir im
// Kabinett verabschiedet", "Die Landesregierung hat die „…“ beschlossen"
// (not "haben wir im Stadtrat beschlossen").
func (s *sentence) adoptedInClause(q [2]int) bool {
	from := s.tokenFrom(q[0])
	for from > 0 && !isClauseSep(s.toks[from].sep) {
		from--
	}
	to := from + 1
	for to < len(s.toks) && !(s.toks[to].start >= q[1] && isClauseSep(s.toks[to].sep)) {
		to++
	}
	return s.governmentAdopts(from, to, q) // the name's own words left out
}

// rightBeforeQuote reports whether token j stands right before the quote
// whose text starts at byte open: only spaces and the opening quote
// between, or the end of a hard-wrapped line ("die Strategie↵„KI-Land
// Nord“").
func (s *sentence) rightBeforeQuote(j, open int) bool {
	end := s.toks[j].end
	return onlyBetween(s.txt, end, open) || wrappedBreak(s.txt, end, end+len(strings.TrimRight(s.txt[end:open], openQuotes)))
}

// listGoesOn reports whether a list goes on after byte end of the
// sentence: a comma, "und", "sowie" or "oder".
func listGoesOn(s *sentence, end int) bool {
	k := s.tokenFrom(end)
	if k >= len(s.toks) {
		return false
	}
	if strings.Contains(s.toks[k].sep, ",") {
		return true
	}
	switch s.toks[k].lower {
	case "und", "sowie", "oder":
		return true
	}
	return false
}

// bracketed reports whether the quote q stands alone in brackets: "(„…“)".
func bracketed(txt string, q [2]int) bool {
	before := strings.TrimRight(txt[:q[0]], openQuotes)
	after := strings.TrimLeft(txt[q[1]:], closeQuotes)
	return strings.HasSuffix(before, "(") && strings.HasPrefix(after, ")")
}

// triggerBefore returns the strategy word among the n tokens before byte
// off in the same clause, where the words after it describe it: names,
// prepositions, articles and adjectives ("Strategie für Künstliche
// Intelligenz in der Verwaltung", "für die digitale Schule"), not a verb
// ("In der Digitalstrategie kritisierte der Rechnungshof", "Laut
// Digitalstrategie soll jede Behörde …"); else "".
func (s *sentence) triggerBefore(off, n int) string {
	j := s.tokenBefore(off - 1)
	for k := j; k >= 0 && k > j-n; k-- {
		if isTrigger(s.toks[k].lower) {
			return s.toks[k].lower
		}
		if german.ClauseBreak(s.toks[k].sep) || !describing(s.toks[k]) {
			break
		}
	}
	return ""
}

// describing reports whether a word may stand in a noun phrase that
// describes a strategy: a capitalised word, a preposition or article of
// such a phrase, or an adjective ("digitale"; a past tense, "kritisierte",
// ends like no adjective here).
func describing(t token) bool {
	if isUpperInitial(t.raw) {
		return true
	}
	switch t.lower {
	case "für", "zur", "zum", "in", "im", "der", "die", "das", "des", "dem", "den", "von", "vom", "und", "mit", "am", "an", "auf", "über":
		return true
	}
	for _, e := range []string{"e", "en", "er", "es", "em"} {
		if strings.HasSuffix(t.lower, e) && !strings.HasSuffix(t.lower, "te") && !strings.HasSuffix(t.lower, "ten") {
			return true
		}
	}
	return false
}

// nameAfterArticle reports whether an article, or a programme noun, stands
// right before the quote that opens at byte open: "der „Digitalkompass
// 2100“", "des Programms „…“"; not "den Wettbewerb „Digitale Orte“", which
// names a thing of another kind.
func nameAfterArticle(s *sentence, open int) bool {
	j := s.tokenBefore(open - 1)
	if j < 0 || !onlyBetween(s.txt, s.toks[j].end, open) {
		return false
	}
	w := s.toks[j].lower
	return articles[w] || possessives[w] || programmeNoun(strings.TrimSuffix(w, "s"))
}

// possessives stand before a name as an article does: "unsere „…“".
var possessives = set("unser", "unsere", "unseren", "unserem", "unserer", "unseres", "ihre", "ihren", "ihrem", "ihrer", "ihres", "seine", "seinen", "seinem", "seiner", "seines")

// lawName reports whether the words of a name make it a law's or a
// treaty's: "„Digitalgesetz 2090“", "„Staatsvertrag IT-Verbund“".
func lawName(toks []token) bool {
	for _, t := range toks {
		for _, suf := range []string{"gesetz", "gesetzes", "verordnung", "vertrag", "vertrags", "abkommen", "vereinbarung", "satzung"} {
			if strings.HasSuffix(t.lower, suf) {
				return true
			}
		}
	}
	return false
}

// governmentBody reports whether a lower-case word (or the first part of a
// compound) names a government that adopts strategies: "kabinetts",
// "landesregierung", "ministerrats", "senats".
func governmentBody(w string) bool {
	for _, g := range []string{"kabinett", "ministerrat", "senat", "landesregierung", "staatsregierung", "regierung"} {
		if w == g || w == g+"s" || w == g+"es" {
			return true
		}
	}
	return false
}

// titleNouns introduce the title of a paper: "mit dem Titel „…“".
var titleNouns = set("titel", "namen", "motto", "überschrift")

// plannedWords mark an adoption still to come.
var plannedWords = set("soll", "sollen", "will", "wollen", "plant", "planen", "geplant", "geplante", "künftig", "demnächst")

// adoption reports whether the sentence says that something was adopted,
// and whether that is planned rather than done.
//
// An adoption word in a negated clause does not count: "Eine Digitalstrategie
// hat das Kabinett bislang nicht beschlossen", "noch keine … vorgelegt".
func (s *sentence) adoption() (done, planned bool) {
	if s.inForceSince() > 0 {
		done = true
	}
	for i, t := range s.toks {
		if plannedWords[t.lower] {
			planned = true
		}
		if s.adoptionAt(i) && !s.clauseNegated(i) {
			done = true
		}
		if p, ok := particleVerbs[t.lower]; ok && p == "vor" && !s.clauseNegated(i) {
			for _, u := range s.toks[i+1:] {
				if u.lower == "vor" {
					done = true
				}
			}
		}
	}
	return done, planned
}

// clauseNegated reports whether the clause of token i holds "nicht" (not
// "nicht nur"), "kein…", "nie" or "niemals".
func (s *sentence) clauseNegated(i int) bool {
	from, to := i, i+1
	for from > 0 && !isClauseSep(s.toks[from].sep) {
		from--
	}
	for to < len(s.toks) && !isClauseSep(s.toks[to].sep) {
		to++
	}
	for k := from; k < to; k++ {
		w := s.toks[k].lower
		if !negations[w] || w == "ohne" || w == "weder" {
			continue
		}
		if w == "nicht" && k+1 < len(s.toks) && (s.toks[k+1].lower == "nur" || s.toks[k+1].lower == "zuletzt") {
			continue
		}
		return true
	}
	return false
}

var (
	numDateRe = regexp.MustCompile(`^\d{1,2}\.\d{1,2}\.(` + german.YearPattern + `)$`)
	versionRe = regexp.MustCompile(`^\d+\.\d+$`)
	// datelineRe matches a dateline: an optional place and comma, a date,
	// and a dash; or a bracketed date ("[12.6.2026]").
	datelineRe = regexp.MustCompile(`^\s*(?:(?:[\p{L}][\p{L} ./-]{0,40},\s*)?(?:\d{1,2}\.\s*(?:\d{1,2}\.|\p{L}+)\s*\d{4}|\d{4}-\d{2}-\d{2})\s*[–—-]\s|\[\d{1,2}\.\d{1,2}\.\d{4}\]\s)`)
)

// relativeYear returns the year of an event the sentence dates relative to
// the publication date d: "gestern", "in ihrer gestrigen Sitzung",
// "vorgestern", "am Dienstag" (the last such day up to d), "vergangene
// Woche", "vor zwei Wochen", "drei Tage zuvor", "Ende April" (the last
// April up to d), "im vergangenen Jahr"; otherwise, or when d is not a full
// date, d's year.
func (s *sentence) relativeYear(d corpus.Date) int {
	if y, ok := s.relativeYearIn(d, 0, len(s.toks)); ok {
		return y
	}
	return d.Year()
}

// relativeYearIn is relativeYear over the tokens [from, to); ok is false
// when they date nothing relative to d or d is not a full date.
func (s *sentence) relativeYearIn(d corpus.Date, from, to int) (int, bool) {
	t, ok := d.Time()
	if !ok || len(d) != len("2006-01-02") {
		return 0, false
	}
	prevIs := func(i int, prefixes ...string) bool {
		if i <= from {
			return false
		}
		for _, p := range prefixes {
			if strings.HasPrefix(s.toks[i-1].lower, p) {
				return true
			}
		}
		return false
	}
	for i := from; i < to; i++ {
		w := s.toks[i].lower
		switch {
		case strings.HasPrefix(w, "vorgestern"):
			return t.AddDate(0, 0, -2).Year(), true
		case strings.HasPrefix(w, "gestern") || strings.HasPrefix(w, "gestrig"):
			return t.AddDate(0, 0, -1).Year(), true
		case (w == "woche" || w == "wochenende") && prevIs(i, "vergangen", "letzt", "vorig"):
			return t.AddDate(0, 0, -7).Year(), true
		case w == "monat" && prevIs(i, "vergangen", "letzt", "vorig"):
			return t.AddDate(0, -1, 0).Year(), true
		case (w == "jahr" || w == "jahres") && prevIs(i, "vergangen", "letzt", "vorig"), w == "vorjahr":
			return t.Year() - 1, true
		}
		if n, ok := countWords[w]; ok && i+1 < to {
			unit := s.toks[i+1].lower
			before := prevIs(i, "vor")
			after := i+2 < to && (s.toks[i+2].lower == "zuvor" || s.toks[i+2].lower == "vorher" || s.toks[i+2].lower == "davor" || s.toks[i+2].lower == "früher")
			if before || after {
				switch {
				case strings.HasPrefix(unit, "tag"):
					return t.AddDate(0, 0, -n).Year(), true
				case strings.HasPrefix(unit, "woche"):
					return t.AddDate(0, 0, -7*n).Year(), true
				case strings.HasPrefix(unit, "monat"):
					return t.AddDate(0, -n, 0).Year(), true
				}
			}
		}
		if m, ok := german.Month(w); ok && (i+1 >= to || !german.IsYear(s.toks[i+1].raw)) && prevIs(i, "ende", "anfang", "mitte", "im", "seit", "bereits") {
			if m > t.Month() {
				return t.Year() - 1, true
			}
			return t.Year(), true
		}
		if wd, ok := german.Weekday(w); ok && prevIs(i, "am", "vergangen", "letzt") {
			back := (int(t.Weekday()) - int(wd) + 7) % 7
			return t.AddDate(0, 0, -back).Year(), true
		}
	}
	return 0, false
}

// countWords are the numbers of "vor zwei Wochen", "drei Tage zuvor".
var countWords = map[string]int{"einem": 1, "einer": 1, "einen": 1, "ein": 1, "eine": 1, "zwei": 2, "drei": 3, "vier": 4,
	"fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12,
	"2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7, "8": 8, "9": 9, "10": 10}

// adoptedYear returns the year in which the sentence says something was
// adopted: a year stated in the clause of the adoption word, else a date
// that clause gives relative to the publication date d ("zwei Wochen
// zuvor beschlossen"), else the first year the sentence states. Years in
// skip (titles) do not count.
func (s *sentence) adoptedYear(skip [][2]int, d corpus.Date) int {
	if y := s.inForceSince(); y > 0 {
		return y
	}
	for i := range s.toks {
		if !s.adoptionAt(i) || s.clauseNegated(i) {
			continue
		}
		from, to := i, i+1
		for from > 0 && !isClauseSep(s.toks[from].sep) {
			from--
		}
		for to < len(s.toks) && !isClauseSep(s.toks[to].sep) {
			to++
		}
		var out [][2]int
		if from > 0 {
			out = append(out, [2]int{0, s.toks[from].start})
		}
		if to < len(s.toks) {
			out = append(out, [2]int{s.toks[to].start, len(s.txt)})
		}
		// "beschlossen und ersetzt die bisherige Strategie aus dem Jahr
		// 2036": a year after a predecessor word is the predecessor's
		for k := i + 1; k < to; k++ {
			if predecessorWords[s.toks[k].lower] {
				out = append(out, [2]int{s.toks[k].start, len(s.txt)})
				skip = append(skip, [2]int{s.toks[k].start, len(s.txt)})
				break
			}
		}
		if y := s.statedYear(append(out, skip...)); y != 0 && !afterDocument(y, d) {
			return y
		}
		if y, ok := s.relativeYearIn(d, from, to); ok {
			return y
		}
		break
	}
	if y := s.statedYear(skip); !afterDocument(y, d) {
		return y
	}
	return 0
}

// afterDocument reports whether year y comes after the year of the
// document's date d: no adoption the text reports as done ("hat die
// Digitalagenda TH 2080 beschlossen" in 2071) can be dated so.
func afterDocument(y int, d corpus.Date) bool {
	return d.Known() && y > d.Year()
}

// inForceSince returns the year of "die seit 2033 gültige …", "seit 2033
// geltende": a strategy in force since a year was adopted then; else 0.
func (s *sentence) inForceSince() int {
	for i := 0; i+2 < len(s.toks); i++ {
		if s.toks[i].lower != "seit" {
			continue
		}
		if y := s.inForceSinceDecision(i); y > 0 {
			return y
		}
		if !german.IsYear(s.toks[i+1].raw) {
			continue
		}
		if w := s.toks[i+2].lower; strings.HasPrefix(w, "gültig") || strings.HasPrefix(w, "geltend") {
			y, _ := strconv.Atoi(s.toks[i+1].raw)
			return y
		}
	}
	return 0
}

// inForceSinceDecision returns the year of "seit dem Kabinettsbeschluss im
// Juli 2115 gilt …" at token i ("seit"): a decision dated within five
// words, the clause's verb "gilt" or "gelten" right after the year, and no
// other year or "nicht" in the sentence. 0 when there is none.
func (s *sentence) inForceSinceDecision(i int) int {
	decision := false
	for j := i + 1; j < len(s.toks) && j <= i+6; j++ {
		w := s.toks[j].lower
		if strings.Contains(w, "beschluss") {
			decision = true
			continue
		}
		if !german.IsYear(s.toks[j].raw) {
			continue
		}
		if !decision || j+1 >= len(s.toks) {
			return 0
		}
		if v := s.toks[j+1].lower; v != "gilt" && v != "gelten" {
			return 0
		}
		// the only year and no negation: not "…, die 2109 verabschiedet
		// wurde", "gilt … nicht mehr"
		for k, t := range s.toks {
			if k != j && german.IsYear(t.raw) || t.lower == "nicht" {
				return 0
			}
		}
		y, _ := strconv.Atoi(s.toks[j].raw)
		return y
	}
	return 0
}

// imprintLink follow the participle that opens an imprint line.
var imprintLink = set("vom", "von", "durch", "am", "im")

// rangeWords open a target or range: "bis", "ab", "seit".
var rangeWords = set("bis", "ab", "seit")

// statedYear returns the first year the sentence states outside the spans
// in skip, leaving out years of a target or range ("bis 2030", "ab 2025",
// "seit 2019").
//
// The dateline that opens a press release ("Magdeburg, 1. Januar 2031 –")
// dates the publication, not what the sentence says.
func (s *sentence) statedYear(skip [][2]int) int {
	if m := datelineRe.FindStringIndex(s.txt); m != nil {
		skip = append(skip, [2]int{0, m[1]})
	}
	for i, t := range s.toks {
		inside := false
		for _, sp := range skip {
			if t.start >= sp[0] && t.end <= sp[1] {
				inside = true
			}
		}
		if inside {
			continue
		}
		var y string
		if german.IsYear(t.raw) {
			y = t.raw
		} else if m := numDateRe.FindStringSubmatch(t.raw); m != nil {
			y = m[1]
		} else {
			continue
		}
		if i > 0 && (s.toks[i-1].lower == "bis" || s.toks[i-1].lower == "ab" || s.toks[i-1].lower == "seit") {
			continue
		}
		if i > 1 && (s.toks[i-2].lower == "bis" || s.toks[i-2].lower == "ab" || s.toks[i-2].lower == "seit") && s.toks[i-1].lower != "am" {
			continue // "bis Ende 2024", "seit Herbst 2020"
		}
		if i > 2 && (s.toks[i-1].lower == "jahr" || s.toks[i-1].lower == "jahre") && rangeWords[s.toks[i-3].lower] {
			continue // "bis zum Jahr 2050", "ab dem Jahr 2030"
		}
		n, _ := strconv.Atoi(y)
		return n
	}
	return 0
}

// strategyCands finds named strategies in a sentence:
//   - a quoted title after a strategy word, or before "-Strategie", or a
//     quoted title holding one: die Strategie „Gemeinsam Digital: Berlin“,
//     „…“-Strategie, “Strategie für das digitale Nordrhein-Westfalen”;
//   - a brand after a strategy word: Digitalisierungsstrategie digital@bw;
//   - a strategy word with a number: Digitalprogramm 2025;
//   - Masterplan or Agenda with a noun: Masterplan Digitalisierung;
//   - a strategy word with a Land and a "für/zur" phrase: Thüringer Strategie
//     für die Digitale Gesellschaft, Strategie für das digitale
//     Nordrhein-Westfalen, Strategie Niedersachsens zur digitalen Transformation;
//   - a strategy word with adjectives and a Land name: Strategie Digitales Hessen.
//
// A strategy word alone ("die Digitalstrategie", "Digitalisierungsstrategien")
// is generic and yields nothing. "A (B)" with two titles is one strategy.
func (x *Extractor) strategyCands(s *sentence, docYear int) []stratCand {
	var out []stratCand
	used := func(off int) bool {
		for _, c := range out {
			if off >= c.start && off < c.end {
				return true
			}
		}
		return false
	}
	for _, q := range quotedSpans(s.txt) {
		inner := s.txt[q[0]:q[1]]
		if utf8.RuneCountInString(inner) < 2 || len(inner) > 120 || !isWordRune(firstRune(inner)) ||
			strings.ContainsAny(inner[len(inner)-1:], "?,") {
			continue
		}
		// A title may end in a full stop or exclamation mark ("„Land.Digital
		// – Nah. Sicher.“") only with a strategy word right before or after
		// the quote; otherwise the quote is speech.
		final := strings.ContainsAny(inner[len(inner)-1:], ".!")
		itoks := tokenize(inner)
		end := q[1]
		if len(itoks) > 10 {
			// a long subtitle after a dash: the title is what stands
			// before it ("„digital@bw 4.0 – Vernetzt von der Alb bis an
			// den See“")
			if k := strings.Index(inner, " – "); k > 0 {
				inner, end, final = strings.TrimSpace(inner[:k]), q[0]+k, false
				itoks = tokenize(inner)
			}
		}
		if len(itoks) == 0 || len(itoks) > 10 {
			continue
		}
		c := stratCand{title: strings.Join(strings.Fields(inner), " "), start: q[0], end: end}
		// „Statusbericht zur Zukunftsstrategie Digitales Brandenburg“: the
		// strategy is what the report is about
		if rest, off, ok := aboutReport(inner); ok {
			c.title, c.start, c.aboutReport = strings.TrimSpace(rest), q[0]+off, true
			final = strings.ContainsAny(rest[len(rest)-1:], ".!")
			itoks = tokenize(rest)
		}
		// a strategy word right before the opening quote; a programme's
		// only where the sentence says it was adopted ("Der Senat hat das
		// Programm „Stadtstaat digital“ beschlossen")
		if j := s.tokenBefore(q[0] - 1); j >= 0 && s.rightBeforeQuote(j, q[0]) {
			if isTrigger(s.toks[j].lower) {
				c.trigger = s.toks[j].lower
			} else if programmeNoun(s.toks[j].lower) {
				if done, planned := s.adoption(); done && !planned {
					c.trigger = s.toks[j].lower
				}
			}
		}
		// "die Hamburger Strategie für Künstliche Intelligenz in der
		// Verwaltung („KI.Hamburg 2099“)": the name in brackets after a
		// strategy's description in its clause (not its abbreviation:
		// "(„SäDiD 2085“)")
		if c.trigger == "" && !final && isUpperInitial(inner) && !abbrevShape(inner) && bracketed(s.txt, q) {
			c.trigger = s.triggerBefore(q[0], 8)
		}
		// "„…“-Strategie"
		if c.trigger == "" {
			rest := s.txt[q[1]:]
			if _, n := utf8.DecodeRuneInString(rest); n > 0 && strings.ContainsRune(closeQuotes, firstRune(rest)) {
				rest = rest[n:]
				if r := firstRune(rest); isHyphen(r) {
					if t := tokenize(rest); len(t) > 0 && isTrigger(t[0].lower) {
						c.trigger = t[0].lower
					}
				}
			}
		}
		// a quoted title holding a strategy word
		if c.trigger == "" && len(itoks) >= 2 && isUpperInitial(inner) && !final {
			for _, t := range itoks {
				// "„KI-Leitlinien Sachsen 2.0“": guidelines of a field
				// by a compound, not the "„Hamburger Leitlinien“" of a
				// conference
				if isTrigger(t.lower) || t.lower == "leitlinien" && strings.Contains(t.sep, "-") {
					c.trigger = t.lower
					break
				}
			}
			// "„Zukunftsprogramm Digitales Hessen 2030“": a programme
			// whose title names the digital
			if c.trigger == "" && strings.HasSuffix(itoks[0].lower, "programm") {
				for _, t := range itoks[1:] {
					if strings.HasPrefix(t.lower, "digital") {
						c.trigger = itoks[0].lower
						break
					}
				}
			}
		}
		// "das Papier mit dem Titel „sachsen digital 2030: …“ ist die
		// dritte Neuauflage der Digitalstrategie": a title named as such
		// in a sentence about a strategy
		if c.trigger == "" && !final && s.mentionsTrigger() {
			if j := s.tokenBefore(q[0] - 1); j >= 0 && titleNouns[s.toks[j].lower] && strings.Trim(s.txt[s.toks[j].end:q[0]], " \t\n"+openQuotes) == "" {
				c.trigger = s.toks[j].lower
				if k := strings.IndexAny(c.title, ":–"); k > 0 && len(tokenize(c.title[:k])) >= 2 {
					c.title = strings.TrimSpace(c.title[:k]) // the name before its subtitle
				}
			}
		}
		// "der „Digitalkompass 2100“, den der Ministerrat per Beschluss
		// vom 14.10.2094 fortgeschrieben hat": a name that a government
		// adopted in the relative clause right after it (not a law's)
		// "Unsere „Nordkurs Digital 2104“ haben wir im Juni im Kabinett
		// verabschiedet": a name a government adopted in its own clause
		if c.trigger == "" && !final && len(itoks) >= 2 && isUpperInitial(inner) && !lawName(itoks) &&
			(s.adoptedInRelative(q[1]) || namesDigital(itoks) && s.adoptedInClause(q)) && nameAfterArticle(s, q[0]) {
			c.trigger = "beschluss"
		}
		if c.trigger == "" {
			continue
		}
		c.land = x.titleLand(c.title)
		out = append(out, c)
	}
	for i, t := range s.toks {
		if strings.Contains(t.sep, "-") && !strings.Contains(t.sep, " ") && (t.lower == "strategie" || t.lower == "leitbild") && i > 0 && !used(s.toks[i-1].start) {
			if i+1 < len(s.toks) && used(s.toks[i+1].start) && strings.Trim(s.txt[t.end:s.toks[i+1].start], " \n"+openQuotes) == "" {
				continue // "die Cloud-Strategie „Wolke Weser 2090“": the quoted name is its title
			}
			if c, ok := x.topicStrategy(s, i); ok {
				out = append(out, c)
			}
			continue
		}
		if !isTrigger(t.lower) || !isUpperInitial(t.raw) || used(t.start) || strings.Contains(t.sep, "-") {
			continue
		}
		if c, ok := x.phraseCand(s, i, docYear); ok && !used(c.start) {
			out = append(out, c)
		}
	}
	// A name in apposition to a generic description replaces what was
	// found inside the description.
	for _, a := range x.appositionCands(s) {
		if used(a.start) {
			continue
		}
		var keep []stratCand
		for _, c := range out {
			if c.start < a.start || c.start >= a.end {
				keep = append(keep, c)
			}
		}
		out = append(keep, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return mergeParenthesised(s, out)
}

// adoptionLater reports whether an adoption word follows token k in its
// clause.
func (s *sentence) adoptionLater(k int) bool {
	for j := k + 1; j < len(s.toks) && !isClauseSep(s.toks[j].sep); j++ {
		if adoptionWords[s.toks[j].lower] {
			return true
		}
	}
	return false
}

// yearAfter reports whether w is a year later than the document's
// (docYear, 0 when unknown): no year a done adoption can have.
func yearAfter(w string, docYear int) bool {
	y, err := strconv.Atoi(w)
	return err == nil && docYear > 0 && y > docYear && german.IsYear(w)
}

// adoptionYearAt reports whether the number at token k, right before an
// adoption word, is the year of the adoption rather than the end of a
// title: "die Digitalstrategie Sachsen 2019 beschlossen". A year after the
// document's (docYear, 0 when unknown) cannot be when it was adopted: "hat
// in der vergangenen Woche die Digitalagenda MV 2110 beschlossen" names
// the agenda "… 2110".
func (s *sentence) adoptionYearAt(k, docYear int) bool {
	if k+1 >= len(s.toks) || !adoptionWords[s.toks[k+1].lower] {
		return false
	}
	return !yearAfter(s.toks[k].raw, docYear)
}

// topicStrategy reads a hyphenated strategy of a topic ending at token i,
// "KI-Strategie", "Open-Data-Strategie", "KI-Leitbild": a strategy of a Land only with a
// year of adoption in the same clause ("die 2019 beschlossene KI-Strategie"),
// which strategies checks (the candidate is marked dated).
func (x *Extractor) topicStrategy(s *sentence, i int) (stratCand, bool) {
	from := i - 1
	for from > 0 && strings.Contains(s.toks[from].sep, "-") && !strings.Contains(s.toks[from].sep, " ") {
		from--
	}
	first := s.toks[from]
	if !isUpperInitial(first.raw) || s.landStartsAt(first.start) || strings.HasPrefix(first.lower, "digital") {
		return stratCand{}, false // "Digital-Strategie" is the generic digital strategy
	}
	c := stratCand{title: s.txt[first.start:s.toks[i].end], start: first.start, end: s.toks[i].end, trigger: s.toks[i].lower, needsYear: true}
	// the Land's name and an abbreviation after it make the name the
	// Land's, as in phraseCand: "die Open-Source-Strategie Niedersachsen
	// (OSS-NI)" (not a Land's code: "Niedersachsen (NI)")
	if h, ok := s.landAt(i + 1); ok && s.toks[i+1].sep == " " && h.Kind == FormName && len(abbrevAfter(s.txt, h.End)) > 2 {
		c.end, c.title, c.needsYear, c.land = h.End, s.txt[first.start:h.End], false, h.Land
		return c, true
	}
	// a year right before, with an adoption participle: "die 2019
	// beschlossene KI-Strategie"
	if from >= 2 && adoptionWords[s.toks[from-1].lower] && german.IsYear(s.toks[from-2].raw) {
		c.year, _ = strconv.Atoi(s.toks[from-2].raw)
	}
	// or a year and then an adoption word after it in its clause: "hat
	// die Cloud-Strategie für die Landesverwaltung im März 2038
	// fortgeschrieben"
	y := 0
	for k := i + 1; c.year == 0 && k < len(s.toks) && !isClauseSep(s.toks[k].sep); k++ {
		if german.IsYear(s.toks[k].raw) {
			y, _ = strconv.Atoi(s.toks[k].raw)
		} else if y > 0 && s.adoptionAt(k) && !s.clauseNegated(k) {
			c.year = y
		}
	}
	return c, true
}

// phraseCand parses an unquoted strategy title around the strategy word at
// token i, in a document of docYear (0: unknown).
func (x *Extractor) phraseCand(s *sentence, i, docYear int) (stratCand, bool) {
	t := s.toks[i]
	c := stratCand{trigger: t.lower, start: t.start}
	// a Land adjective before the strategy word: "Thüringer Strategie"
	var attached corpus.LandCode
	for _, h := range s.lands {
		if !h.Compound && h.Kind == FormAdjective && h.End < t.start && onlyBetween(s.txt, h.End, t.start) && t.start-h.End <= 2 {
			attached = h.Land
			if isUpperInitial(h.Form) {
				c.start = h.Start
			}
		}
	}
	// a capitalised adjective of the name: "Digitale Agenda Sachsen-Anhalt
	// 2.0"
	if c.start == t.start && i > 0 && t.sep == " " && nameAdjective(s.toks[i-1].raw) {
		c.start = s.toks[i-1].start
	}
	j := i + 1
	if j >= len(s.toks) {
		return c, false
	}
	n := s.toks[j]
	switch {
	case n.sep == "@" || (n.sep == " " && j+1 < len(s.toks) && s.toks[j+1].sep == "@"):
		// a brand: "Digitalisierungsstrategie digital@bw"
		if n.sep == "@" {
			return c, false
		}
		k := j + 1
		for k+1 < len(s.toks) && (s.toks[k+1].sep == "@" || s.toks[k+1].sep == ".") && !strings.ContainsAny(s.toks[k+1].sep, " ") {
			k++
		}
		c.start, c.end = n.start, s.toks[k].end
	case n.sep == " " && j+1 < len(s.toks) && s.toks[j+1].sep == "." && isUpperInitial(s.toks[j+1].raw) &&
		(isUpperInitial(n.raw) || isAllUpper(s.toks[j+1].raw)):
		// a dotted brand, with its number: "Strategie Land.Digital 3.0",
		// "Digitalisierungsstrategie digital.LÄND"
		k := j + 1
		if k+1 < len(s.toks) && s.toks[k+1].sep == " " && (german.IsYear(s.toks[k+1].raw) || versionRe.MatchString(s.toks[k+1].raw)) {
			k++
		}
		c.start, c.end = n.start, s.toks[k].end
	case n.sep == " " && s.landStartsAt(n.start):
		// "Digitalagenda Musterland 2040", "Cybersicherheitsstrategie
		// Baden-Württemberg 2035": the Land by its name and a number
		h, ok := s.landAt(j)
		if !ok || h.Kind == FormAdjective || strings.HasSuffix(t.lower, "strategie") && h.Kind != FormName {
			return c, false
		}
		k := s.tokenFrom(h.End)
		if k >= len(s.toks) || s.toks[k].sep != " " || !(german.IsYear(s.toks[k].raw) || versionRe.MatchString(s.toks[k].raw)) {
			// without a number, the name is the Land's where the text
			// gives it an abbreviation: "die im April 2092 beschlossene
			// Cloudstrategie Baden-Württemberg (CSBW)"
			if abbrevAfter(s.txt, h.End) == "" || h.Kind != FormName || t.lower == "strategie" {
				return c, false
			}
			c.end = h.End
			break
		}
		if s.adoptionYearAt(k, docYear) {
			return c, false
		}
		c.end = s.toks[k].end
	case n.sep == " " && (german.IsYear(n.raw) || versionRe.MatchString(n.raw)) && t.lower != "strategie":
		// "Digitalprogramm 2025": the number is part of the title
		if s.adoptionYearAt(j, docYear) {
			return c, false
		}
		c.end = n.end
	case n.sep == " " && strings.HasSuffix(t.lower, "strategie") && isUpperInitial(n.raw) && s.isAdjectiveWord(j) &&
		j+1 < len(s.toks) && s.toks[j+1].sep == " " && isUpperInitial(s.toks[j+1].raw) &&
		!s.landStartsAt(n.start) && !s.landStartsAt(s.toks[j+1].start) &&
		!(j+2 < len(s.toks) && s.toks[j+2].sep == " " && s.landStartsAt(s.toks[j+2].start)):
		// "Landesstrategie Offene Software": a capitalised adjective and
		// a noun after the strategy word are its name (with a Land after
		// them, the Land's phrase below reads it)
		c.end = s.toks[j+1].end
	case n.sep == " " && (strings.HasPrefix(t.lower, "masterplan") || strings.HasSuffix(t.lower, "agenda")) &&
		isUpperInitial(n.raw) && !articles[n.lower] && !s.landStartsAt(n.start):
		// "Masterplan Digitalisierung", "Masterplan Digitale Bildung"
		c.end = n.end
		last := j
		if j+1 < len(s.toks) && s.toks[j+1].sep == " " && isUpperInitial(s.toks[j+1].raw) && s.isAdjectiveWord(j) &&
			!s.landStartsAt(s.toks[j+1].start) {
			c.end = s.toks[j+1].end
			last = j + 1
		}
		// "Masterplan Digitale Verwaltung Niedersachsen": the Land's name
		// ends the title (not the first of a list: "Masterplan
		// Digitalisierung Sachsen und Thüringen")
		if last+1 < len(s.toks) && s.toks[last+1].sep == " " {
			if h, ok := s.landAt(last + 1); ok && h.Kind == FormName && !listGoesOn(s, h.End) {
				c.end = h.End
			}
		}
		// "Digitalagenda TH 2080": a number ends the name, unless it may
		// be the year of an adoption later in its clause ("den Masterplan
		// Digitalisierung 2019 erstmals beschlossen")
		if k := s.tokenFrom(c.end); k < len(s.toks) && s.toks[k].sep == " " &&
			(german.IsYear(s.toks[k].raw) || versionRe.MatchString(s.toks[k].raw)) && !s.adoptionYearAt(k, docYear) &&
			(!s.adoptionLater(k) || yearAfter(s.toks[k].raw, docYear)) {
			c.end = s.toks[k].end
		}
	default:
		end, land, ok := x.landPhrase(s, j)
		if !ok {
			return c, false
		}
		if land == "" && attached == "" {
			return c, false // "Strategie zur Digitalisierung der Verwaltung" is generic
		}
		c.end = end
		if land == "" {
			land = attached
		}
		if strings.HasPrefix(s.txt[n.start:end], "Digital") && c.start == t.start && land != "" && !isPrep(n.lower) {
			// "Strategie Digitales Hessen": the name follows the word
			c.start = n.start
		}
	}
	c.title = strings.TrimSpace(s.txt[c.start:c.end])
	if c.start == t.start {
		c.title = baseTitle(c.title)
	}
	c.land = x.titleLand(c.title)
	if c.land == "" {
		c.land = attached
	}
	return c, true
}

func isPrep(w string) bool { return w == "für" || w == "zur" || w == "zum" }

// landPhrase parses what follows a strategy word: an optional Land genitive,
// then "für/zur/zum" + article + adjectives + a noun or Land name; or
// capitalised adjectives + a Land name ("Digitales Hessen"). It returns the
// end of the phrase and the Land it names.
func (x *Extractor) landPhrase(s *sentence, j int) (int, corpus.LandCode, bool) {
	var land corpus.LandCode
	if h, ok := s.landAt(j); ok && h.Kind == FormGenitive {
		land = h.Land
		j = s.tokenBefore(h.End) + 1
		if j >= len(s.toks) || !isPrep(s.toks[j].lower) {
			// "Digitalisierungsstrategie Baden-Württembergs" alone only
			// describes: it is the Land's strategy, not its name
			return 0, "", false
		}
	}
	if j >= len(s.toks) || s.toks[j].sep != " " {
		return 0, "", false
	}
	prep := isPrep(s.toks[j].lower)
	if prep {
		j++
		if j < len(s.toks) && articles[s.toks[j].lower] {
			j++
		}
	}
	adj := 0
	for k := j; k < len(s.toks) && k < j+5; k++ {
		t := s.toks[k]
		if t.sep != " " {
			return 0, "", false
		}
		if h, ok := s.landAt(k); ok && (h.Kind == FormName) {
			if adj == 0 {
				return 0, "", false // "für die Freie Hansestadt Bremen": a Land, not a name
			}
			return h.End, h.Land, true
		}
		isAdj := false
		for _, e := range adjEndings {
			if strings.HasSuffix(t.lower, e) && len(t.lower) > 4 {
				isAdj = true
			}
		}
		if !isUpperInitial(t.raw) {
			if !isAdj || !prep {
				return 0, "", false
			}
			adj++
			continue
		}
		if isAdj && k+1 < len(s.toks) && isUpperInitial(s.toks[k+1].raw) && s.toks[k+1].sep == " " {
			adj++ // "Digitale Gesellschaft"
			continue
		}
		if !prep {
			return 0, "", false
		}
		return t.end, land, true
	}
	return 0, "", false
}

// landAt returns the non-compound Land hit starting at token k.
func (s *sentence) landAt(k int) (landHit, bool) {
	if k < 0 || k >= len(s.toks) {
		return landHit{}, false
	}
	for _, h := range s.landsStartingAt(s.toks[k].start) {
		if !h.Compound {
			return h, true
		}
	}
	return landHit{}, false
}

// titleLand returns the Land a strategy title names: a Land form in it, or
// a Land code after "@" ("digital@bw").
func (x *Extractor) titleLand(title string) corpus.LandCode {
	lands := map[corpus.LandCode]bool{}
	var first corpus.LandCode
	for _, h := range x.lm.FindAll(title) {
		if !lands[h.Land] && first == "" {
			first = h.Land
		}
		lands[h.Land] = true
	}
	if len(lands) == 1 {
		return first
	}
	if len(lands) > 1 {
		return ""
	}
	for _, t := range tokenize(title) {
		if t.sep == "@" && len(t.raw) == 2 {
			if l, ok := x.reg.Get(corpus.LandCode(t.raw)); ok {
				return l.Code
			}
		}
	}
	return ""
}

// mergeParenthesised joins "A (B)" where B is another title of A, keeping
// the shorter title.
func mergeParenthesised(s *sentence, cs []stratCand) []stratCand {
	var out []stratCand
	for i := 0; i < len(cs); i++ {
		c := cs[i]
		if i+1 < len(cs) {
			d := cs[i+1]
			gap := strings.TrimFunc(s.txt[min(c.end, len(s.txt)):max(min(c.end, len(s.txt)), d.start)], func(r rune) bool {
				return r == ' ' || strings.ContainsRune(openQuotes+closeQuotes, r)
			})
			// "A (B)" and the apposition "A, die B,"
			if first, rest, ok := strings.Cut(gap, " "); ok && first == "," && articles[strings.ToLower(rest)] {
				gap = "("
			}
			// "A in der Verwaltung (B)": a few words of the description
			// the title left out
			if head, ok := strings.CutSuffix(gap, "("); ok && len(strings.Fields(head)) <= 4 && !strings.ContainsAny(head, ",;:()–") {
				gap = "("
			}
			if gap == "(" {
				if len(d.title) < len(c.title) {
					c.title, c.start, c.end = d.title, d.start, d.end
				}
				if c.land == "" {
					c.land = d.land
				}
				i++
			}
		}
		out = append(out, c)
	}
	return out
}

// quotedSpans returns the byte spans of the texts inside quotation marks.
func quotedSpans(s string) [][2]int {
	var out [][2]int
	open := rune(0)
	start := 0
	for i, r := range s {
		if open == 0 {
			switch r {
			case '„', '“', '"', '»', '«', '‚':
				open, start = r, i+utf8.RuneLen(r)
			}
			continue
		}
		if r == open && (r == '„' || r == '‚') {
			// a quote inside a quote ("„1. Der Landtag begrüßt, dass …
			// die Strategie „KI-Land Nord“ beschlossen hat.“"): the inner
			// one is the name
			start = i + utf8.RuneLen(r)
			continue
		}
		if closes(open, r) {
			out = append(out, [2]int{start, i})
			open = 0
		}
	}
	return out
}

func closes(open, r rune) bool {
	switch open {
	case '„':
		return r == '“' || r == '”' || r == '"'
	case '“':
		return r == '”' || r == '“'
	case '"':
		return r == '"' || r == '”' || r == '“'
	case '»':
		return r == '«'
	case '«':
		return r == '»'
	case '‚':
		return r == '‘' || r == '’'
	}
	return false
}

// strategies returns the named strategies of the document: those named in
// sentences and, for a strategy document or a document whose title names a
// strategy, the one in the title.
func (x *Extractor) strategies(doc *corpus.Document, ss []sentence, dom corpus.LandCode) []stratFound {
	var fs []found
	for si := range ss {
		s := &ss[si]
		if s.question {
			continue
		}
		cs := x.strategyCands(s, doc.Date.Year())
		if len(cs) == 0 {
			// a quoted name adopted in a sentence about a strategy
			context := s.mentionsTrigger() || (si > 0 && sameParagraph(doc.Text, ss[si-1], *s) && ss[si-1].mentionsTrigger())
			asked := !context && askedAbout(doc.Text, ss, si)
			cs = x.quotedObjects(s, context || asked)
			if asked {
				// an interview's answer: only a name a Land's government
				// (or "wir", the official's) adopted, not a law, a saying,
				// a book or the Bund's
				cs = slices.DeleteFunc(cs, func(c stratCand) bool {
					itoks := tokenize(c.title)
					return !s.governmentAdopts(0, len(s.toks), [2]int{c.start, c.end}) && !s.weAdopt() || lawName(itoks) || pronouns[itoks[0].lower] ||
						s.describedOtherwise(c.end)
				})
			}
			for i := range cs {
				if cs[i].land == "" && x.sentenceLand(s, cs, "") == "" && si > 0 && sameParagraph(doc.Text, ss[si-1], *s) {
					cs[i].land = x.sentenceLand(&ss[si-1], nil, "")
				}
			}
		}
		if len(cs) == 0 {
			continue
		}
		done, planned := s.adoption()
		var skip [][2]int
		for _, c := range cs {
			skip = append(skip, [2]int{c.start, c.end})
			if from, to, ok := abbrevSpan(s.txt, c.end); ok {
				// "„Sachsen digital 2075“ (SD 2075) am 11. November 2064
				// beschlossen": the title's year in its abbreviation too
				skip = append(skip, [2]int{from, to})
			}
		}
		year := 0
		if done {
			year = s.adoptedYear(skip, doc.Date)
			if year == 0 && !planned {
				year = s.relativeYear(doc.Date)
			}
		}
		for _, c := range cs {
			if c.land == "" {
				c.land = x.sentenceLand(s, cs, dom)
			}
			if rest, _, ok := aboutReport(c.title); ok && !c.aboutReport {
				c.title, c.aboutReport = strings.TrimSpace(rest), true
			}
			y := year
			if c.aboutReport {
				y = 0
			}
			if c.needsYear {
				if c.year == 0 || c.land == "" {
					continue
				}
				y = c.year
			}
			pred := s.predecessorAt(c.start)
			if pred {
				// "Er löst den Digitalplan 2050 ab, den der Ministerrat im
				// Juli 2049 verabschiedet hatte": only the relative clause
				// right after it dates a predecessor
				y = s.relativeAdoptionYear(c.end)
			}
			fs = append(fs, found{c: c, sent: si, year: y, from: -1, predecessor: pred, abbrev: abbrevAfter(s.txt, c.end)})
		}
	}
	// The document title.
	if tc, year, ok := x.titleStrategy(doc, ss); ok {
		if tc.land == "" {
			tc.land = dom
		}
		if rest, _, ok := aboutReport(tc.title); ok {
			tc.title, year = strings.TrimSpace(rest), 0 // "Weiterer Strategieprozess zur …"
		}
		if !describesNamed(ss, fs, tc) {
			fs = append(fs, found{c: tc, sent: -1, year: year, from: -1})
		}
	}
	x.backReferences(doc, ss, fs)
	if len(fs) == 0 {
		return nil
	}
	// Adoption statements that refer to the strategy by a generic word ("das
	// Digitalprogramm … am 5. Juli 2022 verabschiedet") date it when the
	// document names one strategy only.
	distinct := map[string]bool{}
	for _, f := range fs {
		if !f.predecessor {
			distinct[string(f.c.land)+"|"+foldTitle(f.c.title)] = true
		}
	}
	single := len(distinct) == 1 || sameStrategy(fs[0].c, fs)
	docYear, docSent := 0, -1
	later := laterEdition(fs)
	predecessorIn := map[int]bool{} // sentences that name a strategy another replaces
	for _, f := range fs {
		if f.predecessor {
			predecessorIn[f.sent] = true
		}
	}
	for si := range ss {
		s := &ss[si]
		done, planned := s.adoption()
		if !done || planned || s.question || predecessorIn[si] {
			// "Es ersetzt die Strategie „X“, die 2068 beschlossen worden
			// war": the year of the one replaced
			continue
		}
		refers := doc.Kind == corpus.KindStrategy && s.refersBack()
		if si < 6 && len(s.toks) > 1 && adoptionWords[s.toks[0].lower] && isUpperInitial(s.toks[0].raw) && imprintLink[s.toks[1].lower] {
			// an imprint line of the document ("Beschlossen vom Ministerrat
			// am …", "Verabschiedet am …"), not "Beschlossen hat es …"
			refers = true
		}
		for _, t := range s.toks {
			if isTrigger(t.lower) || strings.HasSuffix(t.lower, "programm") || strings.HasSuffix(t.lower, "papier") {
				refers = true
			}
		}
		for _, f := range fs {
			if strings.Contains(s.txt, f.c.title) {
				refers = true
			}
		}
		if !refers {
			continue
		}
		if later && s.firstEdition() {
			// "Rheinland-Pfalz hat seine erste Digitalstrategie im Jahr
			// 2101 vorgelegt" in the third edition: the first edition
			// dates no later one
			continue
		}
		if y := s.adoptedYear(titleSpans(s, fs), doc.Date); y != 0 {
			docYear, docSent = y, si
			break
		}
		if docYear == 0 && doc.Date.Year() != 0 {
			docYear, docSent = s.relativeYear(doc.Date), si
		}
	}
	// a name with its subtitle after a dash ("„Hessen.Souverän – Digitale
	// Handlungsfähigkeit für Land und Kommunen“") is the strategy the
	// document also names by the name alone
	for i := range fs {
		name, _, ok := strings.Cut(fs[i].c.title, " – ")
		if !ok {
			continue
		}
		for _, o := range fs {
			if o.c.land == fs[i].c.land && o.c.title == name {
				fs[i].c.title = name
				break
			}
		}
	}
	var out []stratFound
	index := map[corpus.StrategyID]int{}
	own := map[corpus.StrategyID]bool{} // the year was stated with the strategy, not guessed for the document
	for _, f := range fs {
		year, sent := f.year, f.sent
		stated := year != 0
		if year == 0 && single && docYear != 0 && !f.predecessor {
			year, sent, f.from = docYear, docSent, -1
		}
		if year == 0 && f.sent == -1 && doc.Kind == corpus.KindStrategy {
			year = doc.Date.Year()
		}
		var ev corpus.Evidence
		switch {
		case sent >= 0 && f.from >= 0 && f.from < sent:
			ev = corpus.EvidenceAt(doc, ss[f.from].span.Start, ss[sent].span.End)
		case sent >= 0:
			ev = ss[sent].evidence(doc)
		default:
			ev = titleEvidence(doc, ss, f.c.title)
		}
		st := corpus.Strategy{ID: StrategyID(f.c.land, f.c.title), Land: f.c.land, Title: f.c.title, Year: year, Evidence: ev}
		if k, ok := index[st.ID]; ok {
			// a year stated with the strategy beats one guessed for the
			// document ("Die erste … Digitalstrategie wurde 2087
			// vorgelegt" dates no later edition); else the earliest
			if year != 0 && (out[k].Year == 0 || stated && !own[st.ID] || year < out[k].Year && stated == own[st.ID]) {
				out[k].Year, out[k].Evidence = year, ev
				own[st.ID] = stated
			}
			out[k].abbrev = cmp.Or(out[k].abbrev, f.abbrev)
			continue
		}
		own[st.ID] = stated
		index[st.ID] = len(out)
		out = append(out, stratFound{Strategy: st, topics: x.strategyTopics(f.c), abbrev: f.abbrev})
	}
	out = mergeVariants(out)
	for i := range out {
		// "Thüringer Strategie für digitale Verwaltung (ThüDiV 2080)": the
		// short name the document goes on to use is part of the title
		// (the identifier stays the long title's)
		if a := out[i].abbrev; a != "" && !strings.Contains(out[i].Title, a) {
			out[i].Title += " (" + a + ")"
		}
	}
	return out
}

// askedAbout reports whether sentence si answers an interview's question
// about a strategy: it is among the first three of its paragraph, and the
// paragraph before ends in a question and names a strategy ("Frage: Hamburg
// hat eine neue Digitalstrategie. Was ist daran neu?" — "Vor allem, dass
// sie verbindlich ist. „Hamburg vernetzt 2115“ hat der Senat im Oktober
// beschlossen").
func askedAbout(doc string, ss []sentence, si int) bool {
	k := si
	for k > 0 && sameParagraph(doc, ss[k-1], ss[k]) {
		k--
	}
	if si-k >= 3 || k == 0 || !ss[k-1].question {
		return false
	}
	for j := k - 1; j >= 0; j-- {
		if ss[j].mentionsTrigger() {
			return true
		}
		if j == 0 || !sameParagraph(doc, ss[j-1], ss[j]) {
			return false
		}
	}
	return false
}

// weAdopt reports whether "wir" is the sentence's subject as such, the
// speaking official's government: not "Wir als Fraktion", "Wir im
// Landkreis".
func (s *sentence) weAdopt() bool {
	for i, t := range s.toks {
		if t.lower != "wir" {
			continue
		}
		if i+1 < len(s.toks) && s.toks[i+1].lower == "als" {
			return false
		}
		if i+2 < len(s.toks) && (s.toks[i+1].lower == "im" || s.toks[i+1].lower == "in") && isUpperInitial(s.toks[i+2].raw) {
			_, month := german.Month(s.toks[i+2].raw)
			return month // "haben wir im Mai …", not "Wir im Landkreis"
		}
		return true
	}
	return false
}

// describedOtherwise reports whether the clause after a quoted name ending at
// byte end says, in an apposition, that it is something else than a
// strategy: "… beschlossen, ein Förderprogramm für Kommunen".
func (s *sentence) describedOtherwise(end int) bool {
	for j := s.tokenFrom(end); j+1 < len(s.toks); j++ {
		if strings.Contains(s.toks[j].sep, ",") && (s.toks[j].lower == "ein" || s.toks[j].lower == "eine") {
			return !isTrigger(s.toks[j+1].lower) && !(j+2 < len(s.toks) && isTrigger(s.toks[j+2].lower))
		}
	}
	return false
}

// pronouns open a quoted saying rather than a name: "„Wir bleiben dran“".
var pronouns = set("wir", "ich", "es", "er", "sie", "du", "ihr", "das", "man")

// laterEdition reports whether the document's strategy is a later edition
// of one: a title with a version after the first ("Digitalstrategie
// Rheinland-Pfalz 3.0").
func laterEdition(fs []found) bool {
	for _, f := range fs {
		for _, v := range strings.Fields(f.c.title) {
			if versionRe.MatchString(v) && !strings.HasPrefix(v, "1.") && !strings.HasPrefix(v, "0.") {
				return true
			}
		}
	}
	return false
}

// firstEdition reports whether the sentence speaks of the first edition of
// a strategy: an ordinal "erste" right before a strategy noun ("seine erste
// Digitalstrategie", "die erste Fassung der Strategie").
func (s *sentence) firstEdition() bool {
	for _, t := range s.toks {
		if strings.HasPrefix(t.lower, "fortgeschrieb") || strings.HasPrefix(t.lower, "fortschreib") {
			return false // "Nach der ersten … hat die Staatsregierung die fortgeschriebene Strategie beschlossen"
		}
	}
	for i := 1; i < len(s.toks); i++ {
		t := s.toks[i]
		if !isTrigger(t.lower) && t.lower != "fassung" && t.lower != "ausgabe" {
			continue
		}
		for j := i - 1; j >= 0 && j >= i-2; j-- {
			switch s.toks[j].lower {
			case "erste", "ersten", "erstes", "erster":
				return true
			}
		}
	}
	return false
}

// describesNamed reports whether the document's title names by a generic
// word what a sentence names by its quoted name: "Open-Source-Strategie
// fortschreiben" and "die Open-Source-Strategie „Offen.Souverän.SH 2.0“"
// are one strategy, the named one.
func describesNamed(ss []sentence, fs []found, tc stratCand) bool {
	for _, f := range fs {
		if f.sent < 0 || f.c.land != tc.land && tc.land != "" {
			continue
		}
		s := &ss[f.sent]
		j := s.tokenBefore(f.c.start - 1)
		if j < 0 || !s.rightBeforeQuote(j, f.c.start) {
			continue
		}
		k := j
		for k > 0 && strings.Contains(s.toks[k].sep, "-") && !strings.ContainsAny(s.toks[k].sep, " \n") {
			k--
		}
		if foldTitle(s.txt[s.toks[k].start:s.toks[j].end]) == foldTitle(tc.title) {
			return true
		}
	}
	return false
}

// mergeVariants joins strategies of one Land whose titles differ only by
// small words, case and numbers: "Zukunftsplan für digitales Hamburg" and
// „Zukunftsplan Digitales Hamburg 2050“ are one strategy. The title with a
// number, else the longer one, names it; its year wins unless it has none.
func mergeVariants(in []stratFound) []stratFound {
	var out []stratFound
	keys := map[string]int{}
	for _, st := range in {
		k := string(st.Land) + "|" + variantKey(st.Title)
		j, ok := keys[k]
		if !ok || st.Land == "" {
			keys[k] = len(out)
			out = append(out, st)
			continue
		}
		a := &out[j]
		if betterTitle(st.Title, a.Title) {
			year, ev := a.Year, a.Evidence
			topics, abbrev := a.topics, a.abbrev
			*a = st
			if a.Year == 0 {
				a.Year, a.Evidence = year, ev
			}
			a.topics = unionTopics(a.topics, topics)
			a.abbrev = cmp.Or(a.abbrev, abbrev)
			continue
		}
		if a.Year == 0 {
			a.Year, a.Evidence = st.Year, st.Evidence
		}
		a.topics = unionTopics(a.topics, st.topics)
		a.abbrev = cmp.Or(a.abbrev, st.abbrev)
	}
	return out
}

// variantKey folds a title to its content words without numbers.
func variantKey(title string) string {
	var ws []string
	for _, t := range tokenize(title) {
		switch t.lower {
		case "für", "zur", "zum", "das", "die", "der", "den", "des", "dem", "und", "in", "im":
			continue
		}
		if strings.IndexFunc(t.lower, func(r rune) bool { return r < '0' || r > '9' }) < 0 {
			continue
		}
		ws = append(ws, corpus.Fold(adjectiveStem(t.lower)))
	}
	return strings.Join(ws, " ")
}

// adjectiveStem drops the inflection of an adjective, so that "Mit der
// Digitalen Agenda Hessen 2110" and "Digitale Agenda Hessen 2110" name one
// strategy: "digitalen" → "digital", "hessische" → "hessisch".
func adjectiveStem(l string) string {
	for _, end := range []string{"en", "em", "er", "es", "e"} {
		stem, ok := strings.CutSuffix(l, end)
		if !ok {
			continue
		}
		for _, adj := range []string{"al", "isch", "ig", "lich"} {
			if strings.HasSuffix(stem, adj) && len(stem) > len(adj)+2 {
				return stem
			}
		}
		return l
	}
	return l
}

// declined reports whether title a opens with an adjective in the form
// after "der" or "den" ("Digitalen Agenda …") where b opens with another
// form of it ("Digitale Agenda …"): b is the name as it is written.
func declined(a, b string) bool {
	fa, _, _ := strings.Cut(a, " ")
	fb, _, _ := strings.Cut(b, " ")
	la, lb := strings.ToLower(fa), strings.ToLower(fb)
	return la != lb && strings.HasSuffix(la, "en") && !strings.HasSuffix(lb, "en") && adjectiveStem(la) != la && adjectiveStem(la) == adjectiveStem(lb)
}

// betterTitle reports whether title a names a strategy more fully than b.
func betterTitle(a, b string) bool {
	if declined(a, b) || declined(b, a) {
		return declined(b, a)
	}
	da, db := strings.ContainsAny(a, "0123456789"), strings.ContainsAny(b, "0123456789")
	if da != db {
		return da
	}
	return len([]rune(a)) > len([]rune(b))
}

func unionTopics(a, b []corpus.TopicID) []corpus.TopicID {
	for _, t := range b {
		if !slices.Contains(a, t) {
			a = append(a, t)
		}
	}
	return a
}

// backReferences dates strategies named without a year from a later
// sentence of the same paragraph that states an adoption with a year and
// refers back by a pronoun or generic noun: "Das Digitalprogramm 2025 ist
// der Fahrplan … Beschlossen hat es das Kabinett am 5.7.2022".
func (x *Extractor) backReferences(doc *corpus.Document, ss []sentence, fs []found) {
	named := map[int]bool{}
	for _, f := range fs {
		// a predecessor's sentence speaks of the one before, unless it
		// dates the predecessor itself ("…, den der Ministerrat im Juli
		// 2049 verabschiedet hatte")
		if !f.predecessor || f.year != 0 {
			named[f.sent] = true
		}
	}
	for si := range ss {
		s := &ss[si]
		abbr := abbrevRefs(s, fs)
		if s.question || len(abbr) == 0 && (named[si] || !s.refersBack()) {
			continue
		}
		done, planned := s.adoption()
		if !done || planned {
			continue
		}
		year := s.adoptedYear(append(titleSpans(s, fs), abbrevSpans(s, fs)...), doc.Date)
		if year == 0 {
			continue
		}
		if len(abbr) > 0 {
			// "Die SDG 2060 ist am 9. Oktober 2049 … beschlossen worden":
			// the strategy the document abbreviated so
			for _, i := range abbr {
				fs[i].year, fs[i].from, fs[i].sent = year, fs[i].sent, si
			}
			continue
		}
		dated := false
		for sj := si - 1; sj >= 0 && sj >= si-2; sj-- {
			if !sameParagraph(doc.Text, ss[sj], ss[sj+1]) {
				break
			}
			if !named[sj] {
				continue
			}
			for i := range fs {
				if fs[i].sent == sj && fs[i].year == 0 && !fs[i].predecessor {
					fs[i].year, fs[i].from, fs[i].sent = year, sj, si
					dated = true
				}
			}
			break
		}
		if dated {
			continue
		}
		// "Die Landesregierung hat den Digitalplan am 12. Mai 2050
		// beschlossen": the one yearless strategy whose title opens with
		// that noun, wherever the document named it
		if at, ok := headNounReference(s, fs); ok {
			for _, i := range at {
				fs[i].year, fs[i].from, fs[i].sent = year, -1, si
			}
		}
	}
}

// abbrevRefs returns the indexes in fs of the yearless strategies (no
// predecessors) whose abbreviation s names as a word.
func abbrevRefs(s *sentence, fs []found) []int {
	var out []int
	for i, f := range fs {
		if f.abbrev == "" || f.year != 0 || f.predecessor {
			continue
		}
		for _, sp := range wordSpans(s.txt, f.abbrev) {
			if sp[0] > 0 && s.txt[sp[0]-1] == '(' {
				continue // where it is given: "(SDG 2060)"
			}
			out = append(out, i)
			break
		}
	}
	return out
}

// abbrevSpans returns the spans of s where it names a strategy's
// abbreviation: the number in "SDG 2060" is no year of adoption.
func abbrevSpans(s *sentence, fs []found) [][2]int {
	var out [][2]int
	for _, f := range fs {
		if f.abbrev != "" {
			out = append(out, wordSpans(s.txt, f.abbrev)...)
		}
	}
	return out
}

// wordSpans returns the spans where w occurs in txt as whole words.
func wordSpans(txt, w string) [][2]int {
	var out [][2]int
	for off := 0; off < len(txt); {
		i := strings.Index(txt[off:], w)
		if i < 0 {
			break
		}
		a, b := off+i, off+i+len(w)
		if (a == 0 || !isWordByte(txt[a-1])) && (b == len(txt) || !isWordByte(txt[b])) {
			out = append(out, [2]int{a, b})
		}
		off = b
	}
	return out
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// headNounReference returns the indexes in fs of the one strategy without
// a year (no predecessor) whose title opens with the specific strategy noun
// s names after a definite article ("den Digitalplan" → „Digitalplan
// Hessen 2060“); a generic noun ("die Strategie") refers to the strategy
// named just before.
func headNounReference(s *sentence, fs []found) ([]int, bool) {
	for k, t := range s.toks {
		adj := s.shortTitleAt(k)
		if k == 0 || !definite[s.toks[k-1].lower] && !adj || !isTrigger(t.lower) || backRefs[t.lower] || t.lower == "strategie" {
			continue
		}
		var at []int
		title := ""
		for i, f := range fs {
			first, rest, _ := strings.Cut(baseTitle(f.c.title), " ")
			if adj {
				// "die Digitale Agenda" of "Digitale Agenda Hessen 2110"
				var second string
				second, _, _ = strings.Cut(rest, " ")
				if adjectiveStem(strings.ToLower(first)) != adjectiveStem(s.toks[k-1].lower) {
					continue
				}
				first = second
			}
			if f.year != 0 || f.predecessor || !strings.EqualFold(first, t.raw) {
				continue
			}
			if title != "" && variantKey(f.c.title) != title {
				return nil, false // two strategies of that noun
			}
			title = variantKey(f.c.title) // "Digitalen Agenda …" is "Digitale Agenda …"
			at = append(at, i)
		}
		if len(at) > 0 {
			return at, true
		}
	}
	return nil, false
}

// titleSpans returns the spans of s where it names one of the strategies
// found: a number in a title ("Digitalagenda 2035") is never the year the
// strategy was adopted.
func titleSpans(s *sentence, fs []found) [][2]int {
	var out [][2]int
	for _, f := range fs {
		if f.c.title == "" {
			continue
		}
		for off := 0; off < len(s.txt); {
			i := strings.Index(s.txt[off:], f.c.title)
			if i < 0 {
				break
			}
			out = append(out, [2]int{off + i, off + i + len(f.c.title)})
			off += i + len(f.c.title)
		}
	}
	return out
}

// sameStrategy reports whether every candidate's title contains or is
// contained in c's (the same strategy named more or less fully).
func sameStrategy(c stratCand, fs []found) bool {
	a := foldTitle(c.title)
	for _, f := range fs {
		b := foldTitle(f.c.title)
		if !strings.Contains(a, b) && !strings.Contains(b, a) {
			return false
		}
	}
	return true
}

func foldTitle(t string) string { return corpus.Fold(t) }

// sentenceLand resolves the Land of a strategy named in s without a Land in
// its title: the only Land the sentence names, or the document's Land when
// the sentence names none (or names it among others).
func (x *Extractor) sentenceLand(s *sentence, cs []stratCand, dom corpus.LandCode) corpus.LandCode {
	lands := map[corpus.LandCode]bool{}
	var first corpus.LandCode
	for _, h := range s.lands {
		if h.Compound {
			continue
		}
		inTitle := false
		for _, c := range cs {
			if h.Start >= c.start && h.End <= c.end {
				inTitle = true
			}
		}
		if inTitle {
			continue
		}
		if first == "" {
			first = h.Land
		}
		lands[h.Land] = true
	}
	switch {
	case len(lands) == 1:
		return first
	case len(lands) == 0:
		return dom
	case lands[dom]:
		return dom
	}
	return ""
}

// titleStrategy returns the strategy a document title names: by the
// sentence rules, or for a strategy document the first part of the title
// that is not generic, without a trailing Land name or ", 2018" (which gives
// the year).
func (x *Extractor) titleStrategy(doc *corpus.Document, ss []sentence) (stratCand, int, bool) {
	if strings.TrimSpace(doc.Title) == "" {
		return stratCand{}, 0, false
	}
	ts := x.newSentence(text.Sentence{}, doc.Title)
	year := 0
	var cs []stratCand
	if !ts.question {
		cs = x.strategyCands(&ts, doc.Date.Year())
	}
	if len(cs) == 0 && !ts.question {
		// „Name“ beschlossen, in a document that speaks of a strategy early on
		context := ts.mentionsTrigger()
		for i := 0; i < len(ss) && i < 4; i++ {
			context = context || ss[i].mentionsTrigger()
		}
		cs = x.quotedObjects(&ts, context)
	}
	if len(cs) > 0 {
		if done, planned := ts.adoption(); done && !planned {
			year = doc.Date.Year()
		}
		if year == 0 {
			year = editionYear(doc.Title)
		}
		return cs[0], year, true
	}
	if doc.Kind != corpus.KindStrategy && !x.labelledTitle(doc.Title) {
		return stratCand{}, 0, false
	}
	year = editionYear(doc.Title)
	for _, part := range titleSplit.Split(doc.Title, -1) {
		part = strings.TrimSpace(part)
		if editionRe.MatchString(part) && editionRe.FindString(part) == part {
			continue // "Fortschreibung 2031" names the edition, not the strategy
		}
		if m := trailingYear.FindStringSubmatch(part); m != nil {
			year, _ = strconv.Atoi(m[1])
			part = strings.TrimSpace(part[:len(part)-len(m[0])])
		}
		name := part
		var land corpus.LandCode
		hs := x.lm.FindAll(part)
		if len(hs) > 0 {
			if h := hs[len(hs)-1]; h.End == len(part) && h.Start > 0 {
				land = h.Land
				name = strings.TrimSpace(part[:h.Start])
			}
		}
		if land != "" && (endsInAdjective(name) || landAbbreviation(part[len(name):])) {
			// "Digitales Thüringen", "Kompass NRW": the Land is part of
			// the name
			name = part
		}
		if genericTitle(name) {
			if genericTitle(part) {
				continue
			}
			name = part
		}
		if q := fullerQuote(doc.Title, name, ss); q != "" {
			name = q
		}
		if land == "" {
			land = x.titleLand(name)
		}
		return stratCand{title: name, land: land}, year, true
	}
	return stratCand{}, 0, false
}

// landAbbreviation reports whether s, the end of a title, is a Land's
// abbreviation ("NRW", "BW", "M-V"): a brand's suffix, not a description
// of whose the strategy is.
func landAbbreviation(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && len(s) <= 4 && strings.ToUpper(s) == s
}

// labelledTitle reports whether a title labels its other part as a
// strategy: "RLP vernetzt 2090 – Digitalstrategie Rheinland-Pfalz", "KI-Strategie
// des Landes: Kluge Köpfe" — one part is a strategy word with at most the
// Land's name, another part is not.
func (x *Extractor) labelledTitle(title string) bool {
	parts := titleSplit.Split(title, -1)
	if len(parts) < 2 {
		return false
	}
	label, other := false, false
	for _, part := range parts {
		part = strings.TrimSpace(part)
		rest := part
		if hs := x.lm.FindAll(part); len(hs) > 0 {
			if h := hs[len(hs)-1]; h.End == len(part) && h.Start > 0 {
				rest = strings.TrimSpace(part[:h.Start])
				rest = strings.TrimSuffix(strings.TrimSuffix(rest, " des Landes"), " des Freistaats")
			}
		}
		if genericTitle(rest) && slices.ContainsFunc(tokenize(rest), func(t token) bool { return isTrigger(t.lower) }) {
			label = true
		} else if !genericTitle(part) && !kindLabel(part) {
			other = true
		}
	}
	return label && other
}

// kindLabel reports whether a part of a title names the kind of document,
// not a strategy: "Schriftliche Anfrage: Der neue Digitalplan".
func kindLabel(part string) bool {
	toks := tokenize(part)
	if len(toks) == 0 {
		return false
	}
	last := toks[len(toks)-1].lower
	return strings.HasSuffix(last, "anfrage") || kindWords[last]
}

var kindWords = set("pressemitteilung", "drucksache", "beschlussempfehlung", "antwort", "plenarprotokoll", "interview", "meldung")

// endsInAdjective reports whether the last word of s is a capitalised
// adjective ("Digitales", "Vernetzte"): a Land after it completes the name.
func endsInAdjective(s string) bool {
	toks := tokenize(s)
	if len(toks) == 0 {
		return false
	}
	t := toks[len(toks)-1]
	if !isUpperInitial(t.raw) || isTrigger(t.lower) || utf8.RuneCountInString(t.lower) <= 5 {
		return false
	}
	for _, e := range []string{"es", "e", "er", "en"} {
		if strings.HasSuffix(t.lower, e) {
			return true
		}
	}
	return false
}

// fullerQuote returns the quoted text of a sentence that the document
// title begins with and that extends name, the title's first part:
// a title „Land.Digital – Nah. Sicher.“ quoted in full in the text is
// not cut at its inner dash or dots. Else "".
func fullerQuote(title, name string, ss []sentence) string {
	tk, nk := wordKey(title), wordKey(name)
	if nk == "" {
		return ""
	}
	best := ""
	for i := range ss {
		for _, q := range quotedSpans(ss[i].txt) {
			inner := strings.TrimSpace(ss[i].txt[q[0]:q[1]])
			qk := wordKey(inner)
			if len(qk) <= len(nk) || len(inner) > 120 || !strings.HasPrefix(qk, nk+" ") ||
				!(tk == qk || strings.HasPrefix(tk, qk+" ")) {
				continue
			}
			if len(inner) > len(best) {
				best = inner
			}
		}
	}
	return best
}

// wordKey folds s to its lower-case words separated by single spaces.
func wordKey(s string) string {
	var ws []string
	for _, t := range tokenize(corpus.Fold(s)) {
		ws = append(ws, t.lower)
	}
	return strings.Join(ws, " ")
}

// editionYear returns the year of the edition a document title names
// ("… – Fortschreibung 2031", "Neufassung 2027", "Stand 2029"): the year
// that edition was adopted. Else 0.
func editionYear(title string) int {
	m := editionRe.FindStringSubmatch(title)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

var (
	editionRe    = regexp.MustCompile(`(?i)\b(?:fortschreibung|aktualisierung|neufassung|fassung|stand|ausgabe|edition)\s+(` + german.YearPattern + `)\b`)
	titleSplit   = regexp.MustCompile(`\s+[–—|-]\s+|:\s+`)
	trailingYear = regexp.MustCompile(`,\s*(` + german.YearPattern + `)$`)
)

// genericTitle reports whether a title part holds only articles,
// prepositions and strategy words ("Die Digitalisierungsstrategie im Überblick").
func genericTitle(t string) bool {
	for _, w := range tokenize(t) {
		if !(articles[w.lower] || prepositions[w.lower] || isTrigger(w.lower) || w.lower == "überblick" || w.lower == "neue" || w.lower == "unsere") {
			return false
		}
	}
	return true
}

// titleEvidence returns the evidence for a strategy named in the document
// title: the first sentence holding the title, else the first holding a
// strategy word, else the first sentence.
func titleEvidence(doc *corpus.Document, ss []sentence, title string) corpus.Evidence {
	for i := range ss {
		if strings.Contains(ss[i].txt, title) {
			return ss[i].evidence(doc)
		}
	}
	for i := range ss {
		for _, t := range ss[i].toks {
			if isTrigger(t.lower) {
				return ss[i].evidence(doc)
			}
		}
	}
	if len(ss) > 0 {
		return ss[0].evidence(doc)
	}
	return corpus.EvidenceAt(doc, 0, 0)
}

// strategyTopics returns the topics a strategy stands for: those its title
// or strategy word names, else the thesaurus topic of digital strategies.
func (x *Extractor) strategyTopics(c stratCand) []corpus.TopicID {
	var out []corpus.TopicID
	seen := map[corpus.TopicID]bool{}
	for _, h := range x.FindTopics(c.title + " " + c.trigger) {
		if !seen[h.Topic] {
			seen[h.Topic] = true
			out = append(out, h.Topic)
		}
	}
	if len(out) == 0 && x.strategyTopic != "" {
		out = append(out, x.strategyTopic)
	}
	return out
}

// StrategyID returns the ID of a Land's strategy: the Land code, "-" and a
// slug of the title ("BW-digital-bw"); without a Land, the slug alone.
func StrategyID(land corpus.LandCode, title string) corpus.StrategyID {
	if land == "" {
		return corpus.StrategyID(Slug(title))
	}
	return corpus.StrategyID(string(land) + "-" + Slug(title))
}

// Slug returns a lower-case ASCII slug of s: umlauts spelt out, other
// letters without their accents ("Koç" → "koc"), every run of other
// characters a single "-" ("Dörte Schall" → "doerte-schall").
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(corpus.Fold(s)) {
		if unicode.Is(unicode.Mn, r) {
			continue // the accent of a letter before
		}
		if m, ok := plainLetters[r]; ok {
			r = m
		}
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
			continue
		}
		if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// plainLetters are letters without a decomposition and the ASCII letter a
// slug writes for them.
var plainLetters = map[rune]rune{'ı': 'i', 'ł': 'l', 'ø': 'o', 'đ': 'd', 'ħ': 'h'}

// nameAdjective reports whether w is a capitalised form of "digital", which
// names such as "Digitale Agenda" and "Digitale Strategie" begin with.
func nameAdjective(w string) bool {
	for _, end := range []string{"e", "er", "es", "en"} {
		if w == "Digital"+end {
			return true
		}
	}
	return false
}
