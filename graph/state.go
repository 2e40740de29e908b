package graph

import (
	"encoding/binary"
	"errors"
	"fmt"

	ckv "github.com/cayleygraph/cayley/graph/kv"
	hkv "github.com/hidal-go/hidalgo/kv"
)

// graphState tells one state of the LevelDB graph from another: its number
// of quads, and Cayley's horizon, the last id it gave a quad or a value.
// Cayley gives every quad it adds a new id, so a write that adds a quad
// moves the horizon and one that only removes quads lowers the count. The
// count alone cannot tell a write that replaces quads one for one (a
// document's text and fingerprint, by a program that does not keep the
// fingerprint journal or the snapshot). The journal and the snapshot each
// name the state of the graph they show.
type graphState struct {
	quads, horizon int64
}

// horizonKey is where Cayley's KV backends keep the horizon (bucket "meta",
// little-endian, 8 bytes).
var horizonKey = hkv.Key{[]byte("meta"), []byte("horizon")}

// stateOf returns the state of the graph whose key-value store is kv; a
// graph that was never written holds no quads. Without a store (nil) the
// horizon is 0.
func stateOf(v *view, kv hkv.KV) (graphState, error) {
	quads, err := storedQuads(v)
	if errors.Is(err, ckv.ErrNoBucket) {
		quads, err = 0, nil
	}
	if err != nil {
		return graphState{}, err
	}
	if kv == nil {
		return graphState{quads: quads}, nil
	}
	var horizon int64
	err = hkv.View(kv, func(tx hkv.Tx) error {
		b, err := tx.Get(v.ctx, horizonKey)
		switch {
		case errors.Is(err, hkv.ErrNotFound):
			return nil
		case err != nil:
			return err
		case len(b) != 8:
			return fmt.Errorf("%d bytes", len(b))
		}
		horizon = int64(binary.LittleEndian.Uint64(b))
		return nil
	})
	if err != nil {
		return graphState{}, fmt.Errorf("graph horizon: %w", err)
	}
	return graphState{quads: quads, horizon: horizon}, nil
}
