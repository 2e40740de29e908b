package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// request is one entry of the mix.
type request struct {
	name, path string
}

// mix is the fixed set of requests measured: ranked searches (common,
// rare, compound, phrase, filter, exclusion), questions, and the graph
// endpoints.
var mix = []request{
	{"search Cyberwehr", "/api/v1/search?" + url.Values{"q": {"Cyberwehr"}}.Encode()},
	{"search Strategie", "/api/v1/search?" + url.Values{"q": {"Strategie"}}.Encode()},
	{"search Verwaltung (common)", "/api/v1/search?" + url.Values{"q": {"Verwaltung"}}.Encode()},
	{"search \"digitale Teilhabe\"", "/api/v1/search?" + url.Values{"q": {`"digitale Teilhabe"`}}.Encode()},
	{"search Breitband land:BW", "/api/v1/search?" + url.Values{"q": {"Breitband land:BW"}}.Encode()},
	{"search Digitalstrategie -Bayern", "/api/v1/search?" + url.Values{"q": {"Digitalstrategie -Bayern"}}.Encode()},
	{"search KI year:2023", "/api/v1/search?" + url.Values{"q": {"KI year:2023"}}.Encode()},
	{"ask Länder mit Cyberwehr", "/api/v1/ask?" + url.Values{"q": {"Welche Länder haben eine Cyberwehr?"}}.Encode()},
	{"ask Vorsitz D16 2023", "/api/v1/ask?" + url.Values{"q": {"Wer hatte 2023 den Vorsitz der D16?"}}.Encode()},
	{"ask erste DMK", "/api/v1/ask?" + url.Values{"q": {"Wo und wann fand die erste Digitalministerkonferenz statt?"}}.Encode()},
	{"/meetings?limit=100", "/api/v1/meetings?limit=100"},
	{"/series/dmk", "/api/v1/series/dmk"},
	{"/laender/BW", "/api/v1/laender/BW"},
}

// searchTerms are the plain words of the searches, for ripgrep and
// PostgreSQL.
var searchTerms = []string{"Cyberwehr", "Strategie", "Verwaltung", "digitale Teilhabe", "Breitband", "Digitalstrategie"}

// result holds the figures of one run.
type result struct {
	n                      int
	corpusBytes            int64
	ingest                 time.Duration
	ingestRSS              int64 // KiB
	ingestCPU              time.Duration
	quads, docs            int // in the graph after the ingest, from /healthz
	ingestExit             int
	diskGraph, diskIndex   int64
	ready                  time.Duration // until /healthz answers
	warm                   time.Duration // until /healthz says ready
	serveRSS, servePeakRSS int64         // KiB
	warmRSS                int64         // KiB, when ready
	latencies              []latency
	others                 []other
}

// latency holds the figures of one entry of the mix.
type latency struct {
	name          string
	p50, p99, max time.Duration
	bytes         int
	errors        int
	err           string
}

// build builds the laendergraph command of the current module into bin.
func build(ctx context.Context, bin string) error {
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, ".")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("build laendergraph (run lgbench from the module's root, or pass -bin): %w", err)
	}
	return nil
}

// measure ingests the corpus into a fresh data folder, serves it and runs
// the mix.
func measure(ctx context.Context, o options, g generated, log *slog.Logger) (*result, error) {
	res := &result{n: g.n, corpusBytes: g.bytes}
	data := filepath.Join(o.work, "data")
	if err := os.RemoveAll(data); err != nil {
		return nil, err
	}
	env := append(os.Environ(), "LAENDERGRAPH_DATA="+data)

	log.Info("ingesting", "docs", g.n)
	cmd := exec.CommandContext(ctx, o.bin, "ingest", "--quiet", "--data", data, "--manifest", g.manifest, g.docs)
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = io.Discard, os.Stderr
	start := time.Now()
	err := cmd.Run()
	res.ingest = time.Since(start)
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		res.ingestExit = exit.ExitCode() // 1: some files failed, the rest is stored
	case err != nil:
		return nil, fmt.Errorf("ingest: %w", err)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		res.ingestRSS = ru.Maxrss
	}
	res.ingestCPU = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	res.diskGraph, res.diskIndex = dirSize(filepath.Join(data, "graph")), dirSize(filepath.Join(data, "index"))
	log.Info("ingested", "took", res.ingest.Round(time.Millisecond), "exit", res.ingestExit)
	return res, serveMix(ctx, o, data, res, log)
}

// serveMix serves the data folder, waits until the server is ready and runs
// the mix, filling in the serve figures of res.
func serveMix(ctx context.Context, o options, data string, res *result, log *slog.Logger) error {
	addr, err := freeAddr()
	if err != nil {
		return err
	}
	sctx, stop := context.WithCancel(ctx)
	defer stop()
	srv := exec.CommandContext(sctx, o.bin, "serve", "--data", data, "--addr", addr, "--demo=false")
	srv.Env = append(os.Environ(), "LAENDERGRAPH_DATA="+data)
	srv.Stdout, srv.Stderr = io.Discard, io.Discard
	srv.Cancel = func() error { return srv.Process.Signal(os.Interrupt) }
	srv.WaitDelay = 15 * time.Second
	start := time.Now()
	if err := srv.Start(); err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	defer func() {
		stop()
		_ = srv.Wait()
	}()
	base := "http://" + addr
	client := &http.Client{Timeout: o.timeout}
	// /healthz answers at once; "ready" says when the server has loaded
	// the graph and computed what requests would otherwise compute inline
	// (a server without the field is taken as ready).
	answered := false
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		resp, err := client.Get(base + "/healthz")
		if err == nil {
			health := struct {
				Ready     *bool `json:"ready"`
				Quads     int   `json:"quads"`
				Documents int   `json:"documents"`
			}{}
			derr := json.NewDecoder(resp.Body).Decode(&health)
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				if !answered {
					answered = true
					res.ready = time.Since(start)
					res.serveRSS, _ = procStatus(srv.Process.Pid, "VmRSS")
					log.Info("serving", "answered_after", res.ready.Round(time.Millisecond))
				}
				if derr == nil && (health.Ready == nil || *health.Ready) {
					res.quads, res.docs = health.Quads, health.Documents
					break
				}
			}
		}
		if srv.ProcessState != nil {
			return fmt.Errorf("serve stopped before it answered")
		}
		time.Sleep(10 * time.Millisecond)
	}
	res.warm = time.Since(start)
	res.warmRSS, _ = procStatus(srv.Process.Pid, "VmRSS")
	log.Info("ready", "after", res.warm.Round(time.Millisecond))

	for _, rq := range mix {
		if o.match != nil && !o.match.MatchString(rq.name) {
			continue
		}
		l := latency{name: rq.name}
		var ds []time.Duration
		for range o.reps {
			if ctx.Err() != nil {
				break
			}
			t := time.Now()
			resp, err := client.Get(base + rq.path)
			if err != nil {
				l.errors++
				l.err = err.Error()
				ds = append(ds, o.timeout)
				if l.errors >= 2 {
					break // a request that times out twice would only burn the run's time
				}
				continue
			}
			n, _ := io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			ds = append(ds, time.Since(t))
			l.bytes = max(l.bytes, int(n))
			if resp.StatusCode != http.StatusOK {
				l.errors++
				l.err = resp.Status
			}
		}
		l.p50, l.p99, l.max = percentiles(ds)
		res.latencies = append(res.latencies, l)
		log.Info("measured", "request", rq.name, "p50", l.p50, "p99", l.p99)
	}
	res.servePeakRSS, _ = procStatus(srv.Process.Pid, "VmHWM")
	return nil
}

// percentiles returns the median, the 99th percentile (nearest rank) and the
// maximum.
func percentiles(ds []time.Duration) (p50, p99, maxd time.Duration) {
	if len(ds) == 0 {
		return 0, 0, 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	rank := func(p float64) time.Duration {
		i := int(p*float64(len(s))+0.999999) - 1
		return s[min(max(i, 0), len(s)-1)]
	}
	return rank(0.5), rank(0.99), s[len(s)-1]
}

// freeAddr returns a loopback address with a free port.
func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// procStatus reads a memory figure (KiB) from /proc/PID/status.
func procStatus(pid int, field string) (int64, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), field+":"); ok {
			return strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
		}
	}
	return 0, fmt.Errorf("%s not in /proc/%d/status", field, pid)
}

// dirSize returns the bytes of the files below dir.
func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}

// print writes the figures as Markdown tables.
func (r *result) print(w io.Writer) {
	mb := func(b int64) string { return fmt.Sprintf("%.1f MB", float64(b)/1e6) }
	kib := func(k int64) string { return fmt.Sprintf("%.0f MB", float64(k)*1024/1e6) }
	n := r.n
	if r.ingest > 0 {
		fmt.Fprintf(w, "\n%d documents, %s of text\n\n", r.n, mb(r.corpusBytes))
	} else {
		n = r.docs
		fmt.Fprintf(w, "\n%d documents (a data folder served as it is)\n\n", n)
	}
	fmt.Fprintln(w, "| what | figure |")
	fmt.Fprintln(w, "|---|---|")
	if r.ingest > 0 {
		fmt.Fprintf(w, "| ingest | %s (%.0f docs/s)%s |\n", r.ingest.Round(time.Millisecond), float64(r.n)/r.ingest.Seconds(), exitNote(r.ingestExit))
		fmt.Fprintf(w, "| ingest CPU time (user + system) | %s (%.1f ms a document) |\n", r.ingestCPU.Round(100*time.Millisecond), float64(r.ingestCPU.Microseconds())/1000/float64(r.n))
		fmt.Fprintf(w, "| ingest peak memory (max RSS) | %s |\n", kib(r.ingestRSS))
	}
	if r.quads > 0 && n > 0 {
		fmt.Fprintf(w, "| graph quads | %d (%.1f a document) |\n", r.quads, float64(r.quads)/float64(n))
	}
	if r.ingest > 0 {
		fmt.Fprintf(w, "| data on disk | %s (graph %s, index %s) |\n", mb(r.diskGraph+r.diskIndex), mb(r.diskGraph), mb(r.diskIndex))
	}
	fmt.Fprintf(w, "| serve: start until /healthz answers | %s |\n", r.ready.Round(time.Millisecond))
	fmt.Fprintf(w, "| serve: start until ready (graph loaded, Land profiles computed) | %s |\n", r.warm.Round(time.Millisecond))
	fmt.Fprintf(w, "| serve memory at start / when ready / peak after the mix | %s / %s / %s |\n", kib(r.serveRSS), kib(r.warmRSS), kib(r.servePeakRSS))
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| request | p50 | p99 | max | largest response | errors |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|")
	for _, l := range r.latencies {
		e := fmt.Sprint(l.errors)
		if l.errors > 0 {
			e += " (" + l.err + ")"
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s |\n", l.name, ms(l.p50), ms(l.p99), ms(l.max), kb(l.bytes), e)
	}
	if len(r.others) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, "| other engine | load | query p50 (min–max over the terms) | notes |")
		fmt.Fprintln(w, "|---|---|---|---|")
		for _, o := range r.others {
			fmt.Fprintf(w, "| %s | %s | %s | %s |\n", o.name, o.load, o.query, o.note)
		}
	}
}

func exitNote(code int) string {
	if code == 0 {
		return ""
	}
	return fmt.Sprintf(", exit %d", code)
}

func ms(d time.Duration) string {
	switch {
	case d >= 10*time.Second:
		return fmt.Sprintf("%.1f s", d.Seconds())
	case d >= 10*time.Millisecond:
		return fmt.Sprintf("%.0f ms", float64(d)/1e6)
	}
	return fmt.Sprintf("%.2f ms", float64(d)/1e6)
}

func kb(n int) string {
	if n >= 1e6 {
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
	return fmt.Sprintf("%.1f kB", float64(n)/1e3)
}
