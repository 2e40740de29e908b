package graph

import (
	"bufio"
	"bytes"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/laendergraph/laendergraph/corpus"
)

// A snapshot of the cache lets a server start answering at once. Loading the
// cache from Cayley reads every quad and every value with a random read
// (about 40 s at 100,000 documents); the snapshot is the decoded records
// written one after another, read back in a few seconds.
//
// It lives beside the LevelDB folder (graph → graph.cache). Warm writes it
// when it had to load the cache from the graph; every Put and Delete removes
// it before it changes the graph, so a snapshot on disk always shows the
// graph as it is (a crash can only leave no snapshot). It names the state
// of the graph it shows (its number of quads and Cayley's horizon, see
// graphState) and the shape of the records it holds; one that does not match
// the graph or this program is ignored and removed. The state guards against
// a program that writes the graph without removing the snapshot: a change
// that keeps the number of quads still moves the horizon.

// snapshotSuffix is appended to the graph's folder to name the snapshot.
const snapshotSuffix = ".cache"

// snapHeader opens a snapshot.
type snapHeader struct {
	Signature string // snapshotSignature of the program that wrote it
	Quads     int64  // the quads of the graph it shows
	// Horizon is Cayley's horizon of the graph it shows (0 in a
	// snapshot written before it was kept: such a snapshot is not read).
	Horizon   int64
	Documents int // the records that follow
	// Parts is the number of parts the records follow in: each a []byte
	// holding a gob stream of its own of up to partRecords records, so
	// that the parts decode side by side. (A snapshot written before the
	// parts, its records one by one, also lacks the horizon: it is not
	// read.)
	Parts int
}

// partRecords is the most records a part of a snapshot holds.
const partRecords = 1024

// snapRecord is one record in a snapshot.
type snapRecord struct {
	Doc corpus.Document
	Ext corpus.Extraction
}

// snapshotSignature describes the shape of snapRecord: the names and types
// of its fields, recursively. A snapshot written by a program whose records
// differ in any field is not read.
var snapshotSignature = typeSignature(reflect.TypeOf(snapRecord{}), map[reflect.Type]bool{})

func typeSignature(t reflect.Type, seen map[reflect.Type]bool) string {
	switch t.Kind() {
	case reflect.Struct:
		if seen[t] {
			return t.String()
		}
		seen[t] = true
		var b strings.Builder
		b.WriteString(t.String() + "{")
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue // gob leaves them out
			}
			b.WriteString(f.Name + " " + typeSignature(f.Type, seen) + ";")
		}
		b.WriteString("}")
		return b.String()
	case reflect.Slice, reflect.Array, reflect.Pointer:
		return t.Kind().String() + " " + typeSignature(t.Elem(), seen)
	case reflect.Map:
		return "map[" + typeSignature(t.Key(), seen) + "]" + typeSignature(t.Elem(), seen)
	}
	return t.String()
}

// dropSnapshot removes the snapshot before a write changes the graph. The
// caller holds the store's write lock.
func (s *Store) dropSnapshot() error {
	if s.cache.snapshot == "" {
		return nil
	}
	if err := os.Remove(s.cache.snapshot); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("remove graph snapshot: %w", err)
	}
	return nil
}

// readSnapshot reads the records of the snapshot at path, if there is one
// that holds the graph's documents (docs of them). It returns nil when there
// is none or it cannot be used; such a file is removed.
func (c *cache) readSnapshot(v *view, path string) (map[corpus.DocID]*record, error) {
	recs, usable, err := c.decodeSnapshotFile(v, path)
	if !usable {
		os.Remove(path)
	}
	return recs, err
}

// decodeSnapshotFile reads the records of the snapshot at path. It returns
// nil records when there is none (or it is unreadable), and usable false
// when the file does not decode or does not show the graph as it is.
func (c *cache) decodeSnapshotFile(v *view, path string) (recs map[corpus.DocID]*record, usable bool, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, true, nil // none (or unreadable: load from the graph)
	}
	defer f.Close()
	recs, err = c.decodeSnapshot(v, bufio.NewReaderSize(f, 1<<20))
	if err != nil {
		if cerr := v.ctx.Err(); cerr != nil {
			return nil, true, cerr
		}
		return nil, false, nil
	}
	return recs, true, nil
}

func (c *cache) decodeSnapshot(v *view, r io.Reader) (map[corpus.DocID]*record, error) {
	dec := gob.NewDecoder(r)
	var h snapHeader
	if err := dec.Decode(&h); err != nil {
		return nil, err
	}
	if h.Signature != snapshotSignature {
		return nil, errors.New("written by another version")
	}
	now, err := stateOf(v, c.kv)
	if err != nil {
		return nil, err
	}
	if shows := h.state(); shows != now {
		return nil, fmt.Errorf("shows the graph at %+v, it is at %+v", shows, now)
	}
	out := make(map[corpus.DocID]*record, h.Documents)
	add := func(sr *snapRecord) {
		out[sr.Doc.ID] = &record{doc: sr.Doc, ext: factSetOf(sr.Ext)}
	}
	if err := decodeParts(v, dec, h, add); err != nil {
		return nil, err
	}
	if len(out) != h.Documents {
		return nil, errors.New("repeats a document")
	}
	return out, nil
}

// decodeParts decodes the parts of a snapshot whose header h dec has read,
// one worker a processor, and calls add with every record, one call at a
// time.
func decodeParts(v *view, dec *gob.Decoder, h snapHeader, add func(*snapRecord)) error {
	feed := func(send func([]byte) bool) error {
		for range h.Parts {
			p, err := readPart(v, dec)
			if err != nil {
				return err
			}
			if !send(p) {
				return nil
			}
		}
		return nil
	}
	worker := func() func([]byte) ([]snapRecord, error) { return decodePart }
	n := 0
	err := inParallel(feed, worker, func(recs []snapRecord) {
		for i := range recs {
			add(&recs[i])
		}
		n += len(recs)
	})
	if err != nil {
		return err
	}
	return checkCount(n, h)
}

// readPart reads the next part of a snapshot, after a check of the context.
func readPart(v *view, dec *gob.Decoder) ([]byte, error) {
	if err := v.ctx.Err(); err != nil {
		return nil, err
	}
	var p []byte
	if err := dec.Decode(&p); err != nil {
		return nil, err
	}
	return p, nil
}

// checkCount reports a snapshot whose parts held n records where its header
// h says otherwise.
func checkCount(n int, h snapHeader) error {
	if n != h.Documents {
		return fmt.Errorf("holds %d records, the header says %d", n, h.Documents)
	}
	return nil
}

// decodePart decodes the records of one part.
func decodePart(p []byte) ([]snapRecord, error) {
	dec := gob.NewDecoder(bytes.NewReader(p))
	var recs []snapRecord
	for {
		var sr snapRecord
		if err := dec.Decode(&sr); errors.Is(err, io.EOF) {
			return recs, nil
		} else if err != nil {
			return nil, err
		}
		recs = append(recs, sr)
	}
}

// eachRecord calls fn with every record of a snapshot whose header h dec
// has read, in order.
func eachRecord(v *view, dec *gob.Decoder, h snapHeader, fn func(snapRecord) error) error {
	n := 0
	for range h.Parts {
		p, err := readPart(v, dec)
		if err != nil {
			return err
		}
		recs, err := decodePart(p)
		if err != nil {
			return err
		}
		for _, sr := range recs {
			if err := fn(sr); err != nil {
				return err
			}
		}
		n += len(recs)
	}
	return checkCount(n, h)
}

// state returns the state of the graph that the snapshot shows.
func (h snapHeader) state() graphState {
	return graphState{quads: h.Quads, horizon: h.Horizon}
}

// storedQuads returns the number of quads in the graph, which Cayley keeps
// (no scan).
func storedQuads(v *view) (int64, error) {
	st, err := v.qs.Stats(v.ctx, false)
	if err != nil {
		return 0, fmt.Errorf("graph stats: %w", err)
	}
	return st.Quads.Size, nil
}

// saveSnapshot writes the loaded cache to the snapshot, unless there is no
// place for one or it exists. The caller holds the store's read lock, so no
// write changes the graph meanwhile.
func (c *cache) saveSnapshot(v *view) error {
	if c.snapshot == "" {
		return nil
	}
	if _, err := os.Stat(c.snapshot); err == nil {
		return nil
	}
	recs, _, err := c.get(v)
	if err != nil {
		return err
	}
	now, err := stateOf(v, c.kv)
	if err != nil || now.quads == 0 {
		return nil // an empty graph has no statistics yet: no snapshot
	}
	err = writeSnapshotFile(c.snapshot, c.header(now, len(recs)), func(put func(snapRecord) error) error {
		for i, r := range recs {
			if i%loadBatch == 0 {
				if err := v.ctx.Err(); err != nil {
					return err
				}
			}
			if err := put(snapRecord{Doc: r.doc, Ext: r.ext.extraction()}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("write graph snapshot: %w", err)
	}
	return nil
}

// header returns the header of a snapshot of docs records that shows the
// graph at state now.
func (c *cache) header(now graphState, docs int) snapHeader {
	return snapHeader{Signature: snapshotSignature, Quads: now.quads, Horizon: now.horizon, Documents: docs}
}

// writeSnapshotFile writes a snapshot to path: its header h and the
// h.Documents records that write puts, in parts (see snapHeader). It writes
// into a temporary file beside path that replaces path only when every byte
// is written and synced: a crash leaves the old snapshot or none, never
// half of one.
func writeSnapshotFile(path string, h snapHeader, write func(put func(snapRecord) error) error) error {
	return replaceFile(path, func(f io.Writer) error {
		w := bufio.NewWriterSize(f, 1<<20)
		enc := gob.NewEncoder(w)
		h.Parts = (h.Documents + partRecords - 1) / partRecords
		if err := enc.Encode(h); err != nil {
			return err
		}
		var part bytes.Buffer
		var penc *gob.Encoder
		inPart, written := 0, 0
		flush := func() error {
			if inPart == 0 {
				return nil
			}
			err := enc.Encode(part.Bytes())
			part.Reset()
			penc, inPart = nil, 0
			return err
		}
		err := write(func(r snapRecord) error {
			if penc == nil {
				penc = gob.NewEncoder(&part) // each part a stream of its own
			}
			if err := penc.Encode(r); err != nil {
				return err
			}
			written++
			if inPart++; inPart == partRecords {
				return flush()
			}
			return nil
		})
		if err == nil {
			err = flush()
		}
		if err == nil && written != h.Documents {
			err = fmt.Errorf("wrote %d records, the header says %d", written, h.Documents)
		}
		if err == nil {
			err = w.Flush()
		}
		return err
	})
}

// replaceFile writes path through write into a temporary file beside it
// that replaces path only when every byte is written and synced: a crash
// leaves the old file or none, never half of one.
func replaceFile(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+"-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after the rename: nothing
	err = write(tmp)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	return err
}
