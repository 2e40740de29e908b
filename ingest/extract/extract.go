// Package extract finds Länder, topics, strategies and people in a document's
// sentences and turns them into facts with evidence.
//
// Everything is rule-based and general: word lists of German (articles,
// prepositions, negation, verbs of having and adopting, role nouns) and the
// forms in the Länder registry and topic thesaurus. No rule names a document
// or an answer.
package extract

import (
	"sort"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/german"
	"github.com/laendergraph/laendergraph/ingest/text"
)

// Extractor holds the compiled matchers for the Länder registry and the topic
// thesaurus. It is safe for concurrent use.
type Extractor struct {
	reg *corpus.Registry
	th  *corpus.Thesaurus
	lm  *german.LandRecogniser
	tm  *topicMatcher
	// places maps the towns of the gazetteer to their Land.
	places map[string]corpus.LandCode
	// strategyTopic is the topic of digital strategies, if the thesaurus has one.
	strategyTopic corpus.TopicID
}

// New returns an Extractor for the given registry and thesaurus.
func New(reg *corpus.Registry, th *corpus.Thesaurus) *Extractor {
	x := &Extractor{reg: reg, th: th, lm: german.NewLandRecogniser(reg), places: german.Places(), tm: newTopicMatcher(th)}
	if id, ok := th.Lookup("Digitalstrategie"); ok {
		x.strategyTopic = id
	}
	return x
}

// LandHit is a Land named at the byte range [Start, End) of a text.
type LandHit = german.LandHit

// FormKind says which kind of form of a Land a LandHit is.
type FormKind = german.FormKind

// The kinds of Land form.
const (
	FormName      = german.FormName
	FormGenitive  = german.FormGenitive
	FormAdjective = german.FormAdjective
	FormRegion    = german.FormRegion
)

// FindLaender returns the Länder named in s, in text order, without the
// first parts of compounds (see german.LandRecogniser.Find).
func (x *Extractor) FindLaender(s string) []LandHit { return x.lm.Find(s) }

// SeatGovernments returns the offices of a Land government that its
// capital's adjective names in the tokens ("das Mainzer Ministerium"), see
// german.LandRecogniser.SeatGovernments.
func (x *Extractor) SeatGovernments(toks []german.Token) []LandHit { return x.lm.SeatGovernments(toks) }

// landHit is a Land hit, compounds included and flagged.
type landHit = german.LandHit

func isWordRune(r rune) bool              { return german.IsWordRune(r) }
func isHyphen(r rune) bool                { return german.IsHyphen(r) }
func isWordBoundary(s string, i int) bool { return german.IsWordBoundary(s, i) }
func isUpperInitial(s string) bool        { return german.IsUpperInitial(s) }
func isAllUpper(s string) bool            { return german.IsAllUpper(s) }

// TopicHit is a topic named at the byte range [Start, End) of a text.
type TopicHit struct {
	Topic      corpus.TopicID
	Start, End int
	Form       string // the words as written
	Term       string // the thesaurus term that matched
}

// Extract returns the Land mentions, topic mentions, Land–topic facts,
// strategies and people of doc, whose Text is split into sents. It also sets
// doc.Laender and doc.Topics (sorted, without duplicates).
//
// Land–topic facts come only from a sentence that ties the Land to the
// topic (see landTopics) or from the Land's own strategy document; "das
// Land", "die Landesregierung" and "wir" refer to the document's dominant
// Land (see dominantLand).
func (x *Extractor) Extract(doc *corpus.Document, sents []text.Sentence) corpus.Extraction {
	ss := x.analyse(doc, sents)
	var ex corpus.Extraction
	seenL := map[corpus.LandCode]bool{}
	seenT := map[corpus.TopicID]bool{}
	var laender []corpus.LandCode
	var topics []corpus.TopicID
	for i := range ss {
		s := &ss[i]
		for _, h := range s.lands {
			if !h.Compound && !seenL[h.Land] {
				seenL[h.Land] = true
				laender = append(laender, h.Land)
				ex.Mentions = append(ex.Mentions, corpus.Mention{Land: h.Land, Evidence: s.evidence(doc)})
			}
		}
		for _, h := range s.topics {
			if !seenT[h.Topic] {
				seenT[h.Topic] = true
				topics = append(topics, h.Topic)
				ex.TopicMentions = append(ex.TopicMentions, corpus.TopicMention{Topic: h.Topic, Evidence: s.evidence(doc)})
			}
		}
	}
	doc.Laender = x.reg.SortCodes(laender)
	sort.Slice(topics, func(i, j int) bool { return topics[i] < topics[j] })
	doc.Topics = topics

	dom := x.dominantLand(doc, ss)
	strategies := x.strategies(doc, ss, dom)
	for _, st := range strategies {
		ex.Strategies = append(ex.Strategies, st.Strategy)
	}
	ex.LandTopics = x.landTopics(doc, ss, dom, strategies, ex.TopicMentions)
	ex.People = x.people(doc, ss, dom)
	ex.Organisations, ex.Laws = x.institutions(doc, ss, dom, ex.People)
	ex.Document = *doc
	return ex
}
