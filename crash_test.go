package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/laendergraph/laendergraph/api"
	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/search"
)

// program is the laendergraph binary built for the tests that run it as a
// process of their own (and kill it); built once, without the race
// detector, so that those tests take seconds, not minutes, under -race.
var program struct {
	once sync.Once
	dir  string
	path string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if program.dir != "" {
		os.RemoveAll(program.dir)
	}
	os.Exit(code)
}

// command returns the laendergraph command with args.
func command(tb testing.TB, args ...string) *exec.Cmd {
	tb.Helper()
	program.once.Do(func() {
		if program.dir, program.err = os.MkdirTemp("", "laendergraph-test-"); program.err != nil {
			return
		}
		program.path = filepath.Join(program.dir, "laendergraph")
		out, err := exec.Command("go", "build", "-o", program.path, ".").CombinedOutput()
		if err != nil {
			program.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if program.err != nil {
		tb.Fatal(program.err)
	}
	return exec.Command(program.path, args...)
}

// crashSize reads a positive integer from the environment, or def.
func crashSize(tb testing.TB, name string, def int) int {
	tb.Helper()
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		tb.Fatalf("%s=%q: want a positive integer", name, v)
	}
	return n
}

// TestCrashSafety kills ingest with SIGKILL at random moments (after a
// random number of files has been read, so the kill falls while batches are
// written) and checks after each kill that the next opening leaves index and
// graph in agreement: the same documents with the same content, each with its
// facts; a re-ingest then gives the same N-Quads as a clean run.
//
// It runs 400 documents and 3 kills; LAENDERGRAPH_CRASH_DOCS and
// LAENDERGRAPH_CRASH_KILLS ask for more (the acceptance run: 2000 and 10).
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills the program several times")
	}
	n := crashSize(t, "LAENDERGRAPH_CRASH_DOCS", 400)
	kills := crashSize(t, "LAENDERGRAPH_CRASH_KILLS", 3)
	in := t.TempDir()
	syntheticDocs(t, in, n)

	clean := t.TempDir()
	if out, err := command(t, "ingest", "--quiet", "--data", clean, in).CombinedOutput(); err != nil {
		t.Fatalf("clean ingest: %v\n%s", err, out)
	}
	want := exportNQuads(t, clean)

	data := t.TempDir()
	r := rand.New(rand.NewSource(time.Now().UnixNano()))
	docs := 0
	for k := range kills {
		// The files are read in order and the stored ones are unchanged:
		// the kills spread over what is left to store.
		after := docs + 1 + r.Intn(max((n-docs)/(kills-k), 1))
		killIngest(t, data, in, min(after, n-1))
		docs = checkAgreement(t, data)
		t.Logf("kill %d after %d of %d files read: %d documents stored after the repair", k+1, after, n, docs)
	}
	out, err := command(t, "ingest", "--quiet", "--data", data, in).CombinedOutput()
	if err != nil {
		t.Fatalf("ingest after the kills: %v\n%s", err, out)
	}
	if docs := checkAgreement(t, data); docs != n {
		t.Errorf("after the re-ingest: got %d documents, want %d", docs, n)
	}
	got := exportNQuads(t, data)
	if !slices.Equal(got, want) {
		t.Errorf("N-Quads after kills and re-ingest differ from a clean run: %d vs %d quads; first difference: %s", len(got), len(want), firstDiff(got, want))
	}
}

// killIngest starts an ingest of in into data and kills it with SIGKILL once
// it has read after files.
func killIngest(tb testing.TB, data, in string, after int) {
	tb.Helper()
	cmd := command(tb, "ingest", "--data", data, in)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		tb.Fatal(err)
	}
	cmd.Stdout = io.Discard
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	lines := 0
	for sc.Scan() {
		// one line per file on a pipe: "ingest: [k/n] outcome path"
		if strings.HasPrefix(sc.Text(), "ingest: [") {
			lines++
		}
		if lines >= after {
			break
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		tb.Logf("kill: %v (the ingest had ended)", err)
	}
	go io.Copy(io.Discard, stderr)
	cmd.Wait()
}

// checkAgreement opens data as the program does (repairing it when a write
// was interrupted) and checks that index and graph hold the same documents
// with the same content hash, and that every document that is not a
// duplicate has its facts. It returns the number of documents.
func checkAgreement(tb testing.TB, data string) int {
	tb.Helper()
	ctx := context.Background()
	e := env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, getenv: noEnv}
	a, err := openApp(ctx, &common{data: data}, e)
	if err != nil {
		tb.Fatalf("open after kill: %v", err)
	}
	defer a.Close()
	if _, err := os.Stat(filepath.Join(data, unfinishedFile)); err == nil {
		tb.Errorf("the mark of unfinished writes is still there after opening")
	}
	docs, err := a.graph.Documents(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	inGraph := map[corpus.DocID]string{}
	for _, d := range docs {
		inGraph[d.ID] = d.ContentHash
	}
	inIndex := map[corpus.DocID]string{}
	if err := a.index.Each(ctx, search.Request{}, func(h search.Hit) error {
		inIndex[h.Doc.ID] = h.Doc.ContentHash
		return nil
	}); err != nil {
		tb.Fatal(err)
	}
	for id, h := range inIndex {
		if gh, ok := inGraph[id]; !ok || gh != h {
			tb.Errorf("document %s: in the index (hash %.8s), in the graph %v (hash %.8s)", id, h, ok, gh)
		}
	}
	for id := range inGraph {
		if _, ok := inIndex[id]; !ok {
			tb.Errorf("document %s: in the graph, not in the index", id)
		}
	}
	facts, err := a.graph.Mentions(ctx, "")
	if err != nil {
		tb.Fatal(err)
	}
	withFacts := map[corpus.DocID]bool{}
	for _, f := range facts {
		withFacts[f.Evidence.Doc] = true
	}
	for _, d := range docs {
		if d.DuplicateOf == "" && !withFacts[d.ID] {
			tb.Errorf("document %s (%s): stored without its facts", d.ID, d.File)
		}
	}
	return len(docs)
}

// exportNQuads exports the graph of data, without the times of ingest, sorted.
func exportNQuads(tb testing.TB, data string) []string {
	tb.Helper()
	out, err := command(tb, "export", "--data", data).Output()
	if err != nil {
		tb.Fatalf("export: %v", err)
	}
	var lines []string
	for _, l := range strings.Split(string(out), "\n") {
		if l != "" && !strings.Contains(l, "ingestedAt") {
			lines = append(lines, l)
		}
	}
	slices.Sort(lines)
	return lines
}

// firstDiff names the first line of a sorted list that the other lacks.
func firstDiff(got, want []string) string {
	w := map[string]bool{}
	for _, l := range want {
		w[l] = true
	}
	for _, l := range got {
		if !w[l] {
			return "extra " + l
		}
	}
	g := map[string]bool{}
	for _, l := range got {
		g[l] = true
	}
	for _, l := range want {
		if !g[l] {
			return "missing " + l
		}
	}
	return fmt.Sprintf("same lines, counts %d vs %d", len(got), len(want))
}

// TestRepair leaves index and graph disagreeing as an interrupted write
// would — a document only in the index (killed between the two writes of an
// add), one in another version there (of an update), one only in the graph
// (of a delete) — and checks that the next opening removes exactly those
// from both and that ingesting again stores them.
func TestRepair(t *testing.T) {
	in, data := t.TempDir(), t.TempDir()
	syntheticDocs(t, in, 6)
	if code, out, errs := cli(t, "ingest", "--quiet", "--data", data, in); code != 0 {
		t.Fatalf("ingest: exit %d %s %s", code, out, errs)
	}
	ctx := context.Background()
	e := env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, getenv: noEnv}
	a, err := openApp(ctx, &common{data: data}, e)
	if err != nil {
		t.Fatal(err)
	}
	docs, err := a.graph.Documents(ctx)
	if err != nil || len(docs) != 6 {
		t.Fatalf("documents: got %d %v, want 6", len(docs), err)
	}
	slices.SortFunc(docs, func(x, y corpus.Document) int { return strings.Compare(x.File, y.File) })
	onlyIndex := corpus.Document{ID: corpus.NewDocID("neu.txt"), File: "neu.txt", Title: "Neu", Text: "Bayern baut eine Cyberwehr auf.", ContentHash: "abc"}
	changed := docs[1]
	changed.ContentHash, changed.Text = "anders", "Ein anderer Text über Hessen."
	if err := a.index.Put(ctx, []corpus.Document{onlyIndex, changed}); err != nil {
		t.Fatal(err)
	}
	if err := a.index.Delete(ctx, []corpus.DocID{docs[2].ID}); err != nil {
		t.Fatal(err)
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	// Opened without the mark, the folder is left as it is.
	a, err = openApp(ctx, &common{data: data}, e)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := a.index.Count(ctx); n != 6 {
		t.Errorf("opened without the mark: got %d documents in the index, want the 6 left as they were", n)
	}
	a.Close()

	if err := os.WriteFile(filepath.Join(data, unfinishedFile), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got := checkAgreement(t, data); got != 4 {
		t.Errorf("after the repair: got %d documents, want the 4 untouched ones", got)
	}
	a, err = openApp(ctx, &common{data: data}, e)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []corpus.DocID{onlyIndex.ID, changed.ID, docs[2].ID} {
		if _, err := a.graph.Document(ctx, id); err == nil {
			t.Errorf("document %s: still in the graph after the repair", id)
		}
	}
	a.Close()
	code, out, errs := cli(t, "ingest", "--data", data, in)
	if code != 0 || !strings.Contains(out, "2 added") || !strings.Contains(out, "4 unchanged") {
		t.Errorf("ingest after the repair: got exit %d %q %q, want the 2 removed files added again", code, out, errs)
	}
}

// startServe starts serve on data as a process of its own and returns it
// with its base URL.
func startServe(tb testing.TB, data string, args ...string) (*exec.Cmd, string) {
	tb.Helper()
	cmd := command(tb, append([]string{"serve", "--data", data, "--addr", "127.0.0.1:0"}, args...)...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		tb.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	var log []string
	for sc.Scan() {
		log = append(log, sc.Text())
		if _, addr, ok := strings.Cut(sc.Text(), "msg=listening addr="); ok {
			go io.Copy(io.Discard, stderr)
			return cmd, strings.Fields(addr)[0]
		}
	}
	cmd.Wait()
	tb.Fatalf("serve did not start:\n%s", strings.Join(log, "\n"))
	return nil, ""
}

// healthDocs returns the documents the server at base holds, -1 when it
// does not answer.
func healthDocs(base string) int {
	resp, err := http.Get(base + "/healthz")
	if err != nil {
		return -1
	}
	defer resp.Body.Close()
	var h struct{ Documents int }
	if json.NewDecoder(resp.Body).Decode(&h) != nil {
		return -1
	}
	return h.Documents
}

// TestCrashSafetyServe kills serve with SIGKILL while ingest --server
// uploads a corpus through it, at a random moment after a random number of
// documents were stored, and
// checks after each kill that the next opening leaves index and graph in
// agreement; uploading again then completes the corpus, with the same
// N-Quads as a clean local ingest (an upload keeps the file's path below the
// folder, so its documents are the same).
func TestCrashSafetyServe(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills the program several times")
	}
	n := crashSize(t, "LAENDERGRAPH_CRASH_DOCS", 400)
	kills := crashSize(t, "LAENDERGRAPH_CRASH_KILLS", 3)
	in := t.TempDir()
	syntheticDocs(t, in, n)
	clean := t.TempDir()
	if out, err := command(t, "ingest", "--quiet", "--data", clean, in).CombinedOutput(); err != nil {
		t.Fatalf("clean ingest: %v\n%s", err, out)
	}
	want := exportNQuads(t, clean)

	const token = "lg_crash-token-0123456789"
	tokens := filepath.Join(t.TempDir(), "tokens")
	if err := os.WriteFile(tokens, []byte(api.HashToken(token)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	data := t.TempDir()
	r := rand.New(rand.NewSource(time.Now().UnixNano()))
	for k := range kills {
		srv, base := startServe(t, data, "--token-file", tokens)
		before := max(healthDocs(base), 0)
		// The documents land a job (100 files) at a time: the kill comes
		// at a random moment after a random job has been stored; the
		// kills spread over what is left to store.
		target := before + 1 + r.Intn(max((n-before)/(kills-k), 1))
		extra := time.Duration(r.Intn(500)) * time.Millisecond
		done := make(chan struct{})
		go func() {
			defer close(done)
			cli(t, "ingest", "--server", base, "--token", token, "--quiet", in)
		}()
		for {
			if d := healthDocs(base); d >= target || d < 0 {
				break
			}
			select {
			case <-done:
			case <-time.After(5 * time.Millisecond):
				continue
			}
			break
		}
		time.Sleep(extra)
		srv.Process.Signal(syscall.SIGKILL)
		srv.Wait()
		<-done
		docs := checkAgreement(t, data)
		t.Logf("kill %d %v after %d documents or more were stored (from %d): %d documents stored after the repair", k+1, extra, target, before, docs)
	}
	srv, base := startServe(t, data, "--token-file", tokens)
	code, out, errs := cli(t, "ingest", "--server", base, "--token", token, "--quiet", in)
	srv.Process.Signal(syscall.SIGTERM)
	srv.Wait()
	if code != 0 {
		t.Fatalf("ingest --server after the kills: exit %d %s %s", code, out, errs)
	}
	if docs := checkAgreement(t, data); docs != n {
		t.Errorf("after the re-ingest: got %d documents, want %d", docs, n)
	}
	if got := exportNQuads(t, data); !slices.Equal(got, want) {
		t.Errorf("N-Quads after kills and re-ingest differ from a clean run: %d vs %d quads; first difference: %s", len(got), len(want), firstDiff(got, want))
	}
}

// TestPutIndexFails checks that a write whose index half fails leaves the
// documents out of the graph too (index and graph are written at the same
// time): the graph is the catalogue the next ingest compares against, so
// they are stored again then instead of being found unchanged, and the
// folder stays marked for repair.
func TestPutIndexFails(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	e := env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, getenv: noEnv}
	a, err := openApp(ctx, &common{data: data}, e)
	if err != nil {
		t.Fatal(err)
	}
	kept := corpus.Extraction{Document: corpus.Document{ID: corpus.NewDocID("alt.txt"), File: "alt.txt", Title: "Alt", Text: "Hessen stellt eine Strategie vor.", ContentHash: "alt"}}
	if err := a.Put(ctx, []corpus.Extraction{kept}); err != nil {
		t.Fatal(err)
	}
	if err := a.index.Close(); err != nil {
		t.Fatal(err)
	}
	lost := corpus.Extraction{Document: corpus.Document{ID: corpus.NewDocID("neu.txt"), File: "neu.txt", Title: "Neu", Text: "Bayern baut eine Cyberwehr auf.", ContentHash: "neu"}}
	if err := a.Put(ctx, []corpus.Extraction{lost}); err == nil {
		t.Fatal("put into a closed index: no error")
	}
	docs, err := a.graph.Catalogue(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var ids []corpus.DocID
	for _, d := range docs {
		ids = append(ids, d.ID)
	}
	if want := []corpus.DocID{kept.Document.ID}; !slices.Equal(ids, want) {
		t.Errorf("graph after a failed index write: got %v, want %v", ids, want)
	}
	a.graph.Close() // the index is closed already
	if _, err := os.Stat(filepath.Join(data, unfinishedFile)); err != nil {
		t.Errorf("folder not marked for repair after a failed write: %v", err)
	}
}
