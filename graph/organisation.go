package graph

import (
	"context"
	"fmt"

	"github.com/cayleygraph/quad"

	"github.com/laendergraph/laendergraph/corpus"
)

// Organisations and laws: their statements are reified facts like every
// other (kinds lg:Organisation and lg:Law, each with its evidence), and they
// add convenience edges between the entity nodes org:<ID>, law:<ID>, land:
// and person:, labelled with the document like every quad.

// Predicates and kinds of organisations and laws.
const (
	predOrganisation = quad.IRI("lg:organisation")
	predLaw          = quad.IRI("lg:law")
	predAbbrev       = quad.IRI("lg:abbrev")
	predOrgKind      = quad.IRI("lg:orgKind")
	predLawKind      = quad.IRI("lg:lawKind")
	predBy           = quad.IRI("lg:by")
	predPersonName   = quad.IRI("lg:personName")

	// Convenience edges.
	predFounded = quad.IRI("lg:founded") // land → org
	predFunds   = quad.IRI("lg:funds")   // land → org
	predRuns    = quad.IRI("lg:runs")    // land → org
	predHeads   = quad.IRI("lg:heads")   // person → org
	predPassed  = quad.IRI("lg:passed")  // land → law

	kindOrganisation = quad.IRI("lg:Organisation")
	kindLaw          = quad.IRI("lg:Law")

	prefixOrganisation = "org:"
	prefixLaw          = "law:"
)

func organisationIRI(id corpus.OrganisationID) quad.IRI { return iri(prefixOrganisation, string(id)) }
func lawIRI(id corpus.LawID) quad.IRI                   { return iri(prefixLaw, string(id)) }

// orgEdges maps a relation to the convenience edge from the Land in By.
var orgEdges = map[corpus.OrgRelation]quad.IRI{
	corpus.OrgFounded: predFounded,
	corpus.OrgMember:  predMemberOf,
	corpus.OrgFunds:   predFunds,
	corpus.OrgRuns:    predRuns,
}

// institutions writes the organisation and law statements of ext.
func (e *encoder) institutions(ext *corpus.Extraction) {
	for _, o := range ext.Organisations {
		f := e.fact(kindOrganisation, o.Evidence)
		if o.ID != "" {
			org := organisationIRI(o.ID)
			e.add(f, predOrganisation, org)
			e.str(org, predName, o.Name)
			if o.Land != "" {
				e.add(org, predOfLand, landIRI(o.Land))
			}
			if p, ok := orgEdges[o.Relation]; ok && o.By != "" {
				e.add(landIRI(o.By), p, org)
			}
			if o.Relation == corpus.OrgHeaded && o.PersonID != "" {
				e.add(personIRI(o.PersonID), predHeads, org)
				e.str(personIRI(o.PersonID), predName, o.Person)
			}
		}
		e.str(f, predName, o.Name)
		e.str(f, predAbbrev, o.Abbrev)
		e.str(f, predOrgKind, o.Kind)
		e.land(f, predLand, o.Land)
		e.str(f, predRelation, string(o.Relation))
		e.land(f, predBy, o.By)
		if o.PersonID != "" {
			e.add(f, predPerson, personIRI(o.PersonID))
		}
		e.str(f, predPersonName, o.Person)
		e.str(f, predRole, o.Role)
		e.str(f, predDate, string(o.Date))
	}
	for _, l := range ext.Laws {
		f := e.fact(kindLaw, l.Evidence)
		if l.ID != "" {
			law := lawIRI(l.ID)
			e.add(f, predLaw, law)
			e.str(law, predTitle, l.Title)
			if l.Land != "" {
				e.add(law, predOfLand, landIRI(l.Land))
				if l.Relation == corpus.LawPassed {
					e.add(landIRI(l.Land), predPassed, law)
				}
			}
		}
		e.str(f, predTitle, l.Title)
		e.str(f, predAbbrev, l.Abbrev)
		e.str(f, predLawKind, l.Kind)
		e.land(f, predLand, l.Land)
		e.str(f, predRelation, string(l.Relation))
		e.str(f, predDate, string(l.Date))
	}
}

// decodeInstitution reads an organisation or law fact into x; it reports
// whether n was one.
func decodeInstitution(n *node, ev corpus.Evidence, x *factSet) bool {
	switch n.kind() {
	case kindOrganisation:
		x.Organisations = append(x.Organisations, corpus.Organisation{
			ID:       corpus.OrganisationID(idOf(prefixOrganisation, n.first(predOrganisation))),
			Name:     n.str(predName),
			Abbrev:   n.str(predAbbrev),
			Kind:     n.str(predOrgKind),
			Land:     corpus.LandCode(idOf(prefixLand, n.first(predLand))),
			Relation: corpus.OrgRelation(n.str(predRelation)),
			By:       corpus.LandCode(idOf(prefixLand, n.first(predBy))),
			Person:   n.str(predPersonName),
			PersonID: corpus.PersonID(idOf(prefixPerson, n.first(predPerson))),
			Role:     n.str(predRole),
			Date:     corpus.Date(n.str(predDate)),
			Evidence: ev,
		})
	case kindLaw:
		x.Laws = append(x.Laws, corpus.Law{
			ID:       corpus.LawID(idOf(prefixLaw, n.first(predLaw))),
			Title:    n.str(predTitle),
			Abbrev:   n.str(predAbbrev),
			Kind:     n.str(predLawKind),
			Land:     corpus.LandCode(idOf(prefixLand, n.first(predLand))),
			Relation: corpus.LawRelation(n.str(predRelation)),
			Date:     corpus.Date(n.str(predDate)),
			Evidence: ev,
		})
	default:
		return false
	}
	return true
}

// Organisations returns the statements about organisations, in the order of
// their documents' files: all of them for land "", else those whose
// organisation is the Land's or that tie the Land to it (By).
func (s *Store) Organisations(ctx context.Context, land corpus.LandCode) ([]corpus.Organisation, error) {
	var out []corpus.Organisation
	err := s.facts(ctx, func(ix *factIndex, cite func(corpus.Evidence) corpus.Evidence) error {
		refs := ix.organisations
		if land != "" {
			refs = ix.organisationsByLand[land]
		}
		var err error
		out, err = collect(ctx, refs,
			func(r factRef) corpus.Organisation { return r.r.ext.Organisations[r.i] }, nil,
			cite, func(o *corpus.Organisation) *corpus.Evidence { return &o.Evidence })
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("organisations: %w", err)
	}
	return out, nil
}

// Laws returns the statements about laws, in the order of their documents'
// files: all of them for land "", else the Land's.
func (s *Store) Laws(ctx context.Context, land corpus.LandCode) ([]corpus.Law, error) {
	var out []corpus.Law
	err := s.facts(ctx, func(ix *factIndex, cite func(corpus.Evidence) corpus.Evidence) error {
		refs := ix.laws
		if land != "" {
			refs = ix.lawsByLand[land]
		}
		var err error
		out, err = collect(ctx, refs,
			func(r factRef) corpus.Law { return r.r.ext.Laws[r.i] }, nil,
			cite, func(l *corpus.Law) *corpus.Evidence { return &l.Evidence })
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("laws: %w", err)
	}
	return out, nil
}
