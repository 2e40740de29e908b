package ingest

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// InputsFromPaths returns an Input for each path of the local file system, a
// folder or a file. It fails for a path that does not exist. Symbolic links
// below a folder are followed only where they stay inside it; a file named
// itself is read wherever it leads.
func InputsFromPaths(paths []string) ([]Input, error) {
	inputs := make([]Input, 0, len(paths))
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("input %s: %w", p, err)
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, fmt.Errorf("input %s: %w", p, err)
		}
		if info.IsDir() {
			// Through an os.Root, no symbolic link leads out of the folder.
			root, err := os.OpenRoot(abs)
			if err != nil {
				return nil, fmt.Errorf("input %s: %w", p, err)
			}
			inputs = append(inputs, Input{FS: root.FS(), Root: ".", Name: p})
		} else {
			inputs = append(inputs, Input{FS: os.DirFS(filepath.Dir(abs)), Root: filepath.Base(abs), Name: p})
		}
	}
	return inputs, nil
}

// formats maps a lower-case file extension to Document.Format.
var formats = map[string]string{
	".txt":  "txt",
	".md":   "md",
	".html": "html",
	".htm":  "html",
	".pdf":  "pdf",
}

// file is one file found below an input.
type file struct {
	fsys    fs.FS
	path    string // in fsys
	rel     string // Document.File
	display string // for messages
	format  string // "" when skipped
	// reject, if set, is why the file is skipped (unsupported type) or fails
	// (unreadable folder, same path as another input's file).
	reject  error
	outcome Outcome // Skipped or Failed when reject is set
}

// walk lists the files below inputs, sorted by their relative path (files of
// the same path keep the order of inputs). Hidden files and folders and
// manifests (*.jsonl) are left out.
func walk(ctx context.Context, inputs []Input) ([]file, error) {
	var files []file
	for _, in := range inputs {
		root := path.Clean(filepath.ToSlash(in.Root))
		info, err := fs.Stat(in.FS, root)
		if err != nil {
			return nil, fmt.Errorf("input %s: %w", in.Name, err)
		}
		if !info.IsDir() {
			files = append(files, newFile(in, root, path.Join(in.Prefix, path.Base(root)), in.Name))
			continue
		}
		skip := make(map[string]bool, len(in.Skip))
		for _, s := range in.Skip {
			skip[path.Clean(filepath.ToSlash(s))] = true
		}
		err = fs.WalkDir(in.FS, root, func(p string, d fs.DirEntry, err error) error {
			if ctxErr := ctx.Err(); ctxErr != nil {
				return ctxErr
			}
			if p != root && (strings.HasPrefix(d.Name(), ".") || skip[p]) {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			rel := p
			if root != "." {
				rel = strings.TrimPrefix(p, root+"/")
			}
			display := filepath.Join(in.Name, filepath.FromSlash(rel))
			rel = path.Join(in.Prefix, rel)
			if err != nil {
				if p == root {
					return err
				}
				files = append(files, file{rel: rel, display: display, reject: err, outcome: Failed})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() || strings.EqualFold(path.Ext(p), ".jsonl") {
				return nil
			}
			f := newFile(in, p, rel, display)
			if d.Type()&fs.ModeSymlink != 0 && f.reject == nil && !linkInside(in.FS, root, p) {
				f.reject, f.outcome = ErrOutside, Failed
			}
			files = append(files, f)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("input %s: %w", in.Name, err)
		}
	}
	sort.SliceStable(files, func(i, j int) bool { return files[i].rel < files[j].rel })
	for i := 1; i < len(files); i++ {
		if files[i].rel == files[i-1].rel && files[i].reject == nil {
			files[i].reject, files[i].outcome = fmt.Errorf("%w %s", ErrSamePath, files[i-1].display), Failed
		}
	}
	return files, nil
}

// newFile returns the file at p in in.FS, skipped when its type is not
// supported.
func newFile(in Input, p, rel, display string) file {
	f := file{fsys: in.FS, path: p, rel: rel, display: display}
	ext := strings.ToLower(path.Ext(p))
	if f.format = formats[ext]; f.format == "" {
		if ext == "" {
			ext = "(none)"
		}
		f.reject, f.outcome = fmt.Errorf("%w %s", ErrUnsupported, ext), Skipped
	}
	return f
}

// linkInside reports whether the symbolic link at p in fsys points to a path
// below root, by its text: a relative target that does not climb above root.
// An absolute target counts as outside. A chain of links is checked again
// when the file is opened (an os.Root refuses to leave its folder); this check
// names the reason and keeps links out of file systems that would follow them.
func linkInside(fsys fs.FS, root, p string) bool {
	target, err := fs.ReadLink(fsys, p)
	if err != nil {
		return false
	}
	target = filepath.ToSlash(target)
	if path.IsAbs(target) || filepath.IsAbs(target) {
		return false
	}
	t := path.Join(path.Dir(p), target)
	if root == "." {
		return t != ".." && !strings.HasPrefix(t, "../")
	}
	return t == root || strings.HasPrefix(t, root+"/")
}
