package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/laendergraph/laendergraph/api"
	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/ingest"
)

// writer is the api.Writer of a running serve: uploads are kept in the
// data folder's uploads/ (the originals, for a later re-ingest) under the
// path they were sent with, and ingested from there, so an uploaded file's
// Document.File is that path; one write at a time, so duplicate detection
// sees every document before it.
type writer struct {
	a      *app
	mu     sync.Mutex
	closed bool
}

func (w *writer) uploads() string { return filepath.Join(w.a.dir, "uploads") }

// errClosed refuses writes once serve is stopping.
var errClosed = errors.New("the server is shutting down")

// close waits for the write in progress and refuses any later one, so that
// the stores can be closed.
func (w *writer) close() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.closed = true
}

// Ingest stores the files in uploads/ and ingests them.
func (w *writer) Ingest(ctx context.Context, ups []api.Upload, step func(api.UploadResult)) ([]api.UploadResult, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return nil, errClosed
	}
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
	names := make([]string, 0, len(ups))
	for _, u := range ups {
		if d := path.Dir(u.Name); d != "." {
			if err := root.MkdirAll(d, 0o755); err != nil {
				return nil, fmt.Errorf("save %s: %w", u.Name, err)
			}
		}
		// Written aside and renamed, so a failed write never leaves half a file.
		tmp := path.Join(path.Dir(u.Name), "."+path.Base(u.Name)+".part")
		if err := root.WriteFile(tmp, u.Data, 0o644); err != nil {
			return nil, fmt.Errorf("save %s: %w", u.Name, err)
		}
		if err := root.Rename(tmp, u.Name); err != nil {
			return nil, fmt.Errorf("save %s: %w", u.Name, err)
		}
		names = append(names, u.Name)
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
		// Kept beside the files, for an ingest of uploads/ after a crash.
		f, err := root.OpenFile(uploadsManifest, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			return nil, fmt.Errorf("save upload fields: %w", err)
		}
		_, err = io.WriteString(f, strings.Join(lines, "\n")+"\n")
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, fmt.Errorf("save upload fields: %w", err)
		}
	}
	// Marked until the ingest ends well, so that serve ingests uploads/
	// again when it starts after a crash.
	// (A mark left by an earlier upload that failed stays for that one.)
	_, err = root.Stat(uploadsPending)
	earlier := err == nil
	if err := root.WriteFile(uploadsPending, nil, 0o644); err != nil {
		return nil, fmt.Errorf("mark upload: %w", err)
	}
	rec := &outcomes{byFile: map[string]api.UploadResult{}, step: step}
	// One input over the uploaded files alone, so that each keeps its path.
	in := ingest.Input{FS: newSelected(root.FS(), names), Root: ".", Name: ""}
	if _, err := w.a.newPipeline(ingest.Options{Manifest: m, Progress: rec}).Run(ctx, []ingest.Input{in}); err != nil {
		return nil, err
	}
	if !earlier {
		if err := root.Remove(uploadsPending); err != nil {
			return nil, fmt.Errorf("mark upload: %w", err)
		}
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

// uploadsManifest, in uploads/, holds the fields sent with uploaded files
// (JSON Lines as a manifest; of two lines for one file the later counts).
// Hidden and a manifest, so an ingest of the folder does not read it as a
// document.
const uploadsManifest = ".fields.jsonl"

// uploadsPending, in uploads/, marks an upload whose ingest has not ended
// well (the server stopped or crashed during it).
const uploadsPending = ".pending"

// resumeUploads ingests uploads/ with the fields sent with its files when an
// upload's ingest did not end: the files whose ingest was cut off (or whose
// documents the repair removed) are stored; the others are unchanged and
// cost a hash each. It reports whether there was anything to resume.
func (w *writer) resumeUploads(ctx context.Context) (ingest.Summary, bool, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return ingest.Summary{}, false, errClosed
	}
	root, err := os.OpenRoot(w.uploads())
	if errors.Is(err, os.ErrNotExist) {
		return ingest.Summary{}, false, nil
	}
	if err != nil {
		return ingest.Summary{}, false, fmt.Errorf("open uploads folder: %w", err)
	}
	defer root.Close()
	if _, err := root.Stat(uploadsPending); errors.Is(err, os.ErrNotExist) {
		return ingest.Summary{}, false, nil
	}
	var m *ingest.Manifest
	if f, err := root.Open(uploadsManifest); err == nil {
		m, _, err = ingest.ReadManifest(f) // bad or repeated lines were refused or superseded on upload
		f.Close()
		if err != nil {
			return ingest.Summary{}, true, fmt.Errorf("read upload fields: %w", err)
		}
	}
	sum, err := w.a.newPipeline(ingest.Options{Manifest: m}).Run(ctx, []ingest.Input{{FS: root.FS(), Root: ".", Name: "uploads"}})
	if err != nil {
		return sum, true, err
	}
	return sum, true, root.Remove(uploadsPending)
}

// selected is a folder that shows only some of its files (and the folders
// that lead to them): the files of one upload in uploads/.
type selected struct {
	fsys fs.FS
	show map[string]bool
}

func newSelected(fsys fs.FS, files []string) selected {
	show := map[string]bool{}
	for _, f := range files {
		for p := f; p != "." && !show[p]; p = path.Dir(p) {
			show[p] = true
		}
	}
	return selected{fsys: fsys, show: show}
}

func (s selected) Open(name string) (fs.File, error) {
	if name != "." && !s.show[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return s.fsys.Open(name)
}

func (s selected) ReadDir(name string) ([]fs.DirEntry, error) {
	if name != "." && !s.show[name] {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	es, err := fs.ReadDir(s.fsys, name)
	out := es[:0]
	for _, e := range es {
		if s.show[path.Join(name, e.Name())] {
			out = append(out, e)
		}
	}
	return out, err
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
	root, err := os.OpenRoot(w.uploads())
	if err != nil {
		root = nil // no uploads folder: nothing was uploaded
	} else {
		defer root.Close()
	}
	for i, f := range files {
		// Only the upload that made this document: same path, same id.
		if root != nil && corpus.NewDocID(f) == ids[i] {
			if err := root.Remove(f); err != nil && !errors.Is(err, os.ErrNotExist) {
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
	step   func(api.UploadResult) // hears about each file, if set
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
	if o.step != nil {
		o.step(r)
	}
}
