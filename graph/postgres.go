package graph

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres" // registers the "postgres" quad store and lib/pq
)

// OpenPostgres opens the graph held in the PostgreSQL database at url
// (postgres://user@host:port/db?sslmode=disable), creating Cayley's tables
// when the database holds none yet. Cayley's schema indexes quads by subject,
// predicate and object but not by label, and Put and Delete find a
// document's quads by their label, so OpenPostgres adds that index.
func OpenPostgres(ctx context.Context, url string) (*Store, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := cgraph.InitQuadStore("postgres", url, nil); err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
		return nil, fmt.Errorf("open graph in postgres: %w", err)
	}
	db, err := sql.Open("postgres", url)
	if err != nil {
		return nil, fmt.Errorf("open graph in postgres: %w", err)
	}
	_, err = db.ExecContext(ctx, `CREATE INDEX IF NOT EXISTS quads_label_index ON quads (label_hash)`)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("open graph in postgres: label index: %w", err)
	}
	qs, err := cgraph.NewQuadStore("postgres", url, nil)
	if err != nil {
		return nil, fmt.Errorf("open graph in postgres: %w", err)
	}
	return &Store{qs: qs, batch: txQuads}, nil
}
