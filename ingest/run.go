package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/ingest/text"
)

// run is the state of one Pipeline.Run.
type run struct {
	p   *Pipeline
	sum *Summary
	// byID holds the documents stored before the run.
	byID map[corpus.DocID]corpus.Document
	// unchanged holds the files (by Document.File) whose stored document
	// has the same content hash.
	unchanged map[string]bool
	// originals are the documents a new document may duplicate, in the order
	// they were considered.
	originals *originals
	batch     []corpus.Extraction
	// batchBytes counts the text bytes of batch.
	batchBytes int
	// writes are the batches handed to the store and not yet stored, oldest
	// first.
	writes []*write
	// ctx is the context of the whole run, which writes use: the one the
	// workers' results come with ends when the last result is collected,
	// while the last write may still run.
	ctx context.Context
}

// result is what became of one file.
type result struct {
	f   file
	out Outcome
	err error
	// ext is the extraction of an added or updated document, plain the same
	// document before extraction (stored as is when it turns out a duplicate).
	ext   corpus.Extraction
	plain corpus.Document
	hash  string // of the file's bytes, when only hashed
}

// findUnchanged hashes the files that are stored already and marks those
// whose content did not change.
func (r *run) findUnchanged(ctx context.Context, files []file) error {
	r.unchanged = map[string]bool{}
	var known []file
	for _, f := range files {
		if f.reject == nil {
			if _, ok := r.byID[corpus.NewDocID(f.rel)]; ok {
				known = append(known, f)
			}
		}
	}
	hash := func(_ context.Context, f file) result {
		b, err := readFile(f, r.p.opts.Limits.MaxFileSize)
		if err != nil {
			return result{f: f, err: err}
		}
		return result{f: f, hash: hashOf(b)}
	}
	mark := func(_ context.Context, res result) error {
		if res.err == nil && res.hash == r.byID[corpus.NewDocID(res.f.rel)].ContentHash {
			r.unchanged[res.f.rel] = true
		}
		return nil
	}
	return r.p.parallel(ctx, known, hash, mark)
}

// seedOriginals makes the stored documents that this run leaves as they are
// (not among its files, or unchanged) candidates for duplicates, in the order
// of their File.
func (r *run) seedOriginals(stored []corpus.Document, files []file) {
	inRun := map[corpus.DocID]bool{}
	for _, f := range files {
		if f.reject == nil && !r.unchanged[f.rel] {
			inRun[corpus.NewDocID(f.rel)] = true
		}
	}
	r.originals = newOriginals(len(inRun))
	docs := append([]corpus.Document(nil), stored...)
	sort.Slice(docs, func(i, j int) bool { return docs[i].File < docs[j].File })
	for _, d := range docs {
		// A real document never repeats a demo one: the demo corpus can be
		// deleted, and its copy must keep its facts.
		if d.DuplicateOf == "" && !inRun[d.ID] && (!d.Demo || r.p.opts.Demo) {
			r.originals.add(d.ID, d.Fingerprint)
		}
	}
}

// parse reads, extracts and describes one file. It runs on a worker.
func (r *run) parse(ctx context.Context, f file) (res result) {
	res.f = f
	switch {
	case f.reject != nil:
		res.out, res.err = f.outcome, f.reject
		return res
	case r.unchanged[f.rel]:
		res.out = Unchanged
		return res
	}
	defer func() {
		if v := recover(); v != nil {
			res.out, res.err = Failed, fmt.Errorf("internal error: %v", v)
		}
	}()
	res.out = Failed
	b, err := readFile(f, r.p.opts.Limits.MaxFileSize)
	if err != nil {
		res.err = err
		return res
	}
	if len(b) == 0 {
		res.err = ErrEmptyFile
		return res
	}
	c, err := extractContent(f.format, b, r.p.opts.Limits)
	if err != nil {
		res.err = err
		return res
	}
	if err := ctx.Err(); err != nil { // cancelled while reading: skip the extraction
		res.err = err
		return res
	}
	doc := corpus.Document{
		ID:          corpus.NewDocID(f.rel),
		File:        f.rel,
		Format:      f.format,
		Text:        text.Normalize(c.text),
		ContentHash: hashOf(b),
		IngestedAt:  r.p.opts.Now(),
		Demo:        r.p.opts.Demo,
	}
	if strings.IndexFunc(doc.Text, unicode.IsLetter) < 0 {
		res.err = ErrNoText
		return res
	}
	entry, _ := r.p.opts.Manifest.Lookup(f.rel)
	describe(&doc, c, entry)
	doc.Fingerprint = fingerprint(doc.Text)
	res.plain = doc

	sents := text.Sentences(doc.Text)
	doc.IndexSpans() // evidence spans of a long text in linear time
	ext := r.p.opts.Extractor.Extract(&doc, sents)
	ext.Meetings, ext.Chairs = r.p.opts.Meetings.Extract(&doc, sents)
	doc.DropSpanIndex()
	ext.Document = doc
	res.ext, res.out = ext, Added
	return res
}

// collect decides the outcome of one parsed file, in file order, and batches
// what is to be stored.
func (r *run) collect(ctx context.Context, res result) error {
	switch res.out {
	case Skipped:
		r.sum.Skipped++
		r.sum.Skips = append(r.sum.Skips, FileError{Path: res.f.display, Err: res.err})
	case Failed:
		r.sum.Failed++
		r.sum.Failures = append(r.sum.Failures, FileError{Path: res.f.display, Err: res.err})
	case Unchanged:
		r.sum.Unchanged++
	default:
		ext := res.ext
		id := ext.Document.ID
		if _, ok := r.byID[id]; ok {
			res.out = Updated
		}
		orig, dup := r.originals.duplicateOf(id, ext.Document.Fingerprint)
		if dup && r.demote(orig, ext.Document.Fingerprint, id) {
			dup = false // the longer text is the original; orig now repeats it
		}
		if dup {
			plain := res.plain
			plain.DuplicateOf = orig
			ext = corpus.Extraction{Document: plain}
			res.out = Duplicate
			r.sum.Duplicate++
		} else {
			ext.Document.DuplicateOf = ""
			r.originals.add(id, ext.Document.Fingerprint)
			if res.out == Updated {
				r.sum.Updated++
			} else {
				r.sum.Added++
			}
		}
		r.batch = append(r.batch, ext)
		r.batchBytes += len(ext.Document.Text)
		if len(r.batch) >= r.p.opts.BatchSize || r.batchBytes >= r.p.opts.BatchBytes {
			if err := r.flush(ctx); err != nil {
				return err
			}
		}
	}
	if pr := r.p.opts.Progress; pr != nil {
		var err error
		if res.out == Failed || res.out == Skipped {
			err = FileError{Path: res.f.display, Err: res.err}
		}
		pr.Step(res.f.display, res.out, err)
	}
	return nil
}

// demote makes the pending original orig a duplicate of the document id when
// id's text (fingerprint fp) is the longer one, so a truncated copy that
// sorts first does not take the facts of the full text. It only applies
// while orig waits in the current batch; a stored original stays as it is.
// It reports whether orig was demoted.
func (r *run) demote(orig corpus.DocID, fp corpus.Fingerprint, id corpus.DocID) bool {
	for i := range r.batch {
		d := r.batch[i].Document
		if d.ID != orig || d.Fingerprint.Shingles >= fp.Shingles {
			continue
		}
		d.DuplicateOf, d.Laender, d.Topics, d.Series = id, nil, nil, nil
		r.batch[i] = corpus.Extraction{Document: d}
		r.originals.drop(orig) // collect adds id in its place
		r.sum.Duplicate++
		if _, stored := r.byID[orig]; stored {
			r.sum.Updated--
		} else {
			r.sum.Added--
		}
		return true
	}
	return false
}

// queuedWrites is the most batches handed to the store and not yet stored:
// one being written and one waiting. The workers go on reading and
// extracting while both are, so that a write that takes longer than
// extracting the next batch does not leave a core idle.
const queuedWrites = 2

// write is one batch handed to the store.
type write struct {
	done chan struct{} // closed when the write has ended
	err  error         // set before done is closed
}

// flush hands the batch to the store. The write runs while the workers
// read and extract the next batches; writes run one at a time, in the order
// of their batches, and flush waits only when queuedWrites batches are
// pending. A failed write is returned by a later flush or by wait, and the
// batches after it are not written.
func (r *run) flush(context.Context) error {
	if err := r.reap(); err != nil {
		return err
	}
	for len(r.writes) >= queuedWrites {
		if err := r.waitOldest(); err != nil {
			return err
		}
	}
	ctx := r.ctx
	if len(r.batch) == 0 {
		return nil
	}
	batch := r.batch
	r.batch, r.batchBytes = nil, 0 // the store may keep the slice
	var prev *write
	if n := len(r.writes); n > 0 {
		prev = r.writes[n-1]
	}
	w := &write{done: make(chan struct{})}
	r.writes = append(r.writes, w)
	go func() {
		defer close(w.done)
		if prev != nil {
			<-prev.done
			if prev.err != nil {
				w.err = prev.err
				return
			}
		}
		if err := r.p.store.Put(ctx, batch); err != nil {
			w.err = fmt.Errorf("store %d documents: %w", len(batch), err)
		}
	}()
	return nil
}

// reap collects the writes that have ended, returning the first error.
func (r *run) reap() error {
	for len(r.writes) > 0 {
		select {
		case <-r.writes[0].done:
			if err := r.waitOldest(); err != nil {
				return err
			}
		default:
			return nil
		}
	}
	return nil
}

// waitOldest waits for the oldest pending write and returns its error.
func (r *run) waitOldest() error {
	w := r.writes[0]
	<-w.done
	r.writes = r.writes[1:]
	return w.err
}

// wait waits for every pending write and returns the first error.
func (r *run) wait() error {
	var first error
	for len(r.writes) > 0 {
		if err := r.waitOldest(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

func hashOf(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// readFile reads the file f, failing with ErrLimit when it is larger than
// limit bytes (no limit when it is negative): its size is checked before
// reading, and the reading stops after limit bytes for a file that grows.
func readFile(f file, limit int64) ([]byte, error) {
	fh, err := f.fsys.Open(f.path)
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	defer fh.Close()
	info, err := fh.Stat()
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if limit >= 0 && info.Size() > limit {
		return nil, fmt.Errorf("%w: file is %s, the limit is %s", ErrLimit, megabytes(info.Size()), megabytes(limit))
	}
	var r io.Reader = fh
	if limit >= 0 {
		r = io.LimitReader(fh, limit+1)
	}
	b := make([]byte, 0, max(info.Size(), 0)+1) // one more byte sees the end without a copy
	b, err = readAll(r, b)
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if limit >= 0 && int64(len(b)) > limit {
		return nil, fmt.Errorf("%w: file grew over the limit of %s while read", ErrLimit, megabytes(limit))
	}
	return b, nil
}

// readAll appends what r yields to b.
func readAll(r io.Reader, b []byte) ([]byte, error) {
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
	}
}

// megabytes formats n bytes as "12.3 MB".
func megabytes(n int64) string {
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// fingerprint sketches the running text of a document (german.RunningText),
// so that a republication with its own header, navigation, contact box and
// footer is still the same text; a text with too little running text is
// sketched whole.
func fingerprint(t string) corpus.Fingerprint {
	if fp := corpus.NewFingerprint(text.RunningText(t)); fp.Shingles >= corpus.MinDuplicateShingles {
		return fp
	}
	return corpus.NewFingerprint(t)
}
