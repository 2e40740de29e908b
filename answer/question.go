package answer

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/german"
)

// Intent is the kind of question Parse recognised.
type Intent string

// The intents, from the most specific to the catch-all.
const (
	// IntentLaenderWithTopic asks which Länder have (built, adopted, run) a
	// thing: "Welche Länder haben eine Cyberwehr?".
	IntentLaenderWithTopic Intent = "laender_with_topic"
	// IntentChair asks who chaired a meeting series: "Wer hatte 2022 den
	// Vorsitz der D16?".
	IntentChair Intent = "chair"
	// IntentMeeting asks when and where a meeting took place.
	IntentMeeting Intent = "meeting_when_where"
	// IntentAgenda asks what a meeting discussed.
	IntentAgenda Intent = "meeting_agenda"
	// IntentParticipants asks which Länder took part in a meeting.
	IntentParticipants Intent = "meeting_participants"
	// IntentHost asks which Land hosted (invited to) a meeting.
	IntentHost Intent = "meeting_host"
	// IntentStrategy asks for the digital strategy of a Land.
	IntentStrategy Intent = "strategy"
	// IntentPerson asks who holds a role in a Land.
	IntentPerson Intent = "person"
	// IntentInstitution asks about an organisation or law the question
	// names in full: "Hat Hessen ein Landesamt für Digitale Verwaltung?".
	// Parse never returns it; the engine does when the graph knows the
	// name.
	IntentInstitution Intent = "institution"
	// IntentFallback is everything else: the question becomes a search.
	IntentFallback Intent = "fallback"
)

// OrdinalLast is the Ordinal of "letzte", "last", "latest".
const OrdinalLast = -1

// Question is what Parse understood of a question. Its JSON form is the
// "interpretation" of an answer.
type Question struct {
	// Text is the question as asked.
	Text   string `json:"-"`
	Intent Intent `json:"intent"`
	// Lang is "de" or "en": the language the answer text is written in.
	Lang  string         `json:"lang"`
	Topic corpus.TopicID `json:"topic,omitempty"`
	// Term is the compound the question names the topic in, when it is more
	// specific than the topic ("Cybersicherheitsagentur"); answers then need
	// evidence that names it.
	Term string `json:"term,omitempty"`
	// Institution is the organisation or law the question names in full,
	// as the graph spells it, when the answer comes from its facts.
	Institution string          `json:"institution,omitempty"`
	Land        corpus.LandCode `json:"land,omitempty"`
	// Series is the meeting series named, if any.
	Series corpus.SeriesID `json:"series,omitempty"`
	Year   int             `json:"year,omitempty"`
	// Months are the months a season or month name narrows to ("spring" →
	// 3, 4, 5; "im Mai" → 5), nil when none is named.
	Months []int `json:"months,omitempty"`
	// Ordinal is the number of the meeting asked for ("erste" → 1, "4th" → 4),
	// OrdinalLast for "letzte"/"last", 0 when none is named.
	Ordinal int `json:"ordinal,omitempty"`
	// Place is the town named after "in" or "at": "Potsdam".
	Place string `json:"place,omitempty"`
	// Role holds the parts of a role named ("digital", "koordinator"), folded.
	Role []string `json:"role,omitempty"`
	// Keywords are the content words of the question, for the fallback search.
	Keywords []string `json:"keywords,omitempty"`
	// Negated is true when the question asks for the opposite ("Welche Länder
	// haben keine Cyberwehr?", "Which Länder have no …"). The corpus records
	// what Länder have, not what they lack, so such a question is answered
	// with what is recorded and an empty list.
	Negated bool `json:"negated,omitempty"`
}

// token is one word of a question.
type token struct {
	raw  string // without surrounding punctuation
	fold string // corpus.Fold(raw)
	dot  bool   // the word ended in "." ("4.")
}

// Parse reads a question in German or English and returns what it asks. It is
// pure: it only looks at the words, the Länder registry and the thesaurus.
func Parse(q string, reg *corpus.Registry, th *corpus.Thesaurus) Question {
	return newParser(reg, th).parse(q)
}

// parser holds the lookup tables Parse builds from the registry and thesaurus.
type parser struct {
	reg        *corpus.Registry
	th         *corpus.Thesaurus
	topics     map[string]corpus.TopicID // stemmed term → topic
	maxTopicN  int                       // longest term, in words
	lands      *german.LandRecogniser
	seriesWord map[string]corpus.SeriesID
	// seriesMembers maps the members a conference's name names
	// ("datenschutzaufsichtsbehoerden") to it, for a question with a verb
	// of meeting
	seriesMembers map[string]corpus.SeriesID
	seriesName    map[string]corpus.SeriesID // folded id, label and aliases
	maxSeriesN    int                        // longest series name, in words
	compounds     []compoundPart             // longest first
}

// compoundPart is a one-word term that may begin or end a compound word:
// "Cybersicherheit" in "Cybersicherheitsagentur", "Cyberwehr" in
// "Landescyberwehr".
type compoundPart struct {
	part string
	id   corpus.TopicID
}

// minCompoundPart is the shortest term looked for inside compounds.
const minCompoundPart = 6

// findMonths returns the months a question narrows to: a season ("im
// Frühjahr", "in spring") or a month ("im Mai", "in May 2039"). Words that
// are also ordinary English words ("may", "march", "fall") count only after
// "in"/"im" or before a year.
func findMonths(ts []token) []int {
	ambiguous := set("may", "march", "fall")
	for i, t := range ts {
		var ms []int
		for _, m := range german.Season(t.fold) {
			ms = append(ms, int(m))
		}
		if m, ok := german.Month(t.fold); ok && ms == nil {
			ms = []int{int(m)}
		}
		if ms == nil {
			continue
		}
		if ambiguous[t.fold] {
			before := i > 0 && (ts[i-1].fold == "in" || ts[i-1].fold == "im" || ts[i-1].fold == "of")
			after := i+1 < len(ts) && hasDigit(ts[i+1].raw)
			if !before && !after {
				continue
			}
		}
		return ms
	}
	return nil
}

// englishSeries are English names of the series, folded.
var englishSeries = []struct {
	name string
	id   corpus.SeriesID
}{
	{"digital coordinators", "digitalkoordinatoren"},
	{"digital ministers conference", "dmk"}, {"digital ministers' conference", "dmk"},
	{"digital ministers’ conference", "dmk"}, {"conference of digital ministers", "dmk"},
	{"digital minister conference", "dmk"},
	{"conference of the digital ministers", "dmk"},
	{"heads of the state chancelleries", "cdsk"}, {"heads of state chancelleries", "cdsk"},
	{"heads of the state and senate chancelleries", "cdsk"}, {"chiefs of the state chancelleries", "cdsk"},
	{"chiefs of staff of the state chancelleries", "cdsk"}, {"state chancellery heads", "cdsk"},
	{"heads of the state chancellery", "cdsk"},
	{"minister presidents", "mpk"}, {"ministers president", "mpk"}, {"premiers' conference", "mpk"},
	{"conference of the premiers", "mpk"}, {"state premiers", "mpk"}, {"heads of government of the states", "mpk"},
	{"heads of government of the länder", "mpk"}, {"prime ministers of the states", "mpk"},
	{"interior ministers", "imk"}, {"conference of interior ministers", "imk"},
	{"education ministers", "kmk"}, {"ministers of education", "kmk"}, {"culture ministers", "kmk"},
	{"it planning council", "itplr"}, {"data protection conference", "dsk"},
	{"data protection authorities", "dsk"}, {"data protection supervisory authorities", "dsk"},
	{"data protection commissioners", "dsk"},
	{"european affairs ministers", "emk"}, {"europe ministers", "emk"}, {"ministers for european affairs", "emk"},
	{"justice ministers", "jumiko"}, {"finance ministers", "fmk"}, {"health ministers", "gmk"},
	{"transport ministers", "vmk"}, {"environment ministers", "umk"}, {"economics ministers", "wmk"},
	{"economic affairs ministers", "wmk"}, {"labour and social affairs ministers", "asmk"},
}

// englishTopics are English names of the built-in topics, folded; they apply
// when the thesaurus holds the topic.
var englishTopics = map[string]corpus.TopicID{
	"digital strategy": "digitalstrategie", "digitalisation strategy": "digitalstrategie",
	"digitalization strategy": "digitalstrategie", "cyber security": "cybersicherheit",
	"it security": "cybersicherheit", "artificial intelligence": "ki", "broadband": "breitband",
	"fibre": "breitband", "fiber": "breitband", "digital administration": "verwaltung",
	"digital government": "verwaltung", "digital identity": "identitaet", "digital id": "identitaet",
	"digital sovereignty": "souveraenitaet", "digital education": "bildung", "digital health": "gesundheit",
	"skilled workers": "fachkraefte", "it specialists": "fachkraefte", "register modernisation": "registermodernisierung",
	"register modernization": "registermodernisierung", "digital participation": "teilhabe",
	"digital inclusion": "teilhabe", "child protection": "jugendschutz", "sustainability": "nachhaltigkeit",
	"mobility": "mobilitaet", "digital economy": "wirtschaft", "digital resilience": "resilienz",
	"rural areas": "laendlicher-raum", "platform regulation": "plattformregulierung",
}

// seriesGeneric are words of series names too general to name a series alone.
var seriesGeneric = map[string]bool{
	"konferenz": true, "treffen": true, "tagung": true, "arbeitstagung": true, "format": true,
	"laender": true, "laendern": true, "bund": true, "und": true, "der": true, "die": true, "von": true,
	"fuer": true, "digitalminister": true, "digitalpolitik": true, "-": true, "–": true,
}

// seriesWordHeads are the body heads and the other endings of a series
// name's word that may name the series alone.
var seriesWordHeads = append(german.BodyHeads(true), "treffen", "rats", "rates", "koordinatoren", "tagung", "format")

// seriesWordLike reports whether the folded word w of a series name may
// stand for the series alone in a question: a name with a digit ("d16"), a
// short word, or a word with a body head ("Planungsrat",
// "Digitalkoordinatoren"); other words of a long name ("Verwaltung",
// "Ministerpräsidenten") say too little.
func seriesWordLike(w string) bool {
	if hasDigit(w) || len(w) <= 6 {
		return true
	}
	for _, h := range seriesWordHeads {
		if strings.HasSuffix(w, h) {
			return true
		}
	}
	return false
}

// membersOf returns, folded, the members a conference's name names after
// "Konferenz der" ("Konferenz der unabhängigen Datenschutzaufsichtsbehörden
// …" → "datenschutzaufsichtsbehoerden"), when that is a long word that
// may stand for the conference in a question ("Wo treffen sich die
// Datenschutzaufsichtsbehörden?"); else "".
func membersOf(name string) string {
	_, rest, ok := strings.Cut(name, "onferenz der ")
	if !ok {
		return ""
	}
	for _, w := range strings.Fields(rest) {
		if german.IsUpperInitial(w) {
			if utf8.RuneCountInString(w) >= 12 {
				return corpus.Fold(w)
			}
			return ""
		}
	}
	return ""
}

func newParser(reg *corpus.Registry, th *corpus.Thesaurus) *parser {
	p := &parser{reg: reg, th: th, topics: map[string]corpus.TopicID{}, seriesWord: map[string]corpus.SeriesID{},
		seriesMembers: map[string]corpus.SeriesID{}}
	if th != nil {
		for _, t := range th.All() {
			for _, term := range append(t.Terms(), string(t.ID)) {
				k := stemPhrase(corpus.Fold(term))
				if k == "" {
					continue
				}
				if _, dup := p.topics[k]; !dup {
					p.topics[k] = t.ID
				}
				p.maxTopicN = max(p.maxTopicN, len(strings.Fields(k)))
			}
			// Labels and synonyms (not ids, which are often plain words such
			// as "bildung") may head or end a compound.
			for _, term := range t.Terms() {
				if k := corpus.Fold(term); !strings.Contains(k, " ") && utf8.RuneCountInString(k) >= minCompoundPart {
					p.compounds = append(p.compounds, compoundPart{k, t.ID})
				}
			}
		}
		slices.SortStableFunc(p.compounds, func(a, b compoundPart) int { return len(b.part) - len(a.part) })
	}
	if reg != nil {
		p.lands = german.NewLandRecogniser(reg)
	}
	p.seriesName = map[string]corpus.SeriesID{}
	owners := map[string]map[corpus.SeriesID]bool{}
	for _, s := range corpus.AllSeries() {
		for _, name := range append([]string{s.Label, string(s.ID)}, s.Aliases...) {
			k := corpus.Fold(name)
			if _, dup := p.seriesName[k]; !dup {
				p.seriesName[k] = s.ID
			}
			p.maxSeriesN = max(p.maxSeriesN, len(strings.Fields(k)))
			if m := membersOf(name); m != "" {
				p.seriesMembers[m] = s.ID
			}
			for _, w := range strings.Fields(corpus.Fold(name)) {
				w = strings.Trim(w, "()„“\"")
				if len(w) < 3 && !hasDigit(w) || seriesGeneric[w] || stopWords[w] || !seriesWordLike(w) {
					continue
				}
				if owners[w] == nil {
					owners[w] = map[corpus.SeriesID]bool{}
				}
				owners[w][s.ID] = true
			}
		}
	}
	for w, ids := range owners {
		if len(ids) == 1 {
			for id := range ids {
				p.seriesWord[w] = id
			}
		}
	}
	return p
}

// tokenize splits q into words with the language layer's tokenizer
// (german.Tokenize). Words joined by punctuation without white space are one
// question word ("KI-Strategie", "digital.LÄND", "4.0"), except across "/";
// an English possessive "'s" is dropped; dot records a full stop right after
// the word ("4. Sitzung").
func tokenize(q string) []token {
	ts := german.Tokenize(q)
	var out []token
	for i := 0; i < len(ts); {
		j := i
		for j+1 < len(ts) && joins(ts[j+1].Sep) {
			j++
		}
		raw := q[ts[i].Start:ts[j].End]
		for _, suf := range []string{"'s", "’s"} {
			raw = strings.TrimSuffix(raw, suf)
		}
		rest := strings.TrimLeft(q[ts[j].End:], "?!,;:\"'„“”‚‘’»«)]}")
		dot := strings.HasPrefix(q[ts[j].End:], ".") || strings.HasPrefix(rest, ".") && len(rest) < len(q[ts[j].End:])
		out = append(out, token{raw: raw, fold: corpus.Fold(raw), dot: dot})
		i = j + 1
	}
	return out
}

// joins reports whether a separator between two tokens keeps them one
// question word: punctuation without white space, not a slash.
func joins(sep string) bool {
	return sep != "" && !strings.ContainsAny(sep, " /¶")
}

// stem strips one common German inflection ending from a folded word.
func stem(w string) string {
	for _, suf := range []string{"en", "em", "er", "es", "n", "s", "e"} {
		if strings.HasSuffix(w, suf) && utf8.RuneCountInString(w)-len(suf) >= 4 {
			return strings.TrimSuffix(w, suf)
		}
	}
	return w
}

// stemPhrase stems every word of a folded phrase.
func stemPhrase(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		ws[i] = stem(w)
	}
	return strings.Join(ws, " ")
}

func hasDigit(s string) bool { return strings.ContainsFunc(s, unicode.IsDigit) }

func joinRaw(ts []token) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = t.raw
	}
	return strings.Join(parts, " ")
}

func joinFold(ts []token) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = t.fold
	}
	return strings.Join(parts, " ")
}

func (p *parser) parse(q string) Question {
	ts := tokenize(q)
	out := Question{Text: q, Lang: language(ts)}
	out.Year = findYear(ts)
	out.Months = findMonths(ts)
	out.Ordinal = findOrdinal(ts)
	out.Land = p.findLand(ts)
	out.Series = p.findSeries(ts)
	if out.Series == "" && asksAboutMeetings(ts) {
		// "Wer hatte 2030 den Vorsitz des Digitalkabinetts?"; not "Welche
		// Länder haben ein Digitalkabinett?", which asks for a kind
		out.Series = formBody(q)
	}
	out.Topic, out.Term = p.findTopic(ts)
	out.Place = p.findPlace(ts)
	out.Role = p.findRole(ts)
	out.Keywords = keywords(ts)
	out.Negated = negated(ts)
	out.Intent = p.intent(ts, out)
	return out
}

// negationWords turn a question into its opposite.
var negationWords = set("kein", "keine", "keinen", "keiner", "keines", "nicht", "ohne", "no", "not", "without", "don't", "doesn't", "dont", "doesnt")

func negated(ts []token) bool {
	for _, t := range ts {
		if negationWords[t.fold] {
			return true
		}
	}
	return false
}

// language guesses whether the question is English; German is the default.
func language(ts []token) string {
	en, de := 0, 0
	for _, t := range ts {
		if englishWords[t.fold] {
			en++
		}
		if germanWords[t.fold] {
			de++
		}
	}
	if en > de {
		return "en"
	}
	return "de"
}

var englishWords = set("which", "who", "what", "when", "where", "did", "does", "do", "the", "have", "has",
	"is", "were", "of", "for", "with", "about", "there", "take", "took", "place", "held", "chaired", "chair", "on", "agenda",
	"a", "an", "and", "are", "topics", "first", "digital", "strategy", "meeting", "minister")

var germanWords = set("welche", "welcher", "welches", "wer", "wann", "wo", "hat", "haben", "hatte", "der",
	"die", "das", "den", "dem", "des", "fand", "statt", "ist", "und", "eine", "einen", "ein", "tagte",
	"im", "beim", "auf", "standen", "themen", "vorsitz", "gibt", "es", "was", "am", "wie", "wurde", "zu", "von",
	"mit", "sich", "welchen", "welchem", "sind", "heißt", "heisst", "steht", "worueber", "bei")

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

func findYear(ts []token) int {
	for _, t := range ts {
		if german.IsYear(t.raw) {
			y, _ := strconv.Atoi(t.raw)
			return y
		}
	}
	return 0
}

var (
	germanOrdinals = map[string]int{
		"erst": 1, "zweit": 2, "dritt": 3, "viert": 4, "fuenft": 5, "sechst": 6, "siebt": 7,
		"siebent": 7, "acht": 8, "neunt": 9, "zehnt": 10, "elft": 11, "zwoelft": 12,
		"letzt": OrdinalLast, "juengst": OrdinalLast, "neuest": OrdinalLast,
		// "die konstituierende Sitzung", "das Gründungstreffen": the first.
		"konstituierend": 1,
	}
	englishOrdinals = map[string]int{
		"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
		"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
		"last": OrdinalLast, "latest": OrdinalLast, "inaugural": 1, "constituent": 1, "founding": 1,
	}
	englishOrdinalRE = regexp.MustCompile(`^(\d{1,2})(st|nd|rd|th)$`)
	digitsRE         = regexp.MustCompile(`^\d{1,2}$`)
	ordinalEndings   = []string{"e", "en", "er", "es", "em"}
)

// germanOrdinal returns the number of a folded German ordinal with its
// ending ("dritte", "zweiten", "letzten"), if w is one.
func germanOrdinal(w string) (int, bool) {
	for _, end := range ordinalEndings {
		if n, ok := germanOrdinals[strings.TrimSuffix(w, end)]; ok && strings.HasSuffix(w, end) {
			return n, true
		}
	}
	return 0, false
}

func findOrdinal(ts []token) int {
	for i, t := range ts {
		if n, ok := englishOrdinals[t.fold]; ok {
			return n
		}
		if n, ok := germanOrdinal(t.fold); ok {
			return n
		}
		if strings.HasPrefix(t.fold, "gruendungs") { // "Gründungssitzung", "Gründungstreffen"
			return 1
		}
		if m := englishOrdinalRE.FindStringSubmatch(t.fold); m != nil {
			n, _ := strconv.Atoi(m[1])
			if n > 0 {
				return n
			}
		}
		if t.dot && digitsRE.MatchString(t.raw) {
			next := ""
			if i+1 < len(ts) {
				next = ts[i+1].fold
			}
			n, _ := strconv.Atoi(t.raw)
			if n > 0 && !isMonth(next) && !digitsRE.MatchString(next) && next != "und" && next != "bis" {
				return n
			}
		}
	}
	return 0
}

// findLand returns the first Land the question names, in any form the
// language layer's Land recogniser reads in a question
// (german.LandRecogniser.MatchWords): code, name, genitive, alias,
// inflected adjective, region or English name.
func (p *parser) findLand(ts []token) corpus.LandCode {
	if p.lands == nil {
		return ""
	}
	raws := make([]string, len(ts))
	for i, t := range ts {
		raws[i] = t.raw
	}
	for i := range raws {
		if ls, n := p.lands.MatchWords(raws[i:]); n > 0 {
			return ls[0]
		}
	}
	return ""
}

// landNamed returns the Land that the whole of s names (a name, code,
// alias, adjective or English name), if any.
func (p *parser) landNamed(s string) (corpus.LandCode, bool) {
	if p.lands == nil {
		return "", false
	}
	ws := strings.Fields(s)
	if ls, n := p.lands.MatchWords(ws); n > 0 && n == len(ws) {
		return ls[0], true
	}
	return "", false
}

// formBody returns the series of the first body the question names by the
// form of its name (german.IsBody: "die Bund-Länder-Arbeitsgruppe
// Registermodernisierung", "des Digitalkabinetts"), as ingest names such a
// series: its name in lower case, without the Land it may belong to (the
// engine matches every Land's body of that name, see seriesMatches). A
// head alone ("Lenkungskreis", "Kabinettsausschuss") is no name: ingest
// keeps every body of that head as one, so a question about one of them
// would be answered with another's meetings.
func formBody(q string) corpus.SeriesID {
	heads := german.BodyHeads(false)
	toks := german.Tokenize(q)
	for i := 0; i < len(toks); i++ {
		j := i
		for j+1 < len(toks) && toks[j+1].Sep == "-" {
			j++
		}
		w := q[toks[i].Start:toks[j].End]
		i = j
		if !german.IsUpperInitial(w) {
			continue
		}
		if name, ok := german.IsBody(w); ok {
			if slices.Contains(heads, strings.ToLower(name)) {
				return ""
			}
			return corpus.SeriesID(strings.ToLower(name))
		}
	}
	return ""
}

// asksAboutMeetings reports whether the question asks about meetings,
// chairs, participants or an agenda.
func asksAboutMeetings(ts []token) bool {
	return anyStem(ts, meetingStems) || anyStem(ts, chairStems) || anyWord(ts, chairWords) || participation(ts) ||
		anyWord(ts, whenWhere) || asksAgenda(ts) || anyWord(ts, hostWords)
}

// findSeries returns the first meeting series the question names, by label,
// alias or a word only that series' names use.
func (p *parser) findSeries(ts []token) corpus.SeriesID {
	// the members of a ministers' conference with a verb of meeting: "Wo
	// kamen die Innenminister zusammen?", unless a series is named
	var members corpus.SeriesID
	for i := range ts {
		// "Innenministerinnen" → "innenminister"
		ministers := strings.TrimSuffix(strings.TrimSuffix(ts[i].fold, "innen"), "n")
		if !strings.HasSuffix(ministers, "minister") {
			ministers = ""
		}
		// "die Innenminister der Länder" → Innenministerkonferenz
		if i+2 < len(ts) && (ts[i+1].fold == "der" || ts[i+1].fold == "aller") && strings.HasPrefix(ts[i+2].fold, "laender") {
			if id, ok := p.seriesName[ministers+"konferenz"]; ok && ministers != "" {
				return id
			}
		}
		// a meeting of the ministers: "die Herbstkonferenz der
		// Digitalministerinnen und Digitalminister"
		if i >= 2 && ministers != "" && ts[i-1].fold == "der" && anyStem(ts[i-2:i-1], meetingStems) {
			if id, ok := p.seriesName[ministers+"konferenz"]; ok {
				return id
			}
		}
		// "Was stand bei den Digitalministern auf der Tagesordnung?": the
		// members in the dative, with a word of the agenda
		if members == "" && i > 0 && (ts[i-1].fold == "die" || ts[i-1].fold == "den") && ministers != "" &&
			(anyWord(ts, meetingVerbs) || anyWord(ts, hostWords) || anyStem(ts, agendaStems)) {
			members = p.seriesName[ministers+"konferenz"]
		}
		// "Wo treffen sich die Datenschutzaufsichtsbehörden?": the members
		// a conference's name names, with a verb of meeting
		if id, ok := p.seriesMembers[ts[i].fold]; ok && members == "" && anyWord(ts, meetingVerbs) {
			members = id
		}
		for n := min(p.maxSeriesN, len(ts)-i); n >= 1; n-- {
			if id, ok := p.seriesName[joinFold(ts[i:i+n])]; ok {
				return id
			}
		}
		for _, w := range append([]string{ts[i].fold}, strings.Split(ts[i].fold, "-")...) {
			for _, cand := range []string{w, strings.TrimSuffix(w, "en"), strings.TrimSuffix(w, "n"), strings.TrimSuffix(w, "s")} {
				if id, ok := p.seriesWord[cand]; ok {
					return id
				}
			}
		}
	}
	words := make([]string, len(ts))
	for i, t := range ts {
		words[i] = t.fold
	}
	for _, e := range englishSeries {
		if containsWithFillers(words, strings.Fields(e.name)) {
			return e.id
		}
	}
	// "When will the digital ministers of the Länder hold their autumn
	// conference?": the ministers meeting, as "die Digitalminister der
	// Länder" with a word of meeting; not "Which states' digital ministers
	// have announced …"
	if members == "" && containsWithFillers(words, []string{"digital", "ministers"}) &&
		(anyStem(ts, meetingStems) || anyWord(ts, meetingVerbs) || anyWord(ts, hostWords) || anyWord(ts, whenWhere)) {
		return "dmk"
	}
	return members
}

// seriesFillers are words a question may put into an English series name
// without changing it: "the heads of the Länder state chancelleries", "the
// 16 state premiers".
var seriesFillers = map[string]bool{"the": true, "laender": true, "lander": true, "german": true, "16": true,
	"sixteen": true, "all": true, "federal": true, "of": true}

// containsWithFillers reports whether the words of name occur in words in
// order, with at most fillers between them.
func containsWithFillers(words, name []string) bool {
	if len(name) == 0 {
		return false
	}
	for i := range words {
		j, k := i, 0
		for j < len(words) && k < len(name) {
			switch {
			case words[j] == name[k]:
				k++
			case k == 0 || !seriesFillers[words[j]]:
				j = len(words) // no match from i
				continue
			}
			j++
		}
		if k == len(name) {
			return true
		}
	}
	return false
}

// findTopic returns the topic of the longest thesaurus term in the question,
// comparing stemmed words so that inflected forms match, and, when the
// question names the topic only as part of a longer compound
// ("Cybersicherheitsagentur" for Cybersicherheit), that compound as written.
func (p *parser) findTopic(ts []token) (corpus.TopicID, string) {
	stems := make([]string, len(ts))
	for i, t := range ts {
		stems[i] = stem(t.fold)
	}
	for n := min(p.maxTopicN, len(ts)); n >= 1; n-- {
		for i := 0; i+n <= len(ts); i++ {
			if id, ok := p.topics[strings.Join(stems[i:i+n], " ")]; ok {
				return id, ""
			}
		}
	}
	// Parts of hyphenated and closed compounds: "KI-Strategie",
	// "Cybersicherheitsagentur".
	for _, t := range ts {
		parts := strings.Split(t.fold, "-")
		for _, part := range parts {
			if id, ok := p.topics[stem(part)]; ok && part != t.fold {
				return id, t.raw
			}
		}
		// Leading parts may spell a term of several words: "Open-Data-Gesetz"
		// holds "Open Data".
		for n := len(parts) - 1; n >= 2; n-- {
			if id, ok := p.topics[stemPhrase(strings.Join(parts[:n], " "))]; ok {
				return id, t.raw
			}
		}
	}
	for _, c := range p.compounds {
		for _, t := range ts {
			if len(t.fold) > len(c.part) && (strings.HasPrefix(t.fold, c.part) || strings.HasSuffix(t.fold, c.part)) {
				return c.id, t.raw
			}
		}
	}
	all := " " + joinFold(ts) + " "
	var best string
	for name := range englishTopics {
		if len(name) > len(best) && strings.Contains(all, " "+name+" ") {
			best = name
		}
	}
	if id := englishTopics[best]; id != "" && p.th != nil {
		if _, ok := p.th.Get(id); ok {
			return id, ""
		}
	}
	return "", ""
}

var placeStop = set("der", "die", "das", "dem", "den", "des", "the", "a", "an", "welchem", "welcher",
	"which", "what", "diesem", "this", "jahr", "year", "sachen", "bezug")

// findPlace returns the capitalised word after "in" or "at", if it is no year,
// month or article: "in Potsdam" → "Potsdam"; else the town whose adjective
// names a building: "im Saarbrücker Schloss" → "Saarbrücken".
func (p *parser) findPlace(ts []token) string {
	for i := 0; i+1 < len(ts); i++ {
		if ts[i].fold != "in" && ts[i].fold != "at" {
			continue
		}
		w := ts[i+1]
		r, _ := utf8.DecodeRuneInString(w.raw)
		if !unicode.IsUpper(r) || placeStop[w.fold] || isMonth(w.fold) || hasDigit(w.raw) {
			continue
		}
		if _, ok := p.seriesName[w.fold]; ok {
			continue
		}
		return w.raw
	}
	// a building named by its town's adjective: "bei ihrem Treffen im
	// Saarbrücker Schloss", "im Kieler Landeshaus"
	for i := 0; i+2 < len(ts); i++ {
		switch ts[i].fold {
		case "im", "am", "beim", "ins", "in", "auf":
		default:
			continue
		}
		j := i + 1
		if placeStop[ts[j].fold] && j+2 < len(ts) {
			j++ // "in der Kieler Staatskanzlei"
		}
		town, ok := german.TownByAdjective(ts[j].raw)
		if r, _ := utf8.DecodeRuneInString(ts[j+1].raw); ok && unicode.IsUpper(r) && !strings.HasSuffix(ts[j+1].fold, "platz") && !strings.HasSuffix(ts[j+1].fold, "strasse") {
			return town
		}
	}
	return ""
}

// roleParts are the parts a role is made of, folded, longest first within a
// family; English words map to the German part.
var roleParts = []struct{ word, part string }{
	{"ministerpraesident", "ministerpraesident"}, {"prime minister", "ministerpraesident"},
	{"minister-president", "ministerpraesident"}, {"premier", "ministerpraesident"},
	{"staatssekretaer", "staatssekretaer"}, {"state secretary", "staatssekretaer"},
	{"koordinator", "koordinator"}, {"coordinator", "koordinator"},
	{"beauftragt", "beauftragt"}, {"commissioner", "beauftragt"},
	{"senator", "senator"}, {"minister", "minister"},
	{"chief digital officer", "cdo"}, {"cdo", "cdo"}, {"cio", "cio"},
	{"digital", "digital"},
}

// findRole returns the role parts the question names, or nil.
func (p *parser) findRole(ts []token) []string {
	var words []token
	for _, t := range ts {
		// "Digitalministerkonferenz", "Digitalkoordinatoren der Länder" name no role.
		if !containsAny(t.fold, meetingStems) && p.findSeries([]token{t}) == "" {
			words = append(words, t)
		}
	}
	ts = words
	s := " " + joinFold(ts) + " "
	var parts []string
	found := false
	for _, rp := range roleParts {
		if rp.part == "digital" {
			continue
		}
		if i := strings.Index(s, rp.word); i >= 0 && !slices.Contains(parts, rp.part) {
			if rp.part == "minister" && slices.Contains(parts, "ministerpraesident") {
				continue
			}
			parts = append(parts, rp.part)
			s = s[:i] + strings.Repeat(" ", len(rp.word)) + s[i+len(rp.word):]
			found = true
		}
	}
	if !found {
		return nil
	}
	// "Digitalkoordinator", "digital minister": keep the qualifier.
	for _, t := range ts {
		if strings.HasPrefix(t.fold, "digital") && (t.fold == "digital" || containsAny(t.fold, parts)) {
			parts = append([]string{"digital"}, parts...)
			break
		}
	}
	return parts
}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

var stopWords = set(
	// German
	"welche", "welcher", "welches", "welchen", "wer", "wie", "was", "wann", "wo", "warum", "hat", "haben",
	"hatte", "hatten", "ist", "sind", "war", "waren", "der", "die", "das", "den", "dem", "des", "ein",
	"eine", "einen", "einem", "einer", "und", "oder", "in", "im", "am", "an", "auf", "aus", "bei", "beim",
	"mit", "von", "vom", "zu", "zum", "zur", "für", "fuer", "es", "gibt", "gab", "sich", "nach", "über",
	"ueber", "wird", "werden", "wurde", "wurden", "fand", "statt", "tagte", "denn", "noch", "schon",
	// English
	"which", "who", "what", "when", "where", "why", "how", "does", "do", "did", "is", "are", "was", "were",
	"the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "or", "has", "have", "had", "there",
	"any", "about",
)

func keywords(ts []token) []string {
	var out []string
	for _, t := range ts {
		if stopWords[t.fold] || t.raw == "-" {
			continue
		}
		out = append(out, t.raw)
	}
	return out
}

var (
	chairStems = []string{"vorsitz", "chair", "presiden", "presided"}
	// chairWords lead a series without the word Vorsitz ("Wer leitete 2022 die D16?").
	chairWords = set("leitete", "leiteten", "geleitet", "leitet", "leiten", "led", "headed", "lead", "leads",
		"fuehrte", "fuehrten", "fuehrt")
	// hostWords ask who hosted a meeting.
	hostWords = set("gastgeber", "gastgeberin", "gastgeberland", "ausgerichtet", "ausrichter", "ausrichterin",
		"richtete", "richteten", "eingeladen", "einladung", "hosted", "host", "hosts", "hosting", "invited")
	agendaStems  = []string{"tagesordnung", "thema", "themen", "agenda", "besprochen", "beraten", "berieten", "beriet", "diskutiert", "diskutierten", "eroertert", "worueber", "worum", "befasst", "befassten", "beschaeftigt", "beschaeftigten", "topic", "discuss", "subject", "schwerpunkt"}
	whenWhere    = set("wann", "wo", "when", "where", "datum", "date", "ort", "statt", "stattgefunden", "tagte", "tagten", "trafen", "took", "held", "stattfinden", "findet", "fand")
	meetingStems = []string{"treffen", "konferenz", "sitzung", "tagung", "meeting", "conference", "session", "summit", "gipfel", "tagte", "trafen"}
	laenderWords = set("laender", "bundeslaender", "states", "land", "bundesland", "lander")
	whoWords     = set("wer", "wem", "wen", "who", "whom")
	copulaWords  = set("ist", "war", "sind", "waren", "wird", "wurde", "is", "was", "are", "were")
	// meetingVerbs say a body met: "Wo kamen die Innenminister zusammen?"
	meetingVerbs = set("zusammengekommen", "zusammen", "getagt", "tagten", "tagte", "tagt", "tagen", "trafen", "traf", "trifft", "treffen", "getroffen", "beraten",
		"berieten", "gesprochen", "sprachen", "versammelt", "meet", "met", "gathered", "convened", "abgehalten")
	whereWords = set("wo", "where")
)

// participation reports whether the question asks who took part.
func participation(ts []token) bool {
	if anyStem(ts, []string{"teilnehm", "teilgenommen", "beteilig", "participa", "attend", "mitwirk", "member"}) {
		return true
	}
	for i, t := range ts {
		// "mitarbeiten", not "Mitarbeiter"; "… vertreten?" closing the
		// question ("Welche Länder sind im Rat vertreten?"), not "vertreten
		// eine harte Linie"
		if strings.HasPrefix(t.fold, "mitarbeit") && !strings.HasPrefix(t.fold, "mitarbeiter") || t.fold == "vertreten" && i == len(ts)-1 {
			return true
		}
	}
	s := " " + joinFold(ts) + " "
	// separable verbs: "nahmen … teil", "arbeiten in der AG … mit"
	return strings.Contains(s, " took part ") || strings.Contains(s, " nahmen ") && strings.HasSuffix(s, " teil ") ||
		strings.HasSuffix(s, " mit ") && (strings.Contains(s, " arbeiten ") || strings.Contains(s, " wirken ") || strings.Contains(s, " arbeitet "))
}

// agendaPhrases ask what a meeting discussed in several words: "Über was
// …", "Was lag … auf dem Tisch?", "on the table".
var agendaPhrases = []string{"ueber was", "auf dem tisch", "auf den tisch", "on the table"}

// asksAgenda reports whether a question asks what a meeting discussed.
func asksAgenda(ts []token) bool {
	return anyStem(ts, agendaStems) || anyPhrase(ts, agendaPhrases...)
}

// anyPhrase reports whether the question's folded words hold one of the
// phrases, word for word.
func anyPhrase(ts []token, phrases ...string) bool {
	all := " " + joinFold(ts) + " "
	return slices.ContainsFunc(phrases, func(p string) bool { return strings.Contains(all, " "+p+" ") })
}

func anyStem(ts []token, stems []string) bool {
	for _, t := range ts {
		for _, s := range stems {
			if strings.Contains(t.fold, s) {
				return true
			}
		}
	}
	return false
}

func anyWord(ts []token, words map[string]bool) bool {
	for _, t := range ts {
		if words[t.fold] {
			return true
		}
	}
	return false
}

// whoDoesForBody reports whether a "Wer" question names a body but no
// meeting: "Wer entwickelt die Wohngeldakte für den IT-Planungsrat?" asks
// who does something for the body, not when it met.
func whoDoesForBody(ts []token) bool {
	return anyWord(ts, whoWords) && !anyStem(ts, meetingStems) && !anyWord(ts, meetingVerbs)
}

// intent decides what the question asks, most specific first.
func (p *parser) intent(ts []token, q Question) Intent {
	// "Wo haben sich die Leiter der Landes-CERTs getroffen?": a verb of
	// meeting with "wo" or "wann" asks for a meeting too
	meeting := q.Series != "" || anyStem(ts, meetingStems) || anyWord(ts, meetingVerbs) && anyWord(ts, whenWhere)
	// "Worüber haben die Digitalminister im Oktober 2047 in Bremen beraten?"
	// asks for a meeting's agenda: deliberating at a place and a time is
	// a meeting even when no word for one is used.
	agenda := asksAgenda(ts)
	// So is deliberating at a place as office holders of the Länder:
	// "Worüber haben die Digital-Staatssekretäre der Länder in Erfurt
	// beraten?"
	meeting = meeting || agenda && q.Place != "" && (q.Year > 0 || len(q.Months) > 0 || len(q.Role) > 0 && anyWord(ts, ofTheLaender))
	switch {
	case (anyStem(ts, chairStems) || anyWord(ts, chairWords)) && !agenda && !anyWord(ts, whereWords):
		// "Where … under the Hessian chair?" asks for a meeting, not a chair.
		return IntentChair
	case agenda && meeting:
		return IntentAgenda
	case meeting && (anyWord(ts, hostWords) || visits(ts)):
		return IntentHost
	case meeting && participation(ts):
		return IntentParticipants
	case q.Land != "" && anyStem(ts, []string{"strateg", "programm", "masterplan"}):
		return IntentStrategy
	case q.Land != "" && (len(q.Role) > 0 || anyWord(ts, whoWords) && anyWord(ts, copulaWords)) && !(meeting && anyWord(ts, whenWhere)):
		// "Wer ist in Berlin zuständig?"; not "Wer nutzt die Hamburger
		// Plattform nach?", which asks who else does something
		return IntentPerson
	case meeting && (anyWord(ts, whenWhere) || q.Ordinal != 0 || q.Topic == "" && !whoDoesForBody(ts)):
		return IntentMeeting
	case q.Topic != "":
		return IntentLaenderWithTopic
	}
	return IntentFallback
}

// ofTheLaender are the words that make office holders those of the Länder.
var ofTheLaender = map[string]bool{"laender": true, "bundeslaender": true}

// isMonth reports whether a folded word names a month (the language
// layer's calendar).
func isMonth(w string) bool {
	_, ok := german.Month(w)
	return ok
}

// visits reports whether the question asks where a body was a guest ("zu
// Gast"): "Bei welchem Land waren die D16 zu Gast?" asks for the host, not
// for the guests ("als Gast").
func visits(ts []token) bool { return anyPhrase(ts, "zu gast") }
