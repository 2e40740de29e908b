package graph

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/laendergraph/laendergraph/corpus"
)

// Query limits.
const (
	// MaxQueryLen is the longest query in characters.
	MaxQueryLen = 500
	// MaxQueryHops is the most links a query follows from its start to its
	// end, repetitions counted.
	MaxQueryHops = 6
	// DefaultQueryResults and MaxQueryResults bound the rows of an answer.
	DefaultQueryResults = 100
	MaxQueryResults     = 1000
	// DefaultQueryWork is the number of links a query may look at before it
	// is refused as too broad.
	DefaultQueryWork = 2_000_000
	// queryCheckEvery is how many links a query looks at between two looks
	// at its context.
	queryCheckEvery = 1024
)

// ErrQueryTooBroad reports a query that looked at more links than its
// limit allows.
var ErrQueryTooBroad = errors.New("query too broad")

// QueryError is a query that cannot be read. Pos is the offset in
// characters (runes) where the trouble is; Msg says in German what is wrong.
type QueryError struct {
	Pos int
	Msg string
}

func (e *QueryError) Error() string {
	return fmt.Sprintf("Abfrage, Zeichen %d: %s", e.Pos+1, e.Msg)
}

// Unwrap makes a QueryError a corpus.ErrInvalid.
func (e *QueryError) Unwrap() error { return corpus.ErrInvalid }

// Direction is the way a query step follows a link.
type Direction int

// The directions of a step.
const (
	Out  Direction = iota // -rel->: from source to target
	In                    // <-rel-: from target to source
	Both                  // -rel-: either way
)

// NodePattern selects nodes: Kind "" is any kind, Name "" any node of the
// kind, Label "" any label.
type NodePattern struct {
	Kind NodeKind
	// Name matches a node whose ID is Kind:Name or whose label is Name, case
	// and umlaut spelling aside (land:bw, land:Bayern, topic:KI).
	Name string
	// Label keeps nodes whose label contains it, case and umlaut spelling
	// aside.
	Label string
}

// QueryStep follows links of one of Relations (empty: any relation) in Dir
// from Min to Max times, and keeps the nodes Node matches.
type QueryStep struct {
	Relations []string
	Dir       Direction
	Min, Max  int
	Node      NodePattern
}

// Query is a path query over the entity graph: start nodes and steps.
//
// Its text is a start node and steps, separated by spaces:
//
//	land:BW -hat-> thema
//	thema:ki <-hat- land -vorsitz-> reihe:d16
//	person~Müller -gehört-> land
//	land:BB -*1..2- strategie
//
// A node is a kind (land, thema, reihe, person, strategie, dokument; the
// English kinds of the graph work too), a kind with a name or id after a
// colon (land:Bayern, thema:ki), or * for any node; ~text (or ~"two words")
// keeps nodes whose label contains the text. A step is -rel-> (along the
// link), <-rel- (against it) or -rel- (either way); rel names relations
// (hat, beschlossen, strategie, vorsitz, gastgeber, teilnahme, berät,
// gehört, von, herausgeber, nennt; several with |), may be left out for any
// relation (-->), and may repeat: -nennt*2-, -*1..3-.
type Query struct {
	Start NodePattern
	Steps []QueryStep
}

// QueryRelation is one relation of the entity graph as queries name it.
type QueryRelation struct {
	Relation string `json:"relation"`
	// Name is the German name queries use; Aliases also work.
	Name    string   `json:"name"`
	Aliases []string `json:"aliases,omitempty"`
	// Label says in German what the link means, for display.
	Label string `json:"label"`
}

// QueryRelations lists the relations queries can follow, in the order of
// the graph's relations.
var QueryRelations = []QueryRelation{
	{RelHas, "hat", nil, "hat"},
	{RelAdopted, "beschlossen", nil, "hat beschlossen"},
	{RelInStrategy, "strategie", nil, "in der Strategie"},
	{RelChairs, "vorsitz", nil, "hat den Vorsitz"},
	{RelHosts, "gastgeber", nil, "Gastgeber"},
	{RelParticipates, "teilnahme", []string{"teilnehmer"}, "nimmt teil"},
	{RelDiscusses, "berät", []string{"beraet", "thema"}, "berät"},
	{RelMemberOf, "gehört", []string{"gehoert", "mitglied"}, "gehört zu"},
	{RelOfLand, "von", []string{"strategievon"}, "von (Land)"},
	{RelPublishedBy, "herausgeber", []string{"veröffentlicht"}, "veröffentlicht von"},
	{RelFounded, "gegründet", []string{"gruendet", "gründet", "errichtet"}, "hat gegründet"},
	{RelMember, "beigetreten", []string{"träger", "traeger"}, "ist Mitglied von"},
	{RelFunds, "fördert", []string{"foerdert", "finanziert"}, "fördert"},
	{RelRuns, "betreibt", nil, "betreibt"},
	{RelHeads, "leitet", []string{"leitung"}, "leitet"},
	{RelPassed, "verabschiedet", []string{"erlassen"}, "hat verabschiedet"},
	{RelMentions, "nennt", nil, "nennt"},
}

// queryKinds names the node kinds in queries, German first.
var queryKinds = map[string]NodeKind{
	"land": KindLand, "laender": KindLand,
	"thema": KindTopic, "topic": KindTopic, "themen": KindTopic,
	"reihe": KindSeries, "treffenreihe": KindSeries, "series": KindSeries, "gremium": KindSeries,
	"person":    KindPerson,
	"strategie": KindStrategy, "strategy": KindStrategy,
	"dokument": KindDocument, "document": KindDocument, "doc": KindDocument,
	"organisation": KindOrganisation, "org": KindOrganisation, "behoerde": KindOrganisation, "einrichtung": KindOrganisation,
	"gesetz": KindLaw, "law": KindLaw, "gesetze": KindLaw,
}

// queryRelation finds a relation by its German name, an alias or its code.
func queryRelation(name string) (string, bool) {
	key := corpus.Fold(name)
	for _, r := range QueryRelations {
		if key == corpus.Fold(r.Name) || key == strings.ToLower(r.Relation) {
			return r.Relation, true
		}
		for _, a := range r.Aliases {
			if key == corpus.Fold(a) {
				return r.Relation, true
			}
		}
	}
	return "", false
}

// relationNames lists the German relation names for an error message.
func relationNames() string {
	var names []string
	for _, r := range QueryRelations {
		names = append(names, r.Name)
	}
	return strings.Join(names, ", ")
}

// queryToken is a word of a query between spaces, with its position.
type queryToken struct {
	text string
	pos  int
}

// splitQuery cuts a query at white space outside quotes ("…" or „…“).
func splitQuery(s string) ([]queryToken, error) {
	var out []queryToken
	var b strings.Builder
	start, quote, quoteAt := -1, rune(0), 0
	pos := 0
	for _, r := range s {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
			b.WriteRune(r)
		case unicode.IsSpace(r):
			if start >= 0 {
				out = append(out, queryToken{b.String(), start})
				b.Reset()
				start = -1
			}
		default:
			if start < 0 {
				start = pos
			}
			switch r {
			case '"':
				quote, quoteAt = '"', pos
			case '„':
				quote, quoteAt = '“', pos
			}
			b.WriteRune(r)
		}
		pos++
	}
	if quote != 0 {
		return nil, &QueryError{quoteAt, "das Anführungszeichen wird nicht geschlossen"}
	}
	if start >= 0 {
		out = append(out, queryToken{b.String(), start})
	}
	return out, nil
}

// isStep reports whether a token is a step (it starts with - or <).
func isStep(t string) bool { return strings.HasPrefix(t, "-") || strings.HasPrefix(t, "<") }

// ParseQuery reads a query (see Query). A query that cannot be read is a
// *QueryError that says where and why, in German.
func ParseQuery(s string) (*Query, error) {
	if n := utf8.RuneCountInString(s); n > MaxQueryLen {
		return nil, &QueryError{MaxQueryLen, fmt.Sprintf("die Abfrage ist %d Zeichen lang, erlaubt sind höchstens %d", n, MaxQueryLen)}
	}
	if !utf8.ValidString(s) {
		return nil, &QueryError{0, "die Abfrage ist kein gültiges UTF-8"}
	}
	toks, err := splitQuery(s)
	if err != nil {
		return nil, err
	}
	if len(toks) == 0 {
		return nil, &QueryError{0, "die Abfrage ist leer; sie beginnt mit einem Knoten, z. B. land:BW -hat-> thema"}
	}
	q := &Query{}
	if isStep(toks[0].text) {
		return nil, &QueryError{toks[0].pos, "die Abfrage beginnt mit einem Knoten, nicht mit einem Schritt, z. B. land:BW " + toks[0].text + " …"}
	}
	if q.Start, err = parseNodePattern(toks[0]); err != nil {
		return nil, err
	}
	hops := 0
	for i := 1; i < len(toks); i += 2 {
		st := toks[i]
		if !isStep(st.text) {
			return nil, &QueryError{st.pos, fmt.Sprintf("nach einem Knoten folgt ein Schritt wie -hat-> oder <-vorsitz-, nicht „%s“", clipText(st.text))}
		}
		step, err := parseStep(st)
		if err != nil {
			return nil, err
		}
		if i+1 >= len(toks) {
			return nil, &QueryError{st.pos + utf8.RuneCountInString(st.text), fmt.Sprintf("nach „%s“ fehlt der Knoten, zu dem der Schritt führt, z. B. thema oder *", clipText(st.text))}
		}
		nt := toks[i+1]
		if isStep(nt.text) {
			return nil, &QueryError{nt.pos, fmt.Sprintf("zwischen zwei Schritten steht ein Knoten, z. B. * (gefunden: „%s“)", clipText(nt.text))}
		}
		if step.Node, err = parseNodePattern(nt); err != nil {
			return nil, err
		}
		hops += step.Max
		if hops > MaxQueryHops {
			return nil, &QueryError{st.pos, fmt.Sprintf("die Abfrage geht bis zu %d Kanten weit, erlaubt sind höchstens %d", hops, MaxQueryHops)}
		}
		q.Steps = append(q.Steps, step)
	}
	return q, nil
}

// parseNodePattern reads kind[:name][~label] or *.
func parseNodePattern(t queryToken) (NodePattern, error) {
	var p NodePattern
	text := t.text
	head, label, hasLabel := cutOutsideQuotes(text, '~')
	if hasLabel {
		l := unquote(label)
		if strings.TrimSpace(l) == "" {
			return p, &QueryError{t.pos + utf8.RuneCountInString(head), "nach ~ fehlt der Text, den die Bezeichnung enthalten soll"}
		}
		p.Label = l
	}
	if strings.Contains(head, "->") || strings.Contains(head, "<-") || strings.Contains(head, "--") {
		return p, &QueryError{t.pos, fmt.Sprintf("zwischen Knoten und Schritt steht ein Leerzeichen: „%s“", clipText(text))}
	}
	if head == "*" || head == "" && hasLabel {
		return p, nil
	}
	kind, name, hasName := cutOutsideQuotes(head, ':')
	k, ok := queryKinds[corpus.Fold(kind)]
	if !ok {
		return p, &QueryError{t.pos, fmt.Sprintf("unbekannte Knotenart „%s“; erlaubt sind land, thema, reihe, person, strategie, dokument, organisation, gesetz oder *", clipText(kind))}
	}
	p.Kind = k
	if hasName {
		name = unquote(name)
		if name == "" {
			return p, &QueryError{t.pos + utf8.RuneCountInString(kind) + 1, fmt.Sprintf("nach „%s:“ fehlt der Name oder die Kennung, z. B. %s:%s", kind, kind, exampleName(k))}
		}
		if name != "*" {
			p.Name = name
		}
	}
	return p, nil
}

func exampleName(k NodeKind) string {
	switch k {
	case KindLand:
		return "BW"
	case KindTopic:
		return "ki"
	case KindSeries:
		return "dmk"
	}
	return "…"
}

// cutOutsideQuotes cuts s at the first sep outside quotes.
func cutOutsideQuotes(s string, sep rune) (before, after string, found bool) {
	var quote rune
	for i, r := range s {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '"':
			quote = '"'
		case r == '„':
			quote = '“'
		case r == sep:
			return s[:i], s[i+utf8.RuneLen(r):], true
		}
	}
	return s, "", false
}

// unquote removes the quotes around s.
func unquote(s string) string {
	for _, q := range [][2]string{{`"`, `"`}, {"„", "“"}} {
		if strings.HasPrefix(s, q[0]) && strings.HasSuffix(s, q[1]) && len(s) >= len(q[0])+len(q[1]) {
			return strings.TrimSpace(s[len(q[0]) : len(s)-len(q[1])])
		}
	}
	return s
}

// parseStep reads -rel->, <-rel- or -rel-, rel optionally with *n or *m..n.
func parseStep(t queryToken) (QueryStep, error) {
	step := QueryStep{Min: 1, Max: 1}
	s := t.text
	var inner string
	switch {
	case strings.HasPrefix(s, "<-") && strings.HasSuffix(s, "->") && len(s) >= 4:
		return step, &QueryError{t.pos, fmt.Sprintf("ein Schritt zeigt in eine Richtung (-hat-> oder <-hat-) oder in beide (-hat-), nicht „%s“", clipText(s))}
	case strings.HasPrefix(s, "<-") && strings.HasSuffix(s, "-") && len(s) >= 3:
		step.Dir, inner = In, s[2:len(s)-1]
	case strings.HasPrefix(s, "-") && strings.HasSuffix(s, "->") && len(s) >= 3:
		step.Dir, inner = Out, s[1:len(s)-2]
	case strings.HasPrefix(s, "-") && strings.HasSuffix(s, "-") && len(s) >= 2:
		step.Dir, inner = Both, s[1:len(s)-1]
	default:
		return step, &QueryError{t.pos, fmt.Sprintf("„%s“ ist kein Schritt; Schritte sehen so aus: -hat-> (entlang), <-hat- (zurück), -hat- (beide Richtungen), --> (jede Beziehung)", clipText(s))}
	}
	offset := t.pos + 1
	if step.Dir == In {
		offset++
	}
	names, rep, hasRep := strings.Cut(inner, "*")
	if hasRep {
		lo, hi, err := parseRepeat(rep)
		if err != nil {
			return step, &QueryError{offset + utf8.RuneCountInString(names), err.Error()}
		}
		step.Min, step.Max = lo, hi
	}
	if names = strings.TrimSpace(names); names != "" {
		at := offset
		for _, n := range strings.Split(names, "|") {
			rel, ok := queryRelation(n)
			if !ok {
				return step, &QueryError{at, fmt.Sprintf("unbekannte Beziehung „%s“; bekannt sind %s", clipText(n), relationNames())}
			}
			if !slices.Contains(step.Relations, rel) {
				step.Relations = append(step.Relations, rel)
			}
			at += utf8.RuneCountInString(n) + 1
		}
	}
	return step, nil
}

// parseRepeat reads the repetition after *: "" (1 to the most hops), "n",
// "m..n", "..n" or "m..".
func parseRepeat(s string) (lo, hi int, err error) {
	num := func(v string, def int) (int, error) {
		if v == "" {
			return def, nil
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > MaxQueryHops {
			return 0, fmt.Errorf("die Wiederholung nach * ist eine Zahl von 1 bis %d oder ein Bereich wie *1..3, nicht „%s“", MaxQueryHops, clipText(v))
		}
		return n, nil
	}
	a, b, isRange := strings.Cut(s, "..")
	if lo, err = num(a, 1); err != nil {
		return 0, 0, err
	}
	if !isRange {
		if a == "" {
			return 1, MaxQueryHops, nil
		}
		return lo, lo, nil
	}
	if hi, err = num(b, MaxQueryHops); err != nil {
		return 0, 0, err
	}
	if hi < lo {
		return 0, 0, fmt.Errorf("im Bereich *%s ist die erste Zahl größer als die zweite", s)
	}
	return lo, hi, nil
}

// clipText shortens a piece of a query for a message.
func clipText(s string) string {
	r := []rune(s)
	if len(r) <= 30 {
		return s
	}
	return string(r[:30]) + "…"
}

// QueryLimits bound the work of a query. Zero values mean the defaults.
type QueryLimits struct {
	// Results is the most rows returned (DefaultQueryResults, at most
	// MaxQueryResults); more are cut off and the result says so.
	Results int
	// Work is the most links the query may look at (DefaultQueryWork);
	// past it the query stops with ErrQueryTooBroad.
	Work int
}

// QueryRow is a node a query reaches, with the first path that reaches it
// (links with at most pathEvidence pieces of evidence each).
type QueryRow struct {
	Node Node `json:"node"`
	Path Path `json:"path"`
}

// QueryResult is the answer to a query: the distinct end nodes in the
// entity graph's order.
type QueryResult struct {
	Rows []QueryRow `json:"rows"`
	// Total is the number of end nodes; Truncated is true when Rows holds
	// fewer.
	Total     int  `json:"total"`
	Truncated bool `json:"truncated"`
	// Work is the number of links the query looked at.
	Work int `json:"work"`
}

// adjacent is a link seen from one of its ends.
type adjacent struct {
	link  int
	other int
	out   bool // the link leaves this end
}

// queryState is a node reached by a query: its node, the state it was
// reached from (-1 for a start node), the link and the step taken.
type queryState struct {
	node, prev, link, step int
}

// Run answers q over g. The query stops with ctx's error when ctx ends (it
// looks at ctx every queryCheckEvery links) and with ErrQueryTooBroad when
// it would look at more links than lim.Work.
func (q *Query) Run(ctx context.Context, g *Entities, lim QueryLimits) (*QueryResult, error) {
	if lim.Results <= 0 {
		lim.Results = DefaultQueryResults
	}
	lim.Results = min(lim.Results, MaxQueryResults)
	if lim.Work <= 0 {
		lim.Work = DefaultQueryWork
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	index := make(map[string]int, len(g.Nodes))
	for i, n := range g.Nodes {
		index[n.ID] = i
	}
	adj := make([][]adjacent, len(g.Nodes))
	for i, l := range g.Links {
		u, okU := index[l.Source]
		v, okV := index[l.Target]
		if !okU || !okV {
			continue
		}
		adj[u] = append(adj[u], adjacent{i, v, true})
		adj[v] = append(adj[v], adjacent{i, u, false})
	}
	res := &QueryResult{Rows: []QueryRow{}}
	var states []queryState
	// layer maps a node to the state that reached it first.
	var layer []int // state indexes, in node order
	for i, n := range g.Nodes {
		if q.Start.matches(n) {
			states = append(states, queryState{node: i, prev: -1, link: -1, step: -1})
			layer = append(layer, len(states)-1)
		}
	}
	for si, step := range q.Steps {
		accepted := map[int]int{}
		cur := layer
		for rep := 1; rep <= step.Max && len(cur) > 0; rep++ {
			next := map[int]int{}
			for _, s := range cur {
				u := states[s].node
				for _, a := range adj[u] {
					res.Work++
					if res.Work%queryCheckEvery == 0 {
						if err := ctx.Err(); err != nil {
							return nil, err
						}
					}
					if res.Work > lim.Work {
						return nil, fmt.Errorf("query looked at more than %d links: %w", lim.Work, ErrQueryTooBroad)
					}
					if !step.follows(g.Links[a.link].Relation, a.out) {
						continue
					}
					if _, seen := next[a.other]; seen {
						continue
					}
					states = append(states, queryState{node: a.other, prev: s, link: a.link, step: si})
					next[a.other] = len(states) - 1
				}
			}
			cur = sortedStates(next, states)
			if rep < step.Min {
				continue
			}
			for _, s := range cur {
				n := states[s].node
				if _, ok := accepted[n]; !ok && step.Node.matches(g.Nodes[n]) {
					accepted[n] = s
				}
			}
		}
		layer = sortedStates(accepted, states)
	}
	res.Total = len(layer)
	if len(layer) > lim.Results {
		layer, res.Truncated = layer[:lim.Results], true
	}
	for _, s := range layer {
		res.Rows = append(res.Rows, QueryRow{Node: g.Nodes[states[s].node], Path: q.witness(g, adj, states, s)})
	}
	return res, nil
}

// sortedStates returns the states of m in the order of their nodes.
func sortedStates(m map[int]int, states []queryState) []int {
	out := make([]int, 0, len(m))
	for _, s := range m {
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b int) int { return states[a].node - states[b].node })
	return out
}

// witness is the path that reached state s: its nodes, and for each hop
// every link of the step's relations between the two nodes in the step's
// direction.
func (q *Query) witness(g *Entities, adj [][]adjacent, states []queryState, s int) Path {
	var chain []queryState
	for ; s >= 0; s = states[s].prev {
		chain = append(chain, states[s])
	}
	slices.Reverse(chain)
	p := Path{Nodes: []Node{}, Steps: []Step{}}
	for i, st := range chain {
		p.Nodes = append(p.Nodes, g.Nodes[st.node])
		if i == 0 {
			continue
		}
		from := chain[i-1].node
		step := q.Steps[st.step]
		hop := Step{From: g.Nodes[from].ID, To: g.Nodes[st.node].ID, Links: []Link{}}
		for _, a := range adj[from] {
			if a.other == st.node && step.follows(g.Links[a.link].Relation, a.out) {
				l := g.Links[a.link]
				if len(l.Evidence) > pathEvidence {
					l.Evidence = l.Evidence[:pathEvidence]
				}
				hop.Links = append(hop.Links, l)
			}
		}
		p.Steps = append(p.Steps, hop)
	}
	return p
}

// follows reports whether the step takes a link of relation rel, seen from
// the end it leaves (out) or enters.
func (s QueryStep) follows(rel string, out bool) bool {
	if len(s.Relations) > 0 && !slices.Contains(s.Relations, rel) {
		return false
	}
	switch s.Dir {
	case Out:
		return out
	case In:
		return !out
	}
	return true
}

// matches reports whether the pattern selects n.
func (p NodePattern) matches(n Node) bool {
	if p.Kind != "" && n.Kind != p.Kind {
		return false
	}
	if p.Name != "" {
		want := corpus.Fold(p.Name)
		_, id, _ := strings.Cut(n.ID, ":")
		if corpus.Fold(id) != want && corpus.Fold(n.Label) != want {
			return false
		}
	}
	if p.Label != "" && !strings.Contains(corpus.Fold(n.Label), corpus.Fold(p.Label)) {
		return false
	}
	return true
}
