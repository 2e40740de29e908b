package extract

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/laendergraph/laendergraph/ingest/text"
)

func TestSlowDebug(t *testing.T) {
	if os.Getenv("HANGDEBUG") == "" {
		t.Skip()
	}
	x := newTestExtractor(t)
	for _, unit := range []string{"Ministerin Anna Muster, ", "Brandenburg Cyberwehr ", "„Strategie ", "Dr. ", "A B C D E F ", "Staatssekretär für Digitales und ", "x ", "Brandenburgs neue Cyberwehr und ", "der Minister, "} {
		for _, n := range []int{1000, 4000} {
			s := strings.Repeat(unit, n)
			st := time.Now()
			sents := text.Sentences(s)
			ts := time.Since(st)
			doc := parseCase("title: x\n\n"+s, "f")
			st = time.Now()
			x.Extract(doc, text.Sentences(doc.Text))
			t.Logf("%q x%d: sentences %v (%d), extract %v", unit, n, ts, len(sents), time.Since(st))
		}
	}
}
