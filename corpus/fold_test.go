package corpus

import "testing"

var foldWords = []string{"", "März", "MAERZ", "Größe", "STRASSE", "Straße", "ẞ", "Maß\u00adnahme", "Bund‐Länder", "Bund‑Länder–Gipfel",
	"für", "ÜBER", "Öl", "İstanbul", "\u212a", "x\xffy", "\xc3", "a b", " März ", "a\u00a0b", "ǅ", "Ⱥ", "\ufffd", "\xc2\u00ad\xad"}

func TestAppendFold(t *testing.T) {
	for _, w := range foldWords {
		if got, want := string(AppendFold([]byte("x"), w)), "x"+Fold(w); got != want {
			t.Errorf("AppendFold(%q) = %q, want %q", w, got, want)
		}
	}
}

func FuzzAppendFold(f *testing.F) {
	for _, w := range foldWords {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := string(AppendFold([]byte("x"), w)), "x"+Fold(w); got != want {
			t.Errorf("AppendFold(%q) = %q, want %q", w, got, want)
		}
	})
}
