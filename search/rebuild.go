package search

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/laendergraph/laendergraph/corpus"
)

// Rebuild rebuilds the index stored in dir with this version's analysis
// (keeping the analysis it was built with, laendergraph or de), from the
// text and metadata the index stores: every document is read and indexed
// again into dir+".rebuild", which then replaces dir. Nothing else may have
// the index open. It returns the number of documents.
func Rebuild(ctx context.Context, dir string, opts Options) (int, error) {
	old, err := Open(ctx, dir, opts)
	if err != nil {
		return 0, err
	}
	defer func() {
		if old != nil {
			old.Close()
		}
	}()
	tmp := dir + ".rebuild"
	if err := os.RemoveAll(tmp); err != nil {
		return 0, fmt.Errorf("rebuild index %s: %w", dir, err)
	}
	nopts := opts
	nopts.Analysis = old.analysis
	nopts.setDefaults()
	nw, err := create(tmp, nopts)
	if err != nil {
		return 0, fmt.Errorf("rebuild index %s: %w", dir, err)
	}
	n := 0
	var batch []corpus.Document
	flush := func() error {
		if err := nw.Put(ctx, batch); err != nil {
			return err
		}
		n += len(batch)
		batch = batch[:0]
		return nil
	}
	err = old.Each(ctx, Request{WithText: true}, func(h Hit) error {
		batch = append(batch, h.Doc)
		if len(batch) == batchSize {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	err = errors.Join(err, nw.Close(), old.Close())
	old = nil
	if err != nil {
		os.RemoveAll(tmp)
		return 0, fmt.Errorf("rebuild index %s: %w", dir, err)
	}
	// Swap: the old index stays as dir+".old" until the new one is in place.
	prev := dir + ".old"
	if err := os.RemoveAll(prev); err != nil {
		return 0, fmt.Errorf("rebuild index %s: %w", dir, err)
	}
	if err := os.Rename(dir, prev); err != nil {
		return 0, fmt.Errorf("rebuild index %s: %w", dir, err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		return 0, fmt.Errorf("rebuild index %s (the old index is in %s): %w", dir, prev, err)
	}
	if err := os.RemoveAll(prev); err != nil {
		return 0, fmt.Errorf("rebuild index %s: remove the old index: %w", dir, err)
	}
	return n, nil
}
