package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/german"
	"github.com/laendergraph/laendergraph/ingest/text"
)

// sentence is one sentence of a document with what the matchers found in it.
// All offsets are relative to txt.
type sentence struct {
	span   text.Sentence
	txt    string
	toks   []token
	lands  []landHit // compounds included, flagged; in text order
	topics []TopicHit
	// byStart and byEnd index lands by their start and end offsets.
	byStart, byEnd map[int][]int
	// question: the sentence asks rather than states ("Verfügt das Land
	// über eine Cyberwehr?", also numbered in a list of questions); it
	// yields no fact.
	question bool
	// landOrgs are the abbreviations of Land offices of the document
	// (landOrgAbbrevs), shared by its sentences, each with the Land its
	// long form names ("Cybersicherheitsagentur Baden-Württemberg (CSBW)")
	// or "".
	landOrgs map[string]corpus.LandCode
	// lm reads the adjectives of capitals ("die Schweriner
	// Digitalministerin").
	lm *german.LandRecogniser
	// backLand is the one Land the sentence before names, for a sentence
	// that opens with "Deren" or "Dessen" ("Die Koordinierung übernimmt
	// die Digitalagentur Sachsen-Anhalt. Deren Geschäftsführerin X …").
	backLand corpus.LandCode
	// gtoks are toks as the language layer's tokens (toks is made from
	// them), for the phrase engine and the institution recogniser.
	gtoks []german.Token
}

// isLandOrg reports whether the document gave w as the abbreviation of a
// Land's office.
func (s *sentence) isLandOrg(w string) bool {
	_, ok := s.landOrgs[w]
	return ok
}

// newSentence returns the sentence txt (at span) with its tokens and hits.
func (x *Extractor) newSentence(span text.Sentence, txt string) sentence {
	gtoks := german.Tokenize(txt)
	toks := tokensOf(gtoks)
	s := sentence{span: span, txt: txt, toks: toks, gtoks: gtoks, lands: x.lm.FindAll(txt), topics: x.tm.find(txt, toks), question: german.IsQuestion(txt)}
	s.index()
	return s
}

func (s *sentence) index() {
	s.byStart, s.byEnd = map[int][]int{}, map[int][]int{}
	for i, h := range s.lands {
		s.byStart[h.Start] = append(s.byStart[h.Start], i)
		s.byEnd[h.End] = append(s.byEnd[h.End], i)
	}
}

// landsEndingAt returns the Land hits that end at off.
func (s *sentence) landsEndingAt(off int) []landHit {
	var out []landHit
	for _, i := range s.byEnd[off] {
		out = append(out, s.lands[i])
	}
	return out
}

// landsStartingAt returns the Land hits that start at off.
func (s *sentence) landsStartingAt(off int) []landHit {
	var out []landHit
	for _, i := range s.byStart[off] {
		out = append(out, s.lands[i])
	}
	return out
}

func (x *Extractor) analyse(doc *corpus.Document, sents []text.Sentence) []sentence {
	out := make([]sentence, 0, len(sents))
	for i := 0; i < len(sents); i++ {
		s := sents[i]
		if s.Start < 0 || s.End > len(doc.Text) || s.Start >= s.End {
			continue
		}
		// A quote split at its inner full stops („Land.Digital – Nah.
		// Sicher.“ hat …) is one sentence again.
		for n := 0; n < maxQuoteJoin && i+1 < len(sents) && openQuoteAtEnd(doc.Text[s.Start:s.End]); n++ {
			next := sents[i+1]
			if next.Start < s.End || next.End > len(doc.Text) || next.End-s.Start > maxQuoteSpan ||
				strings.Contains(doc.Text[s.End:next.Start], "\n") {
				break
			}
			s.End = next.End
			i++
		}
		// A teaser links to another article ("Lesen Sie auch: …", "» …"):
		// a cut-off headline of another text, not a statement of this one.
		if text.IsTeaser(doc.Text, s.Start) {
			continue
		}
		out = append(out, x.newSentence(s, doc.Text[s.Start:s.End]))
	}
	return out
}

// maxQuoteJoin and maxQuoteSpan bound how many following sentences, and how
// many bytes in all, a sentence with an open quote is joined with.
const (
	maxQuoteJoin = 4
	maxQuoteSpan = 600
)

// openQuoteAtEnd reports whether s ends inside a quotation opened by „ or
// » (typographic quotes that say which way they point).
func openQuoteAtEnd(s string) bool {
	open := rune(0)
	for _, r := range s {
		if open == 0 {
			if r == '„' || r == '»' {
				open = r
			}
			continue
		}
		if closes(open, r) {
			open = 0
		}
	}
	return open != 0
}

// evidence returns the evidence for the whole sentence.
func (s *sentence) evidence(doc *corpus.Document) corpus.Evidence {
	return corpus.EvidenceAt(doc, s.span.Start, s.span.End)
}

// tokenFrom returns the index of the first token starting at or after byte
// offset off, or len(s.toks).
func (s *sentence) tokenFrom(off int) int {
	return sort.Search(len(s.toks), func(i int) bool { return s.toks[i].start >= off })
}

// tokenAt returns the index of the token starting at byte offset off, or -1.
func (s *sentence) tokenAt(off int) int {
	i := s.tokenFrom(off)
	if i < len(s.toks) && s.toks[i].start == off {
		return i
	}
	return -1
}

// tokenBefore returns the index of the last token ending at or before off,
// or -1.
func (s *sentence) tokenBefore(off int) int {
	return sort.Search(len(s.toks), func(i int) bool { return s.toks[i].end > off }) - 1
}

// clause is a token range [from, to) of a sentence between clause
// punctuation.
type clause struct{ from, to int }

// clauses splits the sentence at commas, semicolons, colons, dashes and
// paragraph breaks. Parentheses and quotes do not split.
func (s *sentence) clauses() []clause {
	var out []clause
	from := 0
	for i := 1; i < len(s.toks); i++ {
		if isClauseSep(s.toks[i].sep) {
			out = append(out, clause{from, i})
			from = i
		}
	}
	if len(s.toks) > 0 {
		out = append(out, clause{from, len(s.toks)})
	}
	return out
}

func isClauseSep(sep string) bool {
	return strings.ContainsAny(sep, ",;:–—•¶") || strings.Contains(sep, " - ")
}

// federalBerlin reports whether the Land hit h in s is Berlin standing for
// the federal government, as it does after "auf", "aus" or "gegen": "Wir
// warten nicht auf Berlin", "Geld aus Berlin" (not "an Berliner Schulen",
// "Zurück nach Berlin").
func federalBerlin(s string, h german.LandHit) bool {
	if h.Land != "BE" || s[h.Start:h.End] != "Berlin" {
		return false // "an Berliner Schulen" is the Land's
	}
	ws := strings.Fields(s[:h.Start])
	if len(ws) == 0 {
		return false
	}
	switch strings.ToLower(ws[len(ws)-1]) {
	case "auf", "aus", "gegen":
		return true
	}
	return false
}

// dominantLand returns the Land a document is about or published by, for
// resolving "das Land", "die Landesregierung", "wir" and for people and
// strategies that name no Land themselves. It is doc.Land when the title
// names no other Land; otherwise the only Land named in the title; otherwise
// the only Land named in the first three sentences that name any. Otherwise
// there is none.
func (x *Extractor) dominantLand(doc *corpus.Document, ss []sentence) corpus.LandCode {
	title := map[corpus.LandCode]bool{}
	for _, h := range x.lm.FindAll(doc.Title) {
		if german.Partner(doc.Title, h) {
			continue // "… kommt gemeinsam mit Bremen": not the document's Land
		}
		if federalBerlin(doc.Title, h) {
			continue // "Wir warten nicht auf Berlin": the federal government
		}
		title[h.Land] = true
	}
	if doc.Land != "" {
		for l := range title {
			if l != doc.Land {
				return ""
			}
		}
		return doc.Land
	}
	if len(title) == 1 {
		for l := range title {
			return l
		}
	}
	if len(title) > 1 {
		return ""
	}
	first := map[corpus.LandCode]bool{}
	n := 0
	for _, s := range ss {
		if len(s.lands) == 0 {
			continue
		}
		for _, h := range s.lands {
			first[h.Land] = true
		}
		if n++; n == 3 {
			break
		}
	}
	if len(first) == 1 {
		for l := range first {
			return l
		}
	}
	if isInterview(doc) {
		return leadLand(ss)
	}
	return x.openingLand(ss)
}

// openingLand returns the Land a document opens with when its first
// sentences also name others: the Land of a dateline town ("Dresden, 14.
// März 2041") before any Land is named, else the only Land of the first
// sentence naming one, named there as its subject ("Der Freistaat Sachsen
// hat …"), not after a preposition or as an adjective.
func (x *Extractor) openingLand(ss []sentence) corpus.LandCode {
	for i := range ss {
		s := &ss[i]
		// a dateline, alone or opening the first sentence: "Mainz, 24.
		// August 2027 – Handwerksbetriebe in Rheinland-Pfalz …"
		if i < 4 && len(s.toks) >= 3 && s.toks[1].sep == ", " && (len(s.toks) <= 8 || german.IsDigits(s.toks[1].raw)) &&
			(len(s.lands) == 0 || s.lands[0].Start > s.toks[1].start) {
			if l, ok := x.places[s.toks[0].raw]; ok {
				return l
			}
		}
		// a Land's capital alone as the dateline of an agency's or
		// paper's text, after its header lines: "Stuttgart. Die
		// Landesagentur …" (not "Bonn." of a federal office, nor "Berlin.",
		// the federal capital too)
		if i < 6 && len(s.toks) == 1 && strings.TrimSpace(s.txt) == s.toks[0].raw+"." {
			if l, ok := x.places[s.toks[0].raw]; ok && l != "BE" {
				if land, ok := x.reg.Get(l); ok && land.Capital == s.toks[0].raw {
					return l
				}
			}
		}
		if len(s.lands) == 0 {
			continue
		}
		var land corpus.LandCode
		for _, h := range s.lands {
			if h.Compound {
				continue
			}
			if land != "" && h.Land != land {
				return ""
			}
			land = h.Land
		}
		for _, h := range s.lands {
			if !h.Compound && h.Kind == FormName {
				if j := s.tokenAt(h.Start); j >= 0 && !s.governed(j) {
					return land
				}
			}
		}
		return ""
	}
	return ""
}

// interviewMarks open the lines of an interview: the interviewer's
// questions and the answers.
var interviewMarks = []string{"Frage:", "Antwort:"}

// isInterview reports whether the document is an interview: its title says
// so, or at least two lines open with "Frage:" or "Antwort:".
func isInterview(doc *corpus.Document) bool {
	if strings.Contains(strings.ToLower(doc.Title), "interview") {
		return true
	}
	n := 0
	for _, ln := range strings.Split(doc.Text, "\n") {
		ln = strings.TrimSpace(ln)
		for _, m := range interviewMarks {
			if strings.HasPrefix(ln, m) {
				n++
				break
			}
		}
	}
	return n >= 2
}

// leadLand returns the Land of an interview's lead: the only Land named in
// the first sentence that names any, when it is named there as the subject
// (not after a preposition or genitive) or as the Land of an office ("des
// Landes X"). The person interviewed speaks for
// that Land, so "wir" and "unser" in the answers are that Land.
func leadLand(ss []sentence) corpus.LandCode {
	for i := range ss {
		s := &ss[i]
		if len(s.lands) == 0 {
			continue
		}
		var land corpus.LandCode
		for _, h := range s.lands {
			if land != "" && h.Land != land {
				return ""
			}
			land = h.Land
		}
		for _, h := range s.lands {
			if !h.Compound && (h.Kind == FormName || h.Kind == FormGenitive) {
				// the subject, or the Land of the interviewee's office: "X
				// ist Chief Digital Officer des Landes Schleswig-Holstein"
				if j := s.tokenAt(h.Start); j >= 0 && (h.Kind == FormGenitive || !s.governed(j) ||
					j >= 2 && (s.toks[j-1].lower == "landes" || strings.HasPrefix(s.toks[j-1].lower, "freistaat")) && s.toks[j-2].lower == "des") {
					return land
				}
			}
		}
		return ""
	}
	return ""
}

// Word lists for the tie rules. They are closed classes of German (articles,
// prepositions, negation) or verbs and nouns of the domain, not names.
var (
	articles = set("der", "die", "das", "dem", "den", "des", "ein", "eine", "einen", "einem", "einer", "eines")
	// prepositions before a Land that make it an adverbial, not a subject.
	prepositions = set("in", "im", "aus", "von", "vom", "mit", "für", "bei", "beim", "nach", "zu", "zur", "zum",
		"über", "an", "am", "auf", "gegenüber", "zwischen", "durch", "unter", "gegen", "ohne", "um", "seit", "bis",
		"ab", "innerhalb", "außerhalb", "wegen", "trotz", "neben", "hinter", "vor", "dank", "samt")
	genitiveNouns = set("landes", "freistaates", "freistaats", "senats", "bundeslandes")
	negations     = set("kein", "keine", "keinen", "keinem", "keiner", "keines", "nicht", "nie", "niemals", "weder", "ohne")
	// discussion marks a clause that reports, discusses or schedules a topic
	// rather than saying that someone has it.
	discussion = []string{"tagesordnung", "länderbericht", "bericht", "berichte", "berichten", "berichtet",
		"thema", "themen", "themenfeld", "themenfelder", "themenfeldern", "thematisiert", "thematisieren",
		"diskutiert", "diskutieren", "diskutierten", "diskussion", "erörtert", "erörtern", "beraten", "berieten",
		"beratung", "beratungen", "austausch", "ausgetauscht", "vertieft", "vertiefen", "gespräch", "gespräche",
		"sprechen", "sprachen", "gesprochen", "befassen", "befasst", "befassten", "widmen", "widmet", "vortrag",
		"präsentation", "fordern", "fordert", "forderten", "gefordert", "fragen", "fragestellungen", "anfrage",
		"sachstand", "beschlüsse", "beschluss", "konferenz", "workshop", "treffen", "tagung", "berichtete", "berichteten"}
	discussionSet = set(discussion...)
	// discussionPreps before a topic make it the subject matter, not a
	// possession: "Berichte zur Cyberwehr", "über KI".
	discussionPreps = set("zu", "zur", "zum", "über", "betreffend", "bezüglich", "hinsichtlich")
	// corefNouns refer to the document's Land: "das Land", "die Landesregierung".
	corefNouns = set("land", "landesregierung", "staatsregierung", "senat", "freistaat", "landeskabinett", "kabinett", "ministerrat")
)

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// negated reports whether the sentence is negated ("kein", "nicht"; not
// "nicht nur").
func (s *sentence) negated() bool {
	for i, t := range s.toks {
		if !negations[t.lower] {
			continue
		}
		if t.lower == "nicht" && i+1 < len(s.toks) && (s.toks[i+1].lower == "nur" || s.toks[i+1].lower == "zuletzt") {
			continue
		}
		return true
	}
	return false
}

// isDiscussion reports whether the clause reports or discusses rather than
// states possession.
func (s *sentence) isDiscussion(c clause) bool {
	for i := c.from; i < c.to; i++ {
		w := s.toks[i].lower
		if discussionSet[w] || strings.HasSuffix(w, "bericht") || strings.HasSuffix(w, "berichte") || strings.HasPrefix(w, "tagesordnung") {
			return true
		}
	}
	return false
}

// subject is a Land that a clause speaks of as the actor.
type subject struct {
	land corpus.LandCode
	tok  int
}

// subjects returns the Länder that can be the grammatical subject in clause
// c: a Land name not governed by a preposition or a genitive, or a
// coreferent phrase ("das Land", "die Landesregierung", "wir") resolved to
// dom (or to a Land adjective right before it: "die Hessische
// Landesregierung").
func (s *sentence) subjects(c clause, dom corpus.LandCode) []subject {
	var out, joint []subject
	// The head of an enumeration the clause ends: "Sachsen, Bremen und
	// das Saarland errichten …" is cut at its comma, and "Sachsen" stands
	// in a clause of its own that holds nothing but Länder.
	for from := c.from; from > 0; {
		p := s.listClauseBefore(from)
		if p.to == 0 {
			break
		}
		for _, h := range s.lands {
			if i := s.tokenAt(h.Start); i >= p.from && i < p.to && !h.Compound && h.Kind == FormName {
				out = append(out, subject{h.Land, i})
			}
		}
		from = p.from
	}
	for _, h := range s.lands {
		if h.Compound || (h.Kind != FormName && h.Kind != FormRegion) {
			continue
		}
		i := s.tokenAt(h.Start)
		if i < c.from || i >= c.to {
			continue
		}
		if s.governed(i) {
			if s.jointWith(i) {
				joint = append(joint, subject{h.Land, i})
			}
			continue
		}
		out = append(out, subject{h.Land, i})
	}
	for i := c.from; i < c.to; i++ {
		t := s.toks[i]
		var land corpus.LandCode
		switch {
		case t.lower == "wir":
			// not a Land the clause names besides: "betreiben wir gemeinsam
			// mit dem Saarland" is not the Saarland
			if !s.namesIn(c, dom) {
				land = dom
			}
		case corefNouns[t.lower]:
			if i+1 < len(s.toks) && s.landStartsAt(s.toks[i+1].start) {
				continue // "Land Brandenburg": the name is the subject
			}
			j := i - 1
			if j >= c.from {
				if l, ok := s.adjectiveLandEndingAt(s.toks[j].end); ok {
					land = l // "die Hessische Landesregierung"
					j--
				}
			}
			switch {
			case j >= c.from && articles[s.toks[j].lower]:
				if s.governed(j + 1) {
					continue
				}
			case j < c.from && i == c.from:
			default:
				continue
			}
			if land == "" {
				land = dom
			}
		default:
			continue
		}
		if land != "" {
			out = append(out, subject{land, i})
		}
	}
	if len(out) > 0 {
		// "Baden-Württemberg betreibt gemeinsam mit Bayern den Verbund":
		// the partner of a subject does it too; not one whose partner the
		// sentence does not name ("betreiben wir gemeinsam mit …" where
		// "wir" is no known Land)
		out = append(out, joint...)
	}
	return out
}

// listClauseBefore returns the clause that ends at token from when it
// holds nothing but Land names and their articles, after a comma ("Der
// Freistaat Sachsen, die Freie Hansestadt Bremen und …"), else a zero
// clause.
func (s *sentence) listClauseBefore(from int) clause {
	if from == 0 || !strings.HasPrefix(strings.TrimSpace(s.toks[from].sep), ",") {
		return clause{}
	}
	start := from - 1
	for start > 0 && !isClauseSep(s.toks[start].sep) {
		start--
	}
	named := false
	for i := start; i < from; i++ {
		t := s.toks[i]
		if h, ok := s.landCovering(t.start); ok && !h.Compound && h.Kind == FormName {
			named = true
			continue
		}
		if !articles[t.lower] && !(i == 0 && german.IsDigits(t.raw)) { // "2. Der Freistaat Sachsen, …"
			return clause{}
		}
	}
	if !named {
		return clause{}
	}
	return clause{start, from}
}

// landCovering returns the Land hit whose span covers byte off.
func (s *sentence) landCovering(off int) (landHit, bool) {
	for _, h := range s.lands {
		if h.Start <= off && off < h.End {
			return h, true
		}
	}
	return landHit{}, false
}

// governed reports whether the word at token i (or its article) follows a
// preposition or a genitive ("im Land Brandenburg", "des Landes Brandenburg").
func (s *sentence) governed(i int) bool {
	j := i - 1
	if j >= 0 && genitiveNouns[s.toks[j].lower] {
		return true
	}
	if j >= 0 && (s.toks[j].lower == "des" || s.toks[j].lower == "dem" || s.toks[j].lower == "den") {
		return true
	}
	for j >= 0 && (articles[s.toks[j].lower] || s.isAdjectiveToken(j)) && i-j < 4 {
		j--
	}
	return j >= 0 && prepositions[s.toks[j].lower] && !isClauseSep(s.toks[j+1].sep)
}

// namesIn reports whether clause c names the Land l.
func (s *sentence) namesIn(c clause, l corpus.LandCode) bool {
	for _, h := range s.lands {
		if i := s.tokenAt(h.Start); h.Land == l && !h.Compound && i >= c.from && i < c.to {
			return true
		}
	}
	return false
}

// jointWith reports whether the Land at token i follows "gemeinsam mit"
// or "zusammen mit" (perhaps with an article): "Baden-Württemberg betreibt
// gemeinsam mit Bayern den Verbund" — a partner, who does it too.
func (s *sentence) jointWith(i int) bool {
	j := i - 1
	if j >= 0 && articles[s.toks[j].lower] {
		j--
	}
	return j >= 1 && s.toks[j].lower == "mit" && (s.toks[j-1].lower == "gemeinsam" || s.toks[j-1].lower == "zusammen")
}

func (s *sentence) isAdjectiveToken(j int) bool {
	t := s.toks[j]
	if isUpperInitial(t.raw) {
		return false
	}
	for _, e := range adjEndings {
		if strings.HasSuffix(t.lower, e) && len(t.lower) > 3 {
			return true
		}
	}
	return false
}

func (s *sentence) landStartsAt(off int) bool { return len(s.byStart[off]) > 0 }

// adjectiveLandEndingAt returns the Land of an adjective or genitive form
// ending at off.
func (s *sentence) adjectiveLandEndingAt(off int) (corpus.LandCode, bool) {
	for _, h := range s.landsEndingAt(off) {
		if !h.Compound && (h.Kind == FormAdjective || h.Kind == FormGenitive) {
			return h.Land, true
		}
	}
	return "", false
}

// onlyBetween reports whether s[from:to] holds nothing but white space
// (without a line break) and opening quotes.
func onlyBetween(s string, from, to int) bool {
	if from > to || to > len(s) {
		return false
	}
	for _, r := range s[from:to] {
		if r == '\n' || !(unicode.IsSpace(r) || strings.ContainsRune(openQuotes, r)) {
			return false
		}
	}
	return true
}

const openQuotes = "„“\"»«‚'‘"
const closeQuotes = "“”\"«»‘’'"

// firstRune returns the first rune of s.
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
