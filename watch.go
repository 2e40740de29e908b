package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/ingest"
)

// watcher keeps the folders of serve --watch ingested: it looks at them
// every interval (names, sizes and modification times only), ingests the
// folder when a file is new or changed, and deletes the documents of files
// that are gone. It writes through the serve's writer, so that its writes
// and uploads take turns.
type watcher struct {
	w        *writer
	dirs     []string
	interval time.Duration
	log      *slog.Logger
}

// stamp is what a scan sees of a file.
type stamp struct {
	size int64
	mod  time.Time
}

// run watches until ctx ends. Files deleted while serve was not running are
// not noticed (ingest --prune removes their documents).
func (wt *watcher) run(ctx context.Context) {
	seen := make([]map[string]stamp, len(wt.dirs))
	for {
		for i, dir := range wt.dirs {
			now, err := scan(dir)
			if err != nil {
				wt.log.Warn("watch: cannot read folder", "folder", dir, "error", err.Error())
				continue
			}
			if err := wt.update(ctx, dir, seen[i], now); err != nil {
				if ctx.Err() != nil {
					return
				}
				wt.log.Error("watch: update failed", "folder", dir, "error", err.Error())
				continue // seen stays as it was: the next turn tries again
			}
			seen[i] = now
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(wt.interval):
		}
	}
}

// scan returns the files below dir (relative, with slashes) with their
// stamps, hidden files and folders left out, as ingest leaves them out.
func scan(dir string) (map[string]stamp, error) {
	out := map[string]stamp{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil // gone since the listing
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return nil
		}
		out[filepath.ToSlash(rel)] = stamp{size: info.Size(), mod: info.ModTime()}
		return nil
	})
	return out, err
}

// update ingests dir when a file is new or changed since before (always on
// the first turn, when before is nil) and deletes the documents of the
// files that are gone.
func (wt *watcher) update(ctx context.Context, dir string, before, now map[string]stamp) error {
	var changed, gone []string
	for rel, st := range now {
		if old, ok := before[rel]; !ok || old != st {
			changed = append(changed, rel)
		}
	}
	for rel := range before {
		if _, ok := now[rel]; !ok {
			gone = append(gone, rel)
		}
	}
	if before == nil || len(changed) > 0 {
		sum, err := wt.w.ingestPaths(ctx, []string{dir})
		if err != nil {
			return err
		}
		if before != nil || sum.Added+sum.Updated+sum.Duplicate+sum.Failed > 0 {
			wt.log.Info("watch: folder ingested", "folder", dir, "changed_files", len(changed), "added", sum.Added, "updated", sum.Updated,
				"unchanged", sum.Unchanged, "duplicate", sum.Duplicate, "failed", sum.Failed, "skipped", sum.Skipped)
		}
		for _, f := range sum.Failures {
			wt.log.Warn("watch: file failed", "file", f.Path, "error", f.Err.Error())
		}
	}
	if len(gone) > 0 {
		slices.Sort(gone)
		n, err := wt.w.deleteFiles(ctx, dir, gone)
		if err != nil {
			return err
		}
		wt.log.Info("watch: documents of removed files deleted", "folder", dir, "files", len(gone), "documents", n)
	}
	return nil
}

// ingestPaths ingests local folders and files into the data folder, named
// from the folders ingested before, one write at a time with uploads.
func (w *writer) ingestPaths(ctx context.Context, paths []string) (ingest.Summary, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return ingest.Summary{}, errClosed
	}
	known, err := loadFolders(w.a.dir)
	if err != nil {
		return ingest.Summary{}, err
	}
	inputs, changed, err := known.inputs(paths)
	if err != nil {
		return ingest.Summary{}, err
	}
	if changed {
		if err := known.save(); err != nil {
			return ingest.Summary{}, err
		}
	}
	return w.a.newPipeline(ingest.Options{}).Run(ctx, inputs)
}

// deleteFiles deletes the documents of the files rels below dir (gone from
// it), named as ingestPaths names them, and returns how many there were.
func (w *writer) deleteFiles(ctx context.Context, dir string, rels []string) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return 0, errClosed
	}
	known, err := loadFolders(w.a.dir)
	if err != nil {
		return 0, err
	}
	real, err := filepath.EvalSymlinks(dir)
	if err == nil {
		real, err = filepath.Abs(real)
	}
	if err != nil {
		return 0, fmt.Errorf("watch %s: %w", dir, err)
	}
	ids := map[corpus.DocID]bool{}
	for _, rel := range rels {
		file := filepath.Join(real, filepath.FromSlash(rel))
		anchor := known.innermost(filepath.Dir(file))
		if anchor == "" {
			continue
		}
		name := slashRel(anchor, file)
		id := corpus.NewDocID(name)
		d, err := w.a.graph.Document(ctx, id)
		if errors.Is(err, corpus.ErrNotFound) {
			continue
		}
		if err != nil {
			return 0, err
		}
		if d.File == name {
			if _, err := os.Stat(file); errors.Is(err, os.ErrNotExist) { // not back in the meantime
				ids[id] = true
			}
		}
	}
	if len(ids) == 0 {
		return 0, nil
	}
	if err := w.a.delete(ctx, slices.Sorted(maps.Keys(ids))); err != nil {
		return 0, err
	}
	return len(ids), nil
}
