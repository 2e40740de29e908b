package graph

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"

	"github.com/laendergraph/laendergraph/corpus"
)

// loadBatch is how many documents the cache reads before resolving their
// values in one go.
const loadBatch = 64

// cache holds every document of the graph decoded, so that readers answer
// from memory instead of fetching each quad from the store (Cayley's KV
// backends look up every quad and every value with a random read).
//
// The first read loads it from the graph, one label scan per document. Put
// and Delete keep it current: they hold the store's write lock, decode the
// quads they have just written, and drop what they removed. A failed write
// empties the cache, and the next read loads it again.
type cache struct {
	mu     sync.Mutex
	loaded bool
	recs   map[corpus.DocID]*record
	sorted []*record // recs by file and id; nil when it must be rebuilt
	// meetings holds the meeting mentions and chair terms of every record,
	// with their evidence completed, and the meetings merged from them; nil
	// until the first reader of meetings. citers lists, for a document, the
	// others whose meeting evidence cites it (and takes metadata from it).
	meetings *corpus.MeetingIndex
	citers   map[corpus.DocID]map[corpus.DocID]bool
	// index indexes the facts of sorted; nil when it must be rebuilt. gen
	// counts the changes: every write and reset moves it on.
	index *factIndex
	gen   uint64
	// genNow is gen, read without c.mu, which a load holds for seconds.
	genNow atomic.Uint64
	// changed is closed when gen next moves on (nil until asked for).
	changed chan struct{}
	// snapshot is the file of the cache's snapshot ("": none); see
	// snapshot.go. fromSnapshot counts the loads from it (for tests).
	snapshot     string
	fromSnapshot int
	// kv is the graph's key-value store (nil: PostgreSQL), for the
	// graph's state that a snapshot names.
	kv hkv.KV
	// log, while set, records every write for the next snapshot (see
	// snapshotlog.go). It is guarded by the store's write lock.
	log *snapLog
}

// get returns the records sorted by file and id, and by id, loading them on
// first use. The caller holds the store's read lock; the records and the map
// stay unchanged until it releases it.
func (c *cache) get(v *view) ([]*record, map[corpus.DocID]*record, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.getLocked(v)
}

// getLocked is get for a caller that holds c.mu.
func (c *cache) getLocked(v *view) ([]*record, map[corpus.DocID]*record, error) {
	if !c.loaded {
		recs, err := c.loadAll(v)
		if err != nil {
			return nil, nil, err
		}
		c.recs, c.sorted, c.index, c.loaded = recs, nil, nil, true
	}
	if c.sorted == nil {
		c.sorted = make([]*record, 0, len(c.recs))
		for _, r := range c.recs {
			c.sorted = append(c.sorted, r)
		}
		slices.SortFunc(c.sorted, func(a, b *record) int {
			return cmp.Or(cmp.Compare(a.doc.File, b.doc.File), cmp.Compare(a.doc.ID, b.doc.ID))
		})
	}
	return c.sorted, c.recs, nil
}

// facts returns the fact index and the records by id, loading the cache and
// building the index on first use after a change. The caller holds the
// store's read lock; both stay unchanged until it releases it.
func (c *cache) facts(v *view) (*factIndex, map[corpus.DocID]*record, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	recs, byID, err := c.getLocked(v)
	if err != nil {
		return nil, nil, err
	}
	if c.index == nil {
		c.index = newFactIndex(recs, byID)
	}
	return c.index, byID, nil
}

// generation returns a number that changes with every write. It does not
// wait for a load of the cache in progress (/healthz asks for it).
func (c *cache) generation() uint64 {
	return c.genNow.Load()
}

// changes returns a channel that is closed when the generation next
// changes.
func (c *cache) changes() <-chan struct{} {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.changed == nil {
		c.changed = make(chan struct{})
	}
	return c.changed
}

// bump moves the generation on and tells those waiting for a change. The
// caller holds c.mu.
func (c *cache) bump() {
	c.gen++
	c.genNow.Store(c.gen)
	if c.changed != nil {
		close(c.changed)
		c.changed = nil
	}
}

// lookup returns the record of one document, or nil. Before the cache is
// loaded it reads just that document from the graph.
func (c *cache) lookup(v *view, id corpus.DocID) (*record, error) {
	c.mu.Lock()
	loaded, r := c.loaded, c.recs[id]
	c.mu.Unlock()
	if loaded {
		return r, nil
	}
	ref := v.ref(docIRI(id))
	if ref == nil {
		return nil, nil
	}
	recs, err := loadBatchOf(v, []cgraph.Ref{ref})
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	return recs[0], nil
}

// set records what a write left for one document: its decoded quads, or
// nothing. The caller holds the store's write lock.
func (c *cache) set(id corpus.DocID, quads []quad.Quad) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.bump()
	if !c.loaded {
		return nil
	}
	c.sorted, c.index = nil, nil
	r, err := decodeRecord(docIRI(id), quads)
	if r != nil {
		r.doc.Fingerprint = corpus.Fingerprint{} // see load
	}
	if err != nil || r == nil {
		delete(c.recs, id)
		if c.meetings != nil {
			c.meetings.Remove(id)
			c.refeedCiters(id)
		}
		return err
	}
	c.recs[id] = r
	if c.meetings != nil {
		c.feed(r)
		c.refeedCiters(id)
	}
	return nil
}

// mergedMeetings returns the merged meetings, loading the cache and indexing
// meetings on first use, and merging again what writes have changed since
// the last call. The caller holds the store's read lock.
func (c *cache) mergedMeetings(v *view) ([]corpus.Meeting, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.loaded {
		recs, err := c.loadAll(v)
		if err != nil {
			return nil, err
		}
		c.recs, c.sorted, c.index, c.loaded = recs, nil, nil, true
	}
	if c.meetings == nil {
		c.meetings, c.citers = corpus.NewMeetingIndex(), map[corpus.DocID]map[corpus.DocID]bool{}
		for _, r := range c.recs {
			c.feed(r)
		}
	}
	return c.meetings.Meetings(), nil
}

// citedAgenda returns a copy of items, each item's evidence completed by
// cite (items itself, when empty).
func citedAgenda(items []corpus.AgendaItem, cite func(corpus.Evidence) corpus.Evidence) []corpus.AgendaItem {
	if len(items) == 0 {
		return items
	}
	out := slices.Clone(items)
	for k := range out {
		out[k].Evidence = cite(out[k].Evidence)
	}
	return out
}

// feed puts the meeting mentions and chair terms of r into the meeting
// index, their evidence completed from the documents it cites. The caller
// holds c.mu.
func (c *cache) feed(r *record) {
	cite := func(ev corpus.Evidence) corpus.Evidence {
		if ev.Doc != r.doc.ID && ev.Doc != "" {
			if c.citers[ev.Doc] == nil {
				c.citers[ev.Doc] = map[corpus.DocID]bool{}
			}
			c.citers[ev.Doc][r.doc.ID] = true
		}
		if d := c.recs[ev.Doc]; d != nil {
			return fill(ev, &d.doc)
		}
		return ev
	}
	var ms []corpus.MeetingMention
	if len(r.ext.Meetings) > 0 {
		ms = make([]corpus.MeetingMention, len(r.ext.Meetings))
		for i, m := range r.ext.Meetings {
			m.Evidence = cite(m.Evidence)
			m.Agenda = citedAgenda(m.Agenda, cite)
			ms[i] = m
		}
	}
	var terms []corpus.ChairTerm
	if len(r.ext.Chairs) > 0 {
		terms = make([]corpus.ChairTerm, len(r.ext.Chairs))
		for i, t := range r.ext.Chairs {
			t.Evidence = cite(t.Evidence)
			terms[i] = t
		}
	}
	c.meetings.Set(r.doc.ID, r.doc.File, ms, terms)
}

// refeedCiters feeds again the documents whose meeting evidence cites id,
// whose metadata may have changed. The caller holds c.mu.
func (c *cache) refeedCiters(id corpus.DocID) {
	for h := range c.citers[id] {
		if r := c.recs[h]; r != nil {
			c.feed(r)
		}
	}
}

// reset empties the cache; the next read loads it from the graph.
func (c *cache) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.loaded, c.recs, c.sorted, c.index = false, nil, nil, nil
	c.meetings, c.citers = nil, nil
	c.bump()
}

// loadAll reads every document: from the snapshot when there is a good one,
// else from the graph.
func (c *cache) loadAll(v *view) (map[corpus.DocID]*record, error) {
	if c.snapshot != "" {
		recs, err := c.readSnapshot(v, c.snapshot)
		if err != nil || recs != nil {
			if recs != nil {
				c.fromSnapshot++
			}
			return recs, err
		}
	}
	return load(v, false)
}

// readSnapshotOnly returns the records of the snapshot when there is one
// that shows the graph as it is, else nil; it never reads the graph's
// documents. While TrackSnapshot's log runs and holds no write yet, that is
// the log's base. The caller holds the store's lock.
func (c *cache) readSnapshotOnly(v *view) (map[corpus.DocID]*record, error) {
	path := c.snapshot
	if l := c.log; l != nil {
		if l.base == "" || l.n > 0 {
			return nil, nil
		}
		path = l.base
	}
	if path == "" {
		return nil, nil
	}
	// not readSnapshot: a snapshot that does not decode is left for the
	// code that owns it (the log needs its base)
	recs, _, err := c.decodeSnapshotFile(v, path)
	if recs != nil {
		c.mu.Lock()
		c.fromSnapshot++
		c.mu.Unlock()
	}
	return recs, err
}

// load reads and decodes every document of the graph. Unless
// withFingerprints is set, it leaves out the documents' fingerprints: only an
// ingest compares them, and they are a third of the cache (2 kB a
// document); Document and Catalogue read them from the graph.
func load(v *view, withFingerprints bool) (map[corpus.DocID]*record, error) {
	docs, err := v.subjects(predKind, kindDocument)
	if err != nil {
		return nil, err
	}
	// Reading is random reads and decoding, bound by the processor: the
	// batches are shared among one worker per core, each with a view of
	// its own.
	out := make(map[corpus.DocID]*record, len(docs))
	feed := func(send func([]cgraph.Ref) bool) error {
		for len(docs) > 0 {
			n := min(loadBatch, len(docs))
			if !send(docs[:n]) {
				return nil
			}
			docs = docs[n:]
		}
		return nil
	}
	worker := func() func([]cgraph.Ref) ([]*record, error) {
		w := newView(v.ctx, v.qs)
		return func(b []cgraph.Ref) ([]*record, error) { return loadBatchOf(w, b) }
	}
	err = inParallel(feed, worker, func(recs []*record) {
		for _, r := range recs {
			if !withFingerprints {
				r.doc.Fingerprint = corpus.Fingerprint{}
			}
			out[r.doc.ID] = r
		}
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// inParallel runs the work of newWorker on every input that feed sends, one
// worker a processor (loadWorkers; newWorker makes each one's state), and
// calls collect with every result, one call at a time. The first error of a
// worker stops the feed (its send returns false) and the other workers
// after their input; inParallel returns feed's error, else that one.
func inParallel[In, Out any](feed func(send func(In) bool) error, newWorker func() func(In) (Out, error), collect func(Out)) error {
	ins := make(chan In)
	outs := make(chan Out)
	errs := make(chan error, loadWorkers)
	stop := make(chan struct{}) // closed when a worker fails
	var once sync.Once
	var wg sync.WaitGroup
	for range loadWorkers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work := newWorker()
			for in := range ins {
				out, err := work(in)
				if err != nil {
					errs <- err
					once.Do(func() { close(stop) })
					return
				}
				select {
				case outs <- out:
				case <-stop:
					return
				}
			}
		}()
	}
	feedErr := make(chan error, 1)
	go func() {
		defer close(ins)
		feedErr <- feed(func(in In) bool {
			select {
			case ins <- in:
				return true
			case <-stop:
				return false
			}
		})
	}()
	go func() {
		wg.Wait()
		close(outs)
	}()
	for out := range outs {
		collect(out)
	}
	if err := <-feedErr; err != nil {
		return err
	}
	select {
	case err := <-errs:
		return err
	default:
	}
	return nil
}

// loadWorkers is the number of goroutines that load the cache.
var loadWorkers = max(1, min(runtime.GOMAXPROCS(0), 4))

// loadBatchOf reads and decodes the documents with the given nodes.
func loadBatchOf(v *view, batch []cgraph.Ref) ([]*record, error) {
	links := make([][]link, len(batch))
	refs := make([]cgraph.Ref, 0, len(batch)*128)
	for i, d := range batch {
		refs = append(refs, d)
		// The label of a document's quads is the document node itself.
		err := v.scan(quad.Label, d, func(l link) error {
			links[i] = append(links[i], l)
			refs = append(refs, l.s, l.p, l.o)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	if err := v.resolve(refs...); err != nil {
		return nil, err
	}
	var out []*record
	for i, d := range batch {
		label, ok := v.value(d).(quad.IRI)
		if !ok {
			continue
		}
		quads := make([]quad.Quad, len(links[i]))
		for j, l := range links[i] {
			quads[j] = quad.Quad{Subject: v.value(l.s), Predicate: v.value(l.p), Object: v.value(l.o), Label: label}
		}
		r, err := decodeRecord(label, quads)
		if err != nil {
			return nil, err
		}
		if r != nil {
			out = append(out, r)
		}
	}
	clear(v.vals) // keep memory flat: most values are literals of one document
	clear(v.refs)
	return out, nil
}

// addFingerprints sets the Fingerprint of docs: from the journal when it
// shows the graph as it is, else from the graph, and then writes the
// journal anew (see fpjournal.go). The caller holds the store's read lock.
func (s *Store) addFingerprints(v *view, docs []corpus.Document) error {
	fps, ok, err := s.journal.read(v)
	if err != nil {
		return err
	}
	if !ok {
		at, qerr := s.journal.state(v)
		ids := make([]corpus.DocID, len(docs))
		for i, d := range docs {
			ids[i] = d.ID
		}
		if fps, err = fingerprints(v, ids); err != nil {
			return err
		}
		if qerr == nil {
			s.journal.rebuild(fps, at)
		}
	}
	for i := range docs {
		docs[i].Fingerprint = fps[docs[i].ID]
	}
	return nil
}

// fingerprints reads the fingerprints of the given documents from the graph
// (documents without one are left out).
func fingerprints(v *view, ids []corpus.DocID) (map[corpus.DocID]corpus.Fingerprint, error) {
	out := make(map[corpus.DocID]corpus.Fingerprint, len(ids))
	for len(ids) > 0 {
		pr := v.ref(predFingerprint)
		if pr == nil {
			return out, nil
		}
		n := min(loadBatch, len(ids))
		objs := make([]cgraph.Ref, n)
		for i, id := range ids[:n] {
			err := v.scanPair(v.ref(docIRI(id)), pr, func(l link) error {
				objs[i] = l.o
				return nil
			})
			if err != nil {
				return nil, err
			}
		}
		if err := v.resolve(objs...); err != nil {
			return nil, err
		}
		for i, id := range ids[:n] {
			if s, ok := v.value(objs[i]).(quad.String); ok {
				f, err := corpus.ParseFingerprint(string(s))
				if err != nil {
					return nil, fmt.Errorf("document %s: %w", id, err)
				}
				out[id] = f
			}
		}
		clear(v.vals) // fingerprints are 2.7 kB each; keep memory flat
		clear(v.refs)
		ids = ids[n:]
	}
	return out, nil
}
