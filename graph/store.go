package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	hflat "github.com/hidal-go/hidalgo/kv/flat"
	hleveldb "github.com/hidal-go/hidalgo/kv/flat/leveldb"
	"github.com/syndtr/goleveldb/leveldb"
	"github.com/syndtr/goleveldb/leveldb/filter"
	"github.com/syndtr/goleveldb/leveldb/opt"

	"github.com/laendergraph/laendergraph/corpus"
)

// txQuads is the number of quad changes from which Put splits its work into
// several transactions (at document boundaries).
const txQuads = 20000

// errClosed reports use of a closed Store.
var errClosed = errors.New("graph store is closed")

// Store is the knowledge graph. It is safe for concurrent use: reads run in
// parallel, writes one at a time. Readers return facts ordered by the file of
// their document (then its id), and within a document in the order they were
// put.
type Store struct {
	mu    sync.RWMutex
	qs    cgraph.QuadStore
	level *leveldb.DB // the LevelDB under qs (nil: another backend)
	// levelDir is level's folder.
	levelDir string
	cache    cache
	// journal keeps the documents' fingerprints beside the graph (see
	// fpjournal.go); its path is "" for other backends.
	journal journal
	closed  bool
	// counted is the number of documents of generation gen, counted while
	// the cache was not loaded (see countDocuments); mu lets one reader
	// count while the others wait for its figure.
	counted struct {
		mu  sync.Mutex
		gen uint64
		n   int
		ok  bool
	}
	// batch is the number of quad changes from which writes are split;
	// applied counts the calls of ApplyDeltas (both for tests).
	batch   int
	applied int
}

// Open opens the LevelDB-backed graph in dir, creating it when dir holds no
// database yet. Every write is synced to disk before Put or Delete returns.
//
// The graph is opened without Cayley's in-memory existence filters (Bloom
// filters of 78 MB each, one per index and one for quads). Cayley fills them
// by reading every quad when it opens an existing graph (four seconds at
// 10,000 documents, forty at 100,000), and allocating and updating them cost
// more than they save: ingesting 1,000 documents into a new graph took 770 MB
// and 25 s with them, 155 MB and 17 s without.
func Open(ctx context.Context, dir string) (*Store, error) {
	return open(ctx, dir, cgraph.Options{ckv.OptNoBloom: true})
}

// OpenCache is Open with a LevelDB block cache of cacheBytes instead of
// DefaultCache (0: the default). A bulk ingest into a large graph wants a
// large one: Cayley looks up every value of a new quad, and each lookup
// reads the Bloom filter and the index block of a table of every level;
// when they do not stay in the cache, the lookups read them again and
// again. Adding 5,000 documents to a graph of 100,000 spent 21.9 s of CPU
// in Cayley's writes with 32 MB and 6.7 s with 256 MB.
func OpenCache(ctx context.Context, dir string, cacheBytes int) (*Store, error) {
	return open(ctx, dir, cgraph.Options{ckv.OptNoBloom: true, optCache: cacheBytes})
}

// optCache is the Cayley option that carries OpenCache's cache size to
// openKV.
const optCache = "laendergraph_block_cache"

// open opens the graph in dir with Cayley's KV options: tests set "nosync"
// (do not wait for the disk) and "no_bloom" (skip the two 78 MB Bloom filters
// that speed up adding quads).
func open(ctx context.Context, dir string, opts cgraph.Options) (*Store, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var db hkv.KV
	var ldb *leveldb.DB
	_, err := os.Stat(filepath.Join(dir, "CURRENT"))
	switch {
	case err == nil:
		db, ldb, err = openKV(dir, opts, false)
	case errors.Is(err, os.ErrNotExist):
		db, ldb, err = openKV(dir, opts, true)
	}
	if err != nil {
		return nil, fmt.Errorf("open graph %s: %w", dir, err)
	}
	qs, err := ckv.New(db, opts)
	if errors.Is(err, cgraph.ErrNotInitialized) {
		// A new database, or one whose creation stopped half-way.
		if err = initialize(ctx, db, opts); err == nil {
			qs, err = ckv.New(db, opts)
		}
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open graph %s: %w", dir, err)
	}
	st := &Store{qs: qs, batch: txQuads, level: ldb, levelDir: dir}
	st.cache.snapshot = filepath.Clean(dir) + snapshotSuffix
	st.journal.path = filepath.Clean(dir) + journalSuffix
	st.journal.kv = db
	st.cache.kv = db
	nosync, _ := opts.BoolKey("nosync", false)
	st.journal.sync = !nosync
	removeLeftovers(st.cache.snapshot, st.journal.path)
	return st, nil
}

// removeLeftovers removes the temporary files beside each of paths
// ("<path>-*.tmp") that a process stopped while it wrote the snapshot or the
// journal left behind (at 100,000 documents 145 MB for the journal). The
// caller holds the graph's LevelDB lock, so no other process is writing
// them. A file that cannot be removed stays: it only takes space.
func removeLeftovers(paths ...string) {
	for _, p := range paths {
		dir, prefix := filepath.Dir(p), filepath.Base(p)+"-"
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			name := e.Name()
			if e.Type().IsRegular() && strings.HasPrefix(name, prefix) && strings.HasSuffix(name, ".tmp") {
				os.Remove(filepath.Join(dir, name))
			}
		}
	}
}

// LevelDB settings of the graph. goleveldb's defaults (a 4 MB memtable,
// 2 MB tables, 10 MB in level 1) suit small values written now and then; a
// graph takes about 110 quads of five keys each per document, and with the
// defaults LevelDB spent as much time compacting as Cayley spent writing.
// Larger memtables and tables mean fewer, bigger compactions.
//
// LevelDB also compacts a table that lookups pass through without finding
// their key ("seek compaction", after one lookup per 16 kB of the table).
// Cayley looks up every node and index key of a new quad, and most are new,
// so every table flushed to level 0 was compacted into level 1 at once, on
// its own: level 1 was written again in full after every flush (10,000
// generated documents: 20 compactions, 500 MB written for a 52 MB graph, as
// much CPU as Cayley's writes). Without it, level 0 collects four tables
// before one compaction (6 compactions); the lookups then read more tables,
// whose Bloom filters and index blocks stay in a block cache of levelCache.
const (
	levelWriteBuffer = 16 << 20
	levelTableSize   = 8 << 20
	levelL1Size      = 64 << 20
	levelCache       = 32 << 20
	// levelL0Trigger is goleveldb's default: a compaction starts when level
	// 0 holds this many tables.
	levelL0Trigger = 4
)

// DefaultCache is the LevelDB block cache of Open (see OpenCache).
const DefaultCache = levelCache

// openKV opens (or, with create, creates) the LevelDB database in dir
// with the settings above, as Cayley's own leveldb backend does otherwise:
// writes are synced unless opts sets "nosync". Each table carries a Bloom
// filter of its keys (10 bits a key): Cayley looks up every value of a new
// quad before it writes it, and most of a document's values (its quotes,
// titles, fact IRIs) are new, so most lookups miss; the filter answers a miss
// without reading a block of every level.
func openKV(dir string, opts cgraph.Options, create bool) (hkv.KV, *leveldb.DB, error) {
	cache, _ := opts.IntKey(optCache, 0)
	if cache <= 0 {
		cache = levelCache
	}
	o := &opt.Options{
		WriteBuffer:            levelWriteBuffer,
		CompactionTableSize:    levelTableSize,
		CompactionTotalSize:    levelL1Size,
		DisableSeeksCompaction: true,
		CompactionL0Trigger:    levelL0Trigger,
		BlockCacheCapacity:     cache,
		Filter:                 filter.NewBloomFilter(10),
		ErrorIfExist:           create,
		ErrorIfMissing:         !create,
	}
	if create {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, nil, err
		}
	}
	ldb, err := leveldb.OpenFile(dir, o)
	if err != nil {
		return nil, nil, err
	}
	db := hleveldb.New(ldb)
	nosync, _ := opts.BoolKey("nosync", false)
	db.SetWriteOptions(&opt.WriteOptions{Sync: !nosync})
	return hflat.Upgrade(db), ldb, nil
}

// settleEvery is how often Settle looks at LevelDB's level 0.
const settleEvery = 50 * time.Millisecond

// Settle waits until LevelDB has merged the tables that the writes left in
// its level 0 into level 1 (it has fewer than levelL0Trigger), or ctx ends.
// A bulk ingest calls it before it closes the graph: closing stops the
// compaction under way, and the next process to open the graph (a serve,
// while it warms its cache) starts it again from the beginning — at 100,000
// documents one compaction rewrites about 500 MB. It reports how many
// tables were waiting. Other backends return at once.
func (s *Store) Settle(ctx context.Context) (int, error) {
	if s.level == nil {
		return 0, nil
	}
	first, _ := s.levelFiles(0)
	t := time.NewTicker(settleEvery)
	defer t.Stop()
	tick := func() error {
		select {
		case <-ctx.Done():
			return fmt.Errorf("settle graph: %w", ctx.Err())
		case <-t.C:
			return nil
		}
	}
	for n, _ := s.levelFiles(0); n >= levelL0Trigger; n, _ = s.levelFiles(0) {
		if err := tick(); err != nil {
			return first, err
		}
	}
	// A compaction's old tables are deleted one by one after it; closing
	// leaves the rest on disk until the next opening (466 MB at 100,000
	// documents). Wait, a little, until the folder holds only the live
	// tables.
	deadline := time.Now().Add(settleRemoveWait)
	for s.staleTables() > 0 && time.Now().Before(deadline) {
		if err := tick(); err != nil {
			return first, err
		}
	}
	return first, nil
}

// levelFiles returns the number of tables of LevelDB's level n (false: the
// property cannot be read).
func (s *Store) levelFiles(n int) (int, bool) {
	v, err := s.level.GetProperty(fmt.Sprintf("leveldb.num-files-at-level%d", n))
	if err != nil {
		return 0, false
	}
	k, _ := strconv.Atoi(v)
	return k, true
}

// settleRemoveWait bounds how long Settle waits for LevelDB to delete the
// tables a compaction replaced.
const settleRemoveWait = 10 * time.Second

// staleTables returns how many more table files the LevelDB folder holds
// than its levels use (tables a compaction replaced and not yet deleted).
func (s *Store) staleTables() int {
	live := 0
	for n := range 7 { // goleveldb's levels
		k, ok := s.levelFiles(n)
		if !ok {
			break
		}
		live += k
	}
	files, err := filepath.Glob(filepath.Join(s.levelDir, "*.ldb"))
	if err != nil {
		return 0
	}
	return len(files) - live
}

// labelIndexed is the set of quad indexes of a new LevelDB graph: Cayley's
// defaults (subject–predicate, object–predicate–subject) and one on the label,
// which finds every quad of a document for replacing or deleting it.
var labelIndexed = append(append([]ckv.QuadIndex(nil), ckv.DefaultQuadIndexes...),
	ckv.QuadIndex{Dirs: []quad.Direction{quad.Label}})

// initialize sets up Cayley's metadata in a new database. Cayley only takes
// a custom index set from an environment variable; rather than touch the
// process environment, initialize overwrites the index list that Init
// records (the key "meta"/"indexes", JSON in the form Cayley writes) before
// the store is first opened.
func initialize(ctx context.Context, db hkv.KV, opts cgraph.Options) error {
	if err := ckv.Init(db, opts); err != nil {
		return fmt.Errorf("initialize: %w", err)
	}
	meta, err := json.Marshal(labelIndexed)
	if err != nil {
		return fmt.Errorf("initialize: %w", err)
	}
	err = hkv.Update(ctx, db, func(tx hkv.Tx) error {
		if err := hkv.CreateBucket(ctx, tx, hkv.Key{[]byte{quad.Label.Prefix()}}); err != nil {
			return err
		}
		return tx.Put(hkv.Key{[]byte("meta"), []byte("indexes")}, meta)
	})
	if err != nil {
		return fmt.Errorf("initialize: %w", err)
	}
	return nil
}

// NewMemory returns an empty graph held in memory, for tests and one-off
// runs.
func NewMemory() (*Store, error) {
	return &Store{qs: memstore.New(), batch: txQuads}, nil
}

// Close releases the store. Further calls fail.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	s.cache.reset()
	if l := s.cache.log; l != nil {
		s.cache.log = nil
		l.close() // SaveSnapshot was not called: no snapshot
	}
	if err := s.qs.Close(); err != nil {
		return fmt.Errorf("close graph: %w", err)
	}
	return nil
}

// read runs fn with the store locked for reading.
func (s *Store) read(ctx context.Context, fn func(v *view) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return errClosed
	}
	return fn(newView(ctx, s.qs))
}

// Put stores extractions. For each one it replaces every quad labelled with
// its document by the quads of the extraction; quads that stay the same are
// not touched. The changes are applied in batches of about 20,000 quads, split
// at document boundaries; each batch is two transactions, removals and then
// additions (see flush). When several extractions name the same document, the
// last one wins.
func (s *Store) Put(ctx context.Context, exts []corpus.Extraction) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	last := map[corpus.DocID]int{}
	for i := range exts {
		if exts[i].Document.ID == "" {
			return fmt.Errorf("put extraction %d: empty document id: %w", i, corpus.ErrInvalid)
		}
		last[exts[i].Document.ID] = i
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return errClosed
	}
	if err := s.dropSnapshot(); err != nil {
		return fmt.Errorf("put: %w", err)
	}
	w := s.newWriter(ctx)
	for i := range exts {
		if last[exts[i].Document.ID] != i {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := w.replace(exts[i].Document.ID, encode(&exts[i])); err != nil {
			return fmt.Errorf("put %s: %w", exts[i].Document.ID, err)
		}
	}
	if err := w.flush(); err != nil {
		return fmt.Errorf("put: %w", err)
	}
	return nil
}

// Delete removes every quad of the given documents. Unknown ids are ignored.
func (s *Store) Delete(ctx context.Context, ids []corpus.DocID) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return errClosed
	}
	if err := s.dropSnapshot(); err != nil {
		return fmt.Errorf("delete: %w", err)
	}
	w := s.newWriter(ctx)
	for _, id := range ids {
		if err := w.replace(id, nil); err != nil {
			return fmt.Errorf("delete %s: %w", id, err)
		}
	}
	if err := w.flush(); err != nil {
		return fmt.Errorf("delete: %w", err)
	}
	return nil
}

// writer collects the changes of one Put or Delete.
type writer struct {
	ctx      context.Context
	s        *Store
	qs       cgraph.QuadStore
	cache    *cache
	del, add []cgraph.Delta
	docs     []corpus.DocID
	quads    [][]quad.Quad // the new quads of docs
	existed  []bool        // whether each of docs was stored before
}

func (s *Store) newWriter(ctx context.Context) *writer {
	return &writer{ctx: ctx, s: s, qs: s.qs, cache: &s.cache}
}

// replace queues the changes that turn the quads labelled with doc into want.
// Quads in both stay untouched.
func (w *writer) replace(doc corpus.DocID, want []quad.Quad) error {
	have, err := w.labelled(docIRI(doc))
	if err != nil {
		return err
	}
	var del, add []cgraph.Delta
	if len(have) == 0 {
		// A new document, the common case of an ingest: every quad is added.
		add = make([]cgraph.Delta, len(want))
		for i, q := range want {
			add[i] = cgraph.Delta{Quad: q, Action: cgraph.Add}
		}
	} else {
		stored := make(map[quad.Quad]bool, len(have))
		for _, q := range have {
			stored[q] = true
		}
		wanted := make(map[quad.Quad]bool, len(want))
		for _, q := range want {
			wanted[q] = true
		}
		for _, q := range have {
			if !wanted[q] {
				del = append(del, cgraph.Delta{Quad: q, Action: cgraph.Delete})
			}
		}
		for _, q := range want {
			if !stored[q] {
				add = append(add, cgraph.Delta{Quad: q, Action: cgraph.Add})
			}
		}
	}
	if len(del)+len(add) == 0 {
		return nil // unchanged
	}
	queued := len(w.del) + len(w.add)
	if queued > 0 && queued+len(del)+len(add) > w.s.batch {
		if err := w.flush(); err != nil {
			return err
		}
	}
	w.del = append(w.del, del...)
	w.add = append(w.add, add...)
	w.docs = append(w.docs, doc)
	w.quads = append(w.quads, want)
	w.existed = append(w.existed, len(have) > 0)
	return nil
}

// flush applies the queued changes: first the removals, then the additions.
//
// Cayley 0.7.7's KV backends lose a direction of an added quad when the same
// transaction also removes quads and the node of that direction loses more
// references than it gains (ApplyDeltas resolves the new quad's nodes only
// among those whose count grows). Two transactions avoid that. Should the
// process stop between them, the document is missing rather than mixed, and
// the next ingest stores it again.
func (w *writer) flush() error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	// replace never adds a stored quad nor removes a missing one; the options
	// only make a stale read harmless.
	opts := cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}
	// The journal's records of the batch go before the changes, its commit
	// after them; the count of quads is read even when ctx has ended.
	jv := newView(context.WithoutCancel(w.ctx), w.qs)
	jw := w.s.journal.begin(jv, w.docs, w.quads)
	for _, deltas := range [][]cgraph.Delta{w.del, w.add} {
		if len(deltas) == 0 {
			continue
		}
		w.s.applied++
		if err := w.qs.ApplyDeltas(deltas, opts); err != nil {
			jw.abandon()
			w.cache.reset()
			w.abandonLog(err)
			return fmt.Errorf("apply %d changes: %w", len(deltas), err)
		}
	}
	jw.commit(jv)
	for i, id := range w.docs {
		if err := w.cache.set(id, w.quads[i]); err != nil {
			w.cache.reset()
			w.abandonLog(err)
			return err
		}
		if l := w.cache.log; l != nil {
			l.logged(id, w.existed[i], w.quads[i])
		}
	}
	w.del, w.add, w.docs, w.quads, w.existed = nil, nil, nil, nil, nil
	return nil
}

// abandonLog gives up the snapshot log after a failed write, which may
// have changed the graph in part.
func (w *writer) abandonLog(err error) {
	if l := w.cache.log; l != nil && l.err == nil {
		l.err = err
	}
}

// labelled returns every stored quad with the given label.
func (w *writer) labelled(label quad.IRI) ([]quad.Quad, error) {
	v := newView(w.ctx, w.qs)
	var links []link
	err := v.scan(quad.Label, v.ref(label), func(l link) error {
		links = append(links, l)
		return nil
	})
	if err != nil {
		return nil, err
	}
	refs := make([]cgraph.Ref, 0, 3*len(links))
	for _, l := range links {
		refs = append(refs, l.s, l.p, l.o)
	}
	if err := v.resolve(refs...); err != nil {
		return nil, err
	}
	out := make([]quad.Quad, 0, len(links))
	for _, l := range links {
		out = append(out, quad.Quad{Subject: v.value(l.s), Predicate: v.value(l.p), Object: v.value(l.o), Label: label})
	}
	return out, nil
}

// Stats counts what the graph holds.
type Stats struct {
	Quads     int `json:"quads"`
	Documents int `json:"documents"`
}

// Stats returns the number of quads and documents.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	err := s.read(ctx, func(v *view) error {
		// Both backends count quads exactly without the exact flag, which
		// would make the KV backends count every node.
		cs, err := v.qs.Stats(ctx, false)
		if err != nil {
			return fmt.Errorf("graph stats: %w", err)
		}
		docs, err := s.countDocuments(v)
		if err != nil {
			return err
		}
		st = Stats{Quads: int(cs.Quads.Size), Documents: docs}
		return nil
	})
	return st, err
}

// countDocuments counts the documents: from the cache when it is loaded,
// else from the header of the snapshot when it shows the graph, else by
// counting the quads "lg:kind lg:Document" (only a document states its own
// kind, once) without reading each one. A server answers /healthz while its
// cache loads, so this must be quick: the figure is kept for the
// generation, and readers that come while one counts wait for its figure
// instead of scanning the graph too (at 100,000 documents a scan takes
// seconds). The caller holds the store's read lock, so the generation does
// not move meanwhile.
func (s *Store) countDocuments(v *view) (int, error) {
	// TryLock: while the cache loads (holding its lock), count elsewhere.
	if s.cache.mu.TryLock() {
		loaded, n := s.cache.loaded, len(s.cache.recs)
		s.cache.mu.Unlock()
		if loaded {
			return n, nil
		}
	}
	cn := &s.counted
	cn.mu.Lock()
	defer cn.mu.Unlock()
	gen := s.cache.genNow.Load()
	if cn.ok && cn.gen == gen {
		return cn.n, nil
	}
	n, ok := -1, false
	if s.cache.snapshot != "" {
		if now, err := stateOf(v, s.cache.kv); err == nil && now.quads > 0 {
			n, ok = snapshotShows(s.cache.snapshot, now)
		}
	}
	if !ok {
		var err error
		if n, err = countDocuments(v); err != nil {
			return 0, err
		}
	}
	cn.gen, cn.n, cn.ok = gen, n, true
	return n, nil
}

// countDocuments counts the quads "lg:kind lg:Document" in the graph.
func countDocuments(v *view) (int, error) {
	r := v.ref(kindDocument)
	if r == nil {
		return 0, nil
	}
	it := v.qs.QuadIterator(quad.Object, r)
	defer it.Close()
	n := 0
	for it.Next(v.ctx) {
		n++
	}
	if err := it.Err(); err != nil {
		return 0, fmt.Errorf("count documents: %w", err)
	}
	return n, v.ctx.Err()
}
