package graph

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
)

// ctxEvery is how many items a loop handles between checks of its context.
const ctxEvery = 512

// view reads the quad store for one call. It resolves node references to
// values in batches and remembers them, so that a value shared by many quads
// (a predicate, a Land) is looked up once.
type view struct {
	ctx  context.Context
	qs   cgraph.QuadStore
	vals map[any]quad.Value
	refs map[quad.Value]cgraph.Ref
	tick int
}

func newView(ctx context.Context, qs cgraph.QuadStore) *view {
	return &view{ctx: ctx, qs: qs, vals: map[any]quad.Value{}, refs: map[quad.Value]cgraph.Ref{}}
}

// check returns the context's error every ctxEvery calls.
func (v *view) check() error {
	v.tick++
	if v.tick%ctxEvery == 0 {
		return v.ctx.Err()
	}
	return nil
}

// ref returns the store's reference of val, or nil when the store does not
// hold it.
func (v *view) ref(val quad.Value) cgraph.Ref {
	if r, ok := v.refs[val]; ok {
		return r
	}
	r := v.qs.ValueOf(val)
	v.refs[val] = r
	if r != nil {
		v.vals[r.Key()] = val
	}
	return r
}

// link is one quad as references.
type link struct{ s, p, o, l cgraph.Ref }

// scan calls fn for every quad whose direction d is the node r.
func (v *view) scan(d quad.Direction, r cgraph.Ref, fn func(link) error) error {
	if r == nil {
		return nil
	}
	return v.each(v.qs.QuadIterator(d, r), fn)
}

// subjectIndex is the subject–predicate index that every LevelDB graph has
// (Cayley's first default index, see labelIndexed).
var subjectIndex = ckv.QuadIndex{Dirs: []quad.Direction{quad.Subject, quad.Predicate}}

// scanPair calls fn for each quad of subject s and predicate p. On a LevelDB
// graph it reads them from the subject–predicate index: one entry and their
// quads, where scan reads every quad of s (a document has a dozen, and the
// fingerprints of 100,000 documents took 16 s to find that way). Other
// backends scan s and keep the quads of p.
func (v *view) scanPair(s, p cgraph.Ref, fn func(link) error) error {
	if s == nil || p == nil {
		return nil
	}
	kqs, ok := v.qs.(*ckv.QuadStore)
	sv, sok := s.(ckv.Int64Value)
	pv, pok := p.(ckv.Int64Value)
	if !ok || !sok || !pok {
		pk := p.Key()
		return v.scan(quad.Subject, s, func(l link) error {
			if l.p != nil && l.p.Key() == pk {
				return fn(l)
			}
			return nil
		})
	}
	return v.each(ckv.NewQuadIterator(kqs, subjectIndex, []uint64{uint64(sv), uint64(pv)}), fn)
}

// each calls fn for each quad of it and closes it.
func (v *view) each(it cgraph.Iterator, fn func(link) error) error {
	defer it.Close()
	for it.Next(v.ctx) {
		if err := v.check(); err != nil {
			return err
		}
		q := it.Result()
		l := link{
			s: v.qs.QuadDirection(q, quad.Subject),
			p: v.qs.QuadDirection(q, quad.Predicate),
			o: v.qs.QuadDirection(q, quad.Object),
			l: v.qs.QuadDirection(q, quad.Label),
		}
		if err := fn(l); err != nil {
			return err
		}
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("scan quads: %w", err)
	}
	return v.ctx.Err()
}

// resolve looks up the values of refs not yet known, in one batch.
func (v *view) resolve(refs ...cgraph.Ref) error {
	var todo []cgraph.Ref
	queued := map[any]bool{}
	for _, r := range refs {
		if r == nil {
			continue
		}
		k := r.Key()
		if _, ok := v.vals[k]; ok || queued[k] {
			continue
		}
		queued[k] = true
		todo = append(todo, r)
	}
	for len(todo) > 0 {
		if err := v.ctx.Err(); err != nil {
			return err
		}
		n := min(len(todo), 4096)
		vals, err := cgraph.ValuesOf(v.ctx, v.qs, todo[:n])
		if err != nil {
			return fmt.Errorf("resolve values: %w", err)
		}
		for i, r := range todo[:n] {
			v.vals[r.Key()] = vals[i]
		}
		todo = todo[n:]
	}
	return nil
}

// value returns the resolved value of r (nil if r is nil or unresolved).
func (v *view) value(r cgraph.Ref) quad.Value {
	if r == nil {
		return nil
	}
	return v.vals[r.Key()]
}

// subjects returns the distinct subjects of the quads "? p o", in index order.
func (v *view) subjects(p quad.IRI, o quad.Value) ([]cgraph.Ref, error) {
	or, pr := v.ref(o), v.ref(p)
	if or == nil || pr == nil {
		return nil, nil
	}
	pk := pr.Key()
	seen := map[any]bool{}
	var out []cgraph.Ref
	err := v.scan(quad.Object, or, func(l link) error {
		if l.p == nil || l.p.Key() != pk || l.s == nil {
			return nil
		}
		if k := l.s.Key(); !seen[k] {
			seen[k] = true
			out = append(out, l.s)
		}
		return nil
	})
	return out, err
}
