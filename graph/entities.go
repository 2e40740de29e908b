package graph

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/laendergraph/laendergraph/corpus"
)

// FactReader is what the entity graph is built from: the readers of a
// *Store, or of anything that serves the same facts.
type FactReader interface {
	Documents(ctx context.Context) ([]corpus.Document, error)
	LandTopics(ctx context.Context, f FactFilter) ([]corpus.LandTopic, error)
	Mentions(ctx context.Context, land corpus.LandCode) ([]corpus.Mention, error)
	TopicMentions(ctx context.Context, topic corpus.TopicID) ([]corpus.TopicMention, error)
	MeetingMentions(ctx context.Context) ([]corpus.MeetingMention, error)
	ChairTerms(ctx context.Context) ([]corpus.ChairTerm, error)
	Strategies(ctx context.Context, land corpus.LandCode) ([]corpus.Strategy, error)
	People(ctx context.Context, land corpus.LandCode) ([]corpus.Person, error)
	Organisations(ctx context.Context, land corpus.LandCode) ([]corpus.Organisation, error)
	Laws(ctx context.Context, land corpus.LandCode) ([]corpus.Law, error)
}

// NodeKind is the kind of an entity node.
type NodeKind string

// The kinds of entity nodes, in the order the entity graph lists them.
const (
	KindLand     NodeKind = "land"
	KindTopic    NodeKind = "topic"
	KindSeries   NodeKind = "series"
	KindPerson   NodeKind = "person"
	KindStrategy NodeKind = "strategy"
	KindDocument NodeKind = "document"
	// KindOrganisation and KindLaw have node IRIs "org:…" and "law:…".
	KindOrganisation NodeKind = "organisation"
	KindLaw          NodeKind = "law"
)

// NodeKinds lists every node kind.
var NodeKinds = []NodeKind{KindLand, KindTopic, KindSeries, KindPerson, KindStrategy, KindDocument, KindOrganisation, KindLaw}

// The relations of entity links.
const (
	RelHas          = "has"          // Land → topic (corpus.RelHas)
	RelAdopted      = "adopted"      // Land → topic (corpus.RelAdopted)
	RelInStrategy   = "strategy"     // Land → topic (corpus.RelStrategy)
	RelChairs       = "chairs"       // Land → series
	RelHosts        = "hosts"        // Land → series: hosted a meeting
	RelParticipates = "participates" // Land → series: took part in a meeting
	RelDiscusses    = "discusses"    // series → topic: on a meeting's agenda
	RelMemberOf     = "memberOf"     // person → Land
	RelOfLand       = "ofLand"       // strategy, organisation or law → Land
	RelFounded      = "founded"      // Land → organisation
	RelMember       = "member"       // Land → organisation: joined it, owns part of it
	RelFunds        = "funds"        // Land → organisation
	RelRuns         = "runs"         // Land → organisation
	RelHeads        = "heads"        // person → organisation
	RelPassed       = "passed"       // Land → law
	RelPublishedBy  = "publishedBy"  // document → Land
	RelMentions     = "mentions"     // document → Land, topic, series, person or strategy
)

// Node is an entity of the graph. ID is its node IRI in the store
// ("land:BW", "topic:ki", "series:dmk", "person:…", "strategy:…", "doc:…").
type Node struct {
	ID    string   `json:"id"`
	Kind  NodeKind `json:"kind"`
	Label string   `json:"label"`
}

// Link is every statement of one relation between two entities, aggregated:
// Count is the number of distinct evidence sentences (1 for a link drawn from
// metadata, which has none).
type Link struct {
	Source   string            `json:"source"`
	Target   string            `json:"target"`
	Relation string            `json:"relation"`
	Count    int               `json:"count"`
	Evidence []corpus.Evidence `json:"evidence"`
}

// Entities is the entity graph: nodes sorted by kind and ID, links by
// source, target and relation.
type Entities struct {
	Nodes []Node `json:"nodes"`
	Links []Link `json:"links"`
}

// EntityFilter selects part of the entity graph and names its nodes.
type EntityFilter struct {
	// Kinds keeps only nodes of these kinds and the links between them;
	// empty keeps every kind.
	Kinds []NodeKind
	// Land keeps only the Land and its neighbours, and the links among them.
	Land corpus.LandCode
	// From and To keep only evidence dated in the range (inclusive; partial
	// dates cover their month or year), links with such evidence (or, for a
	// link from metadata, a document dated in it) and the nodes they join.
	// Undated evidence is left out when either is set.
	From, To corpus.Date
	// Registry and Thesaurus name Länder and topics; nil means the built-in
	// ones.
	Registry  *corpus.Registry
	Thesaurus *corpus.Thesaurus
}

// ParseNodeKinds reads a comma-separated list of node kinds ("land,topic");
// an unknown kind is corpus.ErrInvalid.
func ParseNodeKinds(s string) ([]NodeKind, error) {
	var out []NodeKind
	for _, k := range strings.Split(s, ",") {
		k = strings.TrimSpace(k)
		if k == "" {
			continue
		}
		if k == "doc" {
			k = string(KindDocument)
		}
		if !slices.Contains(NodeKinds, NodeKind(k)) {
			return nil, corpus.Invalid("unbekannte Knotenart „%s“ (erlaubt: land, topic, series, person, strategy, document, organisation, law)", k)
		}
		out = append(out, NodeKind(k))
	}
	return out, nil
}

// KindOf returns the kind of an entity node IRI, "" for other nodes.
func KindOf(iri string) NodeKind {
	prefix, _, ok := strings.Cut(iri, ":")
	if !ok {
		return ""
	}
	switch prefix {
	case "land", "topic", "series", "person", "strategy":
		return NodeKind(prefix)
	case "doc":
		return KindDocument
	case "org":
		return KindOrganisation
	case "law":
		return KindLaw
	}
	return ""
}

// entityBuilder collects nodes and links.
type entityBuilder struct {
	docDates map[string]corpus.Date
	nodes    map[string]*Node
	links    map[[3]string]*Link
	seen     map[[3]string]map[evKey]bool
}

type evKey struct {
	doc  corpus.DocID
	span [2]int
}

func (b *entityBuilder) node(id string, kind NodeKind, label string) {
	n := b.nodes[id]
	if n == nil {
		n = &Node{ID: id, Kind: kind, Label: label}
		b.nodes[id] = n
	}
	if n.Label == "" || n.Label == strings.TrimPrefix(id, string(kind)+":") {
		n.Label = cmp.Or(label, n.Label)
	}
}

func (b *entityBuilder) link(src, dst, rel string, e *corpus.Evidence) {
	k := [3]string{src, dst, rel}
	l := b.links[k]
	if l == nil {
		l = &Link{Source: src, Target: dst, Relation: rel, Evidence: []corpus.Evidence{}}
		b.links[k] = l
		b.seen[k] = map[evKey]bool{}
	}
	if e == nil {
		l.Count = max(l.Count, 1)
		return
	}
	ek := evKey{e.Doc, e.Span}
	if b.seen[k][ek] {
		return
	}
	b.seen[k][ek] = true
	l.Evidence = append(l.Evidence, *e)
	l.Count = len(l.Evidence)
}

// BuildEntities returns the entity graph of the facts r holds: Länder,
// topics, meeting series, people, strategies and documents, with the facts
// between them aggregated into links that carry their evidence.
func BuildEntities(ctx context.Context, r FactReader, f EntityFilter) (*Entities, error) {
	reg, th := f.Registry, f.Thesaurus
	if reg == nil {
		reg = corpus.Laender()
	}
	if th == nil {
		th = corpus.DefaultThesaurus()
	}
	if !f.From.Valid() || !f.To.Valid() {
		return nil, fmt.Errorf("entity graph: %w", corpus.Invalid("ungültiger Zeitraum „%s“ bis „%s“", f.From, f.To))
	}
	b := &entityBuilder{docDates: map[string]corpus.Date{}, nodes: map[string]*Node{}, links: map[[3]string]*Link{}, seen: map[[3]string]map[evKey]bool{}}
	land := func(c corpus.LandCode) string {
		id := "land:" + string(c)
		name := string(c)
		if l, ok := reg.Get(c); ok {
			name = l.Name
		}
		b.node(id, KindLand, name)
		return id
	}
	topic := func(t corpus.TopicID) string {
		id := "topic:" + string(t)
		label := string(t)
		if x, ok := th.Get(t); ok {
			label = x.Label
		}
		b.node(id, KindTopic, label)
		return id
	}
	series := func(s corpus.SeriesID) string {
		id := "series:" + string(s)
		b.node(id, KindSeries, corpus.SeriesLabel(s))
		return id
	}
	doc := func(d corpus.DocID) string { return "doc:" + string(d) }

	docs, err := r.Documents(ctx)
	if err != nil {
		return nil, fmt.Errorf("entity graph: %w", err)
	}
	for _, d := range docs {
		id := doc(d.ID)
		b.docDates[id] = d.Date
		b.node(id, KindDocument, cmp.Or(d.Title, d.File, string(d.ID)))
		if d.Land != "" {
			b.link(id, land(d.Land), RelPublishedBy, nil)
		}
	}
	docLink := func(e corpus.Evidence, dst string) {
		if _, ok := b.nodes[doc(e.Doc)]; ok {
			b.link(doc(e.Doc), dst, RelMentions, &e)
		}
	}
	lts, err := r.LandTopics(ctx, FactFilter{})
	if err != nil {
		return nil, fmt.Errorf("entity graph: %w", err)
	}
	for _, lt := range lts {
		b.link(land(lt.Land), topic(lt.Topic), cmp.Or(string(lt.Relation), RelHas), &lt.Evidence)
	}
	ms, err := r.Mentions(ctx, "")
	if err != nil {
		return nil, fmt.Errorf("entity graph: %w", err)
	}
	for _, m := range ms {
		docLink(m.Evidence, land(m.Land))
	}
	tms, err := r.TopicMentions(ctx, "")
	if err != nil {
		return nil, fmt.Errorf("entity graph: %w", err)
	}
	for _, m := range tms {
		docLink(m.Evidence, topic(m.Topic))
	}
	mms, err := r.MeetingMentions(ctx)
	if err != nil {
		return nil, fmt.Errorf("entity graph: %w", err)
	}
	for _, m := range mms {
		s := series(m.Series)
		docLink(m.Evidence, s)
		for _, l := range m.Hosts {
			b.link(land(l), s, RelHosts, &m.Evidence)
		}
		for _, l := range m.Chairs {
			b.link(land(l), s, RelChairs, &m.Evidence)
		}
		for _, l := range m.Participants {
			b.link(land(l), s, RelParticipates, &m.Evidence)
		}
		for _, t := range m.Topics {
			b.link(s, topic(t), RelDiscusses, &m.Evidence)
		}
	}
	cts, err := r.ChairTerms(ctx)
	if err != nil {
		return nil, fmt.Errorf("entity graph: %w", err)
	}
	for _, ct := range cts {
		s := series(ct.Series)
		for _, l := range ct.Lands {
			b.link(land(l), s, RelChairs, &ct.Evidence)
		}
	}
	sts, err := r.Strategies(ctx, "")
	if err != nil {
		return nil, fmt.Errorf("entity graph: %w", err)
	}
	for _, st := range sts {
		id := "strategy:" + string(st.ID)
		b.node(id, KindStrategy, cmp.Or(st.Title, string(st.ID)))
		if st.Land != "" {
			b.link(id, land(st.Land), RelOfLand, &st.Evidence)
		}
		docLink(st.Evidence, id)
	}
	ps, err := r.People(ctx, "")
	if err != nil {
		return nil, fmt.Errorf("entity graph: %w", err)
	}
	for _, p := range ps {
		id := "person:" + string(p.ID)
		b.node(id, KindPerson, cmp.Or(strings.TrimSpace(p.Honorific+" "+p.Name), string(p.ID)))
		if p.Land != "" {
			b.link(id, land(p.Land), RelMemberOf, &p.Evidence)
		}
		docLink(p.Evidence, id)
	}
	if err := b.institutions(ctx, r, land, docLink); err != nil {
		return nil, fmt.Errorf("entity graph: %w", err)
	}
	return b.result(f), nil
}

// orgLinks maps an organisation's relation to the link from the Land in By.
var orgLinks = map[corpus.OrgRelation]string{
	corpus.OrgFounded: RelFounded, corpus.OrgMember: RelMember, corpus.OrgFunds: RelFunds, corpus.OrgRuns: RelRuns,
}

// institutions adds the organisations and laws with their links.
func (b *entityBuilder) institutions(ctx context.Context, r FactReader, land func(corpus.LandCode) string, docLink func(corpus.Evidence, string)) error {
	stmts, err := r.Organisations(ctx, "")
	if err != nil {
		return err
	}
	for _, o := range stmts {
		if o.ID == "" {
			continue
		}
		id := "org:" + string(o.ID)
		b.node(id, KindOrganisation, cmp.Or(o.Name, string(o.ID)))
		if o.Land != "" {
			b.link(id, land(o.Land), RelOfLand, &o.Evidence)
		}
		if rel, ok := orgLinks[o.Relation]; ok && o.By != "" {
			b.link(land(o.By), id, rel, &o.Evidence)
		}
		if o.Relation == corpus.OrgHeaded && o.PersonID != "" {
			p := "person:" + string(o.PersonID)
			b.node(p, KindPerson, cmp.Or(o.Person, string(o.PersonID)))
			b.link(p, id, RelHeads, &o.Evidence)
		}
		docLink(o.Evidence, id)
	}
	ls, err := r.Laws(ctx, "")
	if err != nil {
		return err
	}
	for _, l := range ls {
		if l.ID == "" {
			continue
		}
		id := "law:" + string(l.ID)
		b.node(id, KindLaw, cmp.Or(l.Title, string(l.ID)))
		if l.Land != "" {
			b.link(id, land(l.Land), RelOfLand, &l.Evidence)
			if l.Relation == corpus.LawPassed {
				b.link(land(l.Land), id, RelPassed, &l.Evidence)
			}
		}
		docLink(l.Evidence, id)
	}
	return nil
}

// inRange reports whether d lies in the range [from, to]; an unknown date
// does not when either is set.
func inRange(d, from, to corpus.Date) bool {
	if from == "" && to == "" {
		return true
	}
	if !d.Known() {
		return false
	}
	return (from == "" || d.Last() >= from.First()) && (to == "" || d.First() <= to.Last())
}

// result applies the filter and sorts.
func (b *entityBuilder) result(f EntityFilter) *Entities {
	if f.From != "" || f.To != "" {
		linked := map[string]bool{}
		for k, l := range b.links {
			if len(l.Evidence) == 0 {
				if !inRange(b.docDates[l.Source], f.From, f.To) {
					delete(b.links, k)
					continue
				}
			} else {
				kept := l.Evidence[:0]
				for _, e := range l.Evidence {
					if inRange(e.Date, f.From, f.To) {
						kept = append(kept, e)
					}
				}
				if len(kept) == 0 {
					delete(b.links, k)
					continue
				}
				l.Evidence, l.Count = kept, len(kept)
			}
			linked[l.Source], linked[l.Target] = true, true
		}
		for id := range b.nodes {
			if !linked[id] {
				delete(b.nodes, id)
			}
		}
	}
	keep := func(n *Node) bool { return len(f.Kinds) == 0 || slices.Contains(f.Kinds, n.Kind) }
	if f.Land != "" {
		center := "land:" + string(f.Land)
		near := map[string]bool{center: true}
		for _, l := range b.links {
			if l.Source == center {
				near[l.Target] = true
			}
			if l.Target == center {
				near[l.Source] = true
			}
		}
		inner := keep
		keep = func(n *Node) bool { return near[n.ID] && inner(n) }
	}
	out := &Entities{Nodes: []Node{}, Links: []Link{}}
	kept := map[string]bool{}
	for id, n := range b.nodes {
		if keep(n) {
			kept[id] = true
			out.Nodes = append(out.Nodes, *n)
		}
	}
	for _, l := range b.links {
		if kept[l.Source] && kept[l.Target] {
			out.Links = append(out.Links, *l)
		}
	}
	rank := func(k NodeKind) int { return slices.Index(NodeKinds, k) }
	slices.SortFunc(out.Nodes, func(a, b Node) int {
		return cmp.Or(cmp.Compare(rank(a.Kind), rank(b.Kind)), cmp.Compare(a.ID, b.ID))
	})
	slices.SortFunc(out.Links, func(a, b Link) int {
		return cmp.Or(cmp.Compare(a.Source, b.Source), cmp.Compare(a.Target, b.Target), cmp.Compare(a.Relation, b.Relation))
	})
	return out
}
