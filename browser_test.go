package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromiumPath returns the browser binary the browser test drives, "" when
// none is installed.
func chromiumPath() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browser is a headless Chromium tab on the explorer of a running server,
// with the console errors it has seen.
type browser struct {
	t    *testing.T
	ctx  context.Context
	base string

	mu     sync.Mutex
	errors []consoleError
	// expected are console errors a step causes on purpose.
	expected []expectedError
}

// consoleError is an error the page logged, with the address it names (a
// failed load names the address it loaded).
type consoleError struct {
	text, url string
}

func (e consoleError) String() string {
	if e.url == "" {
		return e.text
	}
	return e.text + " (" + e.url + ")"
}

// expectedError is a console error a step causes on purpose: a failed load
// with this status text of an address that holds url and word.
type expectedError struct {
	status, url, word string
}

// unexpected returns the console errors that no step caused on purpose.
func (b *browser) unexpected() []consoleError {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []consoleError
	for _, e := range b.errors {
		if !slices.ContainsFunc(b.expected, func(x expectedError) bool {
			return strings.Contains(e.text, x.status) && strings.Contains(e.url, x.url) && strings.Contains(e.url, x.word)
		}) {
			out = append(out, e)
		}
	}
	return out
}

// step runs actions with a time limit, so that a view that never appears
// fails the test with what was awaited instead of hanging it.
func (b *browser) step(what string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](b *browser, what, expr string) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
	return v
}

// open loads the explorer at the given hash as a fresh page (the query
// string differs each time, so the browser does not keep the page) and waits
// until the view has rendered.
func (b *browser) open(n int, hash string) {
	b.t.Helper()
	b.step("open "+hash, chromedp.Navigate(fmt.Sprintf("%s/?load=%d%s", b.base, n, hash)), b.ready(hash))
}

// ready waits until the explorer has rendered the view of hash.
func (b *browser) ready(hash string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := chromedp.Poll[bool](fmt.Sprintf(`document.body.dataset.ready === %q && location.hash === %q`, hash, hash))(ctx, t)
		return chromedp.Void{}, err
	}
}

// readyAny waits until the explorer has rendered whatever view the address
// names.
func (b *browser) readyAny() chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := chromedp.Poll[bool](`document.body.dataset.ready === location.hash`)(ctx, t)
		return chromedp.Void{}, err
	}
}

// TestBrowser drives the web explorer in headless Chromium over the demo
// corpus, or over ../shared/corpus when it is there: search paging, Land deep
// links, the drawn graph, a document with its evidence, Back, and no console
// errors. It writes screenshots of every view at 1280 and 390 px to
// $LG_SCREENSHOTS, or to a new temporary folder it names in its log.
func TestBrowser(t *testing.T) {
	exe := chromiumPath()
	if exe == "" {
		t.Skip("no chromium binary found (apt-get install chromium): the browser test needs one")
	}
	data := t.TempDir()
	corpusName, serveArgs := "demo corpus", []string{"--demo"}
	if shared := filepath.Join("..", "shared", "corpus"); fileExists(filepath.Join(shared, "sources.jsonl")) {
		code, out, errs := cli(t, "ingest", "--quiet", "--data", data, "--manifest", filepath.Join(shared, "sources.jsonl"), filepath.Join(shared, "docs"))
		if code != 0 {
			t.Fatalf("ingest shared corpus: exit %d\n%s\n%s", code, out, errs)
		}
		corpusName, serveArgs = "../shared/corpus", nil
	}
	s := serve(t, data, serveArgs...)
	t.Logf("explorer on %s over the %s", s.base, corpusName)

	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	b := &browser{t: t, ctx: ctx, base: s.base}

	console := chromedp.Console(ctx)
	b.step("start the browser", chromedp.EmulateViewport(1280, 900))
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for m, err := range console {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				b.mu.Lock()
				b.errors = append(b.errors, consoleError{text: m.String(), url: m.URL})
				b.mu.Unlock()
			}
		}
	}()

	t.Run("search pages past the first 20 hits", func(t *testing.T) {
		b.t = t
		q := "Länder"
		var res struct{ Total int }
		if s.get(t, "/api/v1/search", url.Values{"q": {q}, "limit": {"1"}}, &res); res.Total <= 20 {
			q = "" // every document
		}
		first := "#" + url.Values{"search": {q}}.Encode()
		b.open(0, first)
		if n := eval[int](b, "count hits", `document.querySelectorAll("#search-hits .hit").length`); n != 20 {
			t.Fatalf("first page: got %d hits, want 20", n)
		}
		b.step("next page", chromedp.Click(chromedp.CSS("#search-next")), b.readyAny())
		if got := eval[string](b, "start of page 2", `document.querySelector("#search-hits ol.hits").getAttribute("start")`); got != "21" {
			t.Errorf("second page starts at %s, want 21", got)
		}
		if n := eval[int](b, "count hits", `document.querySelectorAll("#search-hits .hit").length`); n < 1 {
			t.Errorf("second page: got no hits")
		}
		if c := eval[string](b, "count line", `document.querySelector("#search-count").textContent`); !strings.Contains(c, "21–") {
			t.Errorf("count line: got %q, want it to show hits from 21", c)
		}
		b.step("Back to page 1", chromedp.NavigateBack(), b.ready(first))
		if got := eval[string](b, "start of page 1", `document.querySelector("#search-hits ol.hits").getAttribute("start")`); got != "1" {
			t.Errorf("after Back: page starts at %s, want 1", got)
		}
	})

	t.Run("two values of one facet", func(t *testing.T) {
		b.t = t
		b.open(600, "#search=&land=BW")
		one := eval[string](b, "count", `document.querySelector("#search-count").textContent`)
		b.step("add a second Land", chromedp.Click(chromedp.CSS(`#search-facets a:not(.on)[href*="land=BW%2C"]`)), b.readyAny())
		if n := eval[int](b, "selected facet values", `document.querySelectorAll("#search-facets a.on").length`); n != 2 {
			t.Errorf("got %d selected facet values, want 2", n)
		}
		if two := eval[string](b, "count", `document.querySelector("#search-count").textContent`); two == one {
			t.Errorf("two Länder found as many as one: %q", two)
		}
	})

	t.Run("the undated bucket finds the documents without a date", func(t *testing.T) {
		b.t = t
		b.open(700, "#search=")
		if !eval[bool](b, "undated bucket", `!!document.querySelector('#search-facets a[href*="undatiert"]')`) {
			t.Skip("the corpus has no undated document")
		}
		b.step("open the bucket", chromedp.Click(chromedp.CSS(`#search-facets a[href*="undatiert"]`)), b.readyAny())
		dates := eval[[]string](b, "hit dates", `[...document.querySelectorAll("#search-hits .hit .meta")].map((m) => m.textContent.split(" · ")[0])`)
		if len(dates) == 0 {
			t.Fatal("the undated bucket found nothing")
		}
		for _, d := range dates {
			if d != "undatiert" {
				t.Errorf("undated bucket: a hit dated %q", d)
			}
		}
	})

	t.Run("Land page from a deep link 20 times out of 20", func(t *testing.T) {
		b.t = t
		for i := range 20 {
			b.open(i+1, "#land=BW")
			got := eval[string](b, "visible view", `[...document.querySelectorAll("main > section")].filter((s) => !s.hidden).map((s) => s.id + ":" + s.textContent.slice(0, 200)).join("|")`)
			if !strings.HasPrefix(got, "land:") || !strings.Contains(got, "Baden-Württemberg (BW)") {
				t.Errorf("load %d of #land=BW: got the view %.80q, want the Land page of Baden-Württemberg", i+1, got)
			}
		}
	})

	t.Run("graph view draws labelled nodes and an edge shows its quotes", func(t *testing.T) {
		b.t = t
		b.open(100, "#node=land:BW")
		labels := eval[[]string](b, "node labels", `[...document.querySelectorAll("#graph-svg .node text")].map((x) => x.textContent)`)
		if len(labels) < 3 || labels[0] == "" {
			t.Fatalf("got node labels %q, want at least 3", labels)
		}
		if !contains(labels, "Baden-Württemberg") {
			t.Errorf("got node labels %q, want Baden-Württemberg", labels)
		}
		// The nodes are spread over the drawing, not heaped in one place:
		// the median distance to the nearest other node is some 20 px or more.
		gap := eval[float64](b, "node spread", `(() => {
			const ps = [...document.querySelectorAll("#graph-svg .node .shape")].map((e) => { const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; });
			const near = ps.map((p, i) => Math.min(...ps.filter((_, j) => j !== i).map((q) => Math.hypot(p[0] - q[0], p[1] - q[1]))));
			near.sort((a, b) => a - b);
			return near[Math.floor(near.length / 2)];
		})()`)
		if gap < 20 {
			t.Errorf("graph view: median distance between neighbouring nodes %.1f px, want them spread (≥ 20 px)", gap)
		}
		// Click edges until one with evidence (a link drawn from document
		// metadata has none) shows its quotes.
		quoted := eval[bool](b, "click an edge", `(() => {
			for (const g of document.querySelectorAll("#graph-svg .edge-hit")) {
				g.dispatchEvent(new MouseEvent("click", { bubbles: true }));
				if (document.querySelector("#graph-panel .quote")) return true;
			}
			return false;
		})()`)
		if !quoted {
			t.Fatalf("no edge showed quotes in #graph-panel")
		}
		if q := eval[string](b, "quote", `document.querySelector("#graph-panel .quote").textContent`); len(q) < 10 {
			t.Errorf("quote: got %q", q)
		}
		b.step("click a node", chromedp.Click(chromedp.CSS("#graph-svg .node:not(.center) .shape")), chromedp.WaitVisible(chromedp.CSS("#graph-panel .pager a")))
	})

	t.Run("document page highlights evidence; Back returns", func(t *testing.T) {
		b.t = t
		from := "#search=Cyberwehr"
		b.open(200, from)
		b.step("open the first hit", chromedp.Click(chromedp.CSS("#search-hits .hit a")), b.readyAny())
		hash := eval[string](b, "address", `location.hash`)
		if !strings.HasPrefix(hash, "#doc=") {
			t.Fatalf("after clicking a hit: address %q, want #doc=…", hash)
		}
		spans := eval[int](b, "evidence spans", `document.querySelectorAll("#doc-text .ev").length`)
		facts := eval[int](b, "facts", `document.querySelectorAll(".facts .fact").length`)
		marks := eval[int](b, "query marks", `document.querySelectorAll("#doc-text mark").length`)
		if spans == 0 || facts == 0 || marks == 0 {
			t.Errorf("document page: got %d evidence spans, %d facts, %d marks; want each", spans, facts, marks)
		}
		bg := eval[string](b, "span colour", `getComputedStyle(document.querySelector("#doc-text .ev")).backgroundColor`)
		if bg == "" || bg == "rgba(0, 0, 0, 0)" || bg == "transparent" {
			t.Errorf("evidence span background: got %q, want a highlight", bg)
		}
		if ids := eval[[]string](b, "fact nodes", `[...document.querySelectorAll(".facts .chip")].map((c) => c.textContent).filter((x) => /^(land|topic|series|doc|person|strategy|org|law):/.test(x))`); len(ids) > 0 {
			t.Errorf("facts name their nodes by id %q, want names", ids)
		}
		b.step("click a span", chromedp.Click(chromedp.CSS("#doc-text .ev")), chromedp.WaitVisible(chromedp.CSS(".facts .fact.on")))
		b.step("Back", chromedp.NavigateBack(), b.ready(from))
		if v := eval[string](b, "visible view", `[...document.querySelectorAll("main > section")].find((s) => !s.hidden).id`); v != "search" {
			t.Errorf("after Back: view %q, want search", v)
		}
	})

	t.Run("paths between two Länder show the evidence of a step", func(t *testing.T) {
		b.t = t
		b.open(500, "#path=land:BW&to=land:BB")
		if n := eval[int](b, "paths", `document.querySelectorAll("#graph-out .path").length`); n == 0 {
			t.Fatalf("no path from BW to BB")
		}
		quoted := eval[bool](b, "click a step", `(() => {
			for (const s of document.querySelectorAll("#graph-out button.step")) {
				s.click();
				if (document.querySelector("#path-panel .quote")) return true;
			}
			return false;
		})()`)
		if !quoted {
			t.Errorf("no step showed quotes in #path-panel")
		}
	})

	t.Run("a graph query lists its nodes, a step shows its quotes, a bad query says why", func(t *testing.T) {
		b.t = t
		b.open(800, "#query=")
		b.step("type a query", chromedp.SetValue(chromedp.CSS("#query-form input"), "land:BW -hat|beschlossen|strategie-> thema"),
			chromedp.Click(chromedp.CSS("#query-form button")), b.readyAny())
		if hash := eval[string](b, "address", `location.hash`); !strings.HasPrefix(hash, "#query=land:BW") {
			t.Errorf("after the query: address %q, want #query=land:BW…", hash)
		}
		ends := eval[[]string](b, "rows", `[...document.querySelectorAll("#query-out .path")].map((p) => [...p.querySelectorAll("a")].pop().textContent)`)
		if len(ends) == 0 {
			t.Fatal("the query land:BW -hat-> thema found no topic")
		}
		b.step("click a step", chromedp.Click(chromedp.CSS("#query-out button.step")), chromedp.WaitVisible(chromedp.CSS("#query-panel .quote")))
		// A bad query answers 400, which the browser logs as a failed load
		// of its address: that one message is expected (the console reports
		// it when it likes, so it is left out at the end, by its address).
		b.step("type a bad query", chromedp.SetValue(chromedp.CSS("#query-form input"), "land:BW -kennt-> thema"),
			chromedp.Click(chromedp.CSS("#query-form button")), b.readyAny())
		if msg := eval[string](b, "error", `document.querySelector("#query-out .err").textContent`); !strings.Contains(msg, "unbekannte Beziehung") {
			t.Errorf("bad query: got %q, want the German reason", msg)
		}
		b.mu.Lock()
		b.expected = append(b.expected, expectedError{status: "status of 400", url: "/api/v1/graph/query?", word: "kennt"})
		b.mu.Unlock()
		b.step("Back", chromedp.NavigateBack(), b.readyAny())
		if hash := eval[string](b, "address", `location.hash`); !strings.HasPrefix(hash, "#query=land:BW") {
			t.Errorf("after Back: address %q, want the good query", hash)
		}
	})

	t.Run("German throughout: facet names, nested quotes, chair periods", func(t *testing.T) {
		b.t = t
		b.open(850, "#search=")
		lands := eval[[]string](b, "Land facet", `Array.from([...document.querySelectorAll("#search-facets .facet")].find((f) => f.querySelector("h3").textContent === "Land").querySelectorAll("a"), (a) => a.textContent)`)
		for _, l := range lands {
			if name, _, _ := strings.Cut(l, " ("); len(name) <= 2 {
				t.Errorf("Land facet value %q: want the Land's name, not its code", l)
			}
		}
		b.open(851, "#land=BW")
		quotes := eval[[]string](b, "quotes", `[...document.querySelectorAll("#land-out .quote")].map((q) => q.firstChild.textContent)`)
		if len(quotes) == 0 {
			t.Fatal("Land page of BW: no quotes")
		}
		for _, q := range quotes {
			if strings.Contains(q, "„„") || strings.Contains(q, "““") || strings.Count(q, "„") != 1 {
				t.Errorf("quote %.60q…: want one pair of „…“ with nested quotes as ‚…‘", q)
			}
		}
		if n := eval[int](b, "topic cards", `new Set([...document.querySelectorAll("#land-out .card > a[href^='#topic=']")].map((a) => a.getAttribute("href"))).size - document.querySelectorAll("#land-out .card > a[href^='#topic=']").length`); n != 0 {
			t.Errorf("Land page: a topic has %d more cards than one", -n)
		}
		b.open(852, "#"+url.Values{"ask": {"Wer hatte 2023 den Vorsitz der D16?"}}.Encode())
		text := eval[string](b, "answer", `document.querySelector("#ask-out .answer").textContent`)
		if !strings.Contains(text, "(") || !strings.Contains(text, "2023") {
			t.Errorf("chair answer %q: want each chair with its period", text)
		}
		if n := eval[int](b, "chair terms", `[...document.querySelectorAll("#ask-out .timeline .when")].length`); n == 0 {
			t.Errorf("chair answer: no chair terms with their periods")
		}
		if got := eval[string](b, "interpretation", `document.querySelector("#ask-out .answer + .muted").textContent`); strings.Contains(got, "Reihe: d16") {
			t.Errorf("interpretation %q: want the series by name, not its code", got)
		}
	})

	t.Run("strategy, organisation and law pages; bodies with their timelines", func(t *testing.T) {
		b.t = t
		b.open(860, "#land=BW")
		b.step("open a strategy", chromedp.Click(chromedp.CSS(`#land-out a[href^="#strategy="]`)), b.readyAny())
		if title := eval[string](b, "strategy page", `document.querySelector("#page-title").textContent`); !strings.Contains(title, "Strategie") {
			t.Errorf("strategy page title: got %q", title)
		}
		if n := eval[int](b, "strategy timeline", `document.querySelectorAll("#page-out .timeline .quote").length`); n == 0 {
			t.Errorf("strategy page: no statement on its timeline")
		}
		for _, kind := range []struct{ path, list, hash, title string }{
			{"/api/v1/organisations", "organisations", "organisation", "Organisation"},
			{"/api/v1/laws", "laws", "law", "Gesetz"},
		} {
			var res map[string]json.RawMessage
			var list []struct{ ID string }
			if s.get(t, kind.path, url.Values{"limit": {"1"}}, &res); json.Unmarshal(res[kind.list], &list) != nil || len(list) == 0 {
				t.Logf("the corpus has no %s", kind.list)
				continue
			}
			b.open(861, "#"+url.Values{kind.hash: {list[0].ID}}.Encode())
			if title := eval[string](b, kind.hash+" page", `document.querySelector("#page-title").textContent`); !strings.Contains(title, kind.title) {
				t.Errorf("%s page title: got %q", kind.hash, title)
			}
			if n := eval[int](b, kind.hash+" timeline", `document.querySelectorAll("#page-out .timeline .quote").length`); n == 0 {
				t.Errorf("%s page: no statement on its timeline", kind.hash)
			}
		}
		b.open(862, "#laender")
		b.step("open a body", chromedp.Click(chromedp.CSS(`#bodies a[href^="#series="]`)), b.readyAny())
		if n := eval[int](b, "body timeline", `document.querySelectorAll("#page-out .timeline").length`); n == 0 {
			t.Errorf("body page: no timeline")
		}
	})

	t.Run("matrix cell shows evidence; topic, series and person pages", func(t *testing.T) {
		b.t = t
		b.open(400, "#matrix")
		b.step("click a cell", chromedp.Click(chromedp.CSS("#matrix-out button[data-cell]")), chromedp.WaitVisible(chromedp.CSS("#matrix-panel .quote")))
		b.step("open a topic", chromedp.Click(chromedp.CSS("#matrix-out th.topic a")), b.readyAny())
		if title := eval[string](b, "topic page", `document.querySelector("#page:not([hidden]) #page-title").textContent`); !strings.Contains(title, "Thema") {
			t.Errorf("topic page title: got %q", title)
		}
		b.open(401, "#series=d16")
		if n := eval[int](b, "series timeline", `document.querySelectorAll("#page-out .timeline").length`); n == 0 {
			t.Errorf("series page d16: no timeline entries")
		}
		b.step("open a meeting", chromedp.Click(chromedp.CSS(`#page-out a[href^="#meeting="]`)), b.readyAny())
		if title := eval[string](b, "meeting page", `document.querySelector("#page-title").textContent`); !strings.Contains(title, "Treffen") {
			t.Errorf("meeting page title: got %q", title)
		}
		b.open(402, "#land=BW")
		b.step("open a person", chromedp.Click(chromedp.CSS(`#land-out a[href^="#person="]`)), b.readyAny())
		if title := eval[string](b, "person page", `document.querySelector("#page-title").textContent`); !strings.Contains(title, "Person") {
			t.Errorf("person page title: got %q", title)
		}
		// An organisation in the graph, and back to its page.
		b.open(403, "#land=BW")
		if href := eval[string](b, "organisation link", `(document.querySelector('#land-out a[href^="#organisation="]') || {}).getAttribute?.("href") || ""`); href != "" {
			id := strings.TrimPrefix(href, "#organisation=")
			b.open(404, "#node=org:"+id)
			if n := eval[int](b, "organisation graph", `document.querySelectorAll("#graph-svg .node").length`); n < 2 {
				t.Errorf("graph of organisation %s: got %d nodes, want it and its neighbours", id, n)
			}
			if k := eval[string](b, "organisation node kind", `document.querySelector("#graph-svg .node.center title").textContent`); !strings.Contains(k, "(Organisation)") {
				t.Errorf("graph of organisation %s: centre is %q, want an Organisation", id, k)
			}
		}
	})

	t.Run("screenshots", func(t *testing.T) {
		b.t = t
		dir := os.Getenv("LG_SCREENSHOTS")
		if dir == "" {
			var err error
			if dir, err = os.MkdirTemp("", "laendergraph-screenshots-"); err != nil {
				t.Fatal(err)
			}
		} else if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		var hits struct {
			Hits []struct {
				Doc struct{ ID string } `json:"doc"`
			} `json:"hits"`
		}
		if s.get(t, "/api/v1/search", url.Values{"q": {"Cyberwehr"}, "limit": {"1"}}, &hits); len(hits.Hits) == 0 {
			t.Fatal("search Cyberwehr: no hit")
		}
		doc := hits.Hits[0].Doc.ID
		views := []struct{ name, hash string }{
			{"search", "#search=Cyberwehr"},
			{"ask", "#" + url.Values{"ask": {"Welche Länder haben eine Cyberwehr?"}}.Encode()},
			{"laender", "#laender"},
			{"land", "#land=BW"},
			{"graph", "#node=land:BW"},
			{"matrix", "#matrix"},
			{"topic", "#topic=digitalstrategie"},
			{"series", "#series=d16"},
			{"strategy", "#strategy=BW-digital-bw"},
			{"path", "#path=land:BW&to=land:BB"},
			{"query", "#" + url.Values{"query": {"thema:ki <-hat|beschlossen|strategie- land"}}.Encode()},
			{"document", "#" + url.Values{"doc": {doc}, "q": {"Cyberwehr"}}.Encode()},
		}
		for _, w := range []int64{1280, 390} {
			b.step("viewport", chromedp.EmulateViewport(w, 900))
			for i, v := range views {
				b.open(300+i+int(w), v.hash)
				ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
				png, err := chromedp.Run(ctx, chromedp.FullScreenshot(90))
				cancel()
				if err != nil {
					t.Fatalf("screenshot %s: %v", v.name, err)
				}
				if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%s-%d.jpeg", v.name, w)), png, 0o644); err != nil {
					t.Fatal(err)
				}
				if w == 390 {
					if over := eval[int](b, "page width", `document.documentElement.scrollWidth`); over > 390 {
						t.Errorf("%s at 390 px: the page is %d px wide, want no horizontal scrolling", v.name, over)
					}
				}
			}
		}
		t.Logf("screenshots of %d views at 1280 and 390 px in %s", len(views), dir)
	})

	cancel() // closes the tab; the console loop ends
	wg.Wait()
	b.t = t
	errs := b.unexpected()
	for _, e := range errs {
		t.Errorf("console: %s", e)
	}
	if len(errs) > 0 {
		// A failed request in the console names no reason; the server's log does.
		for _, line := range strings.Split(s.log(), "\n") {
			if strings.Contains(line, "status=4") || strings.Contains(line, "status=5") {
				t.Logf("server: %s", line)
			}
		}
	}
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
