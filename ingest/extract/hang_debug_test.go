package extract

import (
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/laendergraph/laendergraph/ingest/text"
)

func TestHangDebug(t *testing.T) {
	if os.Getenv("HANGDEBUG") == "" {
		t.Skip()
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "TestExtract", "*.txt"))
	var seeds []string
	for _, f := range files {
		b, _ := os.ReadFile(f)
		seeds = append(seeds, string(b))
	}
	x := newTestExtractor(t)
	r := rand.New(rand.NewSource(1))
	alphabet := []string{" ", "\n", ".", ",", "„", "“", "(", ")", "-", "Dr.", "A", "Ä", "ü", "Cyberwehr", "Brandenburg", "Strategie", "2020", "@", "'", "’", "Ministerin", "und", "des Landes"}
	for iter := 0; iter < 200000; iter++ {
		s := []byte(seeds[r.Intn(len(seeds))])
		for k := 0; k < 1+r.Intn(8); k++ {
			if len(s) == 0 {
				break
			}
			i := r.Intn(len(s))
			switch r.Intn(4) {
			case 0:
				j := i + r.Intn(len(s)-i)
				s = append(s[:i], s[j:]...)
			case 1:
				ins := alphabet[r.Intn(len(alphabet))]
				s = append(s[:i], append([]byte(ins), s[i:]...)...)
			case 2:
				o := []byte(seeds[r.Intn(len(seeds))])
				a := r.Intn(len(o))
				b := a + r.Intn(len(o)-a)
				s = append(s[:i], append(o[a:b], s[i:]...)...)
			case 3:
				s[i] = byte(r.Intn(256))
			}
		}
		str := string(s)
		if !utf8.ValidString(str) {
			continue
		}
		done := make(chan bool, 1)
		go func() {
			doc := parseCase(str, "f")
			x.Extract(doc, text.Sentences(doc.Text))
			done <- true
		}()
		select {
		case <-done:
		case <-time.After(3 * time.Second):
			buf := make([]byte, 1<<20)
			n := runtime.Stack(buf, true)
			os.WriteFile("/tmp/hang_input.txt", []byte(str), 0o644)
			t.Fatalf("HANG after %d iterations\n%s", iter, buf[:n])
		}
	}
}
