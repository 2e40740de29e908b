package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/laendergraph/laendergraph/corpus"
)

const pressText = `Land startet Förderprogramm für kommunale Rechenzentren

Die Landesregierung unterstützt Städte und Gemeinden beim Aufbau sicherer Rechenzentren. Das Programm hat ein Volumen von zwölf Millionen Euro und läuft bis zum Jahr 2027.

Gefördert werden die Erneuerung veralteter Technik, der Ausbau der Notstromversorgung und Schulungen für das Personal. Anträge können Kommunen ab dem kommenden Monat bei der Bewilligungsstelle einreichen.

Die zuständige Ministerin betonte, sichere Rechenzentren seien die Grundlage jeder digitalen Verwaltung. Die Kommunen hätten in den vergangenen Jahren viel geleistet, bräuchten aber weitere Unterstützung.`

// asHTML wraps paragraphs of t in a simple page.
func asHTML(t string) string {
	paras := strings.Split(t, "\n\n")
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><head><title>" + paras[0] + " | Landesportal</title></head><body>")
	b.WriteString("<nav><a href=\"/\">Startseite</a> <a href=\"/presse\">Presse</a></nav><main><h1>" + paras[0] + "</h1>")
	for _, p := range paras[1:] {
		b.WriteString("<p>" + p + "</p>\n")
	}
	b.WriteString("</main><footer>Impressum</footer></body></html>")
	return b.String()
}

func mapFS(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for name, body := range files {
		m[name] = &fstest.MapFile{Data: []byte(body), Mode: 0o644}
	}
	return m
}

func TestRunReingest(t *testing.T) {
	fsys := mapFS(map[string]string{
		"a/presse.txt":  pressText,
		"a/notiz.md":    "# Kurze Notiz zur Sitzung\n\nDie Sitzung des Lenkungskreises wurde auf den Herbst verschoben. Ein neuer Termin folgt.",
		"b/bericht.txt": "Bericht über die Breitbandversorgung im ländlichen Raum. Der Ausbau kommt voran, viele Haushalte sind bereits angeschlossen.",
	})
	store := newMemStore()
	in := Input{FS: fsys, Root: ".", Name: "quelle"}
	first := runOnce(t, store, testOptions(t), in)
	if first.Added != 3 {
		t.Fatalf("first run: got %+v, want 3 added", first)
	}
	want := store.files()
	for i := 2; i <= 3; i++ {
		sum := runOnce(t, store, testOptions(t), in)
		if sum.Unchanged != 3 || sum.Added+sum.Updated+sum.Duplicate+sum.Failed != 0 {
			t.Errorf("run %d: got %+v, want 3 unchanged and nothing else", i, sum)
		}
		if got := store.files(); !equalStrings(got, want) {
			t.Errorf("run %d: got files %v, want %v", i, got, want)
		}
	}
	if got, want := len(store.puts), 1; got != want {
		t.Errorf("got %d Put calls, want %d (unchanged files are not stored again)", got, want)
	}

	fsys["b/bericht.txt"] = &fstest.MapFile{Data: []byte("Neuer Bericht: Der Glasfaserausbau in den Landkreisen hat sich im letzten Jahr verdoppelt.")}
	sum := runOnce(t, store, testOptions(t), in)
	if sum.Updated != 1 || sum.Unchanged != 2 {
		t.Errorf("after a change: got %+v, want 1 updated, 2 unchanged", sum)
	}
	if d := store.byFile(t, "b/bericht.txt").Document; !strings.Contains(d.Text, "Glasfaserausbau") || strings.Contains(d.Text, "Breitbandversorgung") {
		t.Errorf("got text %q, want the new text only", d.Text)
	}
	if got := store.files(); !equalStrings(got, want) {
		t.Errorf("got files %v, want %v", got, want)
	}
}

func TestRunDuplicates(t *testing.T) {
	fsys := mapFS(map[string]string{
		"docs/01_presse.txt":  pressText,
		"docs/02_presse.html": asHTML(pressText),
		"docs/03_anders.txt":  "Land startet Förderprogramm für digitale Schulen\n\nDie Landesregierung stattet alle Schulen mit schnellem Internet und neuen Geräten aus. Lehrkräfte erhalten Fortbildungen, eine zentrale Lernplattform wird aufgebaut, und jedes Schulamt bekommt ein eigenes Support-Team für Fragen rund um die Technik.",
		"docs/04_kurz.txt":    "Land startet Förderprogramm.",
	})
	store := newMemStore()
	sum := runOnce(t, store, testOptions(t), Input{FS: fsys, Root: "docs", Name: "docs"})
	orig := store.byFile(t, "01_presse.txt")
	dup := store.byFile(t, "02_presse.html")
	if dup.Document.DuplicateOf != orig.Document.ID || orig.Document.DuplicateOf != "" {
		t.Fatalf("got 02 duplicate of %q and 01 of %q, want 02 duplicate of 01 (%s)", dup.Document.DuplicateOf, orig.Document.DuplicateOf, orig.Document.ID)
	}
	if len(dup.Mentions)+len(dup.LandTopics)+len(dup.Meetings)+len(dup.Chairs)+len(dup.People)+len(dup.Strategies)+len(dup.TopicMentions) != 0 {
		t.Errorf("got facts for the duplicate, want none: %+v", dup)
	}
	for _, f := range []string{"03_anders.txt", "04_kurz.txt"} {
		if d := store.byFile(t, f).Document; d.DuplicateOf != "" {
			t.Errorf("%s: got duplicate of %q, want none", f, d.DuplicateOf)
		}
	}
	if sum.Duplicate != 1 || sum.Added != 3 {
		t.Errorf("got %+v, want 3 added, 1 duplicate", sum)
	}
	if d := dup.Document; d.Title != "Land startet Förderprogramm für kommunale Rechenzentren" || d.Format != "html" {
		t.Errorf("got title %q format %q, want the h1 and html", d.Title, d.Format)
	}

	// A new file with the same text later: a duplicate of the stored original.
	fsys["docs/00_kopie.txt"] = &fstest.MapFile{Data: []byte(pressText + "\n")}
	sum = runOnce(t, store, testOptions(t), Input{FS: fsys, Root: "docs", Name: "docs"})
	if d := store.byFile(t, "00_kopie.txt").Document; d.DuplicateOf != orig.Document.ID {
		t.Errorf("got the new copy duplicate of %q, want of the stored original %s", d.DuplicateOf, orig.Document.ID)
	}
	if sum.Duplicate != 1 || sum.Unchanged != 4 {
		t.Errorf("got %+v, want 1 duplicate, 4 unchanged", sum)
	}
	if d := store.byFile(t, "01_presse.txt").Document; d.DuplicateOf != "" {
		t.Errorf("got the original duplicate of %q, want it to stay an original", d.DuplicateOf)
	}
}

func TestRunInputs(t *testing.T) {
	fsys := mapFS(map[string]string{
		"eins/text.txt": "Der Landtag berät über das Digitalgesetz. Die Abstimmung folgt im Mai.",
		"zwei/text.txt": "Der Senat beschließt eine neue Cloud-Strategie für die Verwaltung der Stadt.",
		"zwei/bild.PNG": "kein Bild",
		"zwei/.git/x":   "versteckt",
		"zwei/a.JSONL":  "{}",
	})
	store := newMemStore()
	sum := runOnce(t, store, testOptions(t),
		Input{FS: fsys, Root: "eins", Name: "eins"},
		Input{FS: fsys, Root: "zwei", Name: "zwei"},
		Input{FS: fsys, Root: "eins/text.txt", Name: "eins/text.txt"},
	)
	if got, want := store.files(), []string{"text.txt"}; !equalStrings(got, want) {
		t.Errorf("got files %v, want %v", got, want)
	}
	if d := store.byFile(t, "text.txt").Document; !strings.Contains(d.Text, "Landtag") {
		t.Errorf("got text %q, want the first input's", d.Text)
	}
	if sum.Added != 1 || sum.Failed != 2 || sum.Skipped != 1 {
		t.Fatalf("got %+v, want 1 added, 2 failed (same path), 1 skipped", sum)
	}
	for _, fe := range sum.Failures {
		if !errors.Is(fe, ErrSamePath) {
			t.Errorf("got %v, want ErrSamePath", fe)
		}
	}
	if !strings.Contains(sum.Skips[0].Error(), "unsupported file type .png") || sum.Skips[0].Path != filepath.Join("zwei", "bild.PNG") {
		t.Errorf("got %v, want zwei/bild.PNG as unsupported file type .png", sum.Skips[0])
	}

	if _, err := New(newMemStore(), testOptions(t)).Run(context.Background(), []Input{{FS: fsys, Root: "fehlt", Name: "fehlt"}}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing root: got %v, want os.ErrNotExist", err)
	}
	if _, err := InputsFromPaths([]string{filepath.Join(t.TempDir(), "fehlt")}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("InputsFromPaths: got %v, want os.ErrNotExist", err)
	}
}

func TestInputsFromPaths(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "docs", "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"docs/a.txt", "docs/sub/b.txt"} {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(f)), []byte("Ein kurzer Text über die Verwaltung."), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name  string
		path  string
		files []string
	}{
		{"folder", filepath.Join(dir, "docs"), []string{"a.txt", "sub/b.txt"}},
		{"parent folder", dir, []string{"docs/a.txt", "docs/sub/b.txt"}},
		{"file", filepath.Join(dir, "docs", "sub", "b.txt"), []string{"b.txt"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inputs, err := InputsFromPaths([]string{tt.path})
			if err != nil {
				t.Fatal(err)
			}
			store := newMemStore()
			runOnce(t, store, testOptions(t), inputs...)
			if got := store.files(); !equalStrings(got, tt.files) {
				t.Errorf("got %v, want %v", got, tt.files)
			}
		})
	}
}

func TestRunFatal(t *testing.T) {
	fsys := mapFS(map[string]string{"a.txt": "Ein Text über die Digitalisierung der Verwaltung im Land."})
	in := Input{FS: fsys, Root: ".", Name: "x"}

	store := newMemStore()
	store.err = errors.New("disk full")
	if _, err := New(store, testOptions(t)).Run(context.Background(), []Input{in}); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("store failure: got %v, want it reported", err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := New(newMemStore(), testOptions(t)).Run(ctx, []Input{in}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: got %v, want context.Canceled", err)
	}

	if _, err := New(newMemStore(), Options{}).Run(context.Background(), []Input{in}); !errors.Is(err, corpus.ErrInvalid) {
		t.Errorf("no extractor: got %v, want corpus.ErrInvalid", err)
	}
}

func TestRunManyWorkers(t *testing.T) {
	files := map[string]string{}
	for i := range 60 {
		files[filepath.ToSlash(filepath.Join("d", string(rune('a'+i%26))+strings.Repeat("x", i/26)+".txt"))] = syntheticText(i)
	}
	fsys := mapFS(files)
	var want []string
	for _, workers := range []int{1, 7} {
		opts := testOptions(t)
		opts.Workers, opts.BatchSize = workers, 5
		store := newMemStore()
		sum := runOnce(t, store, opts, Input{FS: fsys, Root: ".", Name: "."})
		if sum.Added+sum.Duplicate != 60 {
			t.Errorf("workers %d: got %+v, want 60 documents", workers, sum)
		}
		var order []string
		for _, b := range store.puts {
			for _, e := range b {
				order = append(order, e.Document.File+"→"+string(e.Document.DuplicateOf))
			}
		}
		if want == nil {
			want = order
		} else if !equalStrings(order, want) {
			t.Errorf("workers %d: got order %v, want %v", workers, order, want)
		}
	}
}

// A truncated copy that sorts first must not take the place of the full text:
// the longer text is the original and keeps its facts.
func TestRunDuplicateLongerTextIsOriginal(t *testing.T) {
	full := pressText + "\n\nBrandenburg baut eine Cyberwehr auf. Sie berät kleine Unternehmen bei Angriffen auf ihre Netze und ist rund um die Uhr erreichbar."
	fsys := mapFS(map[string]string{
		"01_auszug.txt": pressText[:len(pressText)*9/10],
		"02_voll.txt":   full,
	})
	store := newMemStore()
	sum := runOnce(t, store, testOptions(t), Input{FS: fsys, Root: ".", Name: "docs"})
	short, long := store.byFile(t, "01_auszug.txt"), store.byFile(t, "02_voll.txt")
	if short.Document.DuplicateOf != long.Document.ID || long.Document.DuplicateOf != "" {
		t.Fatalf("got excerpt duplicate of %q and full text of %q, want the excerpt duplicate of %s", short.Document.DuplicateOf, long.Document.DuplicateOf, long.Document.ID)
	}
	if len(short.Mentions)+len(short.TopicMentions)+len(short.LandTopics) != 0 || len(short.Document.Laender) != 0 {
		t.Errorf("got facts for the demoted excerpt, want none: %+v", short)
	}
	if len(long.LandTopics) == 0 {
		t.Errorf("got no Land–topic facts for the full text, want its Cyberwehr fact")
	}
	if sum.Added != 1 || sum.Duplicate != 1 {
		t.Errorf("got %+v, want 1 added, 1 duplicate", sum)
	}
}

// A republication on a portal, with the portal's header, navigation,
// dateline, contact box and footer around the same text, repeats it: the
// fingerprint sketches running text only.
func TestRunDuplicateWithOwnHeaderAndFooter(t *testing.T) {
	portal := "landesportal.example – Das Portal des Landes\n" +
		"Startseite › Themen › Kommunen › Digitale Verwaltung › Aktuelle Meldungen › Archiv\n\n" +
		"Meldung vom 12.05.2026 | Quelle: Ministerium für Digitales | Lesedauer 3 Minuten | Drucken\n\n" +
		pressText + "\n\n" +
		"Ansprechpartner für Kommunen\nReferat 42 – Kommunale IT\nBewilligungsstelle Nord · Hafenstraße 1 · 00000 Musterstadt\n" +
		"Telefon 0000 000000 · Telefax 0000 000001 · foerderung@land.example\n\n" +
		"Seite drucken | Seite teilen | Nach oben | Leichte Sprache | Gebärdensprache\n" +
		"Impressum | Datenschutz | Barrierefreiheit | Cookie-Einstellungen | Kontakt | Presse | Karriere\n" +
		"© Landesregierung, Staatskanzlei, Referat Internet und Soziale Medien, alle Rechte vorbehalten"
	ministry := "Ministerium für Digitales und Kommunales – Pressemitteilung Nr. 88/2026 – Ressort Kommunen\n" +
		"Musterstadt, 11. Mai 2026\n\n" + pressText + "\n\n" +
		"Pressekontakt\nPressestelle des Ministeriums für Digitales und Kommunales\nTelefon 0000 111111 · presse@digital.example\n" +
		"Diese Pressemitteilung als PDF herunterladen | Alle Pressemitteilungen | Newsletter abonnieren | RSS-Feed | Bildarchiv"
	if c := corpus.NewFingerprint(ministry).Containment(corpus.NewFingerprint(portal)); c >= corpus.DuplicateThreshold {
		t.Fatalf("the whole texts share %.2f of their shingles: the test needs a frame that hides the copy", c)
	}
	fsys := mapFS(map[string]string{
		"01_presse.txt": ministry,
		"02_portal.txt": portal,
	})
	store := newMemStore()
	runOnce(t, store, testOptions(t), Input{FS: fsys, Root: ".", Name: "docs"})
	a, b := store.byFile(t, "01_presse.txt").Document, store.byFile(t, "02_portal.txt").Document
	if (a.DuplicateOf == b.ID) == (b.DuplicateOf == a.ID) {
		t.Fatalf("got 01 duplicate of %q and 02 of %q, want one a duplicate of the other", a.DuplicateOf, b.DuplicateOf)
	}
}

// A third copy after a demotion points at the longer text, not at the
// demoted excerpt.
func TestRunDuplicateAfterDemotion(t *testing.T) {
	full := pressText + "\n\nDie Förderrichtlinie tritt am ersten Tag des kommenden Quartals in Kraft und gilt zunächst für drei Jahre."
	fsys := mapFS(map[string]string{
		"01_auszug.txt": pressText[:len(pressText)*9/10],
		"02_voll.txt":   full,
		"03_kopie.txt":  full + "\n",
	})
	store := newMemStore()
	runOnce(t, store, testOptions(t), Input{FS: fsys, Root: ".", Name: "docs"})
	long := store.byFile(t, "02_voll.txt").Document
	for _, f := range []string{"01_auszug.txt", "03_kopie.txt"} {
		if got := store.byFile(t, f).Document.DuplicateOf; got != long.ID {
			t.Errorf("%s: got duplicate of %q, want of the full text %s", f, got, long.ID)
		}
	}
}
