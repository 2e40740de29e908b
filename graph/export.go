package graph

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/laendergraph/laendergraph/corpus"
)

// Neighbours returns every edge into or out of the node with the given IRI
// ("land:BW", "doc:d0123456789ab"), sorted by subject, predicate, object and
// document. Literal objects appear as their text. An unknown node has no
// edges.
func (s *Store) Neighbours(ctx context.Context, node string) ([]corpus.Edge, error) {
	out := []corpus.Edge{}
	err := s.read(ctx, func(v *view) error {
		r := v.ref(quad.IRI(node))
		if r == nil {
			return nil
		}
		var links []link
		collect := func(l link) error {
			links = append(links, l)
			return nil
		}
		if err := v.scan(quad.Subject, r, collect); err != nil {
			return err
		}
		if err := v.scan(quad.Object, r, collect); err != nil {
			return err
		}
		refs := make([]cgraph.Ref, 0, 4*len(links))
		for _, l := range links {
			refs = append(refs, l.s, l.p, l.o, l.l)
		}
		if err := v.resolve(refs...); err != nil {
			return err
		}
		for _, l := range links {
			out = append(out, corpus.Edge{
				Subject:   text(v.value(l.s)),
				Predicate: text(v.value(l.p)),
				Object:    text(v.value(l.o)),
				Doc:       corpus.DocID(idOf(prefixDoc, v.value(l.l))),
			})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("neighbours of %s: %w", node, err)
	}
	slices.SortFunc(out, func(a, b corpus.Edge) int {
		return cmp.Or(
			cmp.Compare(a.Subject, b.Subject),
			cmp.Compare(a.Predicate, b.Predicate),
			cmp.Compare(a.Object, b.Object),
			cmp.Compare(a.Doc, b.Doc),
		)
	})
	return slices.Compact(out), nil
}

// text returns an IRI or literal as plain text.
func text(v quad.Value) string {
	switch v := v.(type) {
	case nil:
		return ""
	case quad.IRI:
		return string(v)
	case quad.String:
		return string(v)
	case quad.TypedString:
		return string(v.Value)
	case quad.Int:
		return strconv.FormatInt(int64(v), 10)
	case quad.Bool:
		return strconv.FormatBool(bool(v))
	}
	return quad.ToString(v)
}

// xsd is the namespace of the XML Schema datatypes.
const xsd = "http://www.w3.org/2001/XMLSchema#"

// standard returns v with integers and booleans typed as xsd:integer and
// xsd:boolean, which RDF tools know (Cayley writes schema.org types); Cayley
// reads them back as the same values.
func standard(v quad.Value) quad.Value {
	switch v := v.(type) {
	case quad.Int:
		return quad.TypedString{Value: quad.String(strconv.FormatInt(int64(v), 10)), Type: xsd + "integer"}
	case quad.Bool:
		return quad.TypedString{Value: quad.String(strconv.FormatBool(bool(v))), Type: xsd + "boolean"}
	}
	return v
}

// exportBatch is how many quads WriteNQuads resolves at a time.
const exportBatch = 2048

// WriteNQuads writes the whole graph to w as N-Quads, one quad a line, in
// storage order, with integers and booleans typed as xsd:integer and
// xsd:boolean. It streams: memory use does not grow with the graph.
func (s *Store) WriteNQuads(ctx context.Context, w io.Writer) error {
	return s.writeNQuads(ctx, w, func(q quad.Quad) quad.Quad { return q })
}

// writeNQuads writes every quad of the graph, passed through public, to w.
func (s *Store) writeNQuads(ctx context.Context, w io.Writer, public func(quad.Quad) quad.Quad) error {
	err := s.read(ctx, func(v *view) error {
		enc := nquads.NewWriter(w)
		it := v.qs.QuadsAllIterator()
		defer it.Close()
		batch := make([]link, 0, exportBatch)
		flush := func() error {
			refs := make([]cgraph.Ref, 0, 4*len(batch))
			for _, l := range batch {
				refs = append(refs, l.s, l.p, l.o, l.l)
			}
			if err := v.resolve(refs...); err != nil {
				return err
			}
			for _, l := range batch {
				q := quad.Quad{Subject: v.value(l.s), Predicate: v.value(l.p), Object: standard(v.value(l.o)), Label: v.value(l.l)}
				if err := enc.WriteQuad(public(q)); err != nil {
					return err
				}
			}
			batch = batch[:0]
			clear(v.vals) // keep memory flat; predicates are cheap to look up again
			return nil
		}
		for it.Next(ctx) {
			q := it.Result()
			batch = append(batch, link{
				s: v.qs.QuadDirection(q, quad.Subject),
				p: v.qs.QuadDirection(q, quad.Predicate),
				o: v.qs.QuadDirection(q, quad.Object),
				l: v.qs.QuadDirection(q, quad.Label),
			})
			if len(batch) == exportBatch {
				if err := ctx.Err(); err != nil {
					return err
				}
				if err := flush(); err != nil {
					return err
				}
			}
		}
		if err := it.Err(); err != nil {
			return err
		}
		if err := flush(); err != nil {
			return err
		}
		return enc.Close()
	})
	if err != nil {
		return fmt.Errorf("write n-quads: %w", err)
	}
	return nil
}
