package meeting

import "testing"

func TestSeasonalMeetingNoun(t *testing.T) {
	tests := []struct {
		w, want string
	}{
		{"herbstsitzung", "sitzung"},
		{"frühjahrskonferenz", "frühjahrskonferenz"},
		{"herbstlaub", "herbstlaub"},
		{"d16-treffen", "treffen"},
	}
	for _, tt := range tests {
		if got := lastPart(tt.w); got != tt.want {
			t.Errorf("lastPart(%q) = %q, want %q", tt.w, got, tt.want)
		}
	}
}
