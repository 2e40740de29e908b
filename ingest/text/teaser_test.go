package text

import (
	"fmt"
	"strings"
	"testing"
)

func TestIsTeaser(t *testing.T) {
	doc := "Das Land startet ein Portal.\n\nLesen Sie auch: Hessen startet Cyberwehr | Bayern übernimmt\n\n" +
		"Mehr zum Thema:\nBremen übernimmt den Vorsitz\n» Dritte DMK tagt in Kiel\n\nDie Ministerin lobte das Portal."
	tests := []struct {
		sentence string
		want     bool
	}{
		{"Das Land startet", false},
		{"Lesen Sie auch", true},
		{"Bremen übernimmt", true},
		{"» Dritte DMK", true},
		{"Die Ministerin", false},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			p := strings.Index(doc, tt.sentence)
			if got := IsTeaser(doc, p); got != tt.want {
				t.Errorf("IsTeaser at %q: got %v, want %v", tt.sentence, got, tt.want)
			}
		})
	}
}

// TestIsTeaserLongText checks that IsTeaser still finds teasers in a long
// text and that its cost does not grow with the text: a pass over every
// sentence of a text with no blank line stays linear (it used to lower-case
// the rest of the text for every sentence).
func TestIsTeaserLongText(t *testing.T) {
	var b strings.Builder
	b.WriteString("Mehr zum Thema:\n» Hessen startet Cyberwehr\n\n")
	para := b.Len()
	for b.Len() < 4<<20 {
		b.WriteString("Die Landesregierung berichtet über den Ausbau der Netze. ")
	}
	b.WriteString("\n\nLesen Sie auch: Bayern übernimmt\n")
	doc := b.String()
	tests := []struct {
		name string
		p    int
		want bool
	}{
		{"teaser at the start", strings.Index(doc, "» Hessen"), true},
		{"running text", para, false},
		{"running text far into the paragraph", len(doc) / 2, false},
		{"teaser at the end", strings.Index(doc, "Lesen Sie"), true},
		{"after the end", len(doc), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsTeaser(doc, tt.p); got != tt.want {
				t.Errorf("IsTeaser at %d: got %v, want %v", tt.p, got, tt.want)
			}
		})
	}
	// Every sentence once: 4 MB of text, about 70,000 sentences. Quadratic
	// work would scan terabytes and not finish within the test timeout.
	teasers := 0
	for _, s := range Sentences(doc) {
		if IsTeaser(doc, s.Start) {
			teasers++
		}
	}
	if teasers < 2 {
		t.Errorf("teasers over all sentences: got %d, want at least 2", teasers)
	}
}

func BenchmarkIsTeaser(b *testing.B) {
	for _, size := range []int{250 << 10, 1 << 20, 20 << 20} {
		doc := strings.Repeat("Die Landesregierung berichtet über den Ausbau der Netze. ", size/57)
		sents := Sentences(doc)
		b.Run(fmt.Sprintf("%dkB", size>>10), func(b *testing.B) {
			b.SetBytes(int64(len(doc)))
			for b.Loop() {
				for _, s := range sents {
					IsTeaser(doc, s.Start)
				}
			}
		})
	}
}

func TestLastIndex(t *testing.T) {
	long := strings.Repeat("x", 1500)
	tests := []string{"", "\n", "a\n\nb", long + "\n\n" + long, long[:511] + "\n\n" + long, long[:510] + "\n\n\n" + long[:1023], "\n\n" + long}
	for _, s := range tests {
		for _, sep := range []string{"\n", "\n\n"} {
			if got, want := lastIndex(s, sep), strings.LastIndex(s, sep); got != want {
				t.Errorf("lastIndex(%d bytes, %q): got %d, want %d", len(s), sep, got, want)
			}
		}
	}
}

var lowerPrefixCases = []struct{ s, p string }{
	{"", ""}, {"", "a"}, {"a", ""}, {"Mehr zum Thema", "mehr zum thema"}, {"MEHR ZUM THEMA: x", "mehr zum thema"}, {"Mehr zum The", "mehr zum thema"},
	{"Ähnliche Artikel", "ähnliche artikel"}, {"ÄHNLICHE ARTIKEL", "ähnliche artikel"}, {"Ahnliche Artikel", "ähnliche artikel"},
	{"\xffmehr", "mehr"}, {"\xffmehr", "\ufffdmehr"}, {"\ufffdmehr", "\ufffdmehr"}, {"\xe2\x80", "\ufffd"}, {"İx", "i"}, {"İx", "i̇x"},
	{"\u212aa", "ka"}, {"ẞ", "ß"}, {"Weitere Meldungen", "weitere meldungen"}, {"Ä", "\xc3"},
}

func TestLowerHasPrefix(t *testing.T) {
	for _, c := range lowerPrefixCases {
		if got, want := lowerHasPrefix(c.s, c.p), strings.HasPrefix(strings.ToLower(c.s), c.p); got != want {
			t.Errorf("lowerHasPrefix(%q, %q) = %v, want %v", c.s, c.p, got, want)
		}
	}
}

func FuzzLowerHasPrefix(f *testing.F) {
	for _, c := range lowerPrefixCases {
		f.Add(c.s, c.p)
	}
	f.Fuzz(func(t *testing.T, s, p string) {
		if got, want := lowerHasPrefix(s, p), strings.HasPrefix(strings.ToLower(s), p); got != want {
			t.Errorf("lowerHasPrefix(%q, %q) = %v, want %v", s, p, got, want)
		}
	})
}
