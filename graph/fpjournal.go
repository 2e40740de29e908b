package graph

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"sync"

	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"

	"github.com/laendergraph/laendergraph/corpus"
)

// The cache and its snapshot leave out the documents' fingerprints (2 kB
// each; see load), and Catalogue, which every ingest and every upload calls
// once, needs all of them: read from the graph, one subject–predicate lookup
// and one value a document, that is 9.6 s of CPU at 100,000 documents. The
// fingerprint journal keeps them in a file beside the LevelDB folder
// (graph → graph.fingerprints), read one after another in a fraction of it.
//
// The journal is a header and then records appended one after another: a
// document's fingerprint, that a document has none (it is gone), and after
// the records of each write a commit that names the state of the graph
// after it (see graphState). For each document the last record counts. Writes keep it
// current instead of dropping it: the writer appends the records of a batch
// before it changes the graph and the commit after, so a crash in between
// leaves records after the last commit, which make the journal unusable. A
// journal is used only when it ends with a commit of the graph's state;
// anything else (a crash, a write by a program that does not keep the
// journal, a file that does not decode) sends Catalogue to the graph, which
// then writes the journal anew. A writer that does not know the journal to
// be current removes it rather than leave it behind.

// journalSuffix is appended to the graph's folder to name the journal.
const journalSuffix = ".fingerprints"

// journalHeader opens a journal: a signature and the version of the format
// (2: a commit names the graph's horizon too).
var journalHeader = []byte("laendergraph fingerprints\x00\x02\n")

// The kinds of record. A fingerprint is its document's id (uvarint length,
// bytes), the number of shingles (varint), and the hashes (uvarint count,
// each little-endian, 8 bytes); a gone record is the id; a commit is the
// graph's number of quads and horizon and its own offset in the file (each
// little-endian, 8 bytes) and commitMark, so that the end of a journal can
// be checked alone.
const (
	recPrint  = 'F'
	recGone   = 'G'
	recCommit = 'C'
)

var commitMark = []byte("fpjc")

// commitSize is the length of a commit record.
const commitSize = 1 + 8 + 8 + 8 + 4

// Bounds of what the decoder accepts (a fingerprint holds 256 hashes).
const (
	maxJournalID     = 1 << 12
	maxJournalHashes = 1 << 12
)

// errJournal reports a journal that cannot be used.
var errJournal = errors.New("fingerprint journal")

// journal is the state of a Store's fingerprint journal.
type journal struct {
	path string // "": no journal (another backend)
	// kv is the graph's key-value store, for its horizon.
	kv hkv.KV
	// sync makes a write's records reach the disk before the graph
	// changes, as the graph's own writes do (unless opened "nosync").
	sync bool
	mu   sync.Mutex
	// known says whether current and at have been found out: whether the
	// file is a journal that shows the graph in the state at.
	known   bool
	current bool
	at      graphState
	// fromJournal and fromGraph count where Catalogue found the
	// fingerprints, written and compacted the journals written by reads
	// (all for tests); err is the last failure to write the journal, which
	// only costs the next Catalogue a read of the graph.
	fromJournal, fromGraph int
	written, compacted     int
	err                    error
}

// errNoJournal reports a graph that keeps no journal.
var errNoJournal = errors.New("no fingerprint journal")

// state returns the graph's state; a graph that was never written holds
// no quads.
func (j *journal) state(v *view) (graphState, error) {
	if j.kv == nil {
		return graphState{}, errNoJournal
	}
	return stateOf(v, j.kv)
}

// read returns the fingerprints of the journal when it shows the graph as
// it is (ok), compacting a journal that holds more than twice as many
// records as documents. A journal that cannot be used is removed. The
// caller holds the store's read lock.
func (j *journal) read(v *view) (fps map[corpus.DocID]corpus.Fingerprint, ok bool, err error) {
	if j.path == "" {
		return nil, false, nil
	}
	now, err := j.state(v)
	if err != nil {
		return nil, false, nil
	}
	j.mu.Lock()
	known, stale := j.known, j.known && (!j.current || j.at != now)
	j.mu.Unlock()
	if !known {
		// Its last commit first: a journal that a program without it
		// left behind is not read in full.
		at, ok := journalTail(j.path)
		stale = !ok || at != now
	}
	if stale {
		j.set(false, graphState{})
		return nil, false, nil
	}
	f, err := os.Open(j.path)
	if err != nil {
		j.set(false, graphState{})
		return nil, false, nil
	}
	defer f.Close()
	fps, records, at, err := readJournal(v.ctx, bufio.NewReaderSize(f, 1<<20))
	if err != nil {
		if cerr := v.ctx.Err(); cerr != nil {
			return nil, false, cerr
		}
	}
	if err != nil || at != now {
		os.Remove(j.path)
		j.set(false, graphState{})
		return nil, false, nil
	}
	j.set(true, now)
	j.mu.Lock()
	j.fromJournal++
	j.mu.Unlock()
	if records > 2*len(fps) {
		j.rewrite(fps, now, &j.compacted)
	}
	return fps, true, nil
}

// rebuild writes the journal anew with fps, which a read found in the graph
// in the state at, unless it is known to be current, or, before anything
// read it, its last commit names that state (a process that reads the graph
// without a snapshot leaves a current journal alone). A failure is kept in
// j.err: the journal only saves time. The caller holds the store's read
// lock, so the graph does not change meanwhile.
func (j *journal) rebuild(fps map[corpus.DocID]corpus.Fingerprint, at graphState) {
	if j.path == "" {
		return
	}
	j.mu.Lock()
	j.fromGraph++
	known, current := j.known, j.known && j.current && j.at == at
	j.mu.Unlock()
	if !known {
		if tail, ok := journalTail(j.path); ok && tail == at {
			j.set(true, at)
			current = true
		}
	}
	if !current {
		j.rewrite(fps, at, &j.written)
	}
}

// rewrite replaces the journal by one of fps committed at at, and counts it
// in n.
func (j *journal) rewrite(fps map[corpus.DocID]corpus.Fingerprint, at graphState, n *int) {
	err := writeJournalFile(j.path, fps, at)
	j.mu.Lock()
	defer j.mu.Unlock()
	if err != nil {
		j.err = fmt.Errorf("write fingerprint journal: %w", err)
		return
	}
	*n++
	j.known, j.current, j.at = true, true, at
}

// set records whether the journal is current and at which state.
func (j *journal) set(current bool, at graphState) {
	j.mu.Lock()
	j.known, j.current, j.at = true, current, at
	j.mu.Unlock()
}

// drop removes the journal. The caller holds j.mu.
func (j *journal) drop() {
	os.Remove(j.path)
	j.known, j.current, j.at = true, false, graphState{}
}

// appending is the journal while a write appends to it.
type appending struct {
	j *journal
	f *os.File
	w *journalWriter
}

// begin appends the records of a write of docs, whose new quads are quads
// (none: deleted), to the journal when it shows the graph as it is, and
// returns what commit ends; otherwise it removes the journal and returns
// nil. The caller holds the store's write lock and changes the graph after
// begin and before commit.
func (j *journal) begin(v *view, docs []corpus.DocID, quads [][]quad.Quad) *appending {
	if j.path == "" || len(docs) == 0 {
		return nil
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	if !j.known {
		j.at, j.current = journalTail(j.path)
		j.known = true
	}
	before, err := j.state(v)
	if err == nil && before.quads == 0 && !(j.current && j.at == before) {
		// An empty graph has no fingerprints: start a journal.
		j.current, j.at = writeJournalFile(j.path, nil, before) == nil, before
	}
	if !j.current || err != nil || before != j.at {
		j.drop()
		return nil
	}
	f, err := os.OpenFile(j.path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		j.drop()
		return nil
	}
	end, err := f.Seek(0, io.SeekEnd)
	if err != nil {
		f.Close()
		j.drop()
		return nil
	}
	a := &appending{j: j, f: f, w: newJournalWriter(f, end)}
	for i, id := range docs {
		if fp, ok := fingerprintOf(quads[i]); ok {
			a.w.print(id, fp)
		} else {
			a.w.gone(id)
		}
	}
	// On disk before the graph changes: should the process or the machine
	// stop before the commit, they end the journal uncommitted. (Unsynced,
	// a power loss could keep the graph's write and lose them.)
	err = a.w.flush()
	if err == nil && j.sync {
		err = f.Sync()
	}
	if err != nil {
		a.abandonLocked()
		return nil
	}
	j.current = false // until the commit
	return a
}

// commit ends the write that begin started with a commit of the graph's
// state now.
func (a *appending) commit(v *view) {
	if a == nil {
		return
	}
	a.j.mu.Lock()
	defer a.j.mu.Unlock()
	at, err := a.j.state(v)
	if err == nil {
		a.w.commit(at)
		err = a.w.flush()
	}
	if cerr := a.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		a.j.err = fmt.Errorf("append to fingerprint journal: %w", err)
		a.j.drop()
		return
	}
	a.j.current, a.j.at = true, at
}

// abandon gives up the journal after a failed write, which may have changed
// the graph in part.
func (a *appending) abandon() {
	if a == nil {
		return
	}
	a.j.mu.Lock()
	defer a.j.mu.Unlock()
	a.abandonLocked()
}

func (a *appending) abandonLocked() {
	a.f.Close()
	a.j.drop()
}

// fingerprintOf returns the fingerprint among a document's quads.
func fingerprintOf(quads []quad.Quad) (corpus.Fingerprint, bool) {
	for _, q := range quads {
		if q.Predicate != predFingerprint {
			continue
		}
		if s, ok := q.Object.(quad.String); ok {
			f, err := corpus.ParseFingerprint(string(s))
			return f, err == nil
		}
	}
	return corpus.Fingerprint{}, false
}

// journalTail reads the commit at the end of the journal at path and
// returns its state of the graph, and false when the file does not end
// with one (or is not a journal).
func journalTail(path string) (graphState, bool) {
	f, err := os.Open(path)
	if err != nil {
		return graphState{}, false
	}
	defer f.Close()
	end, err := f.Seek(0, io.SeekEnd)
	if err != nil {
		return graphState{}, false
	}
	return tailOf(f, end)
}

// tailOf is journalTail of the size bytes of r.
func tailOf(r io.ReaderAt, size int64) (graphState, bool) {
	head := make([]byte, len(journalHeader))
	if size < int64(len(head))+commitSize {
		return graphState{}, false
	}
	if _, err := r.ReadAt(head, 0); err != nil || !bytes.Equal(head, journalHeader) {
		return graphState{}, false
	}
	c := make([]byte, commitSize)
	if _, err := r.ReadAt(c, size-commitSize); err != nil {
		return graphState{}, false
	}
	at, off, ok := commitOf(c)
	if !ok || off != size-commitSize {
		return graphState{}, false
	}
	return at, true
}

// commitOf decodes a commit record: the state of the graph it names, and
// the offset it gives itself.
func commitOf(c []byte) (graphState, int64, bool) {
	at := graphState{
		quads:   int64(binary.LittleEndian.Uint64(c[1:])),
		horizon: int64(binary.LittleEndian.Uint64(c[9:])),
	}
	off := int64(binary.LittleEndian.Uint64(c[17:]))
	ok := c[0] == recCommit && bytes.Equal(c[25:], commitMark) && at.quads >= 0 && at.horizon >= 0
	return at, off, ok
}

// writeJournalFile writes a journal of fps committed at at to path, into a
// temporary file beside it that replaces it when complete.
func writeJournalFile(path string, fps map[corpus.DocID]corpus.Fingerprint, at graphState) error {
	return replaceFile(path, func(w io.Writer) error { return encodeJournal(w, fps, at) })
}

// encodeJournal writes a journal of fps, in the order of their ids,
// committed at at.
func encodeJournal(out io.Writer, fps map[corpus.DocID]corpus.Fingerprint, at graphState) error {
	w := newJournalWriter(out, 0)
	w.header()
	ids := make([]corpus.DocID, 0, len(fps))
	for id := range fps {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		w.print(id, fps[id])
	}
	w.commit(at)
	return w.flush()
}

// journalWriter encodes journal records; flush reports the first error.
type journalWriter struct {
	w   *bufio.Writer
	off int64 // the offset in the file of the next record
	buf []byte
	err error
}

func newJournalWriter(w io.Writer, off int64) *journalWriter {
	return &journalWriter{w: bufio.NewWriterSize(w, 1<<20), off: off}
}

func (w *journalWriter) write(b []byte) {
	if w.err == nil {
		_, w.err = w.w.Write(b)
	}
	w.off += int64(len(b))
}

func (w *journalWriter) header() { w.write(journalHeader) }

func (w *journalWriter) id(kind byte, id corpus.DocID) {
	w.buf = append(w.buf[:0], kind)
	w.buf = binary.AppendUvarint(w.buf, uint64(len(id)))
	w.buf = append(w.buf, id...)
}

func (w *journalWriter) print(id corpus.DocID, f corpus.Fingerprint) {
	w.id(recPrint, id)
	w.buf = binary.AppendVarint(w.buf, int64(f.Shingles))
	w.buf = binary.AppendUvarint(w.buf, uint64(len(f.Min)))
	for _, h := range f.Min {
		w.buf = binary.LittleEndian.AppendUint64(w.buf, h)
	}
	w.write(w.buf)
}

func (w *journalWriter) gone(id corpus.DocID) {
	w.id(recGone, id)
	w.write(w.buf)
}

func (w *journalWriter) commit(at graphState) {
	w.buf = append(w.buf[:0], recCommit)
	w.buf = binary.LittleEndian.AppendUint64(w.buf, uint64(at.quads))
	w.buf = binary.LittleEndian.AppendUint64(w.buf, uint64(at.horizon))
	w.buf = binary.LittleEndian.AppendUint64(w.buf, uint64(w.off))
	w.buf = append(w.buf, commitMark...)
	w.write(w.buf)
}

func (w *journalWriter) flush() error {
	if w.err == nil {
		w.err = w.w.Flush()
	}
	return w.err
}

// journalReader decodes journal records, counting the bytes it reads.
type journalReader struct {
	r   *bufio.Reader
	off int64
}

func (r *journalReader) ReadByte() (byte, error) {
	b, err := r.r.ReadByte()
	if err == nil {
		r.off++
	}
	return b, err
}

func (r *journalReader) full(b []byte) error {
	n, err := io.ReadFull(r.r, b)
	r.off += int64(n)
	return err
}

func (r *journalReader) id() (corpus.DocID, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return "", err
	}
	if n > maxJournalID {
		return "", fmt.Errorf("%w: id of %d bytes", errJournal, n)
	}
	b := make([]byte, n)
	if err := r.full(b); err != nil {
		return "", err
	}
	return corpus.DocID(b), nil
}

// journalEntry is a record of a document: its fingerprint, or gone.
type journalEntry struct {
	id   corpus.DocID
	fp   corpus.Fingerprint
	gone bool
}

// readJournal decodes a journal: for each document the fingerprint of its
// last record, the number of records of documents, and the state of the
// graph of the last commit. It fails when the journal does not decode or does not
// end with a commit. It holds no more than the result and the records of
// one write.
func readJournal(ctx context.Context, br *bufio.Reader) (map[corpus.DocID]corpus.Fingerprint, int, graphState, error) {
	r := &journalReader{r: br}
	head := make([]byte, len(journalHeader))
	if err := r.full(head); err != nil || !bytes.Equal(head, journalHeader) {
		return nil, 0, graphState{}, fmt.Errorf("%w: no header", errJournal)
	}
	out := map[corpus.DocID]corpus.Fingerprint{}
	var pending []journalEntry // since the last commit
	records, state, committed := 0, graphState{}, false
	for n := 0; ; n++ {
		if n%loadBatch == 0 {
			if err := ctx.Err(); err != nil {
				return nil, 0, graphState{}, err
			}
		}
		at := r.off
		kind, err := r.ReadByte()
		if errors.Is(err, io.EOF) {
			if !committed || len(pending) > 0 {
				return nil, 0, graphState{}, fmt.Errorf("%w: uncommitted end", errJournal)
			}
			return out, records, state, nil
		}
		if err != nil {
			return nil, 0, graphState{}, err
		}
		switch kind {
		case recPrint, recGone:
			e := journalEntry{gone: kind == recGone}
			if e.id, err = r.id(); err != nil {
				return nil, 0, graphState{}, truncated(err)
			}
			if !e.gone {
				if e.fp, err = readPrint(r); err != nil {
					return nil, 0, graphState{}, truncated(err)
				}
			}
			pending = append(pending, e)
		case recCommit:
			c := make([]byte, commitSize)
			c[0] = kind
			if err := r.full(c[1:]); err != nil {
				return nil, 0, graphState{}, truncated(err)
			}
			cs, off, ok := commitOf(c)
			if !ok || off != at {
				return nil, 0, graphState{}, fmt.Errorf("%w: bad commit at %d", errJournal, at)
			}
			for _, e := range pending {
				if e.gone {
					delete(out, e.id)
				} else {
					out[e.id] = e.fp
				}
			}
			records += len(pending)
			pending, state, committed = pending[:0], cs, true
		default:
			return nil, 0, graphState{}, fmt.Errorf("%w: record kind %#x at %d", errJournal, kind, at)
		}
	}
}

// readPrint reads the rest of a fingerprint record.
func readPrint(r *journalReader) (corpus.Fingerprint, error) {
	var f corpus.Fingerprint
	sh, err := binary.ReadVarint(r)
	if err != nil {
		return f, err
	}
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return f, err
	}
	if n > maxJournalHashes || int64(int(sh)) != sh {
		return f, fmt.Errorf("%w: fingerprint of %d hashes", errJournal, n)
	}
	f.Shingles = int(sh)
	if n == 0 {
		return f, nil
	}
	raw := make([]byte, 8*n)
	if err := r.full(raw); err != nil {
		return f, err
	}
	f.Min = make([]uint64, n)
	for i := range f.Min {
		f.Min[i] = binary.LittleEndian.Uint64(raw[8*i:])
	}
	return f, nil
}

// truncated reports a record cut short by the end of the journal.
func truncated(err error) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("%w: truncated record", errJournal)
	}
	return err
}
