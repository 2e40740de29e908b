package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

const usage = `laendergraph — the digital policy of the 16 German Länder as a searchable,
evidence-backed knowledge graph.

Usage:
  laendergraph COMMAND [flags] [arguments]

Commands:
  ingest   add or update documents (.txt, .md, .html, .pdf; folders are walked)
  serve    run the JSON API and the web explorer (a demo corpus on first run)
  search   full-text search from the command line
  ask      ask a question ("Welche Länder haben eine Cyberwehr?")
  export   write the graph as N-Quads, GraphML or GEXF
  delete   remove documents (by id, or the demo corpus with --demo)
  reindex  rebuild the search index with this version's analysis
  token    make a bearer token for uploads and deletes (serve --token-file)
  help     show this help

Every command takes --help. The data folder (graph + index) is, in order of
precedence: --data DIR, $LAENDERGRAPH_DATA, $XDG_DATA_HOME/laendergraph,
~/.local/share/laendergraph.

Examples:
  laendergraph ingest --manifest ../shared/corpus/sources.jsonl ../shared/corpus/docs
  laendergraph serve --addr 127.0.0.1:8080
  laendergraph search 'Breitband land:BW'
  laendergraph ask 'Wer hatte 2023 den Vorsitz der D16?'
`

// env gives the commands what they may read of the environment.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	// onListen, when set, is told the address serve listens on (for tests).
	onListen func(addr string)
}

// run executes one command line and returns the exit status: 0 success,
// 1 failure (including files that failed to ingest), 2 usage error.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	return runEnv(ctx, args, env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: getenv})
}

func runEnv(ctx context.Context, args []string, e env) int {
	if len(args) == 0 {
		fmt.Fprint(e.stderr, usage)
		return 2
	}
	cmds := map[string]func(context.Context, []string, env) error{
		"ingest":  cmdIngest,
		"serve":   cmdServe,
		"search":  cmdSearch,
		"ask":     cmdAsk,
		"export":  cmdExport,
		"delete":  cmdDelete,
		"reindex": cmdReindex,
		"token":   cmdToken,
	}
	name, rest := args[0], args[1:]
	switch name {
	case "help", "-h", "-help", "--help":
		fmt.Fprint(e.stdout, usage)
		return 0
	case "version", "--version":
		fmt.Fprintln(e.stdout, "laendergraph", version)
		return 0
	}
	cmd, ok := cmds[name]
	if !ok {
		fmt.Fprintf(e.stderr, "laendergraph: unknown command %q\n\n%s", name, usage)
		return 2
	}
	err := cmd(ctx, rest, e)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, new(usageError)):
		fmt.Fprintf(e.stderr, "laendergraph %s: %v\n", name, err)
		return 2
	case errors.Is(err, errSomeFailed):
		return 1
	default:
		fmt.Fprintf(e.stderr, "laendergraph %s: %v\n", name, err)
		return 1
	}
}

// usageError is a mistake in the command line.
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

// errSomeFailed reports that a command did its work but some items failed;
// the failures have been printed already.
var errSomeFailed = errors.New("some items failed")

// common holds the flags every command shares.
type common struct {
	data    string
	graph   string
	topics  string
	verbose bool
	// graphCacheMB is the graph's LevelDB block cache (0: graph's default);
	// ingest sets it from --graph-cache-mb.
	graphCacheMB int
}

func newFlags(name, synopsis string, e env, c *common) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.StringVar(&c.data, "data", "", "data folder (default: $LAENDERGRAPH_DATA, $XDG_DATA_HOME/laendergraph or ~/.local/share/laendergraph)")
	fs.StringVar(&c.graph, "graph", "", "keep the graph in PostgreSQL at this URL (postgres://user@host:port/db?sslmode=disable) instead of the data folder (default: $LAENDERGRAPH_GRAPH); the index stays in the data folder")
	fs.StringVar(&c.topics, "topics", "", "JSON file of extra topics to add to the thesaurus (same form as corpus/data/topics.json)")
	fs.BoolVar(&c.verbose, "verbose", false, "log debug details")
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: laendergraph %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses the flags, allowing them before and after the arguments.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError{err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// parseNoArgs parses the flags of a command that takes no arguments.
func parseNoArgs(fs *flag.FlagSet, args []string) error {
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q", rest[0])}
	}
	return nil
}

// dataDir resolves the data folder.
func (c *common) dataDir(e env) (string, error) {
	if c.data != "" {
		return c.data, nil
	}
	if d := e.getenv("LAENDERGRAPH_DATA"); d != "" {
		return d, nil
	}
	if x := e.getenv("XDG_DATA_HOME"); x != "" {
		return filepath.Join(x, "laendergraph"), nil
	}
	home := e.getenv("HOME")
	if home == "" {
		h, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("find a data folder: %w (use --data)", err)
		}
		home = h
	}
	return filepath.Join(home, ".local", "share", "laendergraph"), nil
}

// quietLogger logs warnings and errors only.
func quietLogger(e env) *slog.Logger { return textLogger(e, slog.LevelWarn) }

// textLogger logs from level lvl up to standard error.
func textLogger(e env, lvl slog.Level) *slog.Logger {
	return slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: lvl}))
}

func (c *common) logger(e env) *slog.Logger {
	lvl := slog.LevelInfo
	if c.verbose || strings.EqualFold(e.getenv("LAENDERGRAPH_LOG"), "debug") {
		lvl = slog.LevelDebug
	}
	return textLogger(e, lvl)
}
