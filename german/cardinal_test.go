package german

import "testing"

func TestCardinal(t *testing.T) {
	cases := []struct {
		w    string
		want int
		ok   bool
	}{
		{"vier", 4, true}, {"Zwölf", 12, true}, {"fünf", 5, true}, {"16", 16, true},
		{"Viertel", 0, false}, {"vierte", 0, false}, {"", 0, false},
	}
	for _, c := range cases {
		if n, ok := Cardinal(c.w); n != c.want || ok != c.ok {
			t.Errorf("Cardinal(%q) = %d, %v; want %d, %v", c.w, n, ok, c.want, c.ok)
		}
	}
}
