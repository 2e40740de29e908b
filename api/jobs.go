package api

import (
	"context"
	"crypto/rand"
	"errors"
	"sync"
	"time"

	"github.com/laendergraph/laendergraph/corpus"
)

// The states of an ingest job.
const (
	JobQueued  = "queued"  // waiting for the job before it
	JobRunning = "running" // being ingested
	JobDone    = "done"    // every file has its outcome (some may have failed)
	JobFailed  = "failed"  // the ingest as a whole stopped; Error says why
)

// Job is an upload being ingested: the files it holds, how many have their
// outcome, and what became of each. A file that fails does not stop the
// others; a job fails as a whole only when the ingest cannot go on (the
// server stops, a store fails).
type Job struct {
	ID       string     `json:"id"`
	State    string     `json:"state"`
	Created  time.Time  `json:"created"`
	Started  *time.Time `json:"started,omitempty"`
	Finished *time.Time `json:"finished,omitempty"`
	// Total is the number of files, Done how many have their outcome.
	Total int `json:"total"`
	Done  int `json:"done"`
	// Counts counts the outcomes so far (added, updated, unchanged,
	// duplicate, failed, skipped).
	Counts map[string]int `json:"counts"`
	// Documents lists the outcome of each file done, in the order they
	// were done: a client that follows the job reads the new ones at its
	// end.
	Documents []UploadResult `json:"documents"`
	Error     string         `json:"error,omitempty"`
}

// job is a Job with what runs it.
type job struct {
	Job
	files []Upload      // released once the job has run
	done  chan struct{} // closed when the job ends
}

// The defaults of the job queue.
const (
	// DefaultKeepJobs is how many ended jobs are kept for GET /jobs.
	DefaultKeepJobs = 100
	// DefaultQueuedJobs is how many jobs may wait before an upload is
	// refused with 503 (each holds its files in memory).
	DefaultQueuedJobs = 8
)

// errBusy refuses an upload while the queue is full.
var errBusy = errors.New("Zu viele Uploads warten auf die Aufnahme; bitte gleich noch einmal versuchen")

// jobQueue runs ingest jobs one at a time, in the order they came, and keeps
// the last ended ones for reading.
type jobQueue struct {
	ctx    context.Context
	writer Writer
	m      *metrics
	keep   int
	onFail func(j *Job, err error) // logs a job that failed

	mu    sync.Mutex
	byID  map[string]*job
	order []*job // by creation
	work  chan *job
	start sync.Once
}

func newJobQueue(ctx context.Context, w Writer, m *metrics, keep, queued int, onFail func(*Job, error)) *jobQueue {
	if ctx == nil {
		ctx = context.Background()
	}
	if keep <= 0 {
		keep = DefaultKeepJobs
	}
	if queued <= 0 {
		queued = DefaultQueuedJobs
	}
	return &jobQueue{ctx: ctx, writer: w, m: m, keep: keep, onFail: onFail, byID: map[string]*job{}, work: make(chan *job, queued)}
}

// submit queues the files as a new job, or fails with errBusy.
func (q *jobQueue) submit(files []Upload) (*job, error) {
	q.start.Do(func() { go q.run() })
	j := &job{Job: Job{ID: "j" + rand.Text()[:16], State: JobQueued, Created: time.Now().UTC(), Total: len(files), Counts: map[string]int{}, Documents: []UploadResult{}},
		files: files, done: make(chan struct{})}
	q.mu.Lock()
	defer q.mu.Unlock()
	select {
	case q.work <- j:
	default:
		return nil, errBusy
	}
	q.byID[j.ID] = j
	q.order = append(q.order, j)
	return j, nil
}

// run works through the queue until the queue's context ends; jobs still
// waiting then fail with its error.
func (q *jobQueue) run() {
	for {
		select {
		case j := <-q.work:
			q.runJob(j)
		case <-q.ctx.Done():
			for {
				select {
				case j := <-q.work:
					q.finish(j, nil, q.ctx.Err())
				default:
					return
				}
			}
		}
	}
}

func (q *jobQueue) runJob(j *job) {
	if err := q.ctx.Err(); err != nil {
		q.finish(j, nil, err)
		return
	}
	q.mu.Lock()
	now := time.Now().UTC()
	j.State, j.Started = JobRunning, &now
	files := j.files
	q.mu.Unlock()
	res, err := q.writer.Ingest(q.ctx, files, func(r UploadResult) {
		q.m.files.WithLabelValues(r.Outcome).Inc()
		q.mu.Lock()
		defer q.mu.Unlock()
		j.Documents = append(j.Documents, r)
		j.Counts[r.Outcome]++
		j.Done = len(j.Documents)
	})
	q.finish(j, res, err)
}

// finish ends j with the writer's results or its error.
func (q *jobQueue) finish(j *job, res []UploadResult, err error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	now := time.Now().UTC()
	j.Finished, j.files = &now, nil
	if err != nil {
		j.State = JobFailed
		j.Error = "internal error"
		switch {
		case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
			j.Error = "the server stopped before the job ended; upload the files again"
		case errors.Is(err, corpus.ErrInvalid):
			j.Error = err.Error()
		}
		if q.onFail != nil {
			q.onFail(&j.Job, err)
		}
	} else {
		j.State = JobDone
		// Files the writer did not report on the way are added in the
		// order of the upload.
		have := make(map[string]bool, len(j.Documents))
		for _, r := range j.Documents {
			have[r.File] = true
		}
		for _, r := range res {
			if !have[r.File] {
				j.Documents = append(j.Documents, r)
				j.Counts[r.Outcome]++
				q.m.files.WithLabelValues(r.Outcome).Inc()
			}
		}
		j.Done = len(j.Documents)
	}
	q.m.jobs.WithLabelValues(j.State).Inc()
	close(j.done)
	q.prune()
}

// prune drops the oldest ended jobs beyond q.keep. Called with q.mu held.
func (q *jobQueue) prune() {
	ended := 0
	for _, j := range q.order {
		if j.Finished != nil {
			ended++
		}
	}
	kept := q.order[:0]
	for _, j := range q.order {
		if j.Finished != nil && ended > q.keep {
			ended--
			delete(q.byID, j.ID)
			continue
		}
		kept = append(kept, j)
	}
	clear(q.order[len(kept):])
	q.order = kept
}

// get returns a copy of the job id.
func (q *jobQueue) get(id string) (Job, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	j, ok := q.byID[id]
	if !ok {
		return Job{}, false
	}
	return j.snapshot(), true
}

// list returns copies of the jobs kept, newest first.
func (q *jobQueue) list() []Job {
	q.mu.Lock()
	defer q.mu.Unlock()
	out := make([]Job, 0, len(q.order))
	for i := len(q.order) - 1; i >= 0; i-- {
		out = append(out, q.order[i].snapshot())
	}
	return out
}

// snapshot copies j's state; called with the queue's lock held.
func (j *job) snapshot() Job {
	s := j.Job
	s.Documents = append([]UploadResult{}, j.Documents...)
	s.Counts = make(map[string]int, len(j.Counts))
	for k, v := range j.Counts {
		s.Counts[k] = v
	}
	return s
}
