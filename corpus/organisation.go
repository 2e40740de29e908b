package corpus

import (
	"cmp"
	"slices"
)

// OrganisationID identifies an organisation: the code of its Land, "-" and
// a slug of its name without the words naming the Land
// ("BW-cybersicherheitsagentur"); without a Land, the slug alone
// ("dataport").
type OrganisationID string

// LawID identifies a law the same way ("NI-gesetz-ueber-digitale-verwaltung-und-informationssicherheit").
type LawID string

// OrgRelation says how a sentence ties an organisation to a Land or a person.
type OrgRelation string

// The relations of an organisation.
const (
	// OrgNamed: the sentence only names it (with its Land, if the name or
	// the sentence gives one).
	OrgNamed OrgRelation = ""
	// OrgFounded: the Land founded, set up or established it.
	OrgFounded OrgRelation = "founded"
	// OrgHeaded: Person leads it.
	OrgHeaded OrgRelation = "headed"
	// OrgMember: By joined it or is one of its members or owners.
	OrgMember OrgRelation = "member"
	// OrgFunds: By pays for it.
	OrgFunds OrgRelation = "funds"
	// OrgRuns: By operates it.
	OrgRuns OrgRelation = "runs"
)

// LawRelation says what a sentence states of a law.
type LawRelation string

// The relations of a law.
const (
	LawNamed   LawRelation = ""
	LawPassed  LawRelation = "passed"  // a parliament or government passed it
	LawInForce LawRelation = "inforce" // it came into force
	LawDrafted LawRelation = "drafted" // a bill was drafted or brought in
	LawAmended LawRelation = "amended" // it was amended
)

// Organisation is what one sentence says about an organisation: an
// agency, office, authority, CERT, centre, public company or cooperative.
type Organisation struct {
	ID   OrganisationID `json:"id"`
	Name string         `json:"name"`
	// Abbrev is the abbreviation the text gives for it ("CSBW").
	Abbrev string `json:"abbrev,omitempty"`
	// Kind is the kind its head noun names: agency, office, authority,
	// centre, institute, cert, provider, cooperative, company, …
	Kind string `json:"kind,omitempty"`
	// Land is the Land whose organisation it is; "" for the Bund, bodies
	// of several Länder or where the text does not say.
	Land     LandCode    `json:"land,omitempty"`
	Relation OrgRelation `json:"relation,omitempty"`
	// By is the Land that founded, joined, funds or runs it.
	By LandCode `json:"by,omitempty"`
	// Person and PersonID name who heads it; Role is the role word
	// ("Präsidentin").
	Person   string   `json:"person,omitempty"`
	PersonID PersonID `json:"person_id,omitempty"`
	Role     string   `json:"role,omitempty"`
	// Date is when the relation began (founded, joined), if stated.
	Date     Date     `json:"date,omitempty"`
	Evidence Evidence `json:"evidence"`
}

// Law is what one sentence says about a law, ordinance or treaty.
type Law struct {
	ID     LawID  `json:"id"`
	Title  string `json:"title"`
	Abbrev string `json:"abbrev,omitempty"`
	// Kind: law, ordinance, treaty or code.
	Kind string `json:"kind,omitempty"`
	// Land is the Land whose law it is; "" for the Bund, the EU or where
	// the text does not say.
	Land     LandCode    `json:"land,omitempty"`
	Relation LawRelation `json:"relation,omitempty"`
	// Date is when it was passed or came into force, if stated.
	Date     Date     `json:"date,omitempty"`
	Evidence Evidence `json:"evidence"`
}

// OrganisationProfile merges the statements about one organisation.
type OrganisationProfile struct {
	ID     OrganisationID `json:"id"`
	Name   string         `json:"name"`
	Abbrev string         `json:"abbrev,omitempty"`
	Kind   string         `json:"kind,omitempty"`
	Land   LandCode       `json:"land,omitempty"`
	// Statements are the sentences about it, in document order.
	Statements []Organisation `json:"statements"`
}

// LawProfile merges the statements about one law.
type LawProfile struct {
	ID         LawID    `json:"id"`
	Title      string   `json:"title"`
	Abbrev     string   `json:"abbrev,omitempty"`
	Kind       string   `json:"kind,omitempty"`
	Land       LandCode `json:"land,omitempty"`
	Statements []Law    `json:"statements"`
}

// MergeOrganisations groups statements by ID. A profile takes the most
// frequent name (the longest of equally frequent ones), abbreviation and
// kind; profiles are sorted by Land, then name.
func MergeOrganisations(os []Organisation) []OrganisationProfile {
	ids, by := groupBy(os, func(o Organisation) OrganisationID { return o.ID })
	out := make([]OrganisationProfile, 0, len(ids))
	for _, id := range ids {
		g := by[id]
		p := OrganisationProfile{ID: id, Land: g[0].Land, Statements: g}
		var names, abbrevs, kinds []string
		for _, o := range g {
			names = append(names, o.Name)
			abbrevs = appendNonEmpty(abbrevs, o.Abbrev)
			kinds = appendNonEmpty(kinds, o.Kind)
		}
		p.Name = mostFrequent(names, longer)
		p.Abbrev = mostFrequent(abbrevs, longer)
		p.Kind = mostFrequent(kinds, longer)
		out = append(out, p)
	}
	slices.SortStableFunc(out, func(a, b OrganisationProfile) int {
		return cmp.Or(cmp.Compare(a.Land, b.Land), cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	return out
}

// MergeLaws groups statements by ID, as MergeOrganisations does.
func MergeLaws(ls []Law) []LawProfile {
	ids, by := groupBy(ls, func(l Law) LawID { return l.ID })
	out := make([]LawProfile, 0, len(ids))
	for _, id := range ids {
		g := by[id]
		p := LawProfile{ID: id, Land: g[0].Land, Statements: g}
		var titles, abbrevs, kinds []string
		for _, l := range g {
			titles = append(titles, l.Title)
			abbrevs = appendNonEmpty(abbrevs, l.Abbrev)
			kinds = appendNonEmpty(kinds, l.Kind)
		}
		p.Title = mostFrequent(titles, longer)
		p.Abbrev = mostFrequent(abbrevs, longer)
		p.Kind = mostFrequent(kinds, longer)
		out = append(out, p)
	}
	slices.SortStableFunc(out, func(a, b LawProfile) int {
		return cmp.Or(cmp.Compare(a.Land, b.Land), cmp.Compare(a.Title, b.Title), cmp.Compare(a.ID, b.ID))
	})
	return out
}

func appendNonEmpty(xs []string, s string) []string {
	if s != "" {
		xs = append(xs, s)
	}
	return xs
}

func longer(a, b string) bool { return len(a) > len(b) }
