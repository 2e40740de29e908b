package meeting

import (
	"fmt"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/ingest/text"
)

// TestChairTransferAndPast checks chair terms told as a move "nach" a Land
// and as a past chair in a relative clause with "geleitet".
func TestChairTransferAndPast(t *testing.T) {
	tests := []struct {
		s    string
		want string // "LAND from-to"
	}{
		{"Nach dem Kieler Jahr wechselt der Vorsitz 2051 nach Thüringen.", "TH 2051-2051"},
		{"Im Jahr 2051 geht der Vorsitz nach Bremen.", "HB 2051-2051"},
		{"Brandenburg löst damit Hessen ab, das die Konferenz im Jahr 2050 geleitet hatte.", "HE 2050-2050"},
	}
	for _, tt := range tests {
		t.Run(tt.s, func(t *testing.T) {
			ms, got := chairTermsAfterMeeting(tt.s)
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("terms %v, want %q", got, tt.want)
			}
			for _, m := range ms {
				if len(m.Chairs) > 0 && m.Start == "2050" {
					t.Errorf("a past chair statement made a meeting: %+v", m)
				}
			}
		})
	}
}

// TestChairScopeAndPeriods checks a chair told in one clause of a long
// sentence that names a host and a coming chair in others, a "vom … bis"
// period across the turn of the year and a chair that "endet".
func TestChairScopeAndPeriods(t *testing.T) {
	tests := []struct {
		s    string
		want string // "LAND from-to"
	}{
		{"Sachsen wird vom 1. April 2050 bis 31. März 2051 den Vorsitz innehaben.", "SN 2050-04-01-2051-03-31"},
		{"Mit dem 31. März 2051 endet der Vorsitz Sachsens.", "SN -2051-03-31"},
	}
	for _, tt := range tests {
		t.Run(tt.s, func(t *testing.T) {
			_, got := chairTermsAfterMeeting(tt.s)
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("terms %v, want %q", got, tt.want)
			}
		})
	}
}

// chairTermsAfterMeeting extracts sentence s after a DMK meeting sentence in
// a document of 2050-12-01 and returns the meetings and the chair terms, one
// "LAND from-to" per Land.
func chairTermsAfterMeeting(s string) ([]corpus.MeetingMention, []string) {
	s = "Die Digitalministerkonferenz tagt. " + s
	doc := &corpus.Document{Text: s, Date: "2050-12-01"}
	ms, ts := testExtractor.Extract(doc, text.Sentences(s))
	var got []string
	for _, c := range ts {
		for _, l := range c.Lands {
			got = append(got, string(l)+" "+string(c.From)+"-"+string(c.To))
		}
	}
	return ms, got
}

// TestChairOfOwnLand: a government's text that says "der Freistaat" takes
// over a chair names its own Land; a text of no known Land names none.
func TestChairOfOwnLand(t *testing.T) {
	s := "Zum 1. Oktober 2041 übernimmt der Freistaat für ein Jahr den Vorsitz der Ministerpräsidentenkonferenz."
	for _, tc := range []struct {
		land corpus.LandCode
		want string
	}{{"BY", "[BY] 2041-10-01-2042-09-30"}, {"", "[]"}} {
		_, terms := testExtractor.Extract(&corpus.Document{Text: s, Date: "2041-09-20", Land: tc.land}, text.Sentences(s))
		var got []string
		for _, c := range terms {
			got = append(got, fmt.Sprintf("%v %s-%s", c.Lands, c.From, c.To))
		}
		if fmt.Sprint(got) != "["+tc.want+"]" && !(tc.want == "[]" && len(got) == 0) {
			t.Errorf("document of %q: terms %v, want %s", tc.land, got, tc.want)
		}
	}
}
