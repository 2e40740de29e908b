package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/laendergraph/laendergraph/api"
	"github.com/laendergraph/laendergraph/corpus"
)

// savedSearches is the api.WatchStore of serve: the saved searches in the
// data folder's watches.json, written aside and renamed into place.
type savedSearches struct {
	file string
	mu   sync.Mutex
}

func (s *savedSearches) load() ([]api.Watch, error) {
	b, err := os.ReadFile(s.file)
	if errors.Is(err, os.ErrNotExist) {
		return []api.Watch{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read saved searches: %w", err)
	}
	var ws []api.Watch
	if err := json.Unmarshal(b, &ws); err != nil {
		return nil, fmt.Errorf("read saved searches %s: %w", s.file, err)
	}
	return ws, nil
}

func (s *savedSearches) save(ws []api.Watch) error {
	b, err := json.MarshalIndent(ws, "", "  ")
	if err != nil {
		return err
	}
	tmp := s.file + ".part"
	if err := os.WriteFile(tmp, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("save saved searches: %w", err)
	}
	if err := os.Rename(tmp, s.file); err != nil {
		return fmt.Errorf("save saved searches: %w", err)
	}
	return nil
}

// Watches lists the saved searches in the order they were saved.
func (s *savedSearches) Watches(context.Context) ([]api.Watch, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.load()
}

// AddWatch saves one more search.
func (s *savedSearches) AddWatch(_ context.Context, w api.Watch) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	ws, err := s.load()
	if err != nil {
		return err
	}
	return s.save(append(ws, w))
}

// DeleteWatch removes a saved search.
func (s *savedSearches) DeleteWatch(_ context.Context, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	ws, err := s.load()
	if err != nil {
		return err
	}
	for i, w := range ws {
		if w.ID == id {
			return s.save(append(ws[:i], ws[i+1:]...))
		}
	}
	return fmt.Errorf("watch %q: %w", id, corpus.ErrNotFound)
}

func newSavedSearches(dataDir string) *savedSearches {
	return &savedSearches{file: filepath.Join(dataDir, "watches.json")}
}
