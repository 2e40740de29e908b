package corpus

// Relation says how a sentence ties a Land to a topic.
type Relation string

// The relations between a Land and a topic.
const (
	// RelHas: the Land has, runs, builds or set up the thing ("Baden-Württemberg
	// baut eine Cyberwehr auf", "Cyberwehr Baden-Württemberg").
	RelHas Relation = "has"
	// RelAdopted: the Land adopted or published a strategy or programme about it.
	RelAdopted Relation = "adopted"
	// RelStrategy: the Land's own strategy names the topic.
	RelStrategy Relation = "strategy"
)

// LandTopic is the fact that a sentence ties a Land to a topic.
type LandTopic struct {
	Land     LandCode `json:"land"`
	Topic    TopicID  `json:"topic"`
	Relation Relation `json:"relation"`
	Evidence Evidence `json:"evidence"`
}

// Mention is the first place a document names a Land.
type Mention struct {
	Land     LandCode `json:"land"`
	Evidence Evidence `json:"evidence"`
}

// TopicMention is the first place a document names a topic.
type TopicMention struct {
	Topic    TopicID  `json:"topic"`
	Evidence Evidence `json:"evidence"`
}

// Extraction is everything ingest found in one document. Storing an
// Extraction replaces everything stored before for the same document.
type Extraction struct {
	Document      Document         `json:"document"`
	Mentions      []Mention        `json:"mentions,omitempty"`
	TopicMentions []TopicMention   `json:"topic_mentions,omitempty"`
	LandTopics    []LandTopic      `json:"land_topics,omitempty"`
	Meetings      []MeetingMention `json:"meetings,omitempty"`
	Chairs        []ChairTerm      `json:"chairs,omitempty"`
	Strategies    []Strategy       `json:"strategies,omitempty"`
	People        []Person         `json:"people,omitempty"`
	Organisations []Organisation   `json:"organisations,omitempty"`
	Laws          []Law            `json:"laws,omitempty"`
}
