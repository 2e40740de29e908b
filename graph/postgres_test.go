package graph

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
)

// openPostgres opens a graph in a fresh schema of the PostgreSQL server that
// $LG_TEST_POSTGRES names (postgres://user@host:port/db?sslmode=disable),
// and skips the test when it names none. .ci/run starts one.
func openPostgres(tb testing.TB) *Store {
	tb.Helper()
	url := os.Getenv("LG_TEST_POSTGRES")
	if url == "" {
		tb.Skip("LG_TEST_POSTGRES is not set: no PostgreSQL to test the graph on (.ci/run starts one)")
	}
	db, err := sql.Open("postgres", url)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	schema := fmt.Sprintf("lg_test_%d_%s", os.Getpid(), strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		return '_'
	}, strings.ToLower(tb.Name())))
	if _, err := db.Exec(`DROP SCHEMA IF EXISTS ` + schema + ` CASCADE; CREATE SCHEMA ` + schema); err != nil {
		tb.Fatalf("create schema: %v", err)
	}
	tb.Cleanup(func() {
		if db, err := sql.Open("postgres", url); err == nil {
			db.Exec(`DROP SCHEMA IF EXISTS ` + schema + ` CASCADE`)
			db.Close()
		}
	})
	sep := "?"
	if strings.Contains(url, "?") {
		sep = "&"
	}
	// lib/pq sends unknown parameters as run-time parameters.
	s, err := OpenPostgres(context.Background(), url+sep+"search_path="+schema)
	if err != nil {
		tb.Fatalf("OpenPostgres: %v", err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// TestPostgres stores, replaces, reads and deletes documents in a graph on
// PostgreSQL, and reads them again through a second store on the same
// database.
func TestPostgres(t *testing.T) {
	s := openPostgres(t)
	ctx := context.Background()
	a, b := extractionA(t), extractionB(t)
	put(t, s, a, b)
	docs, err := s.Documents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := []corpus.Document{listed(a.Document), listed(b.Document)}; !reflect.DeepEqual(docs, want) {
		t.Errorf("Documents: got %+v, want %+v", docs, want)
	}
	lts, err := s.LandTopics(ctx, FactFilter{Land: "BW"})
	if err != nil || !reflect.DeepEqual(lts, a.LandTopics[:2]) {
		t.Errorf("LandTopics: got %+v, %v, want %+v", lts, err, a.LandTopics[:2])
	}
	changed := a
	changed.LandTopics = a.LandTopics[:1]
	put(t, s, changed)
	if err := s.Delete(ctx, []corpus.DocID{b.Document.ID}); err != nil {
		t.Fatal(err)
	}
	fresh := &Store{qs: s.qs, batch: txQuads} // reads the database, not the cache
	docs, err = fresh.Documents(ctx)
	if want := []corpus.Document{listed(a.Document)}; err != nil || !reflect.DeepEqual(docs, want) {
		t.Errorf("Documents after replace and delete: got %+v, %v, want %+v", docs, err, want)
	}
	// the catalogue an ingest compares with carries the fingerprints
	cat, err := fresh.Catalogue(ctx)
	if want := []corpus.Document{stored(a.Document)}; err != nil || !reflect.DeepEqual(cat, want) {
		t.Errorf("Catalogue after replace and delete: got %+v, %v, want %+v", cat, err, want)
	}
	lts, err = fresh.LandTopics(ctx, FactFilter{})
	if err != nil || !reflect.DeepEqual(lts, a.LandTopics[:1]) {
		t.Errorf("LandTopics after replace: got %+v, %v, want %+v", lts, err, a.LandTopics[:1])
	}
}
