package graph

import (
	"bufio"
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/cayleygraph/quad"

	"github.com/laendergraph/laendergraph/corpus"
)

// A bulk ingest does not load the cache (its memory is bounded by its
// batches), so it cannot write the snapshot the way Warm does, and without
// one the first serve after it loads every document from the graph (a
// minute at 100,000 documents). Instead the store keeps a log while it
// writes: TrackSnapshot moves the snapshot that shows the graph as it is
// aside as the base (an empty graph needs none), every Put and Delete then
// appends what it left of each document (its record, or that it is gone) to
// a spool file, and SaveSnapshot writes the base's untouched records and the
// last entry of each touched document as the new snapshot. A process that
// stops before SaveSnapshot leaves no snapshot, as any write does, and the
// next TrackSnapshot removes its leftovers.

// Suffixes of the base and the spool, appended to the snapshot's name.
const (
	baseSuffix  = ".base"
	spoolSuffix = ".spool"
)

// spoolEntry is one entry of the spool: a document's record, or Gone.
type spoolEntry struct {
	ID   corpus.DocID
	Gone bool
	Rec  snapRecord
}

// snapLog is the log of the writes since TrackSnapshot.
type snapLog struct {
	base     string // the base snapshot ("": the graph was empty)
	baseDocs int    // the records it holds
	// removed counts the base's records that writes replaced or removed:
	// the documents first touched while they were stored.
	removed int
	spool   *os.File
	w       *bufio.Writer
	enc     *gob.Encoder
	n       int                  // entries written
	last    map[corpus.DocID]int // the number of the last entry of each document
	err     error                // the first failure; the log is then abandoned
}

// TrackSnapshot starts keeping the snapshot current through the writes that
// follow without loading the cache (see above); SaveSnapshot ends it. It does
// nothing when the cache is loaded (Warm and SaveSnapshot write the
// snapshot from it), when the graph has no place for a snapshot (PostgreSQL),
// or when the graph holds documents and no snapshot shows them.
func (s *Store) TrackSnapshot() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return errClosed
	}
	c := &s.cache
	if c.snapshot == "" || c.log != nil {
		return nil
	}
	os.Remove(c.snapshot + baseSuffix) // leftovers of a run that stopped
	os.Remove(c.snapshot + spoolSuffix)
	c.mu.Lock()
	loaded := c.loaded
	c.mu.Unlock()
	if loaded {
		return nil
	}
	v := newView(context.Background(), s.qs)
	l := &snapLog{last: map[corpus.DocID]int{}}
	now, err := stateOf(v, c.kv)
	if err != nil || now.quads == 0 {
		if n, err := countDocuments(v); err != nil || n > 0 {
			return err
		}
	} else {
		docs, ok := snapshotShows(c.snapshot, now)
		if !ok {
			return nil
		}
		l.base, l.baseDocs = c.snapshot+baseSuffix, docs
		if err := os.Rename(c.snapshot, l.base); err != nil {
			return fmt.Errorf("track graph snapshot: %w", err)
		}
	}
	f, err := os.Create(c.snapshot + spoolSuffix)
	if err != nil {
		if l.base != "" {
			os.Remove(l.base)
		}
		return fmt.Errorf("track graph snapshot: %w", err)
	}
	l.spool, l.w = f, bufio.NewWriterSize(f, 1<<20)
	l.enc = gob.NewEncoder(l.w)
	c.log = l
	return nil
}

// snapshotShows reads the header of the snapshot at path and returns the
// number of its records when it is one this program reads and shows the
// graph at state now.
func snapshotShows(path string, now graphState) (int, bool) {
	f, err := os.Open(path)
	if err != nil {
		return 0, false
	}
	defer f.Close()
	var h snapHeader
	if err := gob.NewDecoder(bufio.NewReader(f)).Decode(&h); err != nil {
		return 0, false
	}
	return h.Documents, h.Signature == snapshotSignature && h.state() == now
}

// logged appends what a write left of document id to the log: its quads
// (none: it is gone). existed says whether the document was stored before
// the write. The caller holds the store's write lock.
func (l *snapLog) logged(id corpus.DocID, existed bool, quads []quad.Quad) {
	if l.err != nil {
		return
	}
	if _, seen := l.last[id]; !seen && existed && l.base != "" {
		l.removed++
	}
	e := spoolEntry{ID: id, Gone: true}
	if len(quads) > 0 {
		r, err := decodeRecord(docIRI(id), quads)
		if err != nil {
			l.err = err
			return
		}
		if r != nil {
			r.doc.Fingerprint = corpus.Fingerprint{} // as in the cache (see load)
			e = spoolEntry{ID: id, Rec: snapRecord{Doc: r.doc, Ext: r.ext.extraction()}}
		}
	}
	if err := l.enc.Encode(e); err != nil {
		l.err = err
		return
	}
	l.last[id] = l.n
	l.n++
}

// close removes the log's files.
func (l *snapLog) close() {
	l.spool.Close()
	os.Remove(l.spool.Name())
	if l.base != "" {
		os.Remove(l.base)
	}
}

// SaveSnapshot writes the snapshot of the graph as it is: from the log that
// TrackSnapshot started, or from the cache when it is loaded; otherwise it
// does nothing. The next start of a server loads the cache from it.
func (s *Store) SaveSnapshot(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return errClosed
	}
	c := &s.cache
	v := newView(ctx, s.qs)
	if l := c.log; l != nil {
		c.log = nil
		defer l.close()
		if l.err != nil {
			return fmt.Errorf("write graph snapshot: %w", l.err)
		}
		if err := c.saveFromLog(v, l); err != nil {
			os.Remove(c.snapshot)
			return fmt.Errorf("write graph snapshot: %w", err)
		}
		return nil
	}
	c.mu.Lock()
	loaded := c.loaded
	c.mu.Unlock()
	if !loaded {
		return nil
	}
	return c.saveSnapshot(v)
}

// saveFromLog writes the snapshot from the base and the log. The caller
// holds the store's write lock.
func (c *cache) saveFromLog(v *view, l *snapLog) error {
	if err := l.w.Flush(); err != nil {
		return err
	}
	now, err := stateOf(v, c.kv)
	if err != nil || now.quads == 0 {
		return nil // an empty graph has no statistics yet: no snapshot
	}
	docs := l.baseDocs - l.removed
	var spool []int // the entries to keep, by number
	err = eachEntry(l.spool.Name(), func(i int, e spoolEntry) error {
		if l.last[e.ID] == i && !e.Gone {
			docs++
			spool = append(spool, i)
		}
		return nil
	})
	if err != nil {
		return err
	}
	h := c.header(now, docs)
	return writeSnapshotFile(c.snapshot, h, func(put func(snapRecord) error) error {
		var err error
		if l.base != "" {
			err = eachBaseRecord(v, l.base, func(r snapRecord) error {
				if _, touched := l.last[r.Doc.ID]; touched {
					return nil
				}
				return put(r)
			})
		}
		if err == nil {
			err = eachEntry(l.spool.Name(), func(i int, e spoolEntry) error {
				if len(spool) == 0 || spool[0] != i {
					return nil
				}
				spool = spool[1:]
				return put(e.Rec)
			})
		}
		return err
	})
}

// eachEntry calls fn with every entry of the spool at path and its number.
func eachEntry(path string, fn func(int, spoolEntry) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	dec := gob.NewDecoder(bufio.NewReaderSize(f, 1<<20))
	for i := 0; ; i++ {
		var e spoolEntry
		if err := dec.Decode(&e); errors.Is(err, io.EOF) {
			return nil
		} else if err != nil {
			return err
		}
		if err := fn(i, e); err != nil {
			return err
		}
	}
}

// eachBaseRecord calls fn with every record of the snapshot at path.
func eachBaseRecord(v *view, path string, fn func(snapRecord) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	dec := gob.NewDecoder(bufio.NewReaderSize(f, 1<<20))
	var h snapHeader
	if err := dec.Decode(&h); err != nil {
		return err
	}
	return eachRecord(v, dec, h, fn)
}
