package answer

import (
	"slices"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
)

func TestParseSeasonAndAdjective(t *testing.T) {
	reg, th := corpus.Laender(), corpus.DefaultThesaurus()
	cases := []struct {
		q      string
		intent Intent
		land   corpus.LandCode
		months []int
	}{
		{"Where did the DMK meet in spring 2031 under the Bavarian chair?", IntentMeeting, "BY", []int{3, 4, 5}},
		{"Wo tagte die DMK im Herbst 2031?", IntentMeeting, "", []int{9, 10, 11}},
		{"When did the DMK meet in May 2031?", IntentMeeting, "", []int{5}},
		{"Who chaired the DMK in 2031? May I ask?", IntentChair, "", nil},
		{"Wo tagte die D16 unter Lower Saxon chair im Mai?", IntentMeeting, "NI", []int{5}},
	}
	for _, tc := range cases {
		t.Run(tc.q, func(t *testing.T) {
			got := Parse(tc.q, reg, th)
			if got.Intent != tc.intent {
				t.Errorf("intent: got %s, want %s", got.Intent, tc.intent)
			}
			if got.Land != tc.land {
				t.Errorf("land: got %q, want %q", got.Land, tc.land)
			}
			if !slices.Equal(got.Months, tc.months) {
				t.Errorf("months: got %v, want %v", got.Months, tc.months)
			}
		})
	}
}

func TestInMonths(t *testing.T) {
	cases := []struct {
		d    corpus.Date
		want bool
	}{{"2031-05-06", true}, {"2031-10", false}, {"2031", true}}
	for _, tc := range cases {
		t.Run(string(tc.d), func(t *testing.T) {
			if got := inMonths(tc.d, []int{3, 4, 5}); got != tc.want {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}
