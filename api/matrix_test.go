package api

import "testing"

func TestMatrix(t *testing.T) {
	env := newTestEnv(t)
	status, body, _ := get(t, env.h, "/api/v1/matrix")
	if status != 200 {
		t.Fatalf("status: got %d, want 200", status)
	}
	if n := len(body["laender"].([]any)); n != 16 {
		t.Errorf("laender: got %d, want 16", n)
	}
	for _, tc := range []struct {
		path []any
		want any
	}{
		{[]any{"topics", 0, "id"}, "cyberwehr"},
		{[]any{"topics", 0, "label"}, "Cyberwehr"},
		{[]any{"cells", 0, "land"}, "BW"},
		{[]any{"cells", 0, "topic"}, "cyberwehr"},
		{[]any{"cells", 0, "relations", 0}, "has"},
		{[]any{"cells", 0, "count"}, 1.0},
		{[]any{"cells", 0, "evidence", 0, "quote"}, "Baden-Württemberg stellt eine Cyberwehr auf."},
		{[]any{"cells", 1}, nil},
	} {
		if got := dig(body, tc.path...); got != tc.want {
			t.Errorf("%v: got %v, want %v", tc.path, got, tc.want)
		}
	}
}
