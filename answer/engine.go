// Package answer understands questions about the digital policy of the Länder
// and answers them from the knowledge graph, falling back to the full-text
// index.
//
// Parse turns a German or English question into a Question: an intent (which
// Länder have a thing, who chaired a series, when and where a meeting took
// place, what it discussed, a Land's strategy or people) and the entities it
// names (topic, Land, series, year, ordinal, place, role), found through the
// Länder registry and the topic thesaurus so that inflected forms work
// ("Brandenburgs", "hessische", "Cyberwehren"). Engine.Ask then reads the
// facts of that intent and returns them with their evidence. It never invents:
// an answer holds only what a stored fact supports, and says so when nothing
// does.
package answer

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/german"
	"github.com/laendergraph/laendergraph/search"
)

// Knowledge is what the engine reads from the knowledge graph. An empty land
// or topic matches every Land or topic.
type Knowledge interface {
	LandTopics(ctx context.Context, land corpus.LandCode, topic corpus.TopicID) ([]corpus.LandTopic, error)
	MeetingMentions(ctx context.Context) ([]corpus.MeetingMention, error)
	// Meetings returns the meetings merged from every meeting mention and
	// chair term, as corpus.MergeMeetings merges them.
	Meetings(ctx context.Context) ([]corpus.Meeting, error)
	ChairTerms(ctx context.Context) ([]corpus.ChairTerm, error)
	Strategies(ctx context.Context, land corpus.LandCode) ([]corpus.Strategy, error)
	People(ctx context.Context, land corpus.LandCode) ([]corpus.Person, error)
	// TopicMentions returns where documents first name a topic.
	TopicMentions(ctx context.Context, topic corpus.TopicID) ([]corpus.TopicMention, error)
}

// Searcher is the full-text index the engine falls back to.
type Searcher interface {
	Search(ctx context.Context, req search.Request) (*search.Result, error)
}

// FallbackLimit is the number of documents a fallback answer lists.
const FallbackLimit = 10

// Engine answers questions. It is safe for concurrent use.
type Engine struct {
	k     Knowledge
	s     Searcher
	reg   *corpus.Registry
	th    *corpus.Thesaurus
	views Views
	p     *parser // read-only after New
	// lands and places recognise Länder and towns in passages.
	lands  *german.LandRecogniser
	places map[string]corpus.LandCode
	// names caches the content words of organisation and law names
	// (institution.go), read once per distinct name.
	names nameCache
	// memo keeps what meeting and chair questions derive from the whole
	// graph, per generation (memo.go).
	memo memo
}

// New returns an engine over the knowledge graph k and the index s. A nil
// registry or thesaurus means the built-in one. The engine reads them once:
// extend the thesaurus before calling New.
func New(k Knowledge, s Searcher, reg *corpus.Registry, th *corpus.Thesaurus) *Engine {
	if reg == nil {
		reg = corpus.Laender()
	}
	if th == nil {
		th = corpus.DefaultThesaurus()
	}
	p := newParser(reg, th)
	return &Engine{k: k, s: s, reg: reg, th: th, views: Views{Reg: reg, Th: th}, p: p,
		lands: p.lands, places: german.Places()}
}

// Answer is the reply to a question.
type Answer struct {
	Question string `json:"question"`
	// Interpretation is what the engine understood.
	Interpretation Question `json:"interpretation"`
	// Text is a short answer in the question's language.
	Text string `json:"text"`
	// Source says where the answer comes from: "graph" (stored facts),
	// "text" (sentences of the documents, cited as evidence), "search" (a
	// list of matching documents) or "" when nothing answers.
	Source string `json:"source"`
	// Confidence is how well the best cited passage covers the question
	// (0–1), for answers from text.
	Confidence float64 `json:"confidence,omitempty"`
	Answer     Result  `json:"answer"`
}

// Result holds the records an answer consists of, best first. Lists that do
// not apply to the intent are empty, never null.
type Result struct {
	Laender    []Land     `json:"laender"`
	Meetings   []Meeting  `json:"meetings"`
	Topics     []Topic    `json:"topics"`
	People     []Person   `json:"people"`
	Strategies []Strategy `json:"strategies"`
	Documents  []Hit      `json:"documents"`
	// ChairTerms are the chair terms a chair answer rests on, with their
	// periods.
	ChairTerms []ChairTerm `json:"chair_terms"`
}

func emptyResult() Result {
	return Result{Laender: []Land{}, Meetings: []Meeting{}, Topics: []Topic{}, People: []Person{}, Strategies: []Strategy{}, Documents: []Hit{}, ChairTerms: []ChairTerm{}}
}

// Ask answers the question q. An empty question is corpus.ErrInvalid.
func (e *Engine) Ask(ctx context.Context, q string) (Answer, error) {
	q = strings.TrimSpace(q)
	if q == "" {
		return Answer{}, fmt.Errorf("ask: empty question: %w", corpus.ErrInvalid)
	}
	p := e.p
	qu := p.parse(q)
	if qu.Series == "" && meetingIntent(qu.Intent) {
		// a body the corpus knows by a name of several words: "die
		// Konferenz der Landes-CERTs"
		d, err := e.meetingData(ctx)
		if err != nil {
			return Answer{}, fmt.Errorf("ask: %w", err)
		}
		qu.Series = namedOpenSeries(q, d.ms)
	}
	a := Answer{Question: q, Interpretation: qu, Answer: emptyResult()}
	var err error
	// An organisation or law the question names in full is answered from
	// its own facts, not from the topic its name holds.
	// Not for "Welche Länder haben ein …?", which asks for a kind of
	// institution, nor for a negated question.
	if (qu.Intent == IntentLaenderWithTopic || qu.Intent == IntentFallback) && !qu.Negated && !asksForSeveral(q) {
		in, ok, err := e.institution(ctx, q)
		if err != nil {
			return Answer{}, fmt.Errorf("answer institution question: %w", err)
		}
		if ok {
			qu.Intent, qu.Institution = IntentInstitution, in.name
			a.Interpretation = qu
			a.Answer.Laender = in.lands
			a.Source = "graph"
			a.Text = textInstitution(qu, in)
			if err := e.fromText(ctx, q, qu, &a); err != nil {
				return Answer{}, fmt.Errorf("answer from text: %w", err)
			}
			return a, nil
		}
	}
	switch qu.Intent {
	case IntentLaenderWithTopic:
		err = e.laenderWithTopic(ctx, qu, &a)
	case IntentChair:
		err = e.chair(ctx, p, qu, &a)
	case IntentMeeting, IntentAgenda, IntentParticipants, IntentHost:
		err = e.meeting(ctx, p, qu, &a)
	case IntentStrategy:
		err = e.strategy(ctx, qu, &a)
	case IntentPerson:
		err = e.person(ctx, qu, &a)
	default:
		err = e.fallback(ctx, qu, &a)
	}
	if err != nil {
		return Answer{}, fmt.Errorf("answer %s question: %w", qu.Intent, err)
	}
	if qu.Intent != IntentFallback && a.Source == "" && !emptyAnswer(a.Answer) {
		a.Source = "graph"
	}
	if err := e.fromText(ctx, q, qu, &a); err != nil {
		return Answer{}, fmt.Errorf("answer from text: %w", err)
	}
	return a, nil
}

// meetingIntent reports whether the intent is answered from meetings and
// chair terms.
func meetingIntent(i Intent) bool {
	switch i {
	case IntentMeeting, IntentAgenda, IntentParticipants, IntentHost, IntentChair:
		return true
	}
	return false
}

// namedOpenSeries returns the series no registry knows (ingest named it by
// the form of its name) whose name of two or more words the question
// gives, the longest if several: "Wann tagte die Konferenz der Landes-CERTs
// 2064?" names "konferenz-der-landes-certs". A Land's body ("…-by") is
// named by its name without the Land.
func namedOpenSeries(q string, ms []corpus.Meeting) corpus.SeriesID {
	words := strings.FieldsFunc(corpus.Fold(q), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	all := " " + strings.Join(words, " ") + " "
	var best corpus.SeriesID
	bestLen := 0
	seen := map[corpus.SeriesID]bool{}
	for _, m := range ms {
		if seen[m.Series] {
			continue
		}
		seen[m.Series] = true
		if _, known := corpus.SeriesByID(m.Series); known {
			continue
		}
		base, _ := corpus.SeriesBase(m.Series)
		name := corpus.Fold(strings.ReplaceAll(string(base), "-", " ")) // as the question: "länder" → "laender"
		if strings.Count(name, " ") < 1 || len(name) <= bestLen {
			continue
		}
		if !strings.Contains(all, " "+name+" ") && !namesGathering(name, words, all) {
			continue
		}
		best, bestLen = base, len(name)
	}
	return best
}

// namesGathering reports whether a question (its folded words, and all of
// them joined) names the series "treffen der laender certs" — a gathering
// named by who gathers — by the group and a word ending in the gathering:
// "Wann trafen sich die Länder-CERTs zum Verbundtreffen?".
func namesGathering(name string, words []string, all string) bool {
	head, group, ok := strings.Cut(name, " der ")
	if !ok || strings.Contains(head, " ") || !strings.Contains(group, " ") || !strings.Contains(all, " "+group+" ") {
		return false
	}
	return slices.ContainsFunc(words, func(w string) bool { return strings.HasSuffix(w, head) })
}

// doesWithout reports whether a question asks who does without the thing
// it names: "verzichten auf den KI-Lotsen" for the term "KI-Lotsen" (not
// "verzichten dank KI auf Papierakten", "die Ablehnung von Anträgen").
func doesWithout(q, term string) bool {
	if term == "" {
		return false
	}
	ts := tokenize(q)
	for i, t := range ts {
		if !strings.HasPrefix(t.fold, "verzicht") {
			continue
		}
		for j := i + 1; j < len(ts) && j <= i+4; j++ {
			if ts[j].fold != "auf" {
				continue
			}
			k := j + 1
			if k < len(ts) && (ts[k].fold == "den" || ts[k].fold == "die" || ts[k].fold == "das" || ts[k].fold == "einen" || ts[k].fold == "eine") {
				k++
			}
			return k < len(ts) && ts[k].fold == corpus.Fold(term)
		}
	}
	return false
}

func emptyAnswer(r Result) bool {
	return len(r.Laender)+len(r.Meetings)+len(r.Topics)+len(r.People)+len(r.Strategies) == 0
}

// fromText answers a question for Länder from passages when the graph has
// no answer, or when the question says more than the graph intent could
// read (a date, a name, what the Land did) and a passage states it all.
// Graph and text are never mixed silently: a Land both name keeps the
// graph's evidence and gains the passage's, and is marked "graph".
func (e *Engine) fromText(ctx context.Context, q string, qu Question, a *Answer) error {
	if qu.Negated && qu.Intent == IntentLaenderWithTopic {
		return nil // the corpus records what Länder have, not what they lack
	}
	if len(a.Answer.Topics) == 0 && emptyAnswer(a.Answer) && (qu.Intent == IntentAgenda || qu.Intent == IntentFallback) {
		var fs []string
		for _, t := range tokenize(q) {
			fs = append(fs, t.fold)
		}
		if asksWhat(fs) {
			ts, cov, err := e.passageTopics(ctx, e.analyseText(q, qu))
			if err != nil {
				return err
			}
			if len(ts) > 0 {
				a.Answer.Topics = ts
				a.Answer.Documents = []Hit{}
				a.Source, a.Confidence = "text", round2(cov)
				a.Text = e.textTopicsFromPassages(qu, ts)
			}
			return nil
		}
	}
	graphLands := a.Answer.Laender
	tq := e.analyseText(q, qu)
	if qu.Intent == IntentLaenderWithTopic && len(graphLands) > 0 && doesWithout(q, qu.Term) {
		// "Welche Länder verzichten auf den KI-Lotsen …?": the graph
		// records who has the topic, the opposite of what is asked; only
		// a sentence that says who refused answers
		graphLands = nil
		a.Answer.Laender = []Land{}
		a.Source, a.Text = "", nothing(qu.Lang)
	}
	extra := e.leftover(qu, tq)
	if tq.rank != german.RankNone {
		extra += 2 // the graph holds no rankings: "… Schlusslicht?"
	}
	if len(graphLands) > 0 && extra == 0 {
		return nil
	}
	if len(graphLands) == 0 && !emptyAnswer(a.Answer) && (tq.want == wantNone || tq.want == wantPlace) {
		return nil // a meeting, agenda, strategy or person answer from the graph
	}
	if tq.want != wantNone && len(graphLands) > 0 {
		// "Welche Länder hatten vor dem Thüringer Gesetz …": a Land the
		// question names is its context, not its answer.
		kept := graphLands[:0:0]
		for _, l := range graphLands {
			if !tq.exclude[l.Code] {
				kept = append(kept, l)
			}
		}
		if len(kept) < len(graphLands) {
			graphLands = kept
			a.Answer.Laender = kept
			if len(kept) == 0 {
				a.Source, a.Text = "", nothing(qu.Lang)
			}
		}
	}
	ls, cov, err := e.passageLaender(ctx, q, qu, tq)
	if err != nil {
		return err
	}
	if len(ls) == 0 {
		// A graph answer that left much of the question unread and names
		// several Länder for a question about one is a guess: say nothing.
		if len(graphLands) > 1 && (tq.want == wantLand || tq.want == wantPlace) && extra >= 2 {
			a.Answer.Laender = []Land{}
			a.Source = ""
			a.Text = nothing(qu.Lang)
		}
		return nil
	}
	byCode := map[corpus.LandCode]Land{}
	for _, l := range graphLands {
		byCode[l.Code] = l
	}
	var both []Land
	for _, l := range ls {
		if g, ok := byCode[l.Code]; ok {
			g.Evidence = append(l.Evidence, g.Evidence...)
			g.Source = "graph"
			both = append(both, g)
		}
	}
	switch {
	case len(both) > 0 && len(ls) > len(both) && extra >= 2:
		// "Welchen beiden Vorsitzländern dankte der Kanzler …", "Welche
		// Länder haben den Vorschlag … eingebracht?": the passage that
		// reads the whole question names graph Länder and more, the graph
		// read only a part (a topic);
		// its list is the answer, each Land marked with where it is from.
		for i, l := range ls {
			if g, ok := byCode[l.Code]; ok {
				g.Evidence = append(l.Evidence, g.Evidence...)
				g.Source = "graph"
				ls[i] = g
			}
		}
		a.Answer.Laender = ls
		a.Answer.Documents = []Hit{}
		a.Source = "text"
		a.Confidence = round2(cov)
		a.Text = e.textFromPassages(qu, ls)
		return nil
	case len(graphLands) > 0 && extra < 2 && !(qu.Year > 0 && qu.Intent == IntentLaenderWithTopic):
		// The graph answer read (nearly) the whole question (a topic
		// answer does not read its year): all its
		// Länder stay, those a passage names too with its evidence.
		inText := map[corpus.LandCode]Land{}
		for _, l := range both {
			inText[l.Code] = l
		}
		for i, l := range a.Answer.Laender {
			if b, ok := inText[l.Code]; ok {
				a.Answer.Laender[i] = b
			}
		}
		if len(both) > 0 {
			a.Confidence = round2(cov)
		}
		return nil
	case len(both) > 0:
		// Graph and text agree: the Länder both name, with the evidence of both.
		a.Answer.Laender = both
		a.Source = "graph"
		a.Confidence = round2(cov)
		return nil
	}
	a.Answer.Laender = ls
	a.Answer.Documents = []Hit{}
	a.Source = "text"
	a.Confidence = round2(cov)
	a.Text = e.textFromPassages(qu, ls)
	return nil
}

// leftover counts the content words of the question that the graph intent did not
// read: words other than the topic, series, Land, year, role and the words
// that make the intent ("Vorsitz", "Treffen", "haben").
func (e *Engine) leftover(qu Question, tq textQuestion) int {
	if qu.Intent == IntentFallback {
		return 99
	}
	known := map[string]bool{}
	addWords := func(s string) {
		for _, t := range german.Tokenize(s) {
			known[german.Stem(t.Raw)] = true
		}
	}
	if tp, ok := e.th.Get(qu.Topic); ok && qu.Topic != "" {
		for _, term := range append(tp.Terms(), string(tp.ID)) {
			addWords(term)
		}
	}
	if qu.Term != "" {
		addWords(qu.Term)
	}
	if qu.Institution != "" {
		addWords(qu.Institution)
	}
	if s, ok := corpus.SeriesByID(qu.Series); ok {
		addWords(s.Label + " " + strings.Join(s.Aliases, " ") + " " + string(s.ID))
	} else if qu.Series != "" {
		addWords(corpus.SeriesLabel(qu.Series)) // a body found by its form
	}
	for _, r := range qu.Role {
		addWords(r)
	}
	addWords(qu.Place)
	n := 0
	for _, t := range tq.terms {
		st := t.stems[0]
		if known[st] || t.year > 0 || t.month > 0 || intentWord(st) {
			continue
		}
		if qu.Intent == IntentHost && slices.ContainsFunc(hostStems, func(h string) bool { return strings.HasPrefix(st, h) }) {
			continue
		}
		if len(qu.Months) > 0 && len(german.Season(strings.ToLower(t.raw))) > 0 {
			continue // the season the intent read as its months: "im Herbst 2100"
		}
		// Verbs and particles ("lag", "stellte") say little; nouns, names,
		// numbers and long words ("turnusgemäß", "vorgesehen") constrain.
		if !german.IsUpperInitial(t.raw) && !t.num && utf8.RuneCountInString(t.raw) < 7 {
			continue
		}
		if _, ok := e.p.landNamed(t.raw); ok {
			continue
		}
		n++
	}
	return n
}

// intentWord reports whether a stemmed word only says what kind of question
// it is: chair, meeting, agenda, host, having.
func intentWord(st string) bool {
	for _, w := range intentStems {
		if strings.HasPrefix(st, w) {
			return true
		}
	}
	return false
}

var intentStems = []string{"vorsitz", "chair", "leit", "led", "lead", "head", "treff", "konferenz", "sitzung", "tagung",
	"tagt", "meeting", "conference", "themen", "thema", "tagesordnung", "agenda", "gastgeb", "host", "teilnehm", "erst",
	"zweit", "dritt", "viert", "fuenft", "letzt", "first", "second", "third", "last", "wann", "when", "where",
	"statt", "fand", "took", "place", "held", "hatt", "hab", "gib", "have", "has", "strateg", "digitalstrateg",
	"beraten", "berieten", "besprochen", "diskut", "inne", "fuehrt", "jahr", "year", "beschl", "verabschied",
	"adopt", "vorsitzland"}

// hostStems are the verbs of hosting that a host question may use in place
// of "Gastgeber": "empfangen", "eingeladen", "ausgerichtet".
var hostStems = []string{"empfang", "eingelad", "einlad", "ausgericht", "ausricht"}

// textTopicsFromPassages writes the answer text of topics read from passages.
func (e *Engine) textTopicsFromPassages(qu Question, ts []Topic) string {
	labels := make([]string, len(ts))
	for i, t := range ts {
		labels[i] = t.Label
	}
	if qu.Lang == "en" {
		return fmt.Sprintf("From the text of the documents (not a stored fact), the passage that answers best names: %s.", strings.Join(labels, "; "))
	}
	return fmt.Sprintf("Aus dem Text der Dokumente (keine gespeicherte Tatsache) nennt die passendste Stelle: %s.", strings.Join(labels, "; "))
}

// textFromPassages writes the answer text of an answer from passages.
func (e *Engine) textFromPassages(qu Question, ls []Land) string {
	names := make([]string, len(ls))
	for i, l := range ls {
		names[i] = l.Name
	}
	if qu.Lang == "en" {
		return fmt.Sprintf("From the text of the documents (not a stored fact): %s. The cited sentences say so.", strings.Join(names, ", "))
	}
	return fmt.Sprintf("Aus dem Text der Dokumente (keine gespeicherte Tatsache): %s. Die zitierten Sätze belegen es.", strings.Join(names, ", "))
}

// landSet collects Länder with their evidence, in registry order.
type landSet struct {
	views Views
	by    map[corpus.LandCode]*Land
}

func newLandSet(v Views) *landSet { return &landSet{views: v, by: map[corpus.LandCode]*Land{}} }

func (s *landSet) add(c corpus.LandCode, rel string, ev ...corpus.Evidence) {
	if c == "" {
		return
	}
	l := s.by[c]
	if l == nil {
		ref := s.views.LandRef(c)
		l = &Land{Code: c, Name: ref.Name}
		s.by[c] = l
	}
	if rel != "" && !slices.Contains(l.Relations, rel) {
		l.Relations = append(l.Relations, rel)
	}
	l.Evidence = append(l.Evidence, ev...)
}

func (s *landSet) list() []Land {
	codes := make([]corpus.LandCode, 0, len(s.by))
	for c := range s.by {
		codes = append(codes, c)
	}
	if s.views.Reg != nil {
		codes = s.views.Reg.SortCodes(codes)
	}
	out := make([]Land, 0, len(codes))
	for _, c := range codes {
		l := *s.by[c]
		l.Evidence = Evidence(l.Evidence)
		out = append(out, l)
	}
	return out
}

// laenderWithTopic answers with the Länder that a fact ties to the topic (or
// a narrower one); a Land that is merely mentioned near the word is no answer.
func (e *Engine) laenderWithTopic(ctx context.Context, q Question, a *Answer) error {
	lands, err := e.topicLaender(ctx, topicKey{topic: q.Topic, land: q.Land, term: q.Term})
	if err != nil {
		return fmt.Errorf("Länder with topic %s: %w", q.Topic, err)
	}
	if q.Negated {
		// Absence from the corpus is no evidence of absence: say which Länder
		// the corpus ties to the topic and name none as lacking it.
		a.Text = e.textLaenderNegated(q, lands)
		a.Answer.Laender = []Land{}
		return nil
	}
	a.Answer.Laender = lands
	a.Text = e.textLaender(q, a.Answer.Laender)
	return nil
}

// names reports whether the evidence names term (any inflection: the folded
// stem is enough), or term is empty. A question about a
// "Cybersicherheitsagentur" is not answered by a Land's other cyber-security
// office.
func names(e corpus.Evidence, term string) bool {
	if term == "" {
		return true
	}
	return strings.Contains(corpus.Fold(e.Quote), stem(corpus.Fold(term)))
}

// withNarrower returns id followed by every topic below it in the thesaurus.
func (e *Engine) withNarrower(id corpus.TopicID) []corpus.TopicID {
	out := []corpus.TopicID{id}
	for i := 0; i < len(out); i++ {
		for _, n := range e.th.Narrower(out[i]) {
			if !slices.Contains(out, n) {
				out = append(out, n)
			}
		}
	}
	return out
}

// strategyTopic reports whether the topic is about strategies as such.
func (e *Engine) strategyTopic(id corpus.TopicID) bool {
	t, ok := e.th.Get(id)
	return ok && strings.Contains(corpus.Fold(t.Label), "strateg")
}

// meetings returns the merged meetings and the chair terms.
func (e *Engine) meetings(ctx context.Context) ([]corpus.Meeting, []corpus.ChairTerm, error) {
	ms, err := e.k.Meetings(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("meetings: %w", err)
	}
	terms, err := e.k.ChairTerms(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("chair terms: %w", err)
	}
	return ms, terms, nil
}

// rankedMeeting is a candidate meeting with its rank, lower first.
type rankedMeeting struct {
	m    corpus.Meeting
	rank [7]int
}

// namesSeason reports whether the evidence of a meeting names it by the
// season of months ("Ergebnisprotokoll der Frühjahrssitzung 2085" for a
// meeting in February): its own documents' season counts, whatever the
// calendar says.
func namesSeason(m corpus.Meeting, months []int) bool {
	if len(months) == 0 {
		return false
	}
	for _, ev := range m.Evidence {
		for _, t := range german.Tokenize(ev.Quote) {
			if !german.IsUpperInitial(t.Raw) {
				continue
			}
			if german.SeasonalMeeting(t.Raw) && slices.Equal(monthsOf(german.Season(t.Raw)), months) {
				return true
			}
		}
	}
	return false
}

// monthsOf returns months as ints.
func monthsOf(ms []time.Month) []int {
	out := make([]int, len(ms))
	for i, m := range ms {
		out[i] = int(m)
	}
	return out
}

// inMonths reports whether d, known to the month, falls in one of months.
// A date without a month cannot be ruled out and counts as in.
func inMonths(d corpus.Date, months []int) bool {
	if len(months) == 0 || len(d) < 7 {
		return true
	}
	var m int
	if _, err := fmt.Sscanf(string(d[5:7]), "%d", &m); err != nil {
		return true
	}
	return slices.Contains(months, m)
}

// vague reports whether m is known only to the year or has no place: such a
// meeting ranks after an equally matching one with a day and a town.
func vague(m corpus.Meeting) bool {
	return len(m.Start) < 10 || m.Place == ""
}

// seriesMatches reports whether the meeting series got is the body the
// question names by the form of its name: the same name, of any Land
// ("digitalkabinett" matches "digitalkabinett-by"). Registered series match
// by their lineage only (corpus.Family).
func seriesMatches(asked, got corpus.SeriesID) bool {
	if _, ok := corpus.SeriesByID(asked); ok || asked == "" {
		return false
	}
	base, _ := corpus.SeriesBase(got)
	return base == asked
}

// findMeetings returns the meetings that fit the question, best first: the
// series asked for before its predecessors and successors, an exact ordinal
// before the rest, the place named before a meeting hosted by the Land of
// that name, held before planned, then by date (earliest first, latest first
// for "letzte").
func (e *Engine) findMeetings(q Question, d *meetingData) []rankedMeeting {
	var family []corpus.SeriesID
	if q.Series != "" {
		family = corpus.Family(q.Series)
	}
	// A question that names no series ("When and where did the heads of
	// the state CERTs meet … in June 2102?", "Worüber haben die
	// Digital-Staatssekretäre der Länder in Erfurt beraten?") is answered
	// by the meeting (of the time or place it names) whose sentences hold
	// most of its words.
	var tq *textQuestion
	if q.Series == "" && q.Text != "" {
		t := e.analyseText(q.Text, q)
		tq = &t
	}
	var out []rankedMeeting
	verbs := verbMemo{}
	stems := map[corpus.MeetingID][]string{}
	for _, m := range d.ms {
		if family != nil && !slices.Contains(family, m.Series) && !seriesMatches(q.Series, m.Series) {
			continue
		}
		if q.Year > 0 && m.Start.Known() && !corpus.Overlaps(m.Start, cmp.Or(m.End, m.Start), corpus.Date(fmt.Sprint(q.Year)), corpus.Date(fmt.Sprint(q.Year))) {
			continue
		}
		if !inMonths(m.Start, q.Months) && (m.End == "" || !inMonths(m.End, q.Months)) && !namesSeason(m, q.Months) {
			continue
		}
		place := 0
		if q.Place != "" {
			if place = e.placeMatch(m, q.Place); place < 0 {
				continue
			}
		}
		if q.Place == "" && q.Land != "" && !e.landTakesPart(m, q.Land) {
			continue
		}
		var r rankedMeeting
		r.m = m
		if q.Series != "" && m.Series != q.Series {
			r.rank[0] = 1
		}
		if tq != nil {
			w, most := meetingWords(*tq, d.stemsOf(m, stems), verbs)
			if 2*w < most && q.Year == 0 && len(q.Months) == 0 && q.Place == "" && q.Ordinal == 0 {
				// nothing but its words (no time, place or number) tells
				// which meeting: most of the question's words must be the
				// meeting's ("Wo und wann haben die Notfallteams die Übung
				// Sturmflut 05 abgehalten?"), not only "Übung"
				continue
			}
			if q.Ordinal == 0 {
				r.rank[0] = -int(100 * w) // not before "the last": the latest is
			}
		}
		if q.Ordinal > 0 && m.Ordinal != q.Ordinal {
			// A meeting with another number is not the one asked for; one
			// without a number may be, if it is of the series asked about
			// (or, for "the first", of its lineage: the earliest one).
			if m.Ordinal > 0 || (q.Series != "" && m.Series != q.Series && q.Ordinal != 1) {
				continue
			}
			r.rank[1] = 1
		}
		r.rank[2] = place
		if q.Year > 0 && !m.Start.Known() {
			r.rank[3] = 1
		}
		if m.Planned {
			r.rank[4] = 1
		}
		if !m.Start.Known() {
			r.rank[5] = 1
		}
		if q.Ordinal == 0 && vague(m) {
			r.rank[6] = 1
		}
		out = append(out, r)
	}
	slices.SortStableFunc(out, func(a, b rankedMeeting) int {
		if c := slices.Compare(a.rank[:], b.rank[:]); c != 0 {
			return c
		}
		if q.Ordinal == OrdinalLast {
			return cmp.Compare(b.m.Start, a.m.Start)
		}
		return cmp.Compare(a.m.Start, b.m.Start)
	})
	return out
}

// meetingTextStems returns the stems of a meeting's series, sentences and the
// titles of their documents, each once (first occurrence first): a meeting
// merged from many documents repeats their sentences and titles, and
// meetingWords takes only the best match of each word.
func meetingTextStems(m corpus.Meeting) []string {
	var b strings.Builder
	b.WriteString(corpus.SeriesLabel(m.Series))
	seen := map[string]bool{}
	for _, ev := range m.Evidence {
		for _, s := range [2]string{ev.Quote, ev.Title} {
			if !seen[s] {
				seen[s] = true
				b.WriteString(" ")
				b.WriteString(s)
			}
		}
	}
	stems := stemsOf(german.Tokenize(b.String()))
	clear(seen)
	out := stems[:0]
	for _, s := range stems {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// meetingWords returns how many of the question's words other than dates
// a meeting's stems (meetingTextStems) hold, a noun or name counting twice, and
// how many that could be at most.
func meetingWords(tq textQuestion, stems []string, verbs verbMemo) (sum, most float64) {
	for _, t := range tq.terms {
		if t.year > 0 || t.month > 0 {
			continue
		}
		v, _ := termInWith(t, stems, verbs)
		w := 1.0
		if t.anchor {
			w = 2
		}
		sum += w * v
		most += w
	}
	return sum, most
}

// placeMatch tells whether the meeting took place at place: 0 when the town
// or venue names it, 1 when place names a Land that hosted the meeting, -1
// when neither.
func (e *Engine) placeMatch(m corpus.Meeting, place string) int {
	f := corpus.Fold(place)
	if f == "" || strings.Contains(corpus.Fold(m.Place), f) || strings.Contains(corpus.Fold(m.Venue), f) {
		return 0
	}
	if c, ok := e.p.landNamed(place); ok && slices.Contains(m.Hosts, c) {
		return 1
	}
	return -1
}

// landTakesPart reports whether the Land hosted, chaired or took part in m,
// or m took place in it.
func (e *Engine) landTakesPart(m corpus.Meeting, c corpus.LandCode) bool {
	if slices.Contains(m.Hosts, c) || slices.Contains(m.Chairs, c) || slices.Contains(m.Participants, c) {
		return true
	}
	l, ok := e.reg.Get(c)
	return ok && m.Place != "" && corpus.Fold(m.Place) == corpus.Fold(l.Name)
}

// meeting answers when-and-where and agenda questions.
func (e *Engine) meeting(ctx context.Context, p *parser, q Question, a *Answer) error {
	d, err := e.meetingData(ctx)
	if err != nil {
		return err
	}
	found := e.findMeetings(q, &d)
	for _, r := range found {
		a.Answer.Meetings = append(a.Answer.Meetings, e.views.Meeting(r.m))
	}
	switch q.Intent {
	case IntentMeeting:
		a.Text = e.textMeeting(q, found)
		return nil
	case IntentParticipants, IntentHost:
		ls := newLandSet(e.views)
		if len(found) > 0 {
			// Of equally ranked meetings (say two of one series in the
			// year asked), the first that names the Länder asked for.
			m := found[0].m
			for _, r := range found {
				if [4]int(r.rank[:4]) != [4]int(found[0].rank[:4]) {
					break
				}
				if len(r.m.Hosts) > 0 || q.Intent == IntentParticipants && len(r.m.Chairs)+len(r.m.Participants) > 0 {
					m = r.m
					break
				}
			}
			quoted := map[string][]corpus.LandCode{}
			landsOf := func(quote string) []corpus.LandCode { return d.landsIn(p, quote, quoted) }
			parts := []struct {
				rel   string
				lands []corpus.LandCode
			}{{"host", m.Hosts}, {"chair", m.Chairs}, {"participant", m.Participants}}
			if q.Intent == IntentHost {
				parts = parts[:1]
			}
			for _, part := range parts {
				for _, c := range part.lands {
					ls.add(c, part.rel, p.evidenceNaming(m.Evidence, c, landsOf)...)
				}
			}
		}
		a.Answer.Laender = ls.list()
		a.Text = e.textParticipants(q, found, a.Answer.Laender)
		return nil
	}
	// The agenda is that of the best meeting; where merging left its topics
	// on an equally ranked record of the same meeting, take that one's.
	var best *rankedMeeting
	for i := range found {
		if [4]int(found[i].rank[:4]) != [4]int(found[0].rank[:4]) {
			break
		}
		if len(found[i].m.Topics)+len(found[i].m.Agenda) > 0 {
			best = &found[i]
			break
		}
	}
	if best != nil {
		for _, t := range best.m.Topics {
			ref := e.views.TopicRef(t)
			var ev []corpus.Evidence
			for _, x := range best.m.Evidence {
				if p.mentionsTopic(x.Quote, t) {
					ev = append(ev, x)
				}
			}
			if len(ev) == 0 {
				// The meeting's own sentences do not name the topic: take the
				// sentence where a document reporting the meeting names it.
				more, err := e.topicInDocs(ctx, t, best.m.Evidence)
				if err != nil {
					return err
				}
				ev = more
			}
			if len(ev) == 0 {
				ev = best.m.Evidence
			}
			var quotes []string
			for _, x := range ev {
				quotes = append(quotes, x.Quote)
			}
			label := surfaceLabel(e.th, t, ref.Label, quotes)
			if k := slices.IndexFunc(best.m.Agenda, func(it corpus.AgendaItem) bool {
				return p.mentionsTopic(it.Title, t) && !slices.ContainsFunc(a.Answer.Topics, func(o Topic) bool { return o.Label == it.Title })
			}); k >= 0 {
				// an agenda item names the topic: its title says it in the
				// meeting's own words ("Gigabitausbau und Mobilfunkversorgung")
				label = best.m.Agenda[k].Title
				ev = append([]corpus.Evidence{best.m.Agenda[k].Evidence}, ev...)
			}
			a.Answer.Topics = append(a.Answer.Topics, Topic{ID: t, Label: label, Evidence: Evidence(ev)})
		}
		// An agenda item no topic above names is a theme of its own, in the
		// words of its title ("TOP 3 – Fachkräftegewinnung …").
		for _, it := range best.m.Agenda {
			if slices.ContainsFunc(best.m.Topics, func(t corpus.TopicID) bool { return p.mentionsTopic(it.Title, t) }) {
				continue
			}
			a.Answer.Topics = append(a.Answer.Topics, Topic{Label: it.Title, Evidence: []corpus.Evidence{it.Evidence}})
		}
	}
	a.Text = e.textAgenda(q, best, a.Answer.Topics)
	return nil
}

// topicInDocs returns the sentences where the documents of evidence first
// name topic.
func (e *Engine) topicInDocs(ctx context.Context, topic corpus.TopicID, evidence []corpus.Evidence) ([]corpus.Evidence, error) {
	docs := map[corpus.DocID]bool{}
	for _, x := range evidence {
		docs[x.Doc] = true
	}
	tms, err := e.k.TopicMentions(ctx, topic)
	if err != nil {
		return nil, fmt.Errorf("topic mentions %s: %w", topic, err)
	}
	var out []corpus.Evidence
	for _, tm := range tms {
		if tm.Topic == topic && docs[tm.Evidence.Doc] {
			out = append(out, tm.Evidence)
		}
	}
	return out, nil
}

// chair answers who chaired a series: the chair terms of the series (and
// the series it continues or that continue it) in the year asked, supported
// by the chairs of the family's meetings that year. With a place, the chairs
// of the meetings held there.
func (e *Engine) chair(ctx context.Context, p *parser, q Question, a *Answer) error {
	d, err := e.meetingData(ctx)
	if err != nil {
		return err
	}
	ms, terms := d.ms, d.terms
	var from, to corpus.Date
	if q.Year > 0 {
		from, to = corpus.Date(fmt.Sprint(q.Year)), corpus.Date(fmt.Sprint(q.Year))
		if len(q.Months) > 0 {
			// "ab Oktober 2056", "im Frühjahr 2041": those months only
			from = corpus.Date(fmt.Sprintf("%04d-%02d", q.Year, slices.Min(q.Months)))
			to = corpus.Date(fmt.Sprintf("%04d-%02d", q.Year, slices.Max(q.Months)))
		}
	}
	series := []corpus.SeriesID{q.Series}
	family := corpus.Family(q.Series)
	if _, known := corpus.SeriesByID(q.Series); q.Series != "" && !known {
		// a body found by the form of its name: the bodies of that name
		// of every Land ("digitalkabinett-by", "digitalkabinett-he")
		for _, t := range terms {
			if seriesMatches(q.Series, t.Series) && !slices.Contains(series, t.Series) {
				series = append(series, t.Series)
			}
		}
		for _, m := range ms {
			if seriesMatches(q.Series, m.Series) && !slices.Contains(series, m.Series) {
				series = append(series, m.Series)
			}
		}
		family = series
	}
	if q.Series == "" && p.namesOtherBody(q.Text) || q.Series != "" && p.namesSubBody(q.Text) {
		// "Wer hatte 2019 den Vorsitz im IT-Planungsrat?": a chair of one
		// body never answers for another, nor one of a body's working
		// group ("Wer leitet die neue Arbeitsgruppe Barrierefreiheit der
		// D16?")
		a.Text = nothing(q.Lang)
		return nil
	}
	if q.Series == "" {
		series = nil
		for _, s := range corpus.AllSeries() {
			series = append(series, s.ID)
		}
		family = series
	}
	// The periods of a lineage's terms are worked out once per generation
	// of the graph (see memo).
	calendars := map[corpus.SeriesID]*corpus.ChairCalendar{}
	calendar := func(s corpus.SeriesID) *corpus.ChairCalendar { return d.calendar(s, calendars) }
	ls := newLandSet(e.views)
	var held []corpus.ChairTerm
	if q.Place == "" {
		for _, s := range series {
			for _, t := range calendar(s).During(from, to) {
				held = append(held, t)
				for _, c := range t.Lands {
					ls.add(c, "chair", t.Evidence)
				}
			}
		}
	}
	mq := q
	mq.Ordinal, mq.Series = 0, ""
	var support []corpus.Meeting
	quoted := map[string][]corpus.LandCode{}
	landsOf := func(quote string) []corpus.LandCode { return d.landsIn(p, quote, quoted) }
	for _, r := range e.findMeetings(mq, &d) {
		m := r.m
		if len(m.Chairs) == 0 || !slices.Contains(family, m.Series) || (q.Year > 0 && m.Start.Year() != q.Year) {
			continue
		}
		// A chair the terms covering the meeting's date contradict is
		// not support: the terms are the stronger statement.
		var covering []corpus.LandCode
		for _, t := range calendar(m.Series).During(m.Start, m.Start) {
			covering = append(covering, t.Lands...)
		}
		added := false
		for _, c := range m.Chairs {
			if len(covering) > 0 && !slices.Contains(covering, c) {
				continue
			}
			added = true
			ls.add(c, "chair", p.evidenceNaming(m.Evidence, c, landsOf)...)
		}
		if added {
			support = append(support, m)
		}
	}
	a.Answer.Laender = ls.list()
	a.Answer.Meetings = e.views.Meetings(support)
	a.Answer.ChairTerms = e.views.ChairTerms(held)
	a.Text = e.textChair(q, a.Answer.Laender, a.Answer.ChairTerms)
	return nil
}

// strategy answers with the strategies of the Land asked about.
func (e *Engine) strategy(ctx context.Context, q Question, a *Answer) error {
	ss, err := e.k.Strategies(ctx, q.Land)
	if err != nil {
		return fmt.Errorf("strategies of %s: %w", q.Land, err)
	}
	var mine []corpus.Strategy
	for _, s := range ss {
		if s.Land == q.Land {
			mine = append(mine, s)
		}
	}
	for _, s := range corpus.MergeStrategies(mine) {
		if q.Year > 0 && s.Year != q.Year && (s.Year != 0 || !evidenceInYear(s.Evidence, q.Year)) {
			continue
		}
		a.Answer.Strategies = append(a.Answer.Strategies, e.views.Strategy(s))
	}
	slices.SortStableFunc(a.Answer.Strategies, func(x, y Strategy) int {
		return cmp.Or(cmp.Compare(y.Year, x.Year), cmp.Compare(x.Title, y.Title))
	})
	a.Text = e.textStrategy(q, a.Answer.Strategies)
	return nil
}

func evidenceInYear(es []corpus.Evidence, year int) bool {
	for _, e := range es {
		if e.Date.Year() == year {
			return true
		}
	}
	return false
}

// person answers with the people of the Land asked about, holding the role
// asked about if the question names one.
func (e *Engine) person(ctx context.Context, q Question, a *Answer) error {
	// Merge everyone: a statement that names no Land joins its person's Land.
	ps, err := e.k.People(ctx, "")
	if err != nil {
		return fmt.Errorf("people: %w", err)
	}
	for _, p := range corpus.MergePeople(ps) {
		if p.Land != q.Land || !hasRole(p, q.Role) {
			continue
		}
		a.Answer.People = append(a.Answer.People, e.views.Person(p))
	}
	// Latest first; with a year, those who held the role that year first.
	inYear := func(p Person) int {
		for _, r := range p.Roles {
			if q.Year > 0 && r.Date.Year() == q.Year && hasRole(corpus.PersonProfile{Role: r.Role}, q.Role) {
				return 0
			}
		}
		return 1
	}
	slices.SortStableFunc(a.Answer.People, func(x, y Person) int {
		return cmp.Or(cmp.Compare(inYear(x), inYear(y)), cmp.Compare(latest(y), latest(x)))
	})
	a.Text = e.textPerson(q, a.Answer.People)
	return nil
}

// hasRole reports whether p held a role containing every part.
func hasRole(p corpus.PersonProfile, parts []string) bool {
	if len(parts) == 0 {
		return true
	}
	roles := []string{p.Role}
	for _, r := range p.Roles {
		roles = append(roles, r.Role)
	}
	for _, r := range roles {
		f := corpus.Fold(r)
		ok := f != ""
		for _, part := range parts {
			ok = ok && strings.Contains(f, part)
		}
		if ok {
			return true
		}
	}
	return false
}

func latest(p Person) corpus.Date {
	var d corpus.Date
	for _, r := range p.Roles {
		d = max(d, r.Date)
	}
	for _, e := range p.Evidence {
		d = max(d, e.Date)
	}
	return d
}

// fallback searches the index for the question's content words: documents
// with all of them, or else with any of them.
func (e *Engine) fallback(ctx context.Context, q Question, a *Answer) error {
	var words []string
	for _, k := range q.Keywords {
		if w := searchWord(k); w != "" {
			words = append(words, w)
		}
	}
	if len(words) == 0 || e.s == nil {
		a.Text = nothing(q.Lang)
		return nil
	}
	res, err := e.s.Search(ctx, search.Request{Query: strings.Join(words, " "), Limit: FallbackLimit, Highlight: true})
	if err == nil && res.Total == 0 && len(words) > 1 {
		// No document has every word: rank those with any of them.
		res, err = e.s.Search(ctx, search.Request{Query: strings.Join(words, " OR "), Limit: FallbackLimit, Highlight: true})
	}
	if errors.Is(err, corpus.ErrInvalid) {
		a.Text = nothing(q.Lang) // the words do not make a query the index accepts
		return nil
	}
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	for _, h := range res.Hits {
		a.Answer.Documents = append(a.Answer.Documents, HitOf(h))
	}
	a.Text = textFallback(q, res.Total, len(a.Answer.Documents))
	return nil
}

// searchWord keeps the letters and digits of a keyword, so that no character
// of it reads as query syntax.
func searchWord(w string) string {
	w = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' {
			return r
		}
		return ' '
	}, w)
	return strings.TrimLeft(strings.Join(strings.Fields(w), " "), "-")
}

// mentionsTopic reports whether text names the topic (or a term of it).
func (p *parser) mentionsTopic(text string, id corpus.TopicID) bool {
	ts := tokenize(text)
	stems := make([]string, len(ts))
	for i, t := range ts {
		stems[i] = stem(t.fold)
	}
	for n := 1; n <= p.maxTopicN; n++ {
		for i := 0; i+n <= len(ts); i++ {
			if p.topics[strings.Join(stems[i:i+n], " ")] == id {
				return true
			}
			// Compounds: "Länderberichte zu Cyberwehr", "KI-Förderung".
			if n == 1 {
				for _, part := range strings.Split(ts[i].fold, "-") {
					if p.topics[stem(part)] == id {
						return true
					}
				}
			}
		}
	}
	return false
}

// evidenceNaming returns the evidence whose quote names the Land, or all of
// it when none does. landsOf returns the Länder a quote names (a merged
// meeting cites the same sentence from many documents, and each of its
// Länder is sought in the same evidence, so the caller keeps them).
func (p *parser) evidenceNaming(es []corpus.Evidence, c corpus.LandCode, landsOf func(string) []corpus.LandCode) []corpus.Evidence {
	var out []corpus.Evidence
	for _, e := range es {
		if slices.Contains(landsOf(e.Quote), c) {
			out = append(out, e)
		}
	}
	if len(out) == 0 {
		return es
	}
	return out
}

// landsIn returns every Land a text names.
func (p *parser) landsIn(text string) []corpus.LandCode {
	ts := tokenize(text)
	var out []corpus.LandCode
	for i := range ts {
		if c := p.findLand(ts[i : i+1]); c != "" && !slices.Contains(out, c) {
			out = append(out, c)
		}
		if i+1 < len(ts) {
			if c := p.findLand(ts[i : i+2]); c != "" && !slices.Contains(out, c) {
				out = append(out, c)
			}
		}
	}
	return out
}
