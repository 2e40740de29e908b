// Command laendergraph ingests German documents about the digital policy of
// the 16 Länder into a knowledge graph (Cayley) and a German full-text index
// (Bleve), and answers questions about them through a JSON API, a CLI and a
// small web explorer, with evidence for every answer.
//
// Usage:
//
//	laendergraph ingest [--data DIR] [--manifest FILE] PATH...
//	laendergraph serve  [--data DIR] [--addr HOST:PORT]
//	laendergraph search [--data DIR] [--json] QUERY
//	laendergraph ask    [--data DIR] [--json] QUESTION
//	laendergraph export [--data DIR] [--out FILE] [--format nquads|graphml|gexf] [--kind KINDS] [--land LAND] [--from DATE] [--to DATE]
//
// Run "laendergraph help" or "laendergraph COMMAND --help" for details.
// main.go is the only place that reads flags and the environment.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}
