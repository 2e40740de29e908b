package text

import (
	"errors"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/laendergraph/laendergraph/corpus/corpustest"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	encunicode "golang.org/x/text/encoding/unicode"
)

func TestDecode(t *testing.T) {
	latin1 := func(s string) []byte {
		b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	utf16 := func(s string, e encunicode.Endianness, bom encunicode.BOMPolicy) []byte {
		b, err := encunicode.UTF16(e, bom).NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	rng := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 512)
	for i := range random {
		random[i] = byte(rng.Uint32())
	}
	tests := []struct {
		name    string
		in      []byte
		hint    string
		want    string
		wantErr error
	}{
		{"utf-8", []byte("Düsseldorf „Zitat“"), "text/plain", "Düsseldorf „Zitat“", nil},
		{"utf-8 bom", append([]byte{0xEF, 0xBB, 0xBF}, "Straße"...), "", "Straße", nil},
		{"windows-1252", latin1("Düsseldorf – „Straße“ €"), "text/plain", "Düsseldorf – „Straße“ €", nil},
		{"latin-1 declared", latin1("Größe"), "text/plain; charset=iso-8859-1", "Größe", nil},
		{"utf-16le bom", utf16("Köln", encunicode.LittleEndian, encunicode.UseBOM), "", "Köln", nil},
		{"utf-16be bom", utf16("Köln", encunicode.BigEndian, encunicode.UseBOM), "", "Köln", nil},
		{"utf-16le no bom", utf16("Die Länder tagen in Köln.", encunicode.LittleEndian, encunicode.IgnoreBOM), "", "Die Länder tagen in Köln.", nil},
		{"html meta charset", append([]byte(`<html><head><meta charset="iso-8859-15"></head><body>`), latin1("Gießen</body></html>")...), "text/html", "<html><head><meta charset=\"iso-8859-15\"></head><body>Gießen</body></html>", nil},
		{"html declared utf-8 but broken", []byte("<meta charset=\"utf-8\"><p>A\xffB</p>"), "text/html", "<meta charset=\"utf-8\"><p>A\uFFFDB</p>", nil},
		{"utf-8 with one bad byte", []byte("Baden-Württemberg übernimmt \xe4 den Vorsitz."), "text/plain", "Baden-Württemberg übernimmt \uFFFD den Vorsitz.", nil},
		{"utf-8 with a bad byte, declared latin-1", []byte("Gießen und Köln\xfc"), "text/plain; charset=iso-8859-1", "Gießen und Köln\uFFFD", nil},
		{"windows-1252 with one umlaut", latin1("Düsseldorf"), "text/plain", "Düsseldorf", nil},
		{"nul bytes", []byte("abc\x00def"), "", "", ErrBinary},
		{"control characters", []byte("ab\x01\x02\x03\x04cd"), "", "", ErrBinary},
		{"random bytes", random, "text/html", "", ErrBinary},
		{"empty", nil, "", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode(tt.in, tt.hint)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("got error %v, want %v", err, tt.wantErr)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	corpustest.AddSeeds(f, filepath.Join("..", "..", "german", "testdata", "TestSentences", "*.txt"))
	f.Add("\xff\xfeK\x00\xf6\x00")
	f.Add("<meta charset=\"windows-1252\">\xe4")
	f.Fuzz(func(t *testing.T, s string) {
		for _, hint := range []string{"", "text/plain", "text/html", "text/plain; charset=latin1"} {
			got, err := Decode([]byte(s), hint)
			if err != nil {
				continue
			}
			if !utf8.ValidString(got) {
				t.Fatalf("Decode(%q, %q): got invalid UTF-8 %q", s, hint, got)
			}
			if strings.HasPrefix(got, "\uFEFF") || strings.ContainsRune(got, 0) {
				t.Fatalf("Decode(%q, %q): got BOM or NUL in %q", s, hint, got)
			}
		}
	})
}
