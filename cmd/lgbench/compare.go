package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// other holds the figures of another engine on the same files.
type other struct {
	name, load, query, note string
}

// compareOthers runs ripgrep and PostgreSQL full-text search on the corpus
// where they are installed, and says so where they are not.
func compareOthers(ctx context.Context, o options, g generated, log *slog.Logger) []other {
	var out []other
	if rg, err := exec.LookPath("rg"); err != nil {
		out = append(out, other{name: "ripgrep", load: "–", query: "–", note: "not installed"})
	} else {
		out = append(out, runRipgrep(ctx, rg, g))
	}
	if _, err := exec.LookPath("initdb"); err != nil {
		out = append(out, other{name: "PostgreSQL", load: "–", query: "–", note: "not installed (initdb not found)"})
	} else {
		r, err := runPostgres(ctx, o, g, log)
		if err != nil {
			r = other{name: "PostgreSQL", load: "–", query: "–", note: "failed: " + oneLine(err.Error())}
		}
		out = append(out, r)
	}
	return out
}

// runRipgrep times `rg -l -i TERM` over the files, three runs a term.
func runRipgrep(ctx context.Context, rg string, g generated) other {
	var p50s []time.Duration
	for _, t := range searchTerms {
		var ds []time.Duration
		for range 3 {
			start := time.Now()
			cmd := exec.CommandContext(ctx, rg, "-l", "-i", "-F", t, g.docs)
			_ = cmd.Run() // exit 1: no match
			ds = append(ds, time.Since(start))
		}
		p, _, _ := percentiles(ds)
		p50s = append(p50s, p)
	}
	return other{name: "ripgrep `-l -i`", load: "none", query: spread(p50s), note: "lists matching files; no ranking"}
}

// spread returns "median (min–max)" of per-term medians.
func spread(ds []time.Duration) string {
	p, _, mx := percentiles(ds)
	mn := mx
	for _, d := range ds {
		mn = min(mn, d)
	}
	return fmt.Sprintf("%s (%s–%s)", ms(p), ms(mn), ms(mx))
}

// runPostgres loads the documents into a fresh PostgreSQL cluster (table,
// `german` tsvector column, GIN index) and times ranked top-10 queries with
// headlines. As root it runs the server as the postgres user.
func runPostgres(ctx context.Context, o options, g generated, log *slog.Logger) (other, error) {
	res := other{name: "PostgreSQL (german, GIN)"}
	dir, err := os.MkdirTemp("", "lgbench-pg-")
	if err != nil {
		return res, err
	}
	defer os.RemoveAll(dir)
	if err := os.Chmod(dir, 0o755); err != nil {
		return res, err
	}
	var as []string // command prefix to run as the postgres user
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			return res, fmt.Errorf("running as root and no postgres user: %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			return res, err
		}
		as = []string{"runuser", "-u", "postgres", "--"}
	}
	pgcmd := func(name string, args ...string) *exec.Cmd {
		full := append(append(append([]string{}, as...), name), args...)
		return exec.CommandContext(ctx, full[0], full[1:]...)
	}
	runPG := func(name string, args ...string) (string, error) {
		out, err := pgcmd(name, args...).CombinedOutput()
		if err != nil {
			return string(out), fmt.Errorf("%s: %w: %s", name, err, oneLine(string(out)))
		}
		return string(out), nil
	}
	pgdata, sock := filepath.Join(dir, "data"), dir
	if _, err := runPG("initdb", "-D", pgdata, "--no-sync", "-E", "UTF8", "--locale=C.UTF-8", "-A", "trust", "-U", "postgres"); err != nil {
		return res, err
	}
	port := "54329"
	if _, err := runPG("pg_ctl", "-D", pgdata, "-w", "-l", filepath.Join(dir, "log"), "-o",
		fmt.Sprintf("-k %s -p %s -c listen_addresses='' -c fsync=off -c shared_buffers=256MB -c maintenance_work_mem=256MB", sock, port), "start"); err != nil {
		return res, err
	}
	defer runPG("pg_ctl", "-D", pgdata, "-m", "fast", "stop")

	// The documents as a COPY file: file, title, body.
	tsv := filepath.Join(dir, "docs.tsv")
	if err := writeCopyFile(g, tsv); err != nil {
		return res, err
	}
	if os.Geteuid() == 0 {
		u, _ := user.Lookup("postgres")
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		os.Chown(tsv, uid, gid)
	}
	psql := func(script string) (string, error) {
		f := filepath.Join(dir, fmt.Sprintf("s%d.sql", time.Now().UnixNano()))
		if err := os.WriteFile(f, []byte(script), 0o644); err != nil {
			return "", err
		}
		return runPG("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", sock, "-p", port, "-U", "postgres", "-d", "postgres", "-f", f)
	}
	log.Info("loading PostgreSQL")
	start := time.Now()
	_, err = psql(`CREATE TABLE docs (id serial PRIMARY KEY, file text, title text, body text);
\copy docs (file, title, body) FROM '` + tsv + `'
ALTER TABLE docs ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('german', coalesce(title, '') || ' ' || body)) STORED;
CREATE INDEX docs_tsv ON docs USING gin (tsv);
ANALYZE docs;
`)
	if err != nil {
		return res, err
	}
	load := time.Since(start)
	size, _ := psql(`\t on
SELECT pg_total_relation_size('docs');`)
	var script strings.Builder
	script.WriteString("\\timing on\n\\o /dev/null\n")
	for _, t := range searchTerms {
		q := strings.ReplaceAll(t, "'", "''")
		for range 5 {
			fmt.Fprintf(&script, "SELECT id, ts_headline('german', body, q) FROM docs, websearch_to_tsquery('german', '%s') q WHERE tsv @@ q ORDER BY ts_rank(tsv, q) DESC LIMIT 10;\n", q)
		}
	}
	out, err := psql(script.String())
	if err != nil {
		return res, err
	}
	times := regexp.MustCompile(`Time: ([0-9.]+) ms`).FindAllStringSubmatch(out, -1)
	if len(times) != 5*len(searchTerms) {
		return res, fmt.Errorf("psql printed %d timings, want %d", len(times), 5*len(searchTerms))
	}
	var p50s []time.Duration
	for i := range searchTerms {
		var ds []time.Duration
		for _, m := range times[i*5 : i*5+5] {
			v, _ := strconv.ParseFloat(m[1], 64)
			ds = append(ds, time.Duration(v*float64(time.Millisecond)))
		}
		p, _, _ := percentiles(ds)
		p50s = append(p50s, p)
	}
	res.load = fmt.Sprintf("%s (%.0f docs/s)", load.Round(time.Millisecond), float64(g.n)/load.Seconds())
	res.query = spread(p50s)
	if b, err := strconv.ParseInt(strings.TrimSpace(size), 10, 64); err == nil {
		res.note = fmt.Sprintf("top 10 by ts_rank with ts_headline; table and index %.1f MB", float64(b)/1e6)
	}
	return res, nil
}

// writeCopyFile writes the documents in PostgreSQL's COPY text format.
func writeCopyFile(g generated, path string) error {
	mf, err := os.Open(g.manifest)
	if err != nil {
		return err
	}
	defer mf.Close()
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	esc := strings.NewReplacer("\\", "\\\\", "\t", "\\t", "\n", "\\n", "\r", "\\r")
	sc := bufio.NewScanner(mf)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var d doc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return err
		}
		body, err := os.ReadFile(filepath.Join(g.dir, d.File))
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%s\t%s\t%s\n", esc.Replace(d.File), esc.Replace(d.Title), esc.Replace(string(body)))
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}
