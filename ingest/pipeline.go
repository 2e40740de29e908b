// Package ingest turns files into documents and facts: it walks the folders
// and files it is given, reads text, Markdown, HTML and PDF in whatever
// character set they come in, normalises the text, finds the metadata (title,
// date, kind, publishing Land; a crawler's manifest overrides), recognises
// near-duplicates, runs the extractors over the sentences and hands the
// results to a Store in batches.
//
// A bad file never stops a run: it is reported as a FileError and the other
// files still land. Re-ingesting unchanged files costs a hash each.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"sort"
	"time"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/ingest/extract"
	"github.com/laendergraph/laendergraph/ingest/meeting"
)

// Store is where the pipeline puts what it extracted.
type Store interface {
	// Documents returns what is stored already. Text may be empty; ID, File,
	// ContentHash, Fingerprint and DuplicateOf must be set.
	Documents(ctx context.Context) ([]corpus.Document, error)
	// Put replaces everything stored for each document of exts.
	Put(ctx context.Context, exts []corpus.Extraction) error
}

// Input is a folder or a file to ingest.
type Input struct {
	FS fs.FS
	// Root is a folder or a file inside FS; "." for all of FS.
	Root string
	// Name is how messages name the input: the path the user typed.
	Name string
	// Prefix, if set, is put before the path of every file below Root to
	// make its Document.File ("docs" makes "pm.txt" "docs/pm.txt"): the
	// input is a folder inside the one its documents are named from.
	Prefix string
	// Skip lists folders in FS that are left out: they are inputs of their
	// own, named from another folder.
	Skip []string
}

// Outcome is what became of one file.
type Outcome string

// The outcomes of a file.
const (
	Added     Outcome = "added"     // a new document
	Updated   Outcome = "updated"   // a stored document whose file changed
	Unchanged Outcome = "unchanged" // a stored document whose file did not change
	Duplicate Outcome = "duplicate" // stored without facts as the duplicate of another document
	Failed    Outcome = "failed"    // the file could not be read or holds no text
	Skipped   Outcome = "skipped"   // not a supported file type
)

// Progress hears about a run: Start with the number of files found, Step for
// each file (err is set for Failed and Skipped), Done at the end.
type Progress interface {
	Start(total int)
	Step(file string, o Outcome, err error)
	Done()
}

// Options configure a Pipeline. Extractor and Meetings are required; the
// zero value of every other field has a sensible default.
type Options struct {
	Extractor *extract.Extractor
	Meetings  *meeting.Extractor
	// Manifest, if set, supplies and overrides metadata.
	Manifest *Manifest
	// Progress, if set, hears about every file.
	Progress Progress
	// BatchSize is the most documents per Store.Put; 0 means 500. A batch
	// is also handed over once its texts reach BatchBytes.
	BatchSize int
	// BatchBytes bounds the text bytes of one batch; 0 means 64 MB.
	BatchBytes int
	// Workers is the number of files parsed and extracted in parallel;
	// 0 means GOMAXPROCS.
	Workers int
	// Now returns the time stamped on stored documents; nil means time.Now.
	Now func() time.Time
	// Limits bound the work on one file.
	Limits Limits
	// Demo marks every document of the run as one of the demo corpus.
	Demo bool
	// Prune removes the stored documents whose files the run did not find:
	// the inputs are the whole corpus. The Store must be a Deleter.
	Prune bool
}

// Deleter is a Store that can remove documents (for Options.Prune).
type Deleter interface {
	Delete(ctx context.Context, ids []corpus.DocID) error
}

// Limits bound the work on one file, so that a hostile or merely huge file
// fails on its own (with an error wrapping ErrLimit) instead of holding up
// or bringing down the run. The zero value of each field means its default;
// a negative value means no limit.
type Limits struct {
	// MaxFileSize is the largest file read, in bytes (default 50 MB).
	MaxFileSize int64
	// MaxPDFInflated bounds the bytes that the page contents of one PDF
	// inflate to, all pages together (default 64 MB): the compressed size
	// says nothing about it.
	MaxPDFInflated int64
	// MaxPDFPages is the most pages one PDF may have (default 5,000).
	MaxPDFPages int
	// PDFTimeout bounds the time spent reading one PDF (default 1 minute).
	PDFTimeout time.Duration
	// MaxHTMLElements is the most elements (start tags) one HTML page may
	// have (default 200,000).
	MaxHTMLElements int
}

// The default Limits.
const (
	DefaultMaxFileSize     = 50 << 20
	DefaultMaxPDFInflated  = 64 << 20
	DefaultMaxPDFPages     = 5000
	DefaultPDFTimeout      = time.Minute
	DefaultMaxHTMLElements = 200_000
)

// withDefaults returns l with zero fields set to their defaults.
func (l Limits) withDefaults() Limits {
	if l.MaxFileSize == 0 {
		l.MaxFileSize = DefaultMaxFileSize
	}
	if l.MaxPDFInflated == 0 {
		l.MaxPDFInflated = DefaultMaxPDFInflated
	}
	if l.MaxPDFPages == 0 {
		l.MaxPDFPages = DefaultMaxPDFPages
	}
	if l.PDFTimeout == 0 {
		l.PDFTimeout = DefaultPDFTimeout
	}
	if l.MaxHTMLElements == 0 {
		l.MaxHTMLElements = DefaultMaxHTMLElements
	}
	return l
}

// Pipeline ingests files into a Store.
type Pipeline struct {
	store Store
	opts  Options
}

// New returns a Pipeline that stores into store.
func New(store Store, opts Options) *Pipeline {
	if opts.BatchSize <= 0 {
		opts.BatchSize = 500
	}
	if opts.BatchBytes <= 0 {
		opts.BatchBytes = 64 << 20
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	opts.Limits = opts.Limits.withDefaults()
	return &Pipeline{store: store, opts: opts}
}

// Summary counts the outcomes of a run and lists the files that failed or
// were skipped.
type Summary struct {
	Added, Updated, Unchanged, Duplicate, Failed, Skipped int
	Failures                                              []FileError
	Skips                                                 []FileError
	// Pruned lists the files of the documents removed by Options.Prune.
	Pruned []string
}

// FileError is the reason one file failed or was skipped.
type FileError struct {
	Path string // as the user would name it: the input's Name joined with the file's path below it
	Err  error
}

// Error returns "path: reason".
func (e FileError) Error() string { return e.Path + ": " + e.Err.Error() }

// Unwrap returns the reason.
func (e FileError) Unwrap() error { return e.Err }

// The reasons a file fails or is skipped; FileError.Err wraps one of these
// (or text.ErrBinary, or an error of the file system or PDF reader).
var (
	ErrEmptyFile   = errors.New("empty file")
	ErrNoText      = errors.New("no text content")
	ErrUnsupported = errors.New("unsupported file type")
	// ErrSamePath reports a second file with the same relative path as an
	// earlier one in the same run (from another input), which would get the
	// same DocID.
	ErrSamePath = errors.New("same relative path as another input's file")
	// ErrLimit reports a file over one of the Limits.
	ErrLimit = errors.New("limit exceeded")
	// ErrOutside reports a symbolic link that leads out of the ingested
	// folder; it is not followed.
	ErrOutside = errors.New("symbolic link leads out of the ingested folder")
)

// Run ingests inputs: every supported file below them is read, extracted and
// stored, in sorted path order. It returns an error only when the run cannot
// go on (the context ends, an input does not exist, the Store fails); bad
// files are listed in the Summary.
func (p *Pipeline) Run(ctx context.Context, inputs []Input) (Summary, error) {
	var sum Summary
	if p.opts.Extractor == nil || p.opts.Meetings == nil {
		return sum, fmt.Errorf("run ingest: extractor and meeting extractor required: %w", corpus.ErrInvalid)
	}
	stored, err := p.store.Documents(ctx)
	if err != nil {
		return sum, fmt.Errorf("run ingest: load stored documents: %w", err)
	}
	files, err := walk(ctx, inputs)
	if err != nil {
		return sum, fmt.Errorf("run ingest: %w", err)
	}
	if p.opts.Progress != nil {
		p.opts.Progress.Start(len(files))
		defer p.opts.Progress.Done()
	}
	r := &run{p: p, sum: &sum, byID: map[corpus.DocID]corpus.Document{}, ctx: ctx}
	for _, d := range stored {
		r.byID[d.ID] = d
	}
	if err := r.findUnchanged(ctx, files); err != nil {
		return sum, fmt.Errorf("run ingest: %w", err)
	}
	r.seedOriginals(stored, files)
	err = p.parallel(ctx, files, r.parse, r.collect)
	if err == nil {
		err = r.flush(ctx)
	}
	// The last write, or one still in flight when parsing failed, ends
	// before Run returns.
	if werr := r.wait(); err == nil {
		err = werr
	}
	if err != nil {
		return sum, fmt.Errorf("run ingest: %w", err)
	}
	if p.opts.Prune {
		if sum.Pruned, err = p.prune(ctx, stored, files); err != nil {
			return sum, fmt.Errorf("run ingest: %w", err)
		}
	}
	return sum, nil
}

// prune removes the stored documents whose files are not among files. A run
// that found no file at all prunes nothing: an empty or wrong folder must not
// empty the store.
func (p *Pipeline) prune(ctx context.Context, stored []corpus.Document, files []file) ([]string, error) {
	del, ok := p.store.(Deleter)
	if !ok {
		return nil, fmt.Errorf("prune: the store cannot delete: %w", corpus.ErrInvalid)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("prune: no file found, so nothing is pruned: %w", corpus.ErrInvalid)
	}
	found := make(map[corpus.DocID]bool, len(files))
	for _, f := range files {
		found[corpus.NewDocID(f.rel)] = true
	}
	var ids []corpus.DocID
	var gone []string
	for _, d := range stored {
		if !found[d.ID] {
			ids = append(ids, d.ID)
			gone = append(gone, d.File)
		}
	}
	if len(ids) == 0 {
		return nil, nil
	}
	if err := del.Delete(ctx, ids); err != nil {
		return nil, fmt.Errorf("prune %d documents: %w", len(ids), err)
	}
	sort.Strings(gone)
	return gone, nil
}

// parallel calls work for every file on a bounded pool of workers and then
// consume for each result in the order of files. It stops at the first error
// of consume or when ctx ends.
func (p *Pipeline) parallel(ctx context.Context, files []file, work func(context.Context, file) result, consume func(context.Context, result) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// window bounds how far the workers run ahead of consume: file i may
	// start only when file i-size has been consumed, so the results of the
	// files in flight fit a ring of size slots, and memory does not grow
	// with the number of files.
	size := 4 * p.opts.Workers
	window := make(chan struct{}, size)
	results := make([]chan result, size)
	for i := range results {
		results[i] = make(chan result, 1)
	}
	jobs := make(chan int)
	done := make(chan struct{})
	go func() {
		defer close(jobs)
		for i := range files {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	workers := min(p.opts.Workers, max(len(files), 1))
	for range workers {
		go func() {
			defer func() { done <- struct{}{} }()
			for i := range jobs {
				results[i%size] <- work(ctx, files[i])
			}
		}()
	}
	defer func() {
		cancel()
		for range workers {
			<-done
		}
	}()
	for i := range files {
		var res result
		select {
		case res = <-results[i%size]:
		case <-ctx.Done():
			return ctx.Err()
		}
		<-window
		if err := consume(ctx, res); err != nil {
			return err
		}
	}
	return ctx.Err()
}
