package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/laendergraph/laendergraph/api"
	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/graph"
	"github.com/laendergraph/laendergraph/ingest"
	"github.com/laendergraph/laendergraph/search"
)

func cmdIngest(ctx context.Context, args []string, e env) error {
	var c common
	var manifest string
	var quiet bool
	fs := newFlags("ingest", "ingest [--data DIR | --server URL] [--manifest FILE] PATH...\n\n"+
		"Adds .txt, .md, .html/.htm and .pdf files (folders are walked recursively) to the\n"+
		"graph and the index. A changed file replaces its old version; an unchanged one is\n"+
		"left alone; the same text under another name is kept and marked duplicate_of.\n"+
		"The manifest (JSON Lines: file, source, title, date, kind) fills and overrides\n"+
		"metadata. Exit status 1 when any file failed; the others are still stored.", e, &c)
	fs.StringVar(&manifest, "manifest", "", "JSON Lines manifest with file, source, title, date, kind per document")
	fs.BoolVar(&quiet, "quiet", false, "print only failures and the summary")
	var cpuProfile string
	fs.StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile of the run to this file (for go tool pprof)")
	fs.IntVar(&c.graphCacheMB, "graph-cache-mb", 256, "MB of the graph's block cache: lookups of the values a new document adds read it (a large graph ingests faster with more)")
	var prune bool
	fs.BoolVar(&prune, "prune", false, "remove stored documents whose files this run does not find (the PATHs are the whole corpus)")
	var lim limitFlags
	lim.register(fs)
	var rf remoteFlags
	rf.register(fs)
	paths, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return usageError{"no PATH given (a file or folder to ingest)"}
	}
	if rf.server != "" && prune {
		return usageError{"--prune works on the data folder, not with --server"}
	}
	// A path that cannot be read fails on its own; the others still land.
	var good []string
	var badPaths []error
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil {
			badPaths = append(badPaths, fmt.Errorf("input %s: %w", p, err))
			continue
		}
		good = append(good, p)
	}
	for _, err := range badPaths {
		fmt.Fprintf(e.stderr, "ingest: failed %v\n", err)
	}
	if len(good) == 0 {
		return errSomeFailed
	}
	var m *ingest.Manifest
	if manifest != "" {
		f, err := os.Open(manifest)
		if err != nil {
			return fmt.Errorf("open manifest: %w", err)
		}
		var lineErrs []error
		m, lineErrs, err = ingest.ReadManifest(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("read manifest %s: %w", manifest, err)
		}
		for _, le := range lineErrs {
			note := " (line ignored)"
			if errors.Is(le, ingest.ErrDuplicateEntry) {
				note = ""
			}
			fmt.Fprintf(e.stderr, "manifest %s: %v%s\n", manifest, le, note)
		}
	}
	if r := rf.remote(e); r != nil {
		if err := r.ingest(ctx, e, good, m, quiet); err != nil || len(badPaths) == 0 {
			return err
		}
		return errSomeFailed
	}
	a, err := openApp(ctx, &c, e)
	if err != nil {
		return err
	}
	defer a.Close()
	// Files are named from the folders ingested before, so that a folder's
	// parent, or a folder inside it, finds the same documents.
	known, err := loadFolders(a.dir)
	if err != nil {
		return err
	}
	inputs, changed, err := known.inputs(good)
	if err != nil {
		return err
	}
	if changed {
		if err := known.save(); err != nil {
			return err
		}
	}
	a.limits = lim.limits()
	if cpuProfile != "" {
		stop, err := startCPUProfile(cpuProfile)
		if err != nil {
			return err
		}
		defer stop()
	}
	// The graph's snapshot is kept current through the writes, so that the
	// next serve loads its cache from it in seconds, not from the graph.
	if err := a.graph.TrackSnapshot(); err != nil {
		return err
	}
	progress := newProgress(e.stderr, quiet)
	start := time.Now()
	sum, err := a.newPipeline(ingest.Options{Manifest: m, Progress: progress, Prune: prune}).Run(ctx, inputs)
	if err != nil {
		return err
	}
	if err := a.graph.SaveSnapshot(ctx); err != nil {
		a.log.Warn("the next serve loads the graph from scratch", "error", err.Error())
	}
	// Let LevelDB finish merging the tables this run wrote: closing would
	// stop it half-way, and the next serve would redo it while it starts.
	settled := time.Now()
	if n, err := a.graph.Settle(ctx); err != nil {
		return err
	} else if d := time.Since(settled); d > time.Second {
		a.log.Info("graph: merged the new tables of its first level", "tables", n, "took", d.Round(100*time.Millisecond).String())
	}
	fmt.Fprintf(e.stdout, "ingested in %s into %s: %d added, %d updated, %d unchanged, %d duplicate, %d failed, %d skipped\n",
		time.Since(start).Round(time.Millisecond), a.dir, sum.Added, sum.Updated, sum.Unchanged, sum.Duplicate, sum.Failed, sum.Skipped)
	if prune {
		fmt.Fprintf(e.stdout, "pruned %d document(s) whose files are gone\n", len(sum.Pruned))
		for _, f := range sum.Pruned {
			fmt.Fprintf(e.stdout, "  %s\n", f)
		}
	}
	if sum.Failed > 0 {
		fmt.Fprintf(e.stderr, "%d file(s) failed:\n", sum.Failed)
		for _, f := range sum.Failures {
			fmt.Fprintf(e.stderr, "  %s: %v\n", f.Path, f.Err)
		}
	}
	for _, err := range badPaths {
		fmt.Fprintf(e.stderr, "  %v\n", err)
	}
	if sum.Failed > 0 || len(badPaths) > 0 {
		return errSomeFailed
	}
	return nil
}

// defaultMemoryLimitMB is serve's default --memory-limit: room for the graph
// cache of 100,000 documents within 1 GiB, beside the pages of the index that
// Bleve maps (about 210 MB after lgbench's mix). With 900 the peak after the
// mix at 100,000 documents was 1,047–1,134 MB resident; with 700, 996 MB, the
// requests as fast.
const defaultMemoryLimitMB = 700

func cmdServe(ctx context.Context, args []string, e env) error {
	var c common
	var addr string
	var demo bool
	fs := newFlags("serve", "serve [--data DIR] [--addr HOST:PORT] [--token-file FILE] [--watch DIR]...\n\n"+
		"Serves the JSON API under /api/v1, its OpenAPI description at /openapi.json and\n"+
		"the web explorer at /. When the default data folder holds no documents yet, the\n"+
		"embedded demo corpus is ingested once the port is bound, so a first run answers\n"+
		"at once; its documents are marked \"demo\": true and removed with\n"+
		"\"laendergraph delete --demo\". Stops gracefully on SIGINT/SIGTERM.", e, &c)
	def := e.getenv("LAENDERGRAPH_ADDR")
	if def == "" {
		def = "127.0.0.1:8080"
	}
	fs.StringVar(&addr, "addr", def, "address to listen on ($LAENDERGRAPH_ADDR)")
	fs.BoolVar(&demo, "demo", true, "ingest the embedded demo corpus when the data folder is empty (default: only for the default data folder)")
	var hf httpFlags
	hf.register(fs)
	var watchDirs []string
	fs.Func("watch", "folder to keep ingested: new and changed files are ingested and the documents of removed files deleted within --watch-interval (repeat the flag for several folders)", func(v string) error {
		watchDirs = append(watchDirs, v)
		return nil
	})
	var watchInterval time.Duration
	fs.DurationVar(&watchInterval, "watch-interval", 2*time.Second, "how often the --watch folders are looked at")
	var memLimit int
	fs.IntVar(&memLimit, "memory-limit", defaultMemoryLimitMB, "soft limit of the server's memory in MB: the garbage collector works harder as the heap nears it (0: none; $GOMEMLIMIT, if set, wins)")
	var cpuProfile, memProfile string
	fs.StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile of the server's run to this file (for go tool pprof)")
	fs.StringVar(&memProfile, "memprofile", "", "write a profile of the memory in use to this file when the server stops (for go tool pprof)")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	if cpuProfile != "" {
		stop, err := startCPUProfile(cpuProfile)
		if err != nil {
			return err
		}
		defer stop()
	}
	if memLimit < 0 {
		return usageError{"--memory-limit must not be negative"}
	}
	if memLimit > 0 && e.getenv("GOMEMLIMIT") == "" {
		// Go's collector lets the heap grow to twice what is live before it
		// runs again; a large graph cache would double the resident memory.
		prev := debug.SetMemoryLimit(int64(memLimit) << 20)
		defer debug.SetMemoryLimit(prev)
	}
	for _, d := range watchDirs {
		if info, err := os.Stat(d); err != nil || !info.IsDir() {
			return usageError{fmt.Sprintf("--watch %s: not a folder", d)}
		}
	}
	if watchInterval <= 0 {
		return usageError{"--watch-interval must be positive"}
	}
	if !flagSet(fs, "demo") {
		// A folder the user named is for their documents only.
		demo = c.data == "" && e.getenv("LAENDERGRAPH_DATA") == ""
	}
	a, err := openApp(ctx, &c, e)
	if err != nil {
		return err
	}
	defer a.Close()
	a.web = hf.config()
	if hf.tokenFile != "" {
		f, err := os.Open(hf.tokenFile)
		if err != nil {
			return fmt.Errorf("open token file: %w", err)
		}
		a.web.Tokens, err = api.ParseTokens(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("token file %s: %w", hf.tokenFile, err)
		}
	}
	a.web.Watches = newSavedSearches(a.dir)
	// The background work (jobs, the Land profiles computed again after
	// each write) stops when serve does.
	a.web.Context, a.web.Prepare = ctx, true
	// Every write of serve (uploads, the watch, the resumed uploads) goes
	// through w, one at a time.
	w := &writer{a: a}
	defer w.close() // before the stores close: waits for the write in progress
	if hf.tokenFile != "" {
		a.web.Writer = w
	}
	if hf.readTokenFile != "" {
		f, err := os.Open(hf.readTokenFile)
		if err != nil {
			return fmt.Errorf("open read token file: %w", err)
		}
		a.web.ReadTokens, err = api.ParseTokens(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("read token file %s: %w", hf.readTokenFile, err)
		}
	}
	// The port first: a start that fails leaves the folder as it was.
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	defer ln.Close() // for the returns before Serve; Serve closes it too
	if demo {
		if _, err := a.ingestDemo(ctx); err != nil {
			return err
		}
	}
	srv := hf.server(a.handler())
	a.log.Info("listening", "addr", "http://"+ln.Addr().String(), "data", a.dir)
	// The graph's documents and merged meetings load in the background, so
	// that a large data folder answers /healthz at once; a request that needs
	// them before they are loaded waits for them.
	go func() {
		start := time.Now()
		if err := a.graph.Warm(ctx); err != nil {
			if ctx.Err() == nil {
				a.log.Error("load graph", "err", err)
			}
			return
		}
		a.log.Info("graph loaded", "duration_ms", time.Since(start).Milliseconds())
	}()
	// An upload cut off by a stop or a crash is ingested again from the
	// files kept in uploads/.
	go func() {
		sum, resumed, err := w.resumeUploads(ctx)
		switch {
		case err != nil && ctx.Err() == nil:
			a.log.Error("ingest uploads after an interrupted upload", "error", err.Error())
		case err == nil && resumed:
			a.log.Info("uploads ingested after an interrupted upload", "added", sum.Added, "updated", sum.Updated, "unchanged", sum.Unchanged, "failed", sum.Failed)
		}
	}()
	if len(watchDirs) > 0 {
		a.log.Info("watching", "folders", watchDirs, "interval", watchInterval.String())
		go (&watcher{w: w, dirs: watchDirs, interval: watchInterval, log: a.log}).run(ctx)
	}
	if e.onListen != nil {
		e.onListen(ln.Addr().String())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	a.log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	// A write removed the graph's snapshot; the next start loads from a new
	// one instead of from the graph.
	if err := a.graph.SaveSnapshot(sctx); err != nil {
		a.log.Warn("the next start loads the graph from scratch", "error", err.Error())
	}
	if memProfile != "" {
		return writeHeapProfile(memProfile)
	}
	return nil
}

// queryFlags are the flags of the commands that ask the API.
type queryFlags struct {
	common
	asJSON bool
	server string
}

func (q *queryFlags) register(fs interface {
	BoolVar(*bool, string, bool, string)
	StringVar(*string, string, string, string)
}) {
	fs.BoolVar(&q.asJSON, "json", false, "print the API's JSON")
	fs.StringVar(&q.server, "server", "", "ask a running laendergraph at this base URL (e.g. http://127.0.0.1:8080) instead of opening the data folder")
}

// get performs GET path?params against the server named by --server, or
// in-process against the data folder, and returns the status and body.
func (q *queryFlags) get(ctx context.Context, e env, path string, params url.Values) (int, []byte, error) {
	target := path + "?" + params.Encode()
	if q.server != "" {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(q.server, "/")+target, nil)
		if err != nil {
			return 0, nil, usageError{fmt.Sprintf("--server: %v", err)}
		}
		if t := e.getenv("LAENDERGRAPH_TOKEN"); t != "" {
			req.Header.Set("Authorization", "Bearer "+t) // for a server whose reads are closed
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return 0, nil, fmt.Errorf("ask %s: %w", q.server, err)
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		return resp.StatusCode, b, err
	}
	a, err := openApp(ctx, &q.common, e)
	if err != nil {
		return 0, nil, err
	}
	defer a.Close()
	if !q.verbose {
		// the access log line of the request run in-process is for a
		// server's operator, not for the user at the terminal
		a.log = quietLogger(e)
	}
	rec := httptest.NewRecorder()
	req := httptest.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	a.handler().ServeHTTP(rec, req)
	return rec.Code, rec.Body.Bytes(), nil
}

// apiError turns an error response of the API into an error.
func apiError(status int, body []byte) error {
	var eb struct {
		Error struct{ Code, Message string } `json:"error"`
	}
	if json.Unmarshal(body, &eb) == nil && eb.Error.Message != "" {
		if status == http.StatusBadRequest {
			return usageError{eb.Error.Message}
		}
		return errors.New(eb.Error.Message)
	}
	return fmt.Errorf("server answered HTTP %d", status)
}

func cmdSearch(ctx context.Context, args []string, e env) error {
	var q queryFlags
	var limit int
	var land, kind, topic, from, to, sort, format string
	fs := newFlags("search", "search [--data DIR] [--json] [filters] QUERY\n\n"+
		"Full-text search with German analysis. QUERY supports words, \"phrases\",\n"+
		"-excluded, OR and field filters (land:BW kind:strategy topic:ki year:2023).", e, &q.common)
	q.register(fs)
	fs.IntVar(&limit, "limit", 10, "hits per page (at most 100)")
	fs.StringVar(&land, "land", "", "only documents about this Land (code or name)")
	fs.StringVar(&kind, "kind", "", "only this kind: press-release, news, strategy, web-page, other")
	fs.StringVar(&topic, "topic", "", "only documents on this topic id (see /api/v1/topics)")
	fs.StringVar(&from, "from", "", "published on or after (YYYY, YYYY-MM or YYYY-MM-DD)")
	fs.StringVar(&to, "to", "", "published on or before")
	fs.StringVar(&sort, "sort", "", "relevance (default) or date")
	fs.StringVar(&format, "format", "", "csv or jsonl: export every hit instead of one page")
	words, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(words) == 0 {
		return usageError{"no QUERY given"}
	}
	params := url.Values{"q": {strings.Join(words, " ")}}
	for k, v := range map[string]string{"land": land, "kind": kind, "topic": topic, "from": from, "to": to, "sort": sort, "format": format} {
		if v != "" {
			params.Set(k, v)
		}
	}
	if format == "" {
		params.Set("limit", fmt.Sprint(limit))
	}
	status, body, err := q.get(ctx, e, "/api/v1/search", params)
	if err != nil {
		return err
	}
	if status != http.StatusOK {
		return apiError(status, body)
	}
	if q.asJSON || format != "" {
		_, err := e.stdout.Write(body)
		return err
	}
	return printSearch(e.stdout, body)
}

func cmdAsk(ctx context.Context, args []string, e env) error {
	var q queryFlags
	fs := newFlags("ask", "ask [--data DIR] [--json] QUESTION\n\n"+
		"Answers questions in German or English with evidence, e.g.\n"+
		"  \"Welche Länder haben eine Cyberwehr?\"\n"+
		"  \"Wer hatte 2023 den Vorsitz der D16?\"\n"+
		"  \"Wo und wann fand die erste Konferenz der Digitalkoordinatoren statt?\"\n"+
		"  \"Welche Strategie hat Sachsen-Anhalt?\"  \"Who is Brandenburg's digital coordinator?\"\n"+
		"Questions it does not understand fall back to a search.", e, &q.common)
	q.register(fs)
	words, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(words) == 0 {
		return usageError{"no QUESTION given"}
	}
	status, body, err := q.get(ctx, e, "/api/v1/ask", url.Values{"q": {strings.Join(words, " ")}})
	if err != nil {
		return err
	}
	if status != http.StatusOK {
		return apiError(status, body)
	}
	if q.asJSON {
		_, err := e.stdout.Write(body)
		return err
	}
	return printAnswer(e.stdout, body)
}

func cmdExport(ctx context.Context, args []string, e env) error {
	var c common
	var out, format, kinds, land, from, to string
	fs := newFlags("export", "export [--data DIR] [--out FILE] [--format nquads|graphml|gexf] [--kind KINDS] [--land LAND] [--from DATE] [--to DATE]\n\n"+
		"Writes the whole graph as N-Quads (every quad labelled with its document, IRIs in\n"+
		graph.Namespace+"), or the entity graph (Länder, topics, series, people, strategies,\n"+
		"documents; links counted over their evidence) as GraphML or GEXF for graph tools.", e, &c)
	fs.StringVar(&out, "out", "", "file to write (default: standard output)")
	fs.StringVar(&format, "format", "nquads", "nquads, graphml or gexf")
	fs.StringVar(&kinds, "kind", "", "graphml/gexf: node kinds to keep, e.g. land,topic (default: all)")
	fs.StringVar(&land, "land", "", "graphml/gexf: keep only this Land and its neighbours")
	fs.StringVar(&from, "from", "", "graphml/gexf: keep only evidence dated from this date on (2023, 2023-06, 2023-06-21)")
	fs.StringVar(&to, "to", "", "graphml/gexf: keep only evidence dated up to this date")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	var write func(ctx context.Context, a *app, w io.Writer) error
	switch format {
	case "nquads", "nq":
		if kinds != "" || land != "" || from != "" || to != "" {
			return usageError{"--kind, --land, --from and --to filter graphml and gexf only"}
		}
		write = func(ctx context.Context, a *app, w io.Writer) error { return a.graph.ExportNQuads(ctx, w) }
	case "graphml", "gexf":
		ks, err := graph.ParseNodeKinds(kinds)
		if err != nil {
			return usageError{err.Error()}
		}
		f := graph.EntityFilter{Kinds: ks, From: corpus.Date(from), To: corpus.Date(to)}
		if !f.From.Valid() || !f.To.Valid() {
			return usageError{fmt.Sprintf("--from and --to take dates like 2023, 2023-06 or 2023-06-21, got %q and %q", from, to)}
		}
		if land != "" {
			code, ok := corpus.Laender().Lookup(land)
			if !ok {
				return usageError{fmt.Sprintf("unknown Land %q", land)}
			}
			f.Land = code
		}
		enc := graph.WriteGraphML
		if format == "gexf" {
			enc = graph.WriteGEXF
		}
		write = func(ctx context.Context, a *app, w io.Writer) error {
			f.Registry, f.Thesaurus = a.reg, a.th
			g, err := graph.BuildEntities(ctx, a.graph, f)
			if err != nil {
				return err
			}
			return enc(w, g)
		}
	default:
		return usageError{fmt.Sprintf("--format must be nquads, graphml or gexf, got %q", format)}
	}
	a, err := openApp(ctx, &c, e)
	if err != nil {
		return err
	}
	defer a.Close()
	if out == "" {
		return writeExport(ctx, a, e.stdout, write)
	}
	f, err := os.Create(out)
	if err != nil {
		return fmt.Errorf("create %s: %w", out, err)
	}
	err = writeExport(ctx, a, f, write)
	if cerr := f.Close(); cerr != nil && err == nil {
		err = fmt.Errorf("write %s: %w", out, cerr) // a failed close loses data too
	}
	return err
}

// writeExport writes an export of a to w, buffered.
func writeExport(ctx context.Context, a *app, w io.Writer, write func(context.Context, *app, io.Writer) error) error {
	bw := bufio.NewWriter(w)
	if err := write(ctx, a, bw); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// flagSet reports whether the flag name was given on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

func cmdDelete(ctx context.Context, args []string, e env) error {
	var c common
	var demo bool
	fs := newFlags("delete", "delete [--data DIR | --server URL] (--demo | ID...)\n\n"+
		"Removes documents, their text and every fact drawn from them from the index and\n"+
		"the graph: the embedded demo corpus with --demo, or the documents with the given\n"+
		"ids (as /api/v1/documents lists them).", e, &c)
	fs.BoolVar(&demo, "demo", false, "remove every document of the embedded demo corpus")
	var rf remoteFlags
	rf.register(fs)
	args, err := parse(fs, args)
	if err != nil {
		return err
	}
	if !demo && len(args) == 0 {
		return usageError{"no ID given (or --demo for the demo corpus)"}
	}
	if r := rf.remote(e); r != nil {
		return r.delete(ctx, e, args, demo)
	}
	a, err := openApp(ctx, &c, e)
	if err != nil {
		return err
	}
	defer a.Close()
	var ids []corpus.DocID
	if demo {
		if ids, err = a.demoIDs(ctx); err != nil {
			return err
		}
	}
	var missing []error
	for _, id := range args {
		if _, err := a.graph.Document(ctx, corpus.DocID(id)); err != nil {
			missing = append(missing, err)
			continue
		}
		ids = append(ids, corpus.DocID(id))
	}
	before, err := a.graph.Documents(ctx)
	if err != nil {
		return err
	}
	if err := a.delete(ctx, ids); err != nil {
		return err
	}
	after, err := a.graph.Documents(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "deleted %d document(s) from %s\n", len(before)-len(after), a.dir)
	for _, err := range missing {
		fmt.Fprintf(e.stderr, "delete: %v\n", err)
	}
	if len(missing) > 0 {
		return errSomeFailed
	}
	return nil
}

func cmdReindex(ctx context.Context, args []string, e env) error {
	var c common
	fs := newFlags("reindex", "reindex [--data DIR]\n\n"+
		"Rebuilds the data folder's search index with this version's analysis, from the\n"+
		"text and metadata the index stores (the graph is not touched). An index built\n"+
		"before analysis version 2 gets the pair tokens that make phrase and compound\n"+
		"searches fast. Stop a serve on the folder first.", e, &c)
	args, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(args) > 0 {
		return usageError{"reindex takes no arguments"}
	}
	dir, err := c.dataDir(e)
	if err != nil {
		return err
	}
	th, err := c.thesaurus()
	if err != nil {
		return err
	}
	index := filepath.Join(dir, "index")
	if _, err := os.Stat(index); err != nil {
		return fmt.Errorf("no index in %s: %w", dir, err)
	}
	start := time.Now()
	n, err := search.Rebuild(ctx, index, search.Options{Thesaurus: th, Registry: corpus.Laender()})
	if err != nil {
		return fmt.Errorf("%w (is another laendergraph using this data folder?)", err)
	}
	fmt.Fprintf(e.stdout, "reindexed %d document(s) in %s in %s\n", n, dir, time.Since(start).Round(time.Millisecond))
	return nil
}

func cmdToken(ctx context.Context, args []string, e env) error {
	var c common
	fs := newFlags("token", "token\n\n"+
		"Prints a new random bearer token for writes, and below it the line to add to the\n"+
		"file that serve --token-file reads (its hash: the file never holds the token).", e, &c)
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	t := api.NewToken()
	fmt.Fprintf(e.stdout, "token: %s\ntoken file line: %s\n", t, api.HashToken(t))
	return nil
}
