package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/laendergraph/laendergraph/api"
	"github.com/laendergraph/laendergraph/ingest"
)

// remote is a running laendergraph serve that the CLI writes through: the
// server owns its data folder, so ingest and delete go over its API.
type remote struct {
	base, token string
}

// remoteFlags are the flags of the commands that can write through a server.
type remoteFlags struct {
	server, token string
}

func (r *remoteFlags) register(fs interface {
	StringVar(*string, string, string, string)
}) {
	fs.StringVar(&r.server, "server", "", "write through a running laendergraph at this base URL (e.g. http://127.0.0.1:8080) instead of the data folder")
	fs.StringVar(&r.token, "token", "", "bearer token for --server ($LAENDERGRAPH_TOKEN)")
}

// remote returns the server the flags name, or nil.
func (r *remoteFlags) remote(e env) *remote {
	if r.server == "" {
		return nil
	}
	t := r.token
	if t == "" {
		t = e.getenv("LAENDERGRAPH_TOKEN")
	}
	return &remote{base: strings.TrimRight(r.server, "/"), token: t}
}

// do sends a request with the token and returns the status and body.
func (r *remote) do(ctx context.Context, method, path, contentType string, body io.Reader) (int, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, method, r.base+path, body)
	if err != nil {
		return 0, nil, usageError{fmt.Sprintf("--server: %v", err)}
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if r.token != "" {
		req.Header.Set("Authorization", "Bearer "+r.token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, nil, fmt.Errorf("%s %s: %w", method, r.base, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, b, err
}

// ingest uploads the files below paths one by one, each with its manifest
// entry, and prints what became of them like a local ingest.
func (r *remote) ingest(ctx context.Context, e env, paths []string, m *ingest.Manifest, quiet bool) error {
	counts := map[string]int{}
	var failures []string
	for _, root := range paths {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				failures = append(failures, fmt.Sprintf("%s: %v", p, err))
				return nil
			}
			if p != root && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if !d.Type().IsRegular() || strings.EqualFold(filepath.Ext(p), ".jsonl") {
				return nil
			}
			rel, err := filepath.Rel(root, p)
			if err != nil || rel == "." {
				rel = filepath.Base(p)
			}
			res, err := r.upload(ctx, p, m, filepath.ToSlash(rel))
			if err != nil {
				return err
			}
			counts[res.Outcome]++
			line := fmt.Sprintf("%s: %s", p, res.Outcome)
			if res.Error != "" {
				line += ": " + res.Error
			}
			if res.Outcome == string(ingest.Failed) {
				failures = append(failures, line)
			} else if !quiet {
				fmt.Fprintln(e.stderr, line)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	fmt.Fprintf(e.stdout, "ingested into %s: %d added, %d updated, %d unchanged, %d duplicate, %d failed, %d skipped\n",
		r.base, counts["added"], counts["updated"], counts["unchanged"], counts["duplicate"], len(failures), counts["skipped"])
	if len(failures) > 0 {
		fmt.Fprintf(e.stderr, "%d file(s) failed:\n", len(failures))
		for _, f := range failures {
			fmt.Fprintf(e.stderr, "  %s\n", f)
		}
		return errSomeFailed
	}
	return nil
}

// upload posts one file with the manifest entry for rel.
func (r *remote) upload(ctx context.Context, file string, m *ingest.Manifest, rel string) (api.UploadResult, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return api.UploadResult{File: file, Outcome: string(ingest.Failed), Error: err.Error()}, nil
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, err := mw.CreateFormFile("file", filepath.Base(file))
	if err != nil {
		return api.UploadResult{}, err
	}
	fw.Write(data)
	if entry, ok := m.Lookup(rel); ok {
		for k, v := range map[string]string{"source": entry.Source, "title": entry.Title, "date": string(entry.Date), "kind": string(entry.Kind)} {
			if v != "" {
				mw.WriteField(k, v)
			}
		}
	}
	if err := mw.Close(); err != nil {
		return api.UploadResult{}, err
	}
	status, b, err := r.do(ctx, http.MethodPost, "/api/v1/documents", mw.FormDataContentType(), &body)
	if err != nil {
		return api.UploadResult{}, err
	}
	var out struct {
		Documents []api.UploadResult `json:"documents"`
	}
	if status != http.StatusOK && status != http.StatusUnprocessableEntity || json.Unmarshal(b, &out) != nil || len(out.Documents) != 1 {
		return api.UploadResult{}, fmt.Errorf("upload %s: %w", file, apiError(status, b))
	}
	return out.Documents[0], nil
}

// delete removes documents by id, and with demo every document the server
// marks "demo": true.
func (r *remote) delete(ctx context.Context, e env, ids []string, demo bool) error {
	if demo {
		for offset := 0; ; offset += 1000 {
			status, b, err := r.do(ctx, http.MethodGet, "/api/v1/documents?"+url.Values{"limit": {"1000"}, "offset": {fmt.Sprint(offset)}}.Encode(), "", nil)
			if err != nil {
				return err
			}
			var page struct {
				Documents []struct {
					ID   string `json:"id"`
					Demo bool   `json:"demo"`
				} `json:"documents"`
			}
			if status != http.StatusOK || json.Unmarshal(b, &page) != nil {
				return apiError(status, b)
			}
			for _, d := range page.Documents {
				if d.Demo {
					ids = append(ids, d.ID)
				}
			}
			if len(page.Documents) < 1000 {
				break
			}
		}
	}
	failed := false
	n := 0
	for _, id := range ids {
		status, b, err := r.do(ctx, http.MethodDelete, "/api/v1/documents/"+url.PathEscape(id), "", nil)
		if err != nil {
			return err
		}
		if status != http.StatusOK {
			fmt.Fprintf(e.stderr, "delete %s: %v\n", id, apiError(status, b))
			failed = true
			continue
		}
		n++
	}
	fmt.Fprintf(e.stdout, "deleted %d document(s) from %s\n", n, r.base)
	if failed {
		return errSomeFailed
	}
	return nil
}
