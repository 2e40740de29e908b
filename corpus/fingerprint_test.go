package corpus

import (
	"errors"
	"fmt"
	"hash/fnv"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
)

func TestFingerprintStringRoundTrip(t *testing.T) {
	for _, text := range []string{
		"",
		"Kurz.",
		"Die Landesregierung hat heute die neue Digitalstrategie beschlossen, die bis zum Jahr 2030 gilt.",
		strings.Repeat("Das Land baut das Glasfasernetz in jedem Landkreis weiter aus und fördert Schulen. ", 80),
	} {
		f := NewFingerprint(text)
		s := f.String()
		g, err := ParseFingerprint(s)
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		if g.Shingles != f.Shingles || !slices.Equal(g.Min, f.Min) {
			t.Errorf("round trip of %d shingles, %d hashes gave %d, %d", f.Shingles, len(f.Min), g.Shingles, len(g.Min))
		}
		if len(f.Min) == fingerprintK {
			if old := 17 * fingerprintK; len(s) > old*2/3 {
				t.Errorf("a full sketch takes %d bytes; the hexadecimal form took about %d", len(s), old)
			}
		}
	}
}

// TestParseFingerprintHexForm reads the form graphs written before the
// compact one still hold.
func TestParseFingerprintHexForm(t *testing.T) {
	f, err := ParseFingerprint("54:333f033b866bc3c,8c0d3afc9215d27,ffffffffffffffff")
	if err != nil {
		t.Fatal(err)
	}
	want := []uint64{0x333f033b866bc3c, 0x8c0d3afc9215d27, 0xffffffffffffffff}
	if f.Shingles != 54 || !slices.Equal(f.Min, want) {
		t.Errorf("got %d %x", f.Shingles, f.Min)
	}
	if g, _ := ParseFingerprint(f.String()); !slices.Equal(g.Min, want) {
		t.Errorf("hex form rewritten compactly reads back as %x", g.Min)
	}
}

func TestParseFingerprintInvalid(t *testing.T) {
	for _, s := range []string{"54", "x:1,2", "3:zz", "x;AAAAAAAAAAA", "3;AAAA", "3;!!!"} {
		if _, err := ParseFingerprint(s); err == nil {
			t.Errorf("%q parsed", s)
		} else if s == "3;AAAA" && !errors.Is(err, ErrInvalid) {
			t.Errorf("%q: %v does not wrap ErrInvalid", s, err)
		}
	}
}

func FuzzParseFingerprint(f *testing.F) {
	f.Add("54:333f033b866bc3c,8c0d3afc9215d27")
	f.Add(NewFingerprint("Die Landesregierung hat heute die neue Digitalstrategie beschlossen.").String())
	f.Add("3;")
	f.Fuzz(func(t *testing.T, s string) {
		fp, err := ParseFingerprint(s)
		if err != nil {
			return
		}
		// What parses writes back in the compact form and reads the same.
		g, err := ParseFingerprint(fp.String())
		if err != nil || g.Shingles != fp.Shingles || !slices.Equal(g.Min, fp.Min) {
			t.Fatalf("%q → %q: %v", s, fp.String(), err)
		}
	})
}

// newFingerprintRef is NewFingerprint as it was: the words of Fold(text),
// hashed with hash/fnv into a set. NewFingerprint must give the same.
func newFingerprintRef(text string) Fingerprint {
	words := strings.FieldsFunc(Fold(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	seen := map[uint64]bool{}
	for i := 0; i+fingerprintWidth <= len(words); i++ {
		h := fnv.New64a()
		for _, w := range words[i : i+fingerprintWidth] {
			h.Write([]byte(w))
			h.Write([]byte{' '})
		}
		seen[h.Sum64()] = true
	}
	all := make([]uint64, 0, len(seen))
	for h := range seen {
		all = append(all, h)
	}
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	if len(all) > fingerprintK {
		all = all[:fingerprintK]
	}
	return Fingerprint{Shingles: len(seen), Min: all}
}

var fingerprintTexts = []string{
	"", "Kurz.", "eins zwei drei", "eins zwei drei vier", "Eins ZWEI drei vier eins zwei drei vier",
	"  Größe  Straße\tÄRGER ÖL ÜBER ẞ — Maß\u00adnahme ‐ Bund‑Länder – Zukunft\n\n  ",
	"Die Landesregierung hat heute die neue Digitalstrategie beschlossen, die bis zum Jahr 2030 gilt.",
	strings.Repeat("Das Land baut das Glasfasernetz in jedem Landkreis weiter aus und fördert Schulen. ", 80),
	"x\xffy z\xc3 w\u00a0v\u2003u 4.0 KI-Strategie 5G İstanbul ǅemal Kelvin \u212a",
}

func TestNewFingerprintAsBefore(t *testing.T) {
	var long strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&long, "Wort%d Ärger%d Maß %d ", i%97, i%13, i)
	}
	for _, text := range append(fingerprintTexts, long.String()) {
		got, want := NewFingerprint(text), newFingerprintRef(text)
		if got.Shingles != want.Shingles || !slices.Equal(got.Min, want.Min) {
			t.Errorf("NewFingerprint(%.40q) = %d, %v, want %d, %v", text, got.Shingles, got.Min, want.Shingles, want.Min)
		}
	}
}

func FuzzNewFingerprint(f *testing.F) {
	for _, s := range fingerprintTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got, want := NewFingerprint(text), newFingerprintRef(text)
		if got.Shingles != want.Shingles || !slices.Equal(got.Min, want.Min) {
			t.Errorf("NewFingerprint(%q) = %d, %v, want %d, %v", text, got.Shingles, got.Min, want.Shingles, want.Min)
		}
	})
}

func TestFingerprintWords(t *testing.T) {
	for _, s := range append(fingerprintTexts, "a", "1", "-a-", "ab cd", "ä", "x\xff", "\xffx", "Ⅻ²³", "a\u0301b") {
		checkFingerprintWords(t, s)
	}
}

func checkFingerprintWords(t *testing.T, s string) {
	want := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if got := fingerprintWords(s); !slices.Equal(got, want) {
		t.Errorf("fingerprintWords(%q) = %q, want %q", s, got, want)
	}
}

func FuzzFingerprintWords(f *testing.F) {
	for _, s := range fingerprintTexts {
		f.Add(s)
	}
	f.Fuzz(checkFingerprintWords)
}
