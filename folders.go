package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/laendergraph/laendergraph/ingest"
)

// foldersFile, in the data folder, lists the folders ingested into it.
const foldersFile = "ingested-folders"

// folders are the folders ingested into a data folder, by absolute path with
// symbolic links resolved. A document is named (Document.File, and so its
// DocID) by its file's path below the innermost of them that holds it, so
// that ingesting the parent of an ingested folder, or a folder inside one,
// finds the documents stored already instead of adding them again. A folder
// is recorded when it is ingested and no recorded folder holds it; a folder
// that was moved or renamed is a new folder.
type folders struct {
	file string
	dirs []string
}

// loadFolders reads the folders recorded in the data folder dir.
func loadFolders(dir string) (*folders, error) {
	f := &folders{file: filepath.Join(dir, foldersFile)}
	fh, err := os.Open(f.file)
	if errors.Is(err, os.ErrNotExist) {
		return f, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read ingested folders: %w", err)
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		if d := strings.TrimSpace(sc.Text()); d != "" && !strings.HasPrefix(d, "#") {
			f.dirs = append(f.dirs, filepath.Clean(d))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read ingested folders: %w", err)
	}
	return f, nil
}

// save writes the list aside and renames it into place.
func (f *folders) save() error {
	var b strings.Builder
	b.WriteString("# folders ingested into this data folder; documents are named by their path below the innermost that holds them\n")
	for _, d := range f.dirs {
		b.WriteString(d + "\n")
	}
	tmp := f.file + ".part"
	if err := os.WriteFile(tmp, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("save ingested folders: %w", err)
	}
	if err := os.Rename(tmp, f.file); err != nil {
		return fmt.Errorf("save ingested folders: %w", err)
	}
	return nil
}

// within reports whether dir is parent or below it.
func within(dir, parent string) bool {
	rel, err := filepath.Rel(parent, dir)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// innermost returns the innermost recorded folder that holds dir, or "".
func (f *folders) innermost(dir string) string {
	best := ""
	for _, d := range f.dirs {
		if within(dir, d) && len(d) > len(best) {
			best = d
		}
	}
	return best
}

// inputs returns the ingest inputs of paths (files and folders of the local
// file system), each naming its files from the innermost recorded folder
// that holds them, and records the folders no recorded folder holds. A path
// inside another of paths is left out (its files are found through that
// one). It fails for a path that does not exist. Symbolic links below a
// folder are followed only where they stay inside it; a file named itself is
// read wherever it leads.
func (f *folders) inputs(paths []string) ([]ingest.Input, bool, error) {
	real := make([]string, len(paths))
	dir := make([]bool, len(paths))
	for i, p := range paths {
		abs, err := filepath.Abs(p)
		if err == nil {
			abs, err = filepath.EvalSymlinks(abs)
		}
		if err != nil {
			return nil, false, fmt.Errorf("input %s: %w", p, err)
		}
		info, err := os.Stat(abs)
		if err != nil {
			return nil, false, fmt.Errorf("input %s: %w", p, err)
		}
		real[i], dir[i] = abs, info.IsDir()
	}
	changed := false
	var out []ingest.Input
	for i, p := range paths {
		covered := false
		for j := range paths {
			if j != i && dir[j] && within(real[i], real[j]) && (real[i] != real[j] || j < i) {
				covered = true
			}
		}
		if covered {
			continue
		}
		if !dir[i] {
			in := ingest.Input{FS: os.DirFS(filepath.Dir(real[i])), Root: filepath.Base(real[i]), Name: p}
			if a := f.innermost(filepath.Dir(real[i])); a != "" {
				in.Prefix = slashRel(a, filepath.Dir(real[i]))
			}
			out = append(out, in)
			continue
		}
		anchor := f.innermost(real[i])
		if anchor == "" {
			f.dirs = append(f.dirs, real[i])
			anchor, changed = real[i], true
		}
		// Recorded folders inside this one name their own files: each is an
		// input of its own, left out of the folders around it. They come
		// first, so that a file of the outer folder whose name one of theirs
		// has already fails instead of taking its place.
		var inner []string
		for _, d := range f.dirs {
			if d != real[i] && within(d, real[i]) {
				inner = append(inner, d)
			}
		}
		var group []ingest.Input
		for _, top := range append(inner, real[i]) {
			root, err := os.OpenRoot(top)
			if errors.Is(err, os.ErrNotExist) && top != real[i] {
				continue // a recorded folder since removed
			}
			if err != nil {
				return nil, false, fmt.Errorf("input %s: %w", p, err)
			}
			in := ingest.Input{FS: root.FS(), Root: ".", Name: filepath.Join(p, mustRel(real[i], top))}
			if top == real[i] {
				in.Prefix = slashRel(anchor, top)
			}
			for _, d := range inner {
				// Only the folders directly inside top: deeper ones are
				// left out by the folder they are in.
				if d == top || !within(d, top) || f.between(top, d, inner) {
					continue
				}
				in.Skip = append(in.Skip, slashRel(top, d))
			}
			group = append(group, in)
		}
		out = append(out, group...)
	}
	return out, changed, nil
}

// between reports whether one of dirs lies strictly between outer and d.
func (f *folders) between(outer, d string, dirs []string) bool {
	for _, m := range dirs {
		if m != outer && m != d && within(m, outer) && within(d, m) {
			return true
		}
	}
	return false
}

// slashRel returns the path of target below base with slashes, "" for base.
func slashRel(base, target string) string {
	rel := mustRel(base, target)
	if rel == "." {
		return ""
	}
	return filepath.ToSlash(rel)
}

func mustRel(base, target string) string {
	rel, err := filepath.Rel(base, target)
	if err != nil {
		return target
	}
	return rel
}
