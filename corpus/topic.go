package corpus

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"sort"
)

// TopicID identifies a topic of the thesaurus: "cyberwehr", "ki".
type TopicID string

// Topic is an entry of the topic thesaurus.
type Topic struct {
	ID    TopicID `json:"id"`
	Label string  `json:"label"`
	// Synonyms are other words and abbreviations for the topic, in their base
	// form; matching tolerates German inflection.
	Synonyms []string `json:"synonyms"`
	// Broader names a more general topic (Cyberwehr → Cybersicherheit).
	Broader TopicID `json:"broader,omitempty"`
}

// Terms returns the label followed by the synonyms.
func (t Topic) Terms() []string { return append([]string{t.Label}, t.Synonyms...) }

// Thesaurus is the set of topics. It is built from the embedded data file and
// may be extended with a user's file.
type Thesaurus struct {
	topics []Topic
	byID   map[TopicID]int
	byTerm map[string]TopicID
}

//go:embed data/topics.json
var topicsJSON []byte

// DefaultThesaurus returns a new thesaurus holding the built-in topics.
func DefaultThesaurus() *Thesaurus {
	t := &Thesaurus{byID: map[TopicID]int{}, byTerm: map[string]TopicID{}}
	if err := t.Extend(bytesReader(topicsJSON)); err != nil {
		panic(fmt.Sprintf("corpus: built-in thesaurus: %v", err)) // embedded data, checked by tests
	}
	return t
}

// Extend adds the topics of a JSON array in the form of data/topics.json.
// A topic whose id exists already gets the new synonyms (and label, if set).
func (t *Thesaurus) Extend(r io.Reader) error {
	var in []Topic
	if err := json.NewDecoder(r).Decode(&in); err != nil {
		return fmt.Errorf("read thesaurus: %w", err)
	}
	for i, tp := range in {
		if tp.ID == "" || (tp.Label == "" && len(tp.Synonyms) == 0) {
			return fmt.Errorf("read thesaurus: entry %d: id and label required: %w", i, ErrInvalid)
		}
		if j, ok := t.byID[tp.ID]; ok {
			old := &t.topics[j]
			if tp.Label != "" {
				old.Label = tp.Label
			}
			old.Synonyms = append(old.Synonyms, tp.Synonyms...)
			if tp.Broader != "" {
				old.Broader = tp.Broader
			}
		} else {
			t.byID[tp.ID] = len(t.topics)
			t.topics = append(t.topics, tp)
		}
		for _, term := range t.topics[t.byID[tp.ID]].Terms() {
			t.byTerm[Fold(term)] = tp.ID
		}
		t.byTerm[Fold(string(tp.ID))] = tp.ID
	}
	return nil
}

// All returns every topic, sorted by id.
func (t *Thesaurus) All() []Topic {
	out := append([]Topic(nil), t.topics...)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Get returns the topic with the given id.
func (t *Thesaurus) Get(id TopicID) (Topic, bool) {
	i, ok := t.byID[id]
	if !ok {
		return Topic{}, false
	}
	return t.topics[i], true
}

// Lookup finds the topic whose id, label or synonym equals term, ignoring case
// and umlaut spelling. It does not stem; extractors handle inflection.
func (t *Thesaurus) Lookup(term string) (TopicID, bool) {
	id, ok := t.byTerm[Fold(term)]
	return id, ok
}

// Narrower returns the topics whose Broader is id.
func (t *Thesaurus) Narrower(id TopicID) []TopicID {
	var out []TopicID
	for _, tp := range t.topics {
		if tp.Broader == id {
			out = append(out, tp.ID)
		}
	}
	return out
}
