// Command lgbench measures laendergraph at a given corpus size.
//
// It generates a deterministic corpus of realistic German press texts (see
// generate.go), ingests it into a fresh data folder with the laendergraph
// command, starts `laendergraph serve` on it, and measures: ingest rate and
// peak memory, data on disk, time until /healthz answers and until it says
// the server is ready, the server's memory, and p50/p99 latency and response
// size of a fixed mix of searches, questions and graph endpoints, run once
// the server is ready. Where ripgrep or PostgreSQL are installed it runs the
// same searches with them on the same files. It prints a table. With -data
// it serves an existing data folder and measures only the serve figures.
//
//	go run ./cmd/lgbench -n 1000
//	go run ./cmd/lgbench -n 10000 -reps 50 -compare=false
//	go run ./cmd/lgbench -data /tmp/copy-of-data -reps 50
//
// Every run stops by itself: requests time out after -timeout, and the
// whole run after -deadline.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "lgbench:", err)
		os.Exit(1)
	}
}

// options are the command's settings.
type options struct {
	n        int
	seed     uint64
	work     string
	bin      string
	reps     int
	timeout  time.Duration
	deadline time.Duration
	compare  bool
	keep     bool
	genOnly  bool
	data     string
	match    *regexp.Regexp // the entries of the mix to run (nil: all)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var o options
	fs := flag.NewFlagSet("lgbench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: lgbench [flags]\n\nGenerates N documents, ingests them, serves them and prints a table of figures.")
		fs.PrintDefaults()
	}
	fs.IntVar(&o.n, "n", 1000, "number of documents to generate")
	fs.Uint64Var(&o.seed, "seed", 1, "seed of the generator")
	fs.StringVar(&o.work, "work", "", "folder for the corpus and data (default: a new temporary folder, removed after the run)")
	fs.StringVar(&o.bin, "bin", "", "laendergraph binary (default: build it from the current module)")
	fs.IntVar(&o.reps, "reps", 30, "requests per entry of the mix")
	fs.DurationVar(&o.timeout, "timeout", 60*time.Second, "timeout of one request")
	fs.DurationVar(&o.deadline, "deadline", 2*time.Hour, "time limit of the whole run")
	fs.BoolVar(&o.compare, "compare", true, "also run ripgrep and PostgreSQL when installed")
	fs.BoolVar(&o.keep, "keep", false, "keep the work folder")
	fs.BoolVar(&o.genOnly, "generate-only", false, "only write the corpus to -work")
	fs.Func("match", "run only the entries of the mix whose name matches this regular expression (e.g. '^(ask|/)' for the questions and graph endpoints)", func(v string) error {
		re, err := regexp.Compile(v)
		o.match = re
		return err
	})
	fs.StringVar(&o.data, "data", "", "serve this data folder as it is (say, a copy of one kept with -keep) and run the mix, without generating or ingesting; serve writes into it")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if o.n < 1 || o.reps < 1 {
		return fmt.Errorf("-n and -reps must be positive")
	}
	ctx, cancel := context.WithTimeout(ctx, o.deadline)
	defer cancel()
	log := slog.New(slog.NewTextHandler(stderr, nil))
	if o.work == "" {
		dir, err := os.MkdirTemp("", "lgbench-")
		if err != nil {
			return err
		}
		o.work = dir
		if !o.keep {
			defer os.RemoveAll(dir)
		}
	}
	if o.data != "" {
		return serveOnly(ctx, o, stdout, log)
	}
	start := time.Now()
	g, err := generate(filepath.Join(o.work, "corpus"), o.n, o.seed)
	if err != nil {
		return err
	}
	log.Info("generated", "docs", g.n, "bytes", g.bytes, "took", time.Since(start).Round(time.Millisecond))
	if o.genOnly {
		fmt.Fprintf(stdout, "%d documents, %d bytes, manifest %s\n", g.n, g.bytes, g.manifest)
		return nil
	}
	if o.bin == "" {
		o.bin = filepath.Join(o.work, "laendergraph")
		if err := build(ctx, o.bin); err != nil {
			return err
		}
	}
	res, err := measure(ctx, o, g, log)
	if err != nil {
		return err
	}
	if o.compare {
		res.others = compareOthers(ctx, o, g, log)
	}
	res.print(stdout)
	return nil
}

// serveOnly serves the data folder -data and runs the mix.
func serveOnly(ctx context.Context, o options, stdout io.Writer, log *slog.Logger) error {
	if info, err := os.Stat(filepath.Join(o.data, "graph")); err != nil || !info.IsDir() {
		return fmt.Errorf("-data %s: not a data folder (no graph folder in it)", o.data)
	}
	if o.bin == "" {
		o.bin = filepath.Join(o.work, "laendergraph")
		if err := build(ctx, o.bin); err != nil {
			return err
		}
	}
	res := &result{}
	if err := serveMix(ctx, o, o.data, res, log); err != nil {
		return err
	}
	res.print(stdout)
	return nil
}
