package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/laendergraph/laendergraph/api"
	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/ingest"
)

// writer is the api.Writer of a running serve: uploads are kept in the
// data folder's uploads/ (the originals, for a later re-ingest) and ingested
// from there; one write at a time, so duplicate detection sees every
// document before it.
type writer struct {
	a  *app
	mu sync.Mutex
}

func (w *writer) uploads() string { return filepath.Join(w.a.dir, "uploads") }

// Ingest stores the files in uploads/ and ingests them.
func (w *writer) Ingest(ctx context.Context, ups []api.Upload) ([]api.UploadResult, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	dir := w.uploads()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create uploads folder: %w", err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("open uploads folder: %w", err)
	}
	defer root.Close()
	var lines []string
	inputs := make([]ingest.Input, 0, len(ups))
	for _, u := range ups {
		// Written aside and renamed, so a failed write never leaves half a file.
		tmp := "." + u.Name + ".part"
		if err := root.WriteFile(tmp, u.Data, 0o644); err != nil {
			return nil, fmt.Errorf("save %s: %w", u.Name, err)
		}
		if err := root.Rename(tmp, u.Name); err != nil {
			return nil, fmt.Errorf("save %s: %w", u.Name, err)
		}
		inputs = append(inputs, ingest.Input{FS: root.FS(), Root: u.Name, Name: u.Name})
		if u.Source+u.Title+u.Date+u.Kind != "" {
			b, err := json.Marshal(map[string]string{"file": u.Name, "source": u.Source, "title": u.Title, "date": u.Date, "kind": u.Kind})
			if err != nil {
				return nil, err
			}
			lines = append(lines, string(b))
		}
	}
	var m *ingest.Manifest
	if len(lines) > 0 {
		var bad []error
		m, bad, err = ingest.ReadManifest(strings.NewReader(strings.Join(lines, "\n")))
		if err != nil {
			return nil, err
		}
		if len(bad) > 0 {
			return nil, fmt.Errorf("upload fields: %w: %w", errors.Join(bad...), corpus.ErrInvalid)
		}
	}
	rec := &outcomes{byFile: map[string]api.UploadResult{}}
	if _, err := w.a.newPipeline(ingest.Options{Manifest: m, Progress: rec}).Run(ctx, inputs); err != nil {
		return nil, err
	}
	out := make([]api.UploadResult, 0, len(ups))
	for _, u := range ups {
		r, ok := rec.byFile[u.Name]
		if !ok {
			r = api.UploadResult{File: u.Name, Outcome: string(ingest.Failed), Error: "not ingested"}
		}
		out = append(out, r)
	}
	w.a.log.Info("upload ingested", "files", len(ups))
	return out, nil
}

// Delete removes documents from index and graph, and their uploaded files.
func (w *writer) Delete(ctx context.Context, ids []corpus.DocID) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	var files []string
	for _, id := range ids {
		d, err := w.a.graph.Document(ctx, id)
		if err != nil {
			return err
		}
		files = append(files, d.File)
	}
	if err := w.a.delete(ctx, ids); err != nil {
		return err
	}
	for i, f := range files {
		// Only the upload that made this document: same name, same id.
		if !strings.Contains(f, "/") && corpus.NewDocID(f) == ids[i] {
			if err := os.Remove(filepath.Join(w.uploads(), f)); err != nil && !errors.Is(err, os.ErrNotExist) {
				w.a.log.Warn("remove uploaded file", "file", f, "error", err.Error())
			}
		}
	}
	w.a.log.Info("documents deleted", "ids", len(ids))
	return nil
}

// outcomes is an ingest.Progress that records what became of each file.
type outcomes struct {
	mu     sync.Mutex
	byFile map[string]api.UploadResult
}

func (o *outcomes) Start(int) {}
func (o *outcomes) Done()     {}
func (o *outcomes) Step(file string, out ingest.Outcome, err error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	r := api.UploadResult{File: file, Outcome: string(out)}
	if err != nil {
		var fe ingest.FileError
		if errors.As(err, &fe) {
			err = fe.Err
		}
		r.Error = err.Error()
	} else {
		r.ID = corpus.NewDocID(file)
	}
	o.byFile[file] = r
}
