package api

import (
	"cmp"
	"net/http"
	"slices"

	"github.com/gin-gonic/gin"

	"github.com/laendergraph/laendergraph/answer"
	"github.com/laendergraph/laendergraph/corpus"
)

// orgStatement is one thing a sentence says of an organisation: its
// relation ("named", "founded", "headed", "member", "funds", "runs"), the
// Land that founded, joined, funds or runs it, who heads it, since when.
type orgStatement struct {
	Relation string            `json:"relation"`
	By       *answer.LandRef   `json:"by,omitempty"`
	Person   string            `json:"person,omitempty"`
	PersonID corpus.PersonID   `json:"person_id,omitempty"`
	Role     string            `json:"role,omitempty"`
	Date     corpus.Date       `json:"date,omitempty"`
	Evidence []corpus.Evidence `json:"evidence"`
	// EvidenceCount: see answer.Land.
	EvidenceCount int `json:"evidence_count,omitempty"`
}

// organisationView is an organisation merged from every sentence about it.
type organisationView struct {
	ID     corpus.OrganisationID `json:"id"`
	Name   string                `json:"name"`
	Abbrev string                `json:"abbrev,omitempty"`
	Kind   string                `json:"kind,omitempty"`
	// Land is the Land whose organisation it is; absent for the Bund's,
	// bodies of several Länder, or where the documents do not say.
	Land *answer.LandRef `json:"land,omitempty"`
	// Founded is the earliest founding date a statement gives.
	Founded corpus.Date `json:"founded,omitempty"`
	// Members are the Länder stated to have joined it or to own it.
	Members []answer.LandRef `json:"members"`
	// Heads are the people stated to lead it.
	Heads []string `json:"heads"`
	// Statements are the relations stated, each with its evidence; plain
	// mentions are merged into one "named" statement.
	Statements    []orgStatement `json:"statements"`
	DocumentCount int            `json:"document_count"`
}

// lawStatement is one thing a sentence says of a law: "named", "passed",
// "inforce", "drafted" or "amended", with its date.
type lawStatement struct {
	Relation string            `json:"relation"`
	Date     corpus.Date       `json:"date,omitempty"`
	Evidence []corpus.Evidence `json:"evidence"`
	// EvidenceCount: see answer.Land.
	EvidenceCount int `json:"evidence_count,omitempty"`
}

// lawView is a law merged from every sentence about it.
type lawView struct {
	ID     corpus.LawID    `json:"id"`
	Title  string          `json:"title"`
	Abbrev string          `json:"abbrev,omitempty"`
	Kind   string          `json:"kind,omitempty"`
	Land   *answer.LandRef `json:"land,omitempty"`
	// Passed and InForce are the earliest dates the statements give.
	Passed        corpus.Date    `json:"passed,omitempty"`
	InForce       corpus.Date    `json:"in_force,omitempty"`
	Statements    []lawStatement `json:"statements"`
	DocumentCount int            `json:"document_count"`
}

func (s *server) landRef(c corpus.LandCode) *answer.LandRef {
	if c == "" {
		return nil
	}
	r := s.views.LandRefs([]corpus.LandCode{c})
	if len(r) == 0 {
		return &answer.LandRef{Code: c, Name: string(c)}
	}
	return &r[0]
}

// earlier returns the earlier of two partial dates, "" counting as none.
func earlier(a, b corpus.Date) corpus.Date {
	if a == "" || (b != "" && b.First() < a.First()) {
		return b
	}
	return a
}

// organisationView builds the view of one merged organisation.
func (s *server) organisationView(p corpus.OrganisationProfile) organisationView {
	v := organisationView{ID: p.ID, Name: p.Name, Abbrev: p.Abbrev, Kind: p.Kind, Land: s.landRef(p.Land),
		Members: []answer.LandRef{}, Heads: []string{}}
	type key struct {
		rel      corpus.OrgRelation
		by       corpus.LandCode
		personID corpus.PersonID
		date     corpus.Date
	}
	by := map[key]*orgStatement{}
	var keys []key
	docs := map[corpus.DocID]bool{}
	var members []corpus.LandCode
	for _, o := range p.Statements {
		docs[o.Evidence.Doc] = true
		k := key{o.Relation, o.By, o.PersonID, o.Date}
		st := by[k]
		if st == nil {
			st = &orgStatement{Relation: cmp.Or(string(o.Relation), "named"), By: s.landRef(o.By), Person: o.Person, PersonID: o.PersonID, Role: o.Role, Date: o.Date}
			by[k] = st
			keys = append(keys, k)
		}
		st.Evidence = append(st.Evidence, o.Evidence)
		switch o.Relation {
		case corpus.OrgFounded:
			v.Founded = earlier(v.Founded, o.Date)
		case corpus.OrgMember:
			if o.By != "" && !slices.Contains(members, o.By) {
				members = append(members, o.By)
			}
		case corpus.OrgHeaded:
			if o.Person != "" && !slices.Contains(v.Heads, o.Person) {
				v.Heads = append(v.Heads, o.Person)
			}
		}
	}
	v.Members = append(v.Members, s.views.LandRefs(s.reg.SortCodes(members))...)
	for _, k := range keys {
		st := *by[k]
		st.Evidence = answer.Evidence(st.Evidence)
		v.Statements = append(v.Statements, st)
	}
	// relations first (by relation name, "named" last), then by date
	slices.SortStableFunc(v.Statements, func(a, b orgStatement) int {
		return cmp.Or(cmp.Compare(named(a.Relation), named(b.Relation)), cmp.Compare(a.Relation, b.Relation), cmp.Compare(a.Date, b.Date))
	})
	v.DocumentCount = len(docs)
	return v
}

// lawView builds the view of one merged law.
func (s *server) lawView(p corpus.LawProfile) lawView {
	v := lawView{ID: p.ID, Title: p.Title, Abbrev: p.Abbrev, Kind: p.Kind, Land: s.landRef(p.Land)}
	type key struct {
		rel  corpus.LawRelation
		date corpus.Date
	}
	by := map[key]*lawStatement{}
	var keys []key
	docs := map[corpus.DocID]bool{}
	for _, l := range p.Statements {
		docs[l.Evidence.Doc] = true
		k := key{l.Relation, l.Date}
		if by[k] == nil {
			by[k] = &lawStatement{Relation: cmp.Or(string(l.Relation), "named"), Date: l.Date}
			keys = append(keys, k)
		}
		by[k].Evidence = append(by[k].Evidence, l.Evidence)
		switch l.Relation {
		case corpus.LawPassed:
			v.Passed = earlier(v.Passed, l.Date)
		case corpus.LawInForce:
			v.InForce = earlier(v.InForce, l.Date)
		}
	}
	for _, k := range keys {
		st := *by[k]
		st.Evidence = answer.Evidence(st.Evidence)
		v.Statements = append(v.Statements, st)
	}
	slices.SortStableFunc(v.Statements, func(a, b lawStatement) int {
		return cmp.Or(cmp.Compare(named(a.Relation), named(b.Relation)), cmp.Compare(a.Relation, b.Relation), cmp.Compare(a.Date, b.Date))
	})
	v.DocumentCount = len(docs)
	return v
}

// named orders the "named" statements after the relations.
func named(rel string) int {
	if rel == "named" {
		return 1
	}
	return 0
}

// organisationViews merges every organisation statement and returns the
// organisations of a Land (its own, and those it founded, joined, funds or
// runs), or all for code "".
func (s *server) organisationViews(stmts []corpus.Organisation, code corpus.LandCode) []organisationView {
	return s.organisationViewsOf(corpus.MergeOrganisations(stmts), code)
}

// organisationViewsOf returns the merged organisations of a Land, or all
// for code "".
func (s *server) organisationViewsOf(merged []corpus.OrganisationProfile, code corpus.LandCode) []organisationView {
	out := []organisationView{}
	for _, p := range merged {
		if code != "" && p.Land != code && !slices.ContainsFunc(p.Statements, func(o corpus.Organisation) bool { return o.By == code }) {
			continue
		}
		out = append(out, s.organisationView(p))
	}
	return out
}

// lawViews merges every law statement and returns the laws of a Land, or
// all for code "".
func (s *server) lawViews(ls []corpus.Law, code corpus.LandCode) []lawView {
	out := []lawView{}
	for _, p := range corpus.MergeLaws(ls) {
		if code == "" || p.Land == code {
			out = append(out, s.lawView(p))
		}
	}
	return out
}

// landFilter reads the optional land parameter.
func (s *server) landFilter(c *gin.Context) (corpus.LandCode, error) {
	v, err := shortParam(c, "land")
	if err != nil || v == "" {
		return "", err
	}
	code, ok := s.lookupLand(v)
	if !ok {
		return "", invalid("Unbekanntes Land „%s“", clip(v))
	}
	return code, nil
}

// page reads limit and offset.
func page(c *gin.Context) (limit, offset int, err error) {
	if limit, err = intParam(c, "limit", defaultListLimit, 1, maxListLimit); err != nil {
		return 0, 0, err
	}
	offset, err = intParam(c, "offset", 0, 0, 1<<31-1)
	return limit, offset, err
}

// organisations lists the organisations, optionally of one Land, a page at
// a time, ordered by Land and name.
func (s *server) organisations(c *gin.Context) {
	limit, offset, err := page(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	nev, err := listEvidenceParam(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	land, err := s.landFilter(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	stmts, err := s.g.Organisations(c.Request.Context(), "")
	if err != nil {
		s.fail(c, err)
		return
	}
	all := s.organisationViews(stmts, land)
	capOrganisations(all, nev)
	c.JSON(http.StatusOK, gin.H{"organisations": all[min(offset, len(all)):min(offset+limit, len(all))],
		"total": len(all), "limit": limit, "offset": offset})
}

// organisation returns one organisation with every statement about it.
func (s *server) organisation(c *gin.Context) {
	nev, err := evidenceParam(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	stmts, err := s.g.Organisations(c.Request.Context(), "")
	if err != nil {
		s.fail(c, err)
		return
	}
	id := corpus.OrganisationID(c.Param("id"))
	for _, p := range corpus.MergeOrganisations(stmts) {
		if p.ID == id {
			one := []organisationView{s.organisationView(p)}
			capOrganisations(one, nev)
			c.JSON(http.StatusOK, one[0])
			return
		}
	}
	s.fail(c, notFound("Die Organisation „%s“ gibt es nicht", clip(string(id))))
}

// laws lists the laws, optionally of one Land, a page at a time, ordered
// by Land and title.
func (s *server) laws(c *gin.Context) {
	limit, offset, err := page(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	nev, err := listEvidenceParam(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	land, err := s.landFilter(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	ls, err := s.g.Laws(c.Request.Context(), land)
	if err != nil {
		s.fail(c, err)
		return
	}
	all := s.lawViews(ls, land)
	capLaws(all, nev)
	c.JSON(http.StatusOK, gin.H{"laws": all[min(offset, len(all)):min(offset+limit, len(all))],
		"total": len(all), "limit": limit, "offset": offset})
}
