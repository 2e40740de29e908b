package meeting

import "testing"

func TestForeignBodyInvitation(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"Die Runde tagte am 3. Mai auf Einladung der hessischen Landesregierung in Wiesbaden.", false},
		{"Das Treffen fand auf Einladung des Senats im Rathaus statt.", false},
		{"Der Landtag tagte am 3. Mai in Wiesbaden.", true},
	}
	for _, tt := range tests {
		t.Run(tt.s, func(t *testing.T) {
			if got := analysed(t, tt.s, "").foreignBody(); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
