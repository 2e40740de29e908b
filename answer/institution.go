package answer

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/german"
)

// institutions is what a knowledge graph may hold about organisations and
// laws (graph.Store does); an engine over a graph without them answers
// from topics and text only.
type institutions interface {
	Organisations(ctx context.Context, land corpus.LandCode) ([]corpus.Organisation, error)
	Laws(ctx context.Context, land corpus.LandCode) ([]corpus.Law, error)
}

// namedInstitution is an organisation or law a question names, with the
// Länder the graph ties it to and the evidence of each.
type namedInstitution struct {
	name  string
	lands []Land
}

// institution finds the organisation or law the question names in full —
// every content word of its name in the question, in any inflection
// ("ein eigenes Landesamt für Digitale Verwaltung"), or its abbreviation —
// among those the graph ties to a Land. Names of fewer than two content
// words never match alone ("Landesamt"). The Länder come in registry order,
// each with the statements that tie it (the API caps and counts them, as
// for every answer).
func (e *Engine) institution(ctx context.Context, q string) (namedInstitution, bool, error) {
	src, ok := e.k.(institutions)
	if !ok {
		return namedInstitution{}, false, nil
	}
	words := map[string]bool{}
	abbrevs := map[string]bool{}
	head := false
	for _, t := range german.Tokenize(q) {
		words[german.Stem(t.Raw)] = true
		if german.IsAllUpper(t.Raw) && len(t.Raw) >= 3 && !german.HasInstitutionHead(t.Raw) {
			abbrevs[t.Raw] = true // not "CERT", which names a kind
		}
		head = head || german.HasInstitutionHead(t.Raw)
	}
	if !head && len(abbrevs) == 0 {
		return namedInstitution{}, false, nil // names no organisation or law
	}
	var name string
	ls := newLandSet(e.views)
	// a name's verdict once per question: statements repeat names
	verdict := map[string]bool{}
	consider := func(n, abbrev string, land corpus.LandCode, ev corpus.Evidence) {
		if land == "" {
			return
		}
		ok, seen := verdict[n]
		if !seen {
			ok = e.namesAll(words, n)
			verdict[n] = ok
		}
		if !ok && !(abbrev != "" && abbrevs[abbrev]) {
			return
		}
		if name == "" {
			name = strings.Join(strings.Fields(n), " ")
		}
		ls.add(land, "institution", ev)
	}
	orgs, err := src.Organisations(ctx, "")
	if err != nil {
		return namedInstitution{}, false, fmt.Errorf("organisations: %w", err)
	}
	for i := range orgs {
		consider(orgs[i].Name, orgs[i].Abbrev, orgs[i].Land, orgs[i].Evidence)
	}
	laws, err := src.Laws(ctx, "")
	if err != nil {
		return namedInstitution{}, false, fmt.Errorf("laws: %w", err)
	}
	for i := range laws {
		consider(laws[i].Title, laws[i].Abbrev, laws[i].Land, laws[i].Evidence)
	}
	lands := ls.list()
	if len(lands) == 0 {
		return namedInstitution{}, false, nil
	}
	for i := range lands {
		lands[i].Source = "graph"
	}
	return namedInstitution{name: name, lands: lands}, true, nil
}

// namesAll reports whether the question's word stems hold every content
// word of name (not its function words, nor a Land it names), and name has
// at least two.
func (e *Engine) namesAll(words map[string]bool, name string) bool {
	content := e.names.content(name, e.lands)
	if len(content) < 2 {
		return false
	}
	for _, st := range content {
		if !words[st] {
			return false
		}
	}
	return true
}

// nameCache holds the content-word stems of each organisation or law name
// met, so that a question reads the names of every statement without
// analysing them again. Names are few beside statements; the cache stops
// growing at maxCachedNames and then analyses what is new each time.
type nameCache struct {
	mu sync.Mutex
	m  map[string][]string
}

const maxCachedNames = 1 << 16

func (c *nameCache) content(name string, lands *german.LandRecogniser) []string {
	c.mu.Lock()
	st, ok := c.m[name]
	c.mu.Unlock()
	if ok {
		return st
	}
	hits := lands.FindAll(name)
	for _, t := range german.Tokenize(name) {
		if !german.IsStopword(t.Raw) && !inLandHit(hits, t.Start) {
			st = append(st, german.Stem(t.Raw))
		}
	}
	c.mu.Lock()
	if c.m == nil {
		c.m = map[string][]string{}
	}
	if len(c.m) < maxCachedNames {
		c.m[name] = st
	}
	c.mu.Unlock()
	return st
}

// inLandHit reports whether byte p lies in one of the Land hits.
func inLandHit(hits []german.LandHit, p int) bool {
	for _, h := range hits {
		if p >= h.Start && p < h.End {
			return true
		}
	}
	return false
}

// textInstitution says which Länder the corpus ties the named organisation
// or law to.
func textInstitution(q Question, in namedInstitution) string {
	if q.Lang == "en" {
		return fmt.Sprintf("In the corpus, %q is tied to: %s.", in.name, landNames(in.lands))
	}
	return fmt.Sprintf("Laut Korpus gehört „%s“ zu: %s.", in.name, landNames(in.lands))
}

// asksForSeveral reports whether the question asks for several Länder
// ("Welche Länder …", "In welchen Ländern …").
func asksForSeveral(q string) bool {
	var fs []string
	for _, t := range german.Tokenize(q) {
		fs = append(fs, fold(t.Raw))
	}
	return wantedAnswer(fs) == wantLaender
}
