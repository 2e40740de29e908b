package german

import (
	"strings"
	"testing"
	"unicode"
)

// FuzzTokenize checks the tokenizer's invariants on any text: tokens in
// order, made of word runes, Lower the lower case of Raw, Sep the
// normalised text between two tokens (the shortcut for plain separators
// gives what the full normalisation gives).
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"", "Die KI-Strategie 4.0 des Landes", "Äpfel  und\n\nBirnen – ÜBER", "a‐b\tc\u00a0d", "x\xffY", "İstanbul ẞ STRASSE"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ts := Tokenize(s)
		prevEnd := 0
		for i, tk := range ts {
			if tk.Start < prevEnd || tk.End <= tk.Start || tk.End > len(s) || tk.Raw != s[tk.Start:tk.End] {
				t.Fatalf("token %d %+v out of place in %q", i, tk, s)
			}
			if tk.Lower != strings.ToLower(tk.Raw) {
				t.Fatalf("token %q: Lower %q, want %q", tk.Raw, tk.Lower, strings.ToLower(tk.Raw))
			}
			want := ""
			if i > 0 {
				want = normSep(s[prevEnd:tk.Start])
			}
			if tk.Sep != want {
				t.Fatalf("token %q: Sep %q, want %q", tk.Raw, tk.Sep, want)
			}
			prevEnd = tk.End
		}
	})
}

// TestIsWordRuneASCII checks IsWordRune's shortcut for ASCII against its
// definition, for every rune and some negative values.
func TestIsWordRuneASCII(t *testing.T) {
	for r := rune(-3); r <= unicode.MaxRune+1; r++ {
		want := r >= 0 && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
		if got := IsWordRune(r); got != want {
			t.Fatalf("IsWordRune(%U) = %v, want %v", r, got, want)
		}
	}
}
