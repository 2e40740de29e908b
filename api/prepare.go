package api

import (
	"context"
	"runtime"
	"time"

	"github.com/laendergraph/laendergraph/corpus"
)

// Notifier is a Generational graph that also says when it changes
// (graph.Store does): the channel Changed returns is closed at the next
// change of Generation.
type Notifier interface {
	Generational
	Changed() <-chan struct{}
}

// Warmer is an Index that can read ahead what its first search after a
// change would read (search.Index: the documents of every facet value).
type Warmer interface {
	Warm(ctx context.Context) error
}

// prepareRetry is how long prepare waits before it tries again after a
// failure.
const prepareRetry = 5 * time.Second

// prepare computes in the background, at start and after every change of
// the graph, what the first request after it would otherwise compute inline:
// the index's facet values (Warmer), the graph's decoded documents, fact
// index and merged meetings, the
// profile of every Land, and what the answer engine keeps per generation
// for meeting and chair questions. A request that comes while a profile is being
// computed waits for that computation (profileCache) instead of starting
// another, and never gets a profile of an older generation. It returns when
// ctx ends.
func (s *server) prepare(ctx context.Context, g Notifier) {
	for {
		changed := g.Changed()
		gen := g.Generation()
		start := time.Now()
		err := s.prepareGeneration(ctx, g, gen)
		if ctx.Err() != nil {
			return
		}
		retry := (<-chan time.Time)(nil)
		switch {
		case err != nil:
			s.log.Error("prepare Land profiles", "error", err.Error())
			retry = time.After(prepareRetry)
		case g.Generation() == gen:
			s.prepared.Store(gen + 1)
			s.log.Debug("prepared Land profiles", "generation", gen, "duration_ms", time.Since(start).Milliseconds())
		}
		select {
		case <-changed:
		case <-retry:
		case <-ctx.Done():
			return
		}
	}
}

// prepareGeneration computes the profile of every Land for generation gen,
// and stops early, without error, when the graph moves on.
func (s *server) prepareGeneration(ctx context.Context, g Notifier, gen uint64) error {
	if w, ok := s.ix.(Warmer); ok {
		if err := w.Warm(ctx); err != nil {
			return err
		}
	}
	// What every profile reads first, once and side by side (the graph
	// merges the meetings holding its cache's lock, the statements are
	// merged here), before the profiles are computed side by side, one
	// worker a processor.
	merged := make(chan error, 1)
	go func() {
		_, err := s.mergedMemo.get(ctx, s.g)
		merged <- err
	}()
	_, _, err := s.meetingsMemo.get(ctx, s.g)
	if merr := <-merged; err == nil {
		err = merr
	}
	if err != nil {
		return err
	}
	lands := s.reg.All()
	codes := make(chan corpus.LandCode, len(lands))
	for _, l := range lands {
		codes <- l.Code
	}
	close(codes)
	workers := min(runtime.GOMAXPROCS(0), len(lands))
	errs := make(chan error, workers)
	for range workers {
		go func() {
			for code := range codes {
				if g.Generation() != gen {
					break
				}
				if _, err := s.profiles.get(ctx, code, s.g, func() (*landProfile, error) { return s.landProfile(ctx, code) }); err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	var first error
	for range workers {
		if err := <-errs; err != nil && first == nil {
			first = err
		}
	}
	if first != nil || g.Generation() != gen {
		return first
	}
	return s.ans.Prepare(ctx)
}

// ready reports whether what prepare computes is there for the graph as it
// is now; always when nothing is prepared.
func (s *server) ready() bool {
	if !s.preparing {
		return true
	}
	g := s.g.(Notifier)
	return s.prepared.Load() == g.Generation()+1
}
