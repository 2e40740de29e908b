package extract

import (
	"regexp"
	"sort"
	"strings"

	"github.com/laendergraph/laendergraph/corpus"
)

// tieVerbs are verb forms by which a subject has, builds, runs, sets up or
// opens something (RelHas), or adopts, publishes or presents it
// (RelAdopted). Separable verbs whose finite form needs its particle are in
// particleVerbs.
var tieVerbs = map[string]corpus.Relation{}

// particleVerbs maps a finite form to the particle that must follow it in
// the clause for it to count: "richtet … ein", "stellt … vor".
var particleVerbs = map[string]string{
	"richtet": "ein", "richtete": "ein", "richten": "ein", "stellt": "vor", "stellte": "vor", "stellen": "vor",
	"legt": "vor", "legte": "vor", "führt": "ein", "führte": "ein", "setzt": "ein", "setzte": "ein",
	"baut": "auf", "baute": "auf", "bauen": "auf",
}

// possessionVerbs count only as main verbs: when the clause does not end in
// a participle or infinitive ("Bayern hat eine Cyberwehr", not "Bayern hat
// sich vorgenommen …").
var possessionVerbs = set("hat", "haben", "hatte", "hatten", "besitzt", "besitzen", "verfügt", "verfügen", "verfügte", "unterhält", "betreibt", "betreiben", "nutzt", "nutzen")

func init() {
	has := []string{
		"aufbauen", "aufgebaut", "errichtet", "errichten", "errichtete", "eröffnet", "eröffnen", "eröffnete",
		"gründet", "gründen", "gegründet", "gründete", "einrichten", "eingerichtet", "betrieben",
		"unterhalten", "startet", "starten", "gestartet", "startete", "schafft", "schaffen", "geschaffen", "schuf",
		"initiiert", "initiieren", "initiierte", "einführen", "eingeführt", "etabliert", "etablieren",
		"etablierte", "einsetzen", "eingesetzt", "aufgestellt", "aufstellen",
	}
	adopted := []string{
		"beschließt", "beschlossen", "beschloss", "beschlossene", "verabschiedet", "verabschieden",
		"verabschiedete", "veröffentlicht", "veröffentlichte", "veröffentlichen", "vorgestellt", "vorstellen",
		"vorgelegt", "vorlegen", "präsentiert", "präsentierte", "entwickelt", "entwickelte", "erarbeitet",
		"erarbeitete", "fortgeschrieben", "gebilligt", "billigte", "beschließen",
	}
	for _, v := range has {
		tieVerbs[v] = corpus.RelHas
	}
	for _, v := range adopted {
		tieVerbs[v] = corpus.RelAdopted
	}
	for v, p := range particleVerbs {
		if p == "vor" {
			tieVerbs[v] = corpus.RelAdopted
		} else {
			tieVerbs[v] = corpus.RelHas
		}
	}
}

// clauseTie returns the relation a verb of clause c expresses, if any. cs
// are all clauses of the sentence.
func (s *sentence) clauseTie(c clause, cs []clause) (corpus.Relation, bool) {
	last := s.toks[c.to-1]
	for i := c.from; i < c.to; i++ {
		w := s.toks[i].lower
		if p, ok := particleVerbs[w]; ok {
			for j := i + 1; j < c.to; j++ {
				if s.toks[j].lower == p {
					return tieVerbs[w], true
				}
			}
			continue
		}
		if r, ok := tieVerbs[w]; ok {
			return r, true
		}
		if possessionVerbs[w] && (isUpperInitial(last.raw) || s.topicEndsAt(last.end) || i == c.to-1) && !s.participleAfter(c, cs) {
			return corpus.RelHas, true
		}
	}
	return "", false
}

func (s *sentence) topicEndsAt(off int) bool {
	for _, t := range s.topics {
		if t.End == off {
			return true
		}
	}
	return false
}

// consideringVerbs say that something is being weighed, not done: "will
// prüfen, ob …", "erwägt".
var consideringVerbs = set("prüfen", "prüft", "prüfte", "prüften", "erwägt", "erwägen", "erwog", "erwogen",
	"überlegt", "überlegen", "überlegte", "sondiert", "sondieren")

// intentWords say that something is intended or prepared, not done:
// "beabsichtigt", "Pläne für", "in Planung", "strebt … an".
var intentWords = set("beabsichtigt", "beabsichtigen", "beabsichtigte", "beabsichtigten", "plante", "planten",
	"plan", "pläne", "plänen", "planung", "planungen", "vorgesehen", "vorhaben", "angestrebt", "anstreben",
	"möchte", "möchten", "sollte", "sollten", "wollte", "wollten", "vorbereitet", "vorbereitung", "perspektivisch")

// futureAux are the finite forms of "werden" that with an infinitive at the
// end of the clause make the future tense: "wird … aufbauen".
var futureAux = set("wird", "werden", "werde", "wirst")

// passiveParticiples are participles without "ge-" that end like an
// infinitive: "wird vom Land betrieben" is present passive, not future.
var passiveParticiples = set("betrieben", "unterhalten", "erhalten", "beschrieben", "vertreten", "übernommen", "vergeben")

// isHypothetical reports whether clause c of cs only plans, weighs or asks
// about something: it opens with "ob"; it holds a verb of considering, a
// word of planning or intent ("will", "soll", "plant", "beabsichtigt",
// "Pläne"), or a future tense ("wird … aufbauen"); or it is an infinitive
// with "zu" that depends on such a clause ("plant, … aufzubauen").
func (s *sentence) isHypothetical(c clause, cs []clause) bool {
	if s.plansIn(c) {
		return true
	}
	if !s.zuInfinitive(c) {
		return false
	}
	for k := len(cs) - 1; k >= 0; k-- {
		if cs[k].to <= c.from {
			return s.plansIn(cs[k])
		}
	}
	return false
}

// plansIn reports whether clause c itself plans, weighs or asks.
func (s *sentence) plansIn(c clause) bool {
	if c.from >= c.to {
		return false
	}
	if s.toks[c.from].lower == "ob" {
		return true
	}
	last := s.toks[c.to-1].lower
	for i := c.from; i < c.to; i++ {
		w := s.toks[i].lower
		if consideringVerbs[w] || plannedWords[w] || intentWords[w] {
			return true
		}
		// "wird … aufbauen", not the passive "wird … eingerichtet"
		if futureAux[w] && i < c.to-1 && strings.HasSuffix(last, "en") && !participleRe.MatchString(last) && !passiveParticiples[last] && !isUpperInitial(s.toks[c.to-1].raw) {
			return true
		}
	}
	return false
}

// zuInfinitive reports whether clause c ends in an infinitive with "zu":
// "… aufzubauen", "… zu gründen".
func (s *sentence) zuInfinitive(c clause) bool {
	if c.to-c.from < 2 {
		return false
	}
	last := s.toks[c.to-1].lower
	if s.toks[c.to-2].lower == "zu" && strings.HasSuffix(last, "en") {
		return true
	}
	i := strings.Index(last, "zu")
	return i >= 2 && strings.HasSuffix(last, "en") && len(last)-i > 4 && isTieParticle(last[:i])
}

// isTieParticle reports whether p is a separable verb particle: "auf", "ein".
func isTieParticle(p string) bool {
	switch p {
	case "auf", "ein", "an", "aus", "vor", "fest", "her", "zusammen", "weiter":
		return true
	}
	return false
}

// topicIsDiscussed reports whether the topic at token i follows "zu", "zur",
// "über" … (with articles and adjectives between): the subject matter of a
// report or talk, not a possession. "verfügt über" is possession.
func (s *sentence) topicIsDiscussed(i int) bool {
	j := i - 1
	for j >= 0 && (articles[s.toks[j].lower] || s.isAdjectiveToken(j)) && i-j < 4 {
		j--
	}
	if j < 0 || !discussionPreps[s.toks[j].lower] {
		return false
	}
	if s.toks[j].lower == "über" && j > 0 && strings.HasPrefix(s.toks[j-1].lower, "verfüg") {
		return false
	}
	return true
}

// between matches what may stand between a topic and the Land it is named
// after: "Cyberwehr Baden-Württemberg", "Digitalprogramm des Landes Brandenburg".
var nameLink = regexp.MustCompile(`^[\s„“"»«‚]*(?:(?:des|der)\s+(?:Landes|Freistaate?s|Bundeslandes)\s*)?[„“"»«‚]*$`)

// landTopics returns the Land–topic facts of the document.
func (x *Extractor) landTopics(doc *corpus.Document, ss []sentence, dom corpus.LandCode, strategies []stratFound, mentions []corpus.TopicMention) []corpus.LandTopic {
	var out []corpus.LandTopic
	// seen holds, for each Land, topic and relation tied, the tie itself
	// (no word, no span), each word it was tied by and each sentence
	type tieKey struct {
		l    corpus.LandCode
		t    corpus.TopicID
		r    corpus.Relation
		by   byte // 0 the tie, 'w' a word, 's' a sentence
		word string
		span [2]int
	}
	seen := map[tieKey]bool{}
	add := func(l corpus.LandCode, t corpus.TopicID, r corpus.Relation, ev corpus.Evidence, word string) {
		if l == "" || t == "" {
			return
		}
		// one tie a word the topic is named by: "Cybersicherheitsagentur"
		// and "Cyberabwehrverbund" each keep a sentence that says it, for
		// a question about one of them
		k := tieKey{l: l, t: t, r: r}
		kw, ks := k, k
		kw.by, kw.word = 'w', strings.ToLower(word)
		ks.by, ks.span = 's', ev.Span
		if seen[kw] || seen[ks] || word == "" && seen[k] {
			// a tie of that word, or of that sentence, is there; a tie
			// read from no word (a strategy's topics) needs none at all
			return
		}
		seen[k], seen[kw], seen[ks] = true, true, true
		out = append(out, corpus.LandTopic{Land: l, Topic: t, Relation: r, Evidence: ev})
	}
	for si := range ss {
		s := &ss[si]
		if len(s.topics) == 0 || s.negated() || s.question {
			continue
		}
		var ev corpus.Evidence
		evDone := false
		tie := func(l corpus.LandCode, t TopicHit, r corpus.Relation) {
			if !evDone {
				ev, evDone = s.evidence(doc), true
			}
			add(l, t.Topic, r, ev, s.wordAt(t.Start))
		}
		cs := s.clauses()
		// 1. The topic named after the Land: "Cyberwehr Baden-Württemberg".
		for _, t := range s.topics {
			if s.plannedNew(t, cs) {
				continue
			}
			first := sort.Search(len(s.lands), func(i int) bool { return s.lands[i].Start >= t.End })
			for _, h := range s.lands[first:] {
				if h.Compound || h.Kind == FormAdjective {
					continue
				}
				if nameLink.MatchString(s.txt[t.End:h.Start]) && !strings.Contains(s.txt[t.End:h.Start], "\n") {
					tie(h.Land, t, corpus.RelHas)
				}
				break
			}
		}
		// 2. Possessive: "Brandenburgs Digitalprogramm", "die bayerische
		// Cyberwehr", "NRW-Digitalstrategie", "unsere Cyberwehr".
		for _, t := range s.topics {
			if s.plannedNew(t, cs) {
				continue
			}
			if l, ok := s.possessor(t, dom); ok {
				tie(l, t, corpus.RelHas)
			}
		}
		// 3. A subject Land with a verb of having, building or adopting, in a
		// clause that does not report or discuss.
		for _, c := range cs {
			if s.isDiscussion(c) || s.isHypothetical(c, cs) {
				continue
			}
			rel, ok := s.clauseTie(c, cs)
			if !ok {
				continue
			}
			subs := s.subjects(c, dom)
			if len(subs) == 0 {
				continue
			}
			for _, t := range s.topics {
				i := s.tokenAt(t.Start)
				if i < c.from || i >= c.to || s.topicIsDiscussed(i) {
					continue
				}
				for _, sb := range subs {
					tie(sb.land, t, rel)
				}
			}
		}
	}
	// 4. Adopted strategies tie their Land to the strategy's topics.
	for _, st := range strategies {
		for _, t := range st.topics {
			add(st.Land, t, corpus.RelAdopted, st.Evidence, "")
		}
	}
	// 5. The Land's own strategy document names the topic.
	// A topic the strategy rules out, only plans or asks about does not
	// count: "Eine eigene Cyberwehr sieht die Agenda nicht vor".
	if l := x.strategyDocLand(doc, ss, dom, strategies); l != "" {
		for si := range ss {
			s := &ss[si]
			if s.question {
				continue
			}
			cs := s.clauses()
			for _, t := range s.topics {
				i := s.tokenAt(t.Start)
				if i >= 0 && (s.clauseNegated(i) || s.isHypothetical(clauseOf(cs, i), cs)) {
					continue
				}
				add(l, t.Topic, corpus.RelStrategy, s.evidence(doc), "")
			}
		}
	}
	return out
}

// wordAt returns the word of the sentence at byte offset off with the
// parts hyphenated to it ("KI-Werkstatt"), or "".
func (s *sentence) wordAt(off int) string {
	i := s.tokenAt(off)
	if i < 0 {
		return ""
	}
	j := i
	for j+1 < len(s.toks) && s.toks[j+1].sep == "-" {
		j++
	}
	for i > 0 && s.toks[i].sep == "-" {
		i--
	}
	return s.txt[s.toks[i].start:s.toks[j].end]
}

// plannedNew reports whether topic t is something only planned to be
// created: an indefinite "eine" before it in a clause that plans ("plant,
// eine Cyberwehr Niedersachsen aufzubauen"). "Die Cyberwehr Hessen soll
// wachsen" names one that exists.
func (s *sentence) plannedNew(t TopicHit, cs []clause) bool {
	i := s.tokenAt(t.Start)
	if i < 0 || !s.isHypothetical(clauseOf(cs, i), cs) {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		switch s.toks[j].lower {
		case "ein", "eine", "einer", "einen", "eines", "einem":
			return true
		}
		if !s.isAdjectiveToken(j) {
			return false
		}
	}
	return false
}

// clauseOf returns the clause of cs that holds token i.
func clauseOf(cs []clause, i int) clause {
	for _, c := range cs {
		if i >= c.from && i < c.to {
			return c
		}
	}
	return clause{}
}

// possessor returns the Land that owns the topic t by a possessive form
// right before it.
func (s *sentence) possessor(t TopicHit, dom corpus.LandCode) (corpus.LandCode, bool) {
	i := s.tokenAt(t.Start)
	if i < 0 {
		return "", false
	}
	// A compound "NRW-Digitalstrategie": the Land, a hyphen, the topic.
	for n := 1; n <= len("‑") && n <= t.Start; n++ {
		for _, h := range s.landsEndingAt(t.Start - n) {
			if h.Compound && isHyphen(firstRune(s.txt[h.End:])) {
				return h.Land, true
			}
		}
	}
	// Walk back over at most two lower-case adjectives to a genitive or
	// adjective Land form.
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if s.toks[j+1].sep != " " {
			break
		}
		for _, h := range s.landsEndingAt(s.toks[j].end) {
			if h.Compound {
				continue
			}
			switch h.Kind {
			case FormGenitive:
				return h.Land, true
			case FormAdjective:
				// a demonym ("Berliner") only right before the noun
				if j == i-1 || !isUpperInitial(h.Form) {
					return h.Land, true
				}
			}
		}
		if strings.HasPrefix(s.toks[j].lower, "unser") && dom != "" {
			return dom, true
		}
		if !s.isAdjectiveToken(j) {
			break
		}
	}
	return "", false
}

// strategyDocLand returns the Land whose own strategy the document is: a
// document of kind strategy, or one whose title names a strategy, when its
// strategies (or else its dominant Land) point to exactly one Land.
func (x *Extractor) strategyDocLand(doc *corpus.Document, ss []sentence, dom corpus.LandCode, strategies []stratFound) corpus.LandCode {
	about := doc.Kind == corpus.KindStrategy
	if !about {
		for _, t := range tokenize(doc.Title) {
			if isTrigger(t.lower) {
				about = true
				break
			}
		}
	}
	if !about {
		return ""
	}
	lands := map[corpus.LandCode]bool{}
	for _, st := range strategies {
		if st.Land != "" {
			lands[st.Land] = true
		}
	}
	switch len(lands) {
	case 0:
		return dom
	case 1:
		for l := range lands {
			return l
		}
	}
	return ""
}

var participleRe = regexp.MustCompile(`^(?:[a-zäöüß]*ge[a-zäöüß]{2,}(?:t|en)|[a-zäöüß]+iert)$`)

// subordinators open a clause of its own, whose verb is not the main verb:
// "…, die Unternehmen berät", "…, um … zu".
var subordinators = set("die", "der", "das", "den", "dem", "deren", "dessen", "welche", "welcher", "welches", "dass",
	"um", "wenn", "weil", "damit", "ob", "wie", "wo", "als", "sodass", "obwohl", "nachdem", "bevor", "während")

// participleAfter reports whether the main clause that c starts goes on
// after commas and ends in a participle ("Wir haben …, insbesondere für
// Schulen, … gelegt"), which makes "hat/haben" in c an auxiliary.
func (s *sentence) participleAfter(c clause, cs []clause) bool {
	for _, d := range cs {
		if d.from < c.to {
			continue
		}
		if subordinators[s.toks[d.from].lower] {
			return false
		}
		if participleRe.MatchString(s.toks[d.to-1].raw) {
			return true
		}
	}
	return false
}
