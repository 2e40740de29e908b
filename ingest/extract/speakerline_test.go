package extract

import (
	"slices"
	"testing"
)

var speakerLineTexts = []string{
	"", ":", "\n", "Dr. Hartung-Möbius, Ministerin für Digitales und Infrastruktur:\nVielen Dank.",
	"Präsident:\n  Prof. Dr. Müller, Minister des Innern: \t\nText\nÖzdemir, Staatssekretär:",
	"Einleitung\r\nSchmidt, Ministerin für Inneres:\r\n", "Schmidt, Ministerin: weiter: \nMeier, Minister:",
	"Schmidt-Meier-Lang, Ministerin:\nSchmidt, Mi\nnisterin:", "schmidt, Ministerin:\nSCHMIDT, Ministerin:",
	"Dr.Dr. Kühn, Senatorin für Finanzen:", "Ärger, Ministerin für Größe und Maß:\n\nÄrger, :\nX, abc:",
	"Frau Schmidt, Ministerin:", "Schmidt,  Ministerin:", "Schmidt, Ministerin:\xff\nSchmidt, Minist\xffrin:",
}

func TestSpeakerLineMatches(t *testing.T) {
	for _, s := range speakerLineTexts {
		if got, want := speakerLineMatches(s), speakerLineRE.FindAllStringSubmatchIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("speakerLineMatches(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzSpeakerLineMatches(f *testing.F) {
	for _, s := range speakerLineTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := speakerLineMatches(s), speakerLineRE.FindAllStringSubmatchIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("speakerLineMatches(%q) = %v, want %v", s, got, want)
		}
	})
}
