package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/laendergraph/laendergraph/corpus"
)

// fakeWriter ingests uploads in order: a file whose name holds "kaputt"
// fails, the others are added. Before each file it waits for a value on
// gate, if set; err fails the whole ingest after the files.
type fakeWriter struct {
	gate chan struct{}
	err  error

	mu  sync.Mutex
	got [][]Upload
}

func (w *fakeWriter) Ingest(ctx context.Context, files []Upload, step func(UploadResult)) ([]UploadResult, error) {
	w.mu.Lock()
	w.got = append(w.got, files)
	w.mu.Unlock()
	var out []UploadResult
	for _, f := range files {
		if w.gate != nil {
			select {
			case <-w.gate:
			case <-ctx.Done():
				return nil, ctx.Err()
			}
		}
		r := UploadResult{File: f.Name, ID: corpus.NewDocID(f.Name), Outcome: "added"}
		if strings.Contains(f.Name, "kaputt") {
			r = UploadResult{File: f.Name, Outcome: "failed", Error: "empty file"}
		}
		step(r)
		out = append(out, r)
	}
	return out, w.err
}

func (w *fakeWriter) Delete(context.Context, []corpus.DocID) error { return nil }

const jobToken = "lg_job-token-0123456789"

// newJobServer returns the API over w with the job queue's bounds.
func newJobServer(tb testing.TB, w *fakeWriter, keep, queued int) (http.Handler, *bytes.Buffer) {
	tb.Helper()
	toks, err := ParseTokens(strings.NewReader(HashToken(jobToken)))
	if err != nil {
		tb.Fatal(err)
	}
	log := &bytes.Buffer{}
	ctx, cancel := context.WithCancel(context.Background())
	tb.Cleanup(cancel)
	h := New(Config{Graph: &fakeGraph{exts: testExtractions(tb)}, Index: &fakeIndex{}, Tokens: toks, Writer: w,
		Context: ctx, KeepJobs: keep, QueuedJobs: queued, Logger: slog.New(slog.NewJSONHandler(log, nil))})
	return h, log
}

// postFiles uploads files (name → text) with the extra form fields.
func postFiles(tb testing.TB, h http.Handler, query string, names []string, fields map[string][]string) *httptest.ResponseRecorder {
	tb.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for _, n := range names {
		fw, err := mw.CreateFormFile("file", n)
		if err != nil {
			tb.Fatal(err)
		}
		fmt.Fprintf(fw, "Text von %s", n)
	}
	for k, vs := range fields {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	mw.Close()
	req := httptest.NewRequest(http.MethodPost, "/api/v1/documents"+query, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+jobToken)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// getJob reads a job (or the list, for id "").
func getJob(tb testing.TB, h http.Handler, id string, v any) int {
	tb.Helper()
	p := "/api/v1/jobs"
	if id != "" {
		p += "/" + id
	}
	rec := request(h, http.MethodGet, p, map[string]string{"Authorization": "Bearer " + jobToken})
	if rec.Code == http.StatusOK {
		if err := json.Unmarshal(rec.Body.Bytes(), v); err != nil {
			tb.Fatalf("GET %s: %v", p, err)
		}
	}
	return rec.Code
}

// waitJob polls a job until pred holds for it.
func waitJob(tb testing.TB, h http.Handler, id string, pred func(Job) bool) Job {
	tb.Helper()
	for range 1000 {
		var j Job
		if code := getJob(tb, h, id, &j); code != http.StatusOK {
			tb.Fatalf("GET job %s: got %d, want 200", id, code)
		}
		if pred(j) {
			return j
		}
		time.Sleep(5 * time.Millisecond)
	}
	tb.Fatalf("job %s: the state waited for never came", id)
	return Job{}
}

// TestJobProgress follows an upload of three files, one of which fails,
// through its job: queued or running with the files done so far, then done
// with the outcome of each; the failed file does not stop the others.
func TestJobProgress(t *testing.T) {
	w := &fakeWriter{gate: make(chan struct{})}
	h, _ := newJobServer(t, w, 0, 0)
	rec := postFiles(t, h, "", []string{"a.txt", "kaputt.txt", "c.html"}, nil)
	if rec.Code != http.StatusAccepted {
		t.Fatalf("POST: got %d %s, want 202", rec.Code, rec.Body.String())
	}
	var j Job
	if err := json.Unmarshal(rec.Body.Bytes(), &j); err != nil || j.ID == "" || j.Total != 3 {
		t.Fatalf("POST: got %s, want a job of 3 files", rec.Body.String())
	}
	if loc := rec.Header().Get("Location"); loc != "/api/v1/jobs/"+j.ID {
		t.Errorf("Location: got %q, want the job's address", loc)
	}
	w.gate <- struct{}{} // one file through
	got := waitJob(t, h, j.ID, func(j Job) bool { return j.Done == 1 })
	if got.State != JobRunning || got.Total != 3 || got.Documents[0].File != "a.txt" || got.Finished != nil {
		t.Errorf("after one file: got %+v, want running, 1 of 3 done, a.txt", got)
	}
	w.gate <- struct{}{}
	w.gate <- struct{}{}
	got = waitJob(t, h, j.ID, func(j Job) bool { return j.Finished != nil })
	if got.State != JobDone || got.Done != 3 || got.Counts["added"] != 2 || got.Counts["failed"] != 1 {
		t.Errorf("at the end: got %+v, want done, 3 of 3, 2 added and 1 failed", got)
	}
	for _, d := range got.Documents {
		if want := strings.Contains(d.File, "kaputt"); (d.Error != "") != want || (d.Outcome == "failed") != want {
			t.Errorf("file %s: got %q %q, want an error only for the broken file", d.File, d.Outcome, d.Error)
		}
	}
	var list struct{ Jobs []Job }
	if code := getJob(t, h, "", &list); code != 200 || len(list.Jobs) != 1 || list.Jobs[0].ID != j.ID {
		t.Errorf("GET /jobs: got %d %+v, want the one job", code, list)
	}
	if code := getJob(t, h, "jgibtesnicht", &j); code != http.StatusNotFound {
		t.Errorf("unknown job: got %d, want 404", code)
	}
	if rec := request(h, http.MethodGet, "/api/v1/jobs", nil); rec.Code != http.StatusUnauthorized {
		t.Errorf("jobs without a token: got %d, want 401", rec.Code)
	}
}

// TestJobWait: with wait=true the upload answers when its job has ended:
// 200, 422 when no file was stored, 500 when the ingest failed as a whole.
func TestJobWait(t *testing.T) {
	tests := []struct {
		name   string
		files  []string
		err    error
		status int
		state  string
	}{
		{"stored", []string{"a.txt", "kaputt.txt"}, nil, http.StatusOK, JobDone},
		{"none stored", []string{"kaputt.txt"}, nil, http.StatusUnprocessableEntity, JobDone},
		{"store failed", []string{"a.txt"}, errors.New("disk full"), http.StatusInternalServerError, JobFailed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, log := newJobServer(t, &fakeWriter{err: tt.err}, 0, 0)
			rec := postFiles(t, h, "?wait=true", tt.files, nil)
			var j Job
			json.Unmarshal(rec.Body.Bytes(), &j)
			if rec.Code != tt.status || j.State != tt.state || j.Done != len(tt.files) {
				t.Errorf("got %d %s, want %d and state %s with every file done", rec.Code, rec.Body.String(), tt.status, tt.state)
			}
			if tt.err != nil && (j.Error != "internal error" || !strings.Contains(log.String(), "disk full")) {
				t.Errorf("failed job: got error %q and log %s, want \"internal error\" and the detail in the log", j.Error, log.String())
			}
		})
	}
}

// TestJobsBounded: only the last KeepJobs ended jobs are kept, and an upload
// finds the queue full with 503 and Retry-After.
func TestJobsBounded(t *testing.T) {
	h, _ := newJobServer(t, &fakeWriter{}, 2, 0)
	var ids []string
	for i := range 4 {
		rec := postFiles(t, h, "?wait=true", []string{fmt.Sprintf("f%d.txt", i)}, nil)
		var j Job
		json.Unmarshal(rec.Body.Bytes(), &j)
		ids = append(ids, j.ID)
	}
	var list struct{ Jobs []Job }
	getJob(t, h, "", &list)
	if len(list.Jobs) != 2 || list.Jobs[0].ID != ids[3] || list.Jobs[1].ID != ids[2] {
		t.Errorf("jobs kept: got %+v, want the last two, newest first", list.Jobs)
	}
	var j Job
	if code := getJob(t, h, ids[0], &j); code != http.StatusNotFound {
		t.Errorf("oldest job: got %d, want 404", code)
	}

	w := &fakeWriter{gate: make(chan struct{})}
	h, _ = newJobServer(t, w, 0, 1)
	first := postFiles(t, h, "", []string{"a.txt"}, nil)
	var fj Job
	json.Unmarshal(first.Body.Bytes(), &fj)
	waitJob(t, h, fj.ID, func(j Job) bool { return j.State == JobRunning }) // out of the queue
	if rec := postFiles(t, h, "", []string{"b.txt"}, nil); rec.Code != http.StatusAccepted {
		t.Errorf("second upload: got %d, want 202 (queued)", rec.Code)
	}
	rec := postFiles(t, h, "", []string{"c.txt"}, nil)
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" {
		t.Errorf("third upload: got %d %q, want 503 with Retry-After", rec.Code, rec.Header().Get("Retry-After"))
	}
	w.gate <- struct{}{}
	w.gate <- struct{}{}
}

// TestUploadFields: paths and manifest lines reach the writer per file;
// paths out of the folder, manifest lines for files not sent and bad dates
// are refused before any job starts.
func TestUploadFields(t *testing.T) {
	w := &fakeWriter{}
	h, _ := newJobServer(t, w, 0, 0)
	rec := postFiles(t, h, "?wait=true", []string{"a.txt", "b.txt"}, map[string][]string{
		"path":     {"docs/a.txt", "b.txt"},
		"kind":     {"news"},
		"manifest": {`{"file": "docs/a.txt", "title": "Titel A", "date": "2024-05"}` + "\n" + `{"file": "b.txt", "kind": "strategy"}`},
	})
	if rec.Code != http.StatusOK || len(w.got) != 1 {
		t.Fatalf("upload: got %d %s, want 200", rec.Code, rec.Body.String())
	}
	want := []Upload{{Name: "docs/a.txt", Title: "Titel A", Date: "2024-05", Kind: "news"}, {Name: "b.txt", Kind: "strategy"}}
	for i, u := range w.got[0] {
		u.Data = nil
		if fmt.Sprint(u) != fmt.Sprint(want[i]) {
			t.Errorf("file %d: got %+v, want %+v", i, u, want[i])
		}
	}
	bad := []struct {
		name   string
		fields map[string][]string
	}{
		{"climbs out", map[string][]string{"path": {"../a.txt", "b.txt"}}},
		{"absolute", map[string][]string{"path": {"/etc/a.txt", "b.txt"}}},
		{"hidden", map[string][]string{"path": {".git/a.txt", "b.txt"}}},
		{"one path for two files", map[string][]string{"path": {"a.txt"}}},
		{"same path twice", map[string][]string{"path": {"x.txt", "x.txt"}}},
		{"manifest for another file", map[string][]string{"manifest": {`{"file": "c.txt", "title": "C"}`}}},
		{"bad date", map[string][]string{"date": {"gestern"}}},
		{"bad kind", map[string][]string{"kind": {"tweet"}}},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			if rec := postFiles(t, h, "?wait=true", []string{"a.txt", "b.txt"}, tt.fields); rec.Code != http.StatusBadRequest {
				t.Errorf("got %d %s, want 400", rec.Code, rec.Body.String())
			}
		})
	}
	if len(w.got) != 1 {
		t.Errorf("refused uploads reached the writer: %d ingests, want 1", len(w.got))
	}
}
