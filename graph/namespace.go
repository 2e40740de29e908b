package graph

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/cayleygraph/quad"
)

// Namespace is the base IRI of laendergraph's public identifiers. The store
// keeps short internal IRIs ("lg:kind", "land:BW", "doc:d0123456789ab");
// exports write them in this namespace: the vocabulary under Namespace+"ns#"
// (lg:kind → https://w3id.org/laendergraph/ns#kind), every node under
// Namespace plus its kind (land:BW → https://w3id.org/laendergraph/land/BW).
const Namespace = "https://w3id.org/laendergraph/"

// PublicIRI returns the public IRI of an internal IRI. An IRI of no known
// prefix is returned unchanged.
func PublicIRI(iri string) string {
	prefix, rest, ok := strings.Cut(iri, ":")
	if !ok || strings.HasPrefix(rest, "//") {
		return iri // already absolute (http://…) or not ours
	}
	switch prefix + ":" {
	case "lg:":
		return Namespace + "ns#" + iriEscape(rest)
	case prefixDoc, prefixLand, prefixTopic, prefixSeries, prefixPerson, prefixStrategy, prefixMention, prefixFact, prefixEvidence,
		prefixOrganisation, prefixLaw:
		return Namespace + prefix + "/" + iriEscape(rest)
	}
	return iri
}

// iriEscape percent-encodes what an N-Quads IRI may not hold (space, <>"{}|^`\
// and controls); the slash of fact:doc/7 stays a path separator.
func iriEscape(s string) string {
	var b strings.Builder
	for _, seg := range strings.SplitAfter(s, "/") {
		last := strings.HasSuffix(seg, "/")
		seg = strings.TrimSuffix(seg, "/")
		b.WriteString(strings.ReplaceAll(url.PathEscape(seg), "%3A", ":"))
		if last {
			b.WriteByte('/')
		}
	}
	return b.String()
}

// publicQuad returns q with its IRIs in the public namespace.
func publicQuad(q quad.Quad) quad.Quad {
	pub := func(v quad.Value) quad.Value {
		if iri, ok := v.(quad.IRI); ok {
			return quad.IRI(PublicIRI(string(iri)))
		}
		return v
	}
	return quad.Quad{Subject: pub(q.Subject), Predicate: pub(q.Predicate), Object: pub(q.Object), Label: pub(q.Label)}
}

// ExportNQuads writes the whole graph to w as N-Quads in the public namespace
// (see Namespace), as WriteNQuads does with the internal IRIs. Tools that
// read RDF (Cayley, rdflib, Jena) read it.
func (s *Store) ExportNQuads(ctx context.Context, w io.Writer) error {
	if err := s.writeNQuads(ctx, w, publicQuad); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}
