package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/laendergraph/laendergraph/answer"
	"github.com/laendergraph/laendergraph/api"
	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/graph"
	"github.com/laendergraph/laendergraph/ingest"
	"github.com/laendergraph/laendergraph/ingest/extract"
	"github.com/laendergraph/laendergraph/ingest/meeting"
	"github.com/laendergraph/laendergraph/search"
)

// app is an opened data folder: the graph, the index and the vocabulary.
type app struct {
	dir   string
	graph *graph.Store
	index *search.Index
	reg   *corpus.Registry
	th    *corpus.Thesaurus
	log   *slog.Logger
	// limits bound the work on one ingested file.
	limits ingest.Limits
	// web configures the HTTP API (CORS, time limits) where serve sets it.
	web api.Config

	// marked is set once this process has marked the data folder as being
	// written (see unfinishedFile); failed when a write failed, so that the
	// mark stays for the next opening to repair.
	markMu         sync.Mutex
	marked, failed bool
}

// unfinishedFile, in the data folder, says that a process is writing to it
// or stopped while it did (killed, crashed, out of power): the next opening
// repairs what the index and the graph disagree on. The index and the graph
// are written at the same time, documents one by one in each; a write
// stopped half-way leaves documents that only one holds, or holds in another
// version.
const unfinishedFile = "writes-unfinished"

// openApp opens (creating when missing) the data folder of c.
func openApp(ctx context.Context, c *common, e env) (*app, error) {
	dir, err := c.dataDir(e)
	if err != nil {
		return nil, err
	}
	th, err := c.thesaurus()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create data folder: %w", err)
	}
	var g *graph.Store
	if url := cmp.Or(c.graph, e.getenv("LAENDERGRAPH_GRAPH")); url != "" {
		g, err = graph.OpenPostgres(ctx, url)
	} else {
		g, err = graph.OpenCache(ctx, filepath.Join(dir, "graph"), c.graphCacheMB<<20)
	}
	if err != nil {
		return nil, fmt.Errorf("open graph in %s (is another laendergraph using this data folder?): %w", dir, err)
	}
	ix, err := search.Open(ctx, filepath.Join(dir, "index"), search.Options{Thesaurus: th, Registry: corpus.Laender()})
	if err != nil {
		g.Close()
		return nil, fmt.Errorf("open index in %s (is another laendergraph using this data folder?): %w", dir, err)
	}
	a := &app{dir: dir, graph: g, index: ix, reg: corpus.Laender(), th: th, log: c.logger(e)}
	if _, err := os.Stat(filepath.Join(dir, unfinishedFile)); err == nil {
		ids, err := a.repair(ctx)
		if err != nil {
			a.Close()
			return nil, fmt.Errorf("repair data folder %s after an interrupted write: %w", dir, err)
		}
		if len(ids) > 0 {
			a.log.Warn("data folder repaired after an interrupted write; ingest again to store these documents again",
				"documents_removed", len(ids), "ids", ids)
		}
		if err := os.Remove(filepath.Join(dir, unfinishedFile)); err != nil {
			a.Close()
			return nil, fmt.Errorf("repair data folder %s: %w", dir, err)
		}
	}
	return a, nil
}

// thesaurus returns the default thesaurus with the topics of --topics.
func (c *common) thesaurus() (*corpus.Thesaurus, error) {
	th := corpus.DefaultThesaurus()
	if c.topics == "" {
		return th, nil
	}
	f, err := os.Open(c.topics)
	if err != nil {
		return nil, fmt.Errorf("open topics file: %w", err)
	}
	err = th.Extend(f)
	f.Close()
	if err != nil {
		return nil, fmt.Errorf("topics file %s: %w", c.topics, err)
	}
	return th, nil
}

// Close closes the index and the graph, and clears the mark of writes
// when every write of this process ended well.
func (a *app) Close() error {
	err := errors.Join(a.index.Close(), a.graph.Close())
	a.markMu.Lock()
	defer a.markMu.Unlock()
	if err == nil && a.marked && !a.failed {
		if err := os.Remove(filepath.Join(a.dir, unfinishedFile)); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("close data folder: %w", err)
		}
	}
	return err
}

// write runs one write to the stores, with the data folder marked as being
// written until the app is closed.
func (a *app) write(fn func() error) error {
	a.markMu.Lock()
	if !a.marked {
		note := []byte("laendergraph is writing to this folder, or stopped while it did; the next start repairs it\n")
		if err := os.WriteFile(filepath.Join(a.dir, unfinishedFile), note, 0o644); err != nil {
			a.markMu.Unlock()
			return fmt.Errorf("mark data folder: %w", err)
		}
		a.marked = true
	}
	a.markMu.Unlock()
	err := fn()
	if err != nil {
		a.markMu.Lock()
		a.failed = true
		a.markMu.Unlock()
	}
	return err
}

// repair makes index and graph agree: a document that only one of them
// holds, or that they hold with different content hashes (stopped between
// the two writes of an update), is removed from both, so nothing half-stored
// is served; the next ingest of its file stores it again. It returns the
// ids removed.
func (a *app) repair(ctx context.Context) ([]corpus.DocID, error) {
	docs, err := a.graph.Documents(ctx)
	if err != nil {
		return nil, err
	}
	inGraph := make(map[corpus.DocID]string, len(docs))
	for _, d := range docs {
		inGraph[d.ID] = d.ContentHash
	}
	var bad []corpus.DocID
	seen := make(map[corpus.DocID]bool, len(docs))
	err = a.index.Each(ctx, search.Request{}, func(h search.Hit) error {
		seen[h.Doc.ID] = true
		if hash, ok := inGraph[h.Doc.ID]; !ok || hash != h.Doc.ContentHash {
			bad = append(bad, h.Doc.ID)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list index: %w", err)
	}
	for _, d := range docs {
		if !seen[d.ID] {
			bad = append(bad, d.ID)
		}
	}
	if len(bad) == 0 {
		return nil, nil
	}
	slices.Sort(bad)
	if err := a.delete(ctx, bad); err != nil {
		return nil, err
	}
	return bad, nil
}

// Documents lists the stored documents; app is the pipeline's ingest.Store.
func (a *app) Documents(ctx context.Context) ([]corpus.Document, error) {
	return a.graph.Catalogue(ctx)
}

// Put stores extractions in the index and the graph. The two writes run at
// the same time, on their own cores (Bleve's segment building and Cayley's
// LevelDB writes are each about half of the time of a write): the mark of the
// data folder (write) makes a write stopped half-way, in either store,
// repaired at the next opening. When only the graph write succeeds, its
// documents are taken out of the graph again, so that the pipeline, which
// compares against the graph's catalogue, stores them again on its next run
// instead of finding them unchanged.
func (a *app) Put(ctx context.Context, exts []corpus.Extraction) error {
	return a.write(func() error { return a.put(ctx, exts) })
}

func (a *app) put(ctx context.Context, exts []corpus.Extraction) error {
	docs := make([]corpus.Document, len(exts))
	for i, x := range exts {
		docs[i] = x.Document
		exts[i].Document.Text = "" // the graph keeps metadata and facts; the text lives in the index
	}
	indexed := make(chan error, 1)
	go func() { indexed <- a.index.Put(ctx, docs) }()
	gerr := a.graph.Put(ctx, exts)
	ierr := <-indexed
	if ierr != nil {
		if gerr == nil {
			ids := make([]corpus.DocID, len(exts))
			for i, x := range exts {
				ids[i] = x.Document.ID
			}
			// Without the context: the removal must run when the index
			// write failed because ctx ended.
			if err := a.graph.Delete(context.WithoutCancel(ctx), ids); err != nil {
				return fmt.Errorf("index documents: %w (and taking them out of the graph again: %w)", ierr, err)
			}
		}
		return fmt.Errorf("index documents: %w", ierr)
	}
	if gerr != nil {
		return fmt.Errorf("store facts: %w", gerr)
	}
	return nil
}

// pipeline returns an ingest pipeline that stores into a.
func (a *app) pipeline(manifest *ingest.Manifest, progress ingest.Progress) *ingest.Pipeline {
	return a.newPipeline(ingest.Options{Manifest: manifest, Progress: progress})
}

// newPipeline returns an ingest pipeline with opts, the extractors and a's
// limits, that stores into a.
func (a *app) newPipeline(opts ingest.Options) *ingest.Pipeline {
	x := extract.New(a.reg, a.th)
	opts.Extractor, opts.Meetings, opts.Limits = x, meeting.New(x), a.limits
	return ingest.New(a, opts)
}

// handler returns the HTTP API over a.
func (a *app) handler() http.Handler {
	return api.New(api.Config{
		Graph:     a.graph,
		Index:     a.index,
		Answer:    answer.New(api.Knowledge(a.graph), a.index, a.reg, a.th),
		Registry:  a.reg,
		Thesaurus: a.th,
		Logger:    a.log,
		Version:   version,

		AllowOrigins:   a.web.AllowOrigins,
		RequestTimeout: a.web.RequestTimeout,
		StreamTimeout:  a.web.StreamTimeout,
		Writer:         a.web.Writer,
		Tokens:         a.web.Tokens,
		ReadTokens:     a.web.ReadTokens,
		Context:        a.web.Context,
		Prepare:        a.web.Prepare,
		Watches:        a.web.Watches,
	})
}

// ingestDemo ingests the embedded demo corpus, its documents marked Demo,
// when the data folder holds no documents yet (neither in the graph nor in
// the index). It reports whether it did.
func (a *app) ingestDemo(ctx context.Context) (bool, error) {
	docs, err := a.graph.Documents(ctx)
	if err != nil {
		return false, err
	}
	if len(docs) > 0 {
		return false, nil
	}
	if n, err := a.index.Count(ctx); err != nil || n > 0 {
		return false, err
	}
	demo := corpus.Demo()
	f, err := demo.Open("sources.jsonl")
	if err != nil {
		return false, fmt.Errorf("open demo manifest: %w", err)
	}
	defer f.Close()
	m, lineErrs, err := ingest.ReadManifest(f)
	if err != nil {
		return false, fmt.Errorf("read demo manifest: %w", err)
	}
	if len(lineErrs) > 0 {
		return false, fmt.Errorf("demo manifest: %w", errors.Join(lineErrs...))
	}
	docsFS, err := fs.Sub(demo, "docs")
	if err != nil {
		return false, err
	}
	sum, err := a.newPipeline(ingest.Options{Manifest: m, Demo: true}).Run(ctx, []ingest.Input{{FS: docsFS, Root: ".", Name: "demo corpus"}})
	if err != nil {
		return false, fmt.Errorf("ingest demo corpus: %w", err)
	}
	if sum.Failed > 0 {
		return false, fmt.Errorf("ingest demo corpus: %w", errors.Join(failures(sum)...))
	}
	a.log.Info("demo corpus ingested", "documents", sum.Added+sum.Duplicate)
	return true, nil
}

func failures(s ingest.Summary) []error {
	out := make([]error, len(s.Failures))
	for i, f := range s.Failures {
		out[i] = f
	}
	return out
}

// demoIDs returns the documents of the demo corpus in a: those marked Demo
// in the graph, and those the demo corpus would have stored that the graph
// does not hold (an ingest stopped between index and graph), unless a real
// document has their id.
func (a *app) demoIDs(ctx context.Context) ([]corpus.DocID, error) {
	docs, err := a.graph.Documents(ctx)
	if err != nil {
		return nil, err
	}
	stored := map[corpus.DocID]bool{} // id → Demo
	var ids []corpus.DocID
	for _, d := range docs {
		stored[d.ID] = d.Demo
		if d.Demo {
			ids = append(ids, d.ID)
		}
	}
	err = fs.WalkDir(corpus.Demo(), "docs", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		id := corpus.NewDocID(strings.TrimPrefix(p, "docs/"))
		if _, ok := stored[id]; !ok {
			ids = append(ids, id)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list demo corpus: %w", err)
	}
	return ids, nil
}

// Delete removes documents (ingest.Deleter, for ingest --prune).
func (a *app) Delete(ctx context.Context, ids []corpus.DocID) error { return a.delete(ctx, ids) }

// delete removes documents from the index and then the graph: the graph is
// the catalogue, so a delete stopped between the two is done again in full.
func (a *app) delete(ctx context.Context, ids []corpus.DocID) error {
	return a.write(func() error { return a.deleteNow(ctx, ids) })
}

func (a *app) deleteNow(ctx context.Context, ids []corpus.DocID) error {
	if err := a.index.Delete(ctx, ids); err != nil {
		return fmt.Errorf("delete from index: %w", err)
	}
	if err := a.graph.Delete(ctx, ids); err != nil {
		return fmt.Errorf("delete from graph: %w", err)
	}
	return nil
}
