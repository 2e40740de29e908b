package answer

import (
	"cmp"
	"slices"
	"strings"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/search"
)

// The types below are the JSON shapes of answers. The api package serves the
// same shapes from its own endpoints, so that a meeting in an answer looks
// like a meeting in /api/v1/meetings.

// LandRef names a Land.
type LandRef struct {
	Code corpus.LandCode `json:"code"`
	Name string          `json:"name"`
}

// Land is a Land in an answer with the evidence that ties it to what was asked.
type Land struct {
	Code corpus.LandCode `json:"code"`
	Name string          `json:"name"`
	// Relations are the relations of the facts ("has", "adopted", "chair").
	Relations []string          `json:"relations,omitempty"`
	Evidence  []corpus.Evidence `json:"evidence"`
	// EvidenceCount is how much evidence there is when the API shows only
	// the first pieces (its evidence parameter); 0 when not counted.
	EvidenceCount int `json:"evidence_count,omitempty"`
	// Source is "graph" when stored facts tie the Land to what was asked,
	// "text" when it was read from the sentences cited as evidence.
	Source string `json:"source,omitempty"`
	// Score is how well the cited passage answers the question (0–1), for
	// answers from text.
	Score float64 `json:"score,omitempty"`
}

// TopicRef names a topic of the thesaurus.
type TopicRef struct {
	ID    corpus.TopicID `json:"id"`
	Label string         `json:"label"`
}

// Topic is a topic with evidence; Relation is set where a Land's fact ties it.
type Topic struct {
	ID       corpus.TopicID    `json:"id"`
	Label    string            `json:"label"`
	Relation corpus.Relation   `json:"relation,omitempty"`
	Evidence []corpus.Evidence `json:"evidence"`
	// EvidenceCount: see Land.
	EvidenceCount int `json:"evidence_count,omitempty"`
}

// Meeting is a merged meeting as the API shows it.
type Meeting struct {
	ID           corpus.MeetingID `json:"id"`
	Series       corpus.SeriesID  `json:"series"`
	SeriesLabel  string           `json:"series_label,omitempty"`
	Ordinal      int              `json:"ordinal,omitempty"`
	Start        corpus.Date      `json:"start,omitempty"`
	End          corpus.Date      `json:"end,omitempty"`
	Place        string           `json:"place,omitempty"`
	Venue        string           `json:"venue,omitempty"`
	Hosts        []LandRef        `json:"hosts"`
	Chairs       []LandRef        `json:"chairs"`
	Participants []LandRef        `json:"participants"`
	Topics       []TopicRef       `json:"topics"`
	// Agenda: the items of its agenda the documents list (corpus.AgendaItem),
	// at most maxAgenda.
	Agenda   []corpus.AgendaItem `json:"agenda,omitempty"`
	Planned  bool                `json:"planned,omitempty"`
	Evidence []corpus.Evidence   `json:"evidence"`
	// EvidenceCount: see Land.
	EvidenceCount int        `json:"evidence_count,omitempty"`
	Conflicts     []Conflict `json:"conflicts"`
}

// Conflict is a field of a merged record that sources state differently.
type Conflict struct {
	Field    string            `json:"field"`
	Value    string            `json:"value"`
	Chosen   string            `json:"chosen"`
	Evidence []corpus.Evidence `json:"evidence"`
	// EvidenceCount: see Land.
	EvidenceCount int `json:"evidence_count,omitempty"`
}

// RoleAt is a role a person held at a time.
type RoleAt struct {
	Role     string          `json:"role"`
	Date     corpus.Date     `json:"date,omitempty"`
	Evidence corpus.Evidence `json:"evidence"`
}

// Person is a merged person profile.
type Person struct {
	ID        corpus.PersonID `json:"id"`
	Name      string          `json:"name"`
	Honorific string          `json:"honorific,omitempty"`
	Land      corpus.LandCode `json:"land,omitempty"`
	Party     string          `json:"party,omitempty"`
	Role      string          `json:"role,omitempty"`
	Roles     []RoleAt        `json:"roles"`
	// RoleCount is how many dated roles there are when the API shows only
	// the first ones; 0 when not counted.
	RoleCount int               `json:"role_count,omitempty"`
	Evidence  []corpus.Evidence `json:"evidence"`
	// EvidenceCount: see Land.
	EvidenceCount int `json:"evidence_count,omitempty"`
}

// Strategy is a merged strategy of a Land.
type Strategy struct {
	ID       corpus.StrategyID `json:"id"`
	Land     corpus.LandCode   `json:"land"`
	Title    string            `json:"title"`
	Year     int               `json:"year,omitempty"`
	Evidence []corpus.Evidence `json:"evidence"`
	// EvidenceCount: see Land.
	EvidenceCount int `json:"evidence_count,omitempty"`
}

// Doc is a document's metadata without its text. DuplicateOf is null when the
// document repeats no other.
type Doc struct {
	ID          corpus.DocID      `json:"id"`
	File        string            `json:"file"`
	Title       string            `json:"title"`
	Source      string            `json:"source"`
	Date        corpus.Date       `json:"date"`
	Kind        corpus.Kind       `json:"kind"`
	Land        corpus.LandCode   `json:"land"`
	Laender     []corpus.LandCode `json:"laender"`
	Topics      []corpus.TopicID  `json:"topics"`
	Series      []corpus.SeriesID `json:"series"`
	DuplicateOf *corpus.DocID     `json:"duplicate_of"`
}

// Hit is one search hit.
type Hit struct {
	Doc        Doc      `json:"doc"`
	Score      float64  `json:"score"`
	Highlights []string `json:"highlights"`
}

// Views turns corpus records into the shapes above, naming Länder and topics
// by the registry and thesaurus.
type Views struct {
	Reg *corpus.Registry
	Th  *corpus.Thesaurus
}

// LandRef returns the reference of the Land with the given code.
func (v Views) LandRef(c corpus.LandCode) LandRef {
	r := LandRef{Code: c, Name: string(c)}
	if v.Reg != nil {
		if l, ok := v.Reg.Get(c); ok {
			r.Name = l.Name
		}
	}
	return r
}

// LandRefs returns the references of codes, never nil.
func (v Views) LandRefs(codes []corpus.LandCode) []LandRef {
	out := make([]LandRef, 0, len(codes))
	for _, c := range codes {
		out = append(out, v.LandRef(c))
	}
	return out
}

// TopicRef returns the reference of a topic, labelled by the thesaurus.
func (v Views) TopicRef(id corpus.TopicID) TopicRef {
	r := TopicRef{ID: id, Label: string(id)}
	if v.Th != nil {
		if t, ok := v.Th.Get(id); ok {
			r.Label = t.Label
		}
	}
	return r
}

// maxAgenda bounds the agenda items a meeting's view lists.
const maxAgenda = 40

// Meeting returns the view of a merged meeting.
func (v Views) Meeting(m corpus.Meeting) Meeting {
	out := Meeting{
		ID: m.ID, Series: m.Series, Ordinal: m.Ordinal, Start: m.Start, End: m.End,
		Place: m.Place, Venue: m.Venue, Planned: m.Planned,
		Hosts: v.LandRefs(m.Hosts), Chairs: v.LandRefs(m.Chairs), Participants: v.LandRefs(m.Participants),
		Topics: make([]TopicRef, 0, len(m.Topics)), Evidence: uniqueEvidence(m.Evidence),
		Conflicts: make([]Conflict, 0, len(m.Conflicts)),
	}
	out.SeriesLabel = corpus.SeriesLabel(m.Series)
	out.Agenda = m.Agenda[:min(len(m.Agenda), maxAgenda):min(len(m.Agenda), maxAgenda)]
	for _, t := range m.Topics {
		out.Topics = append(out.Topics, v.TopicRef(t))
	}
	for _, c := range m.Conflicts {
		out.Conflicts = append(out.Conflicts, Conflict{Field: c.Field, Value: c.Value, Chosen: c.Chosen, Evidence: Evidence(c.Evidence)})
	}
	return out
}

// Meetings returns the views of ms, never nil.
func (v Views) Meetings(ms []corpus.Meeting) []Meeting {
	out := make([]Meeting, 0, len(ms))
	for _, m := range ms {
		out = append(out, v.Meeting(m))
	}
	return out
}

// ChairTerm is a period in which one or more Länder chaired a series, with
// the evidence of every statement of it.
type ChairTerm struct {
	Series      corpus.SeriesID   `json:"series"`
	SeriesLabel string            `json:"series_label,omitempty"`
	Lands       []LandRef         `json:"lands"`
	From        corpus.Date       `json:"from,omitempty"`
	To          corpus.Date       `json:"to,omitempty"`
	Evidence    []corpus.Evidence `json:"evidence"`
	// EvidenceCount: see Land.
	EvidenceCount int `json:"evidence_count,omitempty"`
}

// landsKey names a set of Länder: the codes sorted and joined.
func landsKey(lands []corpus.LandCode) string {
	if len(lands) == 1 {
		return string(lands[0])
	}
	sorted := slices.Clone(lands)
	slices.Sort(sorted)
	var b strings.Builder
	for i, c := range sorted {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(string(c))
	}
	return b.String()
}

// ChairTerms returns the views of terms, one per period: statements of the
// same Länder chairing the same series in the same period (one date the
// other's or less precise, "2023-07" and "2023-07-01"; an open end agreeing
// with any) become one term with the more precise dates and the evidence
// of all. They come ordered by start (unknown first), then by the Länder's
// order. Never nil.
func (v Views) ChairTerms(terms []corpus.ChairTerm) []ChairTerm {
	type merged struct {
		t        corpus.ChairTerm
		lands    string
		evidence []corpus.Evidence
	}
	var ms []*merged
	for _, t := range terms {
		key := landsKey(t.Lands)
		var into *merged
		for _, m := range ms {
			if m.t.Series == t.Series && m.lands == key && sameOrWider(m.t.From, t.From) && sameOrWider(m.t.To, t.To) {
				into = m
				break
			}
		}
		if into == nil {
			ms = append(ms, &merged{t: t, lands: key, evidence: []corpus.Evidence{t.Evidence}})
			continue
		}
		into.t.From = preciser(into.t.From, t.From)
		into.t.To = preciser(into.t.To, t.To)
		into.evidence = append(into.evidence, t.Evidence)
	}
	slices.SortStableFunc(ms, func(a, b *merged) int {
		return cmp.Or(cmp.Compare(a.t.From.First(), b.t.From.First()), cmp.Compare(a.t.To.Last(), b.t.To.Last()))
	})
	out := make([]ChairTerm, 0, len(ms))
	for _, m := range ms {
		ct := ChairTerm{Series: m.t.Series, Lands: v.LandRefs(m.t.Lands), From: m.t.From, To: m.t.To, Evidence: Evidence(m.evidence)}
		if s, ok := corpus.SeriesByID(m.t.Series); ok {
			ct.SeriesLabel = s.Label
		}
		out = append(out, ct)
	}
	return out
}

// sameOrWider reports whether two partial dates can name the same time: one
// is empty or a prefix of the other.
func sameOrWider(a, b corpus.Date) bool {
	return a == "" || b == "" || strings.HasPrefix(string(a), string(b)) || strings.HasPrefix(string(b), string(a))
}

// preciser returns the longer of two agreeing dates.
func preciser(a, b corpus.Date) corpus.Date {
	if len(b) > len(a) {
		return b
	}
	return a
}

// Person returns the view of a merged person.
func (v Views) Person(p corpus.PersonProfile) Person {
	out := Person{
		ID: p.ID, Name: p.Name, Honorific: p.Honorific, Land: p.Land, Party: p.Party, Role: p.Role,
		Roles: make([]RoleAt, 0, len(p.Roles)), Evidence: Evidence(p.Evidence),
	}
	for _, r := range p.Roles {
		out.Roles = append(out.Roles, RoleAt{Role: r.Role, Date: r.Date, Evidence: r.Evidence})
	}
	return out
}

// Strategy returns the view of a merged strategy.
func (v Views) Strategy(s corpus.StrategyProfile) Strategy {
	return Strategy{ID: s.ID, Land: s.Land, Title: s.Title, Year: s.Year, Evidence: Evidence(s.Evidence)}
}

// DocOf returns the metadata view of d.
func DocOf(d corpus.Document) Doc {
	out := Doc{
		ID: d.ID, File: d.File, Title: d.Title, Source: d.Source, Date: d.Date, Kind: d.Kind, Land: d.Land,
		Laender: nonNil(d.Laender), Topics: nonNil(d.Topics), Series: nonNil(d.Series),
	}
	if d.DuplicateOf != "" {
		dup := d.DuplicateOf
		out.DuplicateOf = &dup
	}
	return out
}

// HitOf returns the view of a search hit.
func HitOf(h search.Hit) Hit {
	return Hit{Doc: DocOf(h.Doc), Score: h.Score, Highlights: nonNil(h.Highlights)}
}

// Evidence returns es without repeats (same document and span), ordered by
// date (undated last) and document, never nil.
func Evidence(es []corpus.Evidence) []corpus.Evidence {
	out := uniqueEvidence(es)
	if len(out) < 2 {
		return out
	}
	// A stable sort of the records themselves moves them by rotations
	// (thousands of records for a chair answer at 100,000 documents);
	// sorting their positions, ties broken by position, gives the same
	// order for a fraction of the copying.
	pos := make([]int32, len(out))
	for i := range pos {
		pos[i] = int32(i)
	}
	slices.SortFunc(pos, func(i, j int32) int {
		a, b := &out[i], &out[j]
		if (a.Date == "") != (b.Date == "") {
			return cmp.Compare(b.Date, a.Date) // undated last
		}
		return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.File, b.File), cmp.Compare(a.Span[0], b.Span[0]), cmp.Compare(i, j))
	})
	sorted := make([]corpus.Evidence, len(out))
	for k, i := range pos {
		sorted[k] = out[i]
	}
	return sorted
}

// uniqueEvidence drops repeated evidence and keeps the order of es.
func uniqueEvidence(es []corpus.Evidence) []corpus.Evidence {
	out := make([]corpus.Evidence, 0, len(es))
	seen := map[evKey]bool{}
	for _, e := range es {
		k := evKey{e.Doc, e.Span}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, e)
	}
	return out
}

type evKey struct {
	doc  corpus.DocID
	span [2]int
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}
