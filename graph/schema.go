package graph

import (
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/laendergraph/laendergraph/corpus"
)

// Predicates. Every predicate is an IRI under the prefix "lg:".
const (
	predKind = quad.IRI("lg:kind")

	// Document nodes.
	predFile           = quad.IRI("lg:file")
	predTitle          = quad.IRI("lg:title")
	predSource         = quad.IRI("lg:source")
	predDate           = quad.IRI("lg:date")
	predDocKind        = quad.IRI("lg:docKind")
	predPublishedBy    = quad.IRI("lg:publishedBy")
	predFormat         = quad.IRI("lg:format")
	predHash           = quad.IRI("lg:hash")
	predFingerprint    = quad.IRI("lg:fingerprint")
	predDuplicateOf    = quad.IRI("lg:duplicateOf")
	predIngestedAt     = quad.IRI("lg:ingestedAt")
	predDemo           = quad.IRI("lg:demo")
	predMentionsLand   = quad.IRI("lg:mentionsLand")
	predMentionsTopic  = quad.IRI("lg:mentionsTopic")
	predMentionsSeries = quad.IRI("lg:mentionsSeries")

	// Evidence nodes, of graphs written before evidence records (evidence.go).
	predInDoc     = quad.IRI("lg:inDoc")
	predQuote     = quad.IRI("lg:quote")
	predSpanStart = quad.IRI("lg:spanStart")
	predSpanEnd   = quad.IRI("lg:spanEnd")

	// Facts and meeting mentions.
	predEvidence    = quad.IRI("lg:evidence")
	predLand        = quad.IRI("lg:land")
	predTopic       = quad.IRI("lg:topic")
	predRelation    = quad.IRI("lg:relation")
	predSeries      = quad.IRI("lg:series")
	predOrdinal     = quad.IRI("lg:ordinal")
	predStart       = quad.IRI("lg:start")
	predEnd         = quad.IRI("lg:end")
	predPlace       = quad.IRI("lg:place")
	predVenue       = quad.IRI("lg:venue")
	predDay         = quad.IRI("lg:day") // "MM-DD" of a meeting stated without a year
	predHost        = quad.IRI("lg:host")
	predChair       = quad.IRI("lg:chair")
	predParticipant = quad.IRI("lg:participant")
	predPlanned     = quad.IRI("lg:planned")
	predAgenda      = quad.IRI("lg:agenda") // an agenda item: rdf:JSON of its title and evidence
	predFrom        = quad.IRI("lg:from")
	predTo          = quad.IRI("lg:to")
	predPerson      = quad.IRI("lg:person")
	predName        = quad.IRI("lg:name")
	predHonorific   = quad.IRI("lg:honorific")
	predRole        = quad.IRI("lg:role")
	predParty       = quad.IRI("lg:party")
	predStrategy    = quad.IRI("lg:strategy")
	predYear        = quad.IRI("lg:year")

	// Convenience edges between entity nodes.
	predHas        = quad.IRI("lg:has")
	predAdopted    = quad.IRI("lg:adopted")
	predInStrategy = quad.IRI("lg:inStrategy")
	predRelatedTo  = quad.IRI("lg:relatedTo")
	predChairs     = quad.IRI("lg:chairs")
	predMemberOf   = quad.IRI("lg:memberOf")
	predOfLand     = quad.IRI("lg:ofLand")
)

// Kinds: the objects of lg:kind.
const (
	kindDocument       = quad.IRI("lg:Document")
	kindEvidence       = quad.IRI("lg:Evidence") // of graphs written before evidence records
	kindLandTopic      = quad.IRI("lg:LandTopic")
	kindMention        = quad.IRI("lg:Mention")
	kindTopicMention   = quad.IRI("lg:TopicMention")
	kindMeetingMention = quad.IRI("lg:MeetingMention")
	kindChairTerm      = quad.IRI("lg:ChairTerm")
	kindPerson         = quad.IRI("lg:Person")
	kindStrategy       = quad.IRI("lg:Strategy")
)

// Node IRI prefixes.
const (
	prefixDoc      = "doc:"
	prefixLand     = "land:"
	prefixTopic    = "topic:"
	prefixSeries   = "series:"
	prefixPerson   = "person:"
	prefixStrategy = "strategy:"
	prefixMention  = "mention:"
	prefixFact     = "fact:"
	prefixEvidence = "evidence:" // of graphs written before evidence records
)

// relationPredicates maps a Land–topic relation to the convenience edge from
// the Land to the topic.
var relationPredicates = map[corpus.Relation]quad.IRI{
	corpus.RelHas:      predHas,
	corpus.RelAdopted:  predAdopted,
	corpus.RelStrategy: predInStrategy,
}

func docIRI(id corpus.DocID) quad.IRI          { return iri(prefixDoc, string(id)) }
func landIRI(c corpus.LandCode) quad.IRI       { return iri(prefixLand, string(c)) }
func topicIRI(t corpus.TopicID) quad.IRI       { return iri(prefixTopic, string(t)) }
func seriesIRI(s corpus.SeriesID) quad.IRI     { return iri(prefixSeries, string(s)) }
func personIRI(p corpus.PersonID) quad.IRI     { return iri(prefixPerson, string(p)) }
func strategyIRI(s corpus.StrategyID) quad.IRI { return iri(prefixStrategy, string(s)) }

// numbered returns the IRI of the n-th reified node of a document:
// "fact:<DocID>/<n>".
func numbered(prefix string, doc corpus.DocID, n int) quad.IRI {
	return quad.IRI(prefix + escapeID(string(doc)) + "/" + strconv.Itoa(n))
}

// ordinalOf returns n of "prefix:<DocID>/<n>", or -1.
func ordinalOf(v string) int {
	i := strings.LastIndexByte(v, '/')
	if i < 0 {
		return -1
	}
	n, err := strconv.Atoi(v[i+1:])
	if err != nil {
		return -1
	}
	return n
}

func iri(prefix, id string) quad.IRI { return quad.IRI(prefix + escapeID(id)) }

// idOf returns the identifier of an IRI with the given prefix, or "" when v is
// not such an IRI.
func idOf(prefix string, v quad.Value) string {
	s, ok := v.(quad.IRI)
	if !ok || !strings.HasPrefix(string(s), prefix) {
		return ""
	}
	return unescapeID(string(s[len(prefix):]))
}

// escapeID percent-encodes the bytes that an N-Quads IRI may not hold (space,
// control characters, <>"{}|^`\) and the percent sign itself, so that any
// identifier makes a valid IRI and comes back unchanged.
func escapeID(s string) string {
	if !strings.ContainsFunc(s, needsEscape) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x80 && needsEscape(rune(c)) {
			b.WriteByte('%')
			b.WriteByte("0123456789ABCDEF"[c>>4])
			b.WriteByte("0123456789ABCDEF"[c&15])
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

func needsEscape(r rune) bool {
	return r <= ' ' || r == 0x7f || strings.ContainsRune("<>\"{}|^`\\%", r)
}

func unescapeID(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			if v, err := strconv.ParseUint(s[i+1:i+3], 16, 8); err == nil {
				b.WriteByte(byte(v))
				i += 2
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
