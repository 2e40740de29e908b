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
	"path"
	"path/filepath"
	"strings"
	"time"

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

// The size of one upload of ingest --server.
const (
	batchFiles = 100
	batchBytes = 32 << 20
)

// upFile is a local file to upload: where it is and its path below the
// folder named (its Document.File, as a local ingest would store it).
type upFile struct {
	disk, rel string
}

// ingest uploads the files below paths in batches, each with the manifest
// entries of its files; every batch is an ingest job on the server, which it
// follows until it ends, printing what became of each file as the job
// reports it, and a summary like a local ingest.
func (r *remote) ingest(ctx context.Context, e env, paths []string, m *ingest.Manifest, quiet bool) error {
	counts := map[string]int{}
	var failures []string
	var batch []upFile
	var size int64
	seen := map[string]string{} // rel → disk
	send := func() error {
		if len(batch) == 0 {
			return nil
		}
		b := batch
		batch, size = nil, 0
		return r.runJob(ctx, b, m, func(f upFile, res api.UploadResult) {
			counts[res.Outcome]++
			line := fmt.Sprintf("%s: %s", f.disk, res.Outcome)
			if res.Error != "" {
				line += ": " + res.Error
			}
			if res.Outcome == string(ingest.Failed) {
				failures = append(failures, line)
			} else if !quiet {
				fmt.Fprintln(e.stderr, line)
			}
		})
	}
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
			rel = filepath.ToSlash(rel)
			if other, ok := seen[rel]; ok {
				failures = append(failures, fmt.Sprintf("%s: %v %s", p, ingest.ErrSamePath, other))
				return nil
			}
			seen[rel] = p
			info, err := d.Info()
			if err != nil {
				failures = append(failures, fmt.Sprintf("%s: %v", p, err))
				return nil
			}
			if len(batch) > 0 && size+info.Size() > batchBytes {
				if err := send(); err != nil {
					return err
				}
			}
			batch = append(batch, upFile{disk: p, rel: rel})
			size += info.Size()
			if len(batch) >= batchFiles {
				return send()
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	if err := send(); err != nil {
		return err
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

// pollInterval is how often ingest --server asks for its job.
var pollInterval = 200 * time.Millisecond

// runJob uploads one batch as an ingest job and follows the job until it
// ends, calling done for each file as its outcome comes in. A file the
// server refuses as too large, or cannot read, is reported failed.
func (r *remote) runJob(ctx context.Context, batch []upFile, m *ingest.Manifest, done func(upFile, api.UploadResult)) error {
	byRel := make(map[string]upFile, len(batch))
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	var lines []string
	var sent []upFile
	for _, f := range batch {
		data, err := os.ReadFile(f.disk)
		if err != nil {
			done(f, api.UploadResult{File: f.rel, Outcome: string(ingest.Failed), Error: err.Error()})
			continue
		}
		fw, err := mw.CreateFormFile("file", path.Base(f.rel))
		if err != nil {
			return err
		}
		fw.Write(data)
		if err := mw.WriteField("path", f.rel); err != nil {
			return err
		}
		if entry, ok := m.Lookup(f.rel); ok {
			b, err := json.Marshal(map[string]string{"file": f.rel, "source": entry.Source, "title": entry.Title, "date": string(entry.Date), "kind": string(entry.Kind)})
			if err != nil {
				return err
			}
			lines = append(lines, string(b))
		}
		byRel[f.rel] = f
		sent = append(sent, f)
	}
	if len(sent) == 0 {
		return nil
	}
	if len(lines) > 0 {
		if err := mw.WriteField("manifest", strings.Join(lines, "\n")); err != nil {
			return err
		}
	}
	if err := mw.Close(); err != nil {
		return err
	}
	var job api.Job
	for attempt := 0; ; attempt++ {
		status, b, err := r.do(ctx, http.MethodPost, "/api/v1/documents", mw.FormDataContentType(), bytes.NewReader(body.Bytes()))
		if err != nil {
			return err
		}
		if status == http.StatusServiceUnavailable && attempt < 60 {
			// The server's queue is full: wait for it.
			if err := sleep(ctx, 5*time.Second); err != nil {
				return err
			}
			continue
		}
		if status == http.StatusRequestEntityTooLarge {
			for _, f := range sent {
				done(f, api.UploadResult{File: f.rel, Outcome: string(ingest.Failed), Error: apiError(status, b).Error()})
			}
			return nil
		}
		if status != http.StatusAccepted && status != http.StatusOK && status != http.StatusUnprocessableEntity || json.Unmarshal(b, &job) != nil || job.ID == "" {
			return fmt.Errorf("upload %d file(s): %w", len(sent), apiError(status, b))
		}
		break
	}
	reported := 0
	for {
		for _, res := range job.Documents[reported:] {
			f, ok := byRel[res.File]
			if !ok {
				f = upFile{disk: res.File, rel: res.File}
			}
			done(f, res)
		}
		reported = len(job.Documents)
		if job.Finished != nil {
			break
		}
		if err := sleep(ctx, pollInterval); err != nil {
			return err
		}
		status, b, err := r.do(ctx, http.MethodGet, "/api/v1/jobs/"+url.PathEscape(job.ID), "", nil)
		if err != nil {
			return err
		}
		job = api.Job{}
		if status != http.StatusOK || json.Unmarshal(b, &job) != nil {
			return fmt.Errorf("follow ingest job: %w", apiError(status, b))
		}
	}
	if job.State == api.JobFailed {
		return fmt.Errorf("ingest job %s failed after %d of %d file(s): %s", job.ID, job.Done, job.Total, job.Error)
	}
	return nil
}

// sleep waits d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
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
