package meeting

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/ingest/extract"
	"github.com/laendergraph/laendergraph/ingest/text"
)

func TestZZDebug(t *testing.T) {
	meta := map[string][2]string{}
	f, _ := os.Open("/work/shared/corpus/sources.jsonl")
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var r struct{ File, Date, Title string }
		json.Unmarshal(sc.Bytes(), &r)
		if r.Date == "unknown" { r.Date = "" }
		meta[filepath.Base(r.File)] = [2]string{r.Date, r.Title}
	}
	x := New(extract.New(corpus.Laender(), corpus.DefaultThesaurus()))
	files, _ := filepath.Glob("/work/shared/corpus/docs/*.txt")
	for _, fn := range files {
		if os.Getenv("DOC") != "" && filepath.Base(fn)[:3] != os.Getenv("DOC") { continue }
		b, _ := os.ReadFile(fn)
		txt := text.Normalize(string(b))
		m := meta[filepath.Base(fn)]
		doc := &corpus.Document{ID: corpus.NewDocID(fn), File: filepath.Base(fn), Title: m[1], Date: corpus.Date(m[0]), Text: txt}
		ms, cs := x.Extract(doc, text.Sentences(txt))
		fmt.Println("==", doc.File, doc.Date, doc.Series)
		for _, mm := range ms {
			q := mm.Evidence.Quote
			mm.Evidence = corpus.Evidence{}
			j, _ := json.Marshal(mm)
			fmt.Printf("  M %s\n     %q\n", j, q)
		}
		for _, c := range cs {
			q := c.Evidence.Quote
			c.Evidence = corpus.Evidence{}
			j, _ := json.Marshal(c)
			fmt.Printf("  C %s\n     %q\n", j, q)
		}
	}
}
